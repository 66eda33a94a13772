"""The cursor the n/N and ]/[ keys move."""

from __future__ import annotations

from tui.core.navigation import Cursor


def test_first_step_forward_lands_on_the_first_item() -> None:
    """Before any jump the label is the total; n goes to 1/N."""
    cursor = Cursor(3, "match", "matches")
    assert cursor.label == "3 matches"
    assert cursor.move(1) == 0
    assert cursor.label == "match 1/3"


def test_first_step_back_lands_on_the_last_item() -> None:
    """N before any jump goes to the last item."""
    assert Cursor(3, "dispute").move(-1) == 2


def test_steps_wrap_round_both_ways() -> None:
    """Past the last comes the first, before the first the last."""
    cursor = Cursor(2, "match", "matches")
    assert [cursor.move(1) for _ in range(3)] == [0, 1, 0]
    assert cursor.move(-1) == 1


def test_empty_cursor_stays_put() -> None:
    """With nothing to visit, moving does nothing and the label says so."""
    cursor = Cursor(0, "match", "matches")
    assert cursor.move(1) is None
    assert cursor.label == "0 matches"


def test_go_to_ignores_out_of_range() -> None:
    """go_to moves only to an existing item."""
    cursor = Cursor(4, "dispute")
    assert cursor.go_to(2) == 2
    assert cursor.go_to(9) == 2
    assert cursor.label == "dispute 3/4"


def test_singular_label() -> None:
    """One item reads "1 match", not "1 matchs"."""
    assert Cursor(1, "match", "matches").label == "1 match"
