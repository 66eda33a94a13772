"""A cursor over the matched groups or the disputes: next, previous, wrap round, go to."""

from __future__ import annotations


class Cursor:
    """A position among `count` items; None until the first jump."""

    def __init__(self, count: int, noun: str, plural: str | None = None) -> None:
        self.count = count
        self.index: int | None = None
        self.noun = noun
        self.plural = plural or f"{noun}s"

    def move(self, delta: int) -> int | None:
        """Step by `delta` (+1 next, -1 previous), wrapping round; the first step lands on an end."""
        if not self.count:
            return None
        if self.index is None:
            self.index = 0 if delta > 0 else self.count - 1
        else:
            self.index = (self.index + delta) % self.count
        return self.index

    def go_to(self, index: int) -> int | None:
        """Jump straight to `index` (ignored when out of range)."""
        if 0 <= index < self.count:
            self.index = index
        return self.index

    @property
    def label(self) -> str:
        """ "match 3/12" once a jump was made, "12 matches" before."""
        if self.index is None:
            return f"{self.count} {self.noun if self.count == 1 else self.plural}"
        return f"{self.noun} {self.index + 1}/{self.count}"
