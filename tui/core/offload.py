"""The analysis of a large corpus in a process of its own, so that the reader's interpreter stays free.

The analysis is pure Python and holds the interpreter lock: in a thread beside the reader it takes
the lock from the event loop for most of its run, and keys wait hundreds of milliseconds. A
process of its own (started fresh, "spawn": nothing of the reader is copied into it) reports its
progress and hands back the analysis as bytes over a pipe, and stores it in the cache for the
next opening. Starting one costs about 0.3 s (an interpreter and the analysis's imports), so a
small corpus is analysed in a thread, where that would be most of the time; unless the process is
started before the reader, as the command line does (EarlyLookup): then that start is hidden behind
the reader's own, on the other core.
"""

from __future__ import annotations

import contextlib
import gc
import os
import pickle
import sys
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from tui.core import cache
from tui.core.model import Analysis, Corpus

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

# multiprocessing is imported when a process is started: a folder whose analysis is cached starts none, and the
# reader's first frame does without its half-dozen modules.

PROCESS_WORDS = 20_000
"""A corpus of at least this many words is analysed in a process of its own (100 articles of about
300 words take 0.6 s to analyse; the bundled story, 2,600 words, 40 ms)."""
POLL = 0.05
"""How often the waiting side looks at the pipe and asks whether to stop (seconds)."""

Progress = Callable[[float, str], None]


class AnalysisFailed(RuntimeError):
    """The analysis process raised, or ended without a result."""


def wants_process(corpus: Corpus) -> bool:
    """Whether this corpus is large enough to be worth a process of its own."""
    return sum(article.words for article in corpus.articles) >= PROCESS_WORDS


class Running:
    """An analysis process, started with the corpus, and the reader's end of its pipe."""

    def __init__(self, corpus: Corpus, *, fork: bool = False) -> None:
        """Start the process: a fork of this one when `fork` (see `can_fork`), which has the corpus already and
        starts at once; else a new interpreter ("spawn") that is sent the corpus."""
        self._killing, self._receiving, self._closed = threading.Lock(), False, False
        self._found: Analysis | None = None
        self._failure: AnalysisFailed | None = None
        import multiprocessing

        if fork:
            context: Any = multiprocessing.get_context("fork")
            self._ours, theirs = context.Pipe()
            self.process = context.Process(target=_forked_child, args=(theirs, self._ours, corpus), name="kato-tui analysis", daemon=True)
            self.process.start()
            theirs.close()
            return
        context = multiprocessing.get_context("spawn")
        _start_tracker()
        self._ours, theirs = context.Pipe()
        self.process = context.Process(target=_child, args=(theirs,), name="kato-tui analysis", daemon=True)
        self.process.start()
        theirs.close()  # the child's end: when the child dies, reading says so
        # The corpus goes over the pipe, not with the process's arguments: a reader quitting while they are
        # written would leave the child a truncated pickle, and a traceback on the terminal.
        self._ours.send_bytes(pickle.dumps(corpus, protocol=pickle.HIGHEST_PROTOCOL))

    def ready(self) -> Analysis | None:
        """The analysis when the process has sent it already, read without waiting (the progress reports before it
        passed over); None while it has not, or while another thread reads the pipe. A failure is kept for `receive`."""
        with self._killing:
            if self._receiving or self._closed:
                return None
            self._receiving = True
        try:
            while self._found is None and self._failure is None and self._ours.poll(0):
                self._found = _message(self._ours.recv_bytes(), lambda fraction, stage: None)
        except AnalysisFailed as failure:
            self._failure = failure
        except (EOFError, OSError):
            pass  # ended without a result: `receive` says so
        finally:
            with self._killing:
                self._receiving = False
        return self._found

    def receive(self, progress: Progress, check: Callable[[], None]) -> Analysis:
        """The analysis, its progress passed to `progress` and `check` called between reports (it raises to
        stop); the process is killed whenever this returns or raises."""
        with self._killing:
            self._receiving = True
        try:
            if self._failure is not None:
                raise self._failure
            return self._found or _receive(self._ours, progress, check)
        finally:
            with self._killing:
                self._receiving = False
            self.kill()

    def kill(self) -> None:
        """End the process (if it still runs) and close the pipe, once. The reader closing and the thread that
        started or waits on the process may both call this at the same moment: the pipe is closed by the one
        thread that reads it, when one does: a pipe closed under a reader, or twice at once, closes a descriptor
        that may be another file's by then (and the reader ends in an OSError as the app quits)."""
        with self._killing:
            close = not self._receiving and not self._closed
            self._closed |= close
        self.process.kill()  # a reader still reading then finds the pipe at its end, and closes it (above)
        self.process.join(1)
        if close:
            self._ours.close()


