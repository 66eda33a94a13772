"""KatoApp: the reader's layout, its keys, the analysis worker, and the factory the CLI and the tests share."""

from __future__ import annotations

import gc
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast
from weakref import WeakKeyDictionary

from textual import events, on
from textual.app import App, ComposeResult, SystemCommand
from textual.message import Message
from textual.screen import Screen
from textual.widget import Widget
from textual.worker import Worker

from tui.core.cache import Lookup
from tui.core.corpus import load_corpus
from tui.core.model import Analysis, Corpus
from tui.ui.analyst import Analyst
from tui.ui.background import Job
from tui.ui.commands import reader_commands
from tui.ui.config import Config, load_config
from tui.ui.disputes import DisputeNavigator
from tui.ui.guide import ANALYSED, Guide
from tui.ui.keymap import bindings
from tui.ui.matches import MatchNavigator
from tui.ui.notekeeper import NOTES_ACTIONS, NoteKeeper
from tui.ui.panels import PanelSlot
from tui.ui.render import safe_text
from tui.ui.screens.reader import ReaderScreen
from tui.ui.search import Search
from tui.ui.state import Memory, Places, places_path
from tui.ui.stylesheet import ComponentSharingStylesheet
from tui.ui.widgets.article_view import ArticleView
from tui.ui.widgets.bars import SourceBar, StatusBar
from tui.ui.widgets.disputes import DisputesPanel
from tui.ui.widgets.filtered import FilteredPanel
from tui.ui.widgets.footer import Footer
from tui.ui.widgets.matches_panel import MatchesPanel
from tui.ui.widgets.notes import NotesPanel
from tui.ui.widgets.reader import Reader
from tui.ui.widgets.sources_panel import SourcesPanel

if TYPE_CHECKING:
    from tui.ui.widgets.search import SearchLine


