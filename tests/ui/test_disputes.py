"""Disputed facts in the reader: ] and [, the highlight, the panel (d), the details, on real analyses."""

from __future__ import annotations

import pytest
from textual.widgets import Label

from tests.ui.conftest import WriteCorpus
from tests.ui.helpers import analysed, on_screen, record_notifications, run_command, screen_text, view_of
from tui.core.analysis import analyse
from tui.core.model import Corpus, Dispute
from tui.ui.app import KatoApp, make_app
from tui.ui.screens.dispute_detail import DisputeDetail, Passage
from tui.ui.screens.help import HelpScreen
from tui.ui.screens.match_detail import MatchDetail
from tui.ui.widgets.article_view import ArticleView
from tui.ui.widgets.bars import StatusBar
from tui.ui.widgets.disputes import DisputesPanel
from tui.ui.widgets.reader import Reader

NEXT, PREVIOUS = "right_square_bracket", "left_square_bracket"
HERALD = "The fire destroyed 40 homes in Ridgeview on Monday."
COAST = "The [bold]fire[/bold] destroyed 65 homes in Ridgeview on Monday."


@pytest.fixture
def fire(write_corpus: WriteCorpus) -> Corpus:
    """Two outlets that disagree on one number; the second has markup in its name and in the disputed sentence."""
    return write_corpus(
        {
            "a.md": f"---\noutlet: Valley Herald\n---\n{HERALD}\nCrews worked through the night.\n",
            "b.md": f'---\noutlet: "[red]Coast[/red] News"\n---\nResidents were evacuated early.\n{COAST}\n',
        }
    )


def _disputes(app: KatoApp) -> str:
    """The dispute part of the status: "8 disputes", "dispute 2/8"."""
    return app.query_one(StatusBar).disputes


def _shows_version(app: KatoApp, dispute: Dispute) -> None:
    """Every version's line is on screen in its column, marked in the dispute style."""
    for version in dispute.versions:
        view = view_of(app, version.span.article)
        assert on_screen(view, version.span.start), (dispute.id, version.span)
        marked = [(m.start, m.end) for m in view.marks if m.style == ArticleView.DISPUTE]
        assert (version.span.start, version.span.end) in marked


async def test_the_status_counts_the_disputes_of_the_bundled_story(bundled: Corpus) -> None:
    """Once the worker is done the status gives the number of disputes the core found, beside the matches."""
    disputes = analyse(bundled).disputes
    assert len(disputes) > 1
    app = make_app(bundled)
    async with app.run_test(size=(200, 50)) as pilot:
        await analysed(app, pilot)
        assert _disputes(app) == f"{len(disputes)} disputes"  # the uncorroborated claims are not counted
        assert f"matches │ {len(disputes)} disputes" in screen_text(app)
        assert [d.id for d in app.disputes.disputes] == [d.id for d in disputes]


async def test_next_dispute_scrolls_every_column_to_the_holdings_figures(bundled: Corpus) -> None:
    """] goes to "dispute 1/N", the holdings figures: each column shows its figure, marked; [ goes back round."""
    app = make_app(bundled)
    async with app.run_test(size=(200, 50)) as pilot:
        await analysed(app, pilot)
        total = len(app.disputes.disputes)
        await pilot.press(NEXT)
        await pilot.wait_for_scheduled_animations()
        assert _disputes(app) == f"dispute 1/{total}"
        first = app.disputes.current
        assert first.kind == "number" and all("trillion" in version.text for version in first.versions)
        assert len({version.span.article for version in first.versions}) == 5
        _shows_version(app, first)
        assert view_of(app, "zaobao").scroll_y > 0
        await pilot.press(PREVIOUS)
        assert _disputes(app) == f"dispute {total}/{total}"
        await pilot.press(NEXT)
        assert _disputes(app) == f"dispute 1/{total}"


async def test_brackets_wrap_round_and_visit_every_dispute(bundled: Corpus) -> None:
    """[ before any jump goes to the last dispute; ] steps through all of them, each shown, and wraps to the first."""
    app = make_app(bundled)
    async with app.run_test(size=(200, 50)) as pilot:
        await analysed(app, pilot)
        disputes = app.disputes.disputes
        await pilot.press(PREVIOUS)
        assert _disputes(app) == f"dispute {len(disputes)}/{len(disputes)}"
        for number, dispute in enumerate(disputes, 1):
            await pilot.press(NEXT)
            await pilot.wait_for_scheduled_animations()
            assert _disputes(app) == f"dispute {number}/{len(disputes)}"
            _shows_version(app, dispute)
        await pilot.press(NEXT)
        assert _disputes(app) == f"dispute 1/{len(disputes)}"


