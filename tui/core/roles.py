"""What a number counts or measures: its role, read from the clause around it.

Only numbers with the same role are compared across sources. A role is the unit (a currency, a
measure, or the noun counted: "person", "bomb"), the act the clause reports of it ("kill",
"injure", "price": families in data/acts.txt), and the number-words that narrow it ("13-inch").
"12 people were injured" and "18 people had been injured" share a role; "Three people were
killed" does not share it, nor does "12 arrested". Names near the number (capitalised words,
places) tell apart the same act of two different things: both must name the same, or none
("Acme Office will cost $19.99" is not the price of "the 11-inch laptop").
"""

from __future__ import annotations

import bisect
import calendar
import re
from functools import lru_cache
from typing import NamedTuple

from tui.core.text import STOPWORDS, stem
from tui.core.wordlists import entries, words

ACT_BEFORE = 8
"""How many words before a number its act may stand ("killed at least three people")."""
ACT_AFTER = 8
"""How many words after a number its act may stand ("Three people, one of them a pregnant woman, were killed")."""
WINDOW = 24
"""How many tokens either side of a figure its role is read from, at most."""
NAME_REACH = 12
"""How many words either side of a number, within its clause, its names are read from."""

_TOKEN = re.compile(r"\d+(?:[.,]\d+)*(?:-[A-Za-z]+)+|\d+(?:\.\d+)?\"|[^\W\d_]+(?:['’.-][^\W\d_]+)*|[;:()\[\]—–,]|[.!?](?=\s|$)")
_CLAUSE_BREAK = frozenset(";:()[].!?")  # not dashes: they set off an apposition ("holdings—exceeding $1 trillion—")
_QUALIFIER = re.compile(r"(\d+(?:\.\d+)?)(?:-([A-Za-z]+)|\")")
CALENDAR_WORDS = frozenset(
    word.lower() for word in (*calendar.month_name[1:], *calendar.day_name, *calendar.month_abbr[1:], *calendar.day_abbr)
)


class Role(NamedTuple):
    """What a number is about: two numbers are about one thing when their roles are equal."""

    unit: str
    act: str
    """The head of the act family the clause reports ("kill"), or "" when it names none near the number."""
    qualifiers: frozenset[str]
    """Number-words that narrow what is counted ("13-inch", "24-hour"), folded."""
    names: frozenset[str]
    """Stems of the capitalised words near the number, past the sentence's first word, without the
    story's own (disputes drops the names most articles write): two figures are about one thing
    only when they name the same people, places and things, or none."""


@lru_cache(maxsize=1)
def _acts() -> tuple[dict[str, str], dict[str, str]]:
    """From data/acts.txt: each act word (folded) with the head of its family, and each head with
    the words a reason uses for it ("shoot (shot): ..." gives "shot")."""
    families: dict[str, str] = {}
    labels: dict[str, str] = {}
    for line in entries("acts.txt"):
        if ":" in line:
            head, words = line.split(":", 1)
            name, _, label = head.partition("(")
            labels[name.strip()] = label.rstrip(") ").strip() or name.strip()
            for word in words.split():
                families.setdefault(word, name.strip())
    return families, labels


@lru_cache(maxsize=1)
def crowd_nouns() -> frozenset[str]:
    """The nouns that count the people of a crowd (data/crowds.txt): they count "person"."""
    return words("crowds.txt")


def act_families() -> dict[str, str]:
    """Each act word (folded) and the head of its family."""
    return _acts()[0]


def act_words(act: str) -> str:
    """An act as a reason reads it ("kill" -> "killed", "price" -> "priced")."""
    return _acts()[1].get(act, act)


def role(body: str, sentence: tuple[int, int], start: int, end: int, unit: str, before: int = ACT_BEFORE) -> Role:
    """The role of the number at body[start:end] in the sentence body[sentence[0]:sentence[1]];
    `before` is how far back its act may stand (further for a place, which ends its clause)."""
    tokens = _tokens(body, *sentence)
    first = tokens[0][0] if tokens else start
    starts = _starts(body, *sentence)
    here, after = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
    # A bounded window either side: a sentence of a thousand figures costs no more per figure.
    left = _clause([token for token in reversed(tokens[max(0, here - WINDOW) : here]) if token[1] <= start])
    right = _clause(tokens[after : after + WINDOW])
    return Role(
        "person" if unit in crowd_nouns() else unit,
        _act(left, right, body[start:end], before),
        _qualifier(left, right),
        frozenset(
            stem(text.lower().replace(".", ""))
            for token_start, text in [*left[:NAME_REACH], *right[:NAME_REACH]]  # the clause, nearest first
            if token_start != first and text[:1].isupper() and text.lower().replace(".", "") not in STOPWORDS | CALENDAR_WORDS
        ),
    )


