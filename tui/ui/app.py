"""KatoApp: the reader's layout, its keys, and the factory the CLI and the tests share."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeGuard

from textual import work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer
from textual.worker import Worker, WorkerState

from tui.core.analysis import analyse
from tui.core.corpus import load_corpus
from tui.core.model import Analysis, Corpus, Dispute, MatchGroup
from tui.ui.background import Job
from tui.ui.commands import reader_commands
from tui.ui.disputes import DisputeNavigator
from tui.ui.matches import MatchNavigator
from tui.ui.navigator import Navigator
from tui.ui.notes_app import NotesApp
from tui.ui.render import Mark, safe_text
from tui.ui.screens.dispute_detail import DisputeDetail
from tui.ui.screens.help import HelpScreen
from tui.ui.screens.match_detail import MatchDetail
from tui.ui.widgets.article_view import ArticleView
from tui.ui.widgets.bars import SourceBar, StatusBar
from tui.ui.widgets.disputes import DisputesPanel
from tui.ui.widgets.notes import NotesPanel
from tui.ui.widgets.reader import Reader

_ANALYSIS_ACTIONS = {"match", "dispute", "details", "match_details", "dispute_details", "toggle_unique", "toggle_disputes"}


class KatoApp(NotesApp):
    """Read one story across several outlets, side by side."""

    CSS_PATH = "kato.tcss"
    TITLE = "kato-tui"

    BINDINGS = [
        Binding("n", "match(1)", "Next match", tooltip="Scroll every column to the next shared passage", id="match.next"),
        Binding("N", "match(-1)", "Previous match", show=False, tooltip="Back to the previous shared passage", id="match.previous"),
        Binding("right_square_bracket", "dispute(1)", "Next dispute", key_display="]", tooltip="Scroll every column to the next disputed fact", id="dispute.next"),
        Binding("left_square_bracket", "dispute(-1)", "Previous dispute", key_display="[", show=False, tooltip="Back to the previous disputed fact", id="dispute.previous"),
        Binding("d", "toggle_disputes", "Disputes", tooltip="Show and focus the list of disputed facts; d in it hides it", id="dispute.panel"),
        Binding("enter", "details", "Details", show=False, tooltip="Every version of the match or dispute you went to last", id="app.details"),
        Binding("u", "toggle_unique", "Unique", show=False, tooltip="Mark what only one source says", id="match.unique"),
        Binding("a", "annotate", "Note", tooltip="Write a note on the current match, dispute or the sentence being read", id="note.add"),
        Binding("m", "toggle_notes", "Notes", tooltip="Show and focus the list of your notes; m in it hides it", id="note.panel"),
        Binding("e", "export", "Export", show=False, tooltip="Export the notes: Markdown, JSON or HTML", id="note.export"),
        Binding("question_mark", "help", "Help", key_display="?", id="app.help"),
        Binding("q", "quit", "Quit", id="app.quit"),
    ]

    @dataclass
    class AnalysisProgressed(Message):
        """The analysis worker got further: `fraction` of the way, now at `stage`."""

        fraction: float
        stage: str

    def __init__(self, corpus: Corpus, notes: Path | None = None) -> None:
        super().__init__()
        self.corpus = corpus
        self.notes_path = notes
        self.sub_title = corpus.name
        self.matches: MatchNavigator | None = None
        """The matched groups and the cursor over them, once the analysis is done."""
        self.disputes: DisputeNavigator | None = None
        """The disputes and the cursor over them, once the analysis is done."""
        self._last: Navigator | None = None
        """The navigator of the last jump: enter opens the details of its current item."""
        self.analysis_job: Job[Analysis] | None = None
        """The analysis running or run in the background."""

    def compose(self) -> ComposeResult:
        yield SourceBar(self.corpus.articles, id="sources")
        yield Reader(self.corpus.articles, id="reader")
        yield DisputesPanel(id="disputes")
        yield NotesPanel(id="notes")
        yield StatusBar(id="status")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        status = self.query_one(StatusBar)
        status.story = f"{safe_text(self.corpus.name)} · {len(self.corpus.articles)} sources"
        for warning in self.corpus.warnings:
            self.notify(safe_text(warning), severity="warning", timeout=8, markup=False)
        status.analysis = "analysing…"
        self._analyse()
        self._load_notes()

    @work(exclusive=True, exit_on_error=False, name="analysis")
    async def _analyse(self) -> Analysis:
        """Analyse the corpus in a daemon thread, so the reader paints and scrolls meanwhile and q
        quits at once: the analysis stops at its next progress report once nobody waits for it."""

        def run(check: Callable[[], None]) -> Analysis:
            def progress(fraction: float, stage: str) -> None:
                check()
                self.post_message(self.AnalysisProgressed(fraction, stage))

            return analyse(self.corpus, progress)

        self.analysis_job = Job(run, name="analysis")
        return await self.analysis_job.result()

    def on_unmount(self) -> None:
        if self.analysis_job is not None:
            self.analysis_job.stop()  # the app is closing: stop now, not when the worker's cancellation arrives

    def on_kato_app_analysis_progressed(self, event: AnalysisProgressed) -> None:
        if self.matches is None:
            self.query_one(StatusBar).analysis = f"analysing… {event.fraction:.0%} {event.stage}"

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.name != "analysis":
            return
        if event.state == WorkerState.SUCCESS and event.worker.result is not None:
            self._analysed(event.worker.result)
        elif event.state == WorkerState.ERROR:
            error = event.worker.error
            first_line = (str(error).splitlines() or [""])[0]
            self.query_one(StatusBar).analysis = "analysis failed"
            message = f"The analysis failed ({type(error).__name__}: {first_line}); the articles can still be read."
            self.notify(safe_text(message), severity="error", timeout=12, markup=False)

    def _analysed(self, analysis: Analysis) -> None:
        self.matches, self.disputes = MatchNavigator(analysis), DisputeNavigator(analysis)
        outlets = {article.id: article.outlet for article in self.corpus.articles}
        self.query_one(DisputesPanel).show_disputes(analysis.disputes, analysis.uncorroborated, outlets)
        self.query_one(SourceBar).set_families(self.matches.voices.letters())
        self.query_one(Reader).set_families(self.matches.voices.descriptions())
        self._show_marks()
        self.refresh_bindings()

    def on_reader_column_changed(self, event: Reader.ColumnChanged) -> None:
        bar = self.query_one(SourceBar)
        bar.current, bar.first, bar.shown = event.current, event.first, event.shown
        outlet = safe_text(self.corpus.articles[event.current].outlet)
        total = len(self.corpus.articles)
        self.query_one(StatusBar).column = f"column {event.current + 1}/{total}: {outlet}"

    def on_article_view_clicked(self, event: ArticleView.Clicked) -> None:
        if self.matches is not None and self.matches.select_at(event.article, event.offset) is not None:
            self._jump(self.matches)

    def on_disputes_panel_chosen(self, event: DisputesPanel.Chosen) -> None:
        """A row chosen in the panel: go to its dispute, or show its details if it is the current one."""
        if self.disputes is None:
            return
        if self.disputes.cursor.index == event.index:
            self._details(self.disputes)
        elif self.disputes.go_to(event.index) is not None:
            self._jump(self.disputes)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Until the analysis is done the match and dispute keys are there but greyed out.
        return None if action in _ANALYSIS_ACTIONS and self.matches is None else super().check_action(action, parameters)

    def action_match(self, delta: int) -> None:
        """Go to the next (+1) or previous (-1) matched group; every column scrolls to its passage."""
        self._step(self.matches, delta)

    def action_dispute(self, delta: int) -> None:
        """Go to the next (+1) or previous (-1) dispute; every column with a version scrolls to it."""
        self._step(self.disputes, delta)

    def action_details(self) -> None:
        """The details of the match or the dispute gone to last (the first match before any jump)."""
        self._details(self._last or self.matches)

    def action_match_details(self) -> None:
        """Show every version of the current group (the first group before any jump)."""
        self._details(self.matches)

    def action_dispute_details(self) -> None:
        """Show every version of the current dispute (the first dispute before any jump)."""
        self._details(self.disputes)

    def action_toggle_unique(self) -> None:
        """Mark what only one source has and dim the rest, or go back to the matches."""
        if self.matches is not None:
            self.matches.toggle_unique()
            self._show_marks()

    def action_toggle_disputes(self) -> None:
        """Show the disputes panel and focus it; from inside it, hide it and go back to the column."""
        panel = self.query_one(DisputesPanel)
        if panel.open and panel.has_focus:
            panel.open = False
            self.query_one(Reader).current_view.focus()
        else:
            self.query_one(NotesPanel).open = False
            panel.open = True
            panel.focus()

    def _navigable(self, navigator: Navigator | None) -> TypeGuard[Navigator]:
        """Whether there are items to visit; if not, the reader is told why."""
        if navigator is None:
            self.notify("Still analysing: the matches and disputes come in a moment.", timeout=3)
        elif not navigator.items:
            self.notify(navigator.EMPTY, timeout=4)
        return navigator is not None and bool(navigator.items)

    def _step(self, navigator: Navigator | None, delta: int) -> None:
        if self._navigable(navigator) and navigator.move(delta) is not None:
            self._jump(navigator)

    def _details(self, navigator: Navigator | None) -> None:
        """Open the details of the navigator's current item, going to its first item if there is none yet."""
        if not self._navigable(navigator) or isinstance(self.screen, (MatchDetail, DisputeDetail)):
            return
        if navigator.current is None:
            self._step(navigator, 1)
        current = navigator.current
        if isinstance(current, MatchGroup):
            self.push_screen(MatchDetail(self.corpus, current, navigator.cursor.label, self.matches.voices if self.matches else None))
        elif isinstance(current, Dispute) and self.disputes is not None:
            self.push_screen(DisputeDetail(self.disputes, current, self.disputes.label))

    def _jump(self, navigator: Navigator) -> None:
        """Bring the current item's passages into view in every article that has one, and show where we are."""
        self._last = navigator
        self.query_one(Reader).reveal(navigator.offsets())
        self._show_marks()
        screen, current = self.screen, navigator.current
        if navigator is self.disputes:
            self.query_one(DisputesPanel).highlight_item(navigator.cursor.index)
            if isinstance(screen, DisputeDetail) and isinstance(current, Dispute):
                screen.show(current, navigator.label)
        elif isinstance(screen, MatchDetail) and isinstance(current, MatchGroup):
            screen.show(current, navigator.cursor.label)

    def _show_marks(self) -> None:
        """Highlight the matches, the current dispute over them and the notes over both, and update the status."""
        marks: dict[str, tuple[Mark, ...]] = {}
        for source in (self.matches, self.disputes, self.notebook):
            for article_id, more in source.marks().items() if source is not None else ():
                marks[article_id] = (*marks.get(article_id, ()), *more)
        self.query_one(Reader).set_marks(marks)
        if self.matches is not None and self.disputes is not None:
            status = self.query_one(StatusBar)
            status.analysis, status.disputes = self.matches.label, self.disputes.label

    def action_help(self) -> None:
        """Show the key help."""
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield from reader_commands(self)


def make_app(corpus: Corpus | None = None, notes: Path | None = None) -> KatoApp:
    """The app on a corpus (the bundled story when None): the one way the CLI and the tests make it."""
    return KatoApp(corpus if corpus is not None else load_corpus(), notes=notes)
