"""Disputes about places: one act put in different places."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from tui.core.disputes.context import _SURFACE, _one_per_source, _Quantities
from tui.core.model import Corpus, Dispute, Fact, Span
from tui.core.roles import act_words, role
from tui.core.text import stem

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
        if fact.type != "place" or own <= common:
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
