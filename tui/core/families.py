"""Copy families: articles that are copies of one text (wire copy), each family one voice.

Two articles are copies when most of the shorter one's story sentences are, word for word or
with a few words edited, sentences of the other. Found without comparing every pair:

1. Sentences: each article's story sentences (not page furniture, not too short to tell apart),
   as their normalised words (tui.core.text.normalise); a sentence several articles print
   word for word is one entry, however many print it.
2. Near-identical: the distinct sentences are indexed by pairs of consecutive content words; two that
   share enough shingles are compared with rapidfuzz, and those alike enough are one sentence
   (a word or two edited: "avoid"/"avert", "today"/"Wednesday").
3. Pairs: for each sentence, every pair of articles that prints it counts one shared sentence;
   the share is the shared sentences over the shorter article's sentences.
4. Families: pairs above FAMILY_SHARE, joined strongest first, two families merging only when
   their members share that much on average (average linkage: one article that mixes two wire
   texts cannot chain them into one family).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from itertools import chain, combinations

from tui.core import boilerplate
from tui.core.model import Article, Corpus, Family, Segment
from tui.core.text import STOPWORDS, normalise
from tui.core.wordlists import aliases

FAMILY_SHARE = 0.5
"""Two articles are copies of one text when more than this share of the shorter one's sentences
are sentences of the other: "most of their sentences the same words". Outlets that report one
event independently share a few quoted sentences (a quarter or a third of them); copies of one
text, even edited, share most."""
MIN_SHARED = 3
"""Copies share at least this many sentences: two three-line briefs that open with the same
quote are not copies of one text."""
NEAR_IDENTICAL = 85.0
"""rapidfuzz ratio (0-100) of two sentences' normalised words at or above which they are one
sentence copied with a word or two edited (about three characters in twenty changed)."""
MIN_WORDS = 4
"""A sentence of fewer words ("He said no.") is too short to tell a copy from a coincidence."""
SHINGLE = 2
"""Sentences are indexed by runs of this many content words (the little words left out);
near-identical sentences share most of them."""
MIN_SHINGLE_SHARE = 0.3
"""Two sentences are compared when they share this share of the shorter one's shingles."""
MAX_SHINGLE_SENTENCES = 30
"""A shingle that more distinct sentences than this hold (the story's "prime minister") tells no
copy apart; it is left out of the index, so that the work grows with the text and not with its
square (the sentences that hold it have rarer shingles too)."""
CREDIT_WORDS = 10
"""A line of at most this many words that names an agency is a credit line ("By A. Writer,
Associated Press Writer"; "Copyright 2010 Reuters")."""

_AGENCIES = aliases("agencies.txt")
_AGENCY = re.compile(
    r"(?<![\w-])(" + "|".join(re.escape(alias) for alias in sorted(_AGENCIES, key=len, reverse=True)) + r")(?![\w-])"
)
_CREDIT_OPENS = re.compile(r"\W*(?:by|copyright|©|\(c\)|source|sources|reporting|additional reporting|compiled by)\b", re.IGNORECASE)
_CREDIT_ENDS = re.compile(r"[\W\d]*(?:(?:staff\s+)?(?:writer|writers|reporter|reporters|correspondent|staff|wire|news|service)\b[\W\d]*)?", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]")
_PHOTO = re.compile(r"\b(?:photo|photograph|image|images|getty|file|picture|pictures|video)\b", re.IGNORECASE)


def find_families(corpus: Corpus, segments: dict[str, tuple[Segment, ...]]) -> tuple[Family, ...]:
    """The families of copies of one text, each with its sources in corpus order, the share of
    sentences they have in common and the agency their text names; families in corpus order."""
    articles = corpus.articles
    sentences = [_sentences(article, segments.get(article.id, ())) for article in articles]
    shares = _pair_shares(sentences)
    families = []
    for members in _linked(shares, len(articles)):
        pairs = [shares.get(pair, 0.0) for pair in combinations(members, 2)]
        wire = _wire([articles[index] for index in members])
        families.append(Family(tuple(articles[index].id for index in members), round(sum(pairs) / len(pairs), 2), wire))
    return tuple(families)


def _sentences(article: Article, segments: Sequence[Segment]) -> set[str]:
    """The article's story sentences, normalised: not page furniture, not too short."""
    furniture = boilerplate.furniture(article.body)
    found = set()
    for segment in segments:
        if segment.kind != "sentence" or boilerplate.inside(furniture, segment.span.start, segment.span.end):
            continue
        norm = normalise(segment.text)
        if norm.count(" ") + 1 >= MIN_WORDS:
            found.add(norm)
    return found


