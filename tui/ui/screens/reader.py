"""ReaderScreen: the screen the reader is on, drawn again only where the focus changes something."""

from __future__ import annotations

from textual.reactive import Reactive
from textual.screen import Screen
from textual.widget import Widget


class ReaderScreen(Screen[None]):
    """Textual's screen draws all of itself again whenever the focus moves (its `focused` repaints): at 200x50 a
    frame of the whole screen, most of what `tab` cost once the columns drew only what changed. Whatever the focus
    changes draws itself: a column's header, the bars, a panel's `:focus` look."""

    focused: Reactive[Widget | None] = Reactive(None, repaint=False)
    """The focused widget, as Textual's screen has it, without the repaint."""
