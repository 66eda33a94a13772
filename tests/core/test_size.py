"""One long article: the lookups that replace scans over a whole article give what the scans gave,
and text without line breaks or full stops is read in bounded pieces."""

from __future__ import annotations

import re
from random import Random

from tui.core.align import build_units
from tui.core.align.groups import overlapping_units
from tui.core.analysis import _Overlaps
from tui.core.corpus import load_corpus
from tui.core.disputes import SENTENCE_REACH, _groups_holding, _Sentences, _Within
from tui.core.model import Fact, MatchGroup, Segment, Span
from tui.core.names import Names, _find_word
from tui.core.segment import segment


def random_spans(rng: Random, count: int, article: str = "a") -> list[Span]:
    spans = []
    for _ in range(count):
        start = rng.randrange(2000)
        spans.append(Span(article, start, start + rng.randrange(1, 300)))
    return spans


def test_groups_holding_a_fact_are_those_whose_passage_contains_it_in_group_order() -> None:
    rng = Random(11)
    for _ in range(50):
        members = [Segment(span, "sentence", "") for span in random_spans(rng, 30) + random_spans(rng, 5, "b")]
        groups = [MatchGroup(f"m{n}", "statement", "exact", 90.0, tuple(members[n::7])) for n in range(7)]
        facts = [Fact(span, "number", "", "") for span in random_spans(rng, 40) + random_spans(rng, 5, "b")]
        held = _groups_holding(facts, groups)
        every = [
            [group.id for group in groups for member in group.members
             if member.span.article == fact.span.article
             and member.span.start <= fact.span.start and fact.span.end <= member.span.end]
            for fact in facts
        ]
        assert held == every
        assert any(held)


def test_within_tells_whether_a_span_lies_inside_one_of_the_spans() -> None:
    rng = Random(5)
    for _ in range(50):
        spans = random_spans(rng, 20)
        within = _Within(spans)
        for span in random_spans(rng, 40) + random_spans(rng, 3, "b"):
            inside = any(s.article == span.article and s.start <= span.start and span.end <= s.end for s in spans)
            assert within(span) == inside


def test_a_short_sentence_is_the_whole_sentence() -> None:
    body = "First sentence here. The county set aside $2 million for the families. Last one."
    start = body.index("The")
    end = body.index(" Last")
    sentences = _Sentences({"a": body}, {"a": (Segment(Span("a", start, end), "sentence", body[start:end]),)})
    figure = body.index("$2")
    assert sentences.around(Span("a", figure, figure + 10)) == (start, end)


def test_a_sentence_without_full_stops_is_cut_some_way_either_side_of_the_fact() -> None:
    """A paragraph of a million characters and no full stop: each fact reads at most a few
    thousand characters around it, and at least SENTENCE_REACH either side."""
    body = "the crews worked on and on " * 40_000
    sentence = Segment(Span("a", 0, len(body)), "sentence", body)
    lines = {"a": body, "b": body.replace(" on ", "\n", 3)}
    sentences = _Sentences(lines, {"a": (sentence,)})
    for start in (0, 5, 500_003, len(body) - 10):
        span = Span("a", start, start + 5)
        lo, hi = sentences.around(span)
        assert lo <= max(0, start - SENTENCE_REACH) and min(len(body), span.end + SENTENCE_REACH) <= hi
        assert hi - lo <= 4 * SENTENCE_REACH
    lo, hi = sentences.around(Span("b", 600_000, 600_005))  # no sentence there: the line, cut too
    assert hi - lo <= 4 * SENTENCE_REACH and "\n" not in lines["b"][lo:hi]


def test_a_word_is_mid_sentence_where_a_search_of_the_whole_body_finds_it_so() -> None:
    """Names learns at once which capitalised words stand inside a sentence; each answer is the
    one searching the body for that word gives."""
    body = (
        "Doe said the port would reopen. Officials said little, and Doe, who leads it, agreed. "
        "Then Jean-Luc's team met Smith;  Brown and O'Neill  spoke. \"Fine,\" Lee said. Police arrived in Elm\u00a0Park, "
        "after Kato. Reuters reported it 4 Reuters-style, then Acme.com and Zed"
    )
    names = Names(body)
    words = set(re.findall(r"[A-Z][\w'’.-]*", body)) | {"Jean", "Acme", "Reu", "Park,"}
    assert {word for word in words if names.mid_sentence(word)} == {
        word for word in words if any(names._inside_sentence(at) for at in _find_word(body, word))
    }
    assert names.mid_sentence("Doe") and names.mid_sentence("Jean") and not names.mid_sentence("Officials")


def test_overlaps_tells_whether_a_passage_shares_a_character_with_a_shared_one() -> None:
    rng = Random(3)
    for _ in range(50):
        spans = [(span.start, span.end) for span in random_spans(rng, 15)]
        overlaps = _Overlaps(spans)
        for span in random_spans(rng, 40):
            every = any(Span("a", start, end).overlaps(span) for start, end in spans)
            assert overlaps(span.start, span.end) == every


def test_the_unitsoverlapping_units_a_unit_are_those_of_its_article_sharing_a_character() -> None:
    corpus = load_corpus()
    units = build_units(corpus, {article.id: segment(article) for article in corpus.articles})
    overlapping = overlapping_units(units)
    for unit in units:
        every = {other.index for other in units
                 if other is not unit and other.article == unit.article and other.segment.span.overlaps(unit.segment.span)}
        assert set(overlapping[unit.index]) == every
    assert any(overlapping.values())  # quotes inside their sentences
