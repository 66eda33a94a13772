"""Checkable facts of an article body: amounts, numbers, percentages, dates, times, people, organisations, places."""

# Each kind of fact is read by the module about it, where its value format is written down
# (what Fact.value holds, so that the lead and the CLI can rely on them):
#   quantities.py   money, number, percent: "USD 1.07e12 (at most)", and Fact.quantity as a range
#   dates.py        date: "2025-05-04", "--05-02", "--05 (mid)", "last Friday"
#   times.py        time of day: "14:53", "15:20 GMT", "14:53 local"
#   vague.py        vague amounts as ranges: "a few hours", "hundreds of people"
#   names.py        person (title in Fact.subject), organisation, place (canonical names from
#                   data/organisations.txt and data/places.txt)
#   subjects.py     Fact.subject of a quantity or a date: what it measures, as stems
# Candidates of every kind overlap ("May 4, 2025" holds a number); candidates.py settles them.

from __future__ import annotations

from tui.core import boilerplate
from tui.core.model import Article, Fact, Span

from .anchors import quantities_and_dates
from .candidates import Candidate, settle
from .names import names_of_things, people
from .quantities import parse_quantity
from .subjects import subject
from .times import times
from .vague import vague_amounts

__all__ = ["extract_facts", "parse_quantity"]

_MEASURED = ("money", "number", "percent", "date", "time")


def extract_facts(article: Article) -> tuple[Fact, ...]:
    """Checkable facts of the article body, in order of offset; none from page furniture (boilerplate.furniture)."""
    body = article.body
    candidates = [*quantities_and_dates(body), *vague_amounts(body), *times(body), *names_of_things(body), *people(body)]
    return tuple(_fact(article, candidate) for candidate in settle(candidates, boilerplate.furniture(body)))


def _fact(article: Article, candidate: Candidate) -> Fact:
    """The fact a settled candidate makes; a quantity or a date gets what it measures as its subject."""
    about = candidate.subject
    if candidate.type in _MEASURED:
        about = subject(article.body, candidate.start, candidate.end, candidate.counted)
    span = Span(article.id, candidate.start, candidate.end)
    return Fact(span, candidate.type, article.body[span.start : span.end], candidate.value, candidate.quantity, about)