async def test_an_article_off_screen_opens_at_its_version(bundled: Corpus) -> None:
    """At 80 columns Lianhe Zaobao is off screen; after ] it slides in at its figure."""
    app = make_app(bundled)
    async with app.run_test(size=(80, 24)) as pilot:
        await analysed(app, pilot)
        await pilot.press(NEXT)
        await pilot.wait_for_scheduled_animations()
        assert "zaobao" not in [view.article.id for view in app.query(ArticleView)]
        await pilot.press("5")
        await pilot.pause()
        zaobao = view_of(app, "zaobao")
        version = next(v for v in app.disputes.current.versions if v.span.article == "zaobao")
        assert zaobao.scroll_y > 0 and on_screen(zaobao, version.span.start)


async def test_the_dispute_is_drawn_in_its_own_style(bundled: Corpus) -> None:
    """The version's words are drawn in the dispute style, which is unlike every match colour."""
    app = make_app(bundled)
    async with app.run_test(size=(200, 50)) as pilot:
        await analysed(app, pilot)
        await pilot.press(NEXT)
        await pilot.wait_for_scheduled_animations()
        version = next(v for v in app.disputes.current.versions if v.span.article == "unattributed")
        view = view_of(app, "unattributed")
        style = view.get_component_rich_style(ArticleView.DISPUTE)
        figure = view.article.body.index("$1.13", version.span.start)  # inside the version's phrase
        line = view.render_line(view.line_of(figure) - round(view.scroll_y))
        assert any(segment.style == style and "$1.13" in segment.text for segment in line)
        match_colours = {view.get_component_rich_style(ArticleView.match_style(i)).bgcolor for i in range(6)}
        assert style.bgcolor not in match_colours


async def test_d_opens_the_panel_focused_and_closes_it_back_to_the_column(bundled: Corpus) -> None:
    """d shows the panel with the focus in it; d again hides it and the column has the focus back; esc too."""
    app = make_app(bundled)
    async with app.run_test(size=(200, 50)) as pilot:
        await analysed(app, pilot)
        panel = app.query_one(DisputesPanel)
        assert not panel.display
        await pilot.press("tab", "d")
        assert panel.display and app.focused is panel
        claims = app.disputes.analysis.uncorroborated
        assert panel.option_count == len(app.disputes.disputes) + 1 + len(claims)  # and the claims' heading
        await pilot.press("d")
        assert not panel.display
        assert app.focused is app.query_one(Reader).current_view and app.focused.article.id == "toi"
        await pilot.press("d", "escape")
        assert not panel.display and isinstance(app.focused, ArticleView)


async def test_the_panel_lists_the_disputes_then_the_uncorroborated_claims(bundled: Corpus) -> None:
    """Each row has the dispute's kind and summary; conflicts name the outlets on each side; the
    claims only one source makes come after a rule, under a heading of their own."""
    app = make_app(bundled)
    async with app.run_test(size=(200, 50)) as pilot:
        await analysed(app, pilot)
        await pilot.press("d")
        disputes, claims = app.disputes.disputes, app.disputes.analysis.uncorroborated
        assert disputes and claims and all(claim.kind == "uncorroborated" for claim in claims)
        panel = app.query_one(DisputesPanel)
        rows = [option.prompt.plain for option in panel.options]
        for dispute, row in zip(disputes, rows):
            assert dispute.kind in row and dispute.summary in row
        assert rows[len(disputes)] == f"Uncorroborated: what only one source says ({len(claims)})"
        for claim, row in zip(claims, rows[len(disputes) + 1 :]):
            assert claim.summary in row
        assert all(outlet in rows[0] for outlet in ("Channel NewsAsia", "unattributed", "Lianhe Zaobao"))
        assert "│" in rows[0].splitlines()[1]
        rule = "".join(segment.text for segment in panel.render_line(2 * len(disputes))).strip()
        assert rule and set(rule) == {"─"}  # under the disputes, two lines each
        assert panel.border_title == f"Disputes · {len(disputes)} disputes · {len(claims)} uncorroborated"
        assert "Only The Times of India names Martin Whetton" in screen_text(app)


