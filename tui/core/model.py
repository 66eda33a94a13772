"""The data model: frozen dataclasses that every layer passes around.

Everything that points into an article's text is a `Span` of character offsets into
`Article.body`, so that ``article.body[span.start:span.end]`` is the text it names.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

SegmentKind = Literal["sentence", "quote"]
GroupKind = Literal["quote", "statement"]
Wording = Literal["exact", "variant", "paraphrase"]
FactType = Literal["money", "number", "percent", "date", "time", "person", "organisation", "place"]


@dataclass(frozen=True)
class Article:
    """One outlet's article: its metadata and its body exactly as in the file."""

    id: str
    """A slug made from the file name, unique within the corpus."""
    outlet: str
    body: str
    title: str | None = None
    date: str | None = None
    """ISO 8601 when the source gives a full date, else as the source gives it."""
    url: str | None = None
    language: str | None = None
    note: str | None = None
    path: Path | None = None

    @property
    def words(self) -> int:
        """How many words the body has."""
        return len(self.body.split())


@dataclass(frozen=True)
class Corpus:
    """The articles about one story, in the order their files sort in."""

    name: str
    articles: tuple[Article, ...]
    path: Path | None = None
    warnings: tuple[str, ...] = ()
    """One line each for what was loaded but looked wrong (e.g. a guessed charset)."""

    def article(self, article_id: str) -> Article:
        """The article with this id; KeyError if there is none."""
        for article in self.articles:
            if article.id == article_id:
                return article
        raise KeyError(article_id)


@dataclass(frozen=True, order=True)
class Span:
    """A stretch of one article's body: ``body[start:end]``."""

    article: str
    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span {self.start}:{self.end} in {self.article}")

    def __len__(self) -> int:
        return self.end - self.start

    def overlaps(self, other: Span) -> bool:
        """Whether the two spans share at least one character of the same article."""
        return self.article == other.article and self.start < other.end and other.start < self.end


@dataclass(frozen=True)
class Segment:
    """A sentence or a direct quote, with who said it when the text names them."""

    span: Span
    kind: SegmentKind
    text: str
    speaker: str | None = None


@dataclass(frozen=True)
class Link:
    """Why two members of a group were joined: the named rule that took the pair and its evidence.

    `left` and `right` index the group's members; `rule` is one of the alignment's rule names
    ("same words", "excerpt", "reworded", "reported speech", "same speaker"); `reason` says it
    for a reader ("reworded: 7 content words shared")."""

    left: int
    right: int
    rule: str
    reason: str
    score: float


@dataclass(frozen=True)
class MatchGroup:
    """Passages from different articles that report the same quote or statement."""

    id: str
    kind: GroupKind
    wording: Wording
    score: float
    members: tuple[Segment, ...]
    links: tuple[Link, ...] = ()
    """The pairs of members the alignment judged the same, each with its rule: the evidence."""

    @property
    def articles(self) -> tuple[str, ...]:
        """The ids of the articles that have a member, in member order."""
        return tuple(member.span.article for member in self.members)


@dataclass(frozen=True)
class Quantity:
    """An amount as the text allows it: the range of values it is compatible with.

    "over $1 trillion" is (1e12, None), "nearly $1.07 trillion" is (about 1.0e12, 1.07e12),
    "$1.13 trillion" is (1.125e12, 1.135e12): the rounding the text's precision implies.
    """

    low: float | None
    high: float | None
    unit: str
    """A canonical unit: "USD", "JPY", "percent", "km", "day", "job", "" for a bare number."""
    bound: Literal["exact", "over", "under", "about"] = "exact"

    def compatible(self, other: Quantity) -> bool:
        """Whether one true value could satisfy both (same unit, overlapping ranges)."""
        if self.unit != other.unit:
            return False
        low = max(v for v in (self.low, other.low, float("-inf")) if v is not None)
        high = min(v for v in (self.high, other.high, float("inf")) if v is not None)
        return low <= high


@dataclass(frozen=True)
class Fact:
    """A checkable fact in the text, with its value normalised for comparison."""

    span: Span
    type: FactType
    text: str
    value: str
    """The normalised value as text: "USD 1.07e12 (at most)", "2025-05-02", "Jane Doe"."""
    quantity: Quantity | None = None
    """For money, numbers and percentages: the range the text allows, for comparing across sources."""
    subject: str = ""
    """What the fact is about, when the words around it say ("bond holdings", "tariffs"): stems joined by spaces."""


@dataclass(frozen=True)
class Version:
    """One source's side of a dispute."""

    span: Span
    text: str
    value: str


@dataclass(frozen=True)
class Dispute:
    """A point on which the sources disagree, with each source's version."""

    id: str
    kind: str
    summary: str
    versions: tuple[Version, ...]
    why: str = ""


@dataclass(frozen=True)
class Note:
    """The reader's note on a passage, anchored by W3C-style selectors."""

    id: str
    article: str
    exact: str
    prefix: str
    suffix: str
    start: int
    end: int
    body: str
    tags: tuple[str, ...] = ()
    group: str | None = None
    dispute: str | None = None
    created: str = ""
    modified: str = ""


@dataclass(frozen=True)
class Family:
    """Articles that are copies of one text: most of their sentences are the same words.

    `sources` are article ids in corpus order; `shared` is the share of sentences the copies
    have in common (0-1); `wire` is the agency the text names ("Reuters"), else None."""

    sources: tuple[str, ...]
    shared: float
    wire: str | None = None


@dataclass(frozen=True)
class Analysis:
    """Everything the core works out about a corpus, for the reader and the CLI."""

    corpus: Corpus
    segments: dict[str, tuple[Segment, ...]] = field(default_factory=dict)
    groups: tuple[MatchGroup, ...] = ()
    facts: tuple[Fact, ...] = ()
    """The checkable facts the disputes were found among: empty in an analysis read from the cache or
    sent back by the analysis process (nothing after the analysis reads them); `analyse()` fills them."""
    disputes: tuple[Dispute, ...] = ()
    """Points on which two or more sources disagree (d1, d2, ...)."""
    uncorroborated: tuple[Dispute, ...] = ()
    """Checkable claims only one source makes (u1, u2, ...): listed apart, never counted as disputes."""
    families: tuple[Family, ...] = ()
    """Sets of articles that are copies of one text (wire copy): each counts as one voice."""
