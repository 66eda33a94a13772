"""MatchNavigator: the reader's place among the matched groups, and what each article highlights."""

from __future__ import annotations

from collections.abc import Iterable

from tui.core.colours import colour_groups
from tui.core.model import Analysis, MatchGroup, Segment, Span
from tui.ui.navigator import Navigator
from tui.ui.render import Mark
from tui.ui.voices import Voices
from tui.ui.widgets.article_view import MATCH_COLOURS, ArticleView


class MatchNavigator(Navigator[MatchGroup]):
    """The groups of an analysis that independent sources share, a cursor over them, and whether
    the unique passages are marked.

    A group only copies of one text share (wire copy printed twice) is no match: two outlets
    printing one agency's sentence do not corroborate it. Such groups are neither gone to nor
    coloured; in the unique view a family's own text is news once, in its first source (the core's
    unique_passages counts a family as one voice).
    """

    EMPTY = "No passages are shared by two or more of these articles."

    def __init__(self, analysis: Analysis) -> None:
        self.voices = Voices(analysis)
        """The copy families: which sources are one voice."""
        self.copied = tuple(group for group in analysis.groups if self.voices.copied(group))
        """The groups only copies of one text share."""
        super().__init__(tuple(group for group in analysis.groups if not self.voices.copied(group)), "match", "matches")
        if self.copied and not self.items:
            self.EMPTY = "Only copies of one text share passages here: no two independent sources do."
        self.analysis = analysis
        self.show_unique = False
        self._unique_passages: dict[str, tuple[Segment, ...]] | None = None
        self.colours = colour_groups(self.groups, MATCH_COLOURS)
        """The colour of each group (an index into the palette), neighbours never alike."""
        self._coloured = self._colour_marks()

    def _colour_marks(self) -> dict[str, tuple[Mark, ...]]:
        """Each article's passages in their groups' colours: made once, the current group's marks go over them."""
        marks: dict[str, list[Mark]] = {}
        for index, group in enumerate(self.groups):
            for member in group.members:
                marks.setdefault(member.span.article, []).append(_mark(member, ArticleView.match_style(self.colours[index])))
        return {article_id: tuple(article_marks) for article_id, article_marks in marks.items()}

    @property
    def _unique(self) -> dict[str, tuple[Segment, ...]]:
        """Each article's passages no other voice shares (a family's own text once, in its first copy); worked
        out when first asked for, with the analysis module (not loaded at start-up, nor from the cache)."""
        if self._unique_passages is None:
            from tui.core.analysis import unique_passages

            self._unique_passages = unique_passages(self.analysis)
        return self._unique_passages

    @property
    def groups(self) -> tuple[MatchGroup, ...]:
        """The matched groups in reading order."""
        return self.items

    @property
    def unique_count(self) -> int:
        """How many passages no other source shares."""
        return sum(len(segments) for segments in self._unique.values())

    @property
    def position(self) -> str:
        """Where the reader is: "match 3/12", and the match's own label when it is not "m3" ("match 4/41 (m5)"): the
        labels number the groups only copies share too, which are not gone to, so the two can part."""
        label, current = self.cursor.label, self.current
        if current is not None and self.cursor.index is not None and current.id != f"m{self.cursor.index + 1}":
            label += f" ({current.id})"
        return label

    @property
    def label(self) -> str:
        """The status: "match 3/12" or "12 matches" (and how many passages only copies share), and
        the unique passages while they are marked."""
        label = self.position
        if self.copied:
            label += f" · {len(self.copied)} between copies"
        if self.show_unique:
            return f"{label} · {self.unique_count} unique passages (u: off)"
        return label

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

    def spans(self, item: MatchGroup) -> Iterable[Span]:
        return (member.span for member in item.members)

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
        current = self.cursor.index
        if current is None:
            return self._coloured
        marks = dict(self._coloured)
        group = self.groups[current]
        for member in group.members:
            strong = _mark(member, ArticleView.current_style(self.colours[current]))
            marks[member.span.article] = (*marks.get(member.span.article, ()), strong, Mark(member.span.start, member.span.end, ArticleView.CURRENT, label=group.id))
        return marks


def _mark(segment: Segment, style: str) -> Mark:
    return Mark(segment.span.start, segment.span.end, style)
