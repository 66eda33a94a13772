"""ComponentSharingStylesheet: the component classes of widgets in the same place are matched against the rules
once, and every widget still ends up with the styles Textual's own stylesheet gives it."""

from __future__ import annotations

import pytest
from textual.css.stylesheet import Stylesheet
from textual.dom import DOMNode

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
