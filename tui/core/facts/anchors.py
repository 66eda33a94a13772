"""Where quantities and dates can be: the regexes are tried only from the few offsets near an anchor."""

# Trying the quantity and date patterns at every offset of every article is what would make
# extraction slow; digits, currency signs, number words and date words are where they hang.

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from . import dates, quantities
from .candidates import Candidate, line_start

_LETTER_WORD = re.compile(r"[A-Za-z]+")
_ANCHOR_WORD = re.compile(r"[A-Za-z]{3,}")
_SYMBOL_RUN = re.compile(r"[\d$£€¥₹~]+")
_NUMBER_WORD, _DATE_WORD = 1, 2
_LOOK_BACK = 36  # characters before an anchor where its expression may start ("slightly more than $")

Reader = Callable[[str, re.Match[str]], Candidate | None]


def _anchor_kinds() -> dict[str, int]:
    """Each anchor word as written (lower case, capitalised, and for number words upper case) with
    the bits of what it may anchor: a quantity, a date, or both ("quarter")."""
    kinds: dict[str, int] = {}
    for word in quantities.ANCHOR_WORDS:
        for form in (word, word.capitalize(), word.upper()):
            kinds[form] = _NUMBER_WORD
    for word in dates.ANCHOR_WORDS:
        kinds[word] = kinds.get(word, 0) | _DATE_WORD
    return kinds


_ANCHOR_KINDS = _anchor_kinds()


def quantities_and_dates(body: str) -> list[Candidate]:
    """Quantity and date candidates, each read from the anchors it may hang on."""
    numbers, quantity_words, date_words = _anchors(body)
    return [
        *_anchored(body, sorted(numbers + quantity_words), quantities.QUANTITY, quantities.FIRST_WORDS,
                   quantities.read_quantity),
        *_anchored(body, sorted(numbers + date_words), dates.DATE, dates.FIRST_WORDS, dates.read_date),
    ]


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
              read: Reader) -> Iterator[Candidate]:
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
    lo = line_start(body, anchor, _LOOK_BACK)
    words = list(_LETTER_WORD.finditer(body, lo, anchor))[-4:]
    starts = [word.start() for word in words if word.group().lower() in firsts]
    if anchor and body[anchor - 1] in "-−":
        starts.append(anchor - 1)
    return [*starts, anchor]