async def test_choosing_an_uncorroborated_claim_goes_to_it(bundled: Corpus) -> None:
    """enter on the first claim's row makes it current: "uncorroborated 1/N" in the status."""
    app = make_app(bundled)
    async with app.run_test(size=(200, 50)) as pilot:
        await analysed(app, pilot)
        await pilot.press("d")
        panel = app.query_one(DisputesPanel)
        claims = app.disputes.analysis.uncorroborated
        panel.highlighted = panel.get_option_index(f"item-{len(app.disputes.disputes)}")
        await pilot.press("enter")
        await pilot.pause()
        assert app.disputes.current is claims[0]
        assert _disputes(app) == f"uncorroborated 1/{len(claims)}"


async def test_choosing_a_row_jumps_and_choosing_it_again_shows_the_details(bundled: Corpus) -> None:
    """enter on the second row makes d2 current and scrolls its column; enter again opens its details."""
    app = make_app(bundled)
    async with app.run_test(size=(200, 50)) as pilot:
        await analysed(app, pilot)
        total = len(app.disputes.disputes)
        await pilot.press("d", "down", "enter")
        await pilot.wait_for_scheduled_animations()
        assert _disputes(app) == f"dispute 2/{total}"
        _shows_version(app, app.disputes.current)
        assert not isinstance(app.screen, DisputeDetail)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DisputeDetail) and app.screen.dispute is app.disputes.current


async def test_clicking_a_row_jumps_and_the_highlight_follows_the_keys(bundled: Corpus) -> None:
    """A click on the first row goes to d1; ] then moves the panel's highlighted row along."""
    app = make_app(bundled)
    async with app.run_test(size=(200, 50)) as pilot:
        await analysed(app, pilot)
        await pilot.press("d")
        panel = app.query_one(DisputesPanel)
        panel.highlighted = 4
        assert await pilot.click(panel, offset=(4, panel.gutter.top))
        await pilot.wait_for_scheduled_animations()
        assert _disputes(app).startswith("dispute 1/")
        assert panel.highlighted == 0
        await pilot.press(NEXT)
        assert _disputes(app).startswith("dispute 2/") and panel.highlighted == 1


async def test_enter_opens_the_details_of_what_was_gone_to_last(bundled: Corpus) -> None:
    """After ] enter shows the dispute with every outlet and value; ] steps inside; after n enter shows the match."""
    app = make_app(bundled)
    async with app.run_test(size=(200, 50)) as pilot:
        await analysed(app, pilot)
        await pilot.press(NEXT, "enter")
        await pilot.pause()
        assert isinstance(app.screen, DisputeDetail)
        dispute = app.disputes.current
        sources = [str(label.content) for label in app.screen.query(".version-source").results(Label)]
        values = [str(label.content) for label in app.screen.query(".version-value").results(Label)]
        assert sources == [
            f"{n} {bundled.article(v.span.article).outlet}" for n, v in enumerate(dispute.versions, 1)
        ]
        assert values == [f"value: {v.value}" for v in dispute.versions]
        text = screen_text(app)
        assert f"dispute 1/{len(app.disputes.disputes)} · number" in text and "why:" in text
        await pilot.press(NEXT)
        await pilot.pause()
        assert app.screen.dispute is app.disputes.disputes[1]
        assert f"dispute 2/{len(app.disputes.disputes)} · wording" in screen_text(app)
        await pilot.press("escape", "n", "enter")
        await pilot.pause()
        assert isinstance(app.screen, MatchDetail)


async def test_the_versions_stand_side_by_side_when_they_fit(bundled: Corpus) -> None:
    """At 200 columns the five versions of d1 share one row; at 80 they stack."""
    for size, stacked in (((200, 50), False), ((80, 24), True)):
        app = make_app(bundled)
        async with app.run_test(size=size) as pilot:
            await analysed(app, pilot)
            await pilot.press(NEXT, "enter")
            await pilot.pause()
            cards = list(app.screen.query(".version"))
            assert len(cards) == 5
            assert app.screen.has_class("-stacked") is stacked
            assert len({card.region.y for card in cards}) == (5 if stacked else 1)


async def test_the_panel_leaves_the_text_readable_at_80x24(bundled: Corpus) -> None:
    """With the panel open at 80x24 both columns still show several lines of text and the current version."""
    app = make_app(bundled)
    async with app.run_test(size=(80, 24)) as pilot:
        await analysed(app, pilot)
        await pilot.press(NEXT, "d")
        await pilot.wait_for_scheduled_animations()
        assert app.query_one(DisputesPanel).display
        for view in app.query(ArticleView):
            assert view.size.height >= 6
        cna = view_of(app, "cna")
        version = next(v for v in app.disputes.current.versions if v.span.article == "cna")
        assert on_screen(cna, version.span.start)
        assert "exceeding $1 trillion" in screen_text(app)


