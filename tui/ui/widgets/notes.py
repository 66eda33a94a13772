"""NotesPanel: the reader's notes, one row each, for going to one, editing it or deleting it."""

from __future__ import annotations

from dataclasses import dataclass

from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.core.model import Note
from tui.ui.keymap import bindings, hint
from tui.ui.panels import BottomPanel
from tui.ui.render import safe_text, shorten

PASSAGE_START = 48
"""How many cells of the passage a row shows."""
_STATUS_STYLE = {"orphaned": "bold $text-error", "ambiguous": "bold $text-warning", "moved": "$text-muted", "changed": "$text-warning"}


def note_row(note: Note, outlet: str, status: str) -> Content:
    """A note as a panel row: status, outlet, the passage's first words and the tags; under them the note's first line.

    The passage and the note are the reader's and the article's text: they only ever become literal Content.
    """
    head: list[Content | tuple[str, str] | str] = []
    if status:
        head += [(f"[{status}]", _STATUS_STYLE.get(status, "")), " "]
    head += [(safe_text(outlet), "bold"), "  ", (f"“{safe_text(shorten(note.exact, PASSAGE_START))}”", "italic")]
    if note.tags:
        head += ["  ", ("  ".join(f"#{safe_text(tag)}" for tag in note.tags), "$text-accent")]
    first = next((line for line in note.body.splitlines() if line.strip()), "")
    body = Content(f"    {safe_text(first.strip())}") if first else Content("    (no text)").stylize("$text-muted")
    return Content("\n").join([Content.assemble(*head), body])


class NotesPanel(BottomPanel):
    """Every note in reading order. Choosing a row (enter or a click) posts `Chosen`; `a` posts `Edit`, x or delete `Delete`.

    The app decides what going to a note, editing and deleting mean.
    """

    BINDINGS = bindings("notes-panel")

    @dataclass
    class Chosen(Message):
        """A note was chosen in the panel (enter or a click): `note` is its id."""

        panel: NotesPanel
        note: str

        @property
        def control(self) -> NotesPanel:
            """The panel the note was chosen in."""
            return self.panel

    class Edit(Chosen):
        """The reader asked to edit the highlighted note (`a`)."""

    class Delete(Chosen):
        """The reader asked to delete the highlighted note (x or delete)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self.border_title = "Notes"

    def show_notes(self, rows: list[tuple[Note, str, str]], title: str, empty: str) -> None:
        """List the notes, each with its outlet and status (`empty` when there are none); the highlight stays on its note."""
        current = self.highlighted_note
        options = [Option(note_row(note, outlet, status), id=note.id) for note, outlet, status in rows]
        self.set_options(options or [Option(Content(safe_text(empty)), disabled=True)])
        ids = [note.id for note, _, _ in rows]
        self.highlighted = ids.index(current) if current in ids else (0 if ids else None)
        self.border_title = title
        keys = {name: hint(self, name) for name in ("edit_note", "delete_note", "export", "notes_panel")}
        self.border_subtitle = (
            f"enter: go to · again: edit · {keys['edit_note']}: edit · {keys['delete_note']}: delete · {keys['export']}: export · {keys['notes_panel']}: close"
        )

    @property
    def highlighted_note(self) -> str | None:
        """The id of the highlighted note; None when there are no notes."""
        option = self.highlighted_option
        return option.id if option is not None and not option.disabled else None

    def action_edit(self) -> None:
        """Ask to edit the highlighted note."""
        if self.highlighted_note is not None:
            self.post_message(self.Edit(self, self.highlighted_note))

    def action_delete(self) -> None:
        """Ask to delete the highlighted note."""
        if self.highlighted_note is not None:
            self.post_message(self.Delete(self, self.highlighted_note))

    def _on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None and not event.option.disabled:
            self.post_message(self.Chosen(self, event.option.id))
