"""Colours for the matches, so that neighbouring passages never share one: the reader and the
HTML export colour the same way (graph colouring; the palette is the caller's)."""

from __future__ import annotations

from collections.abc import Sequence
from heapq import heapify, heappop, heappush

from tui.core.model import MatchGroup

PALETTE = 6
"""The colours the reader and the export have for matches."""
NEAR = 400
"""Passages of two matches less than this many characters apart in an article are neighbours (about
ten lines of a column): they must differ in colour. Passages next to each other always are."""


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


def colour_groups(groups: Sequence[MatchGroup], colours: int = PALETTE, near: int = NEAR) -> tuple[int, ...]:
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
