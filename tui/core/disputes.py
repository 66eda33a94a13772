"""Disputes: where the sources disagree, found from the facts and the matched groups.

find_disputes gives the conflicts in reading order (figures with one role that cannot all be
true, dates, times, places, one utterance quoted in different words, the same words credited to
different people, a name spelled two ways, one person given two offices), and apart from them
the checkable claims only one source makes. Agreements are not disputes: the same value in
other words or units (Quantity.compatible) is left alone, and figures about different things
(different roles: tui.core.roles) are never paired.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from itertools import accumulate
from typing import NamedTuple

from rapidfuzz import fuzz, process

from tui.core.facts.dates import published_day, resolve
from tui.core.facts.quantities import CURRENCIES, MEASURES
from tui.core.facts.vague import VAGUE
from tui.core.model import Corpus, Dispute, Fact, MatchGroup, Quantity, Segment, Span, Version
from tui.core.names import RUN, TITLES, looks_personal, name_of
from tui.core.roles import Role, act_words, role
from tui.core.segment import with_quote_sentences
from tui.core.text import STOPWORDS, content_words, fold_spelling, normalise, singular, stem, words
from tui.core.values import readable
from tui.core.wordlists import families, heads
from tui.core.wordlists import words as word_list

_SURFACE = re.compile(r"[A-Za-z][A-Za-z'’-]+")
_WEEKDAY = re.compile(r"(?i)(monday|tuesday|wednesday|thursday|friday|saturday|sunday)")
ALIKE_SCORE = 80
"""A matched group scored this high reports one statement nearly word for word: its dates must agree."""
SPELLING_LIKENESS = 80
"""Two names this alike (rapidfuzz ratio) but not equal are one name spelled two ways."""
_DEMONYM_ENDINGS = frozenset("ese ian ians an ans n ns i is ish ic ite ites er ers".split())
ABBREVIATIONS = families("abbreviations.txt")
"""Abbreviations of name words ("mt": "mount", "mountain") from data/abbreviations.txt."""
WORD_LIKENESS = 70
"""...and so alike is each word that differs (Jon / John 86, Lund / Lunde 89; Air / Pro 0)."""
_SAID = r"(?:said|says|told|added|explained|stated|announced|declared|insisted|warned)"
_SAID_VERBS = "said|says|told|added|explained|stated|announced|declared|insisted|warned|vowed|promised|urged|called|denounced|condemned|expressed"
_QUOTED = re.compile(r"[\"“”«»„]([^\"“”«»„]{3,})[\"“”«»„]")


class Findings(NamedTuple):
    """What find_disputes finds: the conflicts, and the claims only one source makes."""

    conflicts: tuple[Dispute, ...]
    uncorroborated: tuple[Dispute, ...]


def find_disputes(
    corpus: Corpus,
    facts: Sequence[Fact],
    groups: Sequence[MatchGroup],
    segments: dict[str, tuple[Segment, ...]] | None = None,
) -> Findings:
    """Every disagreement across sources in reading order (d1, d2, ...), and apart from them the
    checkable claims that only one source makes (u1, u2, ...)."""
    order = {article.id: index for index, article in enumerate(corpus.articles)}
    outlets = {article.id: article.outlet for article in corpus.articles}
    quantities = _Quantities(corpus, facts, groups, segments or {})
    aligned = _aligned_quantity_disputes(quantities, groups, order, outlets, corpus)
    conflicts = [
        *aligned,
        *_without(_role_disputes(quantities, order, outlets, corpus), aligned),
        *_date_disputes(facts, groups, outlets, quantities.phrases),
        *_wording_disputes(groups, segments or {}, outlets),
        *_attribution_disputes(corpus, groups, quantities.sentences, outlets),
        *_spelling_disputes(facts, outlets),
        *_place_disputes(corpus, facts, quantities, outlets),
        *_title_disputes(corpus, facts, outlets),
    ]
    conflicts.sort(key=lambda dispute: _position(dispute, order))
    lonely = sorted(
        _single_source(corpus, facts, conflicts, quantities, outlets), key=lambda dispute: _position(dispute, order)
    )
    return Findings(
        tuple(_numbered(f"d{index}", dispute) for index, dispute in enumerate(conflicts, 1)),
        tuple(_numbered(f"u{index}", claim) for index, claim in enumerate(lonely, 1)),
    )


def _without(disputes: list[Dispute], found: list[Dispute]) -> list[Dispute]:
    """The disputes whose versions are not all versions of one already found."""
    known = [{version.span for version in dispute.versions} for dispute in found]
    return [dispute for dispute in disputes if not any({v.span for v in dispute.versions} <= spans for spans in known)]


def _position(dispute: Dispute, order: dict[str, int]) -> tuple[int, int]:
    return min((order[version.span.article], version.span.start) for version in dispute.versions)


def _numbered(number: str, dispute: Dispute) -> Dispute:
    return Dispute(number, dispute.kind, dispute.summary, dispute.versions, dispute.why)


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


def _sources(versions: Iterable[Version], outlets: dict[str, str]) -> str:
    names = list(dict.fromkeys(outlets[version.span.article] for version in versions))
    return ", ".join(names)


# Quantities ---------------------------------------------------------------------------------


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
        self.common = common = _common_names(corpus)
        self.roles = [found._replace(names=found.names - common) for found in self.roles]
        self.all_quantities = [fact for fact in facts if fact.quantity is not None]


COMMON_NAMES = 0.5
"""A name that this share of the articles write is the story's own ("Acme", "Riverton"): it tells no figures apart."""


_CALENDAR_WORDS = frozenset(
    name.lower() for name in (*calendar.month_name[1:], *calendar.day_name, *calendar.month_abbr[1:], *calendar.day_abbr)
)


