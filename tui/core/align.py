"""Alignment: find the passages that several sources share, score them with rapidfuzz, group them.

Three steps, so that only plausible pairs reach the scorer:

1. Units: every sentence and direct quote (and each sentence of a longer quote) that is story
   text, not page furniture, with its folded words and content-word stems.
2. Candidates: an inverted index from unordered pairs of nearby content words ("card|hold")
   to units. Two units from different articles that share a key are a candidate pair. Keys that
   half the corpus uses are dropped, so the work grows with the text, not with its square.
3. Scoring and grouping: rapidfuzz compares the candidates' wording; pairs above the bar become
   edges, strongest first, joined into groups that never take two passages from one article or
   two groups' worth of the same passage.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import chain

from rapidfuzz import fuzz

from tui.core import boilerplate
from tui.core.model import Corpus, MatchGroup, Segment, Wording
from tui.core.segment import with_quote_sentences
from tui.core.text import capitalised_stems, content_words, normalise

MIN_CONTENT_WORDS = 4
"""A sentence with fewer content words than this is too generic to match ("2 min read")."""
MIN_QUOTE_CONTENT_WORDS = 2
"""Quotes are distinctive: two content words ("frank and constructive") can match."""
MIN_CONTAINED_WORDS = 5
"""A passage found inside a longer one must have this many words to count as the same words."""
MAX_EXCERPT_CHARS = 600
"""The longest passage looked for inside another (about a hundred words: a long quote)."""
KEY_WINDOW = 2
"""Index keys pair each content word with the next two, so one inserted word does not hide a match."""
MAX_KEY_UNITS = 30
"""Index keys held by more units than this say nothing. A constant, not a share of the units:
a key held by a fixed share of the units brings pairs that grow with the square of the corpus."""
MIN_SHARED_KEYS = 2
"""Two sentences are candidates when they share this many index keys; one speaker's quotes, and
short passages with few keys, need only one."""


@dataclass(frozen=True)
class Unit:
    """A passage that can be matched: a segment with what the scorer compares."""

    index: int
    article: int
    segment: Segment
    norm: str
    stems: frozenset[str]
    keys: frozenset[str]
    names: frozenset[str]

    @property
    def is_quote(self) -> bool:
        return self.segment.kind == "quote"


@dataclass(frozen=True)
class Edge:
    """Two units from different articles judged to report the same thing."""

    score: float
    left: int
    right: int


def align(corpus: Corpus, segments: dict[str, tuple[Segment, ...]]) -> tuple[MatchGroup, ...]:
    """The groups of passages that several sources share, in reading order."""
    units = build_units(corpus, segments)
    weights = _weights(units)
    edges = [edge for left, right in candidate_pairs(units) if (edge := score_pair(units[left], units[right], weights))]
    clusters = _cluster(units, edges)
    return _groups(units, clusters, edges)


def build_units(corpus: Corpus, segments: dict[str, tuple[Segment, ...]]) -> list[Unit]:
    """The matchable passages of every article, furniture and repeats left out."""
    units: list[Unit] = []
    for article_index, article in enumerate(corpus.articles):
        furniture = boilerplate.furniture(article.body)
        seen: set[str] = set()
        article_segments = segments.get(article.id, ())
        quoted = [(s.span.start, s.span.end) for s in article_segments if s.kind == "quote"]
        for segment in with_quote_sentences(article_segments):
            if boilerplate.inside(furniture, segment.span.start, segment.span.end):
                continue
            if segment.kind == "sentence" and _mostly_quoted(segment, quoted):
                continue  # the quote inside stands for it: "He added, “...”" matches as the quote
            unit = _unit(len(units), article_index, segment)
            if unit is not None and unit.norm not in seen:
                seen.add(unit.norm)
                units.append(unit)
    return units


def _mostly_quoted(segment: Segment, quoted: list[tuple[int, int]]) -> bool:
    start, end = segment.span.start, segment.span.end
    return boilerplate.covered(quoted, start, end) >= 0.6 * (end - start)


def _unit(index: int, article: int, segment: Segment) -> Unit | None:
    stems = content_words(segment.text)
    least = MIN_QUOTE_CONTENT_WORDS if segment.kind == "quote" else MIN_CONTENT_WORDS
    if len(set(stems)) < least:
        return None
    keys = {
        "|".join(sorted((first, second)))
        for position, first in enumerate(stems)
        for second in stems[position + 1 : position + 1 + KEY_WINDOW]
        if first != second
    }
    if len(stems) <= 3:
        keys.update(stems)  # short quotes: a single rare word may be all two versions share in order
    names = frozenset(capitalised_stems(segment.text))
    return Unit(index, article, segment, normalise(segment.text), frozenset(stems), frozenset(keys), names)


NAME_WEIGHT = 0.3
"""Names say who or where, not what was said: two sentences about one person are not the same statement."""


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


def _weights(units: list[Unit]) -> Weights:
    """Inverse document frequency of each stem over the units (rare words weigh more), names less."""
    frequency: dict[str, int] = defaultdict(int)
    capitalised: dict[str, int] = defaultdict(int)
    for unit in units:
        for stem in unit.stems:
            frequency[stem] += 1
        for stem in unit.names:
            capitalised[stem] += 1
    total = len(units) + 1
    return Weights({
        stem: (math.log(total / count) + 0.1) * (NAME_WEIGHT if capitalised[stem] * 2 > count else 1.0)
        for stem, count in frequency.items()
    })


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
        for key in unit.keys & crossing:
            index[key].append(unit.index)
    by_index = {unit.index: unit for unit in units}
    for unit in units:
        mine = home[unit.index]
        shared = Counter(chain.from_iterable([index[key] for key in unit.keys & crossing]))
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
        here = Counter(chain.from_iterable(unit.keys for unit in members))
        held.update(here)
        homes.update(here.keys() if owner is not None else dict.fromkeys(here, 2))
    return {key for key, count in held.items() if 2 <= count <= MAX_KEY_UNITS and homes[key] >= 2}


def _enough(first: Unit, second: Unit, shared_keys: int) -> bool:
    # One speaker's reworded quote may share a single key; so may a short passage with few keys.
    lenient = len(first.keys) <= 3 or len(second.keys) <= 3 or (
        first.is_quote and second.is_quote and _same_speaker(first, second)
    )
    return shared_keys >= MIN_SHARED_KEYS or lenient


def _across_articles(units: list[Unit], lefts: list[int], rights: list[int]) -> Iterable[tuple[int, int]]:
    for left in lefts:
        for right in rights:
            if left < right and units[left].article != units[right].article:
                yield left, right
            elif right < left and units[left].article != units[right].article:
                yield right, left


def _overlap(a: Unit, b: Unit, weights: Weights) -> tuple[float, float, int]:
    """How much content the two share: weighted Dice (0-100), the share of the smaller one's
    content found in the other (0-100), and how many content words, not names, are shared."""
    shared = a.stems & b.stems
    first, second = weights.total(a), weights.total(b)
    common = sum(weights[s] for s in shared)
    words = len(shared - a.names - b.names)
    return 200 * common / (first + second), 100 * common / min(first, second), words


def _same_speaker(a: Unit, b: Unit) -> bool:
    first, second = a.segment.speaker, b.segment.speaker
    if not first or not second:
        return False
    return bool(set(first.lower().split()) & set(second.lower().split()))


def score_pair(a: Unit, b: Unit, weights: Weights) -> Edge | None:
    """An edge when the two passages report the same words or the same statement, else None."""
    # Every rule after the first needs three shared content words, or two between quotes: with
    # fewer, only near-identical wording can pass, and ratio's cutoff lets rapidfuzz stop early.
    words = len((a.stems & b.stems) - a.names - b.names)
    if words < 2 or (words == 2 and not (a.is_quote and b.is_quote)):
        ratio = fuzz.ratio(a.norm, b.norm, score_cutoff=90)
        return Edge(ratio, a.index, b.index) if ratio else None
    ratio = fuzz.ratio(a.norm, b.norm, score_cutoff=70)  # below 70 no rule takes it: 0 (and a long one stops early)
    if ratio >= 90:
        return Edge(ratio, a.index, b.index)
    overlap, coverage, shared = _overlap(a, b, weights)
    short, long = (a, b) if len(a.norm) <= len(b.norm) else (b, a)
    if len(short.norm.split()) >= MIN_CONTAINED_WORDS:
        # An excerpt is shorter than what it is taken from; and partial_ratio's cost grows with both
        # lengths, so two long unpunctuated runs (a transcript, a lost full stop) would stall here.
        excerpt = len(short.norm) <= MAX_EXCERPT_CHARS and len(short.norm) <= 0.8 * len(long.norm)
        contained = excerpt and fuzz.partial_ratio(short.norm, long.norm, score_cutoff=88)
        if contained and shared >= 3:
            return Edge(contained * 0.95, a.index, b.index)
    if ratio >= 70 and shared >= 3:
        return Edge(ratio * 0.95, a.index, b.index)
    if (overlap >= 55 and shared >= 3) or (overlap >= 33 and shared >= 6):
        # Many content words in common make a reworded statement of the same fact.
        return Edge(overlap * 0.9, a.index, b.index)
    if coverage >= 75 and shared >= 4 and len(long.stems) <= 2.5 * len(short.stems):
        # Reported speech: the quote's content, wrapped in an attribution ("X said her members would...").
        return Edge(coverage * 0.8, a.index, b.index)
    if a.is_quote and b.is_quote and _same_speaker(a, b) and shared >= 2 and shared * 2 >= len(short.stems):
        # One speaker's words in two translations or two reporters' ears: the content, or the
        # sentence's shape, must still be largely the same.
        similar_length = len(long.norm) <= 2 * len(short.norm)
        likeness = max(overlap, fuzz.token_sort_ratio(a.norm, b.norm) - 10 if similar_length else 0)
        if likeness >= 45:
            return Edge(likeness * 0.85, a.index, b.index)
    return None


def _cluster(units: list[Unit], edges: list[Edge]) -> list[list[int]]:
    """Join edges strongest first into clusters with one unit per article and no passage twice."""
    cluster_of: dict[int, int] = {}
    members: dict[int, list[int]] = {}
    overlapping = _overlapping(units)
    # On a tie the pair of quotes goes first: a quote, not the sentence around it, is the passage.
    quotes = lambda e: units[e.left].is_quote + units[e.right].is_quote  # noqa: E731
    for edge in sorted(edges, key=lambda e: (-e.score, -quotes(e), e.left, e.right)):
        left, right = cluster_of.get(edge.left), cluster_of.get(edge.right)
        if left is not None and left == right:
            continue
        joined = members.get(left, [edge.left]) + members.get(right, [edge.right])  # type: ignore[arg-type]
        if len({units[i].article for i in joined}) < len(joined):
            continue
        if any(_claimed_elsewhere(overlapping[i], cluster_of, {left, right}) for i in joined):
            continue
        cluster = edge.left if left is None else left
        members.pop(right, None)  # type: ignore[arg-type]
        members[cluster] = joined
        for unit in joined:
            cluster_of[unit] = cluster
    return list(members.values())


def _claimed_elsewhere(overlapping: list[int], cluster_of: dict[int, int], allowed: set[int | None]) -> bool:
    """Whether another cluster already holds a passage overlapping this unit (`overlapping`: the
    units of its article whose passages overlap it)."""
    return any(other in cluster_of and cluster_of[other] not in allowed for other in overlapping)


def _overlapping(units: list[Unit]) -> dict[int, list[int]]:
    """For each unit, the other units of its article whose passages overlap it (a quote and the
    sentence around it), found in one sweep by offset: asking every clustered unit of the article
    instead costs the square of a long article's matches."""
    found: dict[int, list[int]] = defaultdict(list)
    by_article: dict[int, list[Unit]] = defaultdict(list)
    for unit in units:
        by_article[unit.article].append(unit)
    for article_units in by_article.values():
        article_units.sort(key=lambda unit: unit.segment.span.start)
        open_: list[Unit] = []
        for unit in article_units:
            span = unit.segment.span
            open_ = [other for other in open_ if other.segment.span.end > span.start]
            for other in open_:
                if other.segment.span.overlaps(span):
                    found[unit.index].append(other.index)
                    found[other.index].append(unit.index)
            open_.append(unit)
    return found


