"""KatoApp: the reader's layout, its keys, and the factory the CLI and the tests share."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer

from tui.core.corpus import load_corpus
from tui.core.model import Corpus
from tui.ui.render import safe_text
from tui.ui.screens.help import HelpScreen
from tui.ui.widgets.bars import SourceBar, StatusBar
from tui.ui.widgets.reader import Reader


class KatoApp(App[None]):
    """Read one story across several outlets, side by side."""

    CSS_PATH = "kato.tcss"
    TITLE = "kato-tui"

    BINDINGS = [
        Binding("question_mark", "help", "Help", key_display="?", id="app.help"),
        Binding("q", "quit", "Quit", id="app.quit"),
    ]

    def __init__(self, corpus: Corpus, notes: Path | None = None) -> None:
        super().__init__()
        self.corpus = corpus
        self.notes_path = notes
        self.sub_title = corpus.name

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

    def on_reader_column_changed(self, event: Reader.ColumnChanged) -> None:
        bar = self.query_one(SourceBar)
        bar.current, bar.first, bar.shown = event.current, event.first, event.shown
        outlet = safe_text(self.corpus.articles[event.current].outlet)
        total = len(self.corpus.articles)
        self.query_one(StatusBar).column = f"column {event.current + 1}/{total}: {outlet}"

    def action_help(self) -> None:
        """Show the key help."""
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        reader = self.query_one(Reader)
        yield SystemCommand("column: next", "Focus the next article's column", lambda: reader.action_column(1))
        yield SystemCommand("column: previous", "Focus the previous article's column", lambda: reader.action_column(-1))
        yield SystemCommand("help: keys", "Show every key of the reader", self.action_help)


def make_app(corpus: Corpus | None = None, notes: Path | None = None) -> KatoApp:
    """The app on a corpus (the bundled story when None): the one way the CLI and the tests make it."""
    return KatoApp(corpus if corpus is not None else load_corpus(), notes=notes)
