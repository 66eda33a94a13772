"""Two windows, one notes file: saves merge by note id under a lock, so no window's note is lost."""

from __future__ import annotations

import datetime as dt
import multiprocessing
from pathlib import Path

import pytest
from filelock import FileLock

from tests.core.test_notes import BODY, INTRO, PASSAGE, T0, Clock, article
from tui.core import notes as notes_module
from tui.core.notes import KEPT_ASIDE, NotesError, NoteStore, lock_path, read_notes

SPAN = (len(INTRO), len(INTRO) + len(PASSAGE))


def _bodies(path: Path) -> dict[str, str]:
    """Each note's text on disk, by id."""
    return {note.id: note.body for note in read_notes(path)}


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "notes.json"


def _window(path: Path, minutes: int = 0) -> NoteStore:
    """A reader window's store whose clock starts ``minutes`` after T0 (so which edit is newer is known)."""
    return NoteStore(path, clock=Clock(T0 + dt.timedelta(minutes=minutes)))


def test_two_windows_adding_notes_each_keep_the_others(path: Path):
    """The bug: each window saved only its own view, so the last save dropped the other's notes."""
    one, two = _window(path), _window(path)
    first = one.new(article(), *SPAN, "from one")
    second = two.new(article(), *SPAN, "from two")
    third = one.new(article(), 0, 3, "one again")
    assert _bodies(path) == {first.id: "from one", second.id: "from two", third.id: "one again"}
    assert [note.id for note in one.notes] == [first.id, second.id, third.id], "a save takes in the other window's notes"


def test_interleaved_adds_edits_and_deletes_lose_nothing(path: Path):
    """Edits on one side only are taken, deletes of untouched notes stand, and both windows end with the same notes."""
    one, two = _window(path), _window(path, minutes=10)
    kept = one.new(article(), *SPAN, "kept")
    edited_by_two = one.new(article(), 0, 3, "old text")
    deleted_by_one = one.new(article(), 3, 6, "to delete")
    assert two.refresh()
    added_by_two = two.new(article(), 6, 9, "added by two")
    two.edit(edited_by_two.id, body="new text by two", tags=["two"])
    one.delete(deleted_by_one.id)
    one.edit(kept.id, tags=["one"])
    expected = {kept.id: "kept", edited_by_two.id: "new text by two", added_by_two.id: "added by two"}
    assert _bodies(path) == expected
    assert two.refresh() and one.refresh() is False
    assert {note.id: note.body for note in two.notes} == {note.id: note.body for note in one.notes} == expected
    assert two.get(kept.id).tags == ("one",) and one.get(edited_by_two.id).tags == ("two",)


def test_a_note_edited_in_both_windows_keeps_both_texts(path: Path):
    """The newer edit wins, the older text is appended under a line that says so; tags of both stay."""
    one, two = _window(path), _window(path, minutes=10)
    note = one.new(article(), *SPAN, "first draft", tags=["a"])
    two.refresh()
    one.edit(note.id, body="one's version", tags=["a", "one"])
    two.edit(note.id, body="two's version (newer)", tags=["a", "two"])
    [merged] = read_notes(path)
    older_stamp = one.get(note.id).modified
    assert merged.body == f"two's version (newer)\n\n{KEPT_ASIDE.format(modified=older_stamp)}\none's version"
    assert merged.tags == ("a", "two", "one")
    assert two.get(note.id) == merged
    one.refresh()
    one.edit(note.id, tags=["a", "two", "one", "done"])
    assert read_notes(path)[0].body.count("one's version") == 1, "a merged text is not appended again"


def test_an_edit_that_emptied_a_note_leaves_no_empty_text_aside(path: Path):
    """The older edit emptied the note: nothing to keep aside, no heading over nothing."""
    one, two = _window(path), _window(path, minutes=10)
    note = one.new(article(), *SPAN, "draft")
    two.refresh()
    one.edit(note.id, body="")
    two.edit(note.id, body="final")
    assert _bodies(path) == {note.id: "final"}


