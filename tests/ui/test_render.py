"""Wrapping and making text safe: the offsets the reader scrolls by must stay true."""

from __future__ import annotations

import pytest
from rich.cells import cell_len
from rich.style import Style

from tui.ui.render import Highlight, Highlights, LineCache, safe_text, styled_line, wrap

PROSE = (
    "Japan’s finance minister Katsunobu Kato has for the first time publicly floated the possibility "
    "of using the country’s vast US Treasury holdings.\n\n  • An indented item\nA-very-long-hyphenated-"
    "word-that-cannot-fit-on-one-line-at-all and 日本の財務大臣 text."
)


@pytest.mark.parametrize("width", [1, 5, 12, 37, 80, 500])
def test_wrapped_lines_cover_the_text_in_order(width: int) -> None:
    """Every character but the line breaks falls in exactly one line, in order."""
    lines = wrap(PROSE, width)
    rebuilt = "\n".join(PROSE[start:end] for start, end in lines)
    assert rebuilt.replace("\n", "") == PROSE.replace("\n", "")
    assert all(start <= end for start, end in lines)
    assert [start for start, _ in lines] == sorted(start for start, _ in lines)


@pytest.mark.parametrize("width", [5, 12, 37, 80])
def test_wrapped_lines_fit_the_width(width: int) -> None:
    """No line's visible text is wider than the column (trailing spaces may hang)."""
    for start, end in wrap(PROSE, width):
        assert cell_len(PROSE[start:end].rstrip()) <= width


def test_wrap_breaks_between_words_when_it_can() -> None:
    """A line ends at a space, not in the middle of a word that fits on the next line."""
    text = "alpha beta gamma delta"
    assert [text[start:end] for start, end in wrap(text, 11)] == ["alpha beta ", "gamma delta"]


def test_wrap_keeps_blank_lines() -> None:
    """Paragraph breaks survive as empty lines."""
    assert [("a\n\nb")[s:e] for s, e in wrap("a\n\nb", 10)] == ["a", "", "b"]


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("\x1b[31mred", "\u241b[31mred"),
        ("bell\x07", "bell\u2407"),
        ("del\x7f", "del\u2421"),
        ("c1\x9b2J", "c1\ufffd2J"),
        ("rtl\u202eevil", "rtl\ufffdevil"),
        ("tab\there", "tab here"),
        ("[bold red]x[/]", "[bold red]x[/]"),
        ("line\nbreak", "line\nbreak"),
    ],
)
def test_safe_text_makes_controls_visible_one_for_one(raw: str, shown: str) -> None:
    """Control characters become visible symbols and offsets do not move."""
    assert safe_text(raw) == shown
    assert len(safe_text(raw)) == len(raw)


def test_styled_line_applies_only_touching_highlights() -> None:
    """A highlight styles exactly its part of the line and markup stays text."""
    text = "say [b]hello[/b] world"
    red, blue = Style(color="red"), Style(color="blue")
    highlights = Highlights([Highlight(4, 16, red), Highlight(30, 40, blue)])
    line = styled_line(text, 0, len(text), highlights)
    assert line.plain == text
    assert [(span.start, span.end, span.style) for span in line.spans] == [(4, 16, red)]


def test_highlights_touching_finds_long_spans_that_start_early() -> None:
    """A long highlight that began lines ago still touches the line."""
    highlights = Highlights([Highlight(0, 1000, Style(bold=True)), Highlight(500, 510, Style(italic=True))])
    assert len(highlights.touching(600, 640)) == 1
    assert len(highlights.touching(505, 520)) == 2
    assert highlights.touching(1000, 1010) == []


def test_styled_line_leaves_the_spaces_at_the_end_of_a_line_unstyled() -> None:
    """A passage that runs on to the next line is highlighted up to the last word, not over the hanging space."""
    text = "alpha beta   "
    line = styled_line(text, 0, len(text), Highlights([Highlight(6, 40, Style(bold=True))]))
    assert [(span.start, span.end) for span in line.spans] == [(6, 10)]


def test_a_line_cache_forgets_the_lines_a_changed_stretch_touches_and_keeps_the_rest() -> None:
    lines: LineCache[str] = LineCache()
    for start, end in [(0, 10), (10, 20), (20, 20), (21, 30), (30, 40)]:
        lines.set(start, end, f"{start}-{end}")
    lines.forget([(12, 15), (20, 20)])  # inside the second line; an empty stretch (a label) on the blank line
    assert [lines.get(start, end) for start, end in [(0, 10), (10, 20), (20, 20), (21, 30), (30, 40)]] == [
        "0-10", None, None, "21-30", "30-40"]
    lines.forget([(29, 31)])  # across two lines
    assert lines.get(21, 30) is None and lines.get(30, 40) is None and lines.get(0, 10) == "0-10"


def test_a_line_cache_keeps_at_most_its_size_the_oldest_going_first() -> None:
    lines: LineCache[int] = LineCache(size=3)
    for start in range(5):
        lines.set(start, start + 1, start)
    assert len(lines) == 3 and lines.get(0, 1) is None and lines.get(4, 5) == 4
