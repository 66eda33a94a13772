"""Amounts in text: money, counts, measures and percentages, read as the range of values they allow."""

# Value formats (Fact.value of money, number and percent, so that the lead and the CLI can rely on them):
#   "<unit> <value>[ to <value>][ (<bound>)]", the unit first and left out for a bare number:
#   "USD 1.07e12 (at most)", "USD 1e12 (more than)", "percent 25", "km 16.1", "day 90", "job 100000",
#   "89". Values of 1e6 and more are written as 1.13e12; a value converted to the canonical unit
#   (miles -> km, months -> days) keeps 3 significant digits. Bounds: "(more than)", "(at most)", "(about)".
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

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from decimal import Decimal
from typing import NamedTuple

from tui.core.model import FactType, Quantity
from tui.core.text import STOPWORDS, singular

from .candidates import Candidate, line_start

SP = r"[ \u00a0]"

_ONES = """one two three four five six seven eight nine ten eleven twelve thirteen fourteen
fifteen sixteen seventeen eighteen nineteen""".split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
WORD_VALUES = {word: n for n, word in enumerate(_ONES, 1)} | {word: 10 * n for n, word in enumerate(_TENS, 2)}
_FRACTIONS = {"a quarter": "0.25", "one quarter": "0.25", "a half": "0.5", "one half": "0.5", "half a": "0.5",
              "half an": "0.5", "half": "0.5", "a third": "0.333", "three quarters": "0.75"}
_SCALES = {"hundred": 100, "thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12,
           "dozen": 12, "lakh": 10**5, "crore": 10**7, "k": 10**3, "m": 10**6, "mn": 10**6, "mln": 10**6,
           "b": 10**9, "bn": 10**9, "bln": 10**9, "t": 10**12, "tn": 10**12, "trn": 10**12}
_CURRENCY_SIGNS = {"us$": "USD", "u.s.$": "USD", "$": "USD", "s$": "SGD", "hk$": "HKD", "a$": "AUD",
                   "c$": "CAD", "nt$": "TWD", "¥": "JPY", "jp¥": "JPY", "€": "EUR", "£": "GBP", "₹": "INR",
                   "rs": "INR", "rs.": "INR", "rmb": "CNY"}
_CURRENCY_CODES = "USD JPY EUR GBP CNY SGD HKD AUD CAD INR CHF KRW TWD".split()
CURRENCIES = frozenset(_CURRENCY_CODES)

# Unit words after a number: (words, canonical unit, factor to it), "_" standing for a space in
# a word. Distances go to km, durations to days, weights to kg, so that "10 km" and "six miles" compare.
_UNIT_WORDS = (
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
    ("square_metre square_metres square_meter square_meters square-metre square-metres square-meter "
     "square-meters sq_m sqm m2 m²", "m2", "1"),
    ("square_foot square_feet square-foot square-feet sq_ft sq._ft. sq._ft sqft", "m2", "0.09290304"),
    ("square_kilometre square_kilometres square_kilometer square_kilometers sq_km km2 km²", "m2", "1000000"),
    ("square_mile square_miles square-mile square-miles sq_mi", "m2", "2589988.110336"),
    ("acre acres", "m2", "4046.8564224"), ("hectare hectares", "m2", "10000"),
    ("mph miles_per_hour miles_an_hour", "km/h", "1.609344"),
    ("km/h kph kmh kilometres_per_hour kilometers_per_hour kilometres_an_hour", "km/h", "1"),
    ("ghz gigahertz", "GHz", "1"), ("mhz megahertz", "GHz", "0.001"),
    ("tb terabyte terabytes", "GB", "1000"), ("gb gigabyte gigabytes", "GB", "1"), ("mb megabyte megabytes", "GB", "0.001"),
    ("ppi pixels_per_inch", "ppi", "1"),
)


def _units() -> dict[str, tuple[str, str]]:
    """Each unit word, spaces restored, with its canonical unit and the factor to it."""
    return {name.replace("_", " "): (unit, factor) for names, unit, factor in _UNIT_WORDS for name in names.split()}


_UNITS = _units()
MEASURES = frozenset(unit for _, unit, _ in _UNIT_WORDS) | {"time"}
"""The canonical units of measures and currencies: any other unit is the noun a number counts."""

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
    """A regex _alternation of the words, longest first, spaces matching a space or no-break space."""
    return "|".join(re.escape(word).replace(r"\ ", SP) for word in sorted(words, key=len, reverse=True))


