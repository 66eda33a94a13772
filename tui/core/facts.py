"""Checkable facts of an article body: amounts, numbers, percentages, dates, people, organisations, places."""

from __future__ import annotations

import bisect
import calendar
import math
import re
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal
from typing import NamedTuple

from tui.core import boilerplate
from tui.core.model import Article, Fact, FactType, Quantity, Span
# Names come from the name finder segment uses too, so that a person here is the person a quote is credited to.
from tui.core.names import TITLES, Names, name_of
from tui.core.text import STOPWORDS, singular, stem

# =============================================================================================
# Value formats (what Fact.value holds, so that the lead and the CLI can rely on them)
#
#   money, number, percent   "<unit> <value>[ to <value>][ (<bound>)]", the unit first and left
#                            out for a bare number: "USD 1.07e12 (at most)", "USD 1e12 (more than)",
#                            "percent 25", "km 16.1", "day 90", "job 100000", "89".
#                            Values of 1e6 and more are written as 1.13e12; a value converted to
#                            the canonical unit (miles -> km, months -> days) keeps 3 significant
#                            digits. Bounds: "(more than)", "(at most)", "(about)".
#   date                     ISO 8601 where it can be: "2025-05-04", "--05-02" (no year),
#                            "2025-05", "--05", "2025", ranges "--05/--06", parts "--05 (mid)";
#                            weekdays "Friday", "last Friday"; relative dates folded: "last month".
#   person                   the full name as the article first gives it ("Katsunobu Kato",
#                            "Kato Katsunobu"); a later "Kato" gets the same value. The title goes
#                            to Fact.subject as stems ("financ minister"), the same on every mention
#                            of that person in the article, so that values compare names only.
#   organisation, place      a canonical name: "Reuters", "Bank of Japan", "US Treasury",
#                            "United States" (for US, U.S., USA, America, United States).
#
# Subjects (Fact.subject, stems joined by spaces, what pairs facts about the same thing):
#   quantities and dates     the content stems of the noun phrase the number measures, from the
#                            same line and stopping at punctuation: the words right after it
#                            ("$1 trillion-plus holdings of US Treasuries" -> "hold treasury"), else
#                            those before it ("Treasury holdings, worth over $1 trillion"), plus an
#                            "of/in/on" phrase; a counted noun is its own subject ("job"). Places,
#                            months and size adjectives (vast, massive) are left out; then the head
#                            of a small family of synonyms is added ("stake" -> "hold", "debt" ->
#                            "bond"), so "hold treasury" comes out as "hold treasury bond".
#   person                   the title's stems; organisations and places have none.
#
# Units: "$" is USD whatever the outlet's country; "pounds" after a scale word is GBP, else a
# weight; "tons" are metric; a bare "10m"/"5b" (no currency) is not read, 10m may be metres.
#
# Quantities: Fact.quantity is the range of true values the text allows.
#   exact     half a unit of the last digit written ("$1.13 trillion" -> [1.125e12, 1.135e12));
#             for a whole number, half a unit of its last non-zero digit but at most 5% of it
#             (round numbers are rounded: "$1 trillion" -> [0.95e12, 1.05e12), "$1,130bn" ->
#             [1.125e12, 1.135e12), "25 percent" -> [24.5, 25.5), "100,000 jobs" -> ±5,000).
#             The upper end is exclusive (the float just below it), so that neighbours written
#             to the same precision (24% and 25%) do not touch.
#   over      over, more than, exceeding, above, at least, +, -plus, or more: [x, None]
#             (just over: [x, 1.05x]).
#   under     under, less than, up to, below, at most, or less: [None, x];
#             nearly, almost, just under: [0.95x, x].
#   about     about, around, roughly, some, approximately, close to, or so: x ± max(5%, precision).
# =============================================================================================

_SP = r"[ \u00a0]"

# ---------------------------------------------------------------------------------------------
# Quantities
# ---------------------------------------------------------------------------------------------

_ONES = """one two three four five six seven eight nine ten eleven twelve thirteen fourteen
fifteen sixteen seventeen eighteen nineteen""".split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_WORD_VALUES = {word: n for n, word in enumerate(_ONES, 1)} | {word: 10 * n for n, word in enumerate(_TENS, 2)}
_FRACTIONS = {"a quarter": "0.25", "one quarter": "0.25", "a half": "0.5", "one half": "0.5", "half a": "0.5",
              "half an": "0.5", "half": "0.5", "a third": "0.333", "three quarters": "0.75"}
_SCALES = {"hundred": 100, "thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12,
           "dozen": 12, "lakh": 10**5, "crore": 10**7, "k": 10**3, "m": 10**6, "mn": 10**6, "mln": 10**6,
           "b": 10**9, "bn": 10**9, "bln": 10**9, "t": 10**12, "tn": 10**12, "trn": 10**12}
_CURRENCY_SIGNS = {"us$": "USD", "u.s.$": "USD", "$": "USD", "s$": "SGD", "hk$": "HKD", "a$": "AUD",
                   "c$": "CAD", "nt$": "TWD", "¥": "JPY", "jp¥": "JPY", "€": "EUR", "£": "GBP", "₹": "INR",
                   "rs": "INR", "rs.": "INR", "rmb": "CNY"}
_CURRENCY_CODES = "USD JPY EUR GBP CNY SGD HKD AUD CAD INR CHF KRW TWD".split()
_CURRENCIES = frozenset(_CURRENCY_CODES)

# Unit words after a number: (canonical unit, factor to it). Distances go to km, durations to
# days, weights to kg, so that "10 km" and "six miles" compare.
_UNITS: dict[str, tuple[str, str]] = {}
for _names, _unit, _factor in (
    ("percent per_cent pct %", "percent", "1"),
    ("percentage_point percentage_points", "percentage point", "1"),
    ("basis_point basis_points bps bp", "percentage point", "0.01"),
    ("point points", "point", "1"),
    ("dollar dollars us_dollars u.s._dollars american_dollars", "USD", "1"),
    ("singapore_dollars", "SGD", "1"), ("hong_kong_dollars", "HKD", "1"), ("australian_dollars", "AUD", "1"),
    ("canadian_dollars", "CAD", "1"), ("yen", "JPY", "1"), ("euro euros", "EUR", "1"),
    ("yuan renminbi", "CNY", "1"), ("rupee rupees", "INR", "1"), ("pounds_sterling sterling", "GBP", "1"),
    ("km kilometre kilometres kilometer kilometers", "km", "1"), ("mile miles mi", "km", "1.609344"),
    ("nautical_mile nautical_miles", "km", "1.852"), ("metre metres meter meters", "km", "0.001"),
    ("foot feet ft", "km", "0.0003048"), ("yard yards", "km", "0.0009144"),
    ("day days", "day", "1"), ("week weeks", "day", "7"), ("month months", "day", "30.4375"),
    ("year years", "day", "365.25"), ("decade decades", "day", "3652.5"),
    ("hour hours hr hrs", "day", "0.041666666666666666"), ("minute minutes min mins", "day", "0.000694444444444444"),
    ("kg kilogram kilograms kilo kilos", "kg", "1"), ("tonne tonnes ton tons", "kg", "1000"),
    ("gram grams", "kg", "0.001"), ("lb lbs", "kg", "0.45359237"), ("pound pounds", "pound", "1"),
):
    for _name in _names.split():
        _UNITS[_name.replace("_", " ")] = (_unit, _factor)

