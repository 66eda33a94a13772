"""The rules that say two passages report the same thing, each named, with its bar as a constant.

A pair of passages from two articles is taken by the first rule it passes, in this order:

same words       the same words up to case and punctuation (rapidfuzz ratio >= SAME_WORDS)
excerpt          the shorter is a word-for-word part of the longer (partial ratio >= EXCERPT)
reworded         the same content words, weighed by rarity (weighted Dice >= REWORDED)
reported speech  a quote's content inside a sentence that reports it (coverage >= REPORTED)
contained        the same, between two sentences: the shorter's content inside the longer
same speaker     one speaker's words quoted two ways (likeness >= SAME_SPEAKER)

Content words weigh by how rare they are in general English (tui.core.frequency) and in the
story itself: "firebomb" says more than "bank", and a word in every sentence says nothing.
Every rule but the first needs shared content words that are not names, and two passages that
both name people or places but share none of them are never the same statement.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass

from rapidfuzz import fuzz

from tui.core.frequency import rarity

from .candidates import same_speaker
from .units import Unit

SAME_WORDS = 90
"""rapidfuzz ratio (0-100) of the two passages' words at which they are the same words."""
EXCERPT = 88
"""partial_ratio at which the shorter passage is found, near word for word, inside the longer."""
MIN_EXCERPT_WORDS = 5
"""An excerpt has at least this many words: shorter runs ("the prime minister said") are common."""
MAX_EXCERPT_CHARS = 600
"""The longest passage looked for inside another (about a hundred words: a long quote). partial_ratio's
cost grows with both lengths, so two long unpunctuated runs would stall it."""
REWORDED = 40
"""Weighted Dice (0-100) of two passages' content words at which they state the same thing in other words."""
REPORTED = 75
"""Share (0-100) of a quote's weighted content found in a sentence that reports it in other words."""
SAME_SPEAKER = 45
"""Likeness (0-100) of two quotes by one speaker at which they are the same words heard twice."""
PHRASE_FOUND = 66
"""Share (0-100) of a short quote's content words found in the same speaker's longer quote at which
it is a phrase of it: "a raw murderous act" in "...victims of a murderous act" (2 of 3). Counted,
not weighed: the word one outlet adds is rare by being added."""
PART_DISCOUNT = 0.68
"""A phrase of a longer quote scores its share found, discounted (2 of 3 found scores 45): a phrase
is less sure to be the same words than a whole quote."""
MIN_SHARED = 2
"""Content words (not names) two passages must share for any rule but "same words"; a shared name
stands for one of them."""
REWORDED_SHARED = 3
"""Content words (not names) a reworded pair must share: two ("next generation") are a phrase, not a statement."""
NAME_WEIGHT = 0.3
"""Names say who or where, not what was said: two sentences about one person are not the same statement."""


@dataclass(frozen=True)
class Edge:
    """Two units from different articles judged to report the same thing, and by which rule."""

    score: float
    left: int
    right: int
    rule: str
    reason: str


class Weights(dict):
    """Stem -> weight, and each unit's summed weight, worked out once rather than once per pair."""

    def __init__(self, table: dict[str, float]) -> None:
        super().__init__(table)
        self._totals: dict[int, float] = {}

    def total(self, unit: Unit) -> float:
        total = self._totals.get(unit.index)
        if total is None:
            total = self._totals[unit.index] = sum(self[s] for s in unit.stems)
        return total


def weights(units: list[Unit]) -> Weights:
    """Each stem's weight: its rarity in general English plus one, times its inverse frequency
    among the story's passages (whole sentences and quotes, not their clauses again); names less."""
    frequency: dict[str, int] = defaultdict(int)
    capitalised: dict[str, int] = defaultdict(int)
    wholes = [unit for unit in units if not unit.is_clause]
    for unit in wholes:
        for stem in unit.stems:
            frequency[stem] += 1
        for stem in unit.names:
            capitalised[stem] += 1
    total = len(wholes) + 1
    table = {
        stem: (1.0 + rarity(stem)) * (math.log(total / count) + 0.1) * (NAME_WEIGHT if capitalised[stem] * 2 > count else 1.0)
        for stem, count in frequency.items()
    }
    for unit in units:  # a clause's stems are its sentence's, but a sentence may be left out as a repeat
        for stem in unit.stems:
            if stem not in table:
                table[stem] = (1.0 + rarity(stem)) * (math.log(total) + 0.1)
    return Weights(table)


