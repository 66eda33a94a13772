"""SourcesPanel: every source of the story, which of them are shown as columns and in what order."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.core.dateline import published_day, readable_date
from tui.core.model import Article
from tui.ui.keymap import bindings, hint
from tui.ui.panels import BottomPanel
from tui.ui.render import safe_text, shorten
from tui.ui.widgets.bars import short_labels

ORDERS = ("date", "outlet", "file")
"""The orders the sort key cycles through: by date (undated last), by outlet name, as the files sort."""
TITLE_WIDTH = 60
OUTLET_WIDTH = 24


def ordered(articles: Sequence[Article], by: str) -> tuple[Article, ...]:
    """The articles by date (one day's as their files sort; the undated after the dated), by outlet name, or in the files' order."""
    if by == "date":
        return tuple(sorted(articles, key=lambda article: (published_day(article.date) or dt.date.max)))
    if by == "outlet":
        return tuple(sorted(articles, key=lambda article: article.outlet.casefold()))
    return tuple(articles)


def default_order(articles: Sequence[Article]) -> str:
    """By date when every article's day is known, else as the files sort (by name)."""
    return "date" if all(published_day(article.date) is not None for article in articles) else "file"


def source_row(article: Article, outlet: str, number: int | None, family: str | None) -> Content:
    """A source as a row: its column number (or "–" when hidden), outlet (as short as the bar's), date, words,
    copy family and title."""
    date = readable_date(article.date) if article.date else "date unknown"
    title = safe_text(article.title or "")
    title = shorten(title, TITLE_WIDTH)
    return Content.assemble(
        ("✓ " if number is not None else "  ", "bold $text-success"),
        (f"{number if number is not None else '–':>3}  ", "bold" if number is not None else "$text-muted"),
        (f"{outlet:<{OUTLET_WIDTH + 1}}", "bold" if number is not None else "$text-muted"),
        (f"{date:<16}", "$text-muted"),
        (f"{article.words:>6,} words  ", "$text-muted"),
        (f"{'copy ' + family if family else '':<8}", "$text-warning"),
        (title, "italic"),
    )


class SourcesPanel(BottomPanel):
    """Every source, in the columns' order and then the hidden ones: space shows or hides one as a column,
    shift+↑ / shift+↓ move it, `o` sorts them all again; enter goes to its column. Posts `Arranged` with the
    sources to show, in their order."""

    BINDINGS = bindings("sources-panel")

    @dataclass
    class Arranged(Message):
        """The sources to show as columns, in their order, changed."""

        panel: SourcesPanel
        articles: tuple[Article, ...]

    @dataclass
    class Chosen(Message):
        """A source was chosen (enter or a click): go to its column."""

        panel: SourcesPanel
        article: str

    def __init__(self, articles: Sequence[Article], *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self.articles = tuple(articles)
        self.order = default_order(articles)
        """The order last sorted by: "date", "outlet" or "file"."""
        self.listed: list[Article] = list(ordered(articles, self.order))
        """Every source, in the order the panel lists it: the columns' order."""
        self.hidden: set[str] = set()
        self.families: Mapping[str, str] = {}

    @property
    def shown(self) -> tuple[Article, ...]:
        """The sources shown as columns, in their order."""
        return tuple(article for article in self.listed if article.id not in self.hidden)

    def on_mount(self) -> None:
        self._relist()

    @property
    def arrangement(self) -> tuple[list[str], list[str]]:
        """The sources in the panel's order and the hidden ones, by id; both empty when they are as the reader opens them."""
        default = list(ordered(self.articles, default_order(self.articles)))
        if self.listed == default and not self.hidden:
            return [], []
        return [article.id for article in self.listed], sorted(self.hidden)

    def restore(self, order: list[str], hidden: list[str]) -> None:
        """Put the sources back in this order (by id; a source not named comes after, shown) with these hidden, as
        they were left; ids of sources no longer there are passed by, and one source at least stays shown."""
        by_id = {article.id: article for article in self.articles}
        named = [by_id[one] for one in dict.fromkeys(order) if one in by_id]
        if not named:
            return
        self.listed = named + [article for article in self.listed if article not in named]
        self.hidden = {one for one in hidden if one in by_id}
        if not self.shown:
            self.hidden.clear()
        self._changed()

    def set_families(self, letters: Mapping[str, str]) -> None:
        """The family letter of each copy, by article id."""
        self.families = dict(letters)
        self._relist()

    def _relist(self, highlight: str | None = None) -> None:
        if self.put_off("rows", lambda: self._relist(highlight)):
            return
        current = highlight or (self.highlighted_option.id if self.highlighted_option is not None else None)
        numbers = {article.id: number for number, article in enumerate(self.shown, 1)}
        outlets = dict(zip((a.id for a in self.listed), short_labels([safe_text(a.outlet) for a in self.listed], OUTLET_WIDTH)))
        self.set_options([Option(source_row(a, outlets[a.id], numbers.get(a.id), self.families.get(a.id)), id=a.id) for a in self.listed])
        ids = [article.id for article in self.listed]
        self.highlighted = ids.index(current) if current in ids else 0
        count = len(self.articles)
        self.border_title = f"Sources · {count} · {len(numbers)} shown as columns · by {self.order}"
        keys = {name: hint(self, name) for name in ("toggle_source", "move_source_up", "move_source_down", "sort_sources", "show_all_sources", "sources_panel")}
        self.border_subtitle = (
            f"enter: go to · {keys['toggle_source']}: show/hide · {keys['move_source_up']} {keys['move_source_down']}: move · "
            f"{keys['sort_sources']}: sort · {keys['show_all_sources']}: all · {keys['sources_panel']}: close"
        )

    def _changed(self, highlight: str | None = None) -> None:
        self._relist(highlight)
        self.post_message(self.Arranged(self, self.shown))

    @property
    def _highlighted(self) -> str | None:
        option = self.highlighted_option
        return option.id if option is not None else None

    def action_toggle_source(self) -> None:
        """Show the highlighted source as a column, or hide it (one is always shown)."""
        source = self._highlighted
        if source is None:
            return
        if source in self.hidden:
            self.hidden.discard(source)
        elif len(self.shown) > 1:
            self.hidden.add(source)
        else:
            self.app.notify("One source at least is shown.", timeout=3)
            return
        self._changed()

    def action_move_source(self, delta: int) -> None:
        """Move the highlighted source one place up (-1) or down (+1) among the columns."""
        index = self.highlighted
        if index is None or not 0 <= index + delta < len(self.listed):
            return
        self.listed[index], self.listed[index + delta] = self.listed[index + delta], self.listed[index]
        self._changed(self.listed[index + delta].id)

    def action_sort_sources(self) -> None:
        """Sort the sources by the next order: by date, by outlet, as the files sort."""
        self.order = ORDERS[(ORDERS.index(self.order) + 1) % len(ORDERS)]
        self.listed = list(ordered(self.articles, self.order))
        self._changed()

    def action_show_all_sources(self) -> None:
        """Show every source as a column again."""
        self.hidden.clear()
        self._changed()

    def _on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            if event.option.id in self.hidden:
                self.hidden.discard(event.option.id)
                self._changed()
            self.post_message(self.Chosen(self, event.option.id))
