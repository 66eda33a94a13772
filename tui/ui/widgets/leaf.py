"""Leaf: a widget with nothing in it to lay out."""

from __future__ import annotations

from textual.geometry import Size
from textual.widget import Widget


class Leaf(Widget):
    """A widget without children or scrolled content, whose new size is drawn, not laid out again.

    Textual gives a widget its size in a layout and then sets its `virtual_size` as a reactive that asks for
    another layout of the whole screen, with a frame of its own a frame interval (16 ms or more) later: each
    time a window of columns slides by one and brings in a title of another length, for the title and for the
    column's scrollbar. Nothing in a leaf depends on that second layout.
    """

    def _size_updated(self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True) -> bool:
        return super()._size_updated(size, virtual_size, container_size, layout=False)
