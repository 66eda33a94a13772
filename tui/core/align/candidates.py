"""Candidate pairs: only units that share index keys reach the rules.

An inverted index from content stems (the keys) to units. Two units from different articles
that share MIN_SHARED_KEYS keys are a candidate pair: stems, not runs of adjacent words, since a
statement in other words shares its words in another order ("the families asked for privacy" /
"requested privacy, their families said"). Keys held by more than MAX_KEY_UNITS units are
dropped, so the work grows with the text, not with its square.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from itertools import chain

from .units import Unit

MAX_KEY_UNITS = 30
"""Index keys held by more units than this say nothing. A constant, not a share of the units:
a key held by a fixed share of the units brings pairs that grow with the square of the corpus."""
MIN_SHARED_KEYS = 2
"""Two sentences are candidates when they share this many index keys; one speaker's quotes, and
short passages with few keys, need only one."""


def same_speaker(a: Unit, b: Unit) -> bool:
    """Whether both passages have a speaker and the two share a name."""
    first, second = a.segment.speaker, b.segment.speaker
    if not first or not second:
        return False
    return bool(set(first.lower().split()) & set(second.lower().split()))


def candidate_pairs(units: list[Unit]) -> set[tuple[int, int]]:
    """Pairs of units from different articles that share index keys: two keys, or one when both
    are quotes or either has few keys. Word-for-word copies (syndicated wire copy) are paired
    with each other directly and indexed once, so a quote sixty outlets carry still finds its
    paraphrases instead of filling every key past the cap."""
    copies: dict[str, list[int]] = defaultdict(list)
    for unit in units:
        copies[unit.norm].append(unit.index)
    representatives = [units[members[0]] for members in copies.values()]
    pairs = {pair for members in copies.values() for pair in _across_articles(units, members, members)}
    home = {members[0]: _home(units, members) for members in copies.values()}
    for left, right in _key_pairs(representatives, home):
        pairs.update(_across_articles(units, copies[units[left].norm], copies[units[right].norm]))
    return pairs


def _home(units: list[Unit], copies: list[int]) -> int | None:
    """The one article all these copies are in, or None when they are in several."""
    articles = {units[index].article for index in copies}
    return articles.pop() if len(articles) == 1 else None


def _key_pairs(units: list[Unit], home: dict[int, int | None]) -> Iterable[tuple[int, int]]:
    """Pairs of these units (by index) that share enough index keys, except two of one home
    article (`home`: by unit index; None for copies in several), which make no pair across
    articles. Only the keys of two homes are indexed: a unit of a long article counts units
    behind the few keys it shares with other articles, not behind all of its own."""
    crossing = _crossing_keys(units, home)
    index: dict[str, list[int]] = defaultdict(list)
    for unit in units:
        for key in unit.stems & crossing:
            index[key].append(unit.index)
    by_index = {unit.index: unit for unit in units}
    for unit in units:
        mine = home[unit.index]
        shared = Counter(chain.from_iterable([index[key] for key in unit.stems & crossing]))
        for other, count in shared.items():
            if other > unit.index and (mine is None or home[other] != mine) and _enough(unit, by_index[other], count):
                yield unit.index, other


def _crossing_keys(units: list[Unit], home: dict[int, int | None]) -> set[str]:
    """The keys held by 2 to MAX_KEY_UNITS units, not all of one home: the ones that can pair
    two articles. Counted home by home (Counter, not a list per key: most keys have one unit)."""
    by_home: dict[int | None, list[Unit]] = defaultdict(list)
    for unit in units:
        by_home[home[unit.index]].append(unit)
    held: Counter[str] = Counter()
    homes: Counter[str] = Counter()
    for owner, members in by_home.items():
        here = Counter(chain.from_iterable(unit.stems for unit in members))
        held.update(here)
        homes.update(here.keys() if owner is not None else dict.fromkeys(here, 2))
    return {key for key, count in held.items() if 2 <= count <= MAX_KEY_UNITS and homes[key] >= 2}


def _enough(first: Unit, second: Unit, shared_keys: int) -> bool:
    # One speaker's reworded quote may share a single key; so may a short passage with few keys.
    lenient = len(first.stems) <= 3 or len(second.stems) <= 3 or (
        first.is_quote and second.is_quote and same_speaker(first, second)
    )
    return shared_keys >= MIN_SHARED_KEYS or lenient


def _across_articles(units: list[Unit], lefts: list[int], rights: list[int]) -> Iterable[tuple[int, int]]:
    for left in lefts:
        for right in rights:
            if left < right and units[left].article != units[right].article:
                yield left, right
            elif right < left and units[left].article != units[right].article:
                yield right, left
