"""The reader, driven through Pilot as a person would: columns, focus, scrolling, help, quitting."""

from __future__ import annotations

from textual.command import CommandPalette
from textual.geometry import Region

from tests.ui.conftest import WriteCorpus
from tests.ui.helpers import screen_text, status
from tui.core.model import Corpus
from tui.ui.app import KatoApp, make_app
from tui.ui.screens.help import HelpScreen
from tui.ui.widgets.article_view import GUTTER, ArticleView
from tui.ui.widgets.reader import ArticleColumn, Reader

OUTLETS = ("Channel NewsAsia", "The Times of India", "TRT Global", "unattributed", "Lianhe Zaobao")



def shown_ids(app: KatoApp) -> list[str]:
    return [column.article.id for column in app.query(ArticleColumn)]


async def test_wide_terminal_shows_all_five_outlets(bundled: Corpus) -> None:
    """At 200x50 every article has a column, headed by its outlet."""
    app = make_app(bundled)
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause()
        assert shown_ids(app) == ["cna", "toi", "trt", "unattributed", "zaobao"]
        text = screen_text(app)
        for outlet in OUTLETS:
            assert outlet in text
        assert "column 1/5: Channel NewsAsia" in status(app)


async def test_narrow_terminal_shows_fewer_columns_and_tab_reaches_the_rest(bundled: Corpus) -> None:
    """At 80x24 two columns fit; tab slides the others into view and the status follows."""
    app = make_app(bundled)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert shown_ids(app) == ["cna", "toi"]
        await pilot.press("tab", "tab")
        assert shown_ids(app) == ["toi", "trt"]
        assert isinstance(app.focused, ArticleView) and app.focused.article.id == "trt"
        assert "column 3/5: TRT Global" in status(app)
        await pilot.press("shift+tab", "shift+tab", "shift+tab")
        assert app.focused.article.id == "zaobao"
        assert shown_ids(app) == ["unattributed", "zaobao"]
        assert "column 5/5" in status(app)


async def test_number_keys_go_to_a_column(bundled: Corpus) -> None:
    """Pressing 4 focuses the fourth article, bringing it on screen."""
    app = make_app(bundled)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4")
        assert app.query_one(Reader).current == 3
        assert "unattributed" in shown_ids(app)
        await pilot.press("9")
        assert app.query_one(Reader).current == 3


async def test_scroll_keys_move_the_focused_column_only(bundled: Corpus) -> None:
    """j/k, page keys and home/end scroll the focused article and leave the others be."""
    app = make_app(bundled)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("tab")
        toi, cna = app.query_one(Reader).current_view, app.query(ArticleView).first()
        await pilot.press("j", "j", "j")
        assert toi.scroll_y == 3
        await pilot.press("k")
        assert toi.scroll_y == 2
        await pilot.press("pagedown")
        assert toi.scroll_y > 10
        await pilot.press("end")
        assert toi.scroll_y == toi.max_scroll_y > 0
        await pilot.press("home")
        assert toi.scroll_y == 0
        assert cna.scroll_y == 0


async def test_a_column_keeps_its_place_when_it_leaves_the_screen(bundled: Corpus) -> None:
    """Scroll an article, tab it off screen and back: it opens where it was left."""
    app = make_app(bundled)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*"jjjjj")
        top = app.query_one(Reader).current_view.top_offset
        assert top > 0
        await pilot.press("tab", "tab", "tab", "1")
        await pilot.pause()
        assert app.query_one(Reader).current_view.top_offset == top


async def test_resizing_changes_how_many_columns_fit(bundled: Corpus) -> None:
    """Growing the terminal shows more columns; shrinking keeps the focused one on screen."""
    app = make_app(bundled)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5")
        await pilot.resize_terminal(200, 50)
        await pilot.pause()
        assert len(shown_ids(app)) == 5
        await pilot.resize_terminal(40, 24)
        await pilot.pause()
        assert shown_ids(app) == ["zaobao"]


