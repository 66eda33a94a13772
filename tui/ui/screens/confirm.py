"""Confirm: a yes-or-no question before something that cannot be undone."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.ui.render import safe_text


class Confirm(ModalScreen[bool]):
    """Ask one question; y answers yes, n (or escape) no. Enter does neither: a key pressed twice by mistake decides nothing."""

    BINDINGS = [
        Binding("y", "answer(True)", "Yes", tooltip="Yes: go ahead", id="confirm.yes"),
        Binding("n,escape", "answer(False)", "No", key_display="n", tooltip="No: leave things as they are", id="confirm.no"),
    ]

    def __init__(self, question: str, detail: str = "") -> None:
        super().__init__()
        self.question = question
        self.detail = detail

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm"):
            yield Static(Text(self.question, style="bold"), id="confirm-question")
            if self.detail:
                yield Static(Text(safe_text(self.detail)), id="confirm-detail")
            yield Static("y: yes · n / esc: no", id="confirm-keys")

    def action_answer(self, yes: bool) -> None:
        """Close with the answer."""
        self.dismiss(yes)
