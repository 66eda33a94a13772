"""What keeps the reader fast (issue 12), as behaviour: what start-up does not load, the analysis kept
between openings, and keys that draw again only what changed. No test here is timed."""

from __future__ import annotations

import gc
import re
import subprocess
import sys

import pytest
from textual import events
from textual.geometry import Offset, Region, Size
from textual.scrollbar import ScrollBar

import tui.core.analysis
from tui.core import cache
from tui.core.model import Corpus
from tui.ui.app import make_app
from tui.ui.render import Mark
from tui.ui.widgets import article_view
from tui.ui.widgets.article_view import BAR, ArticleView
from tui.ui.widgets.footer import Footer
from tui.ui.widgets.reader import ArticleColumn, Reader
from tui.ui.widgets.scrollbar import QuickScrollBar

from .helpers import analysed, status, view_of
from .test_matches import shared  # noqa: F401 - the fixture


def test_start_up_loads_neither_the_analysis_nor_what_only_some_actions_need() -> None:
    """The modules the first screen imports leave out the analysis (it loads in the worker), the screens other than
    the reader's, the export, charset detection, the notes (read in a worker) and their fuzzy anchoring, finding copy
    families, the YAML parser (the bundled story's front matter is `key: value` lines), the TOML parser (no settings
    file) and multiprocessing (a cached analysis starts no process)."""
    later = ["tui.core.analysis", "tui.core.segment", "tui.core.export", "tui.ui.screens.note_editor", "tui.ui.screens.help",
             "tui.ui.screens.match_detail", "charset_normalizer", "rapidfuzz", "filelock", "tui.core.facts", "tui.core.disputes",
             "tui.core.families", "yaml", "tomllib", "importlib.resources", "tui.ui.widgets.search", "tui.core.notes",
             "tui.ui.notebook", "multiprocessing"]
    code = ("import sys, tui.entry, tui.cli, tui.core.offload, tui.ui.app, tui.ui.config, tui.core.corpus;"
            "tui.core.corpus.load_corpus(); tui.ui.config.load_config();"
            f"print([name for name in {later!r} if name in sys.modules])")
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert loaded == "[]"


