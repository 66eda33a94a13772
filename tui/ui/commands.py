"""The command palette's entries: the reader's actions by name, each titled `area: verb`."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial

from textual.actions import parse
from textual.app import App, SystemCommand

from tui.ui.widgets.reader import Reader

COMMANDS: tuple[tuple[str, str, str], ...] = (
    ("column: next", "Focus the next article's column", "reader.column(1)"),
    ("column: previous", "Focus the previous article's column", "reader.column(-1)"),
    ("match: next", "Scroll every column to the next shared passage", "match(1)"),
    ("match: previous", "Scroll every column to the previous shared passage", "match(-1)"),
    ("match: details", "Compare the versions of the current shared passage", "match_details"),
    ("match: toggle unique", "Mark what only one source says; dim the rest", "toggle_unique"),
    ("dispute: next", "Scroll every column to the next disputed fact", "dispute(1)"),
    ("dispute: previous", "Scroll every column to the previous disputed fact", "dispute(-1)"),
    ("dispute: details", "Compare every source's version of the current dispute", "dispute_details"),
    ("dispute: toggle panel", "Show or hide the list of disputed facts", "toggle_disputes"),
    ("note: add", "Write a note on the current match, dispute or the sentence being read", "annotate"),
    ("note: list", "Show or hide the list of your notes", "toggle_notes"),
    ("export: Markdown", "Export your notes as a Markdown report", "export('md')"),
    ("export: JSON", "Export your notes as W3C Web Annotation JSON", "export('json')"),
    ("export: HTML", "Export your notes as an HTML page", "export('html')"),
    ("help: keys", "Show every key of the reader", "help"),
)
"""(title, help, action): an action starting "reader." runs on the Reader, any other on the app."""


def reader_commands(app: App[None]) -> Iterable[SystemCommand]:
    """The palette entries for the reader's actions, called directly: a greyed-out key's action still says why it can't run."""
    reader = app.query_one(Reader)
    for title, help_text, action in COMMANDS:
        namespace, name, parameters = parse(action)
        method = getattr(reader if namespace == "reader" else app, f"action_{name}")
        yield SystemCommand(title, help_text, partial(method, *parameters))
