"""One keymap table makes the bindings, the footer, the help and the palette; a config file remaps its keys."""

from __future__ import annotations

import io
from pathlib import Path

from rich.console import Console
from textual.app import SystemCommand
from textual.command import CommandPalette

from tests.ui.helpers import analysed, record_notifications, run_command, screen_text, status
from tui.core.model import Corpus
from tui.ui.app import KatoApp, make_app
from tui.ui.commands import reader_commands
from tui.ui.config import Config, config_path, load_config
from tui.ui.keymap import BY_NAME, KEYS, bindings, display, help_rows
from tui.ui.screens.help import HelpScreen, key_table
from tui.ui.screens.note_editor import NoteEditor
from tui.ui.widgets.reader import Reader


def write_config(text: str) -> Path:
    """Write the user's config file (in the temporary config folder every test has)."""
    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _palette(app: KatoApp) -> dict[str, SystemCommand]:
    return {command.title: command for command in reader_commands(app, app.keymap)}


async def test_the_footer_the_help_and_the_palette_are_made_from_the_table(bundled: Corpus) -> None:
    """Every footer key of the app is in the footer with the table's words; every listed key is in the help with
    its help line; every palette entry of the table is in the palette, naming its key."""
    app = make_app(bundled, config=Config())
    async with app.run_test(size=(200, 50)) as pilot:
        await analysed(app, pilot)
        footer = screen_text(app).rsplit("\n", 1)[-1]
        for key in KEYS:
            if key.footer and key.scope == "app":
                assert f"{display(key.keys)} {key.description}" in footer, key.name
        palette = _palette(app)
        assert sorted(palette) == sorted(key.palette for key in KEYS if key.palette)
        assert palette["match: next"].help.endswith("(n)")
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen) and app.screen.keymap == app.keymap
        assert "tab / shift+tab" in screen_text(app)
        console = Console(width=72, record=True, file=io.StringIO())
        console.print(key_table(app.screen.keymap))  # what the help's table holds, on screen or scrolled to
        text = console.export_text()
        for rows in help_rows(app.keymap).values():
            for keys, words in rows:  # long keys and words wrap in their columns: their start is on the first line
                assert keys.split(" / ")[0] in text and words[:40] in text, (keys, words)


def test_every_binding_is_a_table_key_with_its_name_as_the_id() -> None:
    """The app's, the reader's and the panels' bindings come from the table: a config remaps them by name."""
    for scope in ("app", "reader", "view", "panel", "notes-panel", "note-editor", "detail", "match-detail", "dispute-detail", "help"):
        made = bindings(scope)
        assert made, scope
        for binding in made:
            key = BY_NAME[binding.id]  # type: ignore[attr-defined, index]
            assert binding.key == key.keys and binding.description == key.description  # type: ignore[attr-defined]


def test_every_action_of_the_table_exists_where_it_is_bound() -> None:
    """A table entry names an action its scope's node has (a typo would be a key that does nothing)."""
    owners = {"app": KatoApp, "reader": Reader}
    for key in KEYS:
        owner = owners.get(key.scope)
        if owner is not None:
            name = key.action.split("(")[0]
            assert hasattr(owner, f"action_{name}"), key.name


async def test_a_key_remapped_in_the_config_works_and_shows_everywhere(bundled: Corpus) -> None:
    """next_match = "x": x goes to the next match and n no longer does; the footer, the help and the palette say x."""
    write_config('[keys]\nnext_match = "x"\n')
    app = make_app(bundled)
    async with app.run_test(size=(200, 50)) as pilot:
        await analysed(app, pilot)
        assert "x Next match" in screen_text(app)
        await pilot.press("n")
        assert app.matches is not None and app.matches.cursor.index is None
        await pilot.press("x")
        assert app.matches.cursor.index == 0 and "match 1/" in status(app)
        assert _palette(app)["match: next"].help.endswith("(x)")
        await pilot.press("question_mark")
        assert "x / N" in screen_text(app)


async def test_a_remapped_key_works_in_the_details_too(bundled: Corpus) -> None:
    """The details bind the match keys too: the remapped key steps there as well."""
    write_config('[keys]\nnext_match = "ctrl+n"\n')
    app = make_app(bundled)
    async with app.run_test(size=(160, 50)) as pilot:
        await analysed(app, pilot)
        await pilot.press("ctrl+n", "enter")
        assert getattr(app.screen, "KIND", None) == "match"
        await pilot.press("ctrl+n")
        assert app.matches is not None and app.matches.cursor.index == 1
        assert app.screen.group is app.matches.current  # type: ignore[attr-defined]


async def test_a_bad_config_warns_once_and_the_defaults_work(bundled: Corpus) -> None:
    """A file that is not TOML: one warning naming the file, and every key as the table has it."""
    path = write_config("[keys\nnext_match = 'x'\n")
    app = make_app(bundled)
    messages = record_notifications(app)
    async with app.run_test(size=(120, 30)) as pilot:
        await analysed(app, pilot)
        await pilot.press("n")
        assert app.matches is not None and app.matches.cursor.index == 0
    assert len([message for message in messages if str(path) in message]) == 1


async def test_wrong_lines_are_named_and_the_right_ones_kept(bundled: Corpus) -> None:
    """An unknown action, a key that is none and a key bound twice are named in one warning; a good remap still works."""
    write_config('[keys]\nnext_mtch = "n"\nunique = "ctrl+nokey"\nannotate = "d"\nnext_dispute = "z"\n')
    app = make_app(bundled)
    messages = record_notifications(app)
    async with app.run_test(size=(200, 50)) as pilot:
        await analysed(app, pilot)
        [warning] = [message for message in messages if "config.toml" in message]
        assert "next_mtch" in warning and "ctrl+nokey" in warning and "annotate" in warning
        await pilot.press("z")
        assert app.disputes is not None and app.disputes.cursor.index == 0
        await pilot.press("d")
        assert app.query_one("#disputes").has_focus  # d is still the disputes panel, not a note


async def test_the_theme_chosen_is_kept_in_the_config_with_the_other_settings(bundled: Corpus) -> None:
    """The theme picked is written to [ui] on quitting; the user's keys and comments stay; the next run has it."""
    path = write_config('# my keys\n[keys]\nnext_match = "x"\n')
    app = make_app(bundled)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        app.theme = "nord"
        await pilot.press("q")
    text = path.read_text(encoding="utf-8")
    assert "# my keys" in text and 'next_match = "x"' in text
    assert load_config(path).theme == "nord"
    again = make_app(bundled)
    async with again.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        assert again.theme == "nord"


async def test_the_palette_runs_a_table_command(bundled: Corpus) -> None:
    """A palette entry made from the table runs its action."""
    app = make_app(bundled, config=Config())
    async with app.run_test(size=(120, 30)) as pilot:
        await analysed(app, pilot)
        await run_command(pilot, app, "dispute: next")
        assert app.disputes is not None and app.disputes.cursor.index == 0


async def test_the_palette_key_works_over_a_dialog(bundled: Corpus, tmp_path: Path) -> None:
    """ctrl+p is a priority key, as Textual binds it: it opens the palette from the note editor too."""
    app = make_app(bundled, notes=tmp_path / "notes.json", config=Config())
    async with app.run_test(size=(120, 30)) as pilot:
        await analysed(app, pilot)
        await pilot.press("a")
        assert isinstance(app.screen, NoteEditor)
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