# After a currency sign, "1, 099" is 1,099: pages that lost their formatting put a space in the grouping.
_DIGITS = r"(?<=[$£€¥₹])\d{1,3}(?:,[ ]\d{3})+(?![\d,])|\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d|,\d)|\d+(?:\.\d+)?|\.\d+"
WORD_NUMBER = rf"(?:{'|'.join(_TENS)})(?:[- ](?:{'|'.join(_ONES[:9])}))?|{_alternation(_ONES)}"
_CURRENCY = rf"US\$|U\.S\.\$|NT\$|HK\$|S\$|A\$|C\$|JP¥|\$|¥|€|£|₹|Rs\.?{SP}?|(?:{'|'.join(_CURRENCY_CODES)}|RMB){SP}?"
_ADJECTIVES = "consecutive straight successive more additional full whole long further extra new"
QUANTITY = re.compile(
    rf"""
    (?<![\w.,$£€¥₹])(?<!\w[-–/])                 # not inside a word, a number or a date range
    (?:(?P<bound>{_alternation(_BOUNDS)}){SP}*)?
    (?:(?P<between>between){SP}+)?
    (?P<sign>[-−](?=[$£€¥\d]))?
    (?P<cur>{_CURRENCY})?
    (?:(?P<digits>{_DIGITS})|(?P<fraction>{_alternation(_FRACTIONS)})|(?P<word>{WORD_NUMBER})|(?P<article>an?(?={SP}(?:hundred|thousand|million|billion|trillion|dozen)\b)))
    (?![.,]\d)
    (?:{SP}*(?(between)and|(?:-|–|to)){SP}*(?:{_CURRENCY})?(?P<digits2>{_DIGITS}|{WORD_NUMBER})(?![.,]\d))?
    (?:(?:{SP}|-)(?P<scale>(?:hundred{SP})?(?:thousand|million|billion|trillion)|hundred|dozen|lakh|crore)
       |{SP}?(?P<abbr>mn|mln|bn|bln|tn|trn)(?![a-z])
       |(?P<letter>[kmbt])(?![a-z]))?
    (?P<plus>\+|-plus\b)?
    (?:(?:{SP}(?P<adj>{'|'.join(_ADJECTIVES.split())})(?={SP}))?(?:{SP}|-)?(?P<unit>{_alternation(_UNITS)}))?
    (?!\w)
    """,
    re.VERBOSE | re.IGNORECASE,
)
_UNIT_AFTER = re.compile(rf"(?:{SP}|-)({_alternation(_UNITS)})(?!\w)", re.IGNORECASE)
# A plural noun after a bare number is what it counts: "100,000 jobs" -> "job".
_COUNT_NOUN = re.compile(rf"(?:{SP}|-)(?:(?:{'|'.join(_ADJECTIVES.split())}){SP})?([a-z]+)(?![\w'’-])")
_IRREGULAR_PLURALS = {"people": "person", "children": "child", "men": "man", "women": "woman", "staff": "staff",
                      "personnel": "personnel", "police": "police", "cattle": "cattle", "sheep": "sheep"}
_NOT_COUNTED = {"times", "plus", "others", "ones", "tens", "hundreds", "thousands", "millions", "billions",
                "dozens", "news", "series", "means", "less", "unless", "across", "always", "perhaps", "whereas"}
_DEFINITE = ("the ", "both ", "these ", "those ", "all ")
_OR_BOUND = re.compile(rf"{SP}or{SP}({'|'.join(_OR_BOUNDS)})\b", re.IGNORECASE)


class _Parsed(NamedTuple):
    """A quantity read from text: where it ends, its range and its value text."""

    end: int
    quantity: Quantity
    value: str
    counted: bool  # the unit is a counted noun ("job"), not a measure


def parse_quantity(text: str) -> Quantity | None:
    """The Quantity an expression like "nearly $1.07 trillion" means; None if it is not one."""
    text = text.strip()
    match = QUANTITY.match(text)
    parsed = _parse(text, match) if match and not _is_junk(text, 0, len(text)) else None
    return parsed.quantity if parsed and parsed.end == len(text) else None


