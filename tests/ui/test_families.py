"""Copy families in the reader: the source bar and the column headers say which sources are one text,
a group counts a family once, copies are not painted as news, and the match details give each link's reason."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from rich.console import Console

import tui.core.analysis
from tui.core.analysis import analyse
from tui.core.model import Analysis, Corpus, Family, Link
from tui.ui.app import make_app
from tui.ui.render import Mark
from tui.ui.screens.dispute_detail import DisputeDetail
from tui.ui.screens.match_detail import MatchDetail
from tui.ui.tables import disputes_table, matches_table
from tui.ui.widgets.article_view import ArticleView
from tui.ui.widgets.bars import SourceBar
from tui.ui.widgets.reader import ArticleColumn

from .conftest import WriteCorpus
from .helpers import analysed, record_notifications, screen_text, status, view_of

_WIRE = (
    "ATHENS (Reuters) - Ferry crews walked off the job on Monday, stranding thousands of travellers at the port of Piraeus.\n"
    "The seamen's union said the strike would last forty-eight hours and demanded that the government restore cut pensions.\n"
    '"We will not sail until the ministry listens to us," union leader Nikos Pappas told reporters outside the harbour office.\n'
    "Coast guard officials said 112 vessels stayed in port and that island supply runs would be allowed through.\n"
    "The shipping ministry called the walkout illegal and said it would seek a court order to end it.\n"
)
_EDIT = "Local hotel owners on Naxos said dozens of guests had cancelled their weekend stays.\n"
_RADIO = (
    "Sailors across Greece began a two-day stoppage on Monday in a row over pension cuts.\n"
    '"We will not sail until the ministry listens to us," said Nikos Pappas, who leads the seamen\'s union.\n'
    "Passengers queued for hours at Rafina before being told that no boats would leave.\n"
    "A ministry spokeswoman said talks could resume later in the week.\n"
)


def _article(outlet: str, body: str) -> str:
    return f"---\noutlet: {outlet}\ntitle: Ferry strike\ndate: 2024-03-04\n---\n{body}"


@pytest.fixture
def wire(write_corpus: WriteCorpus) -> Corpus:
    """One agency text printed by three outlets (the second with a sentence of its own) and one independent report."""
    return write_corpus(
        {
            "a.md": _article("Harbour Times", _WIRE),
            "b.md": _article("Island [bold]Daily", _WIRE + _EDIT),
            "c.md": _article("Port Gazette", _WIRE),
            "d.md": _article("Aegean Radio", _RADIO),
        }
    )


FAMILY = Family(("a", "b", "c"), 0.9, "Reuters")


@pytest.fixture
def with_family(monkeypatch: pytest.MonkeyPatch) -> None:
    """The analysis the app gets says a, b and c are one text, and gives every group's links a reason."""

    def analysed_with_family(corpus: Corpus, progress=None) -> Analysis:
        analysis = analyse(corpus, progress)
        groups = tuple(replace(group, links=_links(len(group.members))) for group in analysis.groups)
        return replace(analysis, families=(FAMILY,), groups=groups)

    monkeypatch.setattr(tui.core.analysis, "analyse", analysed_with_family)


def _links(members: int) -> tuple[Link, ...]:
    return tuple(
        Link(0, index, "same words", "same words", 1.0) if index < 3 else Link(0, index, "reworded", "reworded: 7 content words shared", 0.8)
        for index in range(1, members)
    )


def _bar(app) -> str:
    return app.query_one(SourceBar).render().plain


async def test_the_source_bar_and_the_headers_say_which_sources_are_one_text(wire: Corpus, with_family: None) -> None:
    app = make_app(wire)
    async with app.run_test(size=(200, 50)) as pilot:
        await analysed(app, pilot)
        bar = _bar(app)
        assert "1A Harbour Times" in bar and "2A Island [bold]Daily" in bar and "3A Port Gazette" in bar
        assert "4 Aegean Radio" in bar and "4A" not in bar
        headers = {column.article.id: column.family for column in app.query(ArticleColumn)}
        assert headers["a"] == "copy A (Reuters): 90% the same as 2, 3"
        assert headers["b"] == "copy A (Reuters): 90% the same as 1, 3"
        assert headers["d"] is None
        assert "Mon 4 March 2024 · copy A (Reuters): 90% the" in screen_text(app)


async def test_a_family_counts_once_and_passages_only_copies_share_are_no_matches(wire: Corpus, with_family: None) -> None:
    app = make_app(wire)
    async with app.run_test(size=(200, 50)) as pilot:
        await analysed(app, pilot)
        assert app.matches is not None
        assert len(app.matches.groups) == 1  # the quote the radio has too; the rest only the copies share
        assert len(app.matches.copied) >= 4
        assert f"1 match · {len(app.matches.copied)} between copies" in status(app)
        copied_start = app.matches.copied[0].members[0].span.start
        assert not any(mark.start == copied_start for mark in view_of(app, "a").marks)  # not painted as a match
        await pilot.press("n")
        [group] = app.matches.groups
        assert group.id != "m1"  # the copies' own groups are numbered too, before it
        assert f"match 1/1 ({group.id}) · " in status(app)  # the label its passages carry, not only its place
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MatchDetail)
        text = screen_text(app)
        assert f"match 1/1 ({group.id})" in text
        assert "4 sources, 2 independent" in text
        assert "1 Harbour Times · copy A ·" in text and "2 Island [bold]Daily · copy A ·" in text
        assert "Aegean Radio ·" in text and "Aegean Radio · copy" not in text


