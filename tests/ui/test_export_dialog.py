"""The export dialog: the format follows the file's extension, a disagreement is asked about, the last folder is remembered."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual.widgets import Input, RadioButton

from tests.ui.conftest import WriteCorpus
from tests.ui.helpers import record_notifications, run_command
from tui.core.model import Corpus
from tui.core.notes import make_note, notes_to_json
from tui.ui.app import KatoApp, make_app
from tui.ui.screens.confirm import Confirm
from tui.ui.screens.export_dialog import ExportDialog, FormatQuestion

FIRST = "The river rose three metres overnight in Alton."
NOTE = "Check <b>this</b> & that"


@pytest.fixture
def flood(write_corpus: WriteCorpus) -> Corpus:
    """Two short articles with one shared sentence."""
    return write_corpus(
        {
            "a.md": f"---\noutlet: Alton Post\n---\n{FIRST}\n\nSchools were closed on Tuesday.\n",
            "b.md": f"---\noutlet: Valley Radio\n---\nRain kept falling all night.\n\n{FIRST}\n",
        }
    )


@pytest.fixture
def app(flood: Corpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> KatoApp:
    """The reader on the flood story with one note, run in tmp_path (where a bare file name goes)."""
    monkeypatch.chdir(tmp_path)
    notes = tmp_path / "notes.json"
    article = flood.article("a")
    start = article.body.index(FIRST)
    notes.write_text(notes_to_json([make_note(article, start, start + len(FIRST), NOTE)]), encoding="utf-8")
    return make_app(flood, notes=notes)


async def _open_dialog(app: KatoApp, pilot, *keys: str) -> ExportDialog:
    await app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.press(*(keys or ("e",)))
    await pilot.pause()
    assert isinstance(app.screen, ExportDialog)
    return app.screen


def _field(dialog: ExportDialog) -> Input:
    return dialog.query_one("#export-path", Input)


def _pressed(dialog: ExportDialog) -> str:
    """The format whose radio button is on."""
    [fmt] = [fmt for fmt in ("md", "json", "html") if dialog.query_one(f"#format-{fmt}", RadioButton).value]
    return fmt


async def _type_name(pilot, name: str) -> None:
    await pilot.press("ctrl+u", *name)
    await pilot.pause()


async def _written(app: KatoApp, pilot) -> None:
    await app.workers.wait_for_complete()
    await pilot.pause()


def _kind(path: Path) -> str:
    """What the file holds, by its first bytes."""
    text = path.read_text(encoding="utf-8")
    if text.startswith("<!DOCTYPE html>"):
        return "html"
    if text.startswith("---\n"):
        return "md"
    return "json" if json.loads(text)["type"] == "AnnotationCollection" else "?"


async def test_a_markdown_name_is_written_as_markdown_when_html_was_the_last_format(app: KatoApp, tmp_path: Path) -> None:
    """The issue's case: HTML was exported last, so the dialog opens on HTML; typing notes.md makes it Markdown."""
    async with app.run_test(size=(100, 30)) as pilot:
        await _open_dialog(app, pilot, "ctrl+p", *"export: HTML", "enter")
        await pilot.press("enter")
        await _written(app, pilot)
        assert _kind(tmp_path / "story-notes.html") == "html"
        dialog = await _open_dialog(app, pilot)
        assert (dialog.fmt, _field(dialog).value) == ("html", str(tmp_path / "story-notes.html")), "the last format and folder"
        await _type_name(pilot, "notes.md")
        assert (dialog.fmt, _pressed(dialog)) == ("md", "md")
        await pilot.press("enter")
        await _written(app, pilot)
        assert not isinstance(app.screen, FormatQuestion | ExportDialog)
    assert _kind(tmp_path / "notes.md") == "md"


@pytest.mark.parametrize(("name", "fmt"), [("x.json", "json"), ("x.jsonld", "json"), ("x.htm", "html"), ("x.HTML", "html"), ("x.markdown", "md")])
async def test_each_extension_chooses_its_format(app: KatoApp, tmp_path: Path, name: str, fmt: str) -> None:
    """The extension typed sets the radio buttons, and the file written is of that format under the name typed."""
    async with app.run_test(size=(100, 30)) as pilot:
        dialog = await _open_dialog(app, pilot)
        assert dialog.fmt == "md"
        await _type_name(pilot, name)
        assert (dialog.fmt, _pressed(dialog), _field(dialog).value) == (fmt, fmt, name)
        await pilot.press("enter")
        await _written(app, pilot)
    assert _kind(tmp_path / name) == fmt


