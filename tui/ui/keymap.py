"""The keymap: every key of the reader described once, in one table.

The bindings of the app, the reader, the columns, the panels and the dialogs, the footer (a
binding's `show`), the key help and the command palette are all made from `KEYS`; a user's
config remaps a key by its name (the binding's id), and Textual's keymap does the rest.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from textual.binding import Binding, BindingType
from textual.dom import DOMNode
from textual.keys import format_key


@dataclass(frozen=True)
class Key:
    """One action and the keys that run it, with where it is bound and where it shows."""

    name: str
    """The binding id, and the action's name in the config file's [keys] table."""
    keys: str
    """The default keys, comma-separated Textual key names ("" for a palette-only command)."""
    action: str
    """The action run, on the node that `scope` names."""
    description: str
    """A few words for the footer and the binding."""
    help: str
    """What it does: the key help's line and the palette's help."""
    section: str
    """The key help's heading it is listed under."""
    scope: str = "app"
    """Where it is bound: app, reader, view (a column's text), panel (any bottom panel), filter (the matches and disputes panels),
    disputes-panel, sources-panel, notes-panel, note-editor,
    detail (a match's or a dispute's details), help, searching (on the app, before its own keys: while a search is on),
    search-line."""
    footer: bool = False
    """Whether the footer shows it."""
    palette: str = ""
    """Its title in the command palette ("match: next"); not in the palette when empty."""
    pair: bool = False
    """Whether the help lists it on the row above, the keys joined ("n / N"), under that row's words."""
    palette_help: str = ""
    """The palette's help when the help line speaks for a pair ("next / previous ...")."""
    priority: bool = False
    """Whether it runs before any widget's keys, in a dialog too (the palette, as Textual binds it)."""
    listed: bool = True
    """Whether the help lists it (the help's own close keys need no line)."""
    also: tuple[str, ...] = ()
    """Other scopes that bind it to the app's action too: a modal screen (the details) hides the app's keys."""


