"""The key help: every key of the reader on one page, from the keymap (with the user's remaps), and what the marks mean."""

from __future__ import annotations

import importlib
from collections.abc import Mapping

from rich.console import RenderableType
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.ui.keymap import bindings, help_rows

COPIES: tuple[tuple[str, str], ...] = (
    ("1A 2A", "in the source bar: sources with one letter are copies of one text (wire copy), one voice"),
    ("copy A: …", "in a copy's header: how much of it is the same as which sources, and the agency"),
    ("", "a passage only copies share is no match: not coloured, the match keys pass it by"),
    ("", 'a match counts a family once: "3 sources, 2 independent"'),
    ("unique", "a family's own passages are marked in its first source; a later copy marks only what it added"),
)
"""What the reader shows of copies of one text: marks, not keys."""
KEYS_WIDTH = 16
"""The widest the keys' column gets in the help (it is 72 cells wide)."""


def key_table(keymap: Mapping[str, str]) -> Table:
    """The keys as a Rich table, one section under another, then what copies of one text look like."""
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", max_width=KEYS_WIDTH)  # a long list of keys wraps, and the words keep their room
    table.add_column()
    for section, rows in [*help_rows(keymap).items(), ("Copies of one text", list(COPIES))]:
        table.add_row(Text(section, style="bold underline"), "")
        for keys, description in rows:
            table.add_row(keys, description)
        table.add_row("", "")
    return table


def legend() -> RenderableType | None:
    """The legend of the marks (tui.ui.legend), when this version of the reader has one."""
    try:
        module = importlib.import_module("tui.ui.legend")
    except ImportError:
        return None
    made = getattr(module, "legend", None)
    return made() if callable(made) else None


class HelpScreen(ModalScreen[None]):
    """A modal page listing the keys as they are bound now; the help's close keys (esc, q, ?) close it."""

    BINDINGS = bindings("help")

    def __init__(self, keymap: Mapping[str, str] | None = None) -> None:
        super().__init__()
        self.keymap = dict(keymap or {})

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Static(Text("kato-tui keys", style="bold"), id="help-title")
            yield Static(key_table(self.keymap))
            marks = legend()
            if marks is not None:
                yield Static(Text("Marks", style="bold underline"))
                yield Static(marks, id="help-legend")