async def test_choosing_a_format_renames_the_prefilled_name_only(app: KatoApp) -> None:
    """The prefilled name follows the format chosen; a name the user typed is left as typed."""
    async with app.run_test(size=(100, 30)) as pilot:
        dialog = await _open_dialog(app, pilot)
        await pilot.press("shift+tab", "down", "down", "enter")
        await pilot.pause()
        assert (dialog.fmt, _field(dialog).value) == ("html", "story-notes.html")
        await pilot.press("tab")
        await _type_name(pilot, "report.html")
        await pilot.press("shift+tab", "up", "enter")
        await pilot.pause()
        assert (dialog.fmt, _field(dialog).value) == ("json", "report.html")


async def _disagree(app: KatoApp, pilot) -> FormatQuestion:
    """Type report.md, then choose HTML, then press enter in the file name: the question."""
    await _open_dialog(app, pilot)
    await _type_name(pilot, "report.md")
    await pilot.press("shift+tab", "down", "down", "enter", "tab", "enter")
    await pilot.pause()
    assert isinstance(app.screen, FormatQuestion)
    return app.screen


@pytest.mark.parametrize(("key", "fmt"), [("h", "html"), ("m", "md")])
async def test_a_format_that_disagrees_with_the_name_is_asked_about(app: KatoApp, tmp_path: Path, key: str, fmt: str) -> None:
    """report.md with HTML chosen: the question names both; h writes HTML anyway, m writes Markdown; enter and j decide nothing."""
    async with app.run_test(size=(100, 30)) as pilot:
        await _disagree(app, pilot)
        text = " ".join(str(widget.render()) for widget in app.screen.query("Static"))
        assert "report.md is a Markdown name" in text and "h: write HTML anyway" in text and "m: write Markdown" in text
        await pilot.press("enter", "j")
        await pilot.pause()
        assert isinstance(app.screen, FormatQuestion) and not (tmp_path / "report.md").exists()
        await pilot.press(key)
        await _written(app, pilot)
        assert not isinstance(app.screen, FormatQuestion | ExportDialog)
    assert _kind(tmp_path / "report.md") == fmt


async def test_escape_from_the_question_goes_back_to_the_dialog_and_writes_nothing(app: KatoApp, tmp_path: Path) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await _disagree(app, pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog) and _field(app.screen).value == "report.md"
    assert not (tmp_path / "report.md").exists()


async def test_an_existing_file_of_the_other_format_is_asked_about_then_replaced_after_yes(app: KatoApp, tmp_path: Path) -> None:
    """First which format, then whether to replace: both answers are needed before the file changes."""
    (tmp_path / "report.md").write_text("my own report\n", encoding="utf-8")
    async with app.run_test(size=(100, 30)) as pilot:
        await _disagree(app, pilot)
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        assert (tmp_path / "report.md").read_text(encoding="utf-8") == "my own report\n"
        await pilot.press("y")
        await _written(app, pilot)
    assert _kind(tmp_path / "report.md") == "md"


async def test_the_dialog_remembers_the_last_folder_in_this_run_and_the_next(flood: Corpus, app: KatoApp, tmp_path: Path) -> None:
    """An export into out/ prefills out/ the next time, after a restart too; a folder that is gone is forgotten."""
    (tmp_path / "out").mkdir()
    messages = record_notifications(app)
    async with app.run_test(size=(100, 30)) as pilot:
        await _open_dialog(app, pilot)
        await _type_name(pilot, "out/first.md")
        await pilot.press("enter")
        await _written(app, pilot)
        assert any(str(tmp_path / "out" / "first.md") in message for message in messages)
        dialog = await _open_dialog(app, pilot)
        assert _field(dialog).value == str(tmp_path / "out" / "story-notes.md")
        await pilot.press("enter")
        await _written(app, pilot)
    assert _kind(tmp_path / "out" / "story-notes.md") == "md"
    again = make_app(flood, notes=tmp_path / "notes.json")
    async with again.run_test(size=(100, 30)) as pilot:
        dialog = await _open_dialog(again, pilot)
        assert _field(dialog).value == str(tmp_path / "out" / "story-notes.md")
    for written in (tmp_path / "out").iterdir():
        written.unlink()
    (tmp_path / "out").rmdir()
    last = make_app(flood, notes=tmp_path / "notes.json")
    async with last.run_test(size=(100, 30)) as pilot:
        dialog = await _open_dialog(last, pilot)
        assert _field(dialog).value == "story-notes.md"


async def test_a_palette_export_keeps_its_format_in_the_remembered_folder(app: KatoApp, tmp_path: Path) -> None:
    """export: JSON from the palette offers the JSON name in the folder of the last export."""
    (tmp_path / "out").mkdir()
    async with app.run_test(size=(100, 30)) as pilot:
        await _open_dialog(app, pilot)
        await _type_name(pilot, "out/first.md")
        await pilot.press("enter")
        await _written(app, pilot)
        await run_command(pilot, app, "export: JSON")
        assert isinstance(app.screen, ExportDialog)
        assert (app.screen.fmt, _field(app.screen).value) == ("json", str(tmp_path / "out" / "story-notes.json"))