KEYS: tuple[Key, ...] = (
    Key("next_column", "tab", "column(1)", "Next column", "next / previous column (off screen: slides in)", "Columns", "reader", palette="column: next",
        palette_help="focus the next article's column"),
    Key("previous_column", "shift+tab", "column(-1)", "Previous column", "focus the previous article's column", "Columns", "reader", palette="column: previous", pair=True),
    *(
        Key(f"column_{n}", str(n), f"go_to_column({n - 1})", f"Column {n}", "go to column 1 … 9" if n == 1 else f"go to column {n}", "Columns", "reader", pair=n > 1)
        for n in range(1, 10)
    ),
    Key("line_down", "j,down", "scroll_down", "Down", "scroll a line down / up", "Columns", "view"),
    Key("line_up", "k,up", "scroll_up", "Up", "scroll a line up", "Columns", "view", pair=True),
    Key("page_down", "pagedown,space", "page_down", "Page down", "scroll a page down / up", "Columns", "view"),
    Key("page_up", "pageup,b", "page_up", "Page up", "scroll a page up", "Columns", "view", pair=True),
    Key("top", "home", "scroll_home", "Top", "top / bottom of the article", "Columns", "view"),
    Key("bottom", "end", "scroll_end", "Bottom", "bottom of the article", "Columns", "view", pair=True),
    Key("next_match", "n", "step('match', 1)", "Next match", "next / previous match: columns scroll to it", "Matches", footer=True, palette="match: next",
        palette_help="scroll every column to the next shared passage", also=("match-detail",)),
    Key("previous_match", "N", "step('match', -1)", "Previous match", "back to the previous shared passage",
        "Matches", palette="match: previous", pair=True, also=("match-detail",)),
    Key("unique", "u", "toggle_unique", "Unique", "mark what only one voice says, dim the rest", "Matches", palette="match: toggle unique"),
    Key("matches_panel", "l", "toggle_panel('matches')", "Matches", "list the matches (enter: go to one, again: its details)", "Matches",
        palette="match: list"),
    Key("filter_kind", "k", "filter('kind')", "Kind", "in the matches and disputes panels: list one kind only (again: the next kind, then all)", "Lists", "filter"),
    Key("filter_wording", "w", "filter('wording')", "Wording", "in the matches panel: list one wording only (exact, variant, paraphrase)", "Lists", "filter"),
    Key("filter_source", "o", "filter('source')", "Source", "in the matches and disputes panels: list what one source says (again: the next source)", "Lists", "filter"),
    Key("filter_source_back", "O", "filter('source', -1)", "Source back", "in those panels: the previous source", "Lists", "filter", pair=True),
    Key("clear_filters", "backspace", "clear_filters", "All", "in the matches and disputes panels: list everything again", "Lists", "filter"),
    Key("match_details", "", "details('match')", "Match details", "compare the versions of the current shared passage", "Matches", palette="match: details"),
    Key("next_dispute", "right_square_bracket", "step('dispute', 1)", "Next dispute", "next / previous dispute: columns scroll to it",
        "Disputes", footer=True, palette="dispute: next", palette_help="scroll every column to the next disputed fact", also=("dispute-detail",)),
    Key("previous_dispute", "left_square_bracket", "step('dispute', -1)", "Previous dispute", "back to the previous disputed fact",
        "Disputes", palette="dispute: previous", pair=True, also=("dispute-detail",)),
    Key("disputes_panel", "d", "toggle_panel('disputes')",
        "Disputes", "open and focus the disputes panel", "Disputes", footer=True, palette="dispute: toggle panel"),
    Key("hide_changes", "c", "hide('changes over time')", "Hide changes", "in the disputes panel: hide / show the figures that may have changed between the days",
        "Lists", "disputes-panel"),
    Key("hide_uncorroborated", "u", "hide('uncorroborated')", "Hide one-source claims", "in the disputes panel: hide / show what only one source says",
        "Lists", "disputes-panel"),
    Key("dispute_details", "", "details('dispute')", "Dispute details", "compare every source's version of the current dispute", "Disputes", palette="dispute: details"),
    Key("search", "slash", "search", "Search", "search every column: type words (their hits light up), enter goes to the first",
        "Search", palette="search: find", palette_help="find words in every column, ignoring case"),
    Key("next_hit", "n", "step('search', 1)", "Next hit", "while searching: next / previous hit (enter too); its column scrolls to it",
        "Search", "searching", footer=True),
    Key("previous_hit", "N", "step('search', -1)", "Previous hit", "while searching: the previous hit", "Search", "searching", pair=True),
    Key("clear_search", "escape", "clear_search", "Clear search", "while searching: clear it and its highlights (n / N: matches again)",
        "Search", "searching"),
    Key("search_go", "enter", "go", "Go", "in the search line: go to the next hit", "Search", "search-line", footer=True),
    Key("search_close", "escape", "clear", "Clear", "in the search line: clear the search", "Search", "search-line", footer=True),
    Key("details", "enter", "details", "Details", "the versions of the match or dispute gone to last", "Details"),
    Key("close_details", "escape", "dismiss", "Close", "close the details (in them the match and dispute keys step on)", "Details", "detail", footer=True),
    Key("annotate", "a", "annotate", "Note", "write a note on the match or dispute gone to last, else on the sentence being read",
        "Notes", footer=True, palette="note: add", also=("match-detail", "dispute-detail")),
    Key("notes_panel", "m", "toggle_panel('notes')", "Notes", "list your notes (enter: go to one, again: edit)", "Notes", footer=True, palette="note: list"),
    Key("export", "e", "export", "Export", "export your notes: Markdown, JSON or HTML", "Notes", palette="export: notes"),
    Key("edit_note", "a", "edit", "Edit note", "in the notes panel: edit a note", "Notes", "notes-panel", footer=True),
    Key("delete_note", "x,delete", "delete", "Delete note", "in the notes panel: delete a note (asks first)", "Notes", "notes-panel", footer=True),
    Key("save_note", "ctrl+s", "save", "Save", "in the note editor: save the note", "Notes", "note-editor", footer=True),
    Key("cancel_note", "escape", "cancel", "Cancel", "in the note editor: close without saving", "Notes", "note-editor", footer=True),
    Key("sentence_before", "ctrl+up", "sentence(-1)", "Sentence before", "in the note editor: the sentence before / after", "Notes", "note-editor"),
    Key("sentence_after", "ctrl+down", "sentence(1)", "Sentence after", "in the note editor: put the note on the sentence after", "Notes", "note-editor", pair=True),
    Key("export_md", "", "export('md')", "Markdown", "export your notes as a Markdown report", "Notes", palette="export: Markdown"),
    Key("export_json", "", "export('json')", "JSON", "export your notes as W3C Web Annotation JSON", "Notes", palette="export: JSON"),
    Key("export_html", "", "export('html')", "HTML", "export your notes as an HTML page", "Notes", palette="export: HTML"),
    Key("sources_panel", "s", "toggle_panel('sources')", "Sources", "list the sources: choose the columns and their order", "Sources", palette="source: list"),
    Key("toggle_source", "space", "toggle_source", "Show/hide", "in the sources panel: show or hide a source as a column", "Sources", "sources-panel"),
    Key("move_source_up", "shift+up,K", "move_source(-1)", "Move up", "in the sources panel: move a source up / down (its column left / right)", "Sources", "sources-panel"),
    Key("move_source_down", "shift+down,J", "move_source(1)", "Move down", "in the sources panel: move a source down", "Sources", "sources-panel", pair=True),
    Key("sort_sources", "o", "sort_sources", "Sort", "in the sources panel: sort by date, by outlet, as the files sort", "Sources", "sources-panel"),
    Key("show_all_sources", "A", "show_all_sources", "Show all", "in the sources panel: show every source as a column", "Sources", "sources-panel"),
    Key("close_panel", "escape", "app.close_panel", "Close", "in a panel: close it", "Reader", "panel"),
    Key("help", "question_mark", "help", "Help", "this help", "Reader", footer=True, palette="help: keys"),
    Key("command_palette", "ctrl+p", "command_palette", "palette", "command palette: every action by name", "Reader", priority=True),
    Key("close_help", "escape,q,question_mark", "dismiss", "Close", "in this help: close it", "Reader", "help", footer=True, listed=False),
    Key("quit", "q", "quit", "Quit", "quit", "Reader", footer=True),
)
"""Every key of the reader, in the order the help lists them."""

