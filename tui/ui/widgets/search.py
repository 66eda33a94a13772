"""SearchLine: the line above the status where the reader types what to find in every column."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import events
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Input, Label

from tui.ui.keymap import bindings, hint


class SearchInput(Input):
    """The words to find: every character typed is text (a key like `a` or `n` is a letter here), enter goes
    to the next hit and esc clears the search (the keys of the "search-line" scope)."""

    BINDINGS = bindings("search-line")

    def action_go(self) -> None:
        """Go to the next hit of the words typed."""
        self.post_message(SearchLine.Submitted(self.value))

    def action_clear(self) -> None:
        """Clear the search and close the line."""
        self.post_message(SearchLine.Cleared())


class SearchLine(Horizontal):
    """A prompt, the words searched for and what the keys do now; hidden until a search is opened, and kept
    on screen while the search is on (its hits are what n / N step through then)."""

    DEFAULT_CSS = """
    SearchLine {
        display: none;
        height: 1;
        padding: 0 1;
    }
    SearchLine.-open {
        display: block;
    }
    SearchLine > .prompt {
        width: auto;
        padding-right: 1;
    }
    SearchLine > Input {
        width: 1fr;
    }
    SearchLine > .keys {
        width: auto;
        padding-left: 1;
        color: $text-muted;
    }
    """

    @dataclass
    class Changed(Message):
        """The words in the line changed (as the reader types)."""

        query: str

    @dataclass
    class Submitted(Message):
        """Enter in the line: go to the next hit of `query`."""

        query: str

    class Cleared(Message):
        """Esc in the line: clear the search."""

    def compose(self):
        yield Label("Search", classes="prompt")
        yield SearchInput(placeholder="words to find in every column", compact=True, select_on_focus=True)
        yield Label(classes="keys")

    @property
    def input(self) -> SearchInput:
        """Where the words are typed."""
        return self.query_one(SearchInput)

    @property
    def value(self) -> str:
        """The words in the line."""
        return self.input.value

    def open(self) -> None:
        """Show the line and take the typing there at once: keys typed straight after the one that opened the line
        (a fast typist, a paste) are already waiting, and `focus()` would move the focus only after them."""
        self.add_class("-open")
        self.screen.set_focus(self.input)

    def leave(self) -> None:
        """Keep the line on screen with its words while the reader goes back to the columns."""
        self._show_keys(typing=False)

    def close(self) -> None:
        """Hide the line and forget its words."""
        self.remove_class("-open")
        with self.input.prevent(Input.Changed):
            self.input.value = ""

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.Changed(event.value))

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        self._show_keys(typing=True)

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        self._show_keys(typing=False)

    def _show_keys(self, typing: bool) -> None:
        if typing:
            words = f"{hint(self, 'search_go')}: go · {hint(self, 'search_close')}: clear"
        else:
            steps = f"{hint(self, 'next_hit')} {hint(self, 'previous_hit')}"
            words = f"{steps}: next / previous hit · {hint(self, 'search')}: edit · {hint(self, 'clear_search')}: clear"
        self.query_one(".keys", Label).update(Text(words))
