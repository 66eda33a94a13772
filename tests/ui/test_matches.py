"""Matched passages in the reader: the analysis worker, highlights, n/N, details, clicks, unique passages."""

from __future__ import annotations

import pytest
from textual.widgets import Label

from tests.ui.conftest import WriteCorpus
from tests.ui.helpers import analysed, on_screen, record_notifications, run_command, screen_text, status, view_of
from tui.ui.widgets.bars import StatusBar
from tui.core.analysis import analyse
from tui.core.model import Corpus, MatchGroup
from tui.ui.app import KatoApp, make_app
from tui.ui.screens.help import HelpScreen
from tui.ui.screens.match_detail import MatchDetail, VersionDiff
from tui.ui.widgets.article_view import ArticleView

SAID = "The minister said the reserves would never be used as a weapon in any negotiation."
TALKS = "Officials confirmed that the talks will resume in Geneva on the fourth of June."


FILLER = {
    "Alpha": "Rain fell on district {i} for most of the morning, said the weather office.",
    "Beta": "In football, team {i} beat its rivals after extra time on a muddy pitch.",
    "Gamma": "Recipe {i}: slice two onions, fry them slowly and add a pinch of salt.",
}


def _filler(outlet: str, count: int) -> list[str]:
    """Lines of one topic per outlet, so that only the planted sentences match across articles."""
    return [FILLER[outlet].format(i=i) for i in range(count)]


def _article(outlet: str, lines: list[str]) -> str:
    return f"---\noutlet: {outlet}\n---\n" + "\n".join(lines) + "\n"


@pytest.fixture
def shared(write_corpus: WriteCorpus) -> Corpus:
    """Three articles: the first two share SAID (near the top of one, mid-way down the other), all three share TALKS far down."""
    alpha, beta, gamma = _filler("Alpha", 40), _filler("Beta", 40), _filler("Gamma", 40)
    return write_corpus(
        {
            "a.txt": _article("Alpha Daily", [SAID, *alpha[:25], TALKS, *alpha[25:]]),
            "b.txt": _article("Beta Times", [*beta[:15], SAID, *beta[15:32], TALKS, *beta[32:]]),
            "c.txt": _article("Gamma Post", [*gamma[:30], TALKS, *gamma[30:]]),
        }
    )


def _analysis(app: KatoApp) -> str:
    """The analysis part of the status: "analysing…", "12 matches", "match 3/12", ..."""
    return app.query_one(StatusBar).analysis


def _versions(app: KatoApp) -> list[str]:
    """The source line of each version in the open match detail: "1 Alpha Daily · speaker not named"."""
    assert isinstance(app.screen, MatchDetail)
    return [str(label.content) for label in app.screen.query(".version-source").results(Label)]


def _member(group: MatchGroup, article_id: str) -> int:
    return next(member.span.start for member in group.members if member.span.article == article_id)


async def test_the_status_counts_the_matches_of_the_bundled_story(bundled: Corpus) -> None:
    """Once the worker is done the status gives the number of groups the core found."""
    groups = analyse(bundled).groups
    assert len(groups) > 1
    app = make_app(bundled)
    async with app.run_test(size=(200, 50)) as pilot:
        await analysed(app, pilot)
        assert f"{len(groups)} matches" in status(app)
        assert [group.id for group in app.matches.groups] == [group.id for group in groups]


async def test_every_matched_passage_is_highlighted_in_its_groups_colour(bundled: Corpus) -> None:
    """The line holding a member is drawn with its group's colour; the first two groups, neighbours in an article, differ."""
    app = make_app(bundled)
    async with app.run_test(size=(200, 50)) as pilot:
        await analysed(app, pilot)
        styles = []
        for index, group in enumerate(app.matches.groups[:2]):
            member = group.members[0]
            view = view_of(app, member.span.article)
            view.scroll_to(y=view.line_of(member.span.start), animate=False, immediate=True)
            await pilot.pause()
            style = view.get_component_rich_style(ArticleView.match_style(app.matches.colours[index]))
            assert any(segment.style == style for segment in view.render_line(0))
            styles.append(style)
        assert styles[0].bgcolor != styles[1].bgcolor


async def test_n_visits_every_group_of_the_bundled_story_and_wraps(bundled: Corpus) -> None:
    """At 200x50 all five columns show; after each n every member's passage is on screen in its column."""
    app = make_app(bundled)
    async with app.run_test(size=(200, 50)) as pilot:
        await analysed(app, pilot)
        groups = app.matches.groups
        scrolled = set()
        for number, group in enumerate(groups, 1):
            await pilot.press("n")
            await pilot.wait_for_scheduled_animations()
            assert _analysis(app) == f"match {number}/{len(groups)}"
            for member in group.members:
                view = view_of(app, member.span.article)
                assert on_screen(view, member.span.start), (group.id, member.span)
                if view.scroll_y > 0:
                    scrolled.add(member.span.article)
        assert len(scrolled) >= 2
        await pilot.press("n")
        assert _analysis(app) == f"match 1/{len(groups)}"


