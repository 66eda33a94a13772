"""From edges to groups: keep each passage's best match in each other article, then join pairs
into groups by average linkage, so that one weak link cannot chain two statements together."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from tui.core.model import Link, MatchGroup, Wording

from .rules import Edge
from .units import Unit

MIN_QUOTATION_WORDS = 5
"""A quote of fewer words is a phrase the writer quotes ("total privacy"), grouped after sentences."""
GROUP_FLOOR = 35
"""The average similarity, over every pair of a merged group's passages from two sides, below which
two groups stay apart: a passage must be like most of a group, not like one of its passages."""


def wholes_first(units: list[Unit], edges: list[Edge]) -> list[Edge]:
    """The edges, less those of a clause whose whole sentence has an edge to the same passage (or
    to the sentence that passage is cut from): a clause stands in for its sentence only when the
    sentences themselves are not alike, so a matched passage keeps its attribution and context."""
    def whole(index: int) -> int:
        owner = units[index].whole
        return index if owner is None else owner

    pairs = {(min(e.left, e.right), max(e.left, e.right)) for e in edges}
    kept = []
    for edge in edges:
        left, right = whole(edge.left), whole(edge.right)
        if (left, right) != (edge.left, edge.right) and (min(left, right), max(left, right)) in pairs:
            continue
        kept.append(edge)
    return kept


def mutual_best(units: list[Unit], edges: list[Edge]) -> list[Edge]:
    """The edges that are, for both their passages, the best edge into the other's article.
    A sentence and its clause compete: the one that matches better takes the pair."""
    best: dict[tuple[int, int], float] = {}
    for edge in edges:
        for one, other in ((edge.left, edge.right), (edge.right, edge.left)):
            key = (one, units[other].article)
            if edge.score > best.get(key, -1.0):
                best[key] = edge.score
    return [
        edge for edge in edges
        if edge.score >= best[(edge.left, units[edge.right].article)]
        and edge.score >= best[(edge.right, units[edge.left].article)]
    ]


def cluster(units: list[Unit], kept: list[Edge], similarity: Callable[[int, int], float],
            overlapping: dict[int, list[int]]) -> list[list[int]]:
    """Join the kept edges strongest first into clusters with one unit per article, no passage in
    two clusters, and an average similarity across the two sides of at least GROUP_FLOOR
    (`overlapping`: overlapping_units of the units)."""
    cluster_of: dict[int, int] = {}
    members: dict[int, list[int]] = {}
    # On a tie the pair of quotes goes first: a quote, not the sentence around it, is the passage.
    quotes = lambda e: units[e.left].is_quote + units[e.right].is_quote  # noqa: E731
    # A phrase quoted inside a sentence ("requested "total privacy"") comes last: when the sentences
    # around it match, the sentence is the passage; when they do not, the phrase still groups.
    phrase = lambda e: _phrase(units[e.left]) or _phrase(units[e.right])  # noqa: E731
    for edge in sorted(kept, key=lambda e: (phrase(e), -e.score, -quotes(e), e.left, e.right)):
        one = _standing_in(edge.left, overlapping[edge.left], cluster_of)
        other = _standing_in(edge.right, overlapping[edge.right], cluster_of)
        left, right = cluster_of.get(one), cluster_of.get(other)
        if left is not None and left == right:
            continue
        mine = members.get(left, [one]) if left is not None else [one]
        theirs = members.get(right, [other]) if right is not None else [other]
        joined = mine + theirs
        if len({units[i].article for i in joined}) < len(joined):
            continue
        if any(_claimed_elsewhere(overlapping[i], cluster_of, {left, right}) for i in joined):
            continue
        if len(joined) > 2 and _average(mine, theirs, similarity) < GROUP_FLOOR:
            continue
        cluster = one if left is None else left
        if right is not None:
            members.pop(right, None)
        members[cluster] = joined
        for unit in joined:
            cluster_of[unit] = cluster
    return list(members.values())


def _standing_in(unit: int, overlapping: list[int], cluster_of: dict[int, int]) -> int:
    """The unit, or the one passage of its article already grouped that overlaps it (its sentence,
    a clause or a quote of it): overlapping passages are one passage, so an edge to either joins
    the group that holds the other (if the group's average likeness allows) instead of being
    turned away."""
    if unit in cluster_of:
        return unit
    grouped = [other for other in overlapping if other in cluster_of]
    return grouped[0] if len({cluster_of[other] for other in grouped}) == 1 else unit


def _phrase(unit: Unit) -> bool:
    """Whether the unit is a few words quoted inside a sentence, not a quotation of its own."""
    return unit.is_quote and len(unit.norm.split()) < MIN_QUOTATION_WORDS


def _average(mine: list[int], theirs: list[int], similarity: Callable[[int, int], float]) -> float:
    pairs = [similarity(a, b) for a in mine for b in theirs]
    return sum(pairs) / len(pairs)


def _claimed_elsewhere(overlapping: list[int], cluster_of: dict[int, int], allowed: set[int | None]) -> bool:
    """Whether another cluster already holds a passage overlapping this unit (`overlapping`: the
    units of its article whose passages overlap it)."""
    return any(other in cluster_of and cluster_of[other] not in allowed for other in overlapping)


def overlapping_units(units: list[Unit]) -> dict[int, list[int]]:
    """For each unit, the other units of its article whose passages overlap it (a quote and the
    sentence around it, a clause and its sentence), found in one sweep by offset: asking every
    clustered unit of the article instead costs the square of a long article's matches."""
    found: dict[int, list[int]] = defaultdict(list)
    by_article: dict[int, list[Unit]] = defaultdict(list)
    for unit in units:
        by_article[unit.article].append(unit)
    for article_units in by_article.values():
        article_units.sort(key=lambda unit: unit.segment.span.start)
        open_: list[Unit] = []
        for unit in article_units:
            span = unit.segment.span
            open_ = [other for other in open_ if other.segment.span.end > span.start]
            for other in open_:
                if other.segment.span.overlaps(span):
                    found[unit.index].append(other.index)
                    found[other.index].append(unit.index)
            open_.append(unit)
    return found


def _same_words(units: list[Unit]) -> bool:
    """Whether the passages have the same words, up to case, punctuation and quote style, or one is
    a word-for-word excerpt of the other ("$5 billion" and "$6 billion" are not the same words)."""
    norms = [f" {unit.norm} " for unit in units]
    return all(a in b or b in a for a in norms for b in norms)


def _wording(members: list[Unit]) -> Wording:
    """How the sources word it: the direct quotes decide when there are two or more.

    exact: the same words; variant: the same utterance quoted in other words; paraphrase:
    reported speech or a statement in other words, with fewer than two direct quotes.
    """
    quotes = [unit for unit in members if unit.is_quote]
    if len(quotes) >= 2:
        return "exact" if _same_words(quotes) else "variant"
    return "exact" if _same_words(members) else "paraphrase"


def groups(units: list[Unit], clusters: list[list[int]], edges: list[Edge],
           overlapping: dict[int, list[int]]) -> tuple[MatchGroup, ...]:
    """The clusters as match groups in reading order, each with the links that joined it."""
    by_pair: dict[tuple[int, int], Edge] = {(min(e.left, e.right), max(e.left, e.right)): e for e in edges}

    def edge_between(a: int, b: int) -> Edge | None:
        """The pair's edge, or the edge that joined a passage standing in for one of them (a clause of it)."""
        return next((edge for x in (a, *overlapping[a]) for y in (b, *overlapping[b])
                     if (edge := by_pair.get((min(x, y), max(x, y)))) is not None), None)

    ordered = sorted((sorted(c, key=lambda i: units[i].article) for c in clusters), key=lambda c: _reading_order(units, c))
    found = []
    for number, cluster in enumerate(ordered, 1):
        members = [units[i] for i in cluster]
        links = tuple(
            Link(i, j, edge.rule, edge.reason, round(edge.score, 1))
            for i, a in enumerate(cluster) for j, b in enumerate(cluster)
            if i < j and (edge := edge_between(a, b)) is not None
        )
        score = sum(link.score for link in links) / len(links) if links else 0.0
        found.append(
            MatchGroup(
                id=f"m{number}",
                kind="quote" if any(unit.is_quote for unit in members) else "statement",
                wording=_wording(members),
                score=round(score, 1),
                members=tuple(unit.segment for unit in members),
                links=links,
            )
        )
    return tuple(found)


def _reading_order(units: list[Unit], cluster: list[int]) -> tuple[int, int]:
    first = units[cluster[0]]
    return first.article, first.segment.span.start
