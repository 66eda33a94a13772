"""Disputes: where the sources disagree, found from the facts and the matched groups.

find_disputes gives the conflicts in reading order (figures with one role that cannot all be
true, dates, times, places, one utterance quoted in different words, the same words credited to
different people, a name spelled two ways, one person given two offices), and apart from them
the checkable claims only one source makes. Agreements are not disputes: the same value in
other words or units (Quantity.compatible) is left alone, and figures about different things
(different roles: tui.core.roles) are never paired.

Copies of one text (tui.core.families) are one voice: a claim that only one family's copies make
is uncorroborated (listed once, with a version from each copy), and the copies never corroborate
each other. Two copies that give different values are still a conflict: an edited or updated
copy that disagrees with its original is worth a reader's look.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from tui.core.disputes.context import SENTENCE_REACH, _groups_holding, _Quantities, _Sentences, _Voices
from tui.core.disputes.dates import _date_disputes
from tui.core.disputes.figures import _aligned_quantity_disputes, _lonely_numbers, _role_disputes, _Within
from tui.core.disputes.names import _capitalised_words, _people, _person_name, _spelled_two_ways, _spelling_disputes, _title_disputes
from tui.core.disputes.places import _place_disputes
from tui.core.disputes.quotes import _attribution_disputes, _wording_disputes, named_speaker
from tui.core.model import Corpus, Dispute, Fact, Family, MatchGroup, Segment

__all__ = ["SENTENCE_REACH", "Findings", "_Sentences", "_Within", "_groups_holding", "_spelled_two_ways", "find_disputes", "named_speaker"]


class Findings(NamedTuple):
    """What find_disputes finds: the conflicts, and the claims only one source makes."""

    conflicts: tuple[Dispute, ...]
    uncorroborated: tuple[Dispute, ...]


def find_disputes(
    corpus: Corpus,
    facts: Sequence[Fact],
    groups: Sequence[MatchGroup],
    segments: dict[str, tuple[Segment, ...]] | None = None,
    families: Sequence[Family] = (),
) -> Findings:
    """Every disagreement across sources in reading order (d1, d2, ...), and apart from them the
    checkable claims that only one voice makes (u1, u2, ...): one source, or the copies of one
    text (`families`, from tui.core.families.find_families)."""
    order = {article.id: index for index, article in enumerate(corpus.articles)}
    outlets = {article.id: article.outlet for article in corpus.articles}
    voices = _Voices(corpus, families)
    quantities = _Quantities(corpus, facts, groups, segments or {})
    aligned = _aligned_quantity_disputes(quantities, groups, order, outlets, corpus)
    conflicts = [
        *aligned,
        *_without(_role_disputes(quantities, order, outlets, corpus), aligned),
        *_date_disputes(facts, groups, outlets, quantities.phrases),
        *_wording_disputes(groups, segments or {}, outlets),
        *_attribution_disputes(corpus, groups, quantities.sentences, outlets),
        *_spelling_disputes(facts, outlets, voices),
        *_place_disputes(corpus, facts, quantities, outlets),
        *_title_disputes(corpus, facts, outlets),
    ]
    conflicts.sort(key=lambda dispute: _position(dispute, order))
    lonely = sorted(
        _single_source(corpus, facts, conflicts, quantities, outlets, voices), key=lambda dispute: _position(dispute, order)
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


def _single_source(
    corpus: Corpus,
    facts: Sequence[Fact],
    conflicts: list[Dispute],
    quantities: _Quantities,
    outlets: dict[str, str],
    voices: _Voices,
) -> list[Dispute]:
    """Checkable claims only one voice makes (one source, or the copies of one text): a named,
    titled person no other voice names, and a figure with a role (what it counts and what
    happened to it) that no other voice gives."""
    disputed = _Within([version.span for dispute in conflicts for version in dispute.versions])
    found = []
    capitalised = _capitalised_words(corpus)
    for mentions in _people(facts):
        fact = next((mention for mention in mentions if mention.subject), None)
        articles = {mention.span.article for mention in mentions}
        if fact is None or len(voices.of(articles)) > 1 or disputed(fact.span):
            continue
        name = _person_name(fact)
        if len(name.split()) < 2:
            continue
        if any(voices.of(capitalised[word]) - voices.of(articles) for word in name.split()):
            continue  # another voice names someone of that name: perhaps the same person spelled otherwise
        versions = tuple(quantities.phrases.version(mention) for mention in _in_each_copy(fact, mentions, voices))
        summary = f"Only {voices.who(articles, outlets)} names {name}: “{versions[0].text}”"
        found.append(Dispute("", "uncorroborated", summary, versions, f"{voices.nobody_else(versions)} names this person"))
    found.extend(_lonely_numbers(corpus, quantities, disputed, outlets, voices))
    return found


def _in_each_copy(fact: Fact, mentions: list[Fact], voices: _Voices) -> list[Fact]:
    """The fact, then the first mention in each other article that makes it (the other copies of
    its text), in corpus order."""
    first: dict[str, Fact] = {}
    for mention in sorted(mentions, key=lambda mention: (voices.order[mention.span.article], mention.span.start)):
        first.setdefault(mention.span.article, mention)
    return [fact, *(mention for article, mention in first.items() if article != fact.span.article)]
