"""Times of day: "2:53 p.m. local time", "around 10 a.m.", "15:20 GMT", "noon".

Value format (Fact.value): "HH:MM" on the 24-hour clock, then the zone when the text gives one
("14:53", "15:20 GMT", "14:53 local"). Fact.quantity is the time in minutes after midnight, so
that times are compared by role like other figures; "about" widens it by ABOUT_MINUTES.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from tui.core.model import Quantity

from .candidates import Candidate

ABOUT_MINUTES = 15
"""How far "about 10 a.m." reaches either side of the time."""

_ZONE = r"(?:[A-Z]{2,4}T|GMT|UTC|BST|CET|CEST|ET|PT|CT|MT|Z)"
TIME = re.compile(
    rf"""
    (?<![\w:.$£€¥/-])
    (?:(?P<about>(?:about|around|approximately|roughly|shortly[ \u00a0](?:before|after)|just[ \u00a0](?:before|after))[ \u00a0])?
    (?:
      (?P<hour>1[0-2]|0?[1-9])(?::(?P<minute>[0-5]\d))?[ \u00a0]?(?P<half>a\.?m\.?|p\.?m\.?|A\.?M\.?|P\.?M\.?)(?![A-Za-z])
    | (?P<hour24>[01]?\d|2[0-3]):(?P<minute24>[0-5]\d)(?![\d:])
    | (?P<word>noon|midnight)
    ))
    (?:[ \u00a0](?P<local>local[ \u00a0]time)|[ \u00a0]\(?(?P<zone>{_ZONE})\)?(?![A-Za-z]))?
    """,
    re.VERBOSE,
)


def times(body: str) -> Iterator[Candidate]:
    """Every time of day in the body."""
    for match in TIME.finditer(body):
        value = _value(match)
        if value:
            yield Candidate(match.start(), match.end(), "time", value, _minutes(value, bool(match.group("about"))), 1)


def _minutes(value: str, about: bool) -> Quantity:
    """The time as a range of minutes after midnight, in a unit that carries the zone when one is
    given ("time GMT"), so that times in two zones are never compared."""
    clock, _, zone = value.partition(" ")
    minutes = int(clock[:2]) * 60 + int(clock[3:])
    reach = ABOUT_MINUTES if about else 0.5
    unit = "time" if zone in ("", "local") else f"time {zone}"
    return Quantity(minutes - reach, minutes + reach, unit, "about" if about else "exact")


def _value(match: re.Match[str]) -> str | None:
    """ "14:53", "15:20 GMT", "12:00"; None for what is not a time."""
    groups = match.groupdict()
    if groups["word"]:
        clock = "12:00" if groups["word"] == "noon" else "00:00"
    elif groups["hour"]:
        hour = int(groups["hour"]) % 12 + (12 if groups["half"].lower().startswith("p") else 0)
        clock = f"{hour:02d}:{groups['minute'] or '00'}"
    else:
        clock = f"{int(groups['hour24']):02d}:{groups['minute24']}"
    zone = groups["zone"] or ("local" if groups["local"] else "")
    return f"{clock} {zone}".strip()