class KatoApp(App[None]):
    """Read one story across several outlets, side by side."""

    CSS_PATH = "kato.tcss"
    TITLE = "kato-tui"
    BINDINGS = [*bindings("searching"), *bindings("app")]  # while a search is on, n / N and esc are its keys

    @dataclass
    class AnalysisProgressed(Message):
        """The analysis worker got further: `fraction` of the way, now at `stage`."""

        fraction: float
        stage: str

    def __init__(self, corpus: Corpus, notes: Path | None = None, config: Config | None = None, places: Places | None = None,
                 stored: Lookup | None = None) -> None:
        super().__init__()
        self.stylesheet = ComponentSharingStylesheet(variables=self.stylesheet._variables)  # the theme's, worked out once
        self.corpus = corpus
        self.sub_title = corpus.name
        self.config = config if config is not None else Config()
        """The user's settings: remapped keys and the theme (the defaults when None is given)."""
        self.memory = Memory(self, self.config, places if places is not None else Places(None))
        """What is kept between runs: where each story was left (nothing when None is given), the theme."""
        self.notes = NoteKeeper(self, corpus, notes)
        self.panels = PanelSlot(lambda: self.query_one(Reader).current_view.focus(), disputes=DisputesPanel(id="disputes"), matches=MatchesPanel(id="matches"),
                                sources=SourcesPanel(corpus.articles, id="sources-panel"), notes=NotesPanel(id="notes"))
        """The panels under the columns, by name: `toggle_panel(name)` opens one."""
        self.guide = Guide(self)
        """The cursors over what the reader steps through, by kind ("match", "dispute"; a search adds "search")."""
        self.search = Search(self)
        """The search line's part: `/` opens it; its hits are the guide's "search" while it is on."""
        self.analysis: Analysis | None = None
        """The analysis, once there (from the cache with the first frame, else when worked out)."""
        self.analyst = Analyst(self, stored)
        """Gets the analysis: reads the cache from now on, else works it out after the first frame."""
        self._handed: WeakKeyDictionary[events.Key, Widget] = WeakKeyDictionary()
        """Each key read, and the widget Textual handed it to (the one focused then)."""

    @property
    def keymap(self) -> dict[str, str]:
        """Every action's keys as bound now (the table's, with the user's remaps)."""
        return self.config.keymap

    @property
    def analysis_job(self) -> Job[Analysis] | None:
        """The analysis running or run in the background, if it had to be worked out."""
        return self.analyst.job

    @property
    def matches(self) -> MatchNavigator | None:
        """The matched groups and the cursor over them, once the analysis is done."""
        return self.guide.of_type("match", MatchNavigator)

    @property
    def disputes(self) -> DisputeNavigator | None:
        """The disputes and the cursor over them, once the analysis is done."""
        return self.guide.of_type("dispute", DisputeNavigator)

    def get_default_screen(self) -> Screen:
        return ReaderScreen(id="_default")

    def compose(self) -> ComposeResult:
        shown = cast(SourcesPanel, self.panels["sources"]).shown  # the columns, in the sources panel's order
        yield SourceBar(shown, id="sources")
        yield Reader(shown, id="reader")
        yield from self.panels
        yield StatusBar(id="status")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        status = self.query_one(StatusBar)
        status.story = f"{safe_text(self.corpus.name)} · {len(self.corpus.articles)} sources"
        for warning in [*self.corpus.warnings, *filter(None, [self.config.warning])]:
            self.notify(safe_text(warning), severity="warning", timeout=10, markup=False)
        self.memory.recall()
        self.analyst.start()
        self.notes.start()
        self.call_after_refresh(_first_frame_out)

    async def on_event(self, event: events.Event) -> None:
        """A key that comes back up from a widget that has lost the focus since is handed to the one focused now.

        Textual hands each key to the focused widget as it reads it, and looks its bindings up when the key has come
        back up to the app: the keys read together with one that moves the focus (`/card` pasted or typed fast, the
        rest queued in the column while `/` opened the search line) came back when the search line had the focus,
        bound to nothing there, and were lost. Handed on, each key is the focused widget's in the order typed, and
        its bindings are looked up when it comes back from there ("/card" and enter goes to the first hit; a note
        typed after `a` and ctrl+s saves the note typed)."""
        if isinstance(event, events.Key) and self.screen_stack:
            focused = self.focused
            if not event.is_forwarded:
                if focused is not None:
                    self._handed[event] = focused
            elif (handed := self._handed.pop(event, None)) is not None and focused is not None and focused is not handed:
                relayed = events.Key(event.key, event.character)
                relayed._set_forwarded()  # handed on as Textual hands a key it reads: not read again when it comes back
                self._handed[relayed] = focused
                focused.post_message(relayed)
                return
        await super().on_event(event)

    def on_unmount(self) -> None:
        self.analyst.stop()
        gc.unfreeze()  # what the app froze can go (a process that makes app after app: the tests, the screenshots)

    def exit(self, *args: Any, **options: Any) -> None:
        """Keep where the story was left and the theme chosen (while the widgets are still there), then quit."""
        self.memory.keep()
        super().exit(*args, **options)

    @property
    def closing(self) -> bool:
        """Whether the app is shutting down: its widgets are being removed, and what the analysis, the notes or a
        column post meanwhile (the analysis done as q is pressed) is let go, not shown in widgets no longer there."""
        return not self.is_running

    def on_kato_app_analysis_progressed(self, event: AnalysisProgressed) -> None:
        if not self.closing:
            self.analyst.progressed(event.fraction, event.stage)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if not self.closing:
            (self.analyst if event.worker.name == "analysis" else self.notes).worker_changed(event)

    def on_reader_column_changed(self, event: Reader.ColumnChanged) -> None:
        if self.closing:
            return
        bar = self.query_one(SourceBar)
        bar.current, bar.first, bar.shown = event.current, event.first, event.shown
        outlet = safe_text(event.reader.articles[event.current].outlet)
        self.query_one(StatusBar).column = f"column {event.current + 1}/{len(event.reader.articles)}: {outlet}"

    async def on_sources_panel_arranged(self, event: SourcesPanel.Arranged) -> None:
        if not self.closing:
            await self.query_one(Reader).set_sources(event.articles)

    def on_reader_arranged(self, event: Reader.Arranged) -> None:
        if self.closing:
            return
        for shows in (self.query_one(SourceBar), *self.query(FilteredPanel)):
            shows.set_sources(event.articles)
        self.search.rearranged()

    @on(SourceBar.Chosen)
    @on(SourcesPanel.Chosen)
    def _go_to_source(self, event: SourceBar.Chosen | SourcesPanel.Chosen) -> None:
        self.panels.close()
        self.query_one(Reader).go_to_source(event.article)

    def on_article_view_clicked(self, event: ArticleView.Clicked) -> None:
        if self.matches is not None and self.matches.select_at(event.article, event.offset) is not None:
            self.guide.jump("match")

    def on_filtered_panel_chosen(self, event: FilteredPanel.Chosen) -> None:  # a match or dispute: go there; again: its details
        self.guide.go_to(event.panel.KIND or "", event.index)

    def on_notes_panel_chosen(self, event: NotesPanel.Chosen) -> None:
        self.notes.go_to(event.note)

    def on_notes_panel_edit(self, event: NotesPanel.Edit) -> None:
        self.notes.edit(event.note)

    def on_notes_panel_delete(self, event: NotesPanel.Delete) -> None:
        self.notes.delete(event.note)

    def on_search_line_changed(self, event: SearchLine.Changed) -> None:
        self.search.typed(event.query)

    def on_search_line_submitted(self, event: SearchLine.Submitted) -> None:
        self.search.go(event.query)

    def on_search_line_cleared(self, event: SearchLine.Cleared) -> None:
        self.search.clear()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # The note keys are there but greyed out until the notes are read (a moment); the search's keys are off
        # while no search is on, so that the key does what it does otherwise (n: the next match).
        return None if action in NOTES_ACTIONS and not self.notes.ready else self.search.allows(action, parameters)

    def action_step(self, kind: str, delta: int) -> None:
        """Go to the next (+1) or previous (-1) item of a kind; every column that has it scrolls to it."""
        if kind not in ANALYSED or not self.guide.waits(f"step({kind!r}, {delta})"):
            self.guide.step(kind, delta)

    def action_details(self, kind: str | None = None) -> None:
        """The details of the current item of a kind: by default the kind gone to last (the first match before any jump)."""
        if not self.guide.waits("details" if kind is None else f"details({kind!r})"):
            self.guide.details(kind)

    def action_toggle_unique(self) -> None:
        """Mark what only one source has and dim the rest, or go back to the matches."""
        if not self.guide.waits("toggle_unique") and self.matches is not None:
            self.matches.toggle_unique()
            self.guide.show_marks()

    async def action_search(self) -> None:
        """Open the search line: type words to find in every column."""
        await self.search.open()

    def action_clear_search(self) -> None:
        """Clear the search and its highlights; n / N go through the matches again."""
        self.search.clear()

    def action_toggle_panel(self, name: str) -> None:
        """Show a panel under the columns and focus it; from inside it, hide it and go back to the column."""
        self.panels.toggle(name)

    def action_close_panel(self) -> None:
        """Hide the open panel and go back to the column."""
        self.panels.close()

    def action_annotate(self) -> None:
        """Write a note on the match or dispute gone to last, or on the sentence being read in the focused column."""
        self.notes.annotate()

    def action_export(self, fmt: str | None = None) -> None:
        """Ask for a format and a file, then export the notes there."""
        self.notes.export(fmt)

    def action_help(self) -> None:
        """Show the key help."""
        from tui.ui.screens.help import HelpScreen
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.keymap))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield from reader_commands(self, self.keymap)


def _first_frame_out() -> None:
    """Freeze what the app holds so far (the corpus and the widgets: see Analyst.analysed), and let the collector run
    again: the command line turns it off for the reader's start (see tui.entry)."""
    gc.freeze()
    gc.enable()


def make_app(corpus: Corpus | None = None, notes: Path | None = None, *, config: Config | None = None, places: Places | None = None,
             stored: Lookup | None = None) -> KatoApp:
    """The app on a corpus (the bundled story when None), with the user's settings and places unless others are
    given (`stored`: the cache's lookup, when the caller started it already): the one way the CLI and the tests make it."""
    config = config if config is not None else load_config()
    places = places if places is not None else Places(places_path())
    return KatoApp(corpus if corpus is not None else load_corpus(), notes=notes, config=config, places=places, stored=stored)
