"""Values as a person reads them: "$1.07 trillion (at most)", "24 people (at least)", "5 May 2010".

A dispute's versions show these, never the normalised forms the comparisons use ("USD 1.07e12").
"""

from __future__ import annotations

import calendar
import re

from tui.core.facts.vague import VAGUE
from tui.core.model import Fact

_BOUND_WORDS = re.compile(
    r"^(?:(?:well |just |slightly )?(?:over|above|under|below)|more than|less than|fewer than|at least|at most|"
    r"up to|nearly|almost|about|around|roughly|some|approximately|approx\.|an estimated|estimated|close to|"
    r"in excess of|upwards of|no (?:less|more) than|not (?:less|more) than|greater than|as (?:many|much|high) as|"
    r"exceeding|topping|north of|just shy of|~)\s+",
    re.IGNORECASE,
)
_OR_BOUND = re.compile(r"\s+or (?:more|above|higher|greater|less|fewer|lower|below|so)$|-plus\b|\+", re.IGNORECASE)
_LABELS = {"over": " (at least)", "under": " (at most)", "about": " (about)", "exact": ""}
_NUMBER_WORDS = {
    word: str(number)
    for number, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen twenty".split()
    )
}
_ISO = re.compile(r"(\d{4}|-)-(\d\d)(?:-(\d\d))?")


def readable(fact: Fact) -> str:
    """The fact's value in words a person reads."""
    if fact.quantity is not None:
        return _amount(fact)
    if fact.type == "date" and _ISO.fullmatch(fact.value):
        return _date(fact.value)
    return " ".join(fact.text.split())


def _amount(fact: Fact) -> str:
    """The amount as written, without its bound words, then the bound in brackets; number words as digits."""
    text = re.sub(r"(\d),\s(\d{3})\b", r"\1,\2", " ".join(fact.text.split()))  # "$1, 199" -> "$1,199"
    text = _OR_BOUND.sub("", _BOUND_WORDS.sub("", text))
    first, _, rest = text.partition(" ")
    if first.lower() in _NUMBER_WORDS:
        text = f"{_NUMBER_WORDS[first.lower()]} {rest}".strip()
    if VAGUE.match(fact.text):
        return text  # "a few hours" says its own vagueness
    return text + _LABELS.get(fact.quantity.bound, "")  # type: ignore[union-attr]


def _date(value: str) -> str:
    """ "2010-05-05" -> "5 May 2010", "--05-02" -> "2 May", "2025-05" -> "May 2025"."""
    match = _ISO.fullmatch(value)
    assert match is not None
    year, month, day = match.groups()
    parts = [str(int(day))] if day else []
    parts.append(calendar.month_name[int(month)])
    if year != "-":
        parts.append(year)
    return " ".join(parts)
