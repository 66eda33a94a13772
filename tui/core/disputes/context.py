"""What every kind of dispute reads: sentences, phrases and versions, the groups holding facts, the story's own names."""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace

from tui.core.facts.dates import published_day, resolve
from tui.core.model import Corpus, Fact, Family, MatchGroup, Segment, Span, Version
from tui.core.roles import CALENDAR_WORDS, role
from tui.core.text import STOPWORDS, stem
from tui.core.values import readable
from tui.core.voices import voice_map

_SURFACE = re.compile(r"[A-Za-z][A-Za-z'’-]+")


def _version(fact: Fact) -> Version:
    """A version that is the fact's own words (a name), with its value as a person reads it."""
    return Version(fact.span, fact.text, readable(fact))


PHRASE_BEFORE = 6
"""How many words before a figure its phrase takes, at most ("Police said 12 people were injured")."""
PHRASE_AFTER = 8
"""How many words after a figure its phrase takes, at most."""
_PHRASE_WORD = re.compile(r"[$£€¥₹]?\d{1,3}(?:,\s\d{3})+|[^\s,;:()\[\]]+|[,;:()\[\]]")
_PHRASE_STOP = frozenset(";:()[]")
_FUTURE = re.compile(r"\b(?:will|would|to be|is to|are to|expected|scheduled|due|set to|plans?|planned|next)\b", re.IGNORECASE)


class _Phrases:
    """The phrase that holds a figure or a date: its clause, a few words either side, within its sentence."""

    def __init__(self, bodies: dict[str, str], sentences: _Sentences, published: dict[str, str | None]) -> None:
        self.bodies, self.sentences, self.published = bodies, sentences, published

    def day(self, fact: Fact) -> str:
        """A date fact's value, resolved to a calendar date against its article's date when it is
        relative ("Wednesday", "yesterday"); a weekday in a clause about the future looks ahead."""
        start, end = self.sentences.around(fact.span)
        future = bool(_FUTURE.search(self.bodies[fact.span.article], start, end))
        return resolve(fact.value, self.published.get(fact.span.article), future)

    def version(self, fact: Fact) -> Version:
        body = self.bodies[fact.span.article]
        first, last = self.sentences.around(fact.span)
        tokens = [(m.start(), m.end(), m.group()) for m in _PHRASE_WORD.finditer(body, first, last)]
        before = [t for t in tokens if t[1] <= fact.span.start][::-1]
        after = [t for t in tokens if t[0] >= fact.span.end]
        start = _reach(before, PHRASE_BEFORE, fact.span.start, lambda t: t[0])
        end = _reach(after, PHRASE_AFTER, fact.span.end, lambda t: t[1])
        start, end = _trimmed(body, start, end, fact.span)
        value = readable(fact)
        if fact.type == "date" and (day := self.day(fact)) != fact.value:
            dated = readable(replace(fact, value=day))
            value = dated if dated.startswith(value) else f"{value} ({dated})"  # "25 June 2012", "Monday (2 July 2012)"
        return Version(Span(fact.span.article, start, end), body[start:end], value)


def _trimmed(body: str, start: int, end: int, keep: Span) -> tuple[int, int]:
    """The phrase without the little words and the punctuation at its ends ("in talks with" -> "in talks")."""
    while True:
        before = (start, end)
        while end > keep.end and body[end - 1] in " .,;:!?\"”’'—–":
            end -= 1
        last = body.rfind(" ", keep.end, end)
        if last >= 0 and body[last + 1 : end].lower() in STOPWORDS:
            end = last
        first = body.find(" ", start, keep.start)
        if first >= 0 and body[start:first].lower() in STOPWORDS - {"more", "over", "under", "about", "a", "an", "the"}:
            start = first + 1
        while start < keep.start and body[start] in " —–\"“”‘’'":
            start += 1
        if (start, end) == before:
            return start, end


def _reach(tokens: list[tuple[int, int, str]], most: int, edge: int, side: Callable[[tuple[int, int, str]], int]) -> int:
    """How far a phrase reaches over the tokens (nearest first): `most` words, stopping at a clause
    break, and at a comma once it has two words."""
    taken = 0
    for token in tokens:
        text = token[2]
        if text in _PHRASE_STOP or (text == "," and taken >= 2) or taken >= most:
            break
        if text != ",":
            taken += 1
            edge = side(token)
    return edge


