"""analyse(corpus) -> Analysis: the one entry the reader's worker and the CLI call."""

from __future__ import annotations

from collections.abc import Callable

from tui.core import boilerplate
from tui.core.align import align
from tui.core.disputes import find_disputes
from tui.core.facts import extract_facts
from tui.core.model import Analysis, Corpus, Fact, Segment
from tui.core.segment import segment

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
    found_facts: list[Fact] = []
    for number, article in enumerate(corpus.articles):
        progress(0.6 + 0.25 * number / count, "finding facts")
        found_facts.extend(extract_facts(article))
    facts = tuple(found_facts)
    progress(0.85, "comparing facts")
    found = find_disputes(corpus, facts, groups, segments)
    progress(1.0, "done")
    return Analysis(
        corpus=corpus, segments=segments, groups=groups, facts=facts,
        disputes=found.conflicts, uncorroborated=found.uncorroborated,
    )


def unique_passages(analysis: Analysis) -> dict[str, tuple[Segment, ...]]:
    """Each article's story sentences and quotes that no other source shares: in no matched group,
    and not page furniture (a related-stories list is unique to its page but says nothing)."""
    shared: dict[str, list[Segment]] = {}
    for group in analysis.groups:
        for member in group.members:
            shared.setdefault(member.span.article, []).append(member)
    unique = {}
    for article in analysis.corpus.articles:
        furniture = boilerplate.furniture(article.body)
        unique[article.id] = tuple(
            segment
            for segment in analysis.segments.get(article.id, ())
            if not boilerplate.inside(furniture, segment.span.start, segment.span.end)
            and not any(segment.span.overlaps(member.span) for member in shared.get(article.id, ()))
        )
    return unique