_BOUNDS = {  # bound word -> kind; the longest alternatives first in the pattern
    "over": "over", "more than": "over", "exceeding": "over", "above": "over", "at least": "over",
    "in excess of": "over", "upwards of": "over", "no less than": "over", "not less than": "over",
    "greater than": "over", "well over": "over", "well above": "over", "topping": "over", "north of": "over",
    "just over": "just over", "just above": "just over", "slightly more than": "just over",
    "under": "under", "less than": "under", "fewer than": "under", "up to": "under", "below": "under",
    "at most": "under", "no more than": "under", "not more than": "under", "as much as": "under",
    "as many as": "under", "as high as": "under",
    "nearly": "near", "almost": "near", "just under": "near", "just below": "near", "just shy of": "near",
    "about": "about", "around": "about", "roughly": "about", "some": "about", "approximately": "about",
    "approx.": "about", "an estimated": "about", "estimated": "about", "close to": "about", "~": "about",
}
_OR_BOUNDS = {"more": "over", "above": "over", "higher": "over", "greater": "over",
              "less": "under", "fewer": "under", "lower": "under", "below": "under", "so": "about"}


def _alternation(words: Iterable[str]) -> str:
    """A regex alternation of the words, longest first, spaces matching a space or no-break space."""
    return "|".join(re.escape(word).replace(r"\ ", _SP) for word in sorted(words, key=len, reverse=True))


_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d|,\d)|\d+(?:\.\d+)?|\.\d+"
_WORD_NUMBER = rf"(?:{'|'.join(_TENS)})(?:[- ](?:{'|'.join(_ONES[:9])}))?|{_alternation(_ONES)}"
_CURRENCY = rf"US\$|U\.S\.\$|NT\$|HK\$|S\$|A\$|C\$|JP¥|\$|¥|€|£|₹|Rs\.?{_SP}?|(?:{'|'.join(_CURRENCY_CODES)}|RMB){_SP}?"
_ADJECTIVES = "consecutive straight successive more additional full whole long further extra new"
_QUANTITY = re.compile(
    rf"""
    (?<![\w.,$£€¥₹])(?<!\w[-–/])                 # not inside a word, a number or a date range
    (?:(?P<bound>{_alternation(_BOUNDS)}){_SP}*)?
    (?:(?P<between>between){_SP}+)?
    (?P<sign>[-−](?=[$£€¥\d]))?
    (?P<cur>{_CURRENCY})?
    (?:(?P<digits>{_DIGITS})|(?P<fraction>{_alternation(_FRACTIONS)})|(?P<word>{_WORD_NUMBER})|(?P<article>an?(?={_SP}(?:hundred|thousand|million|billion|trillion|dozen)\b)))
    (?![.,]\d)
    (?:{_SP}*(?(between)and|(?:-|–|to)){_SP}*(?P<digits2>{_DIGITS}|{_WORD_NUMBER})(?![.,]\d))?
    (?:(?:{_SP}|-)(?P<scale>(?:hundred{_SP})?(?:thousand|million|billion|trillion)|hundred|dozen|lakh|crore)
       |{_SP}?(?P<abbr>mn|mln|bn|bln|tn|trn)(?![a-z])
       |(?P<letter>[kmbt])(?![a-z]))?
    (?P<plus>\+|-plus\b)?
    (?:(?:{_SP}(?P<adj>{'|'.join(_ADJECTIVES.split())})(?={_SP}))?(?:{_SP}|-)?(?P<unit>{_alternation(_UNITS)}))?
    (?!\w)
    """,
    re.VERBOSE | re.IGNORECASE,
)
# A plural noun after a bare number is what it counts: "100,000 jobs" -> "job".
_COUNT_NOUN = re.compile(rf"(?:{_SP}|-)(?:(?:{'|'.join(_ADJECTIVES.split())}){_SP})?([a-z]+)(?![\w'’-])")
_IRREGULAR_PLURALS = {"people": "person", "children": "child", "men": "man", "women": "woman", "staff": "staff",
                      "personnel": "personnel", "police": "police", "cattle": "cattle", "sheep": "sheep"}
_NOT_COUNTED = {"times", "plus", "others", "ones", "tens", "hundreds", "thousands", "millions", "billions",
                "dozens", "news", "series", "means", "less", "unless", "across", "always", "perhaps", "whereas"}
_DEFINITE = ("the ", "both ", "these ", "those ", "all ")
_OR_BOUND = re.compile(rf"{_SP}or{_SP}({'|'.join(_OR_BOUNDS)})\b", re.IGNORECASE)


class _Parsed(NamedTuple):
    """A quantity read from text: where it ends, its range and its value text."""

    end: int
    quantity: Quantity
    value: str
    counted: bool  # the unit is a counted noun ("job"), not a measure


def parse_quantity(text: str) -> Quantity | None:
    """The Quantity an expression like "nearly $1.07 trillion" means; None if it is not one."""
    text = text.strip()
    match = _QUANTITY.match(text)
    parsed = _parse(text, match) if match and not _is_junk(text, 0, len(text)) else None
    return parsed.quantity if parsed and parsed.end == len(text) else None


def _parse(text: str, match: re.Match[str]) -> _Parsed | None:
    """The quantity a match of _QUANTITY stands for, or None when it is not one (a year, "a")."""
    groups = match.groupdict()
    value, tolerance = _number(groups)
    scale = _scale(groups)
    if scale is None or (groups["article"] and scale == 1):
        return None
    second = _second_number(groups["digits2"])
    if second is not None and second[0] < value:
        return None  # "3-1" is a score, "2024-25" a season: not ranges
    unit, factor, counted, end = _unit(text, groups, match.end(), scale)
    bound, after = _bound(text, groups, end)
    if not unit and after > end:  # "1,000 or more jobs": the noun comes after the bound
        unit, factor, counted, after = _unit(text, groups, after, scale)
    end = after
    if _is_bare_word(text, match, unit) or _looks_like_year(groups, unit, counted):
        return None
    sign = Decimal(-1) if groups["sign"] else Decimal(1)
    points = [(sign * value * scale, tolerance * scale)]
    if second is not None:
        points.append((sign * second[0] * scale, second[1] * scale))
    return _Parsed(end, *_build(points, bound, unit, Decimal(factor)), counted)