async def test_n_jumps_to_the_first_match_and_scrolls_the_other_column(shared: Corpus) -> None:
    """n goes to "match 1/2" and the column whose passage was below the fold scrolls to it."""
    app = make_app(shared)
    async with app.run_test(size=(80, 24)) as pilot:
        await analysed(app, pilot)
        assert _analysis(app) == "2 matches"
        beta = view_of(app, "b")
        first = app.matches.groups[0]
        assert beta.scroll_y == 0 and not on_screen(beta, _member(first, "b"))
        await pilot.press("n")
        await pilot.wait_for_scheduled_animations()
        assert _analysis(app) == "match 1/2"
        assert beta.scroll_y > 0 and on_screen(beta, _member(first, "b"))
        assert on_screen(view_of(app, "a"), _member(first, "a"))


async def test_n_and_capital_n_step_and_wrap_round(shared: Corpus) -> None:
    """N before any jump goes to the last group; n past the last comes back to the first."""
    app = make_app(shared)
    async with app.run_test(size=(80, 24)) as pilot:
        await analysed(app, pilot)
        await pilot.press("N")
        assert _analysis(app) == "match 2/2"
        await pilot.press("n")
        assert _analysis(app) == "match 1/2"
        await pilot.press("n")
        assert _analysis(app) == "match 2/2"
        await pilot.press("N", "N")
        assert _analysis(app) == "match 2/2"


async def test_an_article_off_screen_opens_at_the_passage(shared: Corpus) -> None:
    """The third article isn't on screen at 80 columns; after the jump it slides in showing its passage."""
    app = make_app(shared)
    async with app.run_test(size=(80, 24)) as pilot:
        await analysed(app, pilot)
        await pilot.press("n", "n")
        await pilot.wait_for_scheduled_animations()
        assert "c" not in [view.article.id for view in app.query(ArticleView)]
        await pilot.press("3")
        await pilot.pause()
        gamma = view_of(app, "c")
        assert gamma.scroll_y > 0 and on_screen(gamma, _member(app.matches.groups[1], "c"))


async def test_the_current_group_is_emphasised(shared: Corpus) -> None:
    """After n, the current group's passages carry the current style over their group colour; the other group's don't."""
    app = make_app(shared)
    async with app.run_test(size=(80, 24)) as pilot:
        await analysed(app, pilot)
        assert not any(mark.style == ArticleView.CURRENT for mark in view_of(app, "a").marks)
        await pilot.press("n")
        current = [mark for mark in view_of(app, "a").marks if mark.style == ArticleView.CURRENT]
        assert [(mark.start, mark.end) for mark in current] == [(0, len(SAID))]
        line = view_of(app, "a").render_line(0)
        assert any(segment.style and segment.style.bold for segment in line)


async def test_enter_shows_every_version_and_escape_closes(shared: Corpus) -> None:
    """enter before any jump opens the first group; it names every outlet; n moves on inside; escape closes."""
    app = make_app(shared)
    async with app.run_test(size=(120, 40)) as pilot:
        await analysed(app, pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MatchDetail)
        assert _analysis(app) == "match 1/2"
        assert _versions(app) == ["1 Alpha Daily · minister", "2 Beta Times · minister"]  # "The minister said ..."
        await pilot.press("n")
        await pilot.pause()
        assert "match 2/2 · statement · exact wording" in screen_text(app)
        assert [line.split(" · ")[0] for line in _versions(app)] == ["1 Alpha Daily", "2 Beta Times", "3 Gamma Post"]
        await pilot.press("escape")
        assert not isinstance(app.screen, MatchDetail)
        assert _analysis(app) == "match 2/2"


async def test_details_of_the_bundled_story_name_every_outlet_of_the_group(bundled: Corpus) -> None:
    """On the real story the detail lists one version per member, by outlet, with the speaker or its absence."""
    app = make_app(bundled)
    async with app.run_test(size=(160, 50)) as pilot:
        await analysed(app, pilot)
        await pilot.press("n", "n", "enter")
        await pilot.pause()
        group = app.matches.current
        assert len(group.members) >= 2
        assert _versions(app) == [
            f"{number} {bundled.article(member.span.article).outlet} · {member.speaker or 'speaker not named'}"
            for number, member in enumerate(group.members, 1)
        ]


