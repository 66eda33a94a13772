"""NoteEditor: writing or changing one note: its text, its tags, and (for a new note on a passage) which sentence."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Checkbox, Input, Label, Static, TextArea

from tui.core.notes import clean_tags
from tui.ui.keymap import bindings
from tui.ui.notebook import QUICK_TAGS, Draft, Target
from tui.ui.render import safe_text
from tui.ui.screens.confirm import Confirm


class NoteEditor(ModalScreen[Draft | None]):
    """The passage, a text area for the note, toggles for the usual tags and a field for others.

    Closes with a `Draft` on ctrl+s, or None on escape (after asking, when something was typed).
    Given the article's sentences, ctrl+up and ctrl+down move a new note to the sentence before or after.
    """

    BINDINGS = bindings("note-editor")

    def __init__(
        self,
        heading: str,
        passage: str | tuple[str, int, int],
        *,
        body: str = "",
        tags: tuple[str, ...] = (),
        target: Target | None = None,
        sentences: list[tuple[int, int]] | None = None,
        remark: str = "",
    ) -> None:
        super().__init__()
        self.heading = heading
        self.passage = passage if isinstance(passage, tuple) else (passage, 0, len(passage))
        """The passage to show, and the stretch of it the note is on (the rest is context)."""
        self.target = target
        self.sentences = sentences or []
        self.remark = remark
        """A line under the passage, e.g. that it is no longer in the article."""
        tags = clean_tags(tags)
        self._initial = Draft(body, (*(tag for tag in QUICK_TAGS if tag in tags), *(tag for tag in tags if tag not in QUICK_TAGS)), target)

    def compose(self) -> ComposeResult:
        initial = self._initial
        free = [tag for tag in initial.tags if tag not in QUICK_TAGS]
        with Vertical(id="note-editor") as dialog:
            dialog.border_title = Content(safe_text(self.heading))
            yield Static(self._passage_text(), id="note-passage")
            if self.remark:
                yield Static(Content(self.remark), id="note-remark")
            if self.sentences:
                yield Static("ctrl+↑ / ctrl+↓: the sentence before / after", id="note-passage-keys")
            yield TextArea(initial.body, id="note-body", placeholder="Your note (ctrl+s saves)")
            with Horizontal(id="note-quick-tags"):
                for tag in QUICK_TAGS:
                    yield Checkbox(tag, tag in initial.tags, id=f"tag-{tag}", compact=True)
            with Horizontal(id="note-free-tags"):
                yield Label("more tags: ")
                yield Input(", ".join(free), placeholder="comma-separated, e.g. money, timeline", id="note-tags", compact=True)
            yield Static("ctrl+s save · esc cancel · tab next field", id="note-editor-keys")

    def on_mount(self) -> None:
        body = self.query_one(TextArea)
        body.move_cursor(body.document.end)
        body.focus()

    @property
    def draft(self) -> Draft:
        """What is in the editor now."""
        quick = [tag for tag in QUICK_TAGS if self.query_one(f"#tag-{tag}", Checkbox).value]
        free = self.query_one("#note-tags", Input).value.split(",")
        return Draft(self.query_one(TextArea).text, clean_tags([*quick, *free]), self.target)

    def action_save(self) -> None:
        """Close with what was written."""
        self.dismiss(self.draft)

    def action_cancel(self) -> None:
        """Close without saving; ask first when the note or its tags were changed."""
        if self.draft == self._initial:
            self.dismiss(None)
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(Confirm("Discard this note?", "What you typed is not saved."), answered)

    def action_sentence(self, delta: int) -> None:
        """Move a new note to the sentence before (-1) or after (+1) the one its passage is in (leaving its match or dispute)."""
        if not self.sentences or self.target is None:
            return
        here = max((i for i, (start, _) in enumerate(self.sentences) if start <= self.target.start), default=0)
        start, end = self.sentences[max(0, min(len(self.sentences) - 1, here + delta))]
        self.target = Target(self.target.article, start, end)
        self.passage = (self.target.text, 0, len(self.target.text))
        self.query_one("#note-passage", Static).update(self._passage_text())
        self.query_one("#note-editor").border_title = Content(safe_text(f"New note · {self.target.label}"))

    def _passage_text(self) -> Text:
        text, start, end = (safe_text(self.passage[0]).replace("\n", " "), *self.passage[1:])
        emphasis = "bold underline" if (start, end) != (0, len(text)) else ""
        return Text.assemble("“", text[:start], (text[start:end], emphasis), text[end:], "”", style="italic")