def analyse_in_process(corpus: Corpus, progress: Progress, check: Callable[[], None], started: Callable[[Any], None] = lambda process: None) -> Analysis:
    """Analyse the corpus in a new process, passing its progress to `progress` and calling `check`
    between reports (it raises to stop); the process is killed whenever this returns or raises.
    `started` is given the process as soon as it runs (so that whoever stops the work can kill it)."""
    running = Running(corpus)
    started(running.process)
    return running.receive(progress, check)


class EarlyLookup(cache.Lookup):
    """The cache's lookup, and when it finds nothing, the analysis process started at once, on the other core
    while the reader starts: the process's own start and imports (about 0.3 s) are then hidden behind the
    reader's, whatever the corpus's size."""

    def __init__(self, corpus: Corpus) -> None:
        self.running: Running | None = None
        """The analysis process, when the cache had no analysis."""
        self._stopped = False
        path = cache.entry_path(corpus) if can_fork() else None
        if path is not None and not path.exists():
            # Nothing stored: the process forked now, before the lookup's thread starts (a fork copies a running
            # thread's locks as they are). It has the corpus and the imports so far, and no interpreter to start.
            with contextlib.suppress(Exception):  # no process to be had: the lookup's thread tries a spawn
                self.running = Running(corpus, fork=True)
        super().__init__(corpus, path=path)

    def missed(self, corpus: Corpus) -> None:
        if self.running is not None:
            return  # forked already
        try:
            self.running = Running(corpus)
        except Exception:  # noqa: BLE001 - in a thread: no process to be had, and the reader works it out itself
            self.running = None
        if self._stopped and self.running is not None:
            self.running.kill()  # the reader closed while the process was starting

    def soon(self) -> Analysis | None:
        """The stored analysis as `Lookup.soon` gives it, or else the process's when it has sent it already: a small
        corpus forked at once is often analysed before the reader mounts, and then shown on the first frame."""
        found = super().soon()
        if found is None and self.running is not None:
            found = self.running.ready()
        return found

    @property
    def elsewhere(self) -> bool:
        return self.running is not None

    def stop(self) -> None:
        """Kill the process, if one was started or is starting: the reader is closing."""
        self._stopped = True
        if self.running is not None:
            self.running.kill()


def can_fork() -> bool:
    """Whether a fork of this process can start the analysis: on Linux (where forking is the tradition; macOS's own
    libraries are not safe in a fork), while no other thread runs. A fork starts at once, while a new interpreter
    ("spawn") takes about 0.3 s to start and import the analysis, on the reader's start's heels: on the bundled story
    the forked analysis is there by the first frame, and the start no longer shares the processor with a spawn."""
    return sys.platform.startswith("linux") and threading.active_count() == 1


def _start_tracker() -> None:
    """Start multiprocessing's resource tracker with the real standard error. It hands its process the
    descriptor of `sys.stderr`, which Textual replaces with an object whose descriptor is -1: started
    from inside the reader, the tracker (and so every spawn) fails with "bad value(s) in fds_to_keep"."""
    if os.name != "posix":
        return  # Windows spawns without a resource tracker (starting one needs _posixsubprocess)
    from multiprocessing import resource_tracker

    captured = sys.stderr
    if captured is sys.__stderr__:  # before the reader runs (the CLI's early start): nothing to swap, nothing to race with
        resource_tracker.ensure_running()
        return
    sys.stderr = sys.__stderr__
    try:
        resource_tracker.ensure_running()
    finally:
        sys.stderr = captured


def _receive(receiving: Connection, progress: Progress, check: Callable[[], None]) -> Analysis:
    while True:
        check()
        if not receiving.poll(POLL):
            continue
        try:
            message = receiving.recv_bytes()
        except EOFError:
            raise AnalysisFailed("the analysis process ended without a result") from None
        analysis = _message(message, progress)
        if analysis is not None:
            return analysis


