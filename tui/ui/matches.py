"""MatchNavigator: the reader's place among the matched groups, and what each article highlights."""

from __future__ import annotations

from tui.core.model import Analysis, MatchGroup, Segment
from tui.core.navigation import Cursor
from tui.ui.render import Mark
from tui.ui.widgets.article_view import ArticleView


class MatchNavigator:
    """The groups of an analysis, a cursor over them, and whether the unique passages are marked.

    Plain state, no widget (like Textual's markdown `Navigator`): the app asks it where to
    scroll and what to highlight, and hands the answers to the Reader.
    """

    def __init__(self, analysis: Analysis) -> None:
        self.analysis = analysis
        self.groups: tuple[MatchGroup, ...] = analysis.groups
        self.cursor = Cursor(len(self.groups), "match", "matches")
        self.show_unique = False
        self._unique = _unique_segments(analysis)

    @property
    def current(self) -> MatchGroup | None:
        """The group the cursor is on; None before the first jump."""
        return None if self.cursor.index is None else self.groups[self.cursor.index]

    @property
    def unique_count(self) -> int:
        """How many passages no other source shares."""
        return sum(len(segments) for segments in self._unique.values())

    @property
    def label(self) -> str:
        """The status: "match 3/12" or "12 matches", and the unique passages while they are marked."""
        if self.show_unique:
            return f"{self.cursor.label} · {self.unique_count} unique passages (u: off)"
        return self.cursor.label

    def move(self, delta: int) -> MatchGroup | None:
        """Step to the next (+1) or previous (-1) group, wrapping round."""
        self.cursor.move(delta)
        return self.current

    def select_at(self, article_id: str, offset: int) -> MatchGroup | None:
        """Make the group with a passage at this body offset current; None (and no move) if there is none."""
        found = [
            (len(member.span), index)
            for index, group in enumerate(self.groups)
            for member in group.members
            if member.span.article == article_id and member.span.start <= offset < member.span.end
        ]
        if not found:
            return None
        self.cursor.go_to(min(found)[1])  # the tightest passage wins where groups overlap
        return self.current

    def toggle_unique(self) -> bool:
        """Switch between highlighting the matches and marking the unique passages; the new state."""
        self.show_unique = not self.show_unique
        return self.show_unique

    def marks(self) -> dict[str, tuple[Mark, ...]]:
        """Each article's highlights, by article id."""
        if self.show_unique:
            return {
                article.id: (
                    Mark(0, len(article.body), ArticleView.DIM),
                    *(Mark(s.span.start, s.span.end, ArticleView.UNIQUE) for s in self._unique.get(article.id, ())),
                )
                for article in self.analysis.corpus.articles
            }
        marks: dict[str, list[Mark]] = {}
        for index, group in enumerate(self.groups):
            for member in group.members:
                marks.setdefault(member.span.article, []).append(_mark(member, ArticleView.match_style(index)))
        index = self.cursor.index
        for member in self.groups[index].members if index is not None else ():
            marks.setdefault(member.span.article, []).append(_mark(member, ArticleView.current_style(index)))
            marks[member.span.article].append(_mark(member, ArticleView.CURRENT))
        return {article_id: tuple(article_marks) for article_id, article_marks in marks.items()}


def offsets(group: MatchGroup) -> dict[str, int]:
    """Where each article's passage of the group starts, by article id (its first, if it has several)."""
    found: dict[str, int] = {}
    for member in group.members:
        found.setdefault(member.span.article, member.span.start)
    return found


def _mark(segment: Segment, style: str) -> Mark:
    return Mark(segment.span.start, segment.span.end, style)


def _unique_segments(analysis: Analysis) -> dict[str, list[Segment]]:
    """The segments of each article that overlap no group's passage."""
    members: dict[str, list[Segment]] = {}
    for group in analysis.groups:
        for member in group.members:
            members.setdefault(member.span.article, []).append(member)
    return {
        article_id: [s for s in segments if not any(s.span.overlaps(m.span) for m in members.get(article_id, ()))]
        for article_id, segments in analysis.segments.items()
    }
