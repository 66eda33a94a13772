"""Navigator: a cursor over the items of an analysis (groups, disputes) and where each one is in the text."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Generic, TypeVar

from tui.core.model import Span
from tui.core.navigation import Cursor
from tui.ui.render import Mark

T = TypeVar("T")


class Navigator(Generic[T]):
    """Items in reading order and the reader's place among them.

    Plain state, no widget (like Textual's markdown `Navigator`): the app asks it where to
    scroll and what to highlight, and hands the answers to the Reader. Subclasses say which
    spans an item has and how to mark them.
    """

    EMPTY = "Nothing to go to."
    """What the reader is told when there are no items to step through."""
    LAYER = 0
    """Where its marks are drawn: over those of a lower layer (a search's hits over the matches)."""

    def __init__(self, items: tuple[T, ...], noun: str, plural: str | None = None) -> None:
        self.items = items
        self.cursor = Cursor(len(items), noun, plural)

    @property
    def current(self) -> T | None:
        """The item the cursor is on; None before the first jump."""
        return None if self.cursor.index is None else self.items[self.cursor.index]

    @property
    def label(self) -> str:
        """Where the reader is: "dispute 3/8", or the total before the first jump."""
        return self.cursor.label

    @property
    def position(self) -> str:
        """Where the reader is among the items, for the details' heading: "match 3/8"."""
        return self.cursor.label

    def move(self, delta: int) -> T | None:
        """Step to the next (+1) or previous (-1) item, wrapping round."""
        self.cursor.move(delta)
        return self.current

    def go_to(self, index: int) -> T | None:
        """Make the item at `index` current (ignored when out of range)."""
        self.cursor.go_to(index)
        return self.current

    def spans(self, item: T) -> Iterable[Span]:
        """The passages of an item, in the order the item lists them."""
        raise NotImplementedError

    def column(self) -> str | None:
        """The article whose column a jump makes the current one; None when an item has passages in several."""
        return None

    def marks(self) -> dict[str, tuple[Mark, ...]]:
        """Each article's highlights, by article id."""
        raise NotImplementedError

    def offsets(self) -> dict[str, int]:
        """Where the current item's passage starts in each article that has one (its first, if several)."""
        found: dict[str, int] = {}
        for span in self.spans(self.current) if self.current is not None else ():
            found.setdefault(span.article, span.start)
        return found
