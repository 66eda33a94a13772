"""Match colours that neighbours never share, the current match's id where its passage starts, and the legend."""

from __future__ import annotations

import random

import pytest
from rich.cells import cell_len
from rich.style import Style
from rich.text import Text

from tests.ui.helpers import analysed, screen_text, view_of
from tui.core.model import Corpus, MatchGroup, Segment, Span
from tui.ui.app import make_app
from tui.ui.legend import legend, legend_rows
from tui.core.colours import NEAR, colour_groups, neighbours
from tui.ui.render import Highlights, offset_at, rewrap, styled_line, wrap
from tui.ui.widgets.article_view import MATCH_COLOURS, ArticleView


def _group(index: int, *spans: tuple[str, int, int]) -> MatchGroup:
    members = tuple(Segment(Span(article, start, end), "sentence", "x" * (end - start)) for article, start, end in spans)
    return MatchGroup(f"m{index + 1}", "statement", "exact", 90.0, members)


def _layout(seed: int, articles: int = 11, groups: int = 60) -> list[MatchGroup]:
    """Groups of passages laid out like a story's: each group in two to five articles, passages of a
    sentence or two at random places, some close together, never two of one group in one article."""
    rng = random.Random(seed)
    made = []
    for index in range(groups):
        spans = []
        for article in rng.sample(range(articles), rng.randint(2, 5)):
            start = rng.randrange(0, 6000)
            spans.append((f"a{article}", start, start + rng.randint(40, 300)))
        made.append(_group(index, *spans))
    return made


