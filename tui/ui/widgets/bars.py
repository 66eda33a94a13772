"""The one-line bars: the sources across the top and the status along the bottom."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from tui.core.model import Article
from tui.ui.render import safe_text

_SEPARATOR = " │ "


def _clip(label: str, width: int) -> str:
    return label if len(label) <= width else label[: max(1, width - 1)] + "…"


class SourceBar(Widget):
    """Every source by number; the ones on screen stand out, the focused one most. A copy of one
    text carries its family's letter after its number ("1A", "4A": sources 1 and 4 are one text)."""

    COMPONENT_CLASSES = {"source-bar--shown", "source-bar--current", "source-bar--family"}

    MIN_ENTRY = 12
    """The fewest cells an entry gets before the bar shows a window of the sources instead."""

    current: reactive[int] = reactive(0)
    """The index of the focused article."""
    first: reactive[int] = reactive(0)
    """The index of the first article on screen."""
    shown: reactive[int] = reactive(1)
    """How many articles are on screen."""

    def __init__(self, articles: tuple[Article, ...], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.articles = articles
        self.families: dict[str, str] = {}
        """The family letter of each copy, by article id: none until the analysis is done."""

    def set_families(self, letters: dict[str, str]) -> None:
        """Mark the copies of one text with their family's letter."""
        self.families = dict(letters)
        self.refresh()

    def render(self) -> Text:
        width = self.size.width
        total = len(self.articles)
        fit = max(1, (width + len(_SEPARATOR)) // (self.MIN_ENTRY + len(_SEPARATOR)))
        start = 0 if total <= fit else max(0, min(self.first, total - fit))
        window = range(start, min(total, start + fit))
        entry_width = (width - len(_SEPARATOR) * (len(window) - 1)) // len(window) - 2
        text = Text(f"‹{start} " if start else "", no_wrap=True, overflow="crop")
        for position, index in enumerate(window):
            if position:
                text.append(_SEPARATOR)
            text.append(self._entry(index, entry_width))
        if window.stop < total:
            text.append(f" {total - window.stop}›")
        return text

    def _entry(self, index: int, width: int) -> Text:
        article = self.articles[index]
        number, letter = str(index + 1), self.families.get(article.id, "")
        label = _clip(f"{number}{letter} {safe_text(article.outlet)}", width)
        if index == self.current:
            entry = Text(label, style=self.get_component_rich_style("source-bar--current"))
        elif self.first <= index < self.first + self.shown:
            entry = Text(label, style=self.get_component_rich_style("source-bar--shown"))
        else:
            entry = Text(label)
        if letter:
            entry.stylize(self.get_component_rich_style("source-bar--family", partial=True), len(number), len(number) + len(letter))
        return entry


class StatusBar(Widget):
    """Where the reader is: the story, the column, and what the analysis found."""

    story: reactive[str] = reactive("")
    """The corpus's name and size."""
    column: reactive[str] = reactive("")
    """The focused column, as "column i/N: outlet"."""
    analysis: reactive[str] = reactive("")
    """The state of the analysis, or the match position ("match 3/12", "12 matches")."""
    disputes: reactive[str] = reactive("")
    """The dispute position ("dispute 2/8", "8 disputes"), once the analysis is done."""
    notes: reactive[str] = reactive("")
    """How many notes there are ("3 notes"), once they are read."""

    def render(self) -> Text:
        parts = [part for part in (self.column, self.analysis, self.disputes, self.notes, self.story) if part]
        return Text(_SEPARATOR.join(parts), no_wrap=True, overflow="ellipsis")
