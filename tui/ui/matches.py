"""MatchNavigator: the reader's place among the matched groups, and what each article highlights."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from heapq import heapify, heappop, heappush

from tui.core.analysis import unique_passages
from tui.core.model import Analysis, MatchGroup, Segment, Span
from tui.ui.navigator import Navigator
from tui.ui.render import Mark
from tui.ui.voices import Voices
from tui.ui.widgets.article_view import MATCH_COLOURS, ArticleView

NEAR = 400
"""Passages of two matches less than this many characters apart in an article are neighbours (about
ten lines of a column): they must differ in colour. Passages next to each other always are."""


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
        self._unique = unique_passages(analysis)  # a family's own text once, in its first copy
        self.colours = colour_groups(self.groups)
        """The colour of each group (an index into the palette), neighbours never alike."""

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
        marks: dict[str, list[Mark]] = {}
        for index, group in enumerate(self.groups):
            for member in group.members:
                marks.setdefault(member.span.article, []).append(_mark(member, ArticleView.match_style(self.colours[index])))
        current = self.cursor.index
        if current is not None:
            group = self.groups[current]
            for member in group.members:
                marks.setdefault(member.span.article, []).append(_mark(member, ArticleView.current_style(self.colours[current])))
                marks[member.span.article].append(Mark(member.span.start, member.span.end, ArticleView.CURRENT, label=group.id))
        return {article_id: tuple(article_marks) for article_id, article_marks in marks.items()}


def _mark(segment: Segment, style: str) -> Mark:
    return Mark(segment.span.start, segment.span.end, style)



def neighbours(groups: Sequence[MatchGroup], near: int = NEAR) -> list[set[int]]:
    """For each group (by index), the groups whose passages come next to one of its own in an article,
    overlap one, or lie less than `near` characters from one."""
    found: list[set[int]] = [set() for _ in groups]
    by_article: dict[str, list[tuple[int, int, int]]] = {}
    for index, group in enumerate(groups):
        for member in group.members:
            by_article.setdefault(member.span.article, []).append((member.span.start, member.span.end, index))
    for passages in by_article.values():
        passages.sort()
        for first, (_, end, one) in enumerate(passages):
            for later, (start, _, other) in enumerate(passages[first + 1 :]):
                if later and start - end >= near:
                    break  # the first passage after is a neighbour however far; the rest only when near
                if other != one:
                    found[one].add(other)
                    found[other].add(one)
    return found


def colour_groups(groups: Sequence[MatchGroup], colours: int = MATCH_COLOURS, near: int = NEAR) -> tuple[int, ...]:
    """A colour for each group (0 .. colours-1) such that no two neighbours share one.

    Neighbours are taken as widely as the palette allows: within `near` characters, else half that,
    and so on down to the passages right next to each other, which a graph this sparse can always tell
    apart with a handful of colours (if it could not, the fewest neighbours share one).
    """
    radius = near
    while True:
        graph = neighbours(groups, radius)
        assigned = _dsatur(graph, colours)
        if radius == 0 or all(assigned[a] != assigned[b] for a, others in enumerate(graph) for b in others):
            return assigned
        radius = radius // 2 if radius > 50 else 0


def _dsatur(graph: list[set[int]], colours: int) -> tuple[int, ...]:
    """Greedy colouring, the most constrained group first (most colours already next to it, then most
    neighbours, then reading order); each takes a colour no neighbour has, the least used one so far."""
    assigned: dict[int, int] = {}
    near: list[set[int]] = [set() for _ in graph]  # the colours next to each group
    used = [0] * colours
    queue = [(0, -len(others), index) for index, others in enumerate(graph)]
    heapify(queue)
    while queue:
        saturation, _, group = heappop(queue)
        if group in assigned or -saturation != len(near[group]):
            continue  # coloured already, or queued again since with more colours next to it
        taken = [0] * colours
        for other in graph[group]:
            if other in assigned:
                taken[assigned[other]] += 1
        assigned[group] = min(range(colours), key=lambda colour: (taken[colour], used[colour], colour))
        used[assigned[group]] += 1
        for other in graph[group] - assigned.keys():
            if assigned[group] not in near[other]:
                near[other].add(assigned[group])
                heappush(queue, (-len(near[other]), -len(graph[other]), other))
    return tuple(assigned[index] for index in range(len(graph)))
