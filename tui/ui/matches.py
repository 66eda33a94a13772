"""MatchNavigator: the reader's place among the matched groups, and what each article highlights."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from itertools import accumulate

from tui.core.analysis import unique_passages
from tui.core.model import Analysis, MatchGroup, Segment, Span
from tui.ui.navigator import Navigator
from tui.ui.render import Mark
from tui.ui.voices import Voices
from tui.ui.widgets.article_view import ArticleView


class MatchNavigator(Navigator[MatchGroup]):
    """The groups of an analysis that independent sources share, a cursor over them, and whether
    the unique passages are marked.

    A group only copies of one text share (wire copy printed twice) is no match: two outlets
    printing one agency's sentence do not corroborate it. Such groups are neither gone to nor
    coloured, and in the unique view a family's text is news once, in its first source.
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
        self._unique = _voice_unique(analysis, self.voices, self.copied)

    @property
    def groups(self) -> tuple[MatchGroup, ...]:
        """The matched groups in reading order."""
        return self.items

    @property
    def unique_count(self) -> int:
        """How many passages no other source shares."""
        return sum(len(segments) for segments in self._unique.values())

    @property
    def label(self) -> str:
        """The status: "match 3/12" or "12 matches" (and how many passages only copies share), and
        the unique passages while they are marked."""
        label = self.cursor.label
        if self.copied:
            label += f" · {len(self.copied)} only between copies"
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
        marks: dict[str, list[Mark]] = {}
        for index, group in enumerate(self.groups):
            for member in group.members:
                marks.setdefault(member.span.article, []).append(_mark(member, ArticleView.match_style(index)))
        current = self.cursor.index
        if current is not None:
            for member in self.groups[current].members:
                marks.setdefault(member.span.article, []).append(_mark(member, ArticleView.current_style(current)))
                marks[member.span.article].append(_mark(member, ArticleView.CURRENT))
        return {article_id: tuple(article_marks) for article_id, article_marks in marks.items()}


def _voice_unique(analysis: Analysis, voices: Voices, copied: tuple[MatchGroup, ...]) -> dict[str, tuple[Segment, ...]]:
    """Each article's passages that no other voice shares: what only copies of one text share is
    the family's news, marked once, in the first of its sources that prints it; the other copies
    keep only what they alone print."""
    unique = unique_passages(analysis)
    within: dict[str, list[Segment]] = {}
    owned: dict[str, list[Segment]] = {}
    for group in copied:
        family = voices.family(group.members[0].span.article)
        order = family.sources if family is not None else group.articles
        owner = min(group.articles, key=lambda article_id: order.index(article_id) if article_id in order else len(order))
        for member in group.members:
            within.setdefault(member.span.article, []).append(member)
            if member.span.article == owner:
                owned.setdefault(owner, []).append(member)
    shared: dict[str, list[Segment]] = {}
    for group in analysis.groups:
        for member in group.members if not voices.copied(group) else ():
            shared.setdefault(member.span.article, []).append(member)
    for article_id, members in within.items():
        copied_here = _Spans(members)
        own = [segment for segment in unique.get(article_id, ()) if not copied_here.overlap(segment)]
        taken, elsewhere, reach = _Spans(own), _Spans(shared.get(article_id, [])), -1
        for member in sorted(owned.get(article_id, []), key=lambda segment: segment.span.start):
            if member.span.start >= reach and not taken.overlap(member) and not elsewhere.overlap(member):
                own.append(member)
                reach = member.span.end
        unique[article_id] = tuple(sorted(own, key=lambda segment: segment.span.start))
    return unique


class _Spans:
    """Whether a segment shares a character with one of these: the spans by start, with the furthest
    end reached so far, so one bisect answers."""

    def __init__(self, segments: Iterable[Segment]) -> None:
        spans = sorted((segment.span.start, segment.span.end) for segment in segments)
        self.starts = [start for start, _ in spans]
        self.reach = list(accumulate((end for _, end in spans), max))

    def overlap(self, segment: Segment) -> bool:
        count = bisect_left(self.starts, segment.span.end)
        return count > 0 and self.reach[count - 1] > segment.span.start


def _mark(segment: Segment, style: str) -> Mark:
    return Mark(segment.span.start, segment.span.end, style)

