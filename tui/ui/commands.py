"""The command palette's entries, made from the keymap: each action titled `area: verb`, its help naming its keys."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import partial

from textual.actions import parse
from textual.app import App, SystemCommand

from tui.ui.keymap import palette_entries
from tui.ui.widgets.reader import Reader


def reader_commands(app: App[None], keymap: Mapping[str, str]) -> Iterable[SystemCommand]:
    """The palette entries for the reader's actions, called directly: a key's action that must wait (for the
    analysis, for the notes) still says why when run from here."""
    reader = app.query_one(Reader)
    for key, help_text in palette_entries(keymap):
        _, name, parameters = parse(key.action)
        method = getattr(reader if key.scope == "reader" else app, f"action_{name}")
        yield SystemCommand(key.palette, help_text, partial(method, *parameters))
