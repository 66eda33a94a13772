"""Search: `/` opens the search line, its hits light up in every column, enter and n / N go through them, esc clears it."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
from rich.style import Style
from textual import events
from textual.pilot import Pilot

from tests.ui.helpers import analysed, record_notifications, screen_text, status, view_of
from tui.core.analysis import analyse
from tui.core.model import Analysis, Corpus
from tui.ui.app import KatoApp, make_app
from tui.ui.config import Config, clashes
from tui.ui.keymap import KEYS
from tui.ui.legend import legend_rows
from tui.ui.screens.help import HelpScreen
from tui.ui.screens.note_editor import NoteEditor
from tui.ui.search import TYPING_PAUSE, SearchNavigator
from tui.ui.widgets.article_view import ArticleView
from tui.ui.widgets.reader import Reader
from tui.ui.widgets.search import SearchInput, SearchLine


def _search(app: KatoApp) -> SearchNavigator:
    navigator = app.search.navigator
    assert navigator is not None
    return navigator


async def _type(pilot: Pilot, *keys: str) -> None:
    """Press the keys (in the search line: type), then wait for the hits of the words to light up."""
    await pilot.press(*keys)
    await pilot.pause(TYPING_PAUSE + 0.2)


async def _footer(app: KatoApp, pilot: Pilot) -> str:
    """The footer's line, once the footer is drawn again after its keys changed (it is rebuilt, a moment empty)."""
    for _ in range(40):
        footer = screen_text(app).rsplit("\n", 1)[-1]
        if "Quit" in footer:
            return footer
        await pilot.pause(0.05)
    return footer


def _hit_marks(view: ArticleView) -> list[tuple[int, int]]:
    return [(mark.start, mark.end) for mark in view.marks if mark.style == ArticleView.SEARCH]


async def test_slash_a_word_and_enter_go_to_the_first_hit(bundled: Corpus) -> None:
    """/card enter: the first hit of "card" is gone to, its column scrolled to it, and the status says "search 1/N"
    with N every "card" of the five articles; the focus is back in the column."""
    app = make_app(bundled, config=Config())
    async with app.run_test(size=(80, 24)) as pilot:
        await analysed(app, pilot)
        await pilot.press("slash", *"card", "enter")
        await pilot.pause()
        total = sum(article.body.lower().count("card") for article in bundled.articles)
        assert total > 10
        assert f"search 1/{total}" in status(app)
        hit = _search(app).current
        assert hit is not None and bundled.article(hit.article).body[hit.start : hit.end].lower() == "card"
        assert isinstance(app.focused, ArticleView) and app.focused.article.id == hit.article
        assert view_of(app, hit.article).shows(hit.start)


async def test_the_search_line_is_made_by_the_first_search_above_the_status_line(bundled: Corpus) -> None:
    """The first screen goes without the search line (four widgets most readings never use); / makes it, above the
    status line, and what is typed while it is made goes into it; the next / takes up the same line."""
    app = make_app(bundled, config=Config())
    async with app.run_test(size=(80, 24)) as pilot:
        await analysed(app, pilot)
        assert not app.query(SearchLine)
        opening = app.search.open

        async def typed_meanwhile() -> None:  # keys that come in while the line is being made (a fast typist, a paste)
            for key in "car":
                app.post_message(events.Key(key, key))
            await opening()

        app.search.open = typed_meanwhile  # type: ignore[method-assign]
        await pilot.press("slash")
        await pilot.pause(0.2)
        line = app.query_one(SearchLine)
        assert line.value == "car" and isinstance(app.focused, SearchInput)
        children = list(app.screen.children)
        assert children.index(line) == children.index(app.query_one("#status")) - 1
        assert line.region.y == app.query_one("#status").region.y - 1 == 21  # the status line and the footer under it
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("slash")
        await pilot.pause()
        assert list(app.query(SearchLine)) == [line] and isinstance(app.focused, SearchInput)


async def test_typing_lights_up_the_hits_in_every_column_before_enter(bundled: Corpus) -> None:
    """Typed words are highlighted in each column that has them once the typing pauses (not one letter alone, which
    is everywhere), and the status counts them."""
    app = make_app(bundled, config=Config())
    async with app.run_test(size=(200, 50)) as pilot:
        await analysed(app, pilot)
        await _type(pilot, "slash", "k")
        assert not app.search.active and not any(_hit_marks(view) for view in app.query(ArticleView))
        await _type(pilot, *"ato")
        hits = _search(app).items
        assert f"search: {len(hits)} hits" in status(app)
        with_hits = [view for view in app.query(ArticleView) if _hit_marks(view)]
        assert len(with_hits) >= 3
        for view in with_hits:
            assert _hit_marks(view) == [(hit.start, hit.end) for hit in hits if hit.article == view.article.id]
        assert isinstance(app.focused, SearchInput)