def _number(groups: dict[str, str | None]) -> tuple[Decimal, Decimal]:
    """The number written and its tolerance: half a unit of the last digit given (of the last
    non-zero digit of a whole number, at most 5% of it: round numbers are rounded)."""
    if groups.get("fraction"):
        value = Decimal(_FRACTIONS[_fold(groups["fraction"])])
        return value, value / 20
    if groups.get("article"):
        return Decimal(1), Decimal("0.05")
    written = (groups.get("digits") or "").replace(",", "") or str(_word_value(groups.get("word") or ""))
    if "." in written:
        decimals = len(written.split(".")[1])
        return Decimal(written), Decimal(5) / Decimal(10) ** (decimals + 1)
    zeros = len(written) - len(written.rstrip("0")) if written.strip("0") else 0
    return Decimal(written), min(Decimal(5) * Decimal(10) ** (zeros - 1), Decimal(written) / 20)


def _second_number(written: str | None) -> tuple[Decimal, Decimal] | None:
    """The upper end of a range: "10-15%", "two to three months"."""
    if not written:
        return None
    return _number({"digits": written} if written[0] in "0123456789." else {"word": written})


def _word_value(word: str) -> int:
    """The value of "six", "twenty-five", "twenty five"; 0 for what is not a number word."""
    if not word:
        return 0
    parts = re.split(r"[- \u00a0]", word.lower())
    return sum(_WORD_VALUES.get(part, 0) for part in parts)


def _fold(text: str) -> str:
    return re.sub(r"[ \u00a0]+", " ", text.lower())


def _scale(groups: dict[str, str | None]) -> Decimal | None:
    """The multiplier of a scale word or abbreviation; None for a bare k/m/b/t without a currency
    (10m may be metres) and for a word number with a letter ("sixm")."""
    word = groups["scale"] or groups["abbr"] or groups["letter"]
    if not word:
        return Decimal(1)
    word = _fold(word).strip()
    if groups["letter"] and (not groups["digits"] or (word != "k" and not groups["cur"])):
        return None
    return math.prod((Decimal(_SCALES[part]) for part in word.split()), start=Decimal(1))


def _unit(text: str, groups: dict[str, str | None], end: int, scale: Decimal) -> tuple[str, str, bool, int]:
    """(canonical unit, factor to it, whether it counts a noun, where the quantity ends)."""
    if groups["cur"]:
        return _CURRENCY_SIGNS.get(_fold(groups["cur"]).strip(), _fold(groups["cur"]).strip().upper()), "1", False, end
    if groups["unit"]:
        unit, factor = _UNITS[_fold(groups["unit"])]
        if unit == "pound":  # money when it has a scale ("5 billion pounds"), else a weight
            return ("GBP", "1", False, end) if scale > 1 else ("kg", "0.45359237", False, end)
        if unit == "point" and groups["fraction"]:
            unit = "percentage point"  # "a quarter point" is a rate move
        return unit, factor, False, end
    noun = _COUNT_NOUN.match(text, end)
    if noun and _is_plural_noun(noun.group(1)):
        word = noun.group(1)
        return _IRREGULAR_PLURALS.get(word) or singular(word.lower()), "1", True, noun.end()
    return "", "1", False, end


def _is_plural_noun(word: str) -> bool:
    """Whether a lower-case word after a number looks like the plural noun it counts."""
    if word in _IRREGULAR_PLURALS:
        return True
    if len(word) < 3 or word in STOPWORDS or word in _NOT_COUNTED:
        return False
    return word.endswith("s") and not word.endswith(("ss", "us", "is"))


def _is_bare_word(text: str, match: re.Match[str], unit: str) -> bool:
    """A number word, a fraction or "a" means a quantity only with a unit or a scale ("one of"),
    and not after "the" ("the two countries" names them, it does not count them)."""
    if match.group("digits"):
        return False
    before = text[max(0, match.start() - 7) : match.start()].lower()
    return (not unit and not match.group("scale")) or before.endswith(_DEFINITE)


def _looks_like_year(groups: dict[str, str | None], unit: str, counted: bool) -> bool:
    """A whole number from 1800 to 2100 without a comma, a currency or a measure is a year, not an
    amount, even before a plural noun ("between 2020 and 2025 prices"): write 2,000 jobs."""
    written = groups["digits"] or ""
    if (unit and not counted) or groups["cur"] or (groups["bound"] and not counted):
        return False
    if not re.fullmatch(r"\d{4}", written):
        return False
    return 1800 <= int(written) <= 2100 and not (groups["scale"] or groups["abbr"] or groups["letter"])


def _bound(text: str, groups: dict[str, str | None], end: int) -> tuple[str, int]:
    """The bound the words give: a bound word before, "+" / "-plus" after, or "or more" after."""
    if groups["bound"]:
        return _BOUNDS[_fold(groups["bound"])], end
    if groups["plus"]:
        return "over", end
    after = _OR_BOUND.match(text, end)
    if after:
        return _OR_BOUNDS[after.group(1).lower()], after.end()
    return "exact", end


_SUFFIX = {"exact": "", "over": " (more than)", "under": " (at most)", "about": " (about)"}


def _build(points: list[tuple[Decimal, Decimal]], bound: str, unit: str, factor: Decimal) -> tuple[Quantity, str]:
    """The Quantity and value text of one or two (value, tolerance) points in the written unit."""
    (first, first_tol), (last, last_tol) = points[0], points[-1]
    exclusive = False
    if bound == "over":
        low, high = first, None
    elif bound == "just over":
        low, high, bound = first, first * Decimal("1.05"), "over"
    elif bound == "under":
        low, high = None, last
    elif bound == "near":
        low, high, bound = last * Decimal("0.95"), last, "under"
    elif bound == "about":
        low = first - max(first_tol, abs(first) / 20)
        high = last + max(last_tol, abs(last) / 20)
    else:
        low, high, exclusive = first - first_tol, last + last_tol, True
    shown = " to ".join(_format(point * factor, factor != 1) for point, _ in points)
    value = f"{unit} {shown}".strip() + _SUFFIX[bound]
    return Quantity(_float(low, factor), _float(high, factor, exclusive), unit, bound), value  # type: ignore[arg-type]


def _float(number: Decimal | None, factor: Decimal, exclusive: bool = False) -> float | None:
    """The end of a range in the canonical unit; an exclusive upper end is the float just below."""
    if number is None:
        return None
    value = float(number * factor)
    return math.nextafter(value, -math.inf) if exclusive else value


def _format(number: Decimal, converted: bool) -> str:
    """1.13e12 for a large value, 25 or 16.1 otherwise; 3 significant digits after a conversion."""
    if converted and number:
        number = round(number, 2 - number.adjusted())
    number = number.normalize()
    if abs(number) >= 10**6:
        mantissa, exponent = f"{number:e}".split("e")
        return f"{mantissa}e{int(exponent)}"
    return f"{number:f}"


def _quantity_type(unit: str) -> FactType:
    if unit in _CURRENCIES:
        return "money"
    return "percent" if unit in ("percent", "percentage point") else "number"


