"""Column headers: a title cut to fit ends with "…", and an article without a title gives up no line to it."""

from __future__ import annotations

import pytest

from tests.ui.conftest import WriteCorpus
from tests.ui.helpers import analysed, screen_text
from tui.core.model import Article, Corpus
from tui.ui.app import make_app
from tui.ui.render import clamp
from tui.ui.widgets.reader import ArticleColumn, ColumnHeader

LONG = (
    "Finance minister floats the country's vast Treasury holdings as a bargaining card in the tariff talks with "
    "Washington, the first time a senior official has said so in public, as markets weigh what a sale would mean"
)


@pytest.fixture
def headed(write_corpus: WriteCorpus) -> Corpus:
    """Three articles: a long title, a short one, and none."""
    body = "The minister said the holdings were a card on the table.\n"
    return write_corpus(
        {
            "a.md": f"---\noutlet: Long Post\ntitle: \"{LONG}\"\n---\n{body}",
            "b.md": f"---\noutlet: Short Times\ntitle: Holdings a card\n---\n{body}",
            "c.md": f"---\noutlet: Untitled Wire\n---\n{body}",
        }
    )


def test_clamp_cuts_with_an_ellipsis_and_keeps_what_fits() -> None:
    """Two lines at most; the second ends in "…" inside the width when words were left out; a short title is left alone."""
    cut = clamp(LONG, 30, 2).splitlines()
    assert len(cut) == 2 and cut[1].endswith("…") and all(len(line) <= 30 for line in cut)
    assert LONG.startswith(" ".join(cut)[:-1].rstrip())
    assert clamp("Holdings a card", 30, 2) == "Holdings a card"
    assert clamp("", 30, 2) == ""
    assert clamp("A title\nwith a break", 40, 2) == "A title with a break"


async def test_a_cut_title_ends_with_an_ellipsis_and_a_missing_one_takes_no_line(headed: Corpus) -> None:
    """At 200x50 the long title fills two lines ending in "…", the short one one line, the missing one none:
    each body starts right under its header."""
    app = make_app(headed)
    async with app.run_test(size=(200, 50)) as pilot:
        await analysed(app, pilot)
        columns = {column.article.id: column for column in app.query(ArticleColumn)}
        heights = {key: column.header.region.height for key, column in columns.items()}
        assert heights == {"a": 2 + 2, "b": 2 + 1, "c": 2}  # the outlet's line, the byline, the title's lines
        for column in columns.values():
            assert column.view.region.y == column.header.region.y + heights[column.article.id]
        text = screen_text(app)
        assert "…" in text and LONG not in text
        assert "Holdings a card" in text


async def test_a_column_that_shows_another_article_takes_its_title(headed: Corpus) -> None:
    """At 80x24 two columns show; moving to the untitled third drops its title line, back to the first brings it back."""
    app = make_app(headed)
    async with app.run_test(size=(80, 24)) as pilot:
        await analysed(app, pilot)
        await pilot.press("3")
        await pilot.pause()
        shown = {column.article.id: column.header for column in app.query(ArticleColumn)}
        assert "c" in shown and shown["c"].region.height == 2 and shown["c"].title_lines(40) == []
        await pilot.press("1")
        await pilot.pause()
        first = next(column for column in app.query(ArticleColumn) if column.article.id == "a")
        header: ColumnHeader = first.header
        assert header.region.height == 4
        assert str(header.render()).splitlines()[-1].rstrip().endswith("…")


async def test_the_focused_columns_outlet_line_stands_out_across_the_whole_column(headed: Corpus) -> None:
    """The outlet's line of the focused column has the current colour from edge to edge, the others the outlet's;
    tab moves it without restyling anything (the header draws it)."""
    from rich.console import Console

    console = Console()
    app = make_app(headed)
    async with app.run_test(size=(120, 30)) as pilot:
        await analysed(app, pilot)
        first, second = list(app.query(ArticleColumn))[:2]

        def backgrounds(column: ArticleColumn) -> set[object]:
            line = column.header.render().split("\n")[0]
            assert line.cell_len == column.header.size.width
            return {line.get_style_at_offset(console, offset).bgcolor for offset in range(len(line))}

        current = first.header.get_component_rich_style("column-header--current").bgcolor
        assert backgrounds(first) == {current} and current not in backgrounds(second)
        await pilot.press("tab")
        await pilot.pause()
        assert backgrounds(second) == {current} and current not in backgrounds(first)


async def test_a_header_shows_markup_and_line_breaks_as_text_on_its_own_lines(write_corpus: WriteCorpus) -> None:
    """An outlet with a line break and markup, and a title of markup: each is shown as written, on the lines it
    has (a break in the outlet would have pushed the title's last line out of the header)."""
    body = "The minister said the holdings were a card on the table.\n"
    corpus = write_corpus({
        "a.md": f'---\noutlet: "[bold red]Wire[/]\\nService"\ntitle: "[link=x]Holdings[/link] a card"\n---\n{body}',
        "b.md": f"---\noutlet: Short Times\n---\n{body}",
    })
    app = make_app(corpus)
    async with app.run_test(size=(100, 24)) as pilot:
        await pilot.pause()
        header = next(column for column in app.query(ArticleColumn) if column.article.id == "a").header
        lines = str(header.render()).split("\n")
        assert lines[0].strip() == "[bold red]Wire[/] Service" and lines[2].strip() == "[link=x]Holdings[/link] a card"
        assert len(lines) == header.region.height == 3


def test_a_header_too_narrow_for_a_letter_gives_its_title_no_line() -> None:
    article = Article(id="a", outlet="Wire", body="Text.", title="A title")
    header = ColumnHeader(article)
    assert header.title_lines(2) == [] and len(header.title_lines(3)) == 2 and header.title_lines(40) == ["A title"]