async def test_n_and_capital_n_step_through_the_hits_across_columns_and_wrap(bundled: Corpus) -> None:
    """n goes from hit to hit in reading order, into the next column when one's hits are done; N goes back;
    past the last comes the first. The hit gone to is drawn apart."""
    app = make_app(bundled, config=Config())
    async with app.run_test(size=(200, 50)) as pilot:
        await analysed(app, pilot)
        await pilot.press("slash", *"card", "enter")
        search = _search(app)
        total = len(search.items)
        articles = []
        for index in range(1, total):
            await pilot.press("n")
            assert search.cursor.index == index and f"search {index + 1}/{total}" in status(app)
            articles.append(search.current.article)  # type: ignore[union-attr]
        assert len(set(articles)) >= 3 and articles == sorted(articles, key=[a.id for a in bundled.articles].index)
        await pilot.press("n")
        assert search.cursor.index == 0 and f"search 1/{total}" in status(app)
        await pilot.press("N")
        assert search.cursor.index == total - 1
        hit = search.current
        assert hit is not None
        current = [mark for mark in view_of(app, hit.article).marks if mark.style == ArticleView.SEARCH_CURRENT]
        assert [(mark.start, mark.end) for mark in current] == [(hit.start, hit.end)]


async def test_at_80x24_the_column_of_a_hit_off_screen_slides_in_scrolled_to_it(bundled: Corpus) -> None:
    """Two columns show at 80 columns: stepping to a hit in the fifth article brings its column in and scrolls to it."""
    app = make_app(bundled, config=Config())
    async with app.run_test(size=(80, 24)) as pilot:
        await analysed(app, pilot)
        await pilot.press("slash", *"card", "enter")
        search = _search(app)
        last = bundled.articles[-1].id
        while search.current is None or search.current.article != last:
            await pilot.press("n")
        await pilot.pause(0.3)
        hit = search.current
        reader = app.query_one(Reader)
        assert reader.current_view.article.id == last and isinstance(app.focused, ArticleView)
        assert view_of(app, last).shows(hit.start)
        assert "column 5/5" in status(app)


async def test_escape_clears_the_hits_and_n_goes_back_to_the_matches(bundled: Corpus) -> None:
    """esc in the column: no hit is highlighted, the line closes, the status has no search, and n is the next match."""
    app = make_app(bundled, config=Config())
    async with app.run_test(size=(80, 24)) as pilot:
        await analysed(app, pilot)
        await pilot.press("slash", *"card", "enter", "n")
        assert app.search.active
        await pilot.press("escape")
        await pilot.pause()
        assert not app.search.active and "search" not in status(app)
        assert not any(_hit_marks(view) for view in app.query(ArticleView))
        assert not app.query_one(SearchLine).has_class("-open")
        await pilot.press("n")
        assert app.matches is not None and app.matches.cursor.index == 0 and "match 1/" in status(app)


async def test_escape_in_the_line_clears_it_and_gives_the_focus_back_to_the_column(bundled: Corpus) -> None:
    """/kato then esc before enter: the highlights go, the focus is in a column again."""
    app = make_app(bundled, config=Config())
    async with app.run_test(size=(80, 24)) as pilot:
        await analysed(app, pilot)
        await _type(pilot, "slash", *"kato")
        assert any(_hit_marks(view) for view in app.query(ArticleView))
        await pilot.press("escape")
        await pilot.pause(TYPING_PAUSE + 0.2)
        assert not any(_hit_marks(view) for view in app.query(ArticleView))
        assert isinstance(app.focused, ArticleView) and not app.search.active


async def test_the_search_line_takes_every_character_typed(bundled: Corpus) -> None:
    """"a" is the note key and "n" the next match, "q" quits: typed in the search line they are letters, and the
    line shows what was typed."""
    app = make_app(bundled, config=Config())
    async with app.run_test(size=(80, 24)) as pilot:
        await analysed(app, pilot)
        await pilot.press("slash", *"a nq?/", "d")
        await pilot.pause()
        assert not isinstance(app.screen, NoteEditor) and app.is_running
        assert app.query_one(SearchInput).value == "a nq?/d"
        assert app.matches is not None and app.matches.cursor.index is None
        assert "a nq?/d" in screen_text(app)


