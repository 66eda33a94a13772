"""analyse(corpus) -> Analysis: the one entry the reader's worker and the CLI call."""

from __future__ import annotations

from collections.abc import Callable

from tui.core.align import align
from tui.core.disputes import find_disputes
from tui.core.facts import extract_facts
from tui.core.model import Analysis, Corpus
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
    disputes = find_disputes(corpus, facts, groups, segments)
    progress(1.0, "done")
    return Analysis(corpus=corpus, segments=segments, groups=groups, facts=facts, disputes=disputes)
