"""analyse(corpus) -> Analysis: the one entry the reader's worker and the CLI call."""

from __future__ import annotations

import bisect
from collections.abc import Callable
from itertools import accumulate

from tui.core import boilerplate
from tui.core.align import align
from tui.core.disputes import find_disputes
from tui.core.facts import extract_facts
from tui.core.families import find_families
from tui.core.model import Analysis, Corpus, Fact, Segment
from tui.core.segment import segment
from tui.core.voices import voice_map

Progress = Callable[[float, str], None]
"""Told how far the analysis has got (0 to 1) and at which stage, between stages and article by
article; whatever it raises stops the analysis there (the reader's worker stops it when it quits)."""


def _quiet(fraction: float, stage: str) -> None:
    """A progress callback that reports nothing."""


def analyse(corpus: Corpus, progress: Progress = _quiet) -> Analysis:
    """Segment every article, align what several sources share, find the facts and where they disagree."""
    count = max(1, len(corpus.articles))
    segments = {}
    for number, article in enumerate(corpus.articles):
        progress(0.3 * number / count, "segmenting")
        segments[article.id] = segment(article)
    progress(0.3, "aligning")
    groups = align(corpus, segments)
    families = find_families(corpus, segments)
    found_facts: list[Fact] = []
    for number, article in enumerate(corpus.articles):
        progress(0.6 + 0.25 * number / count, "finding facts")
        found_facts.extend(extract_facts(article))
    facts = tuple(found_facts)
    progress(0.85, "comparing facts")
    found = find_disputes(corpus, facts, groups, segments, families)
    progress(1.0, "done")
    return Analysis(
        corpus=corpus, segments=segments, groups=groups, facts=facts,
        disputes=found.conflicts, uncorroborated=found.uncorroborated, families=families,
    )


def unique_passages(analysis: Analysis) -> dict[str, tuple[Segment, ...]]:
    """Each article's story sentences and quotes that no other voice shares: in no matched group
    with an independent source, and not page furniture (a related-stories list is unique to its
    page but says nothing).

    Copies of one text (Analysis.families) are one voice. A passage that only the copies of one
    family carry is what that voice alone says: it is unique once, in the first copy (in corpus
    order) that prints it, and not in the others, so that a family's text is not painted as news
    in every copy."""
    shared = _shared_spans(analysis)
    unique = {}
    for article in analysis.corpus.articles:
        furniture = boilerplate.furniture(article.body)
        overlaps = _Overlaps(shared.get(article.id, []))
        unique[article.id] = tuple(
            segment
            for segment in analysis.segments.get(article.id, ())
            if not boilerplate.inside(furniture, segment.span.start, segment.span.end)
            and not overlaps(segment.span.start, segment.span.end)
        )
    return unique


def _shared_spans(analysis: Analysis) -> dict[str, list[tuple[int, int]]]:
    """Each article's passages that another voice shares, or that its family prints first in an
    earlier copy: every group member's span but a copies-only group's first one."""
    voice_of = voice_map(analysis.families)
    order = {article.id: index for index, article in enumerate(analysis.corpus.articles)}
    shared: dict[str, list[tuple[int, int]]] = {}
    for group in analysis.groups:
        copies_only = len({voice_of.get(article, article) for article in group.articles}) < 2
        first = min(group.articles, key=lambda article: order.get(article, len(order)))
        for member in group.members:
            if not (copies_only and member.span.article == first):
                shared.setdefault(member.span.article, []).append((member.span.start, member.span.end))
    return shared


class _Overlaps:
    """Whether [start, end) shares a character with one of the spans: the spans by start, with the
    furthest end reached so far, so one bisect answers (not a scan of every shared passage)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        spans = sorted(spans)
        self.starts = [start for start, _ in spans]
        self.reach = list(accumulate((end for _, end in spans), max))

    def __call__(self, start: int, end: int) -> bool:
        count = bisect.bisect_left(self.starts, end)  # the spans that start before `end`
        return count > 0 and self.reach[count - 1] > start
