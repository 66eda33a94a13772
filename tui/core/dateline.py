"""The dateline: the date (and time) a news page prints near its top, e.g. "Wed May 5, 2010 7:12pm BST".

A dateline is a line of the first few that holds a full date (day, month and year) and nothing but
what datelines are made of: a stamp word ("Published", "First Posted", "Updated on:"), a weekday,
times ("7:12pm", "23:37:00", "1052 GMT"), time zones as written ("BST", "PT", "UK"), "at", and
separators ("," ":" "-" "|" brackets). Either the whole line is one, or, on a short line (under
100 characters), one part of it set off by a clear delimiter ("|", "·", "•", "—", " - ") while the
other parts are not sentences: "By Jane Doe, Associated Press | April 16, 2007". A byline may also
lead with a comma: "By Jane Doe, Associated Press, April 16, 2007". A date inside a story sentence
("On May 5, 2010 the bank ...") is never a dateline: the rest of that line is not dateline words.

Dates read: "May 5, 2010", "May 05, 2010", "Jun 11th 2012", "Apr. 12 2007", "05 May 2010",
"11 November 2011", "2012-06-11" (an ISO timestamp too), and numeric dates "5/5/2010",
"05.05.2010", "05-05-2010" (four-digit years only). A numeric date with a slash or a dash can be
month/day/year (US) or day/month/year; it is read as:

- day/month/year when the first number is over 12 ("13/5/2010"), month/day/year when the second is;
- the same either way when both numbers are equal ("05/05/2010");
- otherwise ambiguous ("11/06/2012"): it gives a date only when the line's weekday fits one reading
  and not the other, or when exactly one reading is among the ``hints`` (dates the caller knows from
  elsewhere, e.g. the article's URL), and no date otherwise. A date with dots ("05.06.2012") is
  day.month.year, as it is everywhere that writes it so.

A date without a year ("Published on: 11 November") is not a full date: it makes no dateline, though
the line is still a timestamp (page furniture, see `is_stamp_line`). A weekday that does not fit an
unambiguous date is ignored: the date is kept as printed.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

MAX_LINES = 8
"""Datelines are looked for in this many first non-empty lines of the body ..."""
MAX_OFFSET = 600
"""... that start within this many characters of its beginning."""
SHORT_LINE = 100
"""A dateline that is only part of its line must be on a line shorter than this."""


@dataclass(frozen=True)
class Dateline:
    """A dateline found in an article body: ``body[start:end]`` is its text."""

    start: int
    end: int
    date: str
    """ISO 8601: "2010-05-05"."""
    time: str | None = None
    """24-hour "HH:MM", when the dateline gives a time."""
    zone: str | None = None
    """The time zone as written ("BST", "PT", "UK"), when it gives one."""


@dataclass(frozen=True)
class Stamp:
    """What a piece of text made only of dateline words says."""

    date: str | None
    """The first full date, ISO; None when the text gives no full (or no unambiguous) date."""
    time: str | None
    zone: str | None
    dated: bool
    """Whether the text has a date at all, full or not ("11 November" counts, a lone time does not)."""
    stamped: bool
    """Whether it has a stamp word ("Published", "Updated", ...) or a time zone."""


_MONTH_NAMES = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
_MONTH = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})(?!\d)"
_ZONES = (
    "UTC", "GMT", "UK", "BST", "IST", "WET", "WEST", "CET", "CEST", "EET", "EEST", "MSK",
    "EST", "EDT", "ET", "CST", "CDT", "CT", "MST", "MDT", "MT", "PST", "PDT", "PT", "AKST", "AKDT",
    "HST", "AST", "ADT", "NST", "NDT", "HKT", "SGT", "PHT", "WIB", "JST", "KST", "AEST", "AEDT",
    "ACST", "ACDT", "AWST", "NZST", "NZDT", "SAST", "CAT", "EAT", "WAT", "Z",
)
# Zones are capitals as printed ("ET", not "et"); GMT and UTC may carry an offset.
_ZONE = r"(?-i:(?:GMT|UTC)[+\-\u2212]\d{1,2}(?::?\d{2})?|" + "|".join(sorted(_ZONES, key=len, reverse=True)) + r")\b"
_AMPM = r"(?P<ap>[ap])\.?\s?m\b\.?"

# Each kind of token, tried in this order at each position; a token must end at a word boundary.
_TOKENS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern, re.IGNORECASE))
    for kind, pattern in (
        ("iso", r"(?P<year>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})"
                r"(?:[T ](?P<H>\d{2}):(?P<M>\d{2})(?::\d{2}(?:\.\d+)?)?(?P<z>Z|[+\-]\d{2}:?\d{2})?)?"),
        ("numeric", r"(?P<a>\d{1,2})(?P<sep>[/.\-])(?P<b>\d{1,2})(?P=sep)" + _YEAR),
        ("month_day", _MONTH + r"\s*" + _DAY + r"\b(?:\s*,\s*|\s+)?(?:" + _YEAR + r")?"),
        ("day_month", _DAY + r"\s+(?:of\s+)?" + _MONTH + r"(?:\s*,?\s*" + _YEAR + r")?"),
        ("time", r"(?P<H>\d{1,2})[:.](?P<M>\d{2})(?::(?P<S>\d{2}))?(?:\s*" + _AMPM + r")?"),
        ("time", r"(?P<H>\d{1,2})\s*" + _AMPM),
        ("time", r"(?P<H>[01]\d|2[0-3])(?P<M>[0-5]\d)(?=\s*" + _ZONE + r")"),
        ("zone", _ZONE),
        ("weekday", r"(?P<wd>mon|tue|wed|thu|fri|sat|sun)(?:day|s|sday|nesday|r|rs|rsday|urday)?\b\.?"),
        ("stamp", r"(?:published|posted|updated|modified|created|edited|revised|filed|released|issued"
                  r"|dated?|first|last)\b"),
        ("glue", r"(?:on|at|page|originally|time|and)\b"),
    )
)
_SEPARATORS = re.compile(r"[\s,;:|()\[\]/·•\-–—]+")
_WEEKDAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
# The delimiters that set a dateline apart from the rest of a short line.
_DELIMITER = re.compile(r"\s*[|·•—]\s*|\s+[-–]\s+")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")
_BRACKETS = {"(": ")", "[": "]"}

# A byline: "By" and a name, then perhaps an outlet or a role; never a sentence ("By Monday, the police ...").
_BYLINE_WORDS = {
    "and", "&", "of", "the", "in", "for", "with", "de", "da", "del", "der", "van", "von", "le", "la", "al",
    "bin", "ibn", "staff", "writer", "writers", "reporter", "reporters", "correspondent", "correspondents",
    "editor", "editors", "desk", "contributor", "senior", "special", "chief",
}
_NOT_NAMES = {name.lower() for name in (*calendar.day_name, *calendar.month_name) if name} | {"the", "far", "now", "then"}


def find_dateline(body: str, hints: Iterable[str] = ()) -> Dateline | None:
    """The dateline of an article: the first of its first lines that is one (see the module's rules).

    ``hints`` are ISO dates known from elsewhere (e.g. the URL) that may settle an ambiguous numeric date.
    """
    known = frozenset(hints)
    seen = 0
    start = 0
    for line in body.split("\n"):
        end = start + len(line)
        if start >= MAX_OFFSET or seen >= MAX_LINES:
            break
        if line.strip():
            seen += 1
            found = _line_dateline(body, start, end, known)
            if found is not None:
                return found
        start = end + 1
    return None


def read_stamp(text: str, hints: Iterable[str] = ()) -> Stamp | None:
    """What the text says, if it is made only of dateline words and has a date or a time; else None."""
    tokens = _tokens(text)
    if tokens is None:
        return None
    dates = [match for kind, match in tokens if kind in {"iso", "numeric", "month_day", "day_month"}]
    times = [match for kind, match in tokens if kind == "time"]
    zones = [match for kind, match in tokens if kind == "zone"]
    stamped = bool(zones) or any(kind == "stamp" for kind, _ in tokens)
    if not dates and not times:
        return None
    weekdays = {_WEEKDAYS[match.group("wd").lower()] for kind, match in tokens if kind == "weekday"}
    date = next((iso for iso in (_date_of(match, weekdays, frozenset(hints)) for match in dates) if iso), None)
    zone = zones[0].group(0) if zones else None
    time = None
    if times:
        time = _time_of(times[0])
    elif dates and dates[0].re is _TOKENS[0][1] and dates[0].group("H"):
        time = f"{int(dates[0].group('H')):02d}:{dates[0].group('M')}"
        zone = zone or dates[0].group("z")
    return Stamp(date=date, time=time, zone=zone, dated=bool(dates), stamped=stamped)


def parse_date(text: str) -> str | None:
    """The ISO date of a text that is only a date or a timestamp ("May 5, 2010", "2010-05-05T10:00Z"); else None."""
    stamp = read_stamp(text.strip())
    return stamp.date if stamp is not None else None


def is_stamp_line(line: str) -> bool:
    """Whether a line is only a timestamp or a byline, or both set apart by delimiters: page furniture.

    A timestamp has a date (full or not: "Published on: 11 November") or a time with a stamp word or
    a zone ("Updated 1:41 PM EST"); a time alone ("At 10:49 AM") is not enough.
    """
    text = _unbracket(line.strip())
    if not text:
        return False
    if _is_stamp(text) or is_byline(text):
        return True
    if len(text) >= SHORT_LINE:
        return False
    parts = [part for part in _DELIMITER.split(text) if part.strip()]
    if len(parts) > 1 and all(_is_stamp(_unbracket(part)) or is_byline(part) for part in parts):
        return True
    stamp, by, name = text.rpartition(" by ")
    if by and _is_stamp(stamp) and is_byline(f"By {name}"):
        return True  # Posted on June 11, 2012 by Jane Doe
    return _byline_comma_split(text) is not None


def is_byline(text: str) -> bool:
    """Whether the text is a byline: "By Jane Doe", "BY JANE DOE, Associated Press Writer", "By J. Doe and A. Roe"."""
    text = text.strip()
    match = re.match(r"by\s+", text, re.IGNORECASE)
    if match is None or not text[:2].istitle() and text[:2] != "BY" or len(text) > 80:
        return False
    if re.search(r"[!?;:]|[.…][\"'”’]*$", text) and not re.search(r"\b(?:[A-Z]|Jr|Sr)\.$", text):
        return False
    words = [word.strip("()[]\"'") for word in re.split(r"[\s,/]+", text[match.end():])]
    words = [word for word in words if word]
    if not words or len(words) > 12 or not words[0][:1].isupper() or words[0].strip(".").lower() in _NOT_NAMES:
        return False
    return all(word[:1].isupper() or word.lower() in _BYLINE_WORDS for word in words)


def readable_date(date: str) -> str:
    """An ISO date as people read it, "Wed 5 May 2010"; any other text as it is."""
    try:
        day = dt.date.fromisoformat(date.strip())
    except ValueError:
        return date
    return f"{calendar.day_abbr[day.weekday()]} {day.day} {calendar.month_name[day.month]} {day.year}"


def _line_dateline(body: str, start: int, end: int, hints: frozenset[str]) -> Dateline | None:
    """The dateline on the line ``body[start:end]``: the whole line, or a delimited part of a short one."""
    start, end = _trimmed(body, start, end)
    whole = _dateline_in(body, start, end, hints)
    if whole is not None or end - start >= SHORT_LINE:
        return whole
    text = body[start:end]
    pieces, cursor = [], 0
    for delimiter in _DELIMITER.finditer(text):
        pieces.append((cursor, delimiter.start()))
        cursor = delimiter.end()
    pieces.append((cursor, len(text)))
    if len(pieces) > 1:
        for index, (piece_start, piece_end) in enumerate(pieces):
            others = [text[s:e] for i, (s, e) in enumerate(pieces) if i != index]
            if any(_SENTENCE_END.search(other.strip()) and not is_byline(other) for other in others):
                continue
            found = _dateline_in(body, *_trimmed(body, start + piece_start, start + piece_end), hints)
            if found is not None:
                return found
    split = _byline_comma_split(text, hints)
    if split is not None:
        return _dateline_in(body, *_trimmed(body, start + split, end), hints)
    return None


def _dateline_in(body: str, start: int, end: int, hints: frozenset[str]) -> Dateline | None:
    stamp = read_stamp(body[start:end], hints)
    if stamp is None or stamp.date is None:
        return None
    return Dateline(start=start, end=end, date=stamp.date, time=stamp.time, zone=stamp.zone)


def _byline_comma_split(text: str, hints: Iterable[str] = ()) -> int | None:
    """Where the timestamp starts in "By Jane Doe, Associated Press, April 16, 2007"; None if the line is not so."""
    if not re.match(r"by\s", text, re.IGNORECASE) or len(text) >= SHORT_LINE:
        return None
    for comma in re.finditer(r"[,;]", text):
        rest = text[comma.end():]
        if is_byline(text[: comma.start()]) and _is_stamp(rest.strip()):
            stamp = read_stamp(rest.strip(), hints)
            if stamp is not None and stamp.dated:
                return comma.end()
    return None


def _is_stamp(text: str) -> bool:
    stamp = read_stamp(text)
    return stamp is not None and (stamp.dated or stamp.stamped)


def _trimmed(body: str, start: int, end: int) -> tuple[int, int]:
    """The span without surrounding spaces, separators, and one pair of enclosing brackets."""
    while start < end and (body[start].isspace() or body[start] in ",;|·•"):
        start += 1
    while end > start and (body[end - 1].isspace() or body[end - 1] in ",;|·•"):
        end -= 1
    if end - start >= 2 and _BRACKETS.get(body[start]) == body[end - 1]:
        return _trimmed(body, start + 1, end - 1)
    return start, end


def _unbracket(text: str) -> str:
    text = text.strip()
    while len(text) >= 2 and _BRACKETS.get(text[0]) == text[-1]:
        text = text[1:-1].strip()
    return text


def _tokens(text: str) -> list[tuple[str, re.Match[str]]] | None:
    """The text cut into dateline tokens; None as soon as something else is in it."""
    tokens: list[tuple[str, re.Match[str]]] = []
    position = 0
    while True:
        separator = _SEPARATORS.match(text, position)
        if separator is not None:
            position = separator.end()
        if position >= len(text):
            return tokens
        for kind, pattern in _TOKENS:
            match = pattern.match(text, position)
            if match is not None and match.end() > position and _boundary(text, match.end()) and _valid(kind, match):
                break
        else:
            return None
        tokens.append((kind, match))
        position = match.end()


def _boundary(text: str, index: int) -> bool:
    return index >= len(text) or not text[index].isalnum() or not text[index - 1].isalnum()


def _valid(kind: str, match: re.Match[str]) -> bool:
    if kind == "time":
        hour, minute = int(match.group("H")), int(match.groupdict().get("M") or 0)
        limit = 12 if match.groupdict().get("ap") else 23
        return hour <= limit and minute <= 59 and (match.groupdict().get("ap") is None or hour >= 1)
    if kind == "numeric":
        return bool(_readings(match))
    if kind in {"month_day", "day_month"}:
        return 1 <= int(match.group("day")) <= 31
    if kind == "iso":
        return _iso(int(match.group("year")), int(match.group("m")), int(match.group("d"))) is not None
    return True


def _date_of(match: re.Match[str], weekdays: set[int], hints: frozenset[str]) -> str | None:
    """The ISO date a date token gives, if it is full and unambiguous."""
    groups = match.groupdict()
    if "a" in groups:
        readings = _readings(match)
        if len(readings) == 1:
            return readings[0]
        for chooser in (lambda iso: _weekday(iso) in weekdays, lambda iso: iso in hints):
            chosen = [iso for iso in readings if chooser(iso)]
            if len(chosen) == 1:
                return chosen[0]
        return None
    if "m" in groups:
        return _iso(int(groups["year"]), int(groups["m"]), int(groups["d"]))
    if groups.get("year") is None:
        return None
    return _iso(int(groups["year"]), _month(groups["mon"]), int(groups["day"]))


def _readings(match: re.Match[str]) -> list[str]:
    """The real dates a numeric date can be: one, or two when the order of day and month is open."""
    first, second, year = int(match.group("a")), int(match.group("b")), int(match.group("year"))
    orders = [(second, first)] if match.group("sep") == "." else [(first, second), (second, first)]  # d.m.y always
    readings = [iso for month, day in orders if (iso := _iso(year, month, day)) is not None]
    return sorted(set(readings))


def _month(name: str) -> int:
    name = name.lower().rstrip(".")
    return next(number for full, number in _MONTH_NAMES.items() if full.startswith(name[:3]))


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _weekday(iso: str) -> int:
    return dt.date.fromisoformat(iso).weekday()


def _time_of(match: re.Match[str]) -> str:
    hour, minute = int(match.group("H")), int(match.groupdict().get("M") or 0)
    half = (match.groupdict().get("ap") or "").lower()
    if half == "p" and hour != 12:
        hour += 12
    elif half == "a" and hour == 12:
        hour = 0
    return f"{hour:02d}:{minute:02d}"


def published_day(published: str | None) -> dt.date | None:
    """The day an article's date names, when it is a full ISO date ("2010-05-05", "2010-05-05T10:00"); else None."""
    try:
        return dt.date.fromisoformat((published or "")[:10])
    except ValueError:
        return None
