"""Two reader windows on one story share the notes file: neither loses the other's notes, and each shows them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.ui.helpers import record_notifications, status
from tests.ui.test_notes import _ready, _rows, _saved, flood  # noqa: F401 (flood is a fixture)
from tui.core.model import Corpus
from tui.ui import notekeeper as notes_app
from tui.ui.app import make_app
from tui.ui.notebook import NoteBook
from tui.ui.widgets.notes import NotesPanel


@pytest.fixture
def quick_poll(monkeypatch: pytest.MonkeyPatch) -> None:
    """Look at the notes file every 0.05 s instead of every few seconds, so a test need not wait."""
    monkeypatch.setattr(notes_app, "NOTES_POLL", 0.05)


async def test_two_windows_on_one_notes_file_keep_and_show_each_others_notes(flood: Corpus, tmp_path: Path, quick_poll: None) -> None:
    """The bug: window two's save dropped window one's note while window one still showed "1 note".
    Now the file keeps both, and each window shows the other's note without being told."""
    notes = tmp_path / "notes.json"
    one, two = make_app(flood, notes=notes), make_app(flood, notes=notes)
    async with one.run_test(size=(80, 24)) as pilot_one, two.run_test(size=(80, 24)) as pilot_two:
        await _ready(one, pilot_one)
        await _ready(two, pilot_two)
        await pilot_one.press("a", *"from one", "ctrl+s")
        await pilot_two.press("a", *"from two", "ctrl+s")
        await pilot_two.pause()
        assert sorted(note["body"] for note in _saved(notes)) == ["from one", "from two"]
        assert "2 notes" in status(two), "window two's save took in window one's note"
        await pilot_one.pause(0.3)
        assert "2 notes" in status(one), "window one saw window two's save on its next look at the file"
        await pilot_one.press("m")
        assert any("from two" in row for row in _rows(one))


async def test_a_note_deleted_in_one_window_and_edited_in_the_other_is_kept(flood: Corpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Window one deletes the note while window two, not having looked at the file since, edits it: the
    edit wins, and window one says its delete did not take."""
    monkeypatch.setattr(notes_app, "NOTES_POLL", 3600)
    notes = tmp_path / "notes.json"
    one, two = make_app(flood, notes=notes), make_app(flood, notes=notes)
    messages = record_notifications(one)
    async with one.run_test(size=(80, 24)) as pilot_one:
        await _ready(one, pilot_one)
        await pilot_one.press("a", *"shared", "ctrl+s")
        await pilot_one.pause()
        async with two.run_test(size=(80, 24)) as pilot_two:
            await _ready(two, pilot_two)
            await pilot_two.press("m", "a", "end", *" and edited", "ctrl+s")
            await pilot_two.pause()
        await pilot_one.press("m", "x", "y")
        await pilot_one.pause()
        assert [note["body"] for note in _saved(notes)] == ["shared and edited"]
        assert any("edited in another window" in message for message in messages)
        assert "1 note" in status(one) and any("shared and edited" in row for row in _rows(one))


async def test_a_notes_file_broken_by_another_program_is_said_once(flood: Corpus, tmp_path: Path, quick_poll: None) -> None:
    """The file replaced by something unreadable while the reader runs: one warning, the notes on screen stay."""
    notes = tmp_path / "notes.json"
    app = make_app(flood, notes=notes)
    messages = record_notifications(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await _ready(app, pilot)
        await pilot.press("a", *"mine", "ctrl+s")
        await pilot.pause()
        notes.write_text("{ not json", encoding="utf-8")
        await pilot.pause(0.4)
        warnings = [message for message in messages if "cannot be read" in message]
        assert len(warnings) == 1 and str(notes) in warnings[0]
        assert "1 note" in status(app)
        assert app.query_one(NotesPanel).option_count == 1
    assert notes.read_text(encoding="utf-8") == "{ not json", "only a save moves an unreadable file aside"


async def test_the_notes_file_is_not_read_again_while_unchanged(flood: Corpus, tmp_path: Path, quick_poll: None, monkeypatch: pytest.MonkeyPatch) -> None:
    """The look every few seconds is a stat: the file is read only when another window changed it."""
    notes = tmp_path / "notes.json"
    app = make_app(flood, notes=notes)
    reads: list[Path] = []
    real = NoteBook.refresh

    def counting(notebook) -> bool:
        reads.append(notebook.store.path)
        return real(notebook)

    monkeypatch.setattr(NoteBook, "refresh", counting)
    async with app.run_test(size=(80, 24)) as pilot:
        await _ready(app, pilot)
        await pilot.press("a", *"mine", "ctrl+s")
        await pilot.pause(0.3)
        assert reads == []
        data = json.loads(notes.read_text(encoding="utf-8"))
        data["notes"][0]["body"] = "changed elsewhere"
        notes.write_text(json.dumps(data), encoding="utf-8")
        await pilot.pause(0.3)
        assert reads == [notes]
        assert any("changed elsewhere" in row for row in _rows(app))

