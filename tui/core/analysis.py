"""analyse(corpus) -> Analysis: the one entry the reader's worker and the CLI call."""

from __future__ import annotations

from collections.abc import Callable

from tui.core import boilerplate
from tui.core.align import align
from tui.core.disputes import find_disputes
from tui.core.facts import extract_facts
from tui.core.model import Analysis, Corpus, Segment
from tui.core.segment import segment

Progress = Callable[[float, str], None]


def _quiet(fraction: float, stage: str) -> None:
    """A progress callback that reports nothing."""


def analyse(corpus: Corpus, progress: Progress = _quiet) -> Analysis:
    """Segment every article, align what several sources share, find the facts and where they disagree."""
    progress(0.0, "segmenting")
    segments = {article.id: segment(article) for article in corpus.articles}
    progress(0.3, "aligning")
    groups = align(corpus, segments)
    progress(0.6, "finding facts")
    facts = tuple(fact for article in corpus.articles for fact in extract_facts(article))
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
