"""ReaderScreen: the screen the reader is on, drawn again only where the focus changes something."""

from __future__ import annotations

from textual.geometry import Size
from textual.reactive import Reactive
from textual.screen import Screen
from textual.widget import Widget

from tui.ui.widgets.backdrop import Backdrop


class ReaderScreen(Screen[None], Backdrop):
    """Textual's screen draws all of itself again whenever the focus moves (its `focused` repaints): at 200x50 a
    frame of the whole screen, most of what `tab` cost once the columns drew only what changed. Whatever the focus
    changes draws itself: a column's header, the bars, a panel's `:focus` look."""

    focused: Reactive[Widget | None] = Reactive(None, repaint=False)
    """The focused widget, as Textual's screen has it, without the repaint."""

    def _screen_resized(self, size: Size) -> None:
        """Textual's, but a resize to the size the screen is laid out for already lays nothing out. Textual tells the
        screen its size four times at start (the mode's start, then a Resize from the driver, the app and the app's
        own check), and each would be a layout and a frame of the whole screen (60 ms at 200x50) between the first
        text and the matches on screen. What changes in the widgets lays itself out as it always does."""
        if size == self._compositor.size and self.is_attached:
            return
        super()._screen_resized(size)