def _common_names(corpus: Corpus) -> frozenset[str]:
    """Stems of the capitalised words most articles write: the story's own people, places and
    things (not "The" or "He" opening a sentence, nor a month or a weekday)."""
    counts: Counter[str] = Counter()
    for article in corpus.articles:
        counts.update({
            stem(word.lower()) for word in _SURFACE.findall(article.body)
            if word[0].isupper() and word.lower() not in STOPWORDS and word.lower() not in _CALENDAR_WORDS
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


def _aligned_quantity_disputes(quantities: _Quantities, groups: Sequence[MatchGroup], order: dict[str, int],
                               outlets: dict[str, str], corpus: Corpus) -> list[Dispute]:
    """Two versions of one matched passage that give different figures of one unit: the strongest
    evidence that they disagree about the same thing ("shares plunged 5.4 per cent" against
    "shares closed down 3.9 percent"). Only a unit each version gives once is compared."""
    by_group: dict[str, list[int]] = defaultdict(list)
    for index, held_by in enumerate(quantities.in_groups):
        for group_id in held_by:
            by_group[group_id].append(index)
    disputes = []
    for group in groups:
        by_unit: dict[str, dict[str, list[Fact]]] = defaultdict(lambda: defaultdict(list))
        for index in by_group.get(group.id, ()):
            fact = quantities.facts[index]
            by_unit[fact.quantity.unit][fact.span.article].append(fact)  # type: ignore[union-attr]
        for unit, per_article in by_unit.items():
            once = [found[0] for found in per_article.values() if len(found) == 1]
            if len(once) < 2 or len(once) < len(per_article) or not _about_one_thing(once, group):
                continue
            sides, fits_all = _sides(_one_per_source(once, order))
            if len(sides) > 1:
                why = f"same passage {group.id}, different {_what(unit)}: " + " vs ".join(_readable(side[0]) for side in sides)
                disputes.append(_quantity_dispute(corpus, quantities.phrases, sides, fits_all, outlets, order, why))
    return disputes


_FIGURE = re.compile(r"\d+(?:[.,]\d+)*")


def _about_one_thing(facts: list[Fact], group: MatchGroup) -> bool:
    """Whether figures of one unit in versions of one passage are about the same thing: their
    words ("RAM", "flash storage") share one when both have some, and no version also gives the
    other's figure ("either 2.3 or 2.6 GHz" gives both)."""
    subjects = [set(fact.subject.split()) for fact in facts]
    if any(one and other and not one & other for one, other in zip(subjects, subjects[1:])):
        return False
    texts = [member.text for member in group.members]
    figures = [set(_FIGURE.findall(fact.text)) for fact in facts]
    return not any(all(any(figure in text for figure in found) for found in figures) for text in texts)


def _role_disputes(quantities: _Quantities, order: dict[str, int], outlets: dict[str, str], corpus: Corpus) -> list[Dispute]:
    """Figures with the same role in different sources (the same unit, act, qualifier and names)
    that cannot all be true: "12 people were injured" against "18 people had been injured".
    Numbers without a unit or an act are compared only inside matched passages. Bucketing by the
    whole role keeps this linear: each bucket is split into sides by its values' ranges."""
    buckets: dict[Role, list[Fact]] = defaultdict(list)
    for fact, found in zip(quantities.facts, quantities.roles):
        if found.act and found.unit:
            buckets[found].append(fact)
    disputes = []
    for found, facts in buckets.items():
        if len({fact.span.article for fact in facts}) < 2:
            continue
        sides, fits_all = _sides(_one_per_source(facts, order))
        if len(sides) > 1:
            why = f"{_what(found.unit)} with one role ({_role_words(found)}) in several sources, values that cannot all be true: "
            disputes.append(_quantity_dispute(corpus, quantities.phrases, sides, fits_all, outlets, order,
                                              why + " vs ".join(_readable(side[0]) for side in sides),
                                              about=_role_words(found).replace(";", ",").capitalize()))
    return disputes


def _role_words(found: Role) -> str:
    """ "injured" or "priced; 13-inch, upper": what a role is, for a reason."""
    return act_words(found.act) + (f"; {', '.join(sorted(found.qualifiers))}" if found.qualifiers else "")


def _what(unit: str) -> str:
    """What figures of a unit are called in a reason: "amounts in USD", "times of day", "figures in
    km", "counts of people"."""
    if unit in CURRENCIES:
        return f"amounts in {unit}"
    if unit.startswith("time"):
        return "times of day"
    if unit in MEASURES:
        return f"figures in {unit}"
    return f"counts of {'people' if unit == 'person' else unit + 's'}" if unit else "figures"


def _readable(fact: Fact) -> str:
    return readable(fact)


def _one_per_source(cluster: list[Fact], order: dict[str, int]) -> list[Fact]:
    """Each source's first mention of the quantity, the sources in corpus order."""
    first: dict[str, Fact] = {}
    for fact in sorted(cluster, key=lambda fact: (order[fact.span.article], fact.span.start)):
        first.setdefault(fact.span.article, fact)
    return list(first.values())


def _sides(facts: list[Fact]) -> tuple[list[list[Fact]], list[Fact]]:
    """The facts that clash, split into sides whose values could all be true together, and the
    facts that fit every side ("over $1 trillion" fits both $1.07 and $1.13 trillion).

    Values agree when their ranges overlap, so a fact clashes with some other exactly when the
    highest low end is above its high end or the lowest high end below its low end, and a side
    takes a fact that overlaps the side's common range (facts times sides, and sides are few)."""
    ranges = [_range(fact) for fact in facts]
    if len({fact.quantity.unit for fact in facts}) != 1 or any(low > high for low, high in ranges):  # type: ignore[union-attr]
        return _sides_pairwise(facts)
    top_low = max(low for low, _ in ranges)
    bottom_high = min(high for _, high in ranges)
    clashing = [(fact, (low, high)) for fact, (low, high) in zip(facts, ranges) if top_low > high or bottom_high < low]
    clash_ids = {id(fact) for fact, _ in clashing}
    fits_all = [fact for fact in facts if id(fact) not in clash_ids]
    sides: list[list[Fact]] = []
    common: list[tuple[float, float]] = []  # each side's highest low end and lowest high end
    for fact, (low, high) in clashing:
        for index, (side_low, side_high) in enumerate(common):
            if low <= side_high and side_low <= high:
                sides[index].append(fact)
                common[index] = (max(side_low, low), min(side_high, high))
                break
        else:
            sides.append([fact])
            common.append((low, high))
    return sides, fits_all


def _sides_pairwise(facts: list[Fact]) -> tuple[list[list[Fact]], list[Fact]]:
    clashing = [fact for fact in facts if any(not _agree(fact.quantity, other.quantity) for other in facts)]
    fits_all = [fact for fact in facts if fact not in clashing]
    sides: list[list[Fact]] = []
    for fact in clashing:
        for side in sides:
            if all(_agree(fact.quantity, other.quantity) for other in side):
                side.append(fact)
                break
        else:
            sides.append([fact])
    return sides, fits_all


def _agree(first: Quantity | None, second: Quantity | None) -> bool:
    return first is not None and second is not None and first.compatible(second)


def _quantity_dispute(
    corpus: Corpus, phrases: _Phrases, sides: list[list[Fact]], fits_all: list[Fact], outlets: dict[str, str], order: dict[str, int],
    why: str, about: str = "",
) -> Dispute:
    """A number dispute: each side's wordings and outlets, what fits all sides, and what it is
    about: the words most versions measure when they are two or more ("Acme shares"), else
    `about`, the role's own words ("priced, 13-inch")."""
    every = [fact for side in sides for fact in side] + fits_all
    versions = tuple(phrases.version(fact) for fact in sorted(every, key=lambda fact: order[fact.span.article]))
    said = " vs ".join(_side_text(side, outlets) for side in sides)
    if fits_all:
        said += f"; {_side_text(fits_all, outlets)} fits {'both' if len(sides) == 2 else 'all'}"
    subject = _subject_phrase(corpus, every)
    subject = subject if len(subject.split()) > 1 else about or subject
    change = _change_over_time(corpus, sides)
    if change:
        said = f"{change}; {said}"
        why += "; the sources were published on different days, so the figure may have changed in between"
    return Dispute("", "number", f"{subject}: {said}" if subject else said, versions, why)


_ISO_DAY = re.compile(r"\d{4}-\d\d-\d\d")


def _change_over_time(corpus: Corpus, sides: list[list[Fact]]) -> str:
    """ "rose: 5 (2 Jul 2012) -> 24 (3 Jul 2012)" when each side was published on later days than
    the one before it; "" for a flat contradiction (the same day, or days that overlap)."""
    days = [[published_day(corpus.article(fact.span.article).date) for fact in side] for side in sides]
    known = [[day for day in side if day is not None] for side in days]
    if any(len(side) < len(found) for side, found in zip(known, days)):
        return ""
    order = sorted(range(len(sides)), key=lambda index: min(known[index]))
    if any(max(known[first]) >= min(known[then]) for first, then in zip(order, order[1:])):
        return ""
    values = [sides[index][0].quantity.low or 0.0 for index in order]  # type: ignore[union-attr]
    verb = "rose" if values == sorted(values) else "fell" if values == sorted(values, reverse=True) else "changed"
    steps = " -> ".join(f"{readable(sides[index][0])} ({_date_words(min(known[index]))})" for index in order)
    return f"{verb}: {steps}"


def _date_words(day: dt.date) -> str:
    return f"{day.day} {calendar.month_abbr[day.month]} {day.year}"


_DIGIT_GROUP = re.compile(r"(\d),\s(\d{3})\b")


def _side_text(side: list[Fact], outlets: dict[str, str]) -> str:
    """ "over $1 trillion, exceeding $1 trillion (The Herald, The Courier)"."""
    wordings = ", ".join(dict.fromkeys(_DIGIT_GROUP.sub(r"\1,\2", " ".join(fact.text.split())) for fact in side))
    return f"{wordings} ({_sources(map(_version, side), outlets)})"


def _subject_phrase(corpus: Corpus, facts: list[Fact]) -> str:
    """The words of the first version's sentence that name what most versions measure ("bond holdings")."""
    counts: dict[str, int] = defaultdict(int)
    for fact in facts:
        for word in set(fact.subject.split()):
            counts[word] += 1
    common = {word for word, count in counts.items() if count * 2 >= len(facts)}
    lead = facts[0]
    body = corpus.article(lead.span.article).body
    around = body[max(0, lead.span.start - 80) : lead.span.end + 80]
    surface = [word for word in _SURFACE.findall(around) if stem(word.lower()) in common]
    once: dict[str, str] = {}
    for word in surface:
        once.setdefault(word.lower(), word)  # "Youths ... youths": once
    return " ".join(once.values())


# Dates ------------------------------------------------------------------------------------------


def _date_disputes(facts: Sequence[Fact], groups: Sequence[MatchGroup], outlets: dict[str, str], phrases: _Phrases) -> list[Dispute]:
    """One event dated differently: the same statement (a matched group worded alike), or calendar
    dates whose subject words are the same ("reopen in June" against "reopen in July").

    A group worded less alike than ALIKE_SCORE does not count: it may report the same words said on
    another occasion (an interview on Friday, a press conference on Sunday); nor do weekdays by subject, whose subjects
    are too rough to say they date the same event.
    """
    dates = [fact for fact in facts if fact.type == "date"]
    alike = [group for group in groups if group.score >= ALIKE_SCORE]
    group_of = {index: held[-1] for index, held in enumerate(_groups_holding(dates, alike)) if held}
    buckets: dict[tuple[str, ...], list[Fact]] = defaultdict(list)
    for index, fact in enumerate(dates):
        if index in group_of:
            buckets[("group", group_of[index])].append(fact)
        elif fact.subject and not _WEEKDAY.fullmatch(fact.value):
            key = ("subject", *sorted(set(fact.subject.split())))
            buckets[key].append(fact)
    order = {article: index for index, article in enumerate(outlets)}
    disputes = []
    for key, found in buckets.items():
        if key[0] == "group" and len({fact.span.article for fact in found}) < len(found):
            continue  # a version with two dates ("passage by Friday; a May 19 due date"): which is which?
        first = _one_per_source(found, order)
        day = {id(fact): phrases.day(fact) for fact in first}
        clash = [
            fact for fact in first
            if any(_dates_clash(day[id(fact)], day[id(other)], relative=day[id(fact)] != fact.value or day[id(other)] != other.value)
                   for other in first)
        ]
        if len(clash) > 1:
            disputes.append(_date_dispute(clash, key, outlets, phrases))
    return disputes


def _date_dispute(clash: list[Fact], key: tuple[str, ...], outlets: dict[str, str], phrases: _Phrases) -> Dispute:
    versions = tuple(phrases.version(fact) for fact in clash)
    by_value: dict[str, list[Fact]] = defaultdict(list)
    for fact in clash:
        by_value[fact.value].append(fact)
    said = " vs ".join(_side_text(side, outlets) for side in by_value.values())
    if key[0] == "group":
        return Dispute("", "date", f"Different dates for the same report: {said}", versions,
                       f"matched group {key[1]}: the same statement, with different dates")
    about = " ".join(key[1:])
    return Dispute("", "date", f"Different dates ({about}): {said}", versions, f"dates of the same event ({about}) differ")


RELATIVE_DAYS_APART = 2
"""A date resolved from "today" or "Monday" against an article's date clashes only this many days
apart: the article's date is where it was published, perhaps a day ahead of where it happened."""


def _dates_clash(first: str, second: str, relative: bool = False) -> bool:
    """Two date values of the same kind (weekdays, or calendar dates of the same precision) that
    differ; a weekday or "today" resolved against its article's date is a calendar date, which
    must be RELATIVE_DAYS_APART from the other to clash."""
    if relative and _ISO_DAY.fullmatch(first) and _ISO_DAY.fullmatch(second):
        apart = abs((dt.date.fromisoformat(first) - dt.date.fromisoformat(second)).days)
        return apart >= RELATIVE_DAYS_APART
    weekdays = _WEEKDAY.fullmatch(first), _WEEKDAY.fullmatch(second)
    if all(weekdays):
        return first.lower() != second.lower()
    if any(weekdays) or first.startswith(("last", "next", "this")) or second.startswith(("last", "next", "this")):
        return False
    return len(first) == len(second) and first[:1] in "-0123456789" and first != second


# Quotes ---------------------------------------------------------------------------------------


def _wording_disputes(
    groups: Sequence[MatchGroup], segments: dict[str, tuple[Segment, ...]], outlets: dict[str, str]
) -> list[Dispute]:
    """One utterance quoted in different words: a quote group whose versions are all direct speech
    (not "he vowed to ..."), joined with the same speaker's groups that share most of its content
    words ("The future of Europe and the future of Germany within Europe is at stake" and "Nothing
    less than the future of Europe, and with that the future of Germany in Europe, is at stake")."""
    order = {article: index for index, article in enumerate(outlets)}
    quotes = _Quotes(segments)
    utterances = [group for group in groups if group.kind == "quote" and not any(map(_reported, group.members))]
    disputes = []
    for joined in _same_utterances(utterances):
        members = [member for group in joined for member in group.members]
        if len(joined) == 1 and joined[0].wording == "variant":
            members += _same_remark_elsewhere(joined[0], segments, quotes)
        members.sort(key=lambda member: (order[member.span.article], member.span.start))
        wordings = {_quoted_words(member.text) for member in members}
        if len(wordings) < 2:
            continue  # the same words, framed differently or spelled the British or the American way
        versions = tuple(Version(member.span, member.text, member.text) for member in members)
        speaker = _speaker(members)
        who = f"{speaker}'s words" if speaker else "The same words"
        summary = f"{who} quoted {len(wordings)} ways ({_sources(versions, outlets)})"
        ids = ", ".join(group.id for group in joined)
        why = f"same utterance ({ids}), quoted in different words"
        disputes.append(Dispute("", "wording", summary, versions, why))
    return disputes


UTTERANCE_OVERLAP = 0.5
"""Two quote groups of one speaker with this share of their content words in common (of the smaller) are one utterance."""
_REPORTED = re.compile(rf"\b(?:{_SAID_VERBS})\b", re.IGNORECASE)


def _reported(member: Segment) -> bool:
    """Whether a passage reports speech in the writer's words ("vowed to bring those responsible
    to justice") rather than quoting it: a sentence with a speech verb and no quote marks."""
    return member.kind == "sentence" and not _QUOTED.search(member.text) and bool(_REPORTED.search(member.text))


def _same_utterances(groups: list[MatchGroup]) -> list[list[MatchGroup]]:
    """The groups joined when one speaker's words in them share most content words and no article.
    Bundles are found through the words of their speakers' names, so each group meets only the
    bundles of a speaker it shares a name word with."""
    joined: list[list[int]] = []
    articles: list[set[str]] = []
    stems: list[set[str]] = []
    by_name: dict[str, list[int]] = defaultdict(list)
    for index, group in enumerate(groups):
        speaker = _speaker(group.members)
        words_of = _quoted_stems(group.members[0].text)
        names = (speaker or "").lower().split()
        bundle = next(
            (number for number in dict.fromkeys(n for name in names for n in by_name[name])
             if not articles[number] & set(group.articles) and _overlap(words_of, stems[number]) >= UTTERANCE_OVERLAP),
            None,
        )
        if bundle is None:
            bundle = len(joined)
            joined.append([])
            articles.append(set())
            stems.append(words_of)
            for name in names:
                by_name[name].append(bundle)
        joined[bundle].append(index)
        articles[bundle] |= set(group.articles)
    return [[groups[index] for index in bundle] for bundle in joined]


def _quoted_stems(text: str) -> set[str]:
    """The content stems of the quoted words of a passage (all of it without quote marks), spellings folded."""
    return {fold_spelling(word) for word in content_words(" ".join(_QUOTED.findall(text)) or text)}


def _overlap(one: set[str], other: set[str]) -> float:
    return len(one & other) / min(len(one), len(other)) if one and other else 0.0


def _quoted_words(text: str) -> tuple[str, ...]:
    """The words inside the quote marks of a passage (all of it when it has none), spellings folded."""
    quoted = " ".join(_QUOTED.findall(text)) or text
    folded = [fold_spelling(word.replace("'", "")) for word in words(quoted)]
    while folded and folded[0] in ("a", "an", "the"):
        folded.pop(0)  # '"a reckless act"' and 'a "reckless act"' quote the same words
    return tuple(folded)


REMARK_LIKENESS = 45
"""How alike (rapidfuzz token_sort_ratio, on average) another source's wording must read to join."""
REMARK_WORDS = 12
"""A remark short enough that one shared content word can tie two wordings of it together."""


class _Quotes:
    """Every article's quote sentences, worked out once: with their content words, normalised
    text and length, and which articles quote someone with a given name word."""

    def __init__(self, segments: dict[str, tuple[Segment, ...]]) -> None:
        self.of: dict[str, list[tuple[Segment, set[str], str, int]]] = {}
        self.articles_quoting: dict[str, set[str]] = defaultdict(set)
        for article, article_segments in segments.items():
            self.of[article] = [
                (quote, set(content_words(quote.text)), normalise(quote.text), len(quote.text.split()))
                for quote in with_quote_sentences(article_segments)
                if quote.kind == "quote"
            ]
            for quote, *_ in self.of[article]:
                for word in (quote.speaker or "").lower().split():
                    self.articles_quoting[word].add(article)


def _same_remark_elsewhere(
    group: MatchGroup, segments: dict[str, tuple[Segment, ...]], quotes: _Quotes | None = None
) -> list[Segment]:
    """For each source not in the group, its short quote by the same speaker that shares a content
    word with every version and reads most like them, if it has one."""
    speaker = _speaker(group.members)
    if not speaker or max(len(m.text.split()) for m in group.members) > REMARK_WORDS:
        return []
    quotes = quotes or _Quotes(segments)
    wordings = [normalise(member.text) for member in group.members]
    stems = [set(content_words(member.text)) for member in group.members]
    longest = max(len(wording.split()) for wording in wordings)
    quoting = set().union(*(quotes.articles_quoting.get(word, set()) for word in speaker.lower().split()))
    found = []
    for article in segments:
        if article in group.articles or article not in quoting:
            continue
        fitting = [
            (quote, normalised)
            for quote, quote_stems, normalised, length in quotes.of[article]
            if _one_person(quote.speaker, speaker)
            and length <= min(REMARK_WORDS, 1.5 * longest)
            and all(quote_stems & member for member in stems)
        ]
        likeness = {id(q): sum(fuzz.token_sort_ratio(n, w) for w in wordings) / len(wordings) for q, n in fitting}
        best = max((q for q, _ in fitting), key=lambda q: likeness[id(q)], default=None)
        if best is not None and likeness[id(best)] >= REMARK_LIKENESS:
            found.append(best)
    return found


def _one_person(first: str | None, second: str | None) -> bool:
    """Whether two names can be one person: the same words in any order ("Jane Doe", "Doe Jane"),
    one a word of the other ("Doe"), or the same surname with first names that fit ("J. Doe")."""
    if not first or not second:
        return False
    one, other = first.lower().replace(".", "").split(), second.lower().replace(".", "").split()
    if set(one) == set(other) or (len(one) == 1 and one[0] in other) or (len(other) == 1 and other[0] in one):
        return True
    return one[-1] == other[-1] and (one[0] == other[0] or min(len(one[0]), len(other[0])) == 1 and one[0][0] == other[0][0])


def _speaker(members: Iterable[Segment]) -> str | None:
    """The name most members credit, the earliest on a tie."""
    speakers = [member.speaker for member in members if member.speaker]
    return max(speakers, key=lambda name: (speakers.count(name), -speakers.index(name))) if speakers else None


def _attribution_disputes(corpus: Corpus, groups: Sequence[MatchGroup], sentences: _Sentences,
                          outlets: dict[str, str]) -> list[Dispute]:
    """The same words credited to different people: only where each version's own sentence names
    its speaker ("..., Deputy Chief Ann Lee said" against "..., Chief Robert J Moss said"),
    never through a pronoun resolved by guess."""
    bodies = {article.id: article.body for article in corpus.articles}
    disputes = []
    for group in groups:
        named = []
        for member in group.members:
            start, end = sentences.around(member.span)
            speaker = named_speaker(bodies[member.span.article][start:end])
            if speaker:
                named.append((member, speaker))
        speakers = sorted({speaker for _, speaker in named})
        if len({member.span.article for member, _ in named}) < 2 or all(_one_person(speakers[0], other) for other in speakers[1:]):
            continue
        versions = tuple(Version(member.span, member.text, speaker) for member, speaker in named)
        credited = " vs ".join(dict.fromkeys(speaker for _, speaker in named))
        summary = f"The same words credited to {credited} ({_sources(versions, outlets)})"
        why = f"same passage {group.id}, each version naming who said it: {credited}"
        disputes.append(Dispute("", "attribution", summary, versions, why))
    return disputes


_SAID_BY = re.compile(rf"({RUN})\s+{_SAID}\b|\b{_SAID}\s+({RUN})")


def named_speaker(sentence: str) -> str | None:
    """The person a sentence credits by name with a speech verb ("Lee said", "said Jon
    Eriksen"), without titles; None when it names nobody (a pronoun, "police said")."""
    for match in _SAID_BY.finditer(sentence):
        run = (match.group(1) or match.group(2)).split()
        name, _ = name_of(tuple(run))
        name = name[-3:]
        while name and (name[0].lower() in TITLES or name[0].lower().endswith(_TITLE_ENDINGS)):
            name = name[1:]
        if len(name) >= 2 and looks_personal(tuple(word for word in name if len(word) > 1)):
            return " ".join(name)  # an initial without its full stop ("Robert J Moss") is still a name
    return None


_TITLE_ENDINGS = ("man", "woman", "person")  # spokesman, chairwoman, spokesperson: roles, not names


# Places ---------------------------------------------------------------------------------------


PLACE_ACT_BEFORE = 12
"""How many words before a place its act may stand: a place ends its clause ("surrendering only
after troopers boxed in his car on the highway in Millbrook")."""


def _place_disputes(corpus: Corpus, facts: Sequence[Fact], quantities: _Quantities, outlets: dict[str, str]) -> list[Dispute]:
    """One act placed in different places ("boxed in his car ... in Millbrook" against "apprehending
    him near Oak Falls"): places whose clauses report the same act, neither naming the other, neither the story's own setting (a place most articles
    name: "a bank in Norland" and "a bank in Riverton" are both the story's), in sentences that
    (with the one before) name someone or something of this story (not another shooting told as
    background). Places said without a name count too ("died at the scene" against "died on the
    way to the hospital")."""
    bodies = {article.id: article.body for article in corpus.articles}
    common = quantities.common
    order = {article.id: index for index, article in enumerate(corpus.articles)}
    by_act: dict[str, list[Fact]] = defaultdict(list)
    for fact in facts:
        own = frozenset(stem(word.lower()) for word in _SURFACE.findall(fact.value))
        if fact.type != "place" or own <= common or _abbreviated(bodies[fact.span.article], fact.span.end):
            continue
        start, end = quantities.sentences.around(fact.span)
        before = quantities.sentences.around(Span(fact.span.article, max(0, start - 2), max(0, start - 2)))
        if not _of_this_story(bodies[fact.span.article], (min(before[0], start), end), common, own):
            continue  # neither its sentence nor the one before names anyone of this story: another event
        part = _comma_part(bodies[fact.span.article], quantities.sentences.around(fact.span), fact.span)
        placed = role(bodies[fact.span.article], part, fact.span.start, fact.span.end, "place", before=PLACE_ACT_BEFORE)
        if placed.act:
            by_act[placed.act].append(fact)
    disputes = []
    for act, found in by_act.items():
        first = _one_per_source(found, order)
        clash = [fact for fact in first if any(_places_differ(fact.value, other.value) for other in first)]
        if len({fact.span.article for fact in clash}) > 1:
            versions = tuple(quantities.phrases.version(fact) for fact in clash)
            said = " vs ".join(f"{fact.value} ({outlets[fact.span.article]})" for fact in clash)
            disputes.append(Dispute("", "place", f"Where it happened ({act_words(act)}): {said}", versions,
                                    f"one act of this story ({act_words(act)}) placed in different places"))
    return disputes


def _of_this_story(body: str, sentence: tuple[int, int], common: frozenset[str], own: frozenset[str] = frozenset()) -> bool:
    """Whether the sentence names someone or something most articles name (besides `own`, the
    fact's own words): it tells this story, not another event told as background."""
    return bool(({stem(word.lower()) for word in _SURFACE.findall(body[sentence[0] : sentence[1]])} - own) & common)


def _abbreviated(body: str, end: int) -> bool:
    """Whether a name ends in an abbreviation's full stop ("in Mich. office shooting")."""
    return bool(re.match(r"\.(?:,| +[a-z])", body[end : end + 4]))


def _comma_part(body: str, sentence: tuple[int, int], span: Span) -> tuple[int, int]:
    """The part of the sentence between the commas around the span: a place's act is in its own
    part ("Hours after the attack, officers received a tip from a driver in Elm Park": no act)."""
    start = body.rfind(",", sentence[0], span.start) + 1 or sentence[0]
    end = body.find(",", span.end, sentence[1])
    return start, sentence[1] if end < 0 else end


def _places_differ(one: str, other: str) -> bool:
    """Whether two places are different names: neither holds the other's words ("Millbrook" and
    "Millbrook, Ohio" may be one place)."""
    first, second = set(one.lower().split()), set(other.lower().split())
    return not (first <= second or second <= first)


# Names ----------------------------------------------------------------------------------------


def _spelling_disputes(facts: Sequence[Fact], outlets: dict[str, str]) -> list[Dispute]:
    """One name of a person, place or organisation written two ways: alike, but neither the same,
    nor the same words reordered, nor a demonym, an abbreviation or a longer form of it. Every
    source on each side is a version ("Acme Advisors" in six sources against "Acme Advisers")."""
    mentions: dict[str, dict[str, Fact]] = defaultdict(dict)
    for fact in facts:
        if fact.type in ("person", "organisation", "place"):
            mentions[_person_name(fact)].setdefault(fact.span.article, fact)
    names = list(mentions)
    disputes = []
    for position, later in _alike_names(names):
        name, other = names[position], names[later]
        one, two = (set(mentions[spelling]) for spelling in (name, other))
        if one == two or not _spelled_two_ways(name, other):
            continue
        sides = [[mentions[name][a] for a in sorted(one - two)], [mentions[other][a] for a in sorted(two - one)]]
        if not all(sides):
            continue
        versions = tuple(_version(fact) for side in sides for fact in side)
        said = " vs ".join(f"{spelling} ({len(side)}: {_sources(map(_version, side), outlets)})" for spelling, side in zip((name, other), sides))
        disputes.append(Dispute("", "spelling", f"Name spelled two ways: {said}", versions,
                                f"two names alike but not the same: {name} / {other}"))
    return disputes


def _alike_names(names: list[str]) -> list[tuple[int, int]]:
    """Pairs of names (positions) alike enough to be one name spelled two ways. Only names of as
    many words can be: each is compared with the later ones of its length in one rapidfuzz call."""
    lowered = [name.lower() for name in names]
    by_words: dict[int, list[int]] = defaultdict(list)
    for index, name in enumerate(names):
        by_words[len(name.split())].append(index)
    alike: list[tuple[int, int]] = []
    for indices in by_words.values():
        choices = [lowered[index] for index in indices]
        for k, index in enumerate(indices):
            found = process.extract(choices[k], choices[k + 1 :], scorer=fuzz.ratio, score_cutoff=SPELLING_LIKENESS, limit=None)
            alike.extend((index, indices[k + 1 + j]) for _, _, j in found)
    return sorted(alike)


def _person_name(fact: Fact) -> str:
    """The name in a person fact's value, without a title in parentheses."""
    return fact.value.split(" (")[0].strip()


_NAME_WORD = re.compile(r"[^\W\d_]+(?:['’.-][^\W\d_]+)*\.?")


def _spelled_two_ways(first: str, second: str) -> bool:
    """Alike names that differ in more than case and a plural ("AirBook Pro" / "Airbook Pros" are
    one), made of words (not "Township--as", a join the page made)."""
    if not all(_NAME_WORD.fullmatch(word) for word in (*first.split(), *second.split())):
        return False
    one, other = ([singular(word) for word in name.lower().split()] for name in (first, second))
    if one == other or sorted(one) == sorted(other):
        return False
    differing = [(a, b) for a, b in zip(one, other) if a != b]
    if len(one) != len(other) or any(_forms_of_one_word(a, b) for a, b in differing):
        return False
    if any(fuzz.ratio(a, b) < WORD_LIKENESS for a, b in differing):
        return False  # "AirBook Air" / "AirBook Pro": another word, not another spelling
    return fuzz.ratio(first.lower(), second.lower()) >= SPELLING_LIKENESS  # in order: Jon Eriksen / John Eriksen


def _forms_of_one_word(one: str, other: str) -> bool:
    """Whether two words are one word in two forms rather than one spelled two ways: a demonym or
    an adjective ("sudan" / "sudanese", "kenya" / "kenyan"), a longer hyphenated form ("army" /
    "army-north"), or an abbreviation (data/abbreviations.txt: "mt" / "mount")."""
    short, long = sorted((one.rstrip("."), other.rstrip(".")), key=len)
    if long.startswith(short) and (long[len(short)] == "-" or long[len(short):] in _DEMONYM_ENDINGS):
        return True
    return long in ABBREVIATIONS.get(short, ())


RANKS = word_list("ranks.txt")
"""Title words that say what office a person holds: two sources giving different ones disagree."""
PORTFOLIOS = word_list("portfolios.txt")
"""Stems that tell offices of one rank apart: a finance minister is not the prime minister."""
OFFICE_SYNONYMS = heads("office_synonyms.txt")
"""Words that name one office in two ways ("vice president" is "deputy head"): folded before titles are compared."""


def _title_disputes(corpus: Corpus, facts: Sequence[Fact], outlets: dict[str, str]) -> list[Dispute]:
    """One person given different offices by different sources ("Finance Minister" vs "Prime Minister")."""
    disputes = []
    for mentions in _people(facts):
        titled = _first_title_per_source(mentions)
        for position, first in enumerate(titled):
            clash = next((other for other in titled[position + 1 :] if _offices_differ(first, other)), None)
            if clash is not None:
                versions = tuple(
                    Version(fact.span, fact.text, _title_as_written(corpus.article(fact.span.article).body, fact))
                    for fact in (first, clash)
                )
                summary = f"{_person_name(first)} given different titles: {versions[0].value} vs {versions[1].value} ({_sources(versions, outlets)})"
                disputes.append(Dispute("", "title", summary, versions, "the sources name different offices"))
                break
    return disputes


def _title_as_written(body: str, fact: Fact) -> str:
    """The title as the text writes it around the name ("Finance Minister", "head of GSEE"): the
    words next to the name whose stems the fact's subject holds; the stems themselves failing that."""
    stems = set(fact.subject.split())
    before = _SURFACE.findall(body[max(0, fact.span.start - 60) : fact.span.start])
    taken: list[str] = []
    for word in reversed(before):
        if stem(word.lower()) not in stems:
            break
        taken.insert(0, word)
    after = _SURFACE.findall(body[fact.span.end : fact.span.end + 60].split("\n")[0])
    taken += [word for word in after[:6] if stem(word.lower()) in stems] if not taken else []
    return " ".join(taken) or fact.subject


def _first_title_per_source(mentions: list[Fact]) -> list[Fact]:
    first: dict[str, Fact] = {}
    for fact in mentions:
        if set(fact.subject.split()) & RANKS:
            first.setdefault(fact.span.article, fact)
    return list(first.values())


def _offices_differ(first: Fact, second: Fact) -> bool:
    one = {OFFICE_SYNONYMS.get(word, word) for word in first.subject.split()}
    other = {OFFICE_SYNONYMS.get(word, word) for word in second.subject.split()}
    ranks = {OFFICE_SYNONYMS.get(word, word) for word in RANKS} | {"chief"}
    if not one & other & ranks:
        return True
    return bool((one & PORTFOLIOS) and (other & PORTFOLIOS) and not (one & other & PORTFOLIOS))


# Claims only one source makes -------------------------------------------------------------------


def _single_source(
    corpus: Corpus,
    facts: Sequence[Fact],
    conflicts: list[Dispute],
    quantities: _Quantities,
    outlets: dict[str, str],
) -> list[Dispute]:
    """Checkable claims only one source makes: a named, titled person no other source names, and a
    figure with a role (what it counts and what happened to it) that no other source gives."""
    disputed = _Within([version.span for dispute in conflicts for version in dispute.versions])
    found = []
    capitalised = _capitalised_words(corpus)
    for mentions in _people(facts):
        fact = next((mention for mention in mentions if mention.subject), None)
        articles = {mention.span.article for mention in mentions}
        if fact is None or len(articles) > 1 or disputed(fact.span):
            continue
        name = _person_name(fact)
        if len(name.split()) < 2:
            continue
        if any(capitalised[word] - articles for word in name.split()):
            continue  # another source names someone of that name: perhaps the same person spelled otherwise
        version = quantities.phrases.version(fact)
        summary = f"Only {outlets[fact.span.article]} names {name}: “{version.text}”"
        found.append(Dispute("", "uncorroborated", summary, (version,), "no other source names this person"))
    found.extend(_lonely_numbers(corpus, quantities, disputed, outlets))
    return found


def _people(facts: Sequence[Fact]) -> list[list[Fact]]:
    """Person facts gathered by person (_one_person: "Jane Doe", "Doe Jane", "Doe", "J. Doe"), each
    name meeting only the people who share one of its words."""
    people: list[tuple[str, list[Fact]]] = []
    by_word: dict[str, list[int]] = defaultdict(list)
    for fact in facts:
        if fact.type != "person":
            continue
        name = _person_name(fact)
        words_of = name.lower().replace(".", "").split()
        known = next((i for i in dict.fromkeys(i for w in words_of for i in by_word[w]) if _one_person(people[i][0], name)), None)
        if known is None:
            known = len(people)
            people.append((name, []))
            for word in words_of:
                by_word[word].append(known)
        people[known][1].append(fact)
    return [mentions for _, mentions in people]


def _capitalised_words(corpus: Corpus) -> dict[str, set[str]]:
    """For each capitalised word, the articles that have it."""
    found: dict[str, set[str]] = defaultdict(set)
    for article in corpus.articles:
        for word in set(_SURFACE.findall(article.body)):
            if word[0].isupper():
                found[word].add(article.id)
    return found


class _Within:
    """Whether a span lies inside one of the given spans (a fact inside a version's phrase): per
    article the spans by start, with the furthest end reached so far, so one bisect answers."""

    def __init__(self, spans: Iterable[Span]) -> None:
        by_article: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for span in spans:
            by_article[span.article].append((span.start, span.end))
        self.starts: dict[str, list[int]] = {}
        self.reach: dict[str, list[int]] = {}
        for article, found in by_article.items():
            found.sort()
            self.starts[article] = [start for start, _ in found]
            self.reach[article] = list(accumulate((end for _, end in found), max))

    def __call__(self, span: Span) -> bool:
        count = bisect.bisect_right(self.starts.get(span.article, ()), span.start)
        return count > 0 and self.reach[span.article][count - 1] >= span.end


def _lonely_numbers(corpus: Corpus, quantities: _Quantities, disputed: _Within, outlets: dict[str, str]) -> list[Dispute]:
    """Figures with a role (a known act) that no other source gives a figure of, nor a value that
    fits, in no passage that another source shares (a matched passage is corroborated, or disputed)."""
    articles_of: dict[Role, set[str]] = defaultdict(set)
    for fact, found in zip(quantities.facts, quantities.roles):
        articles_of[found].add(fact.span.article)
    elsewhere = _Elsewhere(quantities.all_quantities)
    claims = []
    for index, (fact, found) in enumerate(zip(quantities.facts, quantities.roles)):
        if not found.unit or not found.act or VAGUE.match(fact.text):
            continue  # a claim worth checking says what happened to what it counts, and how many exactly
        if disputed(fact.span) or quantities.in_groups[index] or elsewhere(fact) or articles_of[found] - {fact.span.article}:
            continue
        version = quantities.phrases.version(fact)
        summary = f"Only {outlets[fact.span.article]} gives {version.value}: “{version.text}”"
        why = f"no other source gives a figure with this role ({_role_words(found)})"
        claims.append(Dispute("", "uncorroborated", summary, (version,), why))
    return claims


class _Elsewhere:
    """Whether another source gives a compatible value in the same unit (so the number is
    corroborated). Compatible values are overlapping ranges, so per unit the ranges are sorted by
    their low end, with running maxima of the high end from two different articles: one bisect
    answers each question. Bare numbers (unit "") corroborate nothing and are left out."""

    def __init__(self, quantities: Sequence[Fact]) -> None:
        ranges: dict[str, list[tuple[float, float, str]]] = defaultdict(list)
        for fact in quantities:
            low, high = _range(fact)
            if fact.quantity.unit != "" and low <= high:  # type: ignore[union-attr]
                ranges[fact.quantity.unit].append((low, high, fact.span.article))  # type: ignore[union-attr]
        self.lows: dict[str, list[float]] = {}
        self.best: dict[str, list[tuple[float, str, float]]] = {}
        for unit, found in ranges.items():
            found.sort(key=lambda item: item[0])
            best: list[tuple[float, str, float]] = []  # (highest high, its article, highest high of another article)
            top, top_article, second = float("-inf"), "", float("-inf")
            for _, high, article in found:
                if high > top:
                    if article != top_article:
                        second = top
                    top, top_article = high, article
                elif article != top_article and high > second:
                    second = high
                best.append((top, top_article, second))
            self.lows[unit] = [low for low, _, _ in found]
            self.best[unit] = best

    def __call__(self, fact: Fact) -> bool:
        unit = fact.quantity.unit  # type: ignore[union-attr]
        low, high = _range(fact)
        if unit not in self.lows or low > high:
            return False
        count = bisect.bisect_right(self.lows[unit], high)
        if not count:
            return False
        top, top_article, second = self.best[unit][count - 1]
        return (top if top_article != fact.span.article else second) >= low


def _range(fact: Fact) -> tuple[float, float]:
    quantity = fact.quantity
    low = quantity.low if quantity.low is not None else float("-inf")  # type: ignore[union-attr]
    high = quantity.high if quantity.high is not None else float("inf")  # type: ignore[union-attr]
    return low, high
