"""The word-level diff behind the match details."""

from __future__ import annotations

import pytest

from tui.core.diff import tokens, word_counts, word_diff, word_key

PAIRS = [
    ("We obviously need to put all cards on the table.", "We need to put all the cards on the table"),
    ("“It could be among such cards,” he said.", "\"It could be among such cards\", Kato said"),
    ("", "Something new"),
    ("Something old", ""),
    ("  leading space kept", "leading space kept  "),
    ("a b c", "x y z"),
]


@pytest.mark.parametrize(("reference", "other"), PAIRS)
def test_the_other_version_comes_back_unchanged(reference: str, other: str) -> None:
    """Joining every run but the dropped ones gives the other text, character for character."""
    runs = word_diff(reference, other)
    assert "".join(text for op, text in runs if op != "dropped") == other


@pytest.mark.parametrize(("reference", "other"), PAIRS)
def test_the_reference_comes_back_from_equal_and_dropped_words(reference: str, other: str) -> None:
    """The reference's words are the equal and dropped runs, in order (compared loosely)."""
    runs = word_diff(reference, other)
    kept = [word_key(t) for op, text in runs if op in ("equal", "dropped") for t in tokens(text)]
    assert [k for k in kept if k] == [k for k in map(word_key, tokens(reference)) if k]


def test_case_punctuation_and_quote_style_do_not_count() -> None:
    """Curly or straight quotes, a trailing comma and capitals make no difference."""
    runs = word_diff("“We obviously need to put all cards on the table,”", '"we obviously need to put all Cards on the table"')
    assert [op for op, _ in runs] == ["equal"]
    assert runs[0][1] == '"we obviously need to put all Cards on the table"'


def test_added_dropped_and_changed_words() -> None:
    """A word only in the other is added, one only in the reference dropped, a swap is dropped + changed."""
    runs = word_diff("Kato said Japan holds the bonds", "Kato stated that Japan holds bonds")
    assert runs == [
        ("equal", "Kato "),
        ("dropped", "said "),
        ("changed", "stated that "),
        ("equal", "Japan holds "),
        ("dropped", "the "),
        ("equal", "bonds"),
    ]
    assert word_counts(runs) == {"equal": 4, "added": 0, "dropped": 2, "changed": 2}


def test_an_insertion_is_added() -> None:
    """Words put in between equal words are added, nothing is dropped."""
    assert word_diff("all cards on the table", "all the cards on the table") == [
        ("equal", "all "),
        ("added", "the "),
        ("equal", "cards on the table"),
    ]


def test_identical_text_is_one_equal_run() -> None:
    """A verbatim copy diffs to a single equal run."""
    assert word_diff("same words here", "same words here") == [("equal", "same words here")]


def test_markup_is_just_words() -> None:
    """Square brackets are text to the diff, kept as written."""
    runs = word_diff("see [bold]this[/bold] now", "see [bold]this[/bold] today")
    assert runs[0] == ("equal", "see [bold]this[/bold] ")
