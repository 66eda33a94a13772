"""Analyst: the reader's analysis, there with the first frame when the cache holds it, else worked out in the
background once the first frame is out; and what the reader does with it when it comes."""

from __future__ import annotations

import gc
import threading
from typing import TYPE_CHECKING

from textual.worker import Worker, WorkerState

from tui.core.cache import Lookup
from tui.core.model import Analysis
from tui.ui.background import Job, analysis_job
from tui.ui.disputes import DisputeNavigator
from tui.ui.matches import MatchNavigator
from tui.ui.render import safe_text
from tui.ui.widgets.bars import SourceBar, StatusBar
from tui.ui.widgets.disputes import DisputesPanel
from tui.ui.widgets.matches_panel import MatchesPanel
from tui.ui.widgets.reader import Reader
from tui.ui.widgets.sources_panel import SourcesPanel

if TYPE_CHECKING:
    from tui.ui.app import KatoApp


class Analyst:
    """The analysis of the app's corpus: looked for in the cache from the moment the app is made (while Textual
    starts), shown before the first frame when found (an entry up to cache.SMALL_ENTRY_BYTES, read in tens of
    milliseconds, is waited for), else run in a background job (a large corpus in a process of its own) that
    reports its progress."""

    def __init__(self, app: KatoApp, stored: Lookup | None = None) -> None:
        self.app = app
        self.stored = stored if stored is not None else Lookup(app.corpus)
        """The cache's entry for the corpus, read in a thread of its own (the CLI starts it before Textual loads)."""
        self.job: Job[Analysis] | None = None
        """The analysis running or run in the background, if it had to be."""

    def start(self) -> None:
        """Show the stored analysis now when there is one to be had at once; else start working it out."""
        found = self.stored.soon()
        if found is not None:
            self.analysed(found)
            return
        self.app.query_one(StatusBar).analysis = "analysing…"
        self.app.run_worker(self._analyse(), name="analysis", exclusive=True, exit_on_error=False)

    async def _analyse(self) -> Analysis:
        """The analysis from the cache, else worked out in a daemon thread (a large corpus in a process of its own) so the
        reader paints and scrolls meanwhile; q quits at once: the work stops at its next progress report, a process is killed."""
        app, shown = self.app, threading.Event()
        app.call_after_refresh(shown.set)  # work out, not read, waits for the first frame to be out
        self.job = analysis_job(app.corpus, lambda fraction, stage: app.post_message(app.AnalysisProgressed(fraction, stage)), shown, self.stored)
        return await self.job.result()

    def stop(self) -> None:
        """The app is closing: stop now, not when the worker's cancellation arrives."""
        self.stored.stop()
        if self.job is not None:
            self.job.stop()

    def progressed(self, fraction: float, stage: str) -> None:
        if self.app.analysis is None:
            self.app.guide.progress = fraction
            self.app.query_one(StatusBar).analysis = f"analysing… {fraction:.0%} {stage}"

    def worker_changed(self, event: Worker.StateChanged) -> None:
        """The worker is done: show the analysis, or say that it failed."""
        if event.state == WorkerState.SUCCESS and event.worker.result is not None:
            self.analysed(event.worker.result)
        elif event.state == WorkerState.ERROR:
            error = event.worker.error
            first_line = (str(error).splitlines() or [""])[0]
            self.app.query_one(StatusBar).analysis = "analysis failed"
            self.app.guide.progress = None
            message = f"The analysis failed ({type(error).__name__}: {first_line}); the articles can still be read."
            self.app.notify(safe_text(message), severity="error", timeout=12, markup=False)

    def analysed(self, analysis: Analysis) -> None:
        """Hand the analysis to the navigators, the panels, the bar and the columns; go back to where the story was left."""
        app = self.app
        app.analysis = analysis
        matches = MatchNavigator(analysis)
        app.guide.add("match", matches)
        app.guide.add("dispute", DisputeNavigator(analysis))
        app.query_one(DisputesPanel).show_disputes(analysis.disputes, analysis.uncorroborated, {a.id: a.outlet for a in app.corpus.articles})
        app.query_one(MatchesPanel).show_matches(matches.groups, matches.voices)
        for families in (app.query_one(SourceBar), app.query_one(SourcesPanel)):
            families.set_families(matches.voices.letters())
        app.query_one(Reader).set_families(matches.voices)
        app.memory.recall_place()
        app.guide.show_marks()
        app.refresh_bindings()
        app.guide.run_pending()
        # What the app holds from now on (the analysis, the corpus, the widgets) out of the collector's sight: it lives
        # as long as the app, and a full collection walking all of it pauses a key on 900 articles 100 ms or more. What
        # nothing refers to any more is still freed; only a cycle among the frozen objects (a column removed when the
        # window narrows) stays until the app closes, and unfreezes them.
        gc.freeze()
