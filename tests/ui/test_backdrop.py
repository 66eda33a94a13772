"""Backdrop: a container drawn as one row repeated looks exactly as Textual draws it, and hands the compositor the
same row each time, so that the cuts at the edges of the widgets over it are made once."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.containers import Horizontal, Vertical
from textual.geometry import Region
from textual.widget import Widget
from textual.widgets import Static

from tui.core.model import Corpus
from tui.ui.app import make_app
from tui.ui.widgets.backdrop import Backdrop
from tui.ui.widgets.reader import ArticleColumn, Reader

from .helpers import analysed


class Row(Horizontal, Backdrop):
    pass


class Column(Vertical, Backdrop):
    pass


class Boxes(App[None]):
    CSS = """
    Row { height: 6; background: $panel; border-left: vkey $accent; border-right: outer red; }
    Column { width: 1fr; height: 1fr; border-left: vkey $primary; }
    #boxed { border: round $accent; border-title-color: $text; }
    Static { width: 5; height: 2; }
    .hatched { hatch: right red; }
    .tinted { tint: red 50%; }
    .faded { text-opacity: 50%; }
    .keyed { keyline: thin red; }
    """

    def compose(self) -> ComposeResult:
        with Row(id="plain"):
            yield Column(Static("one"))
            yield Column(Static("two"))
        yield Row(id="boxed")


def textuals(widget: Widget, crop: Region) -> list[object]:
    """The rows as Textual's own drawing gives them, as text and styles."""
    return [list(strip) for strip in Widget.render_lines(widget, crop)]


async def test_rows_look_as_textual_draws_them_and_are_one_strip() -> None:
    app = Boxes()
    async with app.run_test(size=(40, 16)) as pilot:
        await pilot.pause()
        for widget in (app.query_one("#plain"), *app.query(Column)):
            whole = widget.outer_size.region
            for crop in (whole, Region(1, 2, whole.width - 2, 3), Region(0, 0, whole.width, 1)):
                rows = widget.render_lines(crop)
                assert [list(strip) for strip in rows] == textuals(widget, crop), (widget, crop)
                assert len({id(strip) for strip in rows}) == 1  # one row, repeated
                assert rows[0].cell_length == crop.width
        assert [strip.text for strip in app.query_one("#plain").render_lines(Region(0, 0, 40, 1))] == ["▏" + " " * 38 + "▐"]


async def test_a_box_with_a_top_and_bottom_border_or_a_title_is_drawn_by_textual() -> None:
    app = Boxes()
    async with app.run_test(size=(40, 16)) as pilot:
        boxed = app.query_one("#boxed")
        boxed.border_title = "title"
        await pilot.pause()
        whole = boxed.outer_size.region
        rows = boxed.render_lines(whole)
        assert [list(strip) for strip in rows] == textuals(boxed, whole)
        assert "title" in rows[0].text and rows[0].text != rows[1].text != rows[-1].text


async def test_a_row_is_drawn_again_when_its_look_changes() -> None:
    app = Boxes()
    async with app.run_test(size=(40, 16)) as pilot:
        await pilot.pause()
        column = app.query(Column).first()
        before = column.render_lines(column.outer_size.region)[0]
        column.styles.border_left = ("blank", "red")
        await pilot.pause()
        after = column.render_lines(column.outer_size.region)
        assert after[0] is not before and after[0].text.startswith(" ")
        assert [list(strip) for strip in after] == textuals(column, column.outer_size.region)
        app.theme = "textual-light"
        await pilot.pause()
        row = app.query_one("#plain")
        assert [list(strip) for strip in row.render_lines(row.outer_size.region)] == textuals(row, row.outer_size.region)
        for change in ("hatched", "tinted", "faded"):
            before = row.render_lines(row.outer_size.region)[0]
            row.add_class(change)
            await pilot.pause()
            rows = row.render_lines(row.outer_size.region)
            assert rows[0] is not before and [list(strip) for strip in rows] == textuals(row, row.outer_size.region), change
        assert "╱" in rows[0].text  # the hatch drawn


async def test_a_container_with_a_keyline_is_drawn_by_textual() -> None:
    """A keyline runs along the children's edges: its rows differ."""
    app = Boxes()
    async with app.run_test(size=(40, 16)) as pilot:
        column = app.query(Column).first()
        column.add_class("keyed")
        await pilot.pause()
        rows = column.render_lines(column.outer_size.region)
        assert [list(strip) for strip in rows] == textuals(column, column.outer_size.region)
        assert len({strip.text for strip in rows}) > 1


async def test_the_reader_and_its_columns_are_backdrops_and_keep_their_layout(bundled: Corpus) -> None:
    """A mixin placed first would take the place of Horizontal and Vertical among the bases Textual reads default
    styles from, and the columns would stack up."""
    app = make_app(bundled)
    async with app.run_test(size=(200, 50)) as pilot:
        await analysed(app, pilot)
        reader = app.query_one(Reader)
        columns = list(app.query(ArticleColumn))
        assert isinstance(reader, Backdrop) and all(isinstance(column, Backdrop) for column in columns)
        assert isinstance(app.screen, Backdrop)
        assert len({column.region.y for column in columns}) == 1 and len({column.region.x for column in columns}) == 5
        assert all(column.region.height == reader.region.height for column in columns)
