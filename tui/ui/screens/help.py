"""The key help: every key of the reader on one page, and what the marks of copies of one text mean."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

KEYS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    (
        "Columns",
        (
            ("tab / shift+tab", "next / previous column; off-screen columns slide into view"),
            ("1 … 9", "go to column 1 … 9"),
            ("j k, ↑ ↓", "scroll a line"),
            ("pgup pgdn, b space", "scroll a page"),
            ("home end", "top / bottom of the article"),
        ),
    ),
    (
        "Matches",
        (
            ("n / N", "next / previous match: columns scroll to it"),
            ("u", "mark what only one voice says, dim the rest; u: back"),
            ("click", "on a highlight: make its match current"),
        ),
    ),
    (
        "Disputes",
        (
            ("] / [", "next / previous dispute: columns scroll to its versions"),
            ("d", "open and focus the disputes panel; d or esc in it: close"),
            ("enter, click", "in the panel: go to a dispute; again: its details"),
        ),
    ),
    (
        "Notes",
        (
            ("a", "write a note on the match or dispute you went to last, else on the sentence being read"),
            ("m", "list your notes; enter: go to one, again: edit it; a: edit; x: delete; m: close"),
            ("e", "export your notes: Markdown, JSON (W3C Web Annotation) or HTML"),
            ("ctrl+s, esc", "in the note editor: save, or close without saving"),
            ("ctrl+↑ ctrl+↓", "in the note editor: the sentence before / after"),
        ),
    ),
    (
        "Details",
        (
            ("enter", "the versions of the match or dispute you went to last; for a match, why each was matched"),
            ("n N / ] [", "in the details: the next / previous one"),
            ("a", "in the details: write a note on the match or dispute shown"),
            ("esc", "close the details"),
        ),
    ),
    (
        "Copies of one text",
        (
            ("1A 2A", "in the source bar: sources with one letter are copies of one text (wire copy), one voice"),
            ("copy A: …", "in a copy's header: how much of it is the same as which sources, and the agency"),
            ("", "a passage only copies share is no match: not coloured, n passes it by"),
            ("", "a match counts a family once: \"3 sources, 2 independent\""),
            ("u", "a family's own passages are marked in its first source; a later copy marks only what it added"),
        ),
    ),
    (
        "Reader",
        (
            ("?", "this help"),
            ("ctrl+p", "command palette: every action by name"),
            ("q", "quit"),
        ),
    ),
)


def key_table() -> Table:
    """The keys as a Rich table, one section under another."""
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", no_wrap=True)
    table.add_column()
    for section, keys in KEYS:
        table.add_row(Text(section, style="bold underline"), "")
        for key, description in keys:
            table.add_row(key, description)
        table.add_row("", "")
    return table


class HelpScreen(ModalScreen[None]):
    """A modal page listing the keys; any of escape, q or ? closes it."""

    BINDINGS = [
        Binding("escape,q,question_mark", "dismiss", "Close", key_display="esc"),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Static(Text("kato-tui keys", style="bold"), id="help-title")
            yield Static(key_table())