@pytest.mark.parametrize("seed", range(20))
def test_no_two_neighbours_share_a_colour_on_a_generated_layout(seed: int) -> None:
    """With six colours, groups whose passages sit next to each other in an article always differ; and
    so do the ones within a few lines when the palette can tell them apart (here it always can)."""
    groups = _layout(seed)
    colours = colour_groups(groups)
    assert set(colours) <= set(range(MATCH_COLOURS))
    adjacent = neighbours(groups, 0)
    assert all(colours[a] != colours[b] for a, others in enumerate(adjacent) for b in others)
    close = neighbours(groups, NEAR // 4)
    assert all(colours[a] != colours[b] for a, others in enumerate(close) for b in others)


def test_passages_next_to_each_other_are_neighbours_however_far_apart() -> None:
    """Reading order makes neighbours: the next passage in a column counts even pages away; the one after it does not."""
    groups = [_group(0, ("a", 0, 50)), _group(1, ("a", 5000, 5050)), _group(2, ("a", 9000, 9050))]
    assert neighbours(groups) == [{1}, {0, 2}, {1}]
    assert len(set(colour_groups(groups))) >= 2


def test_more_close_groups_than_colours_still_differ_from_the_next_passage() -> None:
    """Eight groups packed into a few lines need more than six colours: then at least each passage
    differs from the one before and after it, and the colours are spread, not piled on one."""
    groups = [_group(index, ("a", index * 30, index * 30 + 25), ("b", index * 30, index * 30 + 25)) for index in range(8)]
    colours = colour_groups(groups)
    assert all(colours[index] != colours[index + 1] for index in range(7))
    assert len(set(colours)) == MATCH_COLOURS


def test_colouring_is_fast_and_stable_for_a_large_story() -> None:
    """Two thousand groups colour the same way twice (the reader recolours nothing behind the reader's back)."""
    groups = _layout(1, articles=200, groups=2000)
    assert colour_groups(groups) == colour_groups(groups)


def test_labels_take_room_and_stick_to_their_word() -> None:
    """A label before a word makes its line that much shorter, is never left at the end of a line, and the
    lines still cover the text; rewrapping just its paragraph gives what wrapping everything gives."""
    text = "Alpha beta gamma delta epsilon zeta eta theta.\nSecond paragraph, with words enough to wrap twice over."
    at = text.index("delta")
    lines = wrap(text, 12, {at: 5})
    assert "".join(text[start:end] for start, end in lines) == text.replace("\n", "")
    holding = next((start, end) for start, end in lines if start <= at < end)
    assert holding[0] == at, "the label went with 'delta' to a new line rather than end the line before"
    assert all(cell_len(text[start:end].rstrip()) + (5 if start <= at < end else 0) <= 12 for start, end in lines)
    assert rewrap(text, wrap(text, 12), 12, [at], {at: 5}) == lines
    assert rewrap(text, lines, 12, [at], {}) == wrap(text, 12)


def test_a_label_is_drawn_before_its_character_and_clicks_through_to_it() -> None:
    """The label's cells come before the passage's first character and a click on them lands on it."""
    text = "He said the words."
    at = text.index("the")
    line = styled_line(text, 0, len(text), Highlights(), {at: Text(" m3 ")})
    assert line.plain == "He said  m3 the words."
    assert offset_at(text, 0, len(text), at + 2, {at: 4}) == at
    assert offset_at(text, 0, len(text), at + 4, {at: 4}) == at
    assert offset_at(text, 0, len(text), at + 5, {at: 4}) == at + 1


async def test_neighbouring_highlights_differ_in_colour_on_screen(bundled: Corpus) -> None:
    """In every column, two highlighted passages next to each other are drawn in different colours, and the
    six colours of the default theme are six different colours."""
    app = make_app(bundled)
    async with app.run_test(size=(200, 50)) as pilot:
        await analysed(app, pilot)
        view = view_of(app, bundled.articles[0].id)
        backgrounds = {view.get_component_rich_style(ArticleView.match_style(colour)).bgcolor for colour in range(MATCH_COLOURS)}
        assert len(backgrounds) == MATCH_COLOURS
        for article in bundled.articles:
            view = view_of(app, article.id)
            marks = sorted((mark.start, mark.style) for mark in view.marks if mark.style.startswith("article-view--match-"))
            assert all(first[1] != second[1] for first, second in zip(marks, marks[1:]) if first[0] != second[0])


async def test_the_current_match_shows_its_id_where_it_starts_in_every_column(bundled: Corpus) -> None:
    """After n each column with the match shows "m<id>" just before the passage's first words; after the
    next n the label has moved to the next match and the first one's is gone."""
    app = make_app(bundled)
    async with app.run_test(size=(200, 50)) as pilot:
        await analysed(app, pilot)
        await pilot.press("n")
        await pilot.wait_for_scheduled_animations()
        first = app.matches.current
        for member in first.members:
            view = view_of(app, member.span.article)
            assert view.labels == {member.span.start: first.id}
            row = view.line_of(member.span.start) - round(view.scroll_y)
            drawn = "".join(segment.text for segment in view.render_line(row))
            words = view.article.body[member.span.start : member.span.end].split()[0]
            assert f" {first.id} {words}" in drawn
            # Nothing is cut to make room: the line goes on where the body does, and the next line takes up from there.
            rest = drawn.split(f" {first.id} ", 1)[1].rstrip()
            body = view.article.body
            assert body[member.span.start : member.span.start + len(rest)] == rest
            following = "".join(segment.text for segment in view.render_line(row + 1)).strip()
            assert body[member.span.start + len(rest) :].lstrip().startswith(following)
        assert f" {first.id} " in screen_text(app)
        await pilot.press("n")
        await pilot.wait_for_scheduled_animations()
        second = app.matches.current
        for member in second.members:
            assert view_of(app, member.span.article).labels == {member.span.start: second.id}
        assert all(first.id not in view.labels.values() for view in app.query(ArticleView))


async def test_the_current_passage_is_on_screen_under_its_label_at_80x24(bundled: Corpus) -> None:
    """The label rewraps its paragraph; each column n sends to the match still shows the passage's line."""
    app = make_app(bundled)
    async with app.run_test(size=(80, 24)) as pilot:
        await analysed(app, pilot)
        for _ in range(4):
            await pilot.press("n")
            await pilot.wait_for_scheduled_animations()
            await pilot.pause()
            for member in app.matches.current.members:
                view = next((v for v in app.query(ArticleView) if v.article.id == member.span.article), None)
                if view is not None:
                    assert view.shows(member.span.start)


def test_the_legend_names_every_kind_of_mark_with_a_sample_in_its_style() -> None:
    """Each row pairs a sample drawn in the style the reader uses with what it means."""
    asked: list[str] = []

    def style_of(name: str) -> Style:
        asked.append(name)
        return Style(bold=True)

    rows = legend_rows(style_of)
    meanings = " ".join(meaning for _, meaning in rows)
    for words in ("share", "current match", "dispute", "only one source", "note", "only one voice", "copies of one text"):
        assert words in meanings
    assert {ArticleView.match_style(0), ArticleView.LABEL, ArticleView.DISPUTE, ArticleView.NOTE, ArticleView.UNIQUE} <= set(asked)
    assert any(" m12 " in sample.plain for sample, _ in rows)
    assert legend().row_count == len(rows)
