"""Disputes about dates: one matched statement, or one event, put on different days."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Sequence

from tui.core.disputes.context import _groups_holding, _one_per_source, _Phrases, _side_text
from tui.core.model import Dispute, Fact, MatchGroup

_WEEKDAY = re.compile(r"(?i)(monday|tuesday|wednesday|thursday|friday|saturday|sunday)")
ALIKE_SCORE = 80
"""A matched group scored this high reports one statement nearly word for word: its dates must agree."""
_ISO_DAY = re.compile(r"\d{4}-\d\d-\d\d")


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