class _Voices:
    """Whose voice each article is: the copies of one text (a family) are one voice, every other
    article its own. What counts sources counts voices, so that copies never corroborate each other."""

    def __init__(self, corpus: Corpus, families: Sequence[Family]) -> None:
        self.voice = voice_map(families)
        self.family = {member: family for family in families for member in family.sources}
        self.order = {article.id: index for index, article in enumerate(corpus.articles)}

    def __call__(self, article: str) -> str:
        """The article's voice: its family's first source, else itself."""
        return self.voice.get(article, article)

    def of(self, articles: Iterable[str]) -> set[str]:
        """The voices of these articles."""
        return {self(article) for article in articles}

    def who(self, articles: Iterable[str], outlets: dict[str, str]) -> str:
        """Who says it, for a summary: "The Herald" for one article, "one text (copied by The
        Herald and The Courier)" (or "one Reuters text (...)") for the copies of one family."""
        found = sorted(set(articles), key=lambda article: self.order.get(article, len(self.order)))
        names = list(dict.fromkeys(outlets[article] for article in found))
        if len(found) == 1 or found[0] not in self.family:
            return ", ".join(names)
        wire = self.family[found[0]].wire
        joined = f"{', '.join(names[:-1])} and {names[-1]}" if len(names) > 1 else names[0]
        return f"one {wire + ' ' if wire else ''}text (copied by {joined})"

    @staticmethod
    def nobody_else(versions: Sequence[Version]) -> str:
        """How a reason says that no one else makes the claim: "no other source", or "no source
        but the copies of this one text" when the versions are copies of one family."""
        return "no other source" if len({version.span.article for version in versions}) < 2 else "no source but the copies of this one text"


def _sources(versions: Iterable[Version], outlets: dict[str, str]) -> str:
    names = list(dict.fromkeys(outlets[version.span.article] for version in versions))
    return ", ".join(names)


class _Quantities:
    """The quantities worth comparing, each with its role (tui.core.roles) and the matched groups
    whose passages hold it.

    Left out: a conversion written beside its quantity ("110 billion euros ($143 billion)": one
    amount, converted at the outlet's own rate) and one side of a dimension ("2,880 by 1,800").
    """

    def __init__(self, corpus: Corpus, facts: Sequence[Fact], groups: Sequence[MatchGroup],
                 segments: dict[str, tuple[Segment, ...]]) -> None:
        bodies = {article.id: article.body for article in corpus.articles}
        self.sentences = sentences = _Sentences(bodies, segments)
        published = {article.id: published_day(article.date) for article in corpus.articles}
        self.facts = [
            fact for fact in facts
            if fact.quantity is not None and not _converted_or_dimension(bodies[fact.span.article], fact)
            and not _background(bodies[fact.span.article], sentences.around(fact.span), published[fact.span.article])
        ]
        self.phrases = _Phrases(bodies, sentences, {article.id: article.date for article in corpus.articles})
        self.roles = [
            role(bodies[fact.span.article], sentences.around(fact.span), fact.span.start, fact.span.end, fact.quantity.unit)  # type: ignore[union-attr]
            for fact in self.facts
        ]
        self.in_groups = _groups_holding(self.facts, groups)
        self.group_articles = {group.id: group.articles for group in groups}
        self.common = common = _common_names(corpus)
        self.roles = [found._replace(names=found.names - common) for found in self.roles]
        self.all_quantities = [fact for fact in facts if fact.quantity is not None]


COMMON_NAMES = 0.5
"""A name that this share of the articles write is the story's own ("Acme", "Riverton"): it tells no figures apart."""


def _common_names(corpus: Corpus) -> frozenset[str]:
    """Stems of the capitalised words most articles write: the story's own people, places and
    things (not "The" or "He" opening a sentence, nor a month or a weekday)."""
    counts: Counter[str] = Counter()
    for article in corpus.articles:
        counts.update({
            stem(word.lower()) for word in _SURFACE.findall(article.body)
            if word[0].isupper() and word.lower() not in STOPWORDS and word.lower() not in CALENDAR_WORDS
        })
    return frozenset(name for name, count in counts.items() if count >= COMMON_NAMES * len(corpus.articles))


_CONVERSION_BEFORE = re.compile(r"[(\[]\s*$")
_DIFFERENCE_AFTER = re.compile(
    r"\s+(?:(?:more|less|fewer)\s+\w+\s+than|(?:more|less|fewer)\s+than|cheaper|dearer|higher|lower|bigger|smaller"
    r"|larger|greater|[a-z]+er\s+than)\b",
    re.IGNORECASE,
)  # "$100 cheaper", "5 more than": a difference; "20 more people had to be rescued" is a count
_PART_AFTER = re.compile(r"\s+of\s+(?:the|its|their|them|those|these|which|whom)\b", re.IGNORECASE)  # "two of the bombs"
_DIMENSION_AFTER = re.compile(r"\s*(?:by|x|×)\s*[$£€]?\d", re.IGNORECASE)
_DIMENSION_BEFORE = re.compile(r"\d\s*(?:by|x|×)\s*$", re.IGNORECASE)


def _converted_or_dimension(body: str, fact: Fact) -> bool:
    """Whether the fact is a conversion in brackets right after an amount, a side of a dimension,
    or a difference ("$100 cheaper", "5 more"): none of them is the value of the thing itself."""
    before = body[max(0, fact.span.start - 24) : fact.span.start]
    if _CONVERSION_BEFORE.search(before) and re.search(r"\d", before):
        return True
    if _DIFFERENCE_AFTER.match(body, fact.span.end) or _PART_AFTER.match(body, fact.span.end):
        return True
    return bool(_DIMENSION_AFTER.match(body, fact.span.end) or _DIMENSION_BEFORE.search(body, max(0, fact.span.start - 12), fact.span.start))


