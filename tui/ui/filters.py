"""Filters for the lists of the panels: show one kind, one source, and hide what a switch names.

Plain state, no widget: the matches and the disputes panels each hold a `ListFilter` over their
items and list only what it keeps; `FilteredPanel` gives them the keys that change it.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass
class Facet(Generic[T]):
    """One way to narrow a list to one value at a time ("kind: quote"), cycled through with a key; all values at first."""

    name: str
    """What the value is of, as the panel's title says it ("kind", "source")."""
    values: Sequence[str]
    """The values in the order the key cycles through them."""
    of: Callable[[T], Collection[str]]
    """The values an item has (a dispute has every source that gives a version)."""
    labels: dict[str, str] = field(default_factory=dict)
    """How a value is shown, when not as itself (a source's id as "3 Reuters")."""
    chosen: int | None = None
    """The index of the value shown; None for all."""

    @property
    def value(self) -> str | None:
        """The value the list is narrowed to; None for every value."""
        return None if self.chosen is None else self.values[self.chosen]

    def cycle(self, delta: int = 1) -> None:
        """Narrow to the next value (+1) or the previous one (-1); past the last (or before the first), all again."""
        if not self.values:
            return
        positions = [None, *range(len(self.values))]
        self.chosen = positions[(positions.index(self.chosen) + delta) % len(positions)]

    def keeps(self, item: T) -> bool:
        """Whether an item has the value the list is narrowed to."""
        return self.chosen is None or self.values[self.chosen] in self.of(item)

    @property
    def label(self) -> str:
        """ "kind: quote", or "" for all."""
        value = self.value
        return "" if value is None else f"{self.name}: {self.labels.get(value, value)}"


@dataclass
class Switch(Generic[T]):
    """A kind of item that can be hidden ("changed over time"), turned on and off with a key."""

    name: str
    """What is hidden, as the panel's title says it ("changes over time hidden")."""
    hides: Callable[[T], bool]
    """Whether an item is of the kind hidden."""
    on: bool = False

    def keeps(self, item: T) -> bool:
        """Whether an item stays while the switch is as it is."""
        return not (self.on and self.hides(item))


class ListFilter(Generic[T]):
    """Facets and switches over one list; an item is listed when every one of them keeps it."""

    def __init__(self, facets: Sequence[Facet[T]] = (), switches: Sequence[Switch[T]] = ()) -> None:
        self.facets = {facet.name: facet for facet in facets}
        self.switches = {switch.name: switch for switch in switches}

    def keeps(self, item: T) -> bool:
        """Whether the item is listed."""
        return all(facet.keeps(item) for facet in self.facets.values()) and all(switch.keeps(item) for switch in self.switches.values())

    def kept(self, items: Sequence[T]) -> list[int]:
        """The indices of the items listed."""
        return [index for index, item in enumerate(items) if self.keeps(item)]

    def cycle(self, name: str, delta: int = 1) -> bool:
        """Narrow a facet to its next value; False when there is no such facet."""
        facet = self.facets.get(name)
        if facet is not None:
            facet.cycle(delta)
        return facet is not None

    def toggle(self, name: str) -> bool:
        """Turn a switch on or off; False when there is no such switch."""
        switch = self.switches.get(name)
        if switch is not None:
            switch.on = not switch.on
        return switch is not None

    def clear(self) -> None:
        """Every item again."""
        for facet in self.facets.values():
            facet.chosen = None
        for switch in self.switches.values():
            switch.on = False

    @property
    def active(self) -> bool:
        """Whether anything is narrowed or hidden."""
        return any(f.chosen is not None for f in self.facets.values()) or any(s.on for s in self.switches.values())

    @property
    def label(self) -> str:
        """What the list is narrowed to: "kind: quote · source: 3 Reuters · changes over time hidden"; "" for all."""
        parts = [facet.label for facet in self.facets.values() if facet.label]
        return " · ".join([*parts, *(f"{s.name} hidden" for s in self.switches.values() if s.on)])
