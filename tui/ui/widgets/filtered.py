"""FilteredPanel: a bottom panel that lists a navigator's items through a `ListFilter`, with the keys that change it."""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import suppress
from dataclasses import dataclass
from typing import Any

from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option, OptionDoesNotExist

from tui.core.model import Article
from tui.ui.filters import Facet, ListFilter
from tui.ui.keymap import bindings, hint
from tui.ui.panels import BottomPanel
from tui.ui.render import safe_text
from tui.ui.widgets.bars import short_labels

SOURCE_WIDTH = 24
"""The most the title gives the name of the source the list is narrowed to."""
ROW = "item-"
"""The option id of an item's row: "item-3" is the navigator's item 3."""


class FilteredPanel(BottomPanel):
    """The items of one navigator kind, one row each, narrowed by the filter keys (kind, source, switches).

    Rows keep the navigator's numbering, so choosing one (enter or a click) posts `Chosen` with the
    item's index whatever is hidden; the app goes there.
    """

    BINDINGS = bindings("filter")

    NOUN = "item"
    """What one row is ("match"), for the title."""
    CLOSE_KEY = "close_panel"
    """The name of the key that opens and closes the panel, for the hint."""
    EMPTY = "Nothing to list."
    """The row when there are no items at all."""

    @dataclass
    class Chosen(Message):
        """An item was chosen in the panel: `index` is its place among the navigator's items."""

        panel: FilteredPanel
        index: int

        @property
        def control(self) -> FilteredPanel:
            """The panel the item was chosen in."""
            return self.panel

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(Option(Content("analysing…"), disabled=True), id=id, markup=False)
        self.items: Sequence[Any] = ()
        self._given = False
        """Whether the analysis gave the items yet (until then the panel says "analysing…")."""
        self.filter: ListFilter[Any] = ListFilter()
        self._sources = Facet[Any]("source", (), self.sources_of)

    def sources_of(self, item: Any) -> set[str]:
        """The ids of the articles an item is in."""
        raise NotImplementedError

    def row(self, item: Any) -> Content:
        """An item as a row."""
        raise NotImplementedError

    def title(self, shown: int) -> str:
        """The border title, given how many rows the filter keeps."""
        raise NotImplementedError

    def set_sources(self, articles: Sequence[Article]) -> None:
        """The sources the source filter cycles through, numbered as the columns are ("3 Reuters")."""
        self._sources.values = [article.id for article in articles]
        names = short_labels([safe_text(article.outlet) for article in articles], SOURCE_WIDTH)
        self._sources.labels = {article.id: f"{n} {name}" for n, (article, name) in enumerate(zip(articles, names), 1)}
        if self._sources.chosen is not None and self._sources.chosen >= len(articles):
            self._sources.chosen = None
        self.relist()

    def list_items(self, items: Sequence[Any]) -> None:
        """List these items (the navigator's, in its order) through the filter."""
        self.items, self._given = items, True
        self.relist()

    def rows_for(self, kept: list[int]) -> list[Option | None]:
        """The rows of the items kept (by index); a panel with headings between kinds of items adds them."""
        return [Option(self.row(self.items[index]), id=f"{ROW}{index}") for index in kept]

    def relist(self) -> None:
        """List the items the filter keeps; the highlight stays on its item while it is listed."""
        if not self._given or self.put_off("rows", self.relist):
            return
        current = self.highlighted_option.id if self.highlighted_option is not None else None
        kept = self.filter.kept(self.items)
        rows = self.rows_for(kept)
        if not kept:
            rows = [Option(Content(f"Nothing left: {self.filter.label}." if self.filter.active else self.EMPTY), disabled=True)]
        self.set_options(rows)
        ids = [f"{ROW}{index}" for index in kept]
        self.highlighted = self.get_option_index(current) if current in ids else (self.get_option_index(ids[0]) if ids else None)
        label = self.filter.label
        self.border_title = Content(self.title(len(kept)) + (f" · {label} · {len(kept)} shown" if label else ""))
        keys = " · ".join(f"{hint(self, name)}: {words}" for name, words in self.hints())
        self.border_subtitle = f"enter: go to · {keys} · {hint(self, self.CLOSE_KEY)}: close"

    def hints(self) -> list[tuple[str, str]]:
        """The filter keys this panel answers, by key name, with a word on each."""
        return [("filter_kind", "kind"), ("filter_source", "source"), ("clear_filters", "all")]

    def action_filter(self, name: str, delta: int = 1) -> None:
        """Show only one value of a facet (the next one each time), then all again."""
        if self.filter.cycle(name, delta):
            self.relist()

    def action_hide(self, name: str) -> None:
        """Hide (or show again) the items a switch names."""
        if self.filter.toggle(name):
            self.relist()

    def action_clear_filters(self) -> None:
        """List every item again."""
        self.filter.clear()
        self.relist()

    def _on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None and event.option.id.startswith(ROW):
            self.post_message(self.Chosen(self, int(event.option.id.removeprefix(ROW))))

    def highlight_item(self, index: int | None) -> None:
        """Highlight the row of the navigator's item at `index`, when the filter lists it."""
        if self.put_off("highlight", lambda: self.highlight_item(index)):
            return
        with suppress(OptionDoesNotExist):  # hidden by the filter: the highlight stays where it was
            self.highlighted = None if index is None else self.get_option_index(f"{ROW}{index}")