_BACKGROUND = re.compile(
    r"\s*(?:In|Back in|Since|Last|Earlier|Until)\s+(?:(?:early|late|mid)[\s-]+)?"
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December)?"
    r"(?:,?\s*(?P<year>(?:19|20)\d\d))?\b"
)


def _background(body: str, sentence: tuple[int, int], published: dt.date | None) -> bool:
    """Whether a sentence tells another event as background: it opens with a month or a year other
    than the article's own ("In February, a gunman killed five people at a mall")."""
    match = _BACKGROUND.match(body, sentence[0], sentence[1])
    if match is None or published is None or not (match.group("month") or match.group("year")):
        return False
    month = _MONTHS.get(match.group("month") or "", published.month)
    year = int(match.group("year") or published.year)
    return (year, month) != (published.year, published.month) and (year, month) < (published.year, published.month)


_MONTHS = {name: number for number, name in enumerate(calendar.month_name) if name}
SENTENCE_REACH = 1000
"""How many characters either side of a fact its sentence reaches at least before it may be cut: a
longer "sentence" (a paragraph without a full stop, a transcript) is cut at the multiples of this
beyond that, so that each fact costs the same however long the text around it runs, and the facts
near each other share one cut (whose words tui.core.roles reads once)."""


class _Sentences:
    """The sentence around any span, from the segmentation (the line when there is none), cut
    some SENTENCE_REACH characters either side of the span."""

    def __init__(self, bodies: dict[str, str], segments: dict[str, tuple[Segment, ...]]) -> None:
        self.bodies = bodies
        self.spans = {
            article: sorted((s.span.start, s.span.end) for s in found if s.kind == "sentence")
            for article, found in segments.items()
        }
        self.starts = {article: [start for start, _ in spans] for article, spans in self.spans.items()}

    def around(self, span: Span) -> tuple[int, int]:
        spans, starts = self.spans.get(span.article, []), self.starts.get(span.article, [])
        lo, hi = max(0, (span.start // SENTENCE_REACH - 1) * SENTENCE_REACH), (span.end // SENTENCE_REACH + 2) * SENTENCE_REACH
        index = bisect.bisect_right(starts, span.start) - 1
        if index >= 0 and spans[index][1] >= span.end:
            return max(lo, spans[index][0]), min(hi, spans[index][1])
        body = self.bodies[span.article]
        hi = min(hi, len(body))
        line_end = body.find("\n", span.end, hi)
        return body.rfind("\n", lo, span.start) + 1 or lo, hi if line_end < 0 else line_end


def _groups_holding(facts: Sequence[Fact], groups: Sequence[MatchGroup]) -> list[list[str]]:
    """For each fact, the ids of the matched groups whose passage in its article holds it, in the
    groups' order. One sweep per article through the facts and the passages by offset, keeping only
    the passages open at the fact (few: a group's passages do not overlap another's)."""
    passages: dict[str, list[tuple[int, int, int, str]]] = defaultdict(list)
    for group in groups:
        for member in group.members:
            found = passages[member.span.article]
            found.append((member.span.start, member.span.end, len(found), group.id))
    held: list[list[str]] = [[] for _ in facts]
    by_article: dict[str, list[int]] = defaultdict(list)
    for index, fact in enumerate(facts):
        by_article[fact.span.article].append(index)
    for article, indices in by_article.items():
        waiting = sorted(passages.get(article, ()), reverse=True)  # popped from the end: by start
        open_: list[tuple[int, int, int, str]] = []
        for index in sorted(indices, key=lambda index: facts[index].span.start):
            span = facts[index].span
            while waiting and waiting[-1][0] <= span.start:
                open_.append(waiting.pop())
            open_ = [passage for passage in open_ if passage[1] >= span.start]
            held[index] = [group_id for _, _, _, group_id in sorted(
                (passage for passage in open_ if span.end <= passage[1]), key=lambda passage: passage[2])]
    return held


def _one_per_source(cluster: list[Fact], order: dict[str, int]) -> list[Fact]:
    """Each source's first mention of the quantity, the sources in corpus order."""
    first: dict[str, Fact] = {}
    for fact in sorted(cluster, key=lambda fact: (order[fact.span.article], fact.span.start)):
        first.setdefault(fact.span.article, fact)
    return list(first.values())


_DIGIT_GROUP = re.compile(r"(\d),\s(\d{3})\b")


def _side_text(side: list[Fact], outlets: dict[str, str]) -> str:
    """ "over $1 trillion, exceeding $1 trillion (The Herald, The Courier)"."""
    wordings = ", ".join(dict.fromkeys(_DIGIT_GROUP.sub(r"\1,\2", " ".join(fact.text.split())) for fact in side))
    return f"{wordings} ({_sources(map(_version, side), outlets)})"
