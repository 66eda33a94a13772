"""ArticleView: one article's body, wrapped to its width and drawn line by line."""

from __future__ import annotations

from bisect import bisect_right

from textual.binding import Binding
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.core.model import Article
from tui.ui.render import Highlight, Highlights, safe_text, styled_line, wrap


class ArticleView(ScrollView, can_focus=True):
    """A scrollable, wrapped article body that draws only the lines on screen.

    Offsets into the body map to lines and back, so a passage can be scrolled into view
    and highlighted wherever the wrap puts it.
    """

    BINDINGS = [
        Binding("j", "scroll_down", "Down", show=False),
        Binding("k", "scroll_up", "Up", show=False),
        Binding("space", "page_down", "Page down", show=False),
        Binding("b", "page_up", "Page up", show=False),
    ]

    def __init__(self, article: Article, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._article = article
        self._text = safe_text(article.body)
        self._lines: list[tuple[int, int]] = []
        self._line_starts: list[int] = []
        self._highlights = Highlights()
        self._wrapped_width = 0
        self._pending_top = 0

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

    def show(self, article: Article, top_offset: int = 0) -> None:
        """Show another article, its first line on screen being the one holding `top_offset`."""
        self._article = article
        self._text = safe_text(article.body)
        self._highlights = Highlights()
        self._pending_top = top_offset
        self._rewrap(self._wrapped_width)
        self.scroll_to(y=self.line_of(top_offset), animate=False, immediate=True)
        self.refresh()

    def set_highlights(self, highlights: list[Highlight]) -> None:
        """Draw these highlights over the body from now on."""
        self._highlights = Highlights(highlights)
        self.refresh()

    def line_of(self, offset: int) -> int:
        """The index of the wrapped line that holds the body offset."""
        return max(0, bisect_right(self._line_starts, offset) - 1)

    def scroll_to_offset(self, offset: int, *, animate: bool = True) -> None:
        """Scroll so that the line holding `offset` sits a few lines below the top."""
        target = max(0, self.line_of(offset) - self.size.height // 4)
        self.scroll_to(y=target, animate=animate, duration=0.2, immediate=not animate)

    def on_resize(self) -> None:
        width = self.scrollable_content_region.width
        if width != self._wrapped_width:
            top = self.top_offset if self._lines else self._pending_top
            self._rewrap(width)
            self.scroll_to(y=self.line_of(top), animate=False, immediate=True)

    def _rewrap(self, width: int) -> None:
        self._wrapped_width = width
        self._lines = wrap(self._text, width) if width > 0 else []
        self._line_starts = [start for start, _ in self._lines]
        self.virtual_size = Size(width, len(self._lines))

    def render_line(self, y: int) -> Strip:
        base = self.rich_style
        index = round(self.scroll_y) + y
        width = self.scrollable_content_region.width
        if index >= len(self._lines):
            return Strip.blank(width, base)
        start, end = self._lines[index]
        text = styled_line(self._text, start, end, self._highlights)
        strip = Strip(text.render(self.app.console)).apply_style(base)
        return strip.crop(0, width).extend_cell_length(width, base)