def _read_at_once(app: KatoApp, keys: str) -> None:
    """The keys as the terminal driver posts them when it reads them in one go (fast typing, tmux's send-keys): all
    queued before the first is handled. "\r" is enter, "\x13" ctrl+s."""
    names = {"/": "slash", " ": "space", "\r": "enter", "\x13": "ctrl+s"}
    for key in keys:
        app.post_message(events.Key(names.get(key, key), key))


async def test_keys_read_with_the_slash_that_opens_the_search_line_are_typed_in_it(bundled: Corpus) -> None:
    """"/card" pasted or typed fast: the letters were handed to the column with the `/` and came back unbound once the
    search line had the focus, and were lost; "a" and "d" would be the note and disputes keys. They are typed in
    the line, the first time (the line is made) and again."""
    app = make_app(bundled, config=Config())
    async with app.run_test(size=(80, 24)) as pilot:
        await analysed(app, pilot)
        for word in ("card", "Treasury"):
            _read_at_once(app, f"/{word}")
            await pilot.pause(0.2)
            assert app.query_one(SearchInput).value == word
            assert isinstance(app.focused, SearchInput) and isinstance(app.screen, type(app.get_default_screen()))
            await pilot.press("escape")
            await pilot.pause()
        assert not app.query_one("#disputes").display  # "d" did not open the disputes panel


async def test_keys_read_at_once_that_are_bound_where_the_focus_goes_do_their_work_in_order(bundled: Corpus) -> None:
    """"/card" and enter read in one go: enter is the search line's, after the letters (it goes to the first hit);
    then the keys are the column's again (j scrolls the column the hit is in)."""
    app = make_app(bundled, config=Config())
    async with app.run_test(size=(80, 24)) as pilot:
        await analysed(app, pilot)
        _read_at_once(app, "/card\r")
        await pilot.pause(0.3)
        assert isinstance(app.focused, ArticleView) and app.query_one(SearchInput).value == "card"
        assert "search 1/" in status(app)
        view, top = app.focused, app.focused.scroll_y
        _read_at_once(app, "jj")
        await pilot.pause(0.3)
        assert app.focused is view and view.scroll_y > top and app.query_one(SearchInput).value == "card"


