"""QuickScrollBar: Textual's vertical scrollbar, drawn straight into lines."""

from __future__ import annotations

from rich.segment import Segment
from textual.geometry import Region, Size
from textual.scrollbar import ScrollBar, ScrollBarRender
from textual.strip import Strip

from tui.ui.widgets.leaf import Leaf


class QuickScrollBar(Leaf, ScrollBar):
    """A vertical `ScrollBar` that draws the same cells as Textual's, a tenth as slowly.

    Textual draws a scrollbar as a Rich renderable, rendered by the console, split into lines and
    styled again cell by cell: about 2 ms for a bar 45 rows high, on every key that scrolls a
    column, and `n` scrolls up to five. This one takes the bar's segments (one per row) from the
    same `ScrollBarRender`, makes a line of each kind of row once and runs the app's line filters
    over them, as Textual's drawing does; the last bar drawn is kept while nothing it depends on
    changes. Horizontal bars, and a bar whose widget styles it beyond its colours (padding, a
    border, opacity), are drawn by Textual.
    """

    def __init__(self, vertical: bool = True, name: str | None = None, *, thickness: int = 1) -> None:
        super().__init__(vertical, name, thickness=thickness)
        self._drawn: tuple[tuple[object, ...], list[Strip]] | None = None
        self._moved_in_layout = False
        self._region = Region()

    def _size_updated(self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True) -> bool:
        # Called in each layout, the screen's map made: a bar that moved or changed size has its whole region written
        # by the layout's frame.
        region = self.region
        self._moved_in_layout |= region != self._region
        self._region = region
        return super()._size_updated(size, virtual_size, container_size, layout)

    def _check_refresh(self) -> None:
        """Textual's, but a bar moved or resized by a layout asks for no frame to draw what that layout's frame wrote.
        Textual has the bar draw itself again after a layout that changed its view's length or height: a frame of its
        own, a frame interval (16 ms or more) after the key's. Only after a layout: otherwise a frame may have drawn
        the bar without writing it (a partial update draws every widget its box overlaps, writes only what changed)."""
        if self._moved_in_layout:
            self._moved_in_layout = False
            if self._repaint_required and self._drawn is not None and self._drawn[0] == self._look():
                self._repaint_required = False
        super()._check_refresh()

    def _look(self) -> tuple[object, ...] | None:
        """What the bar's cells depend on; None when Textual draws it."""
        if not self.vertical or self.styles.gutter or self.styles.opacity < 1 or not self.is_attached:
            return None
        bar = self.render()
        if not isinstance(bar, ScrollBarRender):
            return None
        return (self.size, bar.virtual_size, bar.window_size, bar.position, bar.style, self.rich_style,
                tuple(self.app.get_line_filters()))

    def render_lines(self, crop: Region) -> list[Strip]:
        look = self._look()
        if look is None:
            return super().render_lines(crop)
        if self._drawn is None or self._drawn[0] != look:
            self._drawn = (look, self._draw())
        strips = self._drawn[1][crop.y : crop.bottom]
        if crop.x or crop.width != self.size.width:
            strips = [strip.crop(crop.x, crop.right) for strip in strips]
        return strips

    def _draw(self) -> list[Strip]:
        bar = self.render()
        assert isinstance(bar, ScrollBarRender)
        width, height = self.size
        style = self.app.console.get_style(bar.style)
        rows = type(bar).render_bar(
            size=height,
            virtual_size=bar.virtual_size,
            window_size=bar.window_size,
            position=bar.position,
            thickness=width,
            vertical=True,
            **({"back_color": style.bgcolor} if style.bgcolor else {}),
            **({"bar_color": style.color} if style.color else {}),
        )
        filters = self.app.get_line_filters()
        base, (_, background) = self.rich_style, self.background_colors
        strips: dict[Segment, Strip] = {}  # a bar has four or five kinds of row: each is drawn once
        for segment in dict.fromkeys(rows.segments):
            strip = Strip([Segment(segment.text, base + segment.style)], width)
            for line_filter in filters:
                strip = strip.apply_filter(line_filter, background)
            strips[segment] = strip
        return [strips[segment] for segment in rows.segments]