BY_NAME: dict[str, Key] = {key.name: key for key in KEYS}
SECTIONS = ("Columns", "Matches", "Disputes", "Search", "Notes", "Details", "Lists", "Sources", "Reader")
"""The help's sections in the order it shows them: what the reader is for first."""

MOUSE: tuple[tuple[str, str, str], ...] = (
    ("Matches", "click", "on a highlight: make its match current"),
    ("Details", "enter, click", "in a panel: go to the row; again: its details"),
)
"""What the mouse does, by help section: not keys, so not remappable, but in the help beside them."""

_SHOWN = {"enter": "enter", "space": "space", "delete": "delete", "escape": "esc"}
"""Keys the help spells as a word rather than Textual's symbol."""


def bindings(scope: str) -> list[BindingType]:
    """The bindings of one scope, each with the table's words and its name as the id, so a config remaps it
    (in every scope that binds it)."""
    return [
        Binding(
            key.keys, key.action if key.scope == scope else f"app.{key.action}", key.description,
            show=key.footer, priority=key.priority, tooltip=key.help, id=key.name,
        )
        for key in KEYS
        if key.keys and scope in scopes(key)
    ]


def scopes(key: Key) -> tuple[str, ...]:
    """Every scope that binds a key: its own and the ones that bind the app's action too."""
    return (key.scope, *key.also)


def display(keys: str) -> str:
    """Keys as a person reads them: "ctrl+↑", "]", "j, ↓"."""
    return ", ".join(_display_one(key) for key in keys.split(",") if key)


def _display_one(key: str) -> str:
    *modifiers, last = key.split("+") if key != "+" else [key]
    return "+".join([*modifiers, _SHOWN.get(last) or format_key(last)])


def help_rows(keymap: Mapping[str, str], sections: Iterable[str] | None = None) -> dict[str, list[tuple[str, str]]]:
    """The help's rows by section: (keys, what they do), the keys as `keymap` binds them now (defaults elsewhere).

    Paired entries share a row ("n / N"); a run of more than two shows its ends ("1 … 9").
    """
    rows: dict[str, list[tuple[list[str], str]]] = {}
    for key in KEYS:
        keys = keymap.get(key.name, key.keys)
        if not keys or not key.listed:
            continue
        section = rows.setdefault(key.section, [])
        if key.pair and section:
            section[-1][0].append(display(keys))
        else:
            section.append(([display(keys)], key.help))
    for section_name, what, description in MOUSE:
        rows.setdefault(section_name, []).append(([what], description))
    order = list(sections) if sections is not None else [*SECTIONS, *(name for name in rows if name not in SECTIONS)]
    return {name: [(_joined(shown), text) for shown, text in rows[name]] for name in order if name in rows}


def _joined(shown: list[str]) -> str:
    return " / ".join(shown) if len(shown) <= 2 else f"{shown[0]} … {shown[-1]}"


def palette_entries(keymap: Mapping[str, str]) -> list[tuple[Key, str]]:
    """The palette's entries: each key with a title and its help, which names the keys that run it ("match: next", "… (n)")."""
    entries = []
    for key in KEYS:
        if key.palette:
            keys = keymap.get(key.name, key.keys)
            words = key.palette_help or key.help
            entries.append((key, f"{words[0].upper()}{words[1:]}" + (f" ({display(keys)})" if keys else "")))
    return entries


def hint(node: DOMNode, name: str) -> str:
    """The first key bound to an action now, for a panel's hint ("d"): the app's keymap (with a user's remaps) else the table's."""
    keymap: Mapping[str, str] = getattr(node.app, "keymap", None) or {}
    return display(keymap.get(name, BY_NAME[name].keys).split(",")[0])


def describe(action: str) -> str:
    """What an action does, in the footer's words ("Next match"), for a message about it."""
    return next((key.description for key in KEYS if key.action == action), action)