async def test_article_text_is_shown_literally(write_corpus: WriteCorpus) -> None:
    """Markup and escape sequences in an article are drawn as characters, not obeyed."""
    corpus = write_corpus(
        {
            "a.txt": "---\noutlet: \"[bold red]Evil[/] Daily\"\n---\nSee [bold red]x[/] and [/] and [link=https://x.example]y[/link].\n",
            "b.txt": "Escape \x1b[31mred\x1b[0m and a bell\x07 here.\n",
        }
    )
    app = make_app(corpus)
    async with app.run_test(size=(200, 30)) as pilot:
        await pilot.pause()
        first, second = app.query(ArticleView)
        assert first.render_line(0).text[GUTTER:].startswith("See [bold red]x[/] and [/] and [link=https://x.example]y[/link].")
        assert second.render_line(0).text[GUTTER:].startswith("Escape \u241b[31mred\u241b[0m and a bell\u2407 here.")
        assert "[bold red]Evil[/] Daily" in screen_text(app)
        assert "[bold red]Evil[/] Daily" in status(app)


async def test_help_opens_and_closes(bundled: Corpus) -> None:
    """? shows the keys; escape goes back to the reader."""
    app = make_app(bundled)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        assert "next / previous column" in screen_text(app)
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_command_palette_opens(bundled: Corpus) -> None:
    """ctrl+p opens the command palette with the reader's commands."""
    app = make_app(bundled)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"column: next", "enter")
        await pilot.pause()
        assert app.query_one(Reader).current == 1


async def test_footer_shows_the_main_keys(bundled: Corpus) -> None:
    """The footer names the match, dispute and note keys, ? and q, all of them even at 80 columns; tab is in the help."""
    app = make_app(bundled)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        text = screen_text(app)
        for label in ("n Next match", "] Next dispute", "d Disputes", "a Note", "m Notes", "? Help", "q Quit"):
            assert label in text
        await pilot.press("question_mark")
        assert "tab / shift+tab" in screen_text(app)


async def test_q_quits(bundled: Corpus) -> None:
    """q ends the app."""
    app = make_app(bundled)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("q")
        await pilot.pause()
        assert app.return_code == 0
        assert not app.is_running


async def test_column_header_shows_the_date_readably(write_corpus: WriteCorpus) -> None:
    """The date (from the front matter or the dateline) is shown as people read it, beside the word count;
    a column with no date shows only the words, and a long loose date is cut: the header stays one line,
    so the bodies still line up."""
    corpus = write_corpus(
        {
            "a.md": "---\noutlet: www.example.com\n---\nBank set on fire\nWed May 5, 2010 7:12pm BST\nA bank burned today.\n",
            "b.md": "---\noutlet: news.example.org\n---\nA bank burned in the city.\n",
            "c.md": "---\ndate: the first Wednesday of May, in the year of the general strike\n---\nA bank burned.\n",
        }
    )
    app = make_app(corpus)
    async with app.run_test(size=(120, 24)) as pilot:
        await pilot.pause()
        first, second, third = app.query(ArticleColumn)
        assert str(first.header.byline) == "Wed 5 May 2010 · 14 words"
        assert str(second.header.byline) == "6 words"
        text = screen_text(app)
        assert "Wed 5 May 2010 · 14 words" in text and "2010-05-05" not in text and "date unknown" not in text
        assert "the first Wednesday" in text
        assert str(third.header.render()).splitlines()[1].strip().endswith("…")  # cut to one line
        assert first.view.region.y == second.view.region.y == third.view.region.y


async def test_a_column_that_comes_back_with_a_wider_window_is_where_it_was_left(bundled: Corpus) -> None:
    """Column five read ten lines down; the window narrowed to two columns and widened again: the column made anew
    for it shows the article where it was left, not from the top (its first frame's scroll did nothing)."""
    app = make_app(bundled)
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause()
        for _ in range(4):
            await pilot.press("tab")
        for _ in range(10):
            await pilot.press("j")
        await pilot.pause()
        view = app.query(ArticleView).last()
        left_at = view.top_offset
        assert view.scroll_y == 10 and left_at > 0
        await pilot.press("1")
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await pilot.resize_terminal(200, 50)
        await pilot.pause(0.2)
        again = app.query(ArticleView).last()
        # At the top, or a line below it when the first frame's length held the scroll back by one (its header was not
        # laid out yet); before, the column came back at the top of the article.
        assert again.article.id == view.article.id and round(again.scroll_y) in (again.line_of(left_at) - 1, again.line_of(left_at))
        rows = again.render_lines(Region(0, 0, again.size.width, again.size.height))
        top = round(again.scroll_y)
        for y, row in enumerate(rows[: len(again._lines) - top]):  # each row the line that is there now, not one kept under another's stretch
            start, end = again._lines[top + y]
            assert row.text[GUTTER:].strip() == again._text[start:end].strip()
