"""Feedback: a key that needs the analysis says how far it got and acts when it is done; a story reopens where it was left."""

from __future__ import annotations

import json
from pathlib import Path

from tests.ui.helpers import analysed, record_notifications, status, view_of
from tests.ui.test_quit import long_story
from tui.core.corpus import load_corpus
from tui.core.model import Corpus
from tui.ui.app import make_app
from tui.ui.state import places_path
from tui.ui.widgets.reader import Reader


async def test_a_key_pressed_while_analysing_says_so_and_the_last_one_acts_when_done(tmp_path: Path) -> None:
    """] then n during a long analysis: each says "Still analysing: N%"; once the analysis is done the first
    match is gone to (the last key asked for), and no dispute."""
    app = make_app(load_corpus(long_story(tmp_path / "story", 4000)))
    messages = record_notifications(app)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("right_square_bracket", "n")
        waiting = [message for message in messages if message.startswith("Still analysing: ")]
        assert len(waiting) == 2 and waiting[-1].endswith("Next match when it is done.")
        await analysed(app, pilot)
        assert app.matches is not None and app.disputes is not None
        assert app.matches.cursor.index == 0 and app.disputes.cursor.index is None
        assert "match 1/" in status(app)


async def test_a_story_reopens_where_it_was_left(bundled: Corpus) -> None:
    """Quit at the third match in the second column, scrolled down; the next run is there again."""
    app = make_app(bundled)
    async with app.run_test(size=(80, 24)) as pilot:
        await analysed(app, pilot)
        await pilot.press("n", "n", "n", "tab")
        reader = app.query_one(Reader)
        column, article = reader.current, reader.current_view.article.id
        view = view_of(app, article)
        view.scroll_to(y=view.scroll_y + 5, animate=False, immediate=True)
        await pilot.pause()
        top = view.top_offset
        assert app.matches is not None
        match_id = app.matches.current.id  # type: ignore[union-attr]
        await pilot.press("q")
    assert json.loads(places_path().read_text(encoding="utf-8"))
    again = make_app(bundled)
    async with again.run_test(size=(80, 24)) as pilot:
        await analysed(again, pilot)
        reader = again.query_one(Reader)
        assert reader.current == column
        view = view_of(again, article)
        assert view.line_of(top) == view.line_of(view.top_offset)  # the line read on top is on top again
        assert view.top_offset > 0
        assert again.matches is not None and again.matches.current is not None and again.matches.current.id == match_id
        assert "match 3/" in status(again)
        await pilot.press("n")
        assert again.matches.cursor.index == 3  # on from where it was


async def test_an_unreadable_places_file_is_ignored(bundled: Corpus) -> None:
    """A places file that is not JSON: the story opens at its start, and quitting writes a good one."""
    path = places_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("{not json", encoding="utf-8")
    app = make_app(bundled)
    async with app.run_test(size=(80, 24)) as pilot:
        await analysed(app, pilot)
        assert app.query_one(Reader).current == 0 and app.matches is not None and app.matches.cursor.index is None
        await pilot.press("n", "q")
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["bundled"]["current"] == {"match": "m1"}, "the place quitting wrote is the one n moved to"


async def test_quitting_before_the_analysis_is_done_keeps_the_place(tmp_path: Path) -> None:
    """The place is restored once the analysis is done: quitting before that leaves the one kept last time."""
    corpus = load_corpus(long_story(tmp_path / "story", 4000))
    assert corpus.path is not None
    places = places_path()
    places.parent.mkdir(parents=True, exist_ok=True)
    kept = {"column": 1, "tops": {"short": 40}, "current": {"match": "m1"}, "last": "match"}
    places.write_text(json.dumps({str(corpus.path.resolve()): kept}), encoding="utf-8")
    app = make_app(corpus)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("q")
    assert app.matches is None  # it quit during the analysis
    assert json.loads(places.read_text(encoding="utf-8"))[str(corpus.path.resolve())] == kept


async def test_on_a_narrow_screen_the_status_keeps_the_counts_and_drops_the_story_then_the_outlet(bundled: Corpus) -> None:
    """At 80 columns "column 1/5: Channel NewsAsia │ match 1/8 │ 2 disputes │ 0 notes │ Kato: ..." was cut in the
    notes count; the story's name (the same all along) goes first, then the outlet (it heads its column)."""
    app = make_app(bundled)
    async with app.run_test(size=(200, 50)) as pilot:
        await analysed(app, pilot)
        await app.workers.wait_for_complete()
        await pilot.press("n")
        await pilot.pause()
        wide = status(app)
        assert wide.startswith("column 1/5: Channel NewsAsia │ match 1/8 │ 2 disputes │ 0 notes │ Kato")
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        narrow = status(app)
        assert narrow.startswith("column 1/5") and narrow.endswith("│ 0 notes") and "match 1/8 │ 2 disputes" in narrow
        assert "Kato" not in narrow and "…" not in narrow and len(narrow) <= 80