def _parse(text: str, match: re.Match[str]) -> _Parsed | None:
    """The quantity a match of QUANTITY stands for, or None when it is not one (a year, "a")."""
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
    fraction = groups.get("fraction")
    if fraction:
        value = Decimal(_FRACTIONS[fold(fraction)])
        return value, value / 20
    if groups.get("article"):
        return Decimal(1), Decimal("0.05")
    written = (groups.get("digits") or "").replace(",", "").replace(" ", "") or str(_word_value(groups.get("word") or ""))
    if "." in written:
        decimals = len(written.split(".")[1])
        return Decimal(written), Decimal(5) / Decimal(10) ** (decimals + 1)
    if not written.strip("0"):
        return Decimal(0), Decimal("0.5")  # "0 people": none, and a range that holds it
    zeros = len(written) - len(written.rstrip("0"))
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
    return sum(WORD_VALUES.get(part, 0) for part in parts)


def fold(text: str) -> str:
    """Lower case, each run of spaces one space: how bound, scale and unit words are looked up."""
    return re.sub(r"[ \u00a0]+", " ", text.lower())


def _scale(groups: dict[str, str | None]) -> Decimal | None:
    """The multiplier of a scale word or abbreviation; None for a bare k/m/b/t without a currency
    (10m may be metres) and for a word number with a letter ("sixm")."""
    word = groups["scale"] or groups["abbr"] or groups["letter"]
    if not word:
        return Decimal(1)
    word = fold(word).strip()
    if groups["letter"] and (not groups["digits"] or (word != "k" and not groups["cur"])):
        return None
    return math.prod((Decimal(_SCALES[part]) for part in word.split()), start=Decimal(1))


def _unit(text: str, groups: dict[str, str | None], end: int, scale: Decimal) -> tuple[str, str, bool, int]:
    """(canonical unit, factor to it, whether it counts a noun, where the quantity ends)."""
    if groups["cur"]:
        return _CURRENCY_SIGNS.get(fold(groups["cur"]).strip(), fold(groups["cur"]).strip().upper()), "1", False, end
    if groups["unit"]:
        unit, factor = _UNITS[fold(groups["unit"])]
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


def unit_after(text: str, end: int, scale: Decimal) -> tuple[str, str, int]:
    """The unit or counted noun right after a number that ends at `end` ("hours", "people"), its
    factor to the canonical unit and where it ends; ("", "1", end) when none follows."""
    match = _UNIT_AFTER.match(text, end)
    if match:
        unit, factor = _UNITS[fold(match.group(1))]
        if unit == "pound":
            return ("GBP", "1", match.end()) if scale > 1 else ("kg", "0.45359237", match.end())
        return unit, factor, match.end()
    noun = _COUNT_NOUN.match(text, end)
    if noun and _is_plural_noun(noun.group(1)):
        word = noun.group(1)
        return _IRREGULAR_PLURALS.get(word) or singular(word.lower()), "1", noun.end()
    return "", "1", end


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
        return _BOUNDS[fold(groups["bound"])], end
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
    """Money for a currency, percent for percentages and points, else a number."""
    if unit in CURRENCIES:
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


def read_quantity(body: str, match: re.Match[str]) -> Candidate | None:
    """The money, number or percent candidate a match of QUANTITY makes, unless it is junk or a label."""
    parsed = _parse(body, match)
    if parsed is None or _is_junk(body, match.start(), match.end()):
        return None
    if _is_label(body, match, bare=not parsed.quantity.unit):
        return None
    counted = parsed.quantity.unit if parsed.counted else ""
    kind = _quantity_type(parsed.quantity.unit)
    return Candidate(match.start(), parsed.end, kind, parsed.value, parsed.quantity, 1, counted=counted)


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
    line = line_start(body, start, 8)  # a list number opens its line, after some indent at most
    at_line_start = not body[line:start].strip() and (line == 0 or body[line - 1] == "\n")
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


# The words a quantity may hang on, and those it may open with before them ("more" of "more than"):
# the pattern is tried only near these, since trying it at every offset would make extraction slow.
ANCHOR_WORDS = frozenset(
    {*WORD_VALUES, "half", "quarter", "third", "quarters", *(word for word in _SCALES if len(word) > 3)}
)
FIRST_WORDS = frozenset(
    {bound.split()[0].rstrip(".") for bound in _BOUNDS if bound[0].isalpha()} | set(WORD_VALUES)
    | {"between", "a", "an", "half", "one", "three", "rs", "rmb", "us", "u", "nt", "hk", "s", "c", "jp"}
    | {code.lower() for code in _CURRENCY_CODES}
)
