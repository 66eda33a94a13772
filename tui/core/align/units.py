"""The passages alignment can match: sentences, direct quotes, a long quote's sentences, and the
clauses of long sentences, each with the words the rules compare."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

from tui.core import boilerplate
from tui.core.model import Corpus, Segment, Span
from tui.core.segment import with_quote_sentences
from tui.core.text import STOPWORDS, capitalised_stems, fold_spelling, normalise, stem, words
from tui.core.wordlists import heads

MIN_CONTENT_WORDS = 4
"""A sentence with fewer content words than this is too generic to match ("2 min read")."""
MIN_QUOTE_CONTENT_WORDS = 2
"""Quotes are distinctive: two content words ("frank and constructive") can match."""
MIN_SHORT_QUOTE_WORDS = 4
"""A quote of this many words may have a single content word ("Very, very, very subdued"): it can
match only the same words."""
MIN_CLAUSE_CONTENT_WORDS = 3
"""A clause is matched on its own when it has this many content words ("causing a selloff in bonds")."""
MIN_SPLIT_CONTENT_WORDS = 8
"""Only sentences with this many content words are cut into clauses: a short one is one statement."""

# Where a sentence's clauses meet: a semicolon, a colon, a dash, or a comma before a word that opens
# a clause of its own ("..., which had resulted in", "..., causing", "..., while").
_CLAUSE_BREAK = re.compile(
    r"\s*[;:]\s+|\s+[—–-]{1,2}\s+|\s*\(\s*|\s*\)\s*"
    r"|,\s+(?=(?:and|but|while|whereas|which|who|whose|where|when|after|before|as|because|although|though"
    r"|since|so|until|including|prompting|causing|leaving|forcing|sending|making|adding|saying|according"
    r"|with|without|despite|amid|following|in|on|at|for)\b)",
    re.IGNORECASE,
)


_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}\b)")
_COMPOUND = re.compile(r"(?<=[^\W\d_])-(?=[^\W\d_])")  # sell-off, fire-bomb; not 13-inch


@dataclass(frozen=True)
class Unit:
    """A passage that can be matched: a segment with what the rules compare (its content stems
    are also what the candidate index files it under); `whole` is the unit index of the sentence
    a clause was cut from (None for a whole sentence or quote)."""

    index: int
    article: int
    segment: Segment
    norm: str
    stems: frozenset[str]
    names: frozenset[str]
    whole: int | None = None
    subjects: frozenset[str] = frozenset()
    """The names the passage tells of: its names less its speaker's ("..., Pickell said" tells of
    no one), which the names veto compares."""

    @property
    def is_quote(self) -> bool:
        return self.segment.kind == "quote"

    @property
    def is_clause(self) -> bool:
        return self.whole is not None


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
            if unit is None or unit.norm in seen:
                continue
            seen.add(unit.norm)
            units.append(unit)
            if unit.is_quote or len(unit.stems) < MIN_SPLIT_CONTENT_WORDS:
                continue
            for clause in clauses(segment):
                part = _unit(len(units), article_index, clause, whole=unit.index)
                if part is not None and part.norm not in seen:
                    seen.add(part.norm)
                    units.append(part)
    return units


def clauses(segment: Segment) -> Iterator[Segment]:
    """The clauses of a long sentence, as sentences of their own (none when it has one clause);
    build_units leaves out those with too few content words."""
    text, start = segment.text, 0
    pieces: list[tuple[int, int]] = []
    for found in _CLAUSE_BREAK.finditer(text):
        pieces.append((start, found.start()))
        start = found.end()
    if not pieces:
        return
    pieces.append((start, len(text)))
    for begin, end in pieces:
        while begin < end and text[begin] in " ,;:":  # after a bracket: "(up to 3.7GHz), USB 3.0" gives "USB 3.0"
            begin += 1
        while end > begin and text[end - 1] in " ,.!?\"'”’":
            end -= 1
        if end > begin:
            span = Span(segment.span.article, segment.span.start + begin, segment.span.start + end)
            yield Segment(span, "sentence", text[begin:end], segment.speaker)


def _mostly_quoted(segment: Segment, quoted: list[tuple[int, int]]) -> bool:
    start, end = segment.span.start, segment.span.end
    return boilerplate.covered(quoted, start, end) >= 0.6 * (end - start)


@cache
def _synonyms() -> dict[str, str]:
    """Stem -> the stem of its family's head (data/synonyms.txt)."""
    return {_stem(word): _stem(head) for word, head in heads("synonyms.txt").items()}


def _content(text: str) -> list[str]:
    """The content stems the rules compare: numbers whole ("20,000" is one word, not "20" and
    "000"), hyphenated words whole and one spelling for words spelled two ways ("sell-off" and
    "selloff", "realise" and "realize"), and words of one family of synonyms as its head."""
    synonyms = _synonyms()
    stems = (_stem(word) for word in words(_COMPOUND.sub("", _THOUSANDS.sub("", text))) if word not in STOPWORDS)
    return [synonyms.get(found, found) for found in stems if found not in STOPWORDS]


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    """The stem of a word in one spelling: realise and realize, colour and color."""
    return stem(fold_spelling(word))


def _title_case(text: str) -> bool:
    """Whether most words are capitalised, as in a headline ("Apple Unveils New Flagship Laptop"):
    its capitals then say nothing of which words are names."""
    found = [word for word in text.split() if word[:1].isalpha() and len(word) > 3]
    return len(found) >= 3 and sum(word[0].isupper() for word in found) >= 0.75 * len(found)


def _unit(index: int, article: int, segment: Segment, whole: int | None = None) -> Unit | None:
    stems = _content(segment.text)
    least = MIN_QUOTE_CONTENT_WORDS if segment.kind == "quote" else MIN_CLAUSE_CONTENT_WORDS if whole is not None else MIN_CONTENT_WORDS
    norm = normalise(segment.text)
    if len(set(stems)) < least and not (segment.kind == "quote" and stems and len(norm.split()) >= MIN_SHORT_QUOTE_WORDS):
        return None
    names = frozenset() if _title_case(segment.text) else frozenset(capitalised_stems(segment.text))
    subjects = names - _speaker_stems(segment.speaker) if segment.speaker else names
    return Unit(index, article, segment, norm, frozenset(stems), names, whole, subjects)


@lru_cache(maxsize=4096)
def _speaker_stems(speaker: str) -> frozenset[str]:
    return frozenset(stem(word) for word in words(speaker.lower()))