async def test_a_planted_disagreement_is_found_and_shown(fire: Corpus) -> None:
    """40 homes against 65: one dispute; ] marks both figures; the details give both outlets and values."""
    app = make_app(fire)
    async with app.run_test(size=(120, 30)) as pilot:
        await analysed(app, pilot)
        assert _disputes(app) == "1 dispute"
        dispute = app.disputes.disputes[0]
        assert dispute.kind == "number"
        assert sorted(v.value for v in dispute.versions) == ["40 homes", "65 homes"]
        await pilot.press(NEXT)
        assert _disputes(app) == "dispute 1/1"
        _shows_version(app, dispute)
        await pilot.press("enter")
        await pilot.pause()
        text = screen_text(app)
        for version in dispute.versions:
            assert f"value: {version.value}" in text
        assert "1 Valley Herald" in text and "2 [red]Coast[/red] News" in text


async def test_markup_in_a_disputed_passage_shows_literally(fire: Corpus) -> None:
    """The outlet's [red] and the sentence's [bold] are drawn as characters in the panel and the details."""
    app = make_app(fire)
    async with app.run_test(size=(120, 30)) as pilot:
        await analysed(app, pilot)
        await pilot.press("d")
        assert "[red]Coast[/red] News" in screen_text(app)
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert isinstance(app.screen, DisputeDetail)
        passages = [passage.render().plain for passage in app.screen.query(Passage)]
        assert passages == [HERALD, COAST]
        assert "The [bold]fire[/bold] destroyed" in screen_text(app)


async def test_a_corpus_without_disputes_says_so(unrelated: Corpus) -> None:
    """Nothing to dispute: the status says "0 disputes", ] explains, the panel holds a note."""
    corpus = unrelated
    app = make_app(corpus)
    messages = record_notifications(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await analysed(app, pilot)
        assert _disputes(app) == "0 disputes"
        await pilot.press(NEXT)
        assert _disputes(app) == "0 disputes"
        assert any("don't disagree" in message for message in messages)
        await pilot.press("d")
        assert "don't disagree" in screen_text(app)


async def test_dispute_keys_are_in_the_footer_the_help_and_the_palette(fire: Corpus) -> None:
    """The footer shows "Next dispute" and "Disputes", the help lists ] / [ and d, the palette runs the dispute commands."""
    app = make_app(fire)
    async with app.run_test(size=(120, 30)) as pilot:
        await analysed(app, pilot)
        text = screen_text(app)
        assert "Next dispute" in text and "Disputes" in text
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        help_text = screen_text(app)
        assert "next / previous dispute" in help_text and "open and focus the disputes panel" in help_text
        await pilot.press("escape")
        for command, check in (
            ("dispute: next", lambda: _disputes(app) == "dispute 1/1"),
            ("dispute: toggle panel", lambda: app.query_one(DisputesPanel).display),
            ("dispute: details", lambda: isinstance(app.screen, DisputeDetail)),
        ):
            await run_command(pilot, app, command)
            assert check(), command


async def test_a_dispute_slides_a_column_with_its_other_version_into_view(write_corpus: WriteCorpus) -> None:
    """At 80 columns two articles show; the dispute's versions are in the first and the sixth:
    ] brings the sixth into view beside the first, scrolled to its version."""
    filler = "The weather in the valley was mild all week.\n"
    files = {f"{name}.txt": filler * 3 for name in "bcde"}
    files["a.txt"] = "Police said 12 people were injured in the riots on Wednesday.\n" + filler
    files["f.txt"] = filler * 40 + "Police said 18 people had been injured in the violence.\n"
    corpus = write_corpus(files)
    app = make_app(corpus)
    async with app.run_test(size=(80, 24)) as pilot:
        await analysed(app, pilot)
        assert [column.article.id for column in app.query_one(Reader).columns] == ["a", "b"]
        await pilot.press(NEXT)
        await pilot.wait_for_scheduled_animations()
        assert "f" in [column.article.id for column in app.query_one(Reader).columns]
        version = next(v for v in app.disputes.current.versions if v.span.article == "f")
        assert on_screen(view_of(app, "f"), version.span.start)
        assert isinstance(app.focused, ArticleView) and app.focused.article.id == "f"
