"""The panels under the columns: one slot, at most one panel open in it, and the base every panel shares.

A panel is a `BottomPanel` (an OptionList with an `open` flag and the panel keys); the app registers
each in its `PanelSlot` by name, and one action opens any of them: `toggle_panel('disputes')`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from textual.reactive import reactive
from textual.widgets import OptionList

from tui.ui.keymap import bindings


class BottomPanel(OptionList):
    """A list under the columns; hidden until opened (kato.tcss gives every `BottomPanel` its place and size)."""

    BINDINGS = bindings("panel")

    KIND: str | None = None
    """The kind of navigator whose items the panel lists ("dispute"): a jump to one highlights its row."""

    open: reactive[bool] = reactive(False)
    """Whether the panel is on screen."""

    def __init__(self, *content: Any, **options: Any) -> None:
        super().__init__(*content, **options)
        self._put_off: dict[str, Callable[[], object]] | None = {}
        """What was put off until the panel first opens, by name (None once it has opened)."""

    def put_off(self, name: str, work: Callable[[], object]) -> bool:
        """Whether to put `work` off until the panel first opens (the latest work of each name is done then, in
        the order the names came): a panel never opened makes no rows, which for a large analysis took longer
        than drawing its highlights. Once it has opened, nothing is put off."""
        if self._put_off is None:
            return False
        self._put_off[name] = work
        return True

    def watch_open(self, open: bool) -> None:
        self.set_class(open, "-open")
        if open and self._put_off is not None:
            put_off, self._put_off = self._put_off, None
            for work in put_off.values():
                work()

    def highlight_item(self, index: int | None) -> None:
        """Highlight the row of the navigator's item at `index` (a panel that lists a kind of navigator says how)."""


class PanelSlot:
    """The bottom panels by name, in the order they are laid out; opening one closes the others.

    `back` puts the focus back where reading goes on (the focused column) when a panel closes.
    """

    def __init__(self, back: Callable[[], object], **panels: BottomPanel) -> None:
        self._back = back
        self.panels = panels

    def __iter__(self) -> Iterator[BottomPanel]:
        return iter(self.panels.values())

    def __getitem__(self, name: str) -> BottomPanel:
        return self.panels[name]

    @property
    def current(self) -> str | None:
        """The name of the open panel; None when all are closed."""
        return next((name for name, panel in self.panels.items() if panel.open), None)

    def toggle(self, name: str) -> None:
        """Open the panel and focus it; from inside it, close it and go back to the column."""
        panel = self.panels[name]
        if panel.open and panel.has_focus:
            self.close()
            return
        for other in self.panels.values():
            other.open = other is panel
        panel.focus()

    def close(self) -> None:
        """Close the open panel, if any, and go back to the column."""
        for panel in self.panels.values():
            panel.open = False
        self._back()
