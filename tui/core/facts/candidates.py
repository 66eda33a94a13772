"""A possible fact at its offsets, how overlapping ones are settled, and the line around an offset."""

from __future__ import annotations

import bisect
from typing import NamedTuple

from tui.core.model import FactType, Quantity


class Candidate(NamedTuple):
    """A possible fact before overlaps are settled; the lowest priority wins a tie."""

    start: int
    end: int
    type: FactType
    value: str
    quantity: Quantity | None
    priority: int
    subject: str = ""
    counted: str = ""


def settle(candidates: list[Candidate], furniture: list[tuple[int, int]]) -> list[Candidate]:
    """The candidates that do not overlap an earlier, longer or stronger one, outside furniture."""
    starts = [start for start, _ in furniture]
    kept: list[Candidate] = []
    reach = 0
    for candidate in sorted(candidates, key=lambda c: (c.start, c.start - c.end, c.priority)):
        if candidate.start < reach or _in_spans(furniture, starts, candidate.start):
            continue
        kept.append(candidate)
        reach = candidate.end
    return kept


def _in_spans(spans: list[tuple[int, int]], starts: list[int], offset: int) -> bool:
    """Whether offset lies in one of the sorted, non-overlapping spans."""
    i = bisect.bisect_right(starts, offset) - 1
    return i >= 0 and offset < spans[i][1]


def line_start(body: str, offset: int, most: int) -> int:
    """Where the line of offset starts, or `most` characters before offset if that is later (a
    bounded search: a body may be one long line)."""
    lo = max(0, offset - most)
    return body.rfind("\n", lo, offset) + 1 or lo
