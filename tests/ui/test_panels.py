"""The matches panel and the filters of the matches and disputes panels: they list, narrow and jump."""

from __future__ import annotations

import pytest
from rich.cells import cell_len

from tests.ui.helpers import analysed, on_screen, screen_text, status, view_of
from tui.core.model import Analysis, Corpus, MatchGroup, Segment, Span
from tui.ui.app import KatoApp, make_app
from tui.ui.config import Config
from tui.ui.filters import Facet, ListFilter, Switch
from tui.ui.render import shorten
from tui.ui.state import Places
from tui.ui.voices import Voices
from tui.ui.widgets.disputes import DisputesPanel
from tui.ui.widgets.matches_panel import MatchesPanel, match_row

from .conftest import WriteCorpus


def _app(corpus: Corpus) -> KatoApp:
    return make_app(corpus, config=Config(), places=Places(None))


def _listed(panel: MatchesPanel | DisputesPanel) -> list[int]:
    """The navigator indices of the rows the panel lists, top to bottom."""
    ids = [panel.get_option_at_index(n).id or "" for n in range(panel.option_count)]
    return [int(one.removeprefix("item-")) for one in ids if one.startswith("item-")]


@pytest.fixture
def changing(write_corpus: WriteCorpus) -> Corpus:
    """A count that rose between two days' reports (a change over time), and a mayor only one source names."""
    fire = "people were injured when a fire swept through a warehouse in Ridgeview on Monday, police said.\n"
    return write_corpus(
        {
            "a.md": f"---\noutlet: Valley Herald\ndate: 2012-07-02\n---\nFive {fire}The cause of the fire is not yet known.\n",
            "b.md": f"---\noutlet: Coast News\ndate: 2012-07-03\n---\nTwenty-four {fire}Firefighters worked through the night.\n",
            "c.md": "---\noutlet: Metro Daily\ndate: 2012-07-03\n---\nA fire swept through a warehouse in Ridgeview on Monday. "
            "Mayor Jane Holt said 300 jobs were at risk.\nThe cause of the fire is not yet known.\n",
        }
    )


def test_a_filter_narrows_by_facet_and_hides_by_switch() -> None:
    """A facet cycles through its values and back to all; a switch hides its items; clear lists all again."""
    words = ["apple", "avocado", "banana", "blueberry", "cherry"]
    found = ListFilter([Facet("letter", ("a", "b"), lambda word: {word[0]})], [Switch("long words", lambda word: len(word) > 6)])
    assert found.kept(words) == [0, 1, 2, 3, 4] and found.label == ""
    found.cycle("letter")
    assert found.kept(words) == [0, 1] and found.label == "letter: a"
    found.cycle("letter")
    found.toggle("long words")
    assert found.kept(words) == [2] and found.label == "letter: b · long words hidden"
    found.cycle("letter")
    assert found.kept(words) == [0, 2, 4]
    found.clear()
    assert found.kept(words) == [0, 1, 2, 3, 4] and not found.active


def test_a_row_shows_the_first_words_cut_at_a_word() -> None:
    assert shorten("We will not unload our holdings", 60, at_word=True) == "We will not unload our holdings"
    assert shorten("We will not unload our holdings of US Treasuries", 20, at_word=True) == "We will not unload…"
    assert shorten("We will not unload our holdings", 12) == "We will not…"
    assert shorten("日本の財務大臣", 7) == "日本の…"  # cells, not characters: each of these is two
    assert shorten("日本の財務大臣", 6) == "日本…"


def test_match_rows_line_up_whatever_script_the_passage_is_in(bundled: Corpus) -> None:
    """The passage is padded by cells, so the details after a Chinese passage start where a Latin one's do."""
    voices = Voices(Analysis(corpus=bundled))

    def row(text: str) -> str:
        members = tuple(Segment(Span(article, 0, len(text)), "sentence", text) for article in ("cna", "zaobao"))
        return match_row(MatchGroup("m1", "statement", "paraphrase", 50.0, members), voices).plain

    latin, chinese = row("Japan's finance minister said the holdings could be a card in the talks"), row("日本财务大臣加藤胜信表示，日本持有的美国国债可以成为谈判中的一张牌。" * 2)
    assert cell_len(latin.split("statement")[0]) == cell_len(chinese.split("statement")[0])


