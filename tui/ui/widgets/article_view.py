"""ArticleView: one article's body, wrapped to its width and drawn line by line."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import events
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.scrollbar import ScrollBar
from textual.strip import Strip

from tui.core.model import Article
from tui.ui.keymap import bindings
from tui.ui.render import Highlights, LineCache, Mark, offset_at, paint, rewrap, safe_text, styled_line, wrap
from tui.ui.widgets.scrollbar import QuickScrollBar

MATCH_COLOURS = 6
"""How many colours the matched groups are given (neighbouring groups never share one)."""
GUTTER = 1
"""Cells left of the text: a bar there marks the lines that hold a noted passage."""
BAR = "▌"
"""What the gutter shows beside a noted passage."""


class ArticleView(ScrollView, can_focus=True):
    """A scrollable, wrapped article body that draws only the lines on screen.

    Offsets into the body map to lines and back, so a passage can be scrolled into view
    and highlighted wherever the wrap puts it. Highlights are `Mark`s naming one of the
    component classes below; the stylesheet gives them their colours. A line that holds a
    passage marked `NOTE` also gets a bar in the gutter left of the text.
    """

    BINDINGS = bindings("view")

    COMPONENT_CLASSES = {
        *(f"article-view--match-{index}" for index in range(MATCH_COLOURS)),
        *(f"article-view--current-{index}" for index in range(MATCH_COLOURS)),
        "article-view--current",
        "article-view--label",
        "article-view--unique",
        "article-view--dim",
        "article-view--dispute",
        "article-view--note",
        "article-view--note-bar",
        "article-view--search",
        "article-view--search-current",
    }

    CURRENT = "article-view--current"
    """The emphasis of the passages of the group the reader is on, over their group's colour."""
    LABEL = "article-view--label"
    """The style of a mark's label (the current match's id, "m12"), drawn just before the passage."""
    UNIQUE = "article-view--unique"
    """The style of a passage no other source shares."""
    DIM = "article-view--dim"
    """The style of text pushed into the background."""
    DISPUTE = "article-view--dispute"
    """The style of the current dispute's versions, over any match colour."""
    NOTE = "article-view--note"
    """The style of a passage the reader wrote a note on, over whatever else marks it."""
    NOTE_BAR = "article-view--note-bar"
    """The style of the bar in the gutter beside a noted passage's lines."""
    SEARCH = "article-view--search"
    """The style of a hit of the words searched for, over any other mark but a note."""
    SEARCH_CURRENT = "article-view--search-current"
    """The style of the hit gone to last."""
    OVERLAYS = frozenset({CURRENT, NOTE})
    """Styles drawn over others that keep what they don't set (the current passage keeps its group's colour)."""

    @dataclass
    class Clicked(Message):
        """The body was clicked: `offset` is the body offset of the character under the pointer."""

        view: ArticleView
        article: str
        offset: int

        @property
        def control(self) -> ArticleView:
            """The view that was clicked."""
            return self.view

    def __init__(self, article: Article, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._article = article
        self._text = safe_text(article.body)
        self._lines: list[tuple[int, int]] = []
        self._line_starts: list[int] = []
        self._marks: tuple[Mark, ...] = ()
        self._highlights: Highlights | None = None
        self._noted_lines: set[int] | None = None
        self._labels: dict[int, str] = {}
        self._label_texts: dict[int, Text] | None = None
        self._wrapped_width = 0
        self._pending_top = 0
        self._base_style: Style | None = None
        self._drawn: LineCache[Strip] = LineCache()
        """The lines drawn, as they go on screen, by their stretch of the body: a scroll or a refocus draws most lines
        from here."""
        self._look: tuple[object, ...] = ()
        """What every line's look depends on besides its text and marks (colours, opacity, the app's filters)."""

    @property
    def article(self) -> Article:
        """The article on show."""
        return self._article

    @property
    def line_count(self) -> int:
        """How many lines the body wraps into at the current width."""
        return len(self._lines)

    @property
    def top_offset(self) -> int:
        """The body offset of the first line on screen."""
        if not self._lines:
            return 0
        return self._lines[min(round(self.scroll_y), len(self._lines) - 1)][0]

    @property
    def reading_offset(self) -> int:
        """The body offset of the line being read: the top line at the top of the article, then further
        down as the view scrolls, up to a quarter of the view down (where a jump puts a passage)."""
        if not self._lines:
            return 0
        top = round(self.scroll_y)
        return self._lines[min(top + min(top, self.size.height // 4), len(self._lines) - 1)][0]

    def shows(self, offset: int) -> bool:
        """Whether the line holding the body offset is on screen."""
        return self.scroll_y <= self.line_of(offset) < self.scroll_y + self.size.height

    @property
    def marks(self) -> tuple[Mark, ...]:
        """What is highlighted, drawn in order, later over earlier."""
        return self._marks

    @property
    def labels(self) -> dict[int, str]:
        """The labels drawn before a character (body offset -> label), taken from the marks."""
        return dict(self._labels)

    @staticmethod
    def match_style(colour: int) -> str:
        """The component class of the match colour numbered `colour` (0 .. MATCH_COLOURS - 1)."""
        return f"article-view--match-{colour % MATCH_COLOURS}"

    @staticmethod
    def current_style(colour: int) -> str:
        """The stronger form of the match colour numbered `colour`, for the current group."""
        return f"article-view--current-{colour % MATCH_COLOURS}"

    def show(self, article: Article, top_offset: int = 0, marks: Iterable[Mark] = ()) -> None:
        """Show another article, its first line on screen being the one holding `top_offset`."""
        self._article = article
        self._text = safe_text(article.body)
        self._pending_top = top_offset
        marks = tuple(marks)
        self._labels, self._label_texts = {mark.start: mark.label for mark in marks if mark.label}, None
        self._rewrap(self._wrapped_width)
        self.scroll_to(y=self.line_of(top_offset), animate=False, immediate=True)
        self.set_marks(marks)

    def set_marks(self, marks: Iterable[Mark]) -> bool:
        """Draw these marks over the body from now on; whether their labels moved, which changes the
        wrap of their paragraphs (the line on top stays on top). Only the lines on screen whose marks
        came or went are drawn again (all of them when a label moved or the drawing order changed)."""
        marks = tuple(marks)
        if marks == self._marks:
            return False
        changed = set(marks) ^ set(self._marks)
        self._marks, self._highlights = marks, None
        if any(mark.style == self.NOTE for mark in changed):
            self._noted_lines = None
        labels = {mark.start: mark.label for mark in self._marks if mark.label}
        moved = labels != self._labels
        if moved:
            self._relabel(labels)
        if moved or not changed:
            self.refresh()
        else:
            self._refresh_spans(changed)
        if changed:
            self._drawn.forget((mark.start, mark.end) for mark in changed)
        else:
            self._drawn.clear()  # the same marks in another order: drawn over each other differently
        return moved

    def _refresh_spans(self, marks: Iterable[Mark]) -> None:
        """Draw again the lines on screen that these marks touch."""
        top = round(self.scroll_y)
        bottom = top + self.size.height
        for mark in marks:
            first, last = max(top, self.line_of(mark.start)), min(bottom - 1, self.line_of(max(mark.start, mark.end - 1)))
            if first <= last:
                self.refresh_lines(first, last - first + 1)

    def watch_has_focus(self, has_focus: bool) -> None:
        """Nothing to restyle: the stylesheet gives a column's text no `:focus` look (its header shows the focus), and
        restyling the view and its component classes on every `tab` took a third of what the key cost."""

    def on_focus(self, event: events.Focus) -> None:
        self._focus_changed(event, True)

    def on_blur(self, event: events.Blur) -> None:
        self._focus_changed(event, False)

    @property
    def vertical_scrollbar(self) -> ScrollBar:
        """The vertical scrollbar: Textual's own but for being a `QuickScrollBar` (Widget.vertical_scrollbar,
        Textual 8.2.8, with the one class changed): `n` moves up to five of them at once."""
        if self._vertical_scrollbar is None:
            self._vertical_scrollbar = QuickScrollBar(vertical=True, name="vertical", thickness=self.scrollbar_size_vertical)
            self._vertical_scrollbar.display = False
            self.app._start_widget(self, self._vertical_scrollbar)
        return self._vertical_scrollbar

    def _focus_changed(self, event: events.Focus | events.Blur, focused: bool) -> None:
        """What Textual's Widget does on focus and blur (Textual 8.2.8), but for drawing every line again: the text
        looks the same either way, and drawing the two columns' lines again was most of what `tab` still cost."""
        event.prevent_default()
        self.has_focus = focused
        if self.parent is not None:
            self.parent.post_message(events.DescendantFocus(self) if focused else events.DescendantBlur(self))

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._highlights = self._label_texts = None  # the theme or the stylesheet changed: the marks' colours with it
        self._drawn.clear()

    def _relabel(self, labels: dict[int, str]) -> None:
        changed = set(labels.items()) ^ set(self._labels.items())
        top = self.top_offset
        self._labels, self._label_texts = labels, None
        self._noted_lines = None  # line indexes: a rewrapped paragraph moves the lines after it
        if self._lines:
            self._lines = rewrap(self._text, self._lines, self._wrapped_width, (offset for offset, _ in changed), self._label_cells())
            self._line_starts = [start for start, _ in self._lines]
            self._set_virtual_size(Size(self._wrapped_width, len(self._lines)))
            if self.line_of(top) != round(self.scroll_y):
                self.scroll_to(y=self.line_of(top), animate=False, immediate=True)

    @staticmethod
    def _chip(label: str) -> str:
        return f" {safe_text(label)} "

    def _label_cells(self) -> dict[int, int]:
        return {offset: cell_len(self._chip(label)) for offset, label in self._labels.items()}

    def line_of(self, offset: int) -> int:
        """The index of the wrapped line that holds the body offset."""
        return max(0, bisect_right(self._line_starts, offset) - 1)

    def scroll_to_offset(self, offset: int, *, animate: bool = True) -> None:
        """Scroll so that the line holding `offset` sits a few lines below the top."""
        if not self._lines:
            self._pending_top = offset  # not laid out yet: the first wrap puts it at the top
            return
        target = max(0, self.line_of(offset) - self.size.height // 4)
        self.scroll_to(y=target, animate=animate, duration=0.2, immediate=not animate)

    def on_click(self, event: events.Click) -> None:
        where = event.get_content_offset(self)
        if where is None or round(self.scroll_y) + where.y >= len(self._lines):
            return  # on the padding, or below the last line
        start, end = self._lines[round(self.scroll_y) + where.y]
        offset = offset_at(self._text, start, end, max(0, where.x - GUTTER), self._label_cells())
        self.post_message(self.Clicked(self, self._article.id, offset))

    def on_resize(self) -> None:
        self._fit_width()

    def _fit_width(self) -> None:
        """Wrap the body for the width the view has, if it is not wrapped for it yet, keeping the top line."""
        width = self.scrollable_content_region.width - GUTTER
        if width != self._wrapped_width:
            top = self.top_offset if self._lines else self._pending_top
            self._rewrap(width)
            # Forced: on a view's first frame its scrollbar is not on yet, and an unforced scroll does nothing (a column
            # that comes back with a wider window would show its article from the top, not where it was left).
            self.scroll_to(y=self.line_of(top), animate=False, immediate=True, force=True)

    def _style_of(self, name: str) -> Style:
        return self.get_component_rich_style(name, partial=name in self.OVERLAYS)

    def _rewrap(self, width: int) -> None:
        self._wrapped_width = width
        self._lines = wrap(self._text, width, self._label_cells()) if width > 0 else []
        self._line_starts = [start for start, _ in self._lines]
        self._noted_lines = None
        self._drawn.clear()  # another width, or another article
        self._set_virtual_size(Size(width, len(self._lines)))

    def _set_virtual_size(self, size: Size) -> None:
        """Set the size of the wrapped body. A new `virtual_size` lays out the whole screen (90 ms on the bundled story,
        most of what `n` cost when the current match's label rewrapped a paragraph), which only a new width or a
        scrollbar coming or going needs: otherwise the scrollbar's thumb is told and the view drawn again."""
        old, height = self.virtual_size, self.container_size.height
        if not self.is_mounted or size.width != old.width or (size.height > height) != (old.height > height):
            self.virtual_size = size
            return
        self.set_reactive(ArticleView.virtual_size, size)
        self.vertical_scrollbar.window_virtual_size = size.height
        self.scroll_y = self.scroll_y  # validated again: within the new length
        self.refresh()

    def render_lines(self, crop: Region) -> list[Strip]:
        """The lines in `crop`, as Textual draws them (padding, colours, the app's filters), most of them kept from
        an earlier frame by their stretch of the body. Textual keeps a widget's lines by their row on screen, so
        each row of a scrolled view would go through its styling again: most of what `n` and `]` cost on five columns."""
        look = (self.rich_style, self.background_colors, self.opacity, tuple(self.app.get_line_filters()))
        if look != self._look:  # worked out from the styles of every ancestor: once a frame, not per line
            self._look, self._base_style = look, look[0]
            self._drawn.clear()
        gutter = self.styles.gutter
        if crop.x or gutter.top or gutter.bottom:
            return super().render_lines(crop)  # rows are not lines of the body one for one: Textual draws them all
        if not self._lines:
            self._fit_width()  # the first frame wraps, and scrolls to the place kept, before its rows are matched to lines
        top, width, lines, drawn = round(self.scroll_y), crop.width, self._lines, self._drawn
        strips: list[Strip | None] = []
        for y in crop.line_range:
            index = top + y
            strip = drawn.get(*lines[index]) if index < len(lines) else None
            strips.append(strip if strip is not None and strip.cell_length == width else None)
        row = 0
        while row < len(strips):  # the lines not kept, a run of rows at a time
            if strips[row] is not None:
                row += 1
                continue
            end = row + 1
            while end < len(strips) and strips[end] is None:
                end += 1
            fresh = super().render_lines(Region(0, crop.y + row, width, end - row))
            kept = lines is self._lines and top == round(self.scroll_y)  # else the rows are another line's: drawn, not kept
            for offset, strip in enumerate(fresh, start=row):
                strips[offset] = strip
                index = top + crop.y + offset
                if kept and index < len(lines):
                    drawn.set(*lines[index], strip)
            row = end
        return strips  # type: ignore[return-value]  # every row filled above

    def render_line(self, y: int) -> Strip:
        if not self._lines:
            self._fit_width()  # the first frame: laid out, but its Resize not handled yet; wrap now, not a frame later
        if self._base_style is None:
            self._base_style = self.rich_style  # worked out from the styles of every ancestor: once, not per line
        base = self._base_style
        index = round(self.scroll_y) + y
        width = self.scrollable_content_region.width
        if index >= len(self._lines):
            return Strip.blank(width, base)
        start, end = self._lines[index]
        if self._highlights is None:
            self._highlights = paint(self._marks, self._style_of)
        noted = index in self._noted()
        text = Text(BAR if noted else " " * GUTTER, self.get_component_rich_style(self.NOTE_BAR) if noted else "", no_wrap=True, end="")
        if self._label_texts is None:
            style = self.get_component_rich_style(self.LABEL)
            self._label_texts = {offset: Text(self._chip(label), style) for offset, label in self._labels.items()}
        text.append_text(styled_line(self._text, start, end, self._highlights, self._label_texts))
        strip = Strip(text.render(self.app.console)).apply_style(base)
        return strip.crop(0, width).extend_cell_length(width, base)

    def _noted(self) -> set[int]:
        """The indexes of the lines that hold part of a noted passage."""
        if self._noted_lines is None:
            self._noted_lines = {
                line
                for mark in self._marks
                if mark.style == self.NOTE
                for line in range(self.line_of(mark.start), self.line_of(max(mark.start, mark.end - 1)) + 1)
            }
        return self._noted_lines