async def test_a_folder_opened_again_shows_its_matches_without_analysing(bundled: Corpus, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(bundled)
    async with app.run_test(size=(100, 30)) as pilot:
        await analysed(app, pilot)
        first = status(app)
    assert " matches" in first and list(cache.cache_folder().glob("*.pickle"))
    runs: list[Corpus] = []
    analyse = tui.core.analysis.analyse
    monkeypatch.setattr(tui.core.analysis, "analyse", lambda corpus, progress=None: runs.append(corpus) or analyse(corpus, progress))
    again = make_app(bundled)
    async with again.run_test(size=(100, 30)) as pilot:
        await analysed(again, pilot)
        assert runs == [] and again.analysis is not None
        assert status(again).split(" · ")[-2:] == first.split(" · ")[-2:]  # "8 matches · 2 disputes", as the first time


async def test_a_stored_analysis_is_on_the_first_screen(bundled: Corpus) -> None:
    """Opened again, the reader has its analysis when it mounts: the first frame shows the matches, with no worker."""
    cache.save(tui.core.analysis.analyse(bundled))
    app = make_app(bundled)
    async with app.run_test(size=(100, 30)):
        assert app.analysis is not None and app.analysis_job is None
        assert " matches" in status(app)


async def test_a_cache_entry_that_cannot_be_read_is_analysed_again(bundled: Corpus) -> None:
    folder = cache.cache_folder()
    folder.mkdir(parents=True)
    (folder / f"{cache.corpus_key(bundled)}.pickle").write_bytes(cache.MAGIC + b"\x80\x05 not a pickle")
    app = make_app(bundled)
    async with app.run_test(size=(100, 30)) as pilot:
        await analysed(app, pilot)
        assert app.matches is not None and app.matches.groups and " matches" in status(app)
    assert cache.load(bundled) is not None  # stored again, readable


async def test_n_draws_again_only_the_columns_whose_marks_changed(shared: Corpus) -> None:  # noqa: F811
    """The first match is in a and b: n scrolls and marks them; c neither moves nor changes its marks, and is not drawn again."""
    app = make_app(shared)
    async with app.run_test(size=(120, 30)) as pilot:
        await analysed(app, pilot)
        await pilot.pause(0.1)
        drawn: dict[str, int] = {}
        for view in app.query(ArticleView):
            draw = view.render_line

            def counting(y: int, view: ArticleView = view, draw=draw):  # noqa: ANN001, ANN202
                drawn[view.article.id] = drawn.get(view.article.id, 0) + 1
                return draw(y)

            view.render_line = counting  # type: ignore[method-assign]
        await pilot.press("n")
        await pilot.pause(0.1)
        assert app.matches is not None and set(app.matches.groups[0].articles) == {"a", "b"}
        assert drawn.get("a") and drawn.get("b") and not drawn.get("c")


async def test_marks_that_did_not_change_draw_nothing_and_a_new_one_only_its_lines(shared: Corpus) -> None:  # noqa: F811
    app = make_app(shared)
    async with app.run_test(size=(120, 30)) as pilot:
        await analysed(app, pilot)
        view = view_of(app, "c")
        refreshed: list[tuple[int, int]] = []
        view.refresh_lines = lambda start, count=1: refreshed.append((start, count))  # type: ignore[method-assign]
        assert view.set_marks(view.marks) is False and refreshed == []
        first_line = view.marks[0].__class__(0, 5, ArticleView.DISPUTE)
        view.set_marks((*view.marks, first_line))
        assert refreshed == [(0, 1)]


async def test_tab_leaves_the_footer_as_it_is(bundled: Corpus) -> None:
    """Every column has the same keys: moving between them does not build the footer's keys again."""
    app = make_app(bundled)
    async with app.run_test(size=(200, 50)) as pilot:
        await analysed(app, pilot)
        await pilot.pause(0.1)
        keys = list(app.query_one(Footer).children)
        await pilot.press("tab", "tab")
        await pilot.pause(0.1)
        assert keys and list(app.query_one(Footer).children) == keys


async def test_n_lays_out_nothing_and_the_scrollbars_follow_the_rewrapped_text(bundled: Corpus) -> None:
    """The current match's label rewraps its paragraph, so a column's length changes: its scrollbar is told, and the
    screen is not laid out again (that took most of what `n` cost)."""
    app = make_app(bundled)
    async with app.run_test(size=(200, 50)) as pilot:
        await analysed(app, pilot)
        layouts: list[str] = []
        lengths: set[tuple[str, int]] = set()
        for view in app.query(ArticleView):
            refresh = view.refresh

            def recording(*regions, view: ArticleView = view, refresh=refresh, **options):  # noqa: ANN001, ANN002, ANN003, ANN202
                if options.get("layout"):
                    layouts.append(view.article.id)
                return refresh(*regions, **options)

            view.refresh = recording  # type: ignore[method-assign]
        for _ in range(8):
            await pilot.press("n")
            await pilot.pause()
            for view in app.query(ArticleView):
                assert view.vertical_scrollbar.window_virtual_size == view.line_count == view.virtual_size.height
                lengths.add((view.article.id, view.line_count))
        assert len(lengths) > len(app.query(ArticleView))  # some column's length did change
        assert layouts == []


async def test_tab_and_scrolling_back_draw_no_line_anew(bundled: Corpus, monkeypatch: pytest.MonkeyPatch) -> None:
    """A line looks the same wherever the wrap or the scroll puts it and whichever column has the focus: tab, and a
    scroll back to lines drawn before, take every line from what was drawn; the focus shows on the headers only."""
    app = make_app(bundled)
    async with app.run_test(size=(200, 50)) as pilot:
        await analysed(app, pilot)
        await pilot.press("j", "j")
        await pilot.pause()
        styled: list[int] = []
        draw = article_view.styled_line
        monkeypatch.setattr(article_view, "styled_line", lambda text, start, *rest: styled.append(start) or draw(text, start, *rest))
        await pilot.press("k", "k", "tab", "tab")
        await pilot.pause()
        assert styled == []
        assert [column.header.current for column in app.query(ArticleColumn)] == [False, False, True, False, False]
        assert not any(column.classes for column in app.query(ArticleColumn))


async def test_tab_draws_no_column_and_not_the_whole_screen(bundled: Corpus) -> None:
    """The focus shows on the headers and the bars only: tab draws no line of any column's text, and the screen
    is not drawn again as a whole (Textual's screen does that on every focus change)."""
    app = make_app(bundled)
    async with app.run_test(size=(200, 50)) as pilot:
        await analysed(app, pilot)
        await pilot.pause(0.1)
        drawn: list[int] = []
        for view in app.query(ArticleView):
            draw = view.render_line
            view.render_line = lambda y, draw=draw: drawn.append(y) or draw(y)  # type: ignore[method-assign]
        whole: list[bool] = []
        refresh = app.screen.refresh
        app.screen.refresh = lambda *regions, **options: whole.append(not regions) or refresh(*regions, **options)  # type: ignore[method-assign]
        await pilot.press("tab", "tab")
        await pilot.pause(0.1)
        assert isinstance(app.focused, ArticleView) and app.query_one(Reader).current == 2
        assert drawn == [] and not any(whole)


async def test_note_bars_follow_a_label_that_rewraps_a_paragraph_above_them(bundled: Corpus) -> None:
    """A new label lengthens its paragraph by a line or more: the note's bars move down with the note's lines,
    also where a line is drawn for the first time (the cache then keeps what is drawn)."""
    app = make_app(bundled)
    async with app.run_test(size=(200, 50)) as pilot:
        await analysed(app, pilot)
        view = app.query(ArticleView).first()
        paragraph = view._text.index("\n", 300)
        note = Mark(paragraph + 10, paragraph + 60, ArticleView.NOTE)
        view.set_marks((note,))
        await pilot.pause()
        view.set_marks((Mark(5, 20, ArticleView.CURRENT, "m12-a-long-label-here"), note))
        await pilot.pause()
        view._drawn.clear()  # as for lines scrolled to for the first time
        noted = list(range(view.line_of(note.start), view.line_of(note.end - 1) + 1))
        assert [y for y in range(view.size.height) if view.render_line(y).text.startswith(BAR)] == noted


async def test_a_column_focused_just_before_a_dialog_opens_is_current_when_it_closes(bundled: Corpus) -> None:
    app = make_app(bundled)
    async with app.run_test(size=(200, 50)) as pilot:
        await analysed(app, pilot)
        reader, views = app.query_one(Reader), list(app.query(ArticleView))
        app.screen.set_focus(views[2])  # as a click does
        app.action_help()  # the dialog opens before the reader hears of the focus
        await pilot.pause()
        app.pop_screen()
        await pilot.pause()
        assert app.focused is views[2] and reader.current == 2


async def test_scrolled_rows_are_taken_from_the_lines_drawn_before(bundled: Corpus) -> None:
    """A scroll moves the rows, not the lines: back to lines drawn before, the view draws none of its rows again, not
    even through Textual's styling of each row (which a row on screen used to go through on every scroll)."""
    app = make_app(bundled)
    async with app.run_test(size=(200, 50)) as pilot:
        await analysed(app, pilot)
        await pilot.press("j", "j", "j")
        await pilot.pause()
        view = app.focused
        assert isinstance(view, ArticleView) and view.scroll_y == 3
        rows: list[int] = []
        draw = view.render_line
        view.render_line = lambda y: rows.append(y) or draw(y)  # type: ignore[method-assign]
        await pilot.press("k", "k", "k")
        await pilot.pause()
        assert view.scroll_y == 0 and rows == []
        await pilot.press("end")
        await pilot.pause()
        assert view.scroll_y > 3 and rows  # lines never drawn before are drawn


async def test_the_scrollbars_draw_what_textuals_own_draw(bundled: Corpus) -> None:
    """The columns' scrollbars are drawn straight into lines: cell for cell what Textual's ScrollBar draws, at the
    top, part way, at the end, under the pointer, held by it, and in a light theme."""
    app = make_app(bundled)
    async with app.run_test(size=(200, 50)) as pilot:
        await analysed(app, pilot)
        compared = set()
        for keys in ((), ("n",), ("n", "n", "j"), ("end",), ("theme",)):
            if keys == ("theme",):
                app.theme = "textual-light"
            else:
                await pilot.press(*keys)
            await pilot.pause()
            for view in app.query(ArticleView):
                bar = view.vertical_scrollbar
                assert isinstance(bar, QuickScrollBar) and bar.display and bar._look() is not None  # drawn by the quick path
                for state in ("", "mouse_over", "grabbed"):
                    if state:
                        setattr(bar, state, True if state == "mouse_over" else Offset(0, 0))
                    whole = Region(0, 0, *bar.size)
                    quick = [list(strip) for strip in bar.render_lines(whole)]
                    bar._styles_cache.clear()
                    assert quick == [list(strip) for strip in ScrollBar.render_lines(bar, whole)], (keys, view.id, state)
                    part = Region(0, 3, bar.size.width, 5)
                    assert [list(strip) for strip in bar.render_lines(part)] == quick[3:8]
                    compared.add((bar.position, state))
                    if state:
                        setattr(bar, state, False if state == "mouse_over" else None)
        assert len({position for position, _ in compared}) >= 3


async def test_a_window_sliding_by_one_moves_the_columns_that_stay_and_draws_only_the_new_one(bundled: Corpus) -> None:
    """Two columns of five articles: tab from the second slides the window. The column whose article stays on screen
    moves left with it, lines and all, and only the column brought round for the next article draws its text."""
    app = make_app(bundled)
    async with app.run_test(size=(80, 24)) as pilot:
        await analysed(app, pilot)
        await pilot.press("tab")
        await pilot.pause()
        reader = app.query_one(Reader)
        before = {column.article.id: column.view for column in reader.columns}
        assert reader.first == 0 and reader.current == 1 and len(before) == 2
        drawn: dict[str, list[int]] = {}
        for column in reader.columns:
            view, draw = column.view, column.view.render_line
            view.render_line = lambda y, view=view, draw=draw: drawn.setdefault(view.article.id, []).append(y) or draw(y)  # type: ignore[method-assign]
        await pilot.press("tab")
        await pilot.pause()
        after = [column.article.id for column in reader.columns]
        assert reader.first == 1 and after == [article.id for article in bundled.articles[1:3]]
        assert reader.columns[0].view is before[after[0]]  # moved, not refilled
        assert list(drawn) == [after[1]] and app.focused is reader.columns[1].view


async def test_a_slide_that_changes_a_columns_height_is_one_frame(bundled: Corpus) -> None:
    """A title of another length changes the height of a column's text: Textual's scrollbars laid the screen out a
    second time for it, and drew themselves again a frame later, a frame interval after the key's."""
    app = make_app(bundled)
    async with app.run_test(size=(80, 24)) as pilot:
        await analysed(app, pilot)
        await pilot.press("tab")
        await pilot.pause(0.3)
        heights = [view.size.height for view in app.query(ArticleView)]
        frames: list[float] = []
        display = app._display
        app._display = lambda screen, update: frames.append(0) or display(screen, update)  # type: ignore[method-assign]
        await pilot.press("tab")
        await pilot.pause(0.3)
        assert [view.size.height for view in app.query(ArticleView)] != heights  # the case: a height changed
        assert len(frames) == 1


async def test_the_analysed_story_is_kept_out_of_the_collectors_sight(bundled: Corpus) -> None:
    """A full collection walked every object the app holds (a pause of 100 ms or more on 900 articles): once the
    analysis is shown they are frozen (gc.freeze), so keys are not held up by it."""
    import gc

    gc.unfreeze()
    app = make_app(bundled)
    async with app.run_test(size=(80, 24)) as pilot:
        await analysed(app, pilot)
        assert gc.get_freeze_count() > 0
    assert gc.get_freeze_count() == 0  # closed, the app unfroze them: a process making app after app frees each


async def test_after_slides_either_way_only_the_first_column_has_a_blank_edge(bundled: Corpus) -> None:
    """The columns move when the window slides: the edge goes with the place, not the column (the stylesheet's
    :first-of-type is not matched again when a column moves, and the line between columns stood at the screen's
    left edge after a slide back)."""
    app = make_app(bundled)
    async with app.run_test(size=(80, 24)) as pilot:
        await analysed(app, pilot)
        reader = app.query_one(Reader)
        for keys, first in ((("tab", "tab", "tab"), 2), (("shift+tab", "shift+tab"), 1), (("shift+tab",), 0)):
            await pilot.press(*keys)
            await pilot.pause()
            assert reader.first == first
            assert [column.styles.border_left[0] for column in reader.columns] == ["blank", "vkey"]
            screen = app.export_screenshot()
            assert re.search(r'x="0"[^>]*>▏', screen) is None and re.search(r">▏", screen)  # the line: between columns only


async def test_a_resize_to_the_size_the_screen_has_lays_nothing_out(bundled: Corpus, monkeypatch: pytest.MonkeyPatch) -> None:
    """Textual told the screen its size four times at start, each a layout and a frame of the whole screen between
    the first text and the matches on screen. A resize to the same size lays nothing out; a new size does."""
    app = make_app(bundled)
    async with app.run_test(size=(120, 30)) as pilot:
        await analysed(app, pilot)
        layouts: list[object] = []
        refresh_layout = app.screen._refresh_layout
        monkeypatch.setattr(app.screen, "_refresh_layout", lambda *args, **kwargs: layouts.append(args) or refresh_layout(*args, **kwargs))
        app.screen.post_message(events.Resize(Size(120, 30), Size(120, 30)))
        await pilot.pause(0.1)
        assert layouts == []
        await pilot.resize_terminal(200, 50)
        await pilot.pause(0.1)
        assert layouts and len(app.query(ArticleColumn)) == 5


def test_the_textual_internals_the_fast_paths_override_are_there() -> None:
    """QuickScrollBar, Leaf, ArticleView, ReaderScreen and the stylesheet override or call private parts of Textual (pinned in
    pyproject.toml for that reason): a Textual that renamed one fails here, not by drawing the reader wrongly."""
    from textual.app import App
    from textual.screen import Screen
    from textual.widget import Widget

    for owner, name in ((Widget, "_check_refresh"), (Widget, "_size_updated"), (Widget, "render_lines"), (Screen, "_screen_resized"),
                        (Screen, "_refresh_layout"), (App, "_start_widget"), (App, "get_line_filters"), (ScrollBar, "render")):
        assert callable(getattr(owner, name, None)), f"{owner.__name__}.{name}"
    widget = Widget()
    assert {"_repaint_required", "_vertical_scrollbar", "_size", "_component_styles"} <= set(vars(widget))
    from textual.css.stylesheet import Stylesheet  # ComponentSharingStylesheet

    for owner, name in ((Stylesheet, "_process_component_classes"), (Stylesheet, "replace_rules"), (Widget, "_get_component_classes")):
        assert callable(getattr(owner, name, None)), f"{owner.__name__}.{name}"
    assert isinstance(Stylesheet(variables={"x": "1"})._variables, dict)


def test_the_command_starts_with_the_collector_off_and_turns_it_on_for_all_but_the_reader() -> None:
    """tui.entry turns the cyclic collector off before anything is imported (the installed `kato-tui` and
    `python -m tui` both start there); the command line turns it on again for every command but the reader."""
    from importlib.metadata import entry_points

    assert [point.value for point in entry_points(group="console_scripts", name="kato-tui")] == ["tui.entry:main"]
    code = ("import gc, sys, tui.cli\n"
            "real_open = tui.cli.run_open\n"
            "tui.cli.run_open = lambda args: print('reader', gc.isenabled()) or 0\n"
            "tui.cli.COMMANDS['config'] = (tui.cli.COMMANDS['config'][0], lambda args: print('config', gc.isenabled()) or 0)\n"
            "from tui.entry import main\n"
            "sys.argv = ['kato-tui']; main()\n"
            "print('after', gc.isenabled())\n"
            "sys.argv = ['kato-tui', 'config']; gc.disable(); main()\n"
            "tui.cli.run_open = real_open\n"
            "sys.argv = ['kato-tui', '/no/such/folder']; gc.disable(); print('exit', main(), gc.isenabled())\n")
    printed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split("\n")
    assert printed[:5] == ["reader False", "after True", "config True", "exit 2 True", ""]  # on again after bad input too


async def test_the_reader_turns_the_collector_on_again_once_its_first_frame_is_out(bundled: Corpus) -> None:
    gc.disable()  # as the command line leaves it
    try:
        app = make_app(bundled)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            assert gc.isenabled()
    finally:
        gc.enable()