# Numbers that are part of something else, not amounts: phone numbers, times, versions, ids.
_NUMERIC_JUNK = re.compile(
    r"(?:\+\d{1,3}[ .-]?)?(?:\(\d{1,4}\)[ .-]?)?\d{2,4}[.-]\d{3,4}(?:[.-]\d{3,4})+"  # 03-1234-5678
    r"|\+\d{1,3}(?:[ .-]\d{1,4}){2,}|\(\d{2,4}\)[ ]?\d{3,4}[ .-]\d{3,4}"  # +1 202 555 0143, (555) 123-4567
    r"|\d{1,2}:\d{2}|\d+\.\d+\.\d+|\d{7,}"  # 10:30, 3.11.2, 1830986929677507
)
_LIST_NUMBER = re.compile(r"\d{1,3}[.)](?=[ \t])")
_SPACE = re.compile(r"\s")
# Words before a number that make it a label: Section 3, No. 10, Article 9, page 12, #5.
_LABEL = re.compile(
    r"(?:\b(?:section|sections|article|chapter|no|nos|number|page|pages|p|pp|room|route|flight|phase|stage|"
    r"level|part|item|rule|figure|fig|table|vol|volume|issue|episode|season|grade|gate|platform|highway|"
    r"interstate|suite|apartment|apt|lot|clause|paragraph|para|amendment|version|model|type|class|category|"
    r"step|terminal|pier|floor|exit|sec|ch|art)\.?[ \u00a0]*|#)$",
    re.IGNORECASE,
)
_CAPITALISED_BEFORE = re.compile(r"\b([A-Z][\w&]*)[ \u00a0]$")
_MONTH_AFTER = re.compile(r"[ \u00a0]+(?:of[ \u00a0]+)?(?:January|February|March|April|May|June|July|August"
                          r"|September|October|November|December)\b")


def _read_quantity(body: str, match: re.Match[str]) -> _Candidate | None:
    """The money, number or percent candidate a match of _QUANTITY makes, unless it is junk or a label."""
    parsed = _parse(body, match)
    if parsed is None or _is_junk(body, match.start(), match.end()):
        return None
    if _is_label(body, match, bare=not parsed.quantity.unit):
        return None
    counted = parsed.quantity.unit if parsed.counted else ""
    kind = _quantity_type(parsed.quantity.unit)
    return _Candidate(match.start(), parsed.end, kind, parsed.value, parsed.quantity, 1, counted=counted)


def _is_junk(body: str, start: int, end: int) -> bool:
    """Whether the number at body[start:end] is part of a link, a phone number, a time, a version,
    an id, or numbers a list item ("1. " opening a line)."""
    space = _SPACE.search(body, end)
    chunk = body[body.rfind(" ", max(0, start - 200), start) + 1 : space.start() if space else len(body)]
    if "://" in chunk or "www." in chunk or "@" in chunk:
        return True
    for junk in _NUMERIC_JUNK.finditer(body, max(0, start - 20), end + 20):
        if junk.start() < end and start < junk.end():
            return True
    line_start = _line_start(body, start, 8)  # a list number opens its line, after some indent at most
    at_line_start = not body[line_start:start].strip() and (line_start == 0 or body[line_start - 1] == "\n")
    return at_line_start and _LIST_NUMBER.match(body, start) is not None


def _is_label(body: str, match: re.Match[str], bare: bool) -> bool:
    """Section 3, No. 10 ("Article 9 applies" too), and for a bare number Windows 11: right after
    a label word or a capitalised name (dates were found first: "May 2025" is not at stake)."""
    if match.group("bound") or match.group("scale") or match.group("cur") or match.group("unit"):
        return False
    before = body[max(0, match.start() - 16) : match.start()]
    if _LABEL.search(before):
        return True
    if not bare:
        return False  # "Another 500 people"
    # Right after a capitalised word, or before a month, a bare number is a name's or a date's
    # (Windows 11, or what is left of an impossible date: February 30, 29 February 2023).
    name = _CAPITALISED_BEFORE.search(before)
    named = name is not None and name.group(1).lower() not in STOPWORDS  # not "Only 5 remain"
    return match.group("digits") is not None and (named or _MONTH_AFTER.match(body, match.end()) is not None)


# ---------------------------------------------------------------------------------------------
# Dates
# ---------------------------------------------------------------------------------------------

_MONTH_NUMBERS = {name.lower(): n for n, name in enumerate(calendar.month_name) if name}
_MONTH_NUMBERS |= {name.lower(): n for n, name in enumerate(calendar.month_abbr) if name} | {"sept": 9}
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December" \
         r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
