"""ComponentSharingStylesheet: the component classes of widgets in the same place are matched against the rules
once, and every widget still ends up with the styles Textual's own stylesheet gives it."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.containers import Vertical
from textual.css.stylesheet import Stylesheet
from textual.dom import DOMNode
from textual.widget import Widget

from tui.core.model import Corpus
from tui.ui.app import KatoApp, make_app
from tui.ui.stylesheet import ComponentSharingStylesheet
from tui.ui.widgets.article_view import ArticleView
from tui.ui.widgets.bars import SourceBar

from .helpers import analysed


def textuals_own(node: DOMNode, component: str) -> dict[str, object]:
    """The rules Textual's stylesheet matches for one of `node`'s component classes, worked out afresh."""
    virtual = DOMNode(classes=component)
    virtual._attach(node)
    stylesheet = node.app.stylesheet
    Stylesheet.apply(stylesheet, virtual)  # Textual's own matching (the node has no component classes of its own)
    return virtual.styles.base.get_rules()


def assert_as_textual_styles_them(app: KatoApp) -> None:
    nodes = [*app.query(ArticleView), app.query_one(SourceBar)]
    for node in nodes:
        for component in node._get_component_classes():
            assert node._component_styles[component].base.get_rules() == textuals_own(node, component), (node, component)
            styles = node._component_styles[component]
            assert styles.node is not None and styles.node.parent is node  # blends with this widget's own background


async def test_every_view_has_the_component_styles_textual_would_give_it(bundled: Corpus) -> None:
    app = make_app(bundled)
    async with app.run_test(size=(200, 50)) as pilot:
        await analysed(app, pilot)
        assert isinstance(app.stylesheet, ComponentSharingStylesheet)
        assert_as_textual_styles_them(app)
        await pilot.press("tab", "tab")  # focus elsewhere
        await pilot.pause()
        assert_as_textual_styles_them(app)
        before = app.query(ArticleView).first().get_component_rich_style(ArticleView.match_style(0))
        app.theme = "textual-light" if app.current_theme.dark else "textual-dark"  # the stylesheet parsed again
        await pilot.pause()
        assert_as_textual_styles_them(app)
        after = app.query(ArticleView).first().get_component_rich_style(ArticleView.match_style(0))
        assert after != before  # a new theme, new match colours: nothing kept from the old one


async def test_the_five_views_component_classes_are_matched_once(bundled: Corpus, monkeypatch: pytest.MonkeyPatch) -> None:
    """Textual matched each view's 21 component classes when it was mounted and again when the screen first showed:
    ten times for five views; in the same place, once."""
    matched: list[DOMNode] = []
    process = Stylesheet._process_component_classes

    def counting(stylesheet: Stylesheet, node: DOMNode) -> None:
        matched.append(node)
        process(stylesheet, node)

    monkeypatch.setattr(Stylesheet, "_process_component_classes", counting)
    app = make_app(bundled)
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause()
        views = list(app.query(ArticleView))
        assert len(views) == 5
        assert sum(any(node is view for view in views) for node in matched) == 1  # (an app of an earlier test may still be closing)
        assert all(len(view._component_styles) == len(ArticleView._get_component_classes()) for view in views)


class Marked(Widget, can_focus=True):
    """A widget with component classes whose rules name pseudo-classes, classes and ids along its path."""

    COMPONENT_CLASSES = {"marked--a", "marked--b"}
    DEFAULT_CSS = "Marked { height: 1; }"


class Places(App[None]):
    CSS = """
    Marked > .marked--a { color: red; }
    Marked:focus > .marked--a { color: blue; }
    Marked:disabled > .marked--a { color: green; }
    Marked.-on > .marked--b { color: yellow; }
    Screen.-x Marked > .marked--a { background: red; }
    Marked:hover > .marked--b { background: magenta; }
    Vertical#two Marked > .marked--a { text-style: italic; }
    App:light Marked > .marked--b { color: #123456; }
    """

    def __init__(self, sharing: bool) -> None:
        super().__init__()
        if sharing:
            self.stylesheet = ComponentSharingStylesheet(variables=self.stylesheet._variables)

    def compose(self) -> ComposeResult:
        with Vertical(id="one"):
            yield Marked(id="m1")
            yield Marked(id="m2")
            yield Marked(id="m3")
        with Vertical(id="two"):
            yield Marked(id="m4")


async def styled_through_changes(sharing: bool) -> list[tuple[str, dict[str, dict[str, object]]]]:
    """Each Marked's component rules after each of: start, focus, disabled, a class on it, a class on the screen,
    hover, moved to another container, a theme, disabled and enabled again."""
    app = Places(sharing)
    seen = []

    def look(step: str) -> None:
        seen.append((step, {str(node.id): {name: styles.base.get_rules() for name, styles in sorted(node._component_styles.items())}
                            for node in app.query(Marked)}))

    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        look("start")
        app.query_one("#m2").focus()
        await pilot.pause()
        look("focus")
        app.query_one("#m3").disabled = True
        await pilot.pause()
        look("disabled")
        app.query_one("#m1").add_class("-on")
        await pilot.pause()
        look("class")
        app.screen.add_class("-x")
        await pilot.pause()
        look("screen class")
        await pilot.hover("#m1")
        await pilot.pause()
        look("hover")
        await app.query_one("#m3").remove()
        await app.query_one("#two").mount(Marked(id="m5"))
        await pilot.pause()
        look("moved")
        app.theme = "textual-light"
        await pilot.pause()
        look("theme")
        app.query_one("#m5").disabled = True
        await pilot.pause()
        app.query_one("#m5").disabled = False
        await pilot.pause()
        look("enabled again")
    return seen


async def test_shared_component_rules_are_textuals_through_pseudo_classes_classes_moves_and_themes() -> None:
    textual, sharing = await styled_through_changes(False), await styled_through_changes(True)
    assert [step for step, _ in sharing] == [step for step, _ in textual]
    for (step, ours), (_, theirs) in zip(sharing, textual):
        assert ours == theirs, step
    assert textual[1][1]["m2"]["marked--a"] != textual[0][1]["m2"]["marked--a"]  # the steps do change the rules


def test_a_copy_shares_too() -> None:
    """Textual's CSS reload (--dev) styles with a copy of the stylesheet."""
    copy = ComponentSharingStylesheet(variables={"primary": "#ff0000"}).copy()
    assert isinstance(copy, ComponentSharingStylesheet) and copy._variables == {"primary": "#ff0000"}
