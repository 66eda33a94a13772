"""Disputes about figures: one role given different values, their reasons in words, and the figures only one source gives."""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from itertools import accumulate

from tui.core.disputes.context import _SURFACE, _one_per_source, _Phrases, _Quantities, _side_text, _Voices
from tui.core.facts.dates import published_day
from tui.core.facts.quantities import CURRENCIES, MEASURES
from tui.core.facts.vague import VAGUE
from tui.core.model import Corpus, Dispute, Fact, MatchGroup, Quantity, Span
from tui.core.roles import Role, act_words
from tui.core.text import stem
from tui.core.values import readable


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


CHANGED_OVER_TIME = "the sources were published on different days, so the figure may have changed in between"
"""What the `why` of a figure that may have changed between the sources' days says (a filter hides them by it)."""


def changed_over_time(dispute: Dispute) -> bool:
    """Whether a dispute is a figure that differs between articles of different days: maybe a change, not a contradiction."""
    return CHANGED_OVER_TIME in dispute.why


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
        why += f"; {CHANGED_OVER_TIME}"
    return Dispute("", "number", f"{subject}: {said}" if subject else said, versions, why)


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


def _lonely_numbers(corpus: Corpus, quantities: _Quantities, disputed: _Within, outlets: dict[str, str], voices: _Voices) -> list[Dispute]:
    """Figures with a role (a known act) that no other voice gives a figure of, nor a value that
    fits, in no passage that another voice shares (a matched passage is corroborated, or
    disputed). The copies of one text that give the figure make one claim, a version each."""
    voices_of: dict[Role, set[str]] = defaultdict(set)
    for fact, found in zip(quantities.facts, quantities.roles):
        voices_of[found].add(voices(fact.span.article))
    elsewhere = _Elsewhere(quantities.all_quantities, voices)
    claims: list[tuple[list[Fact], Role]] = []
    by_voice: dict[tuple[str, Role], list[Fact]] = {}
    for index, (fact, found) in enumerate(zip(quantities.facts, quantities.roles)):
        if not found.unit or not found.act or VAGUE.match(fact.text):
            continue  # a claim worth checking says what happened to what it counts, and how many exactly
        voice = voices(fact.span.article)
        if disputed(fact.span) or elsewhere(fact) or voices_of[found] - {voice}:
            continue
        if any(voices.of(quantities.group_articles[group]) - {voice} for group in quantities.in_groups[index]):
            continue  # a passage another voice shares
        earlier = by_voice.get((voice, found))
        if earlier and fact.span.article not in {one.span.article for one in earlier} and _agree(fact.quantity, earlier[0].quantity):
            earlier.append(fact)  # another copy of the text gives it
            continue
        claims.append(([fact], found))
        by_voice.setdefault((voice, found), claims[-1][0])
    return [_lonely_claim(facts, found, quantities.phrases, outlets, voices) for facts, found in claims]


def _lonely_claim(facts: list[Fact], found: Role, phrases: _Phrases, outlets: dict[str, str], voices: _Voices) -> Dispute:
    """ "Only The Herald gives 12 injured: ..." with a version from each copy of the text that gives it."""
    versions = tuple(phrases.version(fact) for fact in facts)
    who = voices.who((fact.span.article for fact in facts), outlets)
    summary = f"Only {who} gives {versions[0].value}: “{versions[0].text}”"
    why = f"{voices.nobody_else(versions)} gives a figure with this role ({_role_words(found)})"
    return Dispute("", "uncorroborated", summary, versions, why)


class _Elsewhere:
    """Whether another source gives a compatible value in the same unit (so the number is
    corroborated). Compatible values are overlapping ranges, so per unit the ranges are sorted by
    their low end, with running maxima of the high end from two different voices: one bisect
    answers each question. Bare numbers (unit "") corroborate nothing and are left out. "Another
    source" is another voice: the copies of one text do not corroborate each other."""

    def __init__(self, quantities: Sequence[Fact], voices: _Voices) -> None:
        self.voices = voices
        ranges: dict[str, list[tuple[float, float, str]]] = defaultdict(list)
        for fact in quantities:
            low, high = _range(fact)
            if fact.quantity.unit != "" and low <= high:  # type: ignore[union-attr]
                ranges[fact.quantity.unit].append((low, high, voices(fact.span.article)))  # type: ignore[union-attr]
        self.lows: dict[str, list[float]] = {}
        self.best: dict[str, list[tuple[float, str, float]]] = {}
        for unit, found in ranges.items():
            found.sort(key=lambda item: item[0])
            best: list[tuple[float, str, float]] = []  # (highest high, its voice, highest high of another voice)
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
        return (top if top_article != self.voices(fact.span.article) else second) >= low


def _range(fact: Fact) -> tuple[float, float]:
    quantity = fact.quantity
    low = quantity.low if quantity.low is not None else float("-inf")  # type: ignore[union-attr]
    high = quantity.high if quantity.high is not None else float("inf")  # type: ignore[union-attr]
    return low, high
