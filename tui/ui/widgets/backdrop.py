"""Backdrop: a widget drawn as one row repeated, the same `Strip` for each."""

from __future__ import annotations

from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget


class Backdrop(Widget):
    """A container (or screen) whose every row looks the same: its background, and a border at its sides if any.

    Textual draws every widget under a changed region, containers too, row by row, and then cuts each row at the
    edges of the widgets over it; a slide of the window of columns changes all of the reader's region, and so drew
    the screen's, the reader's and each column's rows afresh: some 150 rows, cut into a thousand pieces each kept by
    the row that was cut, a third of what the key cost and most of the garbage that set the collector off. Drawn as
    one row repeated, the cuts of a row are worked out once for each set of edges and kept by that one row.

    A top or bottom border or outline, a border title, or a keyline (drawn across the children's edges) makes rows
    differ: Textual draws those.
    """

    _backdrop: tuple[tuple[object, ...], Strip] | None = None

    def render_lines(self, crop: Region) -> list[Strip]:
        styles = self.styles
        if (styles.border_top[0] or styles.border_bottom[0] or styles.outline_top[0] or styles.outline_bottom[0]
                or self._border_title is not None or self._border_subtitle is not None or styles.keyline[0] != "none"
                or not crop.height):
            return super().render_lines(crop)
        look = (crop.x, crop.width, self.outer_size.width, self.rich_style, self.background_colors, self.opacity,
                styles.border_left, styles.border_right, styles.outline_left, styles.outline_right, styles.hatch, styles.tint,
                styles.text_opacity, tuple(self.get_line_filters()))
        if self._backdrop is None or self._backdrop[0] != look:
            self._styles_cache.clear()  # Textual may keep the row as drawn before a style changed (a hatch added by a class)
            self._backdrop = look, super().render_lines(Region(crop.x, 0, crop.width, 1))[0]
        return [self._backdrop[1]] * crop.height
