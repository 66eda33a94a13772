"""Slow work in a daemon thread, which quitting never waits for and which stops when told to; the analysis as such work."""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Callable
from typing import Generic, TypeVar

from tui.core.cache import Lookup
from tui.core.model import Analysis, Corpus

T = TypeVar("T")


class Cancelled(Exception):
    """Raised by a job's check once its result is no longer wanted."""


class Job(threading.Thread, Generic[T]):
    """One run of `work(check)` in a daemon thread, awaited with `result()`.

    A Textual thread worker runs in the event loop's executor, which the program waits for when it
    exits: quitting during a long analysis would hang until the analysis ended. The interpreter
    exits without waiting for a daemon thread; and once the job is stopped (`stop`, or the await
    of its result cancelled), the work's next check raises Cancelled and the job ends, delivering
    nothing.
    """

    def __init__(self, work: Callable[[Callable[[], None]], T], name: str) -> None:
        super().__init__(name=name, daemon=True)
        self.work = work
        self.stopped = threading.Event()
        """Set when the result is no longer wanted."""
        self.finished = False
        """Whether the work ran to its end rather than stopping at a check."""
        self._on_stop: list[Callable[[], None]] = []
        self._deliver: Callable[[T | None, BaseException | None], None] = lambda result, error: None

    def check(self) -> None:
        """Raise Cancelled if the job was stopped: the work calls this between its steps."""
        if self.stopped.is_set():
            raise Cancelled

    def stop(self) -> None:
        """Tell the work to stop at its next check, and run what was to be run on stopping."""
        self.stopped.set()
        for callback in list(self._on_stop):
            callback()

    def on_stop(self, callback: Callable[[], None]) -> None:
        """Run `callback` when the job is stopped (at once if it already was): a process the work
        started is killed then, not at the work's next check."""
        self._on_stop.append(callback)
        if self.stopped.is_set():
            callback()

    def run(self) -> None:
        try:
            result, error = self.work(self.check), None
        except Cancelled:
            return
        except BaseException as raised:  # noqa: BLE001 - handed over, and reported by whoever awaits
            result, error = None, raised
        self.finished = error is None
        self._deliver(result, error)

    async def result(self) -> T:
        """Start the job and wait for what the work returns (or raises); stop it if this is cancelled."""
        loop = asyncio.get_running_loop()
        future: asyncio.Future[T] = loop.create_future()

        def settle(result: T | None, error: BaseException | None) -> None:
            if future.done():
                return  # cancelled meanwhile
            if error is not None:
                future.set_exception(error)
            else:
                future.set_result(result)  # type: ignore[arg-type]

        def deliver(result: T | None, error: BaseException | None) -> None:
            with contextlib.suppress(RuntimeError):  # the event loop has closed: nobody is waiting
                loop.call_soon_threadsafe(settle, result, error)

        self._deliver = deliver
        self.start()
        try:
            return await future
        finally:
            self.stop()


def analysis_job(corpus: Corpus, progress: Callable[[float, str], object], shown: threading.Event, stored: Lookup | None = None) -> Job[Analysis]:
    """The reader's analysis as a job: the stored one (`stored`: the cache's lookup, under way), else worked out
    (a large corpus in a process of its own, killed when the job is stopped), reporting to `progress`. Both wait
    for `shown` (the first frame is out): the work would compete with it, and showing a large analysis (its
    panels and colours) would hold it up; a process the lookup started is listened to at once."""

    def run(check: Callable[[], None]) -> Analysis:
        while stored is not None and not stored.done:
            stored.result(0.02)
            check()
        while not (stored is not None and stored.elsewhere) and not shown.wait(0.02):
            check()
        if stored is not None and stored.analysis is not None:  # a large one (a small one is shown before the first frame)
            progress(1.0, "done")
            return stored.analysis
        from tui.core.offload import analyse_anywhere  # loaded here, in the thread: the first frame does without it

        def report(fraction: float, stage: str) -> None:
            check()
            progress(fraction, stage)

        return analyse_anywhere(corpus, report, check, lambda process: job.on_stop(process.kill), stored)

    job = Job(run, name="analysis")
    return job
