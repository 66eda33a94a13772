"""The analysis in a process of its own: the same analysis as in this one, its progress passed on, and
the process gone when the waiting side stops."""

from __future__ import annotations

from typing import Any

import pytest

from tui.core import cache, offload
from tui.core.analysis import analyse
from tui.core.corpus import load_corpus


class Stop(Exception):
    pass


def test_a_process_gives_the_analysis_this_one_gives_and_stores_it() -> None:
    corpus = load_corpus()
    reports: list[float] = []
    analysis = offload.analyse_in_process(corpus, lambda fraction, stage: reports.append(fraction), lambda: None)
    assert analysis.groups == analyse(corpus).groups and analysis.disputes == analyse(corpus).disputes
    assert reports and reports[-1] == 1.0
    assert cache.load(corpus) is not None  # the child stored it for the next opening


def test_stopping_kills_the_process() -> None:
    processes: list[Any] = []

    def check() -> None:
        if processes:
            raise Stop

    with pytest.raises(Stop):
        offload.analyse_in_process(load_corpus(), lambda fraction, stage: None, check, processes.append)
    assert not processes[0].is_alive()


def test_a_small_corpus_stays_in_this_process_and_a_large_one_does_not() -> None:
    corpus = load_corpus()
    assert not offload.wants_process(corpus)
    assert offload.wants_process(type(corpus)(corpus.name, corpus.articles * (offload.PROCESS_WORDS // 2000 + 1)))
