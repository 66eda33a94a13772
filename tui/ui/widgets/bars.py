"""The one-line bars: the sources across the top and the status along the bottom."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from tui.core.model import Article
from tui.ui.render import safe_text

_SEPARATOR = " │ "


_SEPARATORS = " -_./:|,"
"""Where a label would rather start: after one of these."""


def _common_prefix(first: str, second: str) -> int:
    return next((n for n, (a, b) in enumerate(zip(first, second)) if a != b), min(len(first), len(second)))


def _shared_starts(names: Sequence[str]) -> dict[str, int]:
    """For each distinct name, the longest start it shares with another one. In sorted order the name sharing
    the longest start with a name is next to it: n log n, not every name against every other (900 sources
    took 4 s a call, and the bar calls this on every frame)."""
    ordered = sorted(set(names))
    shared = dict.fromkeys(ordered, 0)
    for first, second in zip(ordered, ordered[1:]):
        common = _common_prefix(first, second)
        shared[first], shared[second] = max(shared[first], common), max(shared[second], common)
    return shared


def _core(name: str, starts: dict[str, int], ends: dict[str, int]) -> tuple[int, int]:
    """The part of `name` that tells it from the names most like it: from where it parts from the one most
    like it at the start to where it parts from the one most like it at the end (at least a character);
    `starts` and `ends` are `_shared_starts` of the names and of the names reversed."""
    if len(starts) < 2:
        return 0, len(name)
    start = starts[name]
    end = len(name) - ends[name[::-1]]
    start, end = min(start, end, len(name) - 1), max(start, end)
    return max(0, start), max(min(len(name), end), start + 1)


def _window(name: str, start: int, end: int, width: int) -> str:
    """`name` cut to `width` with "…" where it is cut, keeping name[start:end] (or as much of its start as fits);
    the window starts where the word holding `start` starts when that leaves room, and runs on to the right."""
    if len(name) <= width:
        return name
    if width <= 2:
        return name[start : start + width]
    word = max(name.rfind(separator, 0, start) for separator in _SEPARATORS) + 1
    left = word if start - word <= max(width - 2 - (end - start), (width - 1) // 2) else start
    if left == 0:
        return name[: width - 1] + "…"
    if len(name) - left <= width - 1:
        return "…" + name[len(name) - width + 1 :]
    return "…" + name[left : left + width - 2] + "…"


_HOST = re.compile(r"(?:[a-z0-9-]+\.)+[a-z]{2,}")
_SECOND_LEVEL = {"ac", "co", "com", "edu", "go", "gov", "ne", "net", "or", "org"}
"""Second-level labels under a country's domain: the site's own name is the label before them
("bbc.co.uk", "news.com.au")."""


def site_name(host: str) -> str | None:
    """The site's own name in a host name ("newsinfo.inquirer.net" -> "inquirer", "www.news.com.au" ->
    "news"); None for what is not a host name."""
    if not _HOST.fullmatch(host):
        return None
    labels = host.split(".")
    if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL:
        return labels[-3]
    return labels[-2]


def short_labels(names: Sequence[str], width: int) -> list[str]:
    """Each name cut to `width` so that it still tells itself apart from the others: the part where it differs
    from the names most like it ("ecb-41_12ecbplus" among "ecb-41_1…" gives "…41_12ecbplus"), with "…" where cut.

    A leading "www." is dropped first; names that fit are left whole. A host name that does not fit is
    its site's name ("newsinfo.inquirer.net" -> "inquirer") when no other source is of that site.
    """
    bare = [name.removeprefix("www.") if " " not in name else name for name in names]
    sites = [site_name(name) if len(name) > width else None for name in bare]
    taken = Counter(site_name(name) or name.lower() for name in bare)  # "inquirer" beside newsinfo.inquirer.net
    bare = [site if site and taken[site] == 1 else name for name, site in zip(bare, sites)]
    starts, ends = _shared_starts(bare), _shared_starts([name[::-1] for name in bare])
    return [_window(name, *_core(name, starts, ends), width) for name in bare]


class SourceBar(Widget):
    """Every source shown as a column, numbered in the columns' order; the ones on screen stand out, the focused
    one most. A label is the part of the outlet's name that tells it from the others ("…41_12ecbplus"). A copy of
    one text carries its family's letter after its number ("1A", "4A": sources 1 and 4 are one text). Clicking a
    source posts `Chosen`."""

    COMPONENT_CLASSES = {"source-bar--shown", "source-bar--current", "source-bar--family"}

    MIN_ENTRY = 12
    """The fewest cells an entry gets before the bar shows a window of the sources instead."""

    current: reactive[int] = reactive(0)
    """The index of the focused article."""
    first: reactive[int] = reactive(0)
    """The index of the first article on screen."""
    shown: reactive[int] = reactive(1)
    """How many articles are on screen."""

    @dataclass
    class Chosen(Message):
        """A source was clicked: `article` is its id."""

        bar: SourceBar
        article: str

    def __init__(self, articles: tuple[Article, ...], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.articles = articles
        self.families: dict[str, str] = {}
        """The family letter of each copy, by article id: none until the analysis is done."""
        self._labelled: tuple[tuple[Article, ...], int, list[str]] | None = None
        """The labels last worked out, with the sources and the width they are for."""
        self._cells: list[tuple[int, int, int]] = []
        """Where each entry was drawn: (first cell, cell after the last, article index)."""

    def set_families(self, letters: dict[str, str]) -> None:
        """Mark the copies of one text with their family's letter."""
        self.families = dict(letters)
        self.refresh()

    def set_sources(self, articles: tuple[Article, ...]) -> None:
        """Show these sources, in this order."""
        self.articles = articles
        self.refresh()

    def render(self) -> Text:
        width = self.size.width
        total = len(self.articles)
        fit = max(1, (width + len(_SEPARATOR)) // (self.MIN_ENTRY + len(_SEPARATOR)))
        start = 0 if total <= fit else max(0, min(self.first, total - fit))
        window = range(start, min(total, start + fit))
        entry_width = (width - len(_SEPARATOR) * (len(window) - 1)) // len(window) - 2
        number_width = len(str(total)) + max((len(letter) for letter in self.families.values()), default=0) + 1  # "12A "
        labels = self._labels(max(1, entry_width - number_width))
        text = Text(f"‹{start} " if start else "", no_wrap=True, overflow="crop")
        self._cells = []
        for position, index in enumerate(window):
            if position:
                text.append(_SEPARATOR)
            entry = self._entry(index, labels[index], entry_width)
            self._cells.append((len(text), len(text) + len(entry), index))
            text.append(entry)
        if window.stop < total:
            text.append(f" {total - window.stop}›")
        return text

    def _labels(self, width: int) -> list[str]:
        """The sources' labels at this width, worked out once for these sources and this width, not on every
        frame (a key that moves the current column draws the bar again)."""
        if self._labelled is None or self._labelled[0] is not self.articles or self._labelled[1] != width:
            self._labelled = (self.articles, width, short_labels([safe_text(article.outlet) for article in self.articles], width))
        return self._labelled[2]

    def _entry(self, index: int, name: str, width: int) -> Text:
        article = self.articles[index]
        number, letter = str(index + 1), self.families.get(article.id, "")
        label = f"{number}{letter} {name}"
        label = label if len(label) <= width else label[: max(1, width - 1)] + "…"
        if index == self.current:
            entry = Text(label, style=self.get_component_rich_style("source-bar--current"))
        elif self.first <= index < self.first + self.shown:
            entry = Text(label, style=self.get_component_rich_style("source-bar--shown"))
        else:
            entry = Text(label)
        if letter:
            entry.stylize(self.get_component_rich_style("source-bar--family", partial=True), len(number), len(number) + len(letter))
        return entry

    def on_click(self, event: events.Click) -> None:
        x = event.x - self.gutter.left
        for start, end, index in self._cells:
            if start <= x < end + len(_SEPARATOR) // 2:
                self.post_message(self.Chosen(self, self.articles[index].id))
                return


class StatusBar(Widget):
    """Where the reader is: the story, the column, and what the analysis found."""

    story: reactive[str] = reactive("")
    """The corpus's name and size."""
    column: reactive[str] = reactive("")
    """The focused column, as "column i/N: outlet"."""
    search: reactive[str] = reactive("")
    """Where the reader is among a search's hits ("search 3/12"), while a search is on; shown first."""
    analysis: reactive[str] = reactive("")
    """The state of the analysis, or the match position ("match 3/12", "12 matches")."""
    disputes: reactive[str] = reactive("")
    """The dispute position ("dispute 2/8", "8 disputes"), once the analysis is done."""
    notes: reactive[str] = reactive("")
    """How many notes there are ("3 notes"), once they are read."""

    def render(self) -> Text:
        """Everything, when it fits; else without the story's name (the same all along: the reader knows it), then with
        the column's number only (its header names the outlet): the counts a reader steps through stay on a narrow
        screen."""
        short_column = self.column.split(":", 1)[0]
        for column, story in ((self.column, self.story), (self.column, ""), (short_column, "")):
            line = _SEPARATOR.join(part for part in (self.search, column, self.analysis, self.disputes, self.notes, story) if part)
            if cell_len(line) <= self.size.width:
                break
        return Text(line, no_wrap=True, overflow="ellipsis")