@lru_cache(maxsize=256)
def _starts(body: str, start: int, end: int) -> list[int]:
    return [token[0] for token in _tokens(body, start, end)]


@lru_cache(maxsize=256)
def _tokens(body: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """The tokens of one sentence, worked out once for all the figures in it."""
    return [(match.start(), match.end(), match.group()) for match in _TOKEN.finditer(body, start, end)]


def _clause(tokens: list[tuple[int, int, str]]) -> list[tuple[int, str]]:
    """The tokens up to a clause break, nearest the number first: (offset, text). A comma is kept,
    as a step: it puts the words after it further away ("shot three people, killing one")."""
    words = []
    for token_start, _, text in tokens:
        if text in _CLAUSE_BREAK:
            break
        words.append((token_start, text))
    return words


def _act(left: list[tuple[int, str]], right: list[tuple[int, str]], inside: str, before: int = ACT_BEFORE) -> str:
    """The nearest act word to the number within its clause (commas not counted), before it first
    on a tie ("shot three people, killing one": shot)."""
    families = act_families()
    for word in inside.lower().split():
        if word in families:
            return families[word]
    left = [token for token in left if token[1] != ","]
    right = [token for token in right if token[1] != ","]
    for distance in range(max(ACT_AFTER, before)):
        for side, most in ((left, before), (right, ACT_AFTER)):
            act = families.get(side[distance][1].lower(), "") if distance < min(len(side), most) else ""
            if act:
                return act
    return ""


def _qualifier(left: list[tuple[int, str]], right: list[tuple[int, str]]) -> frozenset[str]:
    """What narrows the figure within its part of the clause (not past a comma): the nearest
    number-word ("13-inch", 13" with an inch mark, "24-hour"), and the tier the words mark
    ("the higher-end model costs": "upper"): the unmarked price of a thing is its base price."""
    left, right = _before_comma(left), _before_comma(right)
    found: set[str] = set()
    for distance in range(max(len(left), len(right))):
        for side in (right, left):
            match = _QUALIFIER.fullmatch(side[distance][1]) if distance < len(side) else None
            if match and not found:
                found.add(f"{match.group(1)}-{(match.group(2) or 'inch').lower()}")
    words = [text.lower() for _, text in [*reversed(left), *right]]  # in reading order
    found.update(tiers(words))
    return frozenset(found)


@lru_cache(maxsize=1)
def _tier_words() -> dict[str, frozenset[tuple[str, ...]]]:
    """Each tier of data/tiers.txt ("upper", "lower") and its words and two-word phrases, as tuples."""
    found: dict[str, set[tuple[str, ...]]] = {}
    tier = ""
    for line in entries("tiers.txt"):
        entry = line.lower()
        if entry.startswith("[") and entry.endswith("]"):
            tier = entry[1:-1]
        elif entry and tier:
            found.setdefault(tier, set()).add(tuple(entry.split()))
    return {name: frozenset(entries) for name, entries in found.items()}


@lru_cache(maxsize=1)
def _tier_firsts() -> frozenset[str]:
    return frozenset(entry[0] for entries in _tier_words().values() for entry in entries)


def tiers(words: list[str]) -> set[str]:
    """The tiers the words mark: "upper" for "top", "high-end", "higher end"; "lower" for "entry-level"."""
    if not _tier_firsts().intersection(words):
        return set()
    grams = {(word,) for word in words} | set(zip(words, words[1:]))
    return {tier for tier, entries in _tier_words().items() if grams & entries}


def _before_comma(tokens: list[tuple[int, str]]) -> list[tuple[int, str]]:
    taken = []
    for token in tokens:
        if token[1] == ",":
            break
        taken.append(token)
    return taken
