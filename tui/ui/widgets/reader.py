"""The reader: the articles side by side, as many columns as fit, the others a key away."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from rich.style import Style
from rich.text import Text
from textual import events
from textual.containers import Horizontal, Vertical
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive

from tui.core.dateline import readable_date
from tui.core.model import Article
from tui.ui.keymap import bindings
from tui.ui.render import Mark, clamp, safe_text
from tui.ui.voices import Voices
from tui.ui.widgets.article_view import ArticleView
from tui.ui.widgets.backdrop import Backdrop
from tui.ui.widgets.leaf import Leaf


def _byline(article: Article, family: str | None = None) -> Text:
    """The line under the outlet: "Wed 5 May 2010 · 683 words", without the date when it is unknown;
    a copy of one text says so after the date ("Wed 5 May 2010 · copy A: 92% the same as 4 · 683 words")."""
    line = Text()
    for part, style in ((article.date and readable_date(article.date), ""), (family, "bold"), (f"{article.words:,} words", "")):
        if part:
            line.append(" · " if line else "")
            line.append(_one_line(part), style)
    return line


def _one_line(text: str) -> str:
    """`text` made safe and kept to one line: a header line has room for one (a date as written may hold a break)."""
    return " ".join(safe_text(text).split())


class ColumnHeader(Leaf):
    """A column's header: the outlet's line (standing out on the focused column), the byline ("Wed 5 May 2010 ·
    683 words", with what it says of a copy family) and the title in at most `TITLE_LINES` lines, ending in "…"
    when cut; an article without a title gives up no line to it. Each cut to one line of the column's width.

    One widget that draws all three (not three to mount and style for each column before the first frame); the
    focused column's mark is drawn too, not a class, which would restyle the header."""

    TITLE_LINES = 2

    COMPONENT_CLASSES = {"column-header--outlet", "column-header--current", "column-header--byline", "column-header--copy",
                         "column-header--title"}

    def __init__(self, article: Article) -> None:
        super().__init__()
        self._article = article
        self._title = safe_text(article.title or "")
        self._family: str | None = None
        self._current = False

    @property
    def byline(self) -> Text:
        """The line under the outlet, whole (the header cuts it to its width)."""
        return _byline(self._article, self._family)

    @property
    def current(self) -> bool:
        """Whether the header stands out as the focused column's."""
        return self._current

    @property
    def family(self) -> str | None:
        """What the byline says of the article's copy family ("copy A: 92% the same as 4"); None when it is no copy."""
        return self._family

    def title_lines(self, width: int) -> list[str]:
        """The title as drawn `width` cells wide: at most `TITLE_LINES` lines; none when the article has no title, or
        the header is too narrow to show a letter of it between its margins."""
        return clamp(self._title, width - 2, self.TITLE_LINES).splitlines() if self._title.strip() and width >= 3 else []

    def show(self, article: Article, family: str | None) -> None:
        """Show another article's header; laid out again only when the title changes (it may take other lines)."""
        title = safe_text(article.title or "")
        retitled = title != self._title
        self._article, self._title, self._family = article, title, family
        self.refresh(layout=retitled)

    def show_family(self, family: str | None) -> None:
        if family != self._family:
            self._family = family
            self.refresh()

    def show_current(self, current: bool) -> None:
        if current != self._current:
            self._current = current
            self.refresh()

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return 2 + len(self.title_lines(width))

    def render(self) -> Text:
        width, style = self.size.width, self.get_component_rich_style
        outlet = style("column-header--outlet") + (style("column-header--current") if self._current else Style())
        lines = [_header_line(Text(_one_line(self._article.outlet)), width, outlet),
                 _header_line(self.byline, width, style("column-header--copy" if self._family else "column-header--byline"))]
        lines += [_header_line(Text(line), width, style("column-header--title")) for line in self.title_lines(width)]
        return Text("\n", no_wrap=True, overflow="crop").join(lines)


def _header_line(text: Text, width: int, style: Style) -> Text:
    """A line of a header, `width` cells: a cell of margin either side, the text cut with "…" to fit between them,
    `style` under the text's own across the whole width."""
    text = text.copy()
    text.truncate(max(0, width - 2), overflow="ellipsis")
    line = Text(" ", style=style, no_wrap=True, overflow="crop")
    line.append_text(text)
    line.append(" ")
    line.truncate(width, pad=True)
    return line


class ArticleColumn(Vertical, Backdrop):
    """One article under a header that names its outlet, date and title."""

    def __init__(self, article: Article) -> None:
        super().__init__()
        self._article = article
        self._first = False

    @property
    def article(self) -> Article:
        """The article this column shows."""
        return self._article

    @property
    def family(self) -> str | None:
        """What the header says of the article's copy family; None when it is no copy."""
        return self.header.family

    @property
    def view(self) -> ArticleView:
        """The scrolling body of the column."""
        return self.query_one(ArticleView)

    @property
    def header(self) -> ColumnHeader:
        """The column's outlet, byline and title."""
        return self.query_one(ColumnHeader)

    def compose(self):
        yield ColumnHeader(self._article)
        yield ArticleView(self._article)

    def show(self, article: Article, top_offset: int, marks: tuple[Mark, ...] = (), family: str | None = None) -> None:
        """Show another article in this column, scrolled to `top_offset`, with its highlights and
        what its header says of its copy family."""
        self._article = article
        self.header.show(article, family)
        self.view.show(article, top_offset, marks)

    def show_family(self, family: str | None) -> None:
        """Say in the header which copy family the article belongs to ("copy A: 92% the same as 4"), or nothing."""
        self.header.show_family(family)

    def show_first(self, first: bool) -> None:
        """Give the first column a blank edge where the others have the line between columns: as wide as the others,
        so that a column moved into first place (a window sliding) keeps its wrap. An inline style, not the
        stylesheet's `:first-of-type` (Textual does not match that again when a column moves) nor a class (a class
        restyles the column's text and scrollbar, and the view draws all its lines again)."""
        if first != self._first:
            self._first = first
            self.styles.border_left = ("blank", "transparent") if first else None

    def show_current(self, current: bool) -> None:
        """Make the header stand out as the focused column's, or not: drawn by the header, not a class on the column,
        which would restyle everything in it, its text and scroll bar too."""
        self.header.show_current(current)


class Reader(Horizontal, Backdrop):
    """The articles side by side in a window of columns that moves with the focus.

    Each article keeps its own place and highlights while it is off screen, and takes them
    up again when its column slides back in.
    """

    BINDINGS = bindings("reader")

    MIN_COLUMN_WIDTH = 38
    """Narrower than this, a column of news text stops being pleasant to read."""

    current: reactive[int] = reactive(0, init=False, repaint=False)
    """The index of the article whose column has the focus (the columns draw what changes: repainting the reader
    would draw every column again)."""

    @dataclass
    class ColumnChanged(Message):
        """The focused column, or the window of columns on screen, changed (posted to the app itself, not bubbled)."""

        reader: Reader
        current: int
        first: int
        shown: int

    @dataclass
    class Arranged(Message):
        """The sources shown as columns, or their order, changed (and when the reader opens)."""

        reader: Reader
        articles: tuple[Article, ...]

    def __init__(self, articles: tuple[Article, ...], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.articles = articles
        self.first = 0
        self._tops: dict[str, int] = {}
        self._reveals: dict[str, int] = {}
        self._marks: dict[str, tuple[Mark, ...]] = {}
        self._families: dict[str, str] = {}
        self._voices: Voices | None = None
        self._aimed: dict[str, int] = {}

    @property
    def columns(self) -> list[ArticleColumn]:
        """The columns on screen, left to right."""
        return list(self.query_children(ArticleColumn))

    @property
    def current_view(self) -> ArticleView:
        """The body of the focused article's column."""
        return self.columns[self.current - self.first].view

    def compose(self):
        for article in self.articles[: self._slots(self.app.size.width)]:
            yield ArticleColumn(article)

    def on_mount(self) -> None:
        self.current_view.focus()
        self.post_message(self.Arranged(self, self.articles))
        self._announce()

    async def on_resize(self, event: events.Resize) -> None:
        await self._fit(event.size.width)

    async def _fit(self, width: int) -> None:
        """As many columns as fit in `width` (and there are articles for), filled."""
        slots = self._slots(width)
        columns = self.columns
        if slots < len(columns):
            self._remember(columns[slots:])
            await self.remove_children(columns[slots:])
        elif slots > len(columns):
            await self.mount_all(ArticleColumn(self.articles[0]) for _ in range(slots - len(columns)))
        self._place()

    async def set_sources(self, articles: tuple[Article, ...]) -> None:
        """Show these articles as the columns, in this order (at least one); the focused article keeps the focus
        while it is shown. Each article keeps its place and highlights, by id."""
        if not articles or articles == self.articles:
            return
        self._remember(self.columns)
        focused = self.articles[self.current].id
        self.articles = articles
        index = next((n for n, article in enumerate(articles) if article.id == focused), min(self.current, len(articles) - 1))
        self.set_reactive(Reader.current, index)
        await self._fit(self.size.width or self.app.size.width)
        self.set_families(self._voices)
        self.post_message(self.Arranged(self, self.articles))

    def _slots(self, width: int) -> int:
        return max(1, min(len(self.articles), width // self.MIN_COLUMN_WIDTH))

    def watch_current(self) -> None:
        self._place()
        # As the view's focus() does (after the messages already queued: the bars' change, so one frame shows
        # both), without drawing all of the view again first: it looks the same focused or not.
        self.app.call_later(self._focus_view, self.current_view)

    @staticmethod
    def _focus_view(view: ArticleView) -> None:
        if view.is_attached:  # a resize may have removed it since
            view.screen.set_focus(view)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        if event.widget is not self.screen.focused:
            # A stale event (the reader's own mount) after the focus moved on: the column restored since stays.
            # The reader's screen, not the app's: under a dialog opened meanwhile the column still holds the focus.
            return
        for index, column in enumerate(self.columns):
            if event.widget in column.walk_children():
                self.current = self.first + index

    def action_column(self, delta: int) -> None:
        """Focus the next (+1) or previous (-1) article's column, wrapping round."""
        self.current = (self.current + delta) % len(self.articles)

    def action_go_to_column(self, index: int) -> None:
        """Focus the column of the article at `index`, if there is one."""
        if index < len(self.articles):
            self.current = index

    def go_to_source(self, article_id: str) -> None:
        """Focus the column of an article, if it is shown."""
        index = next((n for n, article in enumerate(self.articles) if article.id == article_id), None)
        if index is not None:
            self.current = index
            self.current_view.focus()

    def set_marks(self, marks: Mapping[str, tuple[Mark, ...]]) -> None:
        """Highlight each article (by id) with its marks, on screen now and off screen when it slides in.

        A label that moved (the current match's id) rewraps its paragraph, so a column just sent to a
        passage is sent there again, to the line the passage is on now.
        """
        self._marks = dict(marks)
        for column in self.columns:
            if column.view.set_marks(self._marks.get(column.article.id, ())) and column.article.id in self._aimed:
                column.view.scroll_to_offset(self._aimed[column.article.id])
        self._aimed.clear()

    def set_families(self, voices: Voices | None) -> None:
        """Say in each copy's header which family it is of, the other copies by their column numbers, on screen now
        and when it slides in (again after the columns are arranged)."""
        self._voices = voices
        numbers = {article.id: number for number, article in enumerate(self.articles, 1)}
        self._families = voices.descriptions(numbers) if voices is not None else {}
        for column in self.columns:
            column.show_family(self._families.get(column.article.id))

    def reveal(self, offsets: Mapping[str, int]) -> None:
        """Scroll each article (by id) to its offset: now if on screen, else when it slides in; when
        fewer than two of them are on screen, slide the first one off screen into view.

        Offsets from an earlier call that are still waiting are forgotten: only the latest jump counts.
        """
        self._reveals.clear()
        self._aimed.clear()
        on_screen = {column.article.id: column.view for column in self.columns}
        for article_id, offset in offsets.items():
            if article_id in on_screen:
                on_screen[article_id].scroll_to_offset(offset)
                self._aimed[article_id] = offset
            else:
                self._reveals[article_id] = offset
        shown = sum(article.id in offsets for article in self.articles)  # a hidden source's passage is not gone to
        if shown - (len(offsets) - len(self._reveals)) and len(offsets) - len(self._reveals) < min(2, shown):
            self._slide_to(next(i for i, article in enumerate(self.articles) if article.id in self._reveals))

    def _slide_to(self, index: int) -> None:
        """Make the article at `index` current and slide it into view, so that a jump shows at
        least two of its passages side by side; the focus follows only if it was in a column."""
        in_reader = isinstance(self.app.focused, ArticleView)
        self.set_reactive(Reader.current, index)  # not through the watcher: that would take the focus
        self._place()
        if in_reader:
            self.current_view.focus()

    @property
    def tops(self) -> dict[str, int]:
        """Where each article read is scrolled to, on screen or off: the body offset of its top line, by article id."""
        self._remember(self.columns)
        return dict(self._tops)

    def scroll_back(self, tops: Mapping[str, int]) -> None:
        """Scroll each article (by id) to the top line it had, now if on screen, else when it slides in."""
        self._tops.update(tops)
        for column in self.columns:
            if column.article.id in tops:
                column.view.show(column.article, tops[column.article.id], column.view.marks)

    def bring(self, article_id: str, offset: int) -> bool:
        """Make an article's column the current one, sliding it into view, scrolled to `offset`; the focus stays
        where it is. False when the article is not among the columns (a hidden source)."""
        index = next((i for i, article in enumerate(self.articles) if article.id == article_id), None)
        if index is None:
            return False
        self._reveals = {article_id: offset}
        self.set_reactive(Reader.current, index)  # not through the watcher: that would take the focus
        self._place()
        return True

    def _place(self) -> None:
        """Move the window of columns so that the current article is in it, and fill the columns."""
        columns = self.columns
        shown = len(columns)
        first = min(max(self.first, self.current - shown + 1), self.current, len(self.articles) - shown)
        self._remember(columns)
        if 0 < abs(first - self.first) < shown:
            columns = self._slide(columns, first - self.first)
        self.first = first
        for index, column in enumerate(columns):
            article = self.articles[self.first + index]
            if column.article is not article or not column.view.line_count:
                column.show(article, self._tops.get(article.id, 0), self._marks.get(article.id, ()), self._families.get(article.id))
            if article.id in self._reveals:  # after the refresh: the new text's size is not laid out yet
                column.view.call_after_refresh(column.view.scroll_to_offset, self._reveals.pop(article.id), animate=False)
            column.show_current(self.first + index == self.current)
            column.show_first(index == 0)
        self._announce()

    def _slide(self, columns: list[ArticleColumn], shift: int) -> list[ArticleColumn]:
        """Move the columns whose articles stay on screen `shift` places left (right when negative), the others round to
        the far end for the articles sliding in: a column keeps its article and the lines it has drawn, so a slide by
        one draws one column's text, not every column's (the columns are equally wide: none is rewrapped)."""
        if shift > 0:
            last = columns[-1]
            for column in columns[:shift]:
                self.move_child(column, after=last)
                last = column
        else:
            head = columns[0]
            for column in reversed(columns[shift:]):
                self.move_child(column, before=head)
                head = column
        return self.columns

    def _remember(self, columns: list[ArticleColumn]) -> None:
        for column in columns:
            if column.view.line_count:
                self._tops[column.article.id] = column.view.top_offset

    def _announce(self) -> None:
        # Straight to the app, whose handler sets the bars: bubbled through the screen it came after the screen had
        # drawn the columns, and the bars' change took a second frame, 16 ms or more later (tab's last frame).
        self.app.post_message(self.ColumnChanged(self, self.current, self.first, len(self.columns)))
