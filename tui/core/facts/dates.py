"""Dates in text: full and partial dates, ranges, weekdays and relative dates, in ISO 8601 where they can be."""

# Value format (Fact.value of a date): ISO 8601 where it can be: "2025-05-04", "--05-02" (no year),
# "2025-05", "--05", "2025", ranges "--05/--06", parts "--05 (mid)"; weekdays "Friday", "last Friday";
# relative dates folded: "last month".

from __future__ import annotations

import calendar
import datetime as dt
import re

from tui.core.dateline import published_day

from .candidates import Candidate
from .quantities import SP, WORD_NUMBER, WORD_VALUES, fold

_MONTH_NUMBERS = {name.lower(): n for n, name in enumerate(calendar.month_name) if name}
_MONTH_NUMBERS |= {name.lower(): n for n, name in enumerate(calendar.month_abbr) if name} | {"sept": 9}
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December" \
         r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
_FULL_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d|2100)"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_PERIOD = r"(?:week|month|year|weekend|quarter|night)"
_COUNT = rf"(?:\d+|an?|{WORD_NUMBER})"
DATE = re.compile(
    rf"""
    (?<![\w-])(?:
      (?P<iy>{_YEAR})-(?P<im>[01]\d)-(?P<id>[0-3]\d)
    | (?P<m1>{_MONTH}){SP}(?P<d1>{_DAY})(?:[-–](?P<d1b>{_DAY}))?(?:,?{SP}(?P<y1>{_YEAR}))?
    | (?P<d2>{_DAY})(?:{SP}of)?{SP}(?P<m2>{_MONTH})(?:,?{SP}(?P<y2>{_YEAR}))?
    | (?P<m3>{_FULL_MONTH})[-–/](?P<m4>{_FULL_MONTH})(?:,?{SP}(?P<y3>{_YEAR}))?
    | (?P<part>(?i:mid|early|late|end{SP}of))(?:-|{SP})(?:(?P<m5>{_FULL_MONTH})(?:{SP}(?P<y5>{_YEAR}))?|(?P<y6>{_YEAR}))
    | (?P<m6>{_FULL_MONTH}),?{SP}(?P<y4>{_YEAR})
    | (?P<rel>(?i:yesterday|today|tonight|tomorrow
        |(?:(?:earlier|later){SP})?(?:last|next|this|past|coming){SP}{_PERIOD}
        |{_COUNT}{SP}(?:days?|weeks?|months?|years?){SP}(?:ago|earlier|later)))
    | (?P<wd>(?:(?i:last|next|this){SP})?{_WEEKDAY})
    | (?P<mon>{_FULL_MONTH})
    | (?P<yr>{_YEAR})
    )(?![\w-]|[.,]\d)
    """,
    re.VERBOSE,
)
# A month or a year alone is a date only after one of these ("into May", "in 2025", "April's").
_DATE_PREPOSITIONS = {"in", "into", "since", "until", "till", "by", "from", "through", "throughout", "during",
                      "of", "last", "next", "this", "early", "late", "before", "after", "to", "between", "and",
                      "or", "mid", "end", "for"}
_WORD_BEFORE = re.compile(r"(\w+)[ \u00a0]+$")


def read_date(body: str, match: re.Match[str]) -> Candidate | None:
    """The date candidate of a match of DATE: full and partial dates, ranges, weekdays, relative
    dates; a month or a year alone only where it reads as a date."""
    value = _date_value(match.groupdict())
    if value and (not (match.group("mon") or match.group("yr")) or _dated(body, match)):
        return Candidate(match.start(), match.end(), "date", value, None, 0)
    return None


def _dated(body: str, match: re.Match[str]) -> bool:
    """Whether a month or year alone reads as a date here: after a preposition, or "April's"."""
    before = _WORD_BEFORE.search(body, max(0, match.start() - 20), match.start())
    if before and before.group(1).lower() in _DATE_PREPOSITIONS:
        return True
    return match.group("mon") not in (None, "May") and body.startswith(("'s", "’s"), match.end())


