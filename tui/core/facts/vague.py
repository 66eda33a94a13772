"""Vague amounts: "a few hours", "several dozen youths", "hundreds of people", "tens of thousands".

They are ranges like any figure (Fact.quantity), so that "a few hours later" corroborates "about
two hours after" and "dozens of" cannot be "thousands of". The ranges are the usual readings:
a few 2-5, a couple 2-3, several 3-9, dozens 24-144, scores 40-200, hundreds 200-999 and so on.
Value format: "<unit> <low> to <high> (about)", as for a written range.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from tui.core.model import Quantity

from .candidates import Candidate
from .quantities import SP, unit_after

_RANGES = {
    "a few": (2, 5), "few": (2, 5), "a couple of": (2, 3), "a couple": (2, 3), "several": (3, 9),
    "a handful of": (2, 6), "dozens of": (24, 144), "scores of": (40, 200), "hundreds of": (200, 999),
    "thousands of": (2000, 9999), "tens of thousands of": (20000, 99999), "hundreds of thousands of": (200000, 999999),
    "millions of": (2 * 10**6, 10**7 - 1),
}
_SCALES = {"dozen": 12, "hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9}
VAGUE = re.compile(
    rf"(?<![\w-])(?P<vague>{'|'.join(sorted((re.escape(k).replace(chr(92) + ' ', SP) for k in _RANGES), key=len, reverse=True))})"
    rf"(?:{SP}(?P<scale>{'|'.join(_SCALES)}))?(?![\w-])",
    re.IGNORECASE,
)


def vague_amounts(body: str) -> Iterator[Candidate]:
    """Every vague amount of something: a unit or a counted noun must follow ("several people")."""
    for match in VAGUE.finditer(body):
        low, high = _RANGES[re.sub(r"\s+", " ", match.group("vague").lower())]
        scale = _SCALES.get((match.group("scale") or "").lower(), 1)
        unit, factor, end = unit_after(body, match.end(), Decimal(scale))
        if not unit:
            continue
        factor_value = float(factor)
        quantity = Quantity(low * scale * factor_value, high * scale * factor_value, unit, "about")
        value = f"{unit} {quantity.low:g} to {quantity.high:g} (about)"
        yield Candidate(match.start(), end, "number", value, quantity, 6, counted=unit if factor == "1" else "")