async def test_the_match_details_give_the_reason_each_version_was_matched(wire: Corpus, with_family: None) -> None:
    app = make_app(wire)
    async with app.run_test(size=(120, 50)) as pilot:
        await analysed(app, pilot)
        await pilot.press("n", "enter")
        await pilot.pause()
        text = screen_text(app)
        assert "matched with 1 (same words)" in text
        assert "matched with 1 (reworded: 7 content words shared)" in text


async def test_in_the_unique_view_a_copy_marks_only_what_it_alone_prints(wire: Corpus, with_family: None) -> None:
    app = make_app(wire)
    async with app.run_test(size=(200, 50)) as pilot:
        await analysed(app, pilot)
        await pilot.press("u")
        await pilot.pause()

        def unique(article_id: str) -> list[str]:
            view = view_of(app, article_id)
            return [view.article.body[mark.start : mark.end] for mark in view.marks if mark.style == ArticleView.UNIQUE]

        assert any("Coast guard officials" in passage for passage in unique("a"))  # the family's news, once
        assert not any("Coast guard officials" in passage for passage in unique("b"))
        assert not any("Coast guard officials" in passage for passage in unique("c"))
        assert any("hotel owners on Naxos" in passage for passage in unique("b"))  # what this copy added
        assert not any("We will not sail" in passage for passage in unique("a") + unique("d"))  # two voices say it


async def test_without_families_nothing_is_called_a_copy(wire: Corpus, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tui.core.analysis, "analyse", lambda corpus, progress=None: replace(analyse(corpus, progress), families=()))
    app = make_app(wire)
    async with app.run_test(size=(200, 50)) as pilot:
        await analysed(app, pilot)
        assert app.matches is not None and not app.matches.copied
        assert "1A" not in _bar(app)
        assert all(column.family is None for column in app.query(ArticleColumn))
        assert "between copies" not in status(app)
        marks: tuple[Mark, ...] = view_of(app, "b").marks
        assert len(marks) >= 5  # every passage the copies share is a match again


async def test_on_a_folder_of_wire_copies_the_reader_says_which_sources_are_one_text(wire: Corpus) -> None:
    """The real analysis, nothing given: the three copies of the Reuters text are family A, the radio report is no copy."""
    app = make_app(wire)
    async with app.run_test(size=(80, 24)) as pilot:
        await analysed(app, pilot)
        bar = _bar(app)
        assert "1A " in bar and "2A " in bar and "4 " in bar and "4A" not in bar
        column = next(column for column in app.query(ArticleColumn) if column.article.id == "a")
        assert column.family is not None and column.family.startswith("copy A (Reuters): ")
        assert "copy A (Reuters)" in screen_text(app)
        assert "between copies" in status(app)


async def test_when_only_copies_share_passages_n_says_so(write_corpus: WriteCorpus) -> None:
    corpus = write_corpus({"a.md": _article("Harbour Times", _WIRE), "b.md": _article("Island Daily", _WIRE + _EDIT)})
    app = make_app(corpus)
    messages = record_notifications(app)
    async with app.run_test(size=(120, 30)) as pilot:
        await analysed(app, pilot)
        assert app.matches is not None and not app.matches.groups and app.matches.copied
        await pilot.press("n")
        await pilot.pause()
        assert any("Only copies of one text share passages" in message for message in messages)
        assert not any(mark.style.startswith("article-view--match") for mark in view_of(app, "a").marks)


def test_the_matches_table_names_the_families_and_counts_each_once(wire: Corpus) -> None:
    """`kato-tui matches` as a table: each copy's version says "copy A", a group counts its independent
    sources, and the caption lists the family, its agency and its sources by number."""
    console = Console(width=200, record=True)
    console.print(matches_table(analyse(wire)))
    text = console.export_text()
    assert "Island [bold]Daily (copy A):" in text and "Aegean Radio (copy" not in text
    assert "│ 4 (2 " in text and "│ 3 (1 " in text  # the quote the radio has too; a sentence only the copies print
    assert re.search(r"A \(Reuters, \d+% the same\): 1 Harbour Times, 2 Island \[bold\]Daily, 3 Port Gazette", text)


async def test_two_copies_that_disagree_are_a_dispute_whose_versions_say_copy_a(write_corpus: WriteCorpus) -> None:
    """An edited copy changed a figure: the dispute's details and the disputes table mark both versions as copies of one text."""
    corpus = write_corpus(
        {
            "a.md": _article("Harbour Times", _WIRE),
            "b.md": _article("Island Daily", _WIRE.replace("112 vessels", "115 vessels") + _EDIT),
            "d.md": _article("Aegean Radio", _RADIO),
        }
    )
    app = make_app(corpus)
    async with app.run_test(size=(160, 40)) as pilot:
        await analysed(app, pilot)
        await pilot.press("right_square_bracket", "enter")
        await pilot.pause()
        assert isinstance(app.screen, DisputeDetail)
        text = screen_text(app)
        assert "1 Harbour Times · copy A" in text and "2 Island Daily · copy A" in text
    console = Console(width=200, record=True)
    console.print(disputes_table(analyse(corpus)))
    table = console.export_text()
    assert "Harbour Times (copy A): " in table and "Island Daily (copy A): " in table