async def test_no_hit_says_so_and_stays_in_the_line(bundled: Corpus) -> None:
    """Words that are nowhere: a message names them, the status says so, and the line keeps the typing to correct it."""
    app = make_app(bundled, config=Config())
    messages = record_notifications(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await analysed(app, pilot)
        await pilot.press("slash", *"zebra", "enter")
        await pilot.pause()
        assert "No match for 'zebra'." in messages
        assert "no match for 'zebra'" in status(app)
        assert isinstance(app.focused, SearchInput)


async def test_markup_and_pattern_characters_are_searched_as_they_are(write_corpus) -> None:
    """"[b]" and ".*" find those characters (not bold markup, not every character), and the message for no hit
    shows the query as typed."""
    corpus = write_corpus({"a.txt": "The code [b]bold[/b] was shown.\n", "b.txt": "Match any with .* in a pattern.\n"})
    app = make_app(corpus, config=Config())
    messages = record_notifications(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash", *"[b]", "enter")
        search = _search(app)
        assert [(hit.article, hit.start) for hit in search.items] == [("a", 9)]
        await pilot.press("slash", *".*", "enter")  # the words before are selected: typing replaces them
        search = _search(app)
        assert [(hit.article, hit.start, hit.end) for hit in search.items] == [("b", 15, 17)]
        await pilot.press("slash", *"[red]", "enter")
        await pilot.pause()
        assert "No match for '[red]'." in messages and "no match for '[red]'" in status(app)


async def test_search_works_while_the_analysis_runs(bundled: Corpus, monkeypatch: pytest.MonkeyPatch) -> None:
    """A search needs no analysis: while it runs, /card enter goes to the first hit at once and n to the next,
    with no "Still analysing"; once it is done, the hits stay highlighted over the matches."""
    release = threading.Event()

    def slow_analyse(corpus: Corpus, progress: Callable[[float, str], None]) -> Analysis:
        while not release.wait(0.01):
            progress(0.3, "held by the test")
        return analyse(corpus, progress)

    monkeypatch.setattr("tui.core.analysis.analyse", slow_analyse)
    monkeypatch.setattr("tui.ui.app.analyse", slow_analyse, raising=False)  # where the app took it, if it did
    app = make_app(bundled, config=Config())
    messages = record_notifications(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash", *"card", "enter")
        await pilot.pause()
        assert app.analysis is None and "search 1/" in status(app)
        await pilot.press("n")
        assert "search 2/" in status(app)
        assert not any(message.startswith("Still analysing") for message in messages)
        release.set()
        await analysed(app, pilot)
        hit = _search(app).current
        assert app.analysis is not None and hit is not None and "search 2/" in status(app)
        assert view_of(app, hit.article).marks[-1].style == ArticleView.SEARCH_CURRENT  # drawn over the matches


async def test_enter_in_the_column_goes_on_to_the_next_hit(bundled: Corpus) -> None:
    """After a hit, enter (the details key) has no details to show: it goes to the next hit."""
    app = make_app(bundled, config=Config())
    async with app.run_test(size=(80, 24)) as pilot:
        await analysed(app, pilot)
        await pilot.press("slash", *"card", "enter", "enter")
        assert _search(app).cursor.index == 1 and len(app.screen_stack) == 1


async def test_the_search_keys_are_in_the_table_help_and_palette(bundled: Corpus) -> None:
    """/ is a key of the table, in the help and in the palette as "search: find"; the footer offers n as the next
    hit only while a search is on."""
    assert {key.name for key in KEYS} >= {"search", "next_hit", "previous_hit", "clear_search", "search_go", "search_close"}
    app = make_app(bundled, config=Config())
    async with app.run_test(size=(200, 50)) as pilot:
        await analysed(app, pilot)
        footer = await _footer(app, pilot)
        assert "Next hit" not in footer and "n Next match" in footer
        await pilot.press("slash", *"card", "enter")
        await pilot.pause()
        footer = await _footer(app, pilot)
        assert "n Next hit" in footer and "Next match" not in footer
        await pilot.press("escape")
        await pilot.pause()
        footer = await _footer(app, pilot)
        assert "Next hit" not in footer and "n Next match" in footer
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen) and "search every column" in screen_text(app)
        await pilot.press("escape", "ctrl+p")
        await pilot.pause()
        await pilot.press(*"search: find", "enter")
        await pilot.pause()
        assert isinstance(app.focused, SearchInput)


async def test_the_hits_follow_the_columns_shown_and_their_order(bundled: Corpus) -> None:
    """Columns put in another order: the hits go in the new reading order, the hit gone to stays current; a hidden
    source has no hits to go to."""
    app = make_app(bundled, config=Config())
    async with app.run_test(size=(200, 50)) as pilot:
        await analysed(app, pilot)
        await pilot.press("slash", *"card", "enter")
        first = _search(app).current
        reader = app.query_one(Reader)
        await reader.set_sources(tuple(reversed(bundled.articles)))
        await pilot.pause()
        order = [article.id for article in reversed(bundled.articles)]
        articles = [hit.article for hit in _search(app).items]
        assert articles == sorted(articles, key=order.index) and articles[0] != first.article  # type: ignore[union-attr]
        assert _search(app).current == first
        await reader.set_sources(bundled.articles[:2])
        await pilot.pause()
        assert {hit.article for hit in _search(app).items} <= {article.id for article in bundled.articles[:2]}


def test_the_legend_shows_the_hits_and_the_hit_gone_to_in_their_styles() -> None:
    """The help's legend has a row for a search's hits, drawn in the two styles the columns use for them."""
    asked: list[str] = []

    def style_of(name: str) -> Style:
        asked.append(name)
        return Style(bold=True)

    meanings = [meaning for _, meaning in legend_rows(style_of)]
    assert any("hits of a search" in meaning for meaning in meanings)
    assert {ArticleView.SEARCH, ArticleView.SEARCH_CURRENT} <= set(asked)


def test_a_search_key_remapped_onto_a_reading_key_is_refused() -> None:
    """j scrolls the column, which would shadow it: next_hit = "j" clashes; n for both the next hit and the next match
    does not (the hit's n stands in for the match's only while searching)."""
    assert clashes({"next_hit": "j"}) == ["next_hit"]
    assert clashes({"next_hit": "f", "previous_hit": "F"}) == []
    assert clashes({"next_match": "n", "next_hit": "n"}) == []