def similarity(a: Unit, b: Unit, weights: Weights, edges: dict[tuple[int, int], Edge]) -> float:
    """How alike two passages are, for grouping: their edge's score, else their weighted Dice on
    the reworded rule's scale (0 for two passages of one article)."""
    if a.article == b.article:
        return 0.0
    edge = edges.get((min(a.index, b.index), max(a.index, b.index)))
    if edge is not None:
        return edge.score
    return 0.9 * dice(a, b, weights)


def dice(a: Unit, b: Unit, weights: Weights) -> float:
    """Weighted Dice (0-100) of the two passages' content words."""
    return overlap(a, b, weights)[0]


def overlap(a: Unit, b: Unit, weights: Weights) -> tuple[float, float]:
    """Weighted Dice of the two passages' content words, and how much of the lighter passage's
    weight they share (coverage), both 0-100."""
    common = sum(weights[s] for s in a.stems & b.stems)
    first, second = weights.total(a), weights.total(b)
    return 200 * common / (first + second), 100 * common / min(first, second)


def score_pair(a: Unit, b: Unit, weights: Weights) -> Edge | None:
    """The edge of the first rule the pair passes, or None."""
    shared_stems = a.stems & b.stems
    shared = shared_stems - a.names - b.names
    if not _enough_shared(shared_stems, shared, MIN_SHARED):
        ratio = fuzz.ratio(a.norm, b.norm, score_cutoff=SAME_WORDS)
        return Edge(ratio, a.index, b.index, "same words", _same_words_reason(a, b)) if ratio else None
    ratio = fuzz.ratio(a.norm, b.norm)
    if ratio >= SAME_WORDS:
        return Edge(ratio, a.index, b.index, "same words", _same_words_reason(a, b))
    if a.subjects and b.subjects and not (a.subjects & b.stems) and not (b.subjects & a.stems):
        return None  # both tell of people or places, and neither of one the other mentions: not one statement
    short, long = (a, b) if len(a.norm) <= len(b.norm) else (b, a)
    if len(short.norm.split()) >= MIN_EXCERPT_WORDS and len(shared) >= 3:
        excerpt = len(short.norm) <= MAX_EXCERPT_CHARS and len(short.norm) <= 0.8 * len(long.norm)
        contained = excerpt and fuzz.partial_ratio(short.norm, long.norm, score_cutoff=EXCERPT)
        if contained:
            return Edge(contained * 0.95, a.index, b.index, "excerpt", f"excerpt: {len(short.norm.split())} words found in the longer passage")
    dice, coverage = overlap(a, b, weights)
    if dice >= REWORDED and _enough_shared(shared_stems, shared, REWORDED_SHARED):
        return Edge(dice * 0.9, a.index, b.index, "reworded", f"reworded: {len(shared)} content words shared")
    if coverage >= REPORTED and len(shared) >= 4 and len(long.stems) <= 2.5 * len(short.stems):
        if short.is_quote != long.is_quote:
            return Edge(coverage * 0.8, a.index, b.index, "reported speech", f"reported speech: {len(shared)} of the quote's content words")
        return Edge(coverage * 0.8, a.index, b.index, "contained", f"contained: {len(shared)} content words of the shorter in the longer")
    if a.is_quote and b.is_quote and same_speaker(a, b) and len(shared) * 2 >= len(short.stems):
        similar_length = len(long.norm) <= 2 * len(short.norm)
        likeness = max(dice, fuzz.token_sort_ratio(a.norm, b.norm) - 10 if similar_length else 0)
        if likeness >= SAME_SPEAKER:
            return Edge(likeness * 0.85, a.index, b.index, "same speaker", "same speaker, quoted in other words")
        found = 100 * len(shared) / len(short.stems)
        if not similar_length and found >= PHRASE_FOUND:
            # a phrase one outlet quotes ("a raw murderous act") out of the speaker's longer words
            return Edge(found * PART_DISCOUNT, a.index, b.index, "same speaker", "same speaker, a phrase of the longer quote")
    return None


def _same_words_reason(a: Unit, b: Unit) -> str:
    """ "same words", or how many words differ when a few do ("same words but 2 of 31")."""
    first, second = a.norm.split(), b.norm.split()
    if first == second:
        return "same words"
    differ = max(len(first), len(second)) - sum((Counter(first) & Counter(second)).values())
    return f"same words but {max(differ, 1)} of {max(len(first), len(second))}"


def _enough_shared(shared_stems: frozenset[str], shared: frozenset[str], least: int) -> bool:
    """Whether two passages share `least` content words that are not names, or one fewer when
    they also share a name ("Riva and Steinberg were treated at Beaumont Hospital" / "The two
    other victims were treated at Beaumont Hospital"); names alone are never enough."""
    if len(shared_stems) > len(shared):
        least -= 1
    return len(shared) >= max(1, least) and len(shared_stems) >= MIN_SHARED