def _same_words(units: list[Unit]) -> bool:
    """Whether the passages have the same words, up to case, punctuation and quote style, or one is
    a word-for-word excerpt of the other ("$5 billion" and "$6 billion" are not the same words)."""
    norms = [f" {unit.norm} " for unit in units]
    return all(a in b or b in a for a in norms for b in norms)


def _wording(members: list[Unit]) -> Wording:
    """How the sources word it: the direct quotes decide when there are two or more.

    exact: the same words; variant: the same utterance quoted in other words; paraphrase:
    reported speech or a statement in other words, with fewer than two direct quotes.
    """
    quotes = [unit for unit in members if unit.is_quote]
    if len(quotes) >= 2:
        return "exact" if _same_words(quotes) else "variant"
    return "exact" if _same_words(members) else "paraphrase"


def _groups(units: list[Unit], clusters: list[list[int]], edges: list[Edge]) -> tuple[MatchGroup, ...]:
    scores: dict[frozenset[int], float] = {frozenset((e.left, e.right)): e.score for e in edges}
    ordered = sorted((sorted(c, key=lambda i: units[i].article) for c in clusters), key=lambda c: _reading_order(units, c))
    groups = []
    for number, cluster in enumerate(ordered, 1):
        members = [units[i] for i in cluster]
        pair_scores = [scores[key] for a in cluster for b in cluster if a < b and (key := frozenset((a, b))) in scores]
        groups.append(
            MatchGroup(
                id=f"m{number}",
                kind="quote" if any(unit.is_quote for unit in members) else "statement",
                wording=_wording(members),
                score=round(sum(pair_scores) / len(pair_scores), 1),
                members=tuple(unit.segment for unit in members),
            )
        )
    return tuple(groups)


def _reading_order(units: list[Unit], cluster: list[int]) -> tuple[int, int]:
    first = units[cluster[0]]
    return first.article, first.segment.span.start
