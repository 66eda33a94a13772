"""Search: the hits of the words typed in the search line, the cursor over them, and what the line's keys do.

`SearchNavigator` is the guide's "search" kind while a search is on (it needs no analysis: a search works
while the analysis runs); `Search` opens the line, finds the hits as the reader types, goes to them, and
clears it all again.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from textual.css.query import NoMatches
from textual.timer import Timer

from tui.core.model import Article, Span
from tui.core.search import find
from tui.ui.navigator import Navigator
from tui.ui.render import Mark, safe_text
from tui.ui.widgets.article_view import ArticleView
from tui.ui.widgets.bars import StatusBar
from tui.ui.widgets.reader import Reader

if TYPE_CHECKING:
    from tui.ui.app import KatoApp
    from tui.ui.widgets.search import SearchLine

KIND = "search"
"""The guide's kind for the hits of a search."""
ACTIONS = {"clear_search"}
"""The actions that only mean something while a search is on (besides stepping through its hits)."""
TYPING_PAUSE = 0.15
"""Seconds of no typing before the hits of the words typed so far are highlighted."""
LIVE_FROM = 2
"""The fewest characters whose hits light up as they are typed: one letter is everywhere (enter still finds it)."""


class SearchNavigator(Navigator[Span]):
    """Every occurrence of a query in the articles shown, in reading order (the columns left to right, each
    from its top), page furniture too; the current one is drawn apart and its column is gone to."""

    LAYER = 1

    def __init__(self, query: str, articles: Sequence[Article]) -> None:
        super().__init__(tuple(find(((article.id, article.body) for article in articles), query)), "search", "hits")
        self.query = query
        self.order = {article.id: index for index, article in enumerate(articles)}
        self.EMPTY = f"No match for '{safe_text(query)}'."

    @property
    def label(self) -> str:
        """ "search 3/12" once a hit was gone to; before, how many there are, or that there are none."""
        if not self.items:
            return f"no match for '{safe_text(self.query)}'"
        return self.cursor.label if self.cursor.index is not None else f"search: {self.cursor.label}"

    def spans(self, item: Span) -> Iterable[Span]:
        return (item,)

    def column(self) -> str | None:
        """The article of the current hit: its column becomes the current one."""
        return self.current.article if self.current is not None else None

    def marks(self) -> dict[str, tuple[Mark, ...]]:
        """Every hit in the hit style, the current one in its own."""
        marks: dict[str, list[Mark]] = {}
        for hit in self.items:
            marks.setdefault(hit.article, []).append(Mark(hit.start, hit.end, ArticleView.SEARCH))
        if self.current is not None:
            marks[self.current.article].append(Mark(self.current.start, self.current.end, ArticleView.SEARCH_CURRENT))
        return {article_id: tuple(article_marks) for article_id, article_marks in marks.items()}

    def first_from(self, article_id: str, offset: int) -> int:
        """The index of the first hit at or after `offset` in that article, or in a column right of it;
        the first hit of all when there is none further on."""
        place = (self.order.get(article_id, 0), offset)
        return next((index for index, hit in enumerate(self.items) if (self.order[hit.article], hit.start) >= place), 0)


class Search:
    """The search line's part in the reader: `/` opens it, typing highlights the hits, enter goes to the next
    one (the first from where the focused column is read, at first), n / N step on, esc clears it all."""

    def __init__(self, app: KatoApp) -> None:
        self.app = app
        self._typing: Timer | None = None

    @property
    def navigator(self) -> SearchNavigator | None:
        """The hits of the search on; None when there is none."""
        return self.app.guide.of_type(KIND, SearchNavigator)

    @property
    def active(self) -> bool:
        """Whether a search is on: then n / N step through its hits and esc clears it."""
        return self.navigator is not None

    def allows(self, action: str, parameters: tuple[object, ...]) -> bool:
        """Whether a key's action runs now: the search's own only while a search is on (else the key is free
        for what it does otherwise, as n for the matches)."""
        if action in ACTIONS or (action == "step" and parameters[:1] == (KIND,)):
            return self.active
        return True

    async def open(self) -> None:
        """Show the search line and take the typing there (the words of the search on, if any, to edit). The line is
        made the first time: it is four widgets (an Input among them) that most readings never use, and the first
        screen goes without them."""
        from tui.ui.widgets.search import SearchLine

        try:
            line = self.app.query_one(SearchLine)
        except NoMatches:
            line = SearchLine(id="search")
            status = self.app.query_one(StatusBar)
            await status.screen.mount(line, before=status)  # above the status line
        line.open()

    def _line(self) -> SearchLine:
        """The search line, once `open` made it."""
        from tui.ui.widgets.search import SearchLine

        return self.app.query_one(SearchLine)

    def typed(self, query: str) -> None:
        """The words in the line changed: highlight their hits once the typing pauses (from `LIVE_FROM` characters;
        no words take the highlights away)."""
        self._stop_typing()
        if len(query.strip()) >= LIVE_FROM or not query.strip():
            self._typing = self._line().set_timer(TYPING_PAUSE, lambda: self._find(query))

    def _stop_typing(self) -> None:
        if self._typing is not None:
            self._typing.stop()
            self._typing = None

    def go(self, query: str) -> None:
        """Enter in the line: go to the next hit (the first from where the focused column is read, for new words),
        and back to the column; with no hit, say so and stay in the line."""
        self._stop_typing()
        navigator = self.navigator
        if navigator is None or navigator.query != query:
            navigator = self._find(query)
        if navigator is None:
            return
        if not navigator.items:
            self.app.notify(navigator.EMPTY, severity="warning", timeout=4, markup=False)
            return
        if navigator.current is None:
            view = self.app.query_one(Reader).current_view
            navigator.go_to(navigator.first_from(view.article.id, view.top_offset))
            self.app.guide.jump(KIND)
        else:
            self.app.guide.step(KIND, 1)
        self._line().leave()
        self.app.query_one(Reader).current_view.focus()

    def clear(self) -> None:
        """Close the line, take the hits' highlights away, and give n / N back to the matches."""
        self._stop_typing()
        self._line().close()
        self.app.guide.remove(KIND)
        self.app.guide.show_marks()
        self.app.refresh_bindings()  # n / N are the matches' again, in the footer too
        self.app.query_one(Reader).current_view.focus()

    def rearranged(self) -> None:
        """The columns were shown, hidden or moved: the hits are those of the columns now, in their order (the
        hit gone to stays the current one while its column is shown)."""
        navigator = self.navigator
        if navigator is not None:
            again = SearchNavigator(navigator.query, self.app.query_one(Reader).articles)
            if navigator.current in again.items:
                again.go_to(again.items.index(navigator.current))
            self.app.guide.add(KIND, again)
            self.app.guide.show_marks()

    def _find(self, query: str) -> SearchNavigator | None:
        """Find the words' hits in the columns (replacing the search before) and highlight them; None for no words."""
        self._typing = None
        if not query.strip():
            self.app.guide.remove(KIND)
            navigator = None
        elif (navigator := self.navigator) is None or navigator.query != query:
            navigator = SearchNavigator(query, self.app.query_one(Reader).articles)
            self.app.guide.add(KIND, navigator)
        self.app.guide.show_marks()
        self.app.refresh_bindings()
        return navigator
