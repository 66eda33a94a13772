"""ExportDialog: which format to export the notes in, and to which file; FormatQuestion, when the two disagree."""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_data_dir
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label, RadioButton, RadioSet, Static

from tui.core.export import FORMAT_NAMES, format_of
from tui.core.files import write_atomic
from tui.ui.render import safe_text
from tui.ui.screens.confirm import Confirm

FORMATS = {"md": "Markdown: a report", "json": "JSON: W3C Web Annotations", "html": "HTML: a page to share"}
"""The export formats (the core's names) and how the dialog offers them."""


@dataclass(frozen=True)
class ExportChoice:
    """What to export: the format (md, json or html) and the file to write."""

    fmt: str
    path: Path


def _state_file() -> Path:
    # Beside the notes, in the user's data folder, until the reader has a config file of its own.
    return Path(user_data_dir("kato-tui", appauthor=False)) / "last-export.json"


def last_folder() -> Path | None:
    """The folder the last export went to, while it is still a folder."""
    try:
        folder = Path(json.loads(_state_file().read_text(encoding="utf-8"))["folder"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return folder if folder.is_dir() else None


def remember_folder(folder: Path) -> None:
    """Keep the folder for the next export; losing it costs only a prefilled name, so a failure is ignored."""
    with contextlib.suppress(OSError):
        write_atomic(_state_file(), json.dumps({"folder": str(folder)}) + "\n")


class ExportDialog(ModalScreen[ExportChoice | None]):
    """A format (radio buttons) and a file name, prefilled in the folder of the last export.

    The format follows the extension typed (.md, .json, .html and their kin); choosing a format
    renames the prefilled name to match. Enter in the file name, or ctrl+s, closes with an
    `ExportChoice`: when the format still disagrees with the name it asks which to write, an
    existing file is only replaced after asking, and the notes file itself never. Escape closes
    with None.
    """

    BINDINGS = [
        Binding("ctrl+s", "export", "Export", tooltip="Export to the file named", id="export-dialog.export"),
        Binding("escape", "dismiss(None)", "Cancel", key_display="esc", tooltip="Close without exporting", id="export-dialog.cancel"),
    ]

    def __init__(self, stem: str, fmt: str = "md", *, folder: Path | None = None, notes_path: Path | None = None) -> None:
        super().__init__()
        self.fmt = fmt if fmt in FORMATS else "md"
        self.default = (folder or last_folder() or Path()) / f"{stem}.{self.fmt}"
        self.notes_path = notes_path

    def compose(self) -> ComposeResult:
        with Vertical(id="export-dialog") as dialog:
            dialog.border_title = "Export notes"
            with RadioSet(id="export-format"):
                for fmt, label in FORMATS.items():
                    yield RadioButton(label, fmt == self.fmt, id=f"format-{fmt}")
            yield Label(Content(safe_text(f"File (.md, .json or .html; a name alone goes in {Path.cwd()})")), id="export-folder")
            yield Input(str(self.default), id="export-path")
            yield Static("", id="export-problem")
            yield Static("enter / ctrl+s export · tab next field · esc cancel", id="export-dialog-keys")

    def on_mount(self) -> None:
        path = self.query_one("#export-path", Input)
        path.focus()
        path.cursor_position = len(path.value)

    @on(Input.Changed, "#export-path")
    def _name_changed(self, event: Input.Changed) -> None:
        """Choose the format the typed extension names."""
        named = format_of(event.value.strip())
        if named is not None and named != self.fmt:
            self.query_one(f"#format-{named}", RadioButton).value = True

    @on(RadioSet.Changed)
    def _format_changed(self, event: RadioSet.Changed) -> None:
        """Take the format; the prefilled name follows it (a name the user typed is theirs)."""
        self.fmt = (event.pressed.id or "format-md").removeprefix("format-")
        field = self.query_one("#export-path", Input)
        if self._is_default(field.value) and format_of(field.value) != self.fmt:
            field.value = str(self.default.with_suffix(f".{self.fmt}"))

    def _is_default(self, value: str) -> bool:
        """Whether the name is the prefilled one, whatever its format's extension."""
        return format_of(value) is not None and Path(value).with_suffix("") == self.default.with_suffix("")

    def on_input_submitted(self) -> None:
        self.action_export()

    def action_export(self) -> None:
        """Close with the choice, once the file name is usable and agrees with the format (asking
        when it does not, and before replacing a file)."""
        value = self.query_one("#export-path", Input).value.strip()
        path = Path(value).expanduser().absolute()
        problem = self._problem(value, path)
        self.query_one("#export-problem", Static).update(Content(problem))
        if problem:
            return
        named = format_of(path)
        if named is None or named == self.fmt:
            self._replace_or_export(ExportChoice(self.fmt, path))
            return

        def answered(fmt: str | None) -> None:
            if fmt is not None:
                self._replace_or_export(ExportChoice(fmt, path))

        self.app.push_screen(FormatQuestion(path.name, asked=self.fmt, named=named), answered)

    def _replace_or_export(self, choice: ExportChoice) -> None:
        def answered(replace: bool | None) -> None:
            if replace:
                self._export(choice)

        if choice.path.exists():
            self.app.push_screen(Confirm(f"Replace {choice.path.name}?", f"{choice.path} already exists."), answered)
        else:
            self._export(choice)

    def _export(self, choice: ExportChoice) -> None:
        remember_folder(choice.path.parent)
        self.dismiss(choice)

    def _problem(self, value: str, path: Path) -> str:
        if not value:
            return "Name the file to write."
        if path.is_dir():
            return "That is a folder: name a file in it."
        if self.notes_path is not None and path.resolve() == self.notes_path.expanduser().resolve():
            return "That is the notes file itself: choose another file."
        return ""


class FormatQuestion(ModalScreen[str | None]):
    """Which format to write when the file's name says another: the name's, or the one chosen.

    The first letter of a format (m, j, h) answers; escape goes back to the dialog. Enter does
    neither, so the enter that submitted the dialog, pressed twice, decides nothing.
    """

    DEFAULT_CSS = """
    FormatQuestion { align: center middle; }
    FormatQuestion > #format-question {
        width: 70; max-width: 100%; height: auto; padding: 0 1;
        border: round $warning; background: $surface;
    }
    FormatQuestion #format-question-keys { color: $text-muted; }
    """

    BINDINGS = [
        Binding("m", "choose('md')", "Markdown", show=False),
        Binding("j", "choose('json')", "JSON", show=False),
        Binding("h", "choose('html')", "HTML", show=False),
        Binding("escape", "dismiss(None)", "Back", key_display="esc", tooltip="Back to the export dialog"),
    ]

    def __init__(self, name: str, *, asked: str, named: str) -> None:
        super().__init__()
        self.file_name = name
        self.asked = asked
        self.named = named

    def compose(self) -> ComposeResult:
        asked, named = FORMAT_NAMES[self.asked], FORMAT_NAMES[self.named]
        with Vertical(id="format-question"):
            yield Static(Text(f"{safe_text(self.file_name)} is a {named} name", style="bold"))
            yield Static(f"Write {asked} into it anyway, or {named}?")
            keys = f"{self.asked[0]}: write {asked} anyway · {self.named[0]}: write {named} · esc: back"
            yield Static(keys, id="format-question-keys")

    def action_choose(self, fmt: str) -> None:
        """Close with the format, when it is one of the two offered."""
        if fmt in {self.asked, self.named}:
            self.dismiss(fmt)
