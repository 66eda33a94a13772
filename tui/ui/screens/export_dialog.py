"""ExportDialog: which format to export the notes in, and to which file."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label, RadioButton, RadioSet, Static

from tui.ui.render import safe_text
from tui.ui.screens.confirm import Confirm

FORMATS = {"md": "Markdown: a report", "json": "JSON: W3C Web Annotations", "html": "HTML: a page to share"}
"""The export formats (the core's names) and how the dialog offers them."""


@dataclass(frozen=True)
class ExportChoice:
    """What to export: the format (md, json or html) and the file to write."""

    fmt: str
    path: Path


class ExportDialog(ModalScreen[ExportChoice | None]):
    """A format (radio buttons) and a file name (prefilled, its extension following the format).

    Enter in the file name, or ctrl+s, closes with an `ExportChoice`; an existing file is only
    replaced after asking, and the notes file itself never. Escape closes with None.
    """

    BINDINGS = [
        Binding("ctrl+s", "export", "Export", tooltip="Export to the file named", id="export-dialog.export"),
        Binding("escape", "dismiss(None)", "Cancel", key_display="esc", tooltip="Close without exporting", id="export-dialog.cancel"),
    ]

    def __init__(self, stem: str, fmt: str = "md", *, folder: Path | None = None, notes_path: Path | None = None) -> None:
        super().__init__()
        self.fmt = fmt if fmt in FORMATS else "md"
        self.default = (folder or Path()) / f"{stem}.{self.fmt}"
        self.notes_path = notes_path

    def compose(self) -> ComposeResult:
        with Vertical(id="export-dialog") as dialog:
            dialog.border_title = "Export notes"
            with RadioSet(id="export-format"):
                for fmt, label in FORMATS.items():
                    yield RadioButton(label, fmt == self.fmt, id=f"format-{fmt}")
            yield Label(Content(safe_text(f"File (a name alone goes in {Path.cwd()})")), id="export-folder")
            yield Input(str(self.default), id="export-path")
            yield Static("", id="export-problem")
            yield Static("enter / ctrl+s export · tab next field · esc cancel", id="export-dialog-keys")

    def on_mount(self) -> None:
        path = self.query_one("#export-path", Input)
        path.focus()
        path.cursor_position = len(path.value)

    @on(RadioSet.Changed)
    def _format_changed(self, event: RadioSet.Changed) -> None:
        """Follow the format in the file's extension when it is one of ours."""
        self.fmt = (event.pressed.id or "format-md").removeprefix("format-")
        field = self.query_one("#export-path", Input)
        path = Path(field.value)
        if path.suffix.lstrip(".") in FORMATS:
            field.value = str(path.with_suffix(f".{self.fmt}"))

    def on_input_submitted(self) -> None:
        self.action_export()

    def action_export(self) -> None:
        """Close with the choice, once the file name is usable (asking before replacing a file)."""
        value = self.query_one("#export-path", Input).value.strip()
        path = Path(value).expanduser().absolute()
        problem = self._problem(value, path)
        self.query_one("#export-problem", Static).update(Content(problem))
        if problem:
            return
        choice = ExportChoice(self.fmt, path)
        if not path.exists():
            self.dismiss(choice)
            return

        def answered(replace: bool | None) -> None:
            if replace:
                self.dismiss(choice)

        self.app.push_screen(Confirm(f"Replace {path.name}?", f"{path} already exists."), answered)

    def _problem(self, value: str, path: Path) -> str:
        if not value:
            return "Name the file to write."
        if path.is_dir():
            return "That is a folder: name a file in it."
        if self.notes_path is not None and path.resolve() == self.notes_path.expanduser().resolve():
            return "That is the notes file itself: choose another file."
        return ""