_FULL_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d|2100)"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_PERIOD = r"(?:week|month|year|weekend|quarter|night)"
_COUNT = rf"(?:\d+|an?|{_WORD_NUMBER})"
_DATE = re.compile(
    rf"""
    (?<![\w-])(?:
      (?P<iy>{_YEAR})-(?P<im>[01]\d)-(?P<id>[0-3]\d)
    | (?P<m1>{_MONTH}){_SP}(?P<d1>{_DAY})(?:[-–](?P<d1b>{_DAY}))?(?:,?{_SP}(?P<y1>{_YEAR}))?
    | (?P<d2>{_DAY})(?:{_SP}of)?{_SP}(?P<m2>{_MONTH})(?:,?{_SP}(?P<y2>{_YEAR}))?
    | (?P<m3>{_FULL_MONTH})[-–/](?P<m4>{_FULL_MONTH})(?:,?{_SP}(?P<y3>{_YEAR}))?
    | (?P<part>(?i:mid|early|late|end{_SP}of))(?:-|{_SP})(?:(?P<m5>{_FULL_MONTH})(?:{_SP}(?P<y5>{_YEAR}))?|(?P<y6>{_YEAR}))
    | (?P<m6>{_FULL_MONTH}),?{_SP}(?P<y4>{_YEAR})
    | (?P<rel>(?i:yesterday|today|tonight|tomorrow
        |(?:(?:earlier|later){_SP})?(?:last|next|this|past|coming){_SP}{_PERIOD}
        |{_COUNT}{_SP}(?:days?|weeks?|months?|years?){_SP}(?:ago|earlier|later)))
    | (?P<wd>(?:(?i:last|next|this){_SP})?{_WEEKDAY})
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


def _read_date(body: str, match: re.Match[str]) -> _Candidate | None:
    """The date candidate of a match of _DATE: full and partial dates, ranges, weekdays, relative
    dates; a month or a year alone only where it reads as a date."""
    value = _date_value(match.groupdict())
    if value and (not (match.group("mon") or match.group("yr")) or _dated(body, match)):
        return _Candidate(match.start(), match.end(), "date", value, None, 0)
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
        if groups[month]:
            return _ymd(groups[year], str(_month(groups[month])), groups[day])
    if groups["m3"]:
        return f"{_ym(groups['y3'], groups['m3'])}/{_ym(groups['y3'], groups['m4'])}"
    if groups["part"]:
        part = _fold(groups["part"]).replace("end of", "end")
        return f"{_ym(groups['y5'], groups['m5']) if groups['m5'] else groups['y6']} ({part})"
    if groups["m6"] or groups["mon"]:
        return _ym(groups["y4"], groups["m6"] or groups["mon"])
    if groups["rel"]:
        return _fold(groups["rel"])
    if groups["wd"]:  # "Friday", "last Friday"
        *qualifier, weekday = groups["wd"].split()
        return " ".join([word.lower() for word in qualifier] + [weekday])
    return groups["yr"]


def _month(name: str) -> int:
    return _MONTH_NUMBERS[name.rstrip(".").lower()]


def _ym(year: str | None, month: str | None) -> str:
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


# ---------------------------------------------------------------------------------------------
# Organisations and places
# ---------------------------------------------------------------------------------------------

_PLACES: dict[str, str] = {}
for _line in """
United States: United States|United States of America|US|U.S.|USA|U.S.A.|America
United Kingdom: United Kingdom|UK|U.K.|Britain|Great Britain
Washington: Washington|Washington, D.C.|Washington D.C.|D.C.
South Korea: South Korea|Republic of Korea
North Korea: North Korea|DPRK
China: China|People's Republic of China
Hong Kong: Hong Kong
Taiwan: Taiwan
New York: New York|New York City
Kyiv: Kyiv|Kiev
""".strip().splitlines():
    _canonical, _aliases = _line.split(": ")
    for _alias in _aliases.split("|"):
        _PLACES[_alias] = _canonical
for _place in """Japan Tokyo Osaka Kyoto Yokohama Milan Rome Paris Berlin London Madrid Lisbon Brussels
Amsterdam Geneva Zurich Davos Vienna Stockholm Oslo Copenhagen Helsinki Warsaw Prague Budapest Athens
Istanbul Ankara Moscow Minsk Tehran Baghdad Riyadh Dubai Doha Cairo Jerusalem Gaza Damascus Beirut
Nairobi Lagos Johannesburg Beijing Shanghai Shenzhen Guangzhou Taipei Seoul Pyongyang Singapore Bangkok
Jakarta Manila Hanoi Delhi Mumbai Karachi Islamabad Dhaka Sydney Melbourne Canberra Auckland Ottawa Toronto
Vancouver Chicago Boston Houston Miami Frankfurt Munich Barcelona Brasília Bogotá Lima Santiago
Afghanistan Albania Algeria Angola Argentina Armenia Australia Austria Azerbaijan Bahrain Bangladesh
Belarus Belgium Bhutan Bolivia Bosnia Botswana Brazil Brunei Bulgaria Cambodia Cameroon Canada Chad Chile
Colombia Congo Croatia Cuba Cyprus Czechia Denmark Ecuador Egypt Estonia Ethiopia Fiji Finland France
Georgia Germany Ghana Greece Guatemala Haiti Honduras Hungary Iceland India Indonesia Iran Iraq Ireland
Israel Italy Jamaica Jordan Kazakhstan Kenya Kuwait Laos Latvia Lebanon Libya Lithuania Luxembourg
Madagascar Malaysia Mali Malta Mexico Moldova Mongolia Montenegro Morocco Mozambique Myanmar Namibia Nepal
Netherlands Nicaragua Niger Nigeria Norway Oman Pakistan Palestine Panama Paraguay Peru Philippines Poland
Portugal Qatar Romania Russia Rwanda Senegal Serbia Slovakia Slovenia Somalia Spain Sudan Sweden
Switzerland Syria Tajikistan Tanzania Thailand Tunisia Turkey Türkiye Uganda Ukraine Uruguay Uzbekistan
Venezuela Vietnam Yemen Zambia Zimbabwe Asia Europe Africa Oceania Antarctica Arctic""".split():
    _PLACES[_place] = _place
for _place in ("Middle East", "Latin America", "South America", "North America", "Central America",
               "Southeast Asia", "East Asia", "South Asia", "Asia-Pacific", "Saudi Arabia", "South Africa",
               "New Zealand", "Sri Lanka", "Czech Republic", "Abu Dhabi", "Tel Aviv", "Kuala Lumpur",
               "New Delhi", "Los Angeles", "San Francisco", "Mexico City", "Cape Town", "Rio de Janeiro",
               "São Paulo", "Buenos Aires", "United Arab Emirates"):
    _PLACES[_place] = _place

_ORGANISATIONS: dict[str, str] = {}
for _line in """
Reuters: Reuters|Thomson Reuters
AFP: AFP|Agence France-Presse
Associated Press: AP|Associated Press
Bloomberg: Bloomberg
Kyodo News: Kyodo|Kyodo News
NHK: NHK
Nikkei: Nikkei
Xinhua: Xinhua
CNN: CNN
BBC: BBC
TV Tokyo: TV Tokyo
Lianhe Zaobao: Lianhe Zaobao|Zaobao
Channel NewsAsia: Channel NewsAsia|Channel News Asia|CHANNELNEWSASIA|CNA
South China Morning Post: South China Morning Post|SCMP
India Times: India Times|Indiatimes
Times of India: Times of India|The Times of India|TOI
TRT Global: TRT|TRT Global|TRT World
Nomura: Nomura|Nomura Holdings|Nomura Securities
Westpac: Westpac
Monex Group: Monex Group|Monex
SoftBank: SoftBank|SoftBank Group
CLSA: CLSA
Goldman Sachs: Goldman Sachs
JPMorgan: JPMorgan|J.P. Morgan|JPMorgan Chase
Morgan Stanley: Morgan Stanley
Citigroup: Citigroup|Citi
HSBC: HSBC
Barclays: Barclays
UBS: UBS
BlackRock: BlackRock
Toyota: Toyota|Toyota Motor
Honda: Honda
Nissan: Nissan
Sony: Sony
Bank of Japan: Bank of Japan|BOJ|BoJ
Federal Reserve: Federal Reserve|US Federal Reserve|U.S. Federal Reserve|Fed
European Central Bank: European Central Bank|ECB
Bank of England: Bank of England|BoE
People's Bank of China: People's Bank of China|PBOC|PBoC
International Monetary Fund: International Monetary Fund|IMF
World Bank: World Bank
World Trade Organization: World Trade Organization|WTO
OECD: OECD
United Nations: United Nations|UN|U.N.
European Union: European Union|EU
NATO: NATO
OPEC: OPEC
ASEAN: ASEAN
G7: G7|G-7|Group of Seven
G20: G20|G-20|Group of 20
White House: White House
US Congress: Congress|US Congress|U.S. Congress
Pentagon: Pentagon
Kremlin: Kremlin
US Treasury: Treasury|US Treasury|U.S. Treasury|United States Treasury|Treasury Department|US Treasury Department|U.S. Treasury Department|Department of the Treasury
HM Treasury: HM Treasury
Ministry of Finance: Ministry of Finance|Finance Ministry
US Trade Representative: USTR|US Trade Representative|U.S. Trade Representative
Commerce Department: Commerce Department|Department of Commerce
""".strip().splitlines():
    _canonical, _aliases = _line.split(": ")
    for _alias in _aliases.split("|"):
        _ORGANISATIONS[_alias] = _canonical

# Aliases by their first capitalised word ("U" for "U.S.", "Bank" for "Bank of Japan"), longest first:
# the body's capitalised words are looked up here instead of trying every alias everywhere.
_CAP_WORD = re.compile(r"[A-Z][A-Za-z0-9&]*")
_ALIASES: dict[str, list[tuple[str, FactType, str]]] = {}
for _alias in sorted(_ORGANISATIONS.keys() | _PLACES.keys(), key=len, reverse=True):
    _entry: tuple[str, FactType, str] = (
        (_alias, "organisation", _ORGANISATIONS[_alias]) if _alias in _ORGANISATIONS else (_alias, "place", _PLACES[_alias])
    )
    _ALIASES.setdefault(_CAP_WORD.match(_alias).group(), []).append(_entry)  # type: ignore[union-attr]
_PLACE_PREFIX = re.compile(r"(?:US|U\.S\.|United States)(?=[ \u00a0])")
_TREASURY_THINGS = set("""bond bonds holdings holding market markets securities yield yields bills bill notes
debt issue stockpile sale sales purchases auction auctions prices futures curve investors secretary
Secretary official officials stake""".split())
# The last word of a capitalised run that makes it an organisation: "Monex Group", "Japan Post".
_ORG_SUFFIXES = set("""Group Bank Ministry Inc Inc. Corp Corp. Corporation Ltd Ltd. Co Co. Holdings Securities
Capital Partners Fund Agency Commission Council Institute University Association Party Post Times News
Press Journal Exchange Reserve Department Authority Organization Organisation Foundation Federation
Committee Board Bureau Airlines Motors Industries Insurance Investments Research Analytics""".split())
_NEXT_WORD = re.compile(r"[ \u00a0]+([\w-]+)")
_RUN_WORD = re.compile(r"[^ \u00a0]+")
# Capitalised words (U.S. keeps its dots, a full stop ends the run: "Hanoi. The Bank" is two).
_ORG_WORD = r"(?:(?:[A-Z]\.){2,}|[A-Z][\w&’'-]*)"
_ORG_RUN = re.compile(rf"{_ORG_WORD}(?:[ \u00a0](?:&[ \u00a0])?{_ORG_WORD}){{1,5}}(?:\.(?=[ \u00a0]*[a-z,]))?")
_LEADING = re.compile(r"^(?:(?:The|A|An|In|On|At|For|By|From|With|And|But|As|While|When|If|After)[ \u00a0]|\S+['’]s[ \u00a0])+")


def _names_of_things(body: str) -> Iterator[_Candidate]:
    """Organisation and place candidates: the gazetteer's aliases, then runs like "Monex Group"."""
    for word in _CAP_WORD.finditer(body):
        start = word.start()
        if start and (body[start - 1].isalnum() or body[start - 1] in "&’'_"):
            continue  # inside a word: iPhone, O'Neill
        alias, kind, value = _alias_at(body, start, _ALIASES.get(word.group(), ()))
        if not alias:
            continue
        if "Treasury" in alias and not _is_the_treasury(body, start, start + len(alias)):
            place = _PLACE_PREFIX.match(alias)  # "US Treasury holdings": bonds, but US is a place
            if place:
                yield _Candidate(start, start + place.end(), "place", "United States", None, 3)
            continue
        yield _Candidate(start, start + len(alias), kind, value, None, 2 if kind == "organisation" else 3)
    for match in _ORG_RUN.finditer(body):
        text = match.group()
        if text.split()[-1] in _ORG_SUFFIXES:
            lead = _LEADING.match(text)
            start = match.start() + (lead.end() if lead else 0)
            name = body[start : match.end()]
            if len(name.split()) >= 2:
                yield _Candidate(start, match.end(), "organisation", " ".join(name.split()), None, 4)


def _alias_at(body: str, start: int, aliases: Iterable[tuple[str, FactType, str]]) -> tuple[str, FactType, str]:
    """The longest alias written at body[start:] as whole words, or ("", ...) if none is."""
    for alias, kind, value in aliases:
        end = start + len(alias)
        if body.startswith(alias, start) and not (end < len(body) and (body[end].isalnum() or body[end] in "&_")):
            return alias, kind, value
    return "", "place", ""


def _is_the_treasury(body: str, start: int, end: int) -> bool:
    """Whether "Treasury" names the department: not "Treasury bonds" / "Treasury Secretary", and a
    bare "Treasury" only after "the"."""
    following = _NEXT_WORD.match(body, end)
    if following and following.group(1) in _TREASURY_THINGS:
        return False
    return body[start:end] != "Treasury" or body[max(0, start - 4) : start].lower() == "the "


# ---------------------------------------------------------------------------------------------
# People
# ---------------------------------------------------------------------------------------------

_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[^\W_]+(?:['’][^\W_]+)*|[^\w\s]")
_APPOSITION = re.compile(r",[ \u00a0]+((?:the[ \u00a0]|an?[ \u00a0])?[a-z][^,;:\"“”()\n]{2,60}?)(?=,|\.(?:\s|$)|;)")
_NOT_TITLE_ENDINGS = ("ed", "ing", "ly", "es")
_AFFILIATION = re.compile(r"[ \u00a0]+(?:of|at|from)[ \u00a0]+([A-Z][\w&]*(?:[ \u00a0][A-Z][\w&]*){0,3})")


# Words that make a capitalised pair a street, a building or a document rather than a person, and
# words that open a sentence or a page label rather than a name ("See Section", "Read More").
_NOT_NAME_WORDS = set("""street road avenue square lane boulevard section article chapter page act bill plan
report program programme project service center centre hall building tower bridge park station airport port
river lake mountain island hotel hospital school college church temple palace museum stadium prize award cup
league festival summit conference forum initiative strategy policy index fund road""".split())
_NOT_FIRST_NAMES = set("""see read watch click follow share sign subscribe download explore listen contact visit
breaking updated published photo video live opinion analysis editorial exclusive related more latest top
dear welcome""".split())


def _plausible_person(name: str) -> bool:
    words = name.lower().split()
    return words[0] not in _NOT_FIRST_NAMES and not _NOT_NAME_WORDS.intersection(words)


def _people(body: str) -> Iterator[_Candidate]:
    """Person candidates: every mention of a person's name, a lone surname expanded to the full
    name the article gives; the title (stems) rides in the subject, the same for every mention."""
    names = Names(body)
    titles: dict[str, str] = {}
    found: list[tuple[int, int, str, str]] = []
    for run in names.runs:
        if len(run.words) == 1 and _strip_possessive(run.words[0]) not in names.full:
            continue  # a lone capitalised word is a person only as the surname of a full name given
        mention = _mention(body, run.start, run.end)
        if mention is None:
            continue
        start, end, words, titled = mention
        person = names.person(words, titled)
        if person and _plausible_person(person):
            title = _title(body, start, end)
            if title:
                titles.setdefault(person, title)
            found.append((start, end, person, title))
    for start, end, person, title in found:
        yield _Candidate(start, end, "person", person, None, 5, title or titles.get(person, ""))


def _strip_possessive(word: str) -> str:
    return word[:-2] if word.endswith(("’s", "'s")) else word


def _mention(body: str, start: int, end: int) -> tuple[int, int, tuple[str, ...], bool] | None:
    """The name at the end of a capitalised run (titles and possessives cut), with its offsets."""
    spans = [(m.start(), m.end()) for m in _RUN_WORD.finditer(body, start, end)]
    words = [body[s:e] for s, e in spans]
    if words[-1].endswith(("’s", "'s")):  # "Donald Trump’s decision": the name without the 's
        words[-1] = words[-1][:-2]
        spans[-1] = (spans[-1][0], spans[-1][1] - 2)
    name, titled = name_of(tuple(words))
    if not name or not name[-1]:
        return None
    return spans[-len(name)][0], spans[-1][1], name, titled


def _title(body: str, start: int, end: int) -> str:
    """The title the text gives a name, as stems: "Finance Minister Katsunobu Kato", "Japan's
    top negotiator, Ryosei Akazawa", "Naka Matsuzawa, chief macro strategist at Nomura,"."""
    before = _title_before(body, start)
    after = ""
    appos = _APPOSITION.match(body, end)
    if appos and any(word.lower() in TITLES for word in appos.group(1).split()):
        after = appos.group(1)
    elif affiliation := _AFFILIATION.match(body, end):
        after = affiliation.group(1)
    return " ".join(_stems(f"{before} {after}".split(), drop_places=False))


def _title_before(body: str, start: int) -> str:
    """The title words right before a name, on its line: words ending with a title word, none
    a possessive ("Japan's") or a verb ("followed US President Donald Trump")."""
    tokens = _TOKEN.findall(body, _line_start(body, start, 60), start)
    if tokens and tokens[-1] == ",":
        tokens.pop()  # "Japan's Finance Minister, Katsunobu Kato"
    if not tokens or tokens[-1].lower() not in TITLES:
        return ""
    taken: list[str] = []
    while tokens and len(taken) < 4:
        word = tokens.pop()
        if not word[0].isalnum() or word.lower() in STOPWORDS or word.endswith(("’s", "'s")):
            break
        if word.islower() and word.endswith(_NOT_TITLE_ENDINGS) and word not in TITLES:
            break
        taken.append(word)
    return " ".join(reversed(taken))


# ---------------------------------------------------------------------------------------------
# Subjects: what a quantity or a date measures, from the words next to it in its sentence
# ---------------------------------------------------------------------------------------------

# Words between a noun and its number that say nothing about what is measured.
_LINKS = set("""worth valued totaling totalling totaled totalled amounting amounted estimated of at to by for
is was were are be been being stood stands reached hit rose fell grew dropped declined increased jumped
climbed slipped surged plunged gained rising falling from on in since until""".split()) | set(",—–-(:")
_CONNECTORS = {"of", "in", "on"}
_DETERMINERS = {"the", "a", "an", "its", "their", "his", "her", "our", "all", "some", "these", "those"}
# Adjectives that describe an amount's size, not what it is an amount of.
_VAGUE = set("""substantial vast massive huge large big enormous total overall estimated record current whopping
hefty sizable sizeable combined potential additional further new extra fresh""".split())
# Places, months and weekdays are facts of their own, not what an amount is of ("5% in April").
_PLACE_WORDS = {alias.lower() for alias in _PLACES if " " not in alias} | {"united", "states", "kingdom"}
_PLACE_WORDS |= {name.lower() for name in (*calendar.month_name[1:], *calendar.day_name)}
_MAX_STEMS = 4
# Outlets name one thing in different words: "holdings", "stake", "holds"; "Treasuries", "debt",
# "bonds". A subject with a word of a family also gets the family's head, so that subjects
# compared by shared stems meet ("stake in Treasury bonds" and "holds ... in US debt").
_FAMILIES = {
    "hold": "holding holdings holds held stake stakes stockpile portfolio own owns possess",
    "bond": "bond bonds debt treasury treasuries security securities gilts",
    "sell": "sale sales sell sells selling sold selloff",
    "tariff": "tariff tariffs duty duties levy levies",
    "invest": "invest invests invested investment investments",
    "cost": "cost costs bill bills price prices expense expenses expenditure spending",
    "death": "death deaths dead killed fatalities toll",
}
_FAMILY_OF = {stem(word): stem(head) for head, words in _FAMILIES.items() for word in words.split()}


def _line_start(body: str, offset: int, most: int) -> int:
    """Where the line of offset starts, or `most` characters before offset if that is later (a
    bounded search: a body may be one long line)."""
    lo = max(0, offset - most)
    return body.rfind("\n", lo, offset) + 1 or lo


def _stems(words: Iterable[str], drop_places: bool = True) -> list[str]:
    """The content stems of the words, without places and size adjectives, in order, once each."""
    stems: list[str] = []
    for word in words:
        folded = word.lower().replace("’", "'")
        if re.fullmatch(r"(?:[a-z]\.){2,}", folded):
            folded = folded.replace(".", "")  # U.S. -> us
        if folded.endswith("'s"):
            folded = folded[:-2]
        if drop_places and folded in _PLACE_WORDS:
            continue
        stemmed = stem(folded)
        if folded in STOPWORDS or stemmed in STOPWORDS or folded in _VAGUE or not stemmed.isalpha():
            continue
        if stemmed not in stems:
            stems.append(stemmed)
    return stems


def _subject(body: str, start: int, end: int, counted: str = "") -> str:
    """The stems of what a number measures: the noun phrase after it ("holdings of US Treasuries"),
    else the one before it ("Treasury holdings, worth over"), with any "in/of ..." phrase after.
    Both stop at punctuation, so they stay within the sentence (U.S. is one token)."""
    line_end = body.find("\n", end, end + 80)
    right = _TOKEN.findall(body, end, line_end if line_end >= 0 else end + 80)
    head, tail = _right_phrase(right)
    if counted:
        head = [counted]
    if not head:
        left = _TOKEN.findall(body, _line_start(body, start, 80), start)
        head = _left_phrase(left)
    stems = _stems(head + tail)[:_MAX_STEMS]
    heads = [_FAMILY_OF[word] for word in stems if word in _FAMILY_OF]
    return " ".join(dict.fromkeys(stems + heads))


def _right_phrase(tokens: list[str]) -> tuple[list[str], list[str]]:
    """The words right after a number (its head noun phrase) and an "of/in/on" phrase after them."""
    head = _take_words(tokens, 0, 3)
    i = len(head)
    if i < len(tokens) and tokens[i].lower() in _CONNECTORS:
        i += 1
        while i < len(tokens) and tokens[i].lower() in _DETERMINERS:
            i += 1
        return head, _take_words(tokens, i, 3)
    return head, []


def _take_words(tokens: list[str], i: int, limit: int) -> list[str]:
    """The run of content words from tokens[i], hyphens inside ("tariff-slashing") kept."""
    taken: list[str] = []
    while i < len(tokens) and len(taken) < limit:
        token = tokens[i]
        if token == "-" and taken:
            i += 1
            continue
        if not token[0].isalnum() or token.lower() in STOPWORDS:
            break
        taken.append(token)
        i += 1
    return taken


def _left_phrase(tokens: list[str]) -> list[str]:
    """The noun phrase before a number, past linking words ("holdings—exceeding", "worth")."""
    i = len(tokens) - 1
    skipped = 0
    while i >= 0 and skipped < 4 and (tokens[i].lower() in _LINKS or tokens[i].lower() in _DETERMINERS):
        i -= 1
        skipped += 1
    taken: list[str] = []
    while i >= 0 and len(taken) < 4:
        token = tokens[i]
        if not token[0].isalnum() or token.lower() in STOPWORDS or token.endswith(("’s", "'s")):
            break
        taken.append(token)
        i -= 1
    return list(reversed(taken))


# ---------------------------------------------------------------------------------------------
# Putting it together
# ---------------------------------------------------------------------------------------------


# The words a quantity or a date may start from or hang on; the regexes are tried only near them,
# since trying them at every offset of every article is what would make extraction slow.
_LETTER_WORD = re.compile(r"[A-Za-z]+")
_ANCHOR_WORD = re.compile(r"[A-Za-z]{3,}")
_SYMBOL_RUN = re.compile(r"[\d$£€¥₹~]+")
_NUMBER_WORD, _DATE_WORD = 1, 2
_ANCHOR_KINDS: dict[str, int] = {}
for _word in {*_WORD_VALUES, "half", "quarter", "third", "quarters", *(w for w in _SCALES if len(w) > 3)}:
    for _form in (_word, _word.capitalize(), _word.upper()):
        _ANCHOR_KINDS[_form] = _NUMBER_WORD
for _word in ("yesterday today tonight tomorrow week month year weekend quarter night days weeks months years "
              "quarter").split():
    for _form in (_word, _word.capitalize()):
        _ANCHOR_KINDS[_form] = _ANCHOR_KINDS.get(_form, 0) | _DATE_WORD
for _word in (*calendar.month_name[1:], *calendar.month_abbr[1:], "Sept", *calendar.day_name):
    _ANCHOR_KINDS[_word] = _DATE_WORD
_LOOK_BACK = 36  # characters before an anchor where its expression may start ("slightly more than $")
# The words a quantity or a date can open with, before its anchor.
_QUANTITY_FIRSTS = frozenset(
    {bound.split()[0].rstrip(".") for bound in _BOUNDS if bound[0].isalpha()} | set(_WORD_VALUES)
    | {"between", "a", "an", "half", "one", "three", "rs", "rmb", "us", "u", "nt", "hk", "s", "c", "jp"}
    | {code.lower() for code in _CURRENCY_CODES}
)
_DATE_FIRSTS = frozenset(
    {"mid", "early", "late", "end", "last", "next", "this", "earlier", "later", "past", "coming", "a", "an"}
    | set(_WORD_VALUES) | {name.lower() for name in (*calendar.month_name[1:], *calendar.month_abbr[1:], "Sept")}
    | {name.lower() for name in calendar.day_name} | {"yesterday", "today", "tonight", "tomorrow"}
)


def _anchors(body: str) -> tuple[list[int], list[int], list[int]]:
    """Offsets of digits and currency signs, of number words, and of date words in the body."""
    numbers = [match.start() for match in _SYMBOL_RUN.finditer(body)]
    quantity_words: list[int] = []
    date_words: list[int] = []
    kinds = _ANCHOR_KINDS
    for match in _ANCHOR_WORD.finditer(body):
        kind = kinds.get(match.group(), 0)
        if kind & _NUMBER_WORD:
            quantity_words.append(match.start())
        if kind & _DATE_WORD:
            date_words.append(match.start())
    return numbers, quantity_words, date_words


def _anchored(body: str, anchors: list[int], pattern: re.Pattern[str], firsts: frozenset[str],
              read: Callable[[str, re.Match[str]], _Candidate | None]) -> Iterator[_Candidate]:
    """The candidates of `pattern` that cover an anchor, tried from the few words before it that
    can open one (`firsts`: "more" of "more than", "mid" of "mid-May")."""
    reach = 0
    for anchor in anchors:
        if anchor < reach:
            continue
        for start in _starts_before(body, anchor, firsts):
            match = pattern.match(body, start) if start >= reach else None
            candidate = read(body, match) if match and match.end() > anchor else None
            if candidate is not None:
                reach = candidate.end
                yield candidate
                break


def _starts_before(body: str, anchor: int, firsts: frozenset[str]) -> list[int]:
    """Where an expression holding the anchor may start: one of the last words before it on its
    line (a bound like "more than"), a minus sign right before it, or the anchor itself."""
    lo = _line_start(body, anchor, _LOOK_BACK)
    words = list(_LETTER_WORD.finditer(body, lo, anchor))[-4:]
    starts = [word.start() for word in words if word.group().lower() in firsts]
    if anchor and body[anchor - 1] in "-−":
        starts.append(anchor - 1)
    return [*starts, anchor]


class _Candidate(NamedTuple):
    """A possible fact before overlaps are settled; the lowest priority wins a tie."""

    start: int
    end: int
    type: FactType
    value: str
    quantity: Quantity | None
    priority: int
    subject: str = ""
    counted: str = ""


def extract_facts(article: Article) -> tuple[Fact, ...]:
    """Checkable facts of the article body, in order of offset; none from page furniture (boilerplate.furniture)."""
    body = article.body
    numbers, quantity_words, date_words = _anchors(body)
    candidates = [
        *_anchored(body, sorted(numbers + quantity_words), _QUANTITY, _QUANTITY_FIRSTS, _read_quantity),
        *_anchored(body, sorted(numbers + date_words), _DATE, _DATE_FIRSTS, _read_date),
        *_names_of_things(body),
        *_people(body),
    ]
    facts = []
    for candidate in _settle(candidates, boilerplate.furniture(body)):
        subject = candidate.subject
        if candidate.type in ("money", "number", "percent", "date"):
            subject = _subject(body, candidate.start, candidate.end, candidate.counted)
        span = Span(article.id, candidate.start, candidate.end)
        facts.append(Fact(span, candidate.type, body[span.start : span.end], candidate.value,
                          candidate.quantity, subject))
    return tuple(facts)


def _in_spans(spans: list[tuple[int, int]], starts: list[int], offset: int) -> bool:
    """Whether offset lies in one of the sorted, non-overlapping spans."""
    i = bisect.bisect_right(starts, offset) - 1
    return i >= 0 and offset < spans[i][1]


def _settle(candidates: list[_Candidate], furniture: list[tuple[int, int]]) -> list[_Candidate]:
    """The candidates that do not overlap an earlier, longer or stronger one, outside furniture."""
    starts = [start for start, _ in furniture]
    kept: list[_Candidate] = []
    reach = 0
    for candidate in sorted(candidates, key=lambda c: (c.start, c.start - c.end, c.priority)):
        if candidate.start < reach or _in_spans(furniture, starts, candidate.start):
            continue
        kept.append(candidate)
        reach = candidate.end
    return kept
