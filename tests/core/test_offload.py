"""The analysis in a process of its own: the same analysis as in this one, its progress passed on, and
the process gone when the waiting side stops."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path
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


def test_an_early_lookup_that_misses_starts_the_process_at_once() -> None:
    """The CLI's lookup: nothing stored, so the analysis process starts before the reader asks; the reader then
    only listens to it, and the next opening finds what it stored."""
    corpus = load_corpus()
    lookup = offload.EarlyLookup(corpus)
    assert lookup.result() is None and lookup.elsewhere and lookup.running is not None
    processes: list[Any] = []
    analysis = offload.analyse_anywhere(corpus, lambda fraction, stage: None, lambda: None, processes.append, lookup)
    assert analysis.groups == analyse(corpus).groups and processes == [lookup.running.process]
    assert not lookup.running.process.is_alive()
    again = offload.EarlyLookup(corpus)
    assert again.soon() is not None and not again.elsewhere


def test_stopping_an_early_lookup_kills_its_process() -> None:
    lookup = offload.EarlyLookup(load_corpus())
    lookup.result()
    assert lookup.running is not None
    lookup.stop()
    lookup.running.process.join(5)
    assert not lookup.running.process.is_alive()


def test_a_process_killed_from_two_threads_at_once_closes_its_pipe_once() -> None:
    """The reader quitting just as the lookup's thread started the process: both kill it at the same moment. The pipe
    is closed once; closing it twice at once closed a descriptor that was no longer ours (EBADF as the reader quit)."""
    running = offload.Running(load_corpus())
    pipe = running._ours
    close, closes = pipe._close, []  # type: ignore[attr-defined]

    def slow_close() -> None:  # the descriptor closed while the other thread is on its way to closing it too
        closes.append(threading.get_ident())
        time.sleep(0.1)
        close()

    pipe._close = slow_close  # type: ignore[attr-defined]
    errors: list[BaseException] = []

    def kill() -> None:
        try:
            running.kill()
        except BaseException as error:  # noqa: BLE001 - what the test is about
            errors.append(error)

    threads = [threading.Thread(target=kill) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == [] and len(closes) == 1 and not running.process.is_alive()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the analysis is forked on Linux only")
def test_a_forked_process_gives_the_analysis_this_one_gives_and_stores_it(tmp_path: Path) -> None:
    """In a fresh interpreter, as the command line forks it (this one has threads: a fork here could copy a held lock)."""
    code = ("from tui.core.corpus import load_corpus; from tui.core import cache, offload; from tui.core.analysis import analyse; "
            "corpus = load_corpus(); running = offload.Running(corpus, fork=True); "
            "analysis = running.receive(lambda fraction, stage: None, lambda: None); "
            "print(type(running.process).__name__, analysis.groups == analyse(corpus).groups, "
            "analysis.disputes == analyse(corpus).disputes, cache.load(corpus) is not None, running.process.is_alive())")
    env = {**os.environ, "KATO_TUI_CACHE": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert done.stdout.split() == ["ForkProcess", "True", "True", "True", "False"] and done.stderr == ""


def test_a_process_killed_while_another_thread_reads_it_ends_that_read_cleanly() -> None:
    """The reader quitting while the worker waits on the process: the read ends as a failed analysis (the process
    gone), not as an OSError from a pipe closed under it, and the reading thread closes the pipe."""
    running = offload.Running(load_corpus())
    outcome: list[BaseException] = []

    def quit_now(fraction: float, stage: str) -> None:  # at the first report, the reader quits from its own thread
        if not outcome:
            outcome.append(Stop())
            closer = threading.Thread(target=running.kill)
            closer.start()
            closer.join()

    def read() -> None:
        try:
            running.receive(quit_now, lambda: None)
        except BaseException as error:  # noqa: BLE001 - what the test is about
            outcome.append(error)

    reader = threading.Thread(target=read)
    reader.start()
    reader.join(20)
    assert not reader.is_alive() and running._ours.closed
    assert len(outcome) == 2 and isinstance(outcome[1], offload.AnalysisFailed), outcome


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the analysis is forked on Linux only")
def test_the_command_lines_early_lookup_forks_before_any_thread_runs(tmp_path: Path) -> None:
    """The CLI makes its lookup before Textual starts a thread: with nothing stored, the analysis is forked (no
    interpreter to start); with the analysis stored, nothing is started."""
    code = ("from tui.core.corpus import load_corpus; from tui.core import offload; lookup = offload.EarlyLookup(load_corpus()); "
            "print(type(lookup.running.process).__name__ if lookup.running else None); lookup.result(); lookup.stop()")
    env = {**os.environ, "KATO_TUI_CACHE": str(tmp_path)}
    first = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert first.stdout.strip() == "ForkProcess" and first.stderr == ""
    cache.save(analyse(load_corpus()), folder=tmp_path)
    again = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert again.stdout.strip() == "None"


def test_progress_goes_on_by_the_percent_or_the_stage() -> None:
    """The analysis reports after each article; the process passes on only a new whole percent or a new stage."""
    passed: list[tuple[float, str]] = []
    report = offload.by_the_percent(lambda fraction, stage: passed.append((fraction, stage)))
    for number in range(900):
        report(0.3 * number / 900, "segmenting")
    report(0.3, "aligning")
    report(0.3, "aligning")
    report(1.0, "done")
    assert len(passed) == 30 + 2 and passed[0] == (0.0, "segmenting") and passed[-2:] == [(0.3, "aligning"), (1.0, "done")]
    assert [int(fraction * 100) for fraction, _ in passed[:30]] == list(range(30))


def test_an_analysis_already_sent_is_read_without_waiting_and_then_received_at_once() -> None:
    corpus = load_corpus()
    running = offload.Running(corpus)
    assert running.ready() is None  # just started: nothing sent yet, and nothing waited for
    deadline = time.monotonic() + 30
    found = None
    while found is None and time.monotonic() < deadline:
        time.sleep(0.05)
        found = running.ready()
    assert found is not None and found.groups == analyse(corpus).groups
    assert running.receive(lambda fraction, stage: None, lambda: None) is found
    assert not running.process.is_alive()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the analysis is forked on Linux only")
def test_an_early_lookup_whose_process_is_done_gives_its_analysis_soon(tmp_path: Path) -> None:
    """The command line's lookup forked the analysis; by the time the reader mounts, a small corpus's analysis is
    often sent already: soon() gives it, for the first frame, without a worker."""
    code = ("import time; from tui.core.corpus import load_corpus; from tui.core import offload; "
            "lookup = offload.EarlyLookup(load_corpus()); time.sleep(3); found = lookup.soon(); "
            "print(found is not None and len(found.groups) > 0); lookup.stop()")
    env = {**os.environ, "KATO_TUI_CACHE": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert done.stdout.strip() == "True" and done.stderr == ""