def _date_value(groups: dict[str, str | None]) -> str | None:
    """The normalised value of a date match; None for an impossible date (February 30)."""
    if groups["iy"]:
        return _ymd(groups["iy"], groups["im"], groups["id"])
    if groups["m1"] and groups["d1b"]:  # May 4-6
        first = _ymd(groups["y1"], str(_month(groups["m1"])), groups["d1"])
        last = _ymd(groups["y1"], str(_month(groups["m1"])), groups["d1b"])
        return f"{first}/{last}" if first and last and first < last else None
    for month, day, year in (("m1", "d1", "y1"), ("m2", "d2", "y2")):
        name = groups[month]
        if name:
            return _ymd(groups[year], str(_month(name)), groups[day])
    if groups["m3"]:
        return f"{_ym(groups['y3'], groups['m3'])}/{_ym(groups['y3'], groups['m4'])}"
    if groups["part"]:
        part = fold(groups["part"]).replace("end of", "end")
        return f"{_ym(groups['y5'], groups['m5']) if groups['m5'] else groups['y6']} ({part})"
    if groups["m6"] or groups["mon"]:
        return _ym(groups["y4"], groups["m6"] or groups["mon"])
    if groups["rel"]:
        return fold(groups["rel"])
    if groups["wd"]:  # "Friday", "last Friday"
        *qualifier, weekday = groups["wd"].split()
        return " ".join([word.lower() for word in qualifier] + [weekday])
    return groups["yr"]


def _month(name: str) -> int:
    """The number of a month's name or abbreviation ("Sept." -> 9)."""
    return _MONTH_NUMBERS[name.rstrip(".").lower()]


def _ym(year: str | None, month: str | None) -> str:
    """2025-05, or --05 without a year."""
    return f"{year}-{_month(month or ''):02d}" if year else f"--{_month(month or ''):02d}"


def _ymd(year: str | None, month: str | None, day: str | None) -> str | None:
    """2025-05-04 or --05-02; None when the day does not exist in that month."""
    m, d = int(month or 0), int(re.sub(r"\D", "", day or "") or 0)
    if not 1 <= m <= 12:
        return None
    last = calendar.monthrange(int(year), m)[1] if year else calendar.monthrange(2024, m)[1]  # a leap year
    if not 1 <= d <= last:
        return None
    return f"{year}-{m:02d}-{d:02d}" if year else f"--{m:02d}-{d:02d}"

# The words a date may hang on, and those it may open with before them ("mid" of "mid-May"): the
# pattern is tried only near these, since trying it at every offset would make extraction slow.
_RELATIVE_WORDS = "yesterday today tonight tomorrow week month year weekend quarter night days weeks months years"
_NAMES = (*calendar.month_name[1:], *calendar.month_abbr[1:], "Sept", *calendar.day_name)
ANCHOR_WORDS = frozenset(
    {form for word in _RELATIVE_WORDS.split() for form in (word, word.capitalize())} | set(_NAMES)
)
FIRST_WORDS = frozenset(
    {"mid", "early", "late", "end", "last", "next", "this", "earlier", "later", "past", "coming", "a", "an"}
    | set(WORD_VALUES) | {name.lower() for name in (*calendar.month_name[1:], *calendar.month_abbr[1:], "Sept")}
    | {name.lower() for name in calendar.day_name} | {"yesterday", "today", "tonight", "tomorrow"}
)


HALF_YEAR = 183
"""A date without its year is taken in the year that puts it within this many days of the article."""
_RELATIVE_DAYS = {"today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
                  "yesterday": -1, "tomorrow": 1}
_WEEKDAYS = [name.lower() for name in calendar.day_name]


def resolve(value: str, published: str | None, future: bool = False) -> str:
    """A relative date's value as a calendar date, against the day the article was published
    ("2010-05-05"): "today", "yesterday", "Wednesday" (the last one on or before that day, or with
    `future` the next one on or after it: "to be voted on Thursday"), "last Friday", "next Monday",
    "--05-02" (that year). Anything else, or an article of unknown date, gives the value unchanged."""
    day = published_day(published)
    if day is None:
        return value
    try:
        return _resolved(value, day, future)
    except OverflowError:  # "tomorrow" on 31 December 9999
        return value


def _resolved(value: str, day: dt.date, future: bool) -> str:
    folded = value.lower()
    if folded in _RELATIVE_DAYS:
        return (day + dt.timedelta(days=_RELATIVE_DAYS[folded])).isoformat()
    qualifier, _, name = folded.rpartition(" ")
    if name in _WEEKDAYS and qualifier in ("", "last", "this", "next"):
        gap = (day.weekday() - _WEEKDAYS.index(name)) % 7
        if qualifier == "next" or (future and qualifier == ""):
            return (day + dt.timedelta(days=(-gap) % 7 or (7 if qualifier == "next" else 0))).isoformat()
        return (day - dt.timedelta(days=gap or (7 if qualifier == "last" else 0))).isoformat()
    if re.fullmatch(r"--\d\d-\d\d", value) and _ymd(str(day.year), value[2:4], value[5:]):
        # The year that puts the date nearest the article: "Dec. 30" in a January article is last year's.
        gap = (dt.date(day.year, int(value[2:4]), int(value[5:])) - day).days
        year = day.year - (gap > HALF_YEAR) + (gap < -HALF_YEAR)
        return f"{year}{value[1:]}" if _ymd(str(year), value[2:4], value[5:]) else value
    return value