def test_a_note_deleted_in_one_window_and_edited_in_the_other_is_kept(path: Path):
    """Whichever saves first: the edit says the note is still wanted."""
    one, two = _window(path), _window(path, minutes=10)
    first = one.new(article(), *SPAN, "first")
    second = one.new(article(), 0, 3, "second")
    two.refresh()
    one.delete(first.id)
    two.edit(first.id, body="first, edited")
    two.delete(second.id)
    one.edit(second.id, body="second, edited")
    assert _bodies(path) == {first.id: "first, edited", second.id: "second, edited"}


def test_an_edit_begun_before_another_window_deleted_the_note_brings_it_back(path: Path):
    """Window two refreshes (the note is gone) while its editor is open: saving the edit keeps the note."""
    one, two = _window(path), _window(path, minutes=10)
    note = one.new(article(), *SPAN, "text")
    two.refresh()
    one.delete(note.id)
    assert two.refresh() and len(two) == 0
    two.edit(note.id, body="text, edited")
    assert _bodies(path) == {note.id: "text, edited"}


def test_changed_on_disk_is_cheap_and_follows_other_saves(path: Path):
    """No file, then a save by this window: unchanged; another window's save: changed, until refreshed."""
    one, two = _window(path), _window(path)
    assert not one.changed_on_disk()
    one.new(article(), *SPAN)
    assert not one.changed_on_disk() and two.changed_on_disk()
    assert two.refresh() and not two.changed_on_disk()
    assert two.refresh() is False


def test_a_notes_file_removed_by_hand_drops_no_note(path: Path):
    """A missing file is no one's delete: a refresh keeps every note, the next save writes them all again."""
    one = _window(path)
    note = one.new(article(), *SPAN, "kept")
    path.unlink()
    assert one.changed_on_disk() and one.refresh() is False and len(one) == 1
    other = one.new(article(), 0, 3, "new")
    assert _bodies(path) == {note.id: "kept", other.id: "new"}


def test_a_file_made_unreadable_meanwhile_is_kept_aside_and_no_note_dropped(path: Path):
    one = _window(path)
    note = one.new(article(), *SPAN, "kept")
    path.write_text("{ broken by hand", encoding="utf-8")
    other = one.new(article(), 0, 3, "new")
    assert _bodies(path) == {note.id: "kept", other.id: "new"}
    [aside] = path.parent.glob("notes.json.unreadable-*")
    assert aside.read_text(encoding="utf-8") == "{ broken by hand"
    assert one.message is not None and str(aside) in one.message


def test_a_save_waits_for_the_lock_and_says_so_when_it_is_held_too_long(path: Path, monkeypatch: pytest.MonkeyPatch):
    """Another kato-tui holding the lock: NotesError naming the file, the note kept in memory and saved next time."""
    monkeypatch.setattr(notes_module, "LOCK_TIMEOUT", 0.2)
    one = _window(path)
    with FileLock(str(lock_path(path))):
        with pytest.raises(NotesError) as failure:
            one.new(article(), *SPAN, "waiting")
    assert str(failure.value).startswith(f"{path}: could not be saved: another kato-tui has held its lock")
    assert not path.exists() and len(one) == 1
    one.new(article(), 0, 3, "then")
    assert sorted(_bodies(path).values()) == ["then", "waiting"]


# Two processes -----------------------------------------------------------------------------------


def _add_notes(path: str, name: str, count: int, start: multiprocessing.synchronize.Event) -> None:
    """One process's window: wait for the other, then add count notes, one save each."""
    store = NoteStore(Path(path))
    start.wait(30)
    for number in range(count):
        store.new(article(BODY), number, number + 5, f"{name} {number}")


def test_two_processes_adding_50_notes_each_leave_100_on_disk(path: Path):
    """The reported bug left 122 of 200: every save now merges what the other process saved, under the lock."""
    context = multiprocessing.get_context("spawn")
    start = context.Event()
    workers = [context.Process(target=_add_notes, args=(str(path), name, 50, start)) for name in ("one", "two")]
    for worker in workers:
        worker.start()
    start.set()
    for worker in workers:
        worker.join(120)
    assert [worker.exitcode for worker in workers] == [0, 0]
    bodies = sorted(_bodies(path).values())
    assert len(bodies) == 100
    assert bodies == sorted(f"{name} {number}" for name in ("one", "two") for number in range(50))
