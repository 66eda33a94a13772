"""Finding what a reader typed in the articles: literal, ignoring case, in reading order."""

from __future__ import annotations

from tui.core.model import Span
from tui.core.search import find


def test_every_occurrence_in_reading_order_ignoring_case() -> None:
    """The articles in the order given, each from its start; "Card" finds "card" and "CARD"."""
    bodies = [("b", "A card. Another CARD."), ("a", "No such word."), ("c", "card")]
    assert find(bodies, "Card") == [Span("b", 2, 6), Span("b", 16, 20), Span("c", 0, 4)]


def test_the_spans_are_the_words_found() -> None:
    """body[start:end] is the occurrence as the article spells it."""
    body = "Japan's holdings of US Treasuries"
    [span] = find([("a", body)], "us treasuries")
    assert body[span.start : span.end] == "US Treasuries"


def test_pattern_and_markup_characters_are_taken_literally() -> None:
    """".*" and "[b]" are searched as the characters they are, not as a pattern or markup."""
    bodies = [("a", "a [b]bold[/b] claim, .* and more"), ("b", "abc")]
    assert find(bodies, ".*") == [Span("a", 21, 23)]
    assert find(bodies, "[b]") == [Span("a", 2, 5)]
    assert find(bodies, "(") == []


def test_a_space_matches_a_line_break_and_a_quote_its_curly_form() -> None:
    """A hard-wrapped line and a typographer's apostrophe still match what the reader typed."""
    body = "the central\nbank said Kato\u2019s card"
    assert [body[s.start : s.end] for s in find([("a", body)], "central bank")] == ["central\nbank"]
    assert [body[s.start : s.end] for s in find([("a", body)], "kato's")] == ["Kato\u2019s"]


def test_an_empty_query_finds_nothing() -> None:
    """Nothing typed, or only spaces: no hits (not one at every character)."""
    assert find([("a", "text")], "") == [] == find([("a", "text")], "   ")


def test_occurrences_do_not_overlap() -> None:
    """"aa" in "aaaa" is found twice, side by side."""
    assert find([("a", "aaaa")], "aa") == [Span("a", 0, 2), Span("a", 2, 4)]
