"""Column headers: a title cut to fit ends with "…", and an article without a title gives up no line to it."""

from __future__ import annotations

import pytest

from tests.ui.conftest import WriteCorpus
from tests.ui.helpers import analysed, screen_text
from tui.core.model import Corpus
from tui.ui.app import make_app
from tui.ui.render import clamp
from tui.ui.widgets.reader import ArticleColumn, Title

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
        heights = {key: column.query_one(Title).region.height for key, column in columns.items()}
        assert heights == {"a": 2, "b": 1, "c": 0}
        assert not columns["c"].query_one(Title).display
        for column in columns.values():
            byline = column.query_one(".byline")
            assert column.view.region.y == byline.region.y + 1 + heights[column.article.id]
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
        shown = {column.article.id: column.query_one(Title) for column in app.query(ArticleColumn)}
        assert "c" in shown and not shown["c"].display and shown["c"].region.height == 0
        await pilot.press("1")
        await pilot.pause()
        first = next(column for column in app.query(ArticleColumn) if column.article.id == "a")
        title = first.query_one(Title)
        assert title.display and title.region.height == 2
        assert str(title.render()).endswith("…")