async def test_the_matches_panel_lists_every_match_and_filters_by_kind_and_source(bundled: Corpus) -> None:
    app = _app(bundled)
    async with app.run_test(size=(200, 50)) as pilot:
        await analysed(app, pilot)
        await pilot.press("l")
        await pilot.pause()
        panel = app.query_one(MatchesPanel)
        assert panel.open and panel.has_focus and app.matches is not None
        groups = app.matches.groups
        assert _listed(panel) == list(range(len(groups)))
        text = screen_text(app)
        assert f"Matches · {len(groups)} matches" in text and f"{groups[0].id}   “{groups[0].members[0].text[:20]}" in text
        assert f"{groups[0].kind} · {groups[0].wording}" in text
        await pilot.press("k")  # quotes only
        quotes = [n for n, group in enumerate(groups) if group.kind == "quote"]
        assert quotes and _listed(panel) == quotes
        assert f"kind: quote · {len(quotes)} shown" in screen_text(app)
        await pilot.press("k", "k")  # statements, then all again
        assert _listed(panel) == list(range(len(groups)))
        await pilot.press("o")  # the first column's source
        first = app.query_one("Reader").articles[0].id  # type: ignore[attr-defined]
        assert _listed(panel) == [n for n, group in enumerate(groups) if first in group.articles] != []
        assert "source: 1 " in screen_text(app)
        await pilot.press("backspace")
        assert _listed(panel) == list(range(len(groups)))


async def test_choosing_a_match_goes_to_it_and_the_columns_scroll(bundled: Corpus) -> None:
    app = _app(bundled)
    async with app.run_test(size=(200, 50)) as pilot:
        await analysed(app, pilot)
        assert app.matches is not None
        last = len(app.matches.groups)
        await pilot.press("l", "end", "enter")
        await pilot.pause()
        assert f"match {last}/{last}" in status(app)
        group = app.matches.groups[-1]
        for member in group.members:
            assert on_screen(view_of(app, member.span.article), member.span.start)
        await pilot.press("n")  # the panel follows a jump made with the keys
        assert app.query_one(MatchesPanel).highlighted == 0


async def test_the_disputes_panel_hides_changes_over_time_and_one_source_claims(changing: Corpus) -> None:
    app = _app(changing)
    async with app.run_test(size=(160, 40)) as pilot:
        await analysed(app, pilot)
        await pilot.press("d")
        panel = app.query_one(DisputesPanel)
        assert _listed(panel) == [0, 1] and "Uncorroborated: what only one source says" in screen_text(app)
        await pilot.press("c")
        assert _listed(panel) == [1] and "changes over time hidden" in screen_text(app)
        await pilot.press("u")
        assert _listed(panel) == [] and "Nothing left" in screen_text(app)
        await pilot.press("c", "u", "k")  # one kind: the numbers
        assert _listed(panel) == [0] and "kind: number" in screen_text(app)
        await pilot.press("k", "k", "o", "o", "o")  # all kinds; the third column's source: Metro Daily says only the claim
        assert _listed(panel) == [1] and "source: 3 Metro Daily" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert "uncorroborated 1/1" in status(app)


async def test_a_panel_makes_its_rows_when_first_opened_with_the_item_gone_to_highlighted(bundled: Corpus) -> None:
    """A panel never opened has no rows (a large analysis's rows held up its highlights); opened, it lists every
    item, the one gone to meanwhile highlighted, and from then on it follows at once."""
    app = _app(bundled)
    async with app.run_test(size=(200, 50)) as pilot:
        await analysed(app, pilot)
        panel = app.query_one(MatchesPanel)
        await pilot.press("n", "n")
        assert panel.option_count == 1  # still the "analysing…" row: nothing made for a closed panel
        await pilot.press("l")
        assert app.matches is not None and _listed(panel) == list(range(len(app.matches.groups)))
        assert panel.highlighted == 1
        await pilot.press("l", "n")
        assert panel.highlighted == 2