async def test_enter_without_matches_says_so(unrelated: Corpus) -> None:
    """Two articles with nothing in common: enter opens nothing and a notification explains."""
    corpus = unrelated
    app = make_app(corpus)
    messages = record_notifications(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await analysed(app, pilot)
        assert _analysis(app) == "0 matches"
        await pilot.press("enter", "n")
        await pilot.pause()
        assert not isinstance(app.screen, MatchDetail)
        assert _analysis(app) == "0 matches"
        assert any("No passages are shared" in message for message in messages)


async def test_clicking_a_highlight_selects_its_group(shared: Corpus) -> None:
    """A click on the second group's passage makes it current and scrolls the others to it."""
    app = make_app(shared)
    async with app.run_test(size=(80, 24)) as pilot:
        await analysed(app, pilot)
        alpha = view_of(app, "a")
        second = app.matches.groups[1]
        start = _member(second, "a")
        alpha.scroll_to(y=alpha.line_of(start), animate=False, immediate=True)
        await pilot.pause()
        assert await pilot.click(alpha, offset=(3, alpha.gutter.top))
        await pilot.wait_for_scheduled_animations()
        assert _analysis(app) == "match 2/2"
        assert on_screen(view_of(app, "b"), _member(second, "b"))


async def test_clicking_plain_text_selects_nothing(shared: Corpus) -> None:
    """A click on text no group shares leaves the status at the totals."""
    app = make_app(shared)
    async with app.run_test(size=(80, 24)) as pilot:
        await analysed(app, pilot)
        await pilot.click(view_of(app, "b"), offset=(3, 2))
        assert _analysis(app) == "2 matches"


async def test_u_marks_the_unique_passages_and_back(shared: Corpus) -> None:
    """u dims the text and marks what only one source has; u again brings the match highlights back."""
    app = make_app(shared)
    async with app.run_test(size=(80, 24)) as pilot:
        await analysed(app, pilot)
        alpha = view_of(app, "a")
        matched = alpha.marks
        await pilot.press("u")
        assert "unique passages" in status(app)
        styles = {mark.style for mark in alpha.marks}
        assert styles == {ArticleView.DIM, ArticleView.UNIQUE}
        unique = [alpha.article.body[mark.start:mark.end] for mark in alpha.marks if mark.style == ArticleView.UNIQUE]
        assert SAID not in unique and TALKS not in unique and "Rain fell on district 3" in " ".join(unique)
        await pilot.press("u")
        assert "unique passages" not in status(app)
        assert alpha.marks == matched


async def test_markup_in_a_matched_passage_shows_literally_in_the_details(write_corpus: WriteCorpus) -> None:
    """A shared sentence with [bold] in it is drawn as those characters in the versions."""
    quote = "The report says [bold red]nothing[/] about the [link=https://x.example]bonds[/link] at all today."
    corpus = write_corpus(
        {"a.txt": f"First paper opens here.\n{quote}\n", "b.txt": f"Second paper opens otherwise.\n{quote}\n"}
    )
    app = make_app(corpus)
    async with app.run_test(size=(140, 30)) as pilot:
        await analysed(app, pilot)
        await pilot.press("enter")
        await pilot.pause()
        versions = app.screen.query(VersionDiff)
        assert [version.render().plain for version in versions] == [quote, quote]
        assert screen_text(app).count("[bold red]nothing[/] about the") >= 2


async def test_match_keys_are_in_the_footer_the_help_and_the_palette(shared: Corpus) -> None:
    """The footer shows "Next match", the help lists n / N and u, the palette runs "match: next"."""
    app = make_app(shared)
    async with app.run_test(size=(120, 30)) as pilot:
        await analysed(app, pilot)
        assert "Next match" in screen_text(app)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        help_text = screen_text(app)
        assert "next / previous match: columns scroll to it" in help_text
        assert "mark what only one voice says, dim the rest" in help_text
        await pilot.press("escape")
        await run_command(pilot, app, "match: next")
        assert _analysis(app) == "match 1/2"


async def test_a_theme_change_recolours_the_highlights(shared: Corpus) -> None:
    """The colours come from the theme: switching it redraws a matched passage in the new theme's colour."""
    app = make_app(shared)
    async with app.run_test(size=(80, 24)) as pilot:
        await analysed(app, pilot)
        alpha = view_of(app, "a")

        def passage_background() -> object:
            return next(segment.style.bgcolor for segment in alpha.render_line(0) if segment.text.startswith("The minister"))

        before = passage_background()
        app.theme = "gruvbox" if app.theme != "gruvbox" else "nord"
        await pilot.pause()
        assert passage_background() != before
        assert passage_background() == alpha.get_component_rich_style(ArticleView.match_style(app.matches.colours[0])).bgcolor


async def test_the_worker_reports_its_progress_and_the_total_stays(bundled: Corpus) -> None:
    """The analysis posts its progress up to 1.0; once it is done the status keeps the total, not a stale percentage."""
    progress: list[float] = []

    def hook(message: object) -> None:
        if isinstance(message, KatoApp.AnalysisProgressed):
            progress.append(message.fraction)

    app = make_app(bundled)
    async with app.run_test(size=(80, 24), message_hook=hook) as pilot:
        await analysed(app, pilot)
        assert progress and progress == sorted(progress) and progress[-1] == 1.0
        assert _analysis(app) == f"{len(app.matches.groups)} matches"