def _pair_shares(sentences: list[set[str]]) -> dict[tuple[int, int], float]:
    """For each pair of articles (by index, the lower first) that share MIN_SHARED sentences or
    more, the shared sentences over the shorter article's sentences."""
    distinct = sorted(set().union(*sentences)) if sentences else []
    number = {norm: index for index, norm in enumerate(distinct)}
    same = _near_identical(distinct)
    holders: dict[int, set[int]] = defaultdict(set)
    for article, found in enumerate(sentences):
        for norm in found:
            holders[same[number[norm]]].add(article)
    counts: Counter[tuple[int, int]] = Counter()
    for held in holders.values():
        counts.update(combinations(sorted(held), 2))
    return {
        (one, other): count / min(len(sentences[one]), len(sentences[other]))
        for (one, other), count in counts.items()
        if count >= MIN_SHARED
    }


def _near_identical(distinct: list[str]) -> list[int]:
    """For each distinct sentence, the index of the sentence standing for all it is near-identical
    to (union-find over the pairs rapidfuzz finds alike among the candidates the shingles give).
    Each sentence looks up the sentences before it, then joins the index: each pair is met once."""
    from rapidfuzz import fuzz  # here, not at import: only finding the near-identical sentences needs it

    shingles = [_shingles(norm) for norm in distinct]
    held_by = Counter(chain.from_iterable(shingles))
    index: dict[str, list[int]] = defaultdict(list)
    parent = list(range(len(distinct)))

    def root(number: int) -> int:
        while parent[number] != number:
            parent[number] = parent[parent[number]]
            number = parent[number]
        return number

    sizes = []
    for number, found in enumerate(shingles):
        telling = [shingle for shingle in found if held_by[shingle] <= MAX_SHINGLE_SENTENCES]
        sizes.append(len(found))
        shared = Counter(chain.from_iterable(map(index.__getitem__, telling)))
        for other, count in shared.items():
            if count >= MIN_SHINGLE_SHARE * min(sizes[number], sizes[other]) and fuzz.ratio(distinct[number], distinct[other]) >= NEAR_IDENTICAL:
                parent[root(other)] = root(number)
        for shingle in telling:
            index[shingle].append(number)
    return [root(number) for number in range(len(distinct))]


def _shingles(norm: str) -> set[str]:
    """The runs of SHINGLE consecutive words once the little words ("of", "the") are left out."""
    found = [word for word in norm.split() if word not in STOPWORDS]
    return {" ".join(found[start : start + SHINGLE]) for start in range(len(found) - SHINGLE + 1)}


def _linked(shares: dict[tuple[int, int], float], count: int) -> list[list[int]]:
    """The families: pairs above FAMILY_SHARE taken strongest first, two families merged only when
    the mean share over every pair across them is above FAMILY_SHARE too (a pair not counted
    shares nothing). Each family's members in corpus order, the families by their first member."""
    family = {index: [index] for index in range(count)}
    for (one, other), share in sorted(shares.items(), key=lambda item: (-item[1], item[0])):
        first, second = family[one], family[other]
        if share <= FAMILY_SHARE or first is second:
            continue
        across = [shares.get((min(a, b), max(a, b)), 0.0) for a in first for b in second]
        if sum(across) / len(across) > FAMILY_SHARE:
            first.extend(second)
            first.sort()
            for member in second:
                family[member] = first
    unique = {id(members): members for members in family.values() if len(members) > 1}
    return sorted(unique.values(), key=lambda members: members[0])


def _wire(members: list[Article]) -> str | None:
    """The agency the copies' text names in a dateline or a credit line, the one most copies name
    (the first named on a tie); None when none names one."""
    named: Counter[str] = Counter()
    first: dict[str, int] = {}
    for article in members:
        for agency in dict.fromkeys(agency_credits(article.body)):
            named[agency] += 1
            first.setdefault(agency, len(first))
    if not named:
        return None
    return min(named, key=lambda agency: (-named[agency], first[agency]))


def agency_credits(body: str) -> list[str]:
    """The agencies the text credits, in reading order: a name in brackets ("ATHENS (Reuters) -",
    "(AP)"), or a credit line (a short line that opens with "By", "Copyright", "Source", ... or
    that opens or ends with the name: "-- Reuters", "Associated Press Writer"), but not a photo
    credit; an agency a sentence mentions ("officials told Reuters") is no credit."""
    found = []
    for line in body.splitlines():
        credit_line = len(line.split()) <= CREDIT_WORDS and not _PHOTO.search(line)
        for match in _AGENCY.finditer(line):
            before, after = line[: match.start()], line[match.end() :]
            bracketed = before.rstrip().endswith("(") and after.lstrip().startswith(")")
            credited = _CREDIT_OPENS.match(line) or not _WORD.search(before) or _CREDIT_ENDS.fullmatch(after)
            if bracketed or (credit_line and credited):
                found.append(_AGENCIES[match.group(1)])
    return found