def _message(message: bytes, progress: Progress) -> Analysis | None:
    """What one message from the process says: its progress (passed to `progress`), its failure (raised), or the
    analysis (returned)."""
    kind, body = message[:1], message[1:]
    if kind == b"p":
        fraction, stage = pickle.loads(body)  # noqa: S301 - our own child's words
        progress(fraction, stage)
        return None
    if kind == b"e":
        raise AnalysisFailed(body.decode("utf-8", "replace"))
    analysis = cache.loads(body)
    if not isinstance(analysis, Analysis):
        raise AnalysisFailed("the analysis process sent something else")
    return analysis


def by_the_percent(progress: Progress) -> Progress:
    """`progress`, called only when the whole percentage or the stage changes. The analysis reports after each article:
    on 900 articles, 1,800 reports in seconds, each to be unpickled by the reader's receiving thread and shown by its
    event loop, with that much less time for the keys pressed meanwhile."""
    last: list[tuple[int, str]] = []

    def report(fraction: float, stage: str) -> None:
        step = (int(fraction * 100), stage)
        if not last or step != last[0]:
            last[:] = [step]
            progress(fraction, stage)

    return report


def _forked_child(sending: Connection, ours: Connection, corpus: Corpus) -> None:
    """The forked process's work: as `_child`'s, with the corpus it was forked with."""
    _quiet()
    gc.freeze()  # what the reader had: it lives on here too, and the collector need not walk it (nor copy its pages)
    gc.enable()  # off in the reader's start, which this process copies (see tui.entry): the analysis makes garbage
    ours.close()  # the reader's end, copied by the fork: closed here, so that the reader going away ends the pipe
    _analyse_and_send(sending, corpus)


def _child(sending: Connection) -> None:
    """The process's work: read the corpus, analyse, report, store in the cache, send the analysis back.
    A reader that went away closes the pipe, and the next report ends this process. Its standard error
    is the reader's terminal: nothing is written there (what goes wrong is sent back)."""
    _quiet()
    try:
        corpus = pickle.loads(sending.recv_bytes())  # noqa: S301 - from the reader that started this process
    except (EOFError, OSError):
        return
    _analyse_and_send(sending, corpus)


def _quiet() -> None:
    """Standard error to nowhere: it is the reader's terminal."""
    with open(os.devnull, "w") as quiet:
        os.dup2(quiet.fileno(), 2)


def _analyse_and_send(sending: Connection, corpus: Corpus) -> None:
    from tui.core.analysis import analyse

    def send(fraction: float, stage: str) -> None:
        sending.send_bytes(b"p" + pickle.dumps((fraction, stage)))

    report = by_the_percent(send)
    try:
        analysis = analyse(corpus, report)
        data = cache.dumps(analysis)
        cache.save(analysis, data=data)
        sending.send_bytes(b"r" + data)
    except (BrokenPipeError, ConnectionResetError):
        return
    except Exception as error:  # noqa: BLE001 - reported to the reader, who says the analysis failed
        sending.send_bytes(b"e" + f"{type(error).__name__}: {error}".encode("utf-8", "replace"))


def analyse_anywhere(corpus: Corpus, progress: Progress, check: Callable[[], None], started: Callable[[Any], None] = lambda process: None,
                     lookup: cache.Lookup | None = None) -> Analysis:
    """The corpus's analysis: from the cache when it holds one (`lookup`: looked for already), else worked
    out (in a process of its own when the corpus is large, else here) and stored for the next opening."""
    found = lookup.result() if lookup is not None else cache.load(corpus)
    running = getattr(lookup, "running", None)
    if found is not None:
        if isinstance(running, Running):
            running.kill()  # forked on a miss, then another window stored the analysis before the lookup read it
        progress(1.0, "done")
        return found
    if isinstance(running, Running):
        started(running.process)
        return running.receive(progress, check)
    if wants_process(corpus):
        return analyse_in_process(corpus, progress, check, started)
    from tui.core import analysis as analysing  # imported when wanted: the first screen does without it

    analysis = analysing.analyse(corpus, progress)
    cache.save(analysis)
    return analysis
