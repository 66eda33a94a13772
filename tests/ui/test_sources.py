"""The sources panel (which sources are columns, in what order) and the source bar's labels and clicks."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ui.helpers import analysed, status
from tui.core.corpus import load_corpus
from tui.core.model import Corpus
from tui.ui.app import KatoApp, make_app
from tui.ui.config import Config
from tui.ui.state import Places
from tui.ui.widgets.bars import SourceBar, short_labels
from tui.ui.widgets.reader import Reader
from tui.ui.widgets.sources_panel import SourcesPanel

from .conftest import WriteCorpus

_BODY = "The harbour board met on {day} and agreed that ferry fares to the islands will rise by a fifth from March.\n"


def _app(corpus: Corpus) -> KatoApp:
    return make_app(corpus, config=Config(), places=Places(None))


def _columns(app: KatoApp) -> list[str]:
    return [article.id for article in app.query_one(Reader).articles]


def test_labels_tell_two_sources_apart() -> None:
    assert short_labels(["The Times of India", "The Times of London"], 12) == ["…es of India", "…s of London"]
    assert short_labels(["Reuters", "AP"], 12) == ["Reuters", "AP"]  # names that fit stay whole


def test_a_host_name_too_long_for_its_label_is_its_sites_name() -> None:
    hosts = ["www.thenational.ae", "newsinfo.inquirer.net", "www.news.com.au", "news.sky.com", "bbc.co.uk"]
    assert short_labels(hosts, 8) == ["thenati…", "inquirer", "news", "sky", "bbc"]
    assert short_labels(hosts, 30) == ["thenational.ae", "newsinfo.inquirer.net", "news.com.au", "news.sky.com", "bbc.co.uk"]
    # two hosts of one site keep telling themselves apart; a name that is not a host is left as it is
    assert short_labels(["uk.reuters.com", "www.reuters.com", "The Reuters Wire"], 9)[:2] == ["uk.reute…", "reuters.…"]
    assert short_labels(["inquirer", "newsinfo.inquirer.net"], 10) == ["inquirer", "newsinfo.…"]  # not two "inquirer"


@pytest.mark.parametrize("width", [6, 9, 14])
def test_labels_tell_fifty_sources_with_one_long_file_name_apart(width: int) -> None:
    names = [f"ecb-plus-corpus-topic41-article-{n:02}" for n in range(1, 51)]
    labels = short_labels(names, width)
    assert len(set(labels)) == 50 and all(len(label) <= width for label in labels)
    assert all(label.startswith("…") for label in labels)  # cut where the names are alike, and it says so
    assert labels[11].endswith("12")


def test_labels_keep_what_differs_in_hosts_and_file_stems() -> None:
    hosts = ["www.thenational.ae", "newsinfo.inquirer.net", "www.news.com.au", "news.sky.com", "uk.reuters.com"]
    assert short_labels(hosts, 30) == ["thenational.ae", "newsinfo.inquirer.net", "news.com.au", "news.sky.com", "uk.reuters.com"]
    labels = short_labels(hosts, 9)
    assert len(set(labels)) == 5 and labels[3] == "sky"
    stems = [f"ecb-41_{n}ecbplus" for n in range(1, 13)]
    assert short_labels(stems, 9)[:2] == ["…1ecbplus", "…2ecbplus"] and len(set(short_labels(stems, 9))) == 12


@pytest.fixture
def eleven(tmp_path: Path) -> Corpus:
    """Eleven articles without front matter, named by one long file name: the outlet is the file name."""
    folder = tmp_path / "eleven"
    folder.mkdir()
    for n in range(1, 12):
        (folder / f"ecb-plus-corpus-topic41-article-{n:02}.md").write_text(_BODY.format(day=f"day {n}") * 3, encoding="utf-8")
    return load_corpus(folder)


async def test_the_bar_tells_eleven_long_file_names_apart_and_a_click_goes_to_one(eleven: Corpus) -> None:
    app = _app(eleven)
    async with app.run_test(size=(80, 24)) as pilot:
        await analysed(app, pilot)
        bar = app.query_one(SourceBar)
        text = bar.render().plain
        assert "1 …icle-01 │ 2 …icle-02 │ 3 …icle-03" in text, text
        start, _, _ = bar._cells[2]
        await pilot.click(SourceBar, offset=(start + 1 + bar.gutter.left, 0))
        await pilot.pause()
        assert app.query_one(Reader).current == 2 and "column 3/11" in status(app)
        assert app.query_one(Reader).current_view.has_focus


async def test_by_date_when_every_date_is_known(write_corpus: WriteCorpus) -> None:
    corpus = write_corpus(
        {
            f"{name}.md": f"---\noutlet: {name.title()} Post\ndate: {date}\n---\n" + _BODY.format(day=date)
            for name, date in (("alpha", "2024-03-05"), ("beta", "2024-03-03"), ("gamma", "2024-03-04"))
        }
    )
    app = _app(corpus)
    async with app.run_test(size=(160, 40)) as pilot:
        await analysed(app, pilot)
        assert _columns(app) == ["beta", "gamma", "alpha"]
        assert app.query_one(SourceBar).render().plain.startswith("1 Beta Post")


async def test_sources_are_hidden_moved_and_sorted_and_the_columns_follow(bundled: Corpus) -> None:
    app = _app(bundled)
    async with app.run_test(size=(200, 50)) as pilot:
        await analysed(app, pilot)
        assert _columns(app) == ["cna", "toi", "trt", "unattributed", "zaobao"]  # a date unknown: the files' order
        await pilot.press("s")
        panel = app.query_one(SourcesPanel)
        assert panel.open and panel.has_focus and panel.option_count == 5
        await pilot.press("space")  # hide Channel NewsAsia
        await pilot.pause()
        assert _columns(app) == ["toi", "trt", "unattributed", "zaobao"]
        assert "Channel" not in app.query_one(SourceBar).render().plain and "column 1/4" in status(app)
        await pilot.press("down", "J")  # The Times of India one place to the right
        await pilot.pause()
        assert _columns(app) == ["trt", "toi", "unattributed", "zaobao"]
        assert app.query_one(SourceBar).render().plain.startswith("1 TRT Global │ 2 The Times of India")
        await pilot.press("A", "o")  # every source again, sorted by date (the undated after)
        await pilot.pause()
        assert _columns(app)[0] == "trt" and len(_columns(app)) == 5
        await pilot.press("o")  # by outlet
        await pilot.pause()
        assert _columns(app) == ["cna", "zaobao", "toi", "trt", "unattributed"]
        await pilot.press("home", "down", "down", "enter")  # go to The Times of India's column
        await pilot.pause()
        assert not panel.open and app.query_one(Reader).current == 2 and "column 3/5: The Times of India" in status(app)


async def test_jumps_notes_and_column_keys_follow_the_new_order(bundled: Corpus) -> None:
    """After a reorder, 1 goes to the new first column, and a match jump scrolls the sources by id."""
    app = _app(bundled)
    async with app.run_test(size=(200, 50)) as pilot:
        await analysed(app, pilot)
        await pilot.press("s", "o", "o", "escape")  # by outlet
        await pilot.pause()
        await pilot.press("3")
        assert app.query_one(Reader).current_view.article.id == "toi"
        await pilot.press("n")
        await pilot.pause()
        assert app.matches is not None and "match 1/" in status(app)
        shown = {view.article.id for view in app.query("ArticleView")}  # type: ignore[attr-defined]
        assert set(app.matches.groups[0].articles) <= shown


async def test_a_story_reopens_with_its_columns_as_they_were_left(bundled: Corpus) -> None:
    """Hidden and moved sources are kept with the story's place, and the focused column is the same article again."""
    app = make_app(bundled, config=Config())
    async with app.run_test(size=(200, 50)) as pilot:
        await analysed(app, pilot)
        await pilot.press("s", "space", "down", "J", "escape", "3")  # hide Channel NewsAsia, move The Times of India right
        await pilot.pause()
        left = _columns(app)
        assert left == ["trt", "toi", "unattributed", "zaobao"] and app.query_one(Reader).current_view.article.id == "unattributed"
        await pilot.press("q")
    again = make_app(bundled, config=Config())
    async with again.run_test(size=(200, 50)) as pilot:
        await analysed(again, pilot)
        await pilot.pause()
        assert _columns(again) == left and again.query_one(Reader).current_view.article.id == "unattributed"
        assert again.query_one(SourceBar).render().plain.startswith("1 TRT Global │ 2 The Times of India")
