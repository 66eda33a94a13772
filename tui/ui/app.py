"""KatoApp: the reader's layout, its keys, and the factory the CLI and the tests share."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from textual import work
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer
from textual.worker import Worker, WorkerState

from tui.core.analysis import analyse
from tui.core.corpus import load_corpus
from tui.core.model import Analysis, Corpus
from tui.ui.matches import MatchNavigator, offsets
from tui.ui.render import safe_text
from tui.ui.screens.help import HelpScreen
from tui.ui.screens.match_detail import MatchDetail
from tui.ui.widgets.article_view import ArticleView
from tui.ui.widgets.bars import SourceBar, StatusBar
from tui.ui.widgets.reader import Reader

_MATCH_ACTIONS = {"match", "match_details", "toggle_unique"}


class KatoApp(App[None]):
    """Read one story across several outlets, side by side."""

    CSS_PATH = "kato.tcss"
    TITLE = "kato-tui"

    BINDINGS = [
        Binding("n", "match(1)", "Next match", tooltip="Scroll every column to the next shared passage", id="match.next"),
        Binding("N", "match(-1)", "Previous match", show=False, tooltip="Back to the previous shared passage", id="match.previous"),
        Binding("enter", "match_details", "Details", show=False, tooltip="Every version of the current match", id="match.details"),
        Binding("u", "toggle_unique", "Unique", show=False, tooltip="Mark what only one source says", id="match.unique"),
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

    def compose(self) -> ComposeResult:
        yield SourceBar(self.corpus.articles, id="sources")
        yield Reader(self.corpus.articles, id="reader")
        yield StatusBar(id="status")
        yield Footer()

    def on_mount(self) -> None:
        status = self.query_one(StatusBar)
        status.story = f"{safe_text(self.corpus.name)} · {len(self.corpus.articles)} sources"
        for warning in self.corpus.warnings:
            self.notify(safe_text(warning), severity="warning", timeout=8, markup=False)
        status.analysis = "analysing…"
        self._analyse()

    @work(thread=True, exclusive=True, exit_on_error=False, name="analysis")
    def _analyse(self) -> Analysis:
        """Analyse the corpus off the event loop, so the reader paints and scrolls meanwhile."""
        return analyse(self.corpus, lambda fraction, stage: self.post_message(self.AnalysisProgressed(fraction, stage)))

    def on_kato_app_analysis_progressed(self, event: AnalysisProgressed) -> None:
        if self.matches is None:
            self.query_one(StatusBar).analysis = f"analysing… {event.fraction:.0%} {event.stage}"

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.name != "analysis":
            return
        if event.state == WorkerState.SUCCESS:
            self._analysed(event.worker.result)
        elif event.state == WorkerState.ERROR:
            error = event.worker.error
            first_line = (str(error).splitlines() or [""])[0]
            self.query_one(StatusBar).analysis = "analysis failed"
            message = f"The analysis failed ({type(error).__name__}: {first_line}); the articles can still be read."
            self.notify(safe_text(message), severity="error", timeout=12, markup=False)

    def _analysed(self, analysis: Analysis) -> None:
        self.matches = MatchNavigator(analysis)
        self._show_matches(self.matches)
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

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Until the analysis is done the match keys are there but greyed out.
        return None if action in _MATCH_ACTIONS and self.matches is None else True

    def action_match(self, delta: int) -> None:
        """Go to the next (+1) or previous (-1) matched group; every column scrolls to its passage."""
        matches = self._navigable()
        if matches is not None and matches.move(delta) is not None:
            self._jump(matches)

    def action_match_details(self) -> None:
        """Show every version of the current group (the first group before any jump)."""
        matches = self._navigable()
        if matches is None:
            return
        if matches.current is None:
            self.action_match(1)
        if matches.current is not None and not isinstance(self.screen, MatchDetail):
            self.push_screen(MatchDetail(self.corpus, matches.current, matches.cursor.label))

    def action_toggle_unique(self) -> None:
        """Mark what only one source has and dim the rest, or go back to the matches."""
        if self.matches is not None:
            self.matches.toggle_unique()
            self._show_matches(self.matches)

    def _navigable(self) -> MatchNavigator | None:
        """The navigator if there are groups to visit; else None, having told the reader why."""
        if self.matches is None:
            self.notify("Still analysing: the matches come in a moment.", timeout=3)
        elif not self.matches.groups:
            self.notify("No passages are shared by two or more of these articles.", timeout=4)
        else:
            return self.matches
        return None

    def _jump(self, matches: MatchNavigator) -> None:
        """Bring the current group's passage into view in every article that has one."""
        group = matches.current
        if group is None:
            return
        self.query_one(Reader).reveal(offsets(group))
        self._show_matches(matches)
        if isinstance(self.screen, MatchDetail):
            self.screen.show(group, matches.cursor.label)

    def _show_matches(self, matches: MatchNavigator) -> None:
        self.query_one(Reader).set_marks(matches.marks())
        self.query_one(StatusBar).analysis = matches.label

    def action_help(self) -> None:
        """Show the key help."""
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        reader = self.query_one(Reader)
        yield SystemCommand("column: next", "Focus the next article's column", lambda: reader.action_column(1))
        yield SystemCommand("column: previous", "Focus the previous article's column", lambda: reader.action_column(-1))
        yield SystemCommand("match: next", "Scroll every column to the next shared passage", lambda: self.action_match(1))
        yield SystemCommand("match: previous", "Scroll every column to the previous shared passage", lambda: self.action_match(-1))
        yield SystemCommand("match: details", "Compare the versions of the current shared passage", self.action_match_details)
        yield SystemCommand("match: toggle unique", "Mark what only one source says; dim the rest", self.action_toggle_unique)
        yield SystemCommand("help: keys", "Show every key of the reader", self.action_help)


def make_app(corpus: Corpus | None = None, notes: Path | None = None) -> KatoApp:
    """The app on a corpus (the bundled story when None): the one way the CLI and the tests make it."""
    return KatoApp(corpus if corpus is not None else load_corpus(), notes=notes)
