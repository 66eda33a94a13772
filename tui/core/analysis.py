"""analyse(corpus) -> Analysis: the one entry the reader's worker and the CLI call."""

from __future__ import annotations

from collections.abc import Callable

from tui.core.align import align
from tui.core.model import Analysis, Corpus
from tui.core.segment import segment

Progress = Callable[[float, str], None]


def _quiet(fraction: float, stage: str) -> None:
    """A progress callback that reports nothing."""


def analyse(corpus: Corpus, progress: Progress = _quiet) -> Analysis:
    """Segment every article and align the passages that several sources share."""
    progress(0.0, "segmenting")
    segments = {article.id: segment(article) for article in corpus.articles}
    progress(0.4, "aligning")
    groups = align(corpus, segments)
    progress(1.0, "done")
    return Analysis(corpus=corpus, segments=segments, groups=groups)
