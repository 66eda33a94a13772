"""Notes: the file format, atomic saving, unreadable files kept aside, and re-anchoring after the text changes."""

from __future__ import annotations

import datetime as dt
import errno
import json
import os
import re
import stat
import sys
import time
from pathlib import Path

import pytest
from filelock import FileLock

from tui.cli import main
from tui.core.corpus import bundled_path, load_corpus
from tui.core.model import Article, Corpus, Note
from tui.core.notes import (
    CONTEXT,
    MAX_SIZE,
    STALE_AFTER,
    UNIQUE_LENGTH,
    NotesError,
    NoteStore,
    anchor,
    anchor_notes,
    check_notes_file,
    default_notes_path,
    lock_path,
    make_note,
    read_notes,
)

T0 = dt.datetime(2026, 11, 21, 12, 5, 1, tzinfo=dt.timezone.utc)

INTRO = "The finance minister spoke to reporters in Tokyo on Friday morning. "
PASSAGE = "We obviously need to put all cards on the table in negotiations."
OUTRO = " He did not say whether Japan would sell any of its holdings of US debt."
BODY = INTRO + PASSAGE + OUTRO


class Clock:
    """A clock for the store that moves one second at each call."""

    def __init__(self, start: dt.datetime = T0) -> None:
        self.now = start

    def __call__(self) -> dt.datetime:
        self.now += dt.timedelta(seconds=1)
        return self.now


def article(body: str = BODY, article_id: str = "toi") -> Article:
    return Article(id=article_id, outlet="The Times of India", body=body)


def note_on(text: str, body: str = BODY, **fields) -> Note:
    """A note on the first occurrence of text in body."""
    start = body.index(text)
    return make_note(article(body), start, start + len(text), now=T0, **fields)


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return tmp_path / "notes" / "notes.json"


@pytest.fixture
def store(store_path: Path) -> NoteStore:
    return NoteStore(store_path, corpus="/stories/kato", clock=Clock())


# Making a note ---------------------------------------------------------------------------------


def test_a_note_holds_w3c_selectors_for_its_passage():
    """exact is the passage, prefix and suffix up to CONTEXT characters either side, start/end its offsets."""
    note = note_on(PASSAGE, tags=["#cards", " cards ", "", "trade  talks"], group="m3")
    assert note.exact == PASSAGE
    assert (note.start, note.end) == (len(INTRO), len(INTRO) + len(PASSAGE))
    assert note.prefix == INTRO[-CONTEXT:] and note.suffix == OUTRO[:CONTEXT]
    assert note.tags == ("cards", "trade talks")
    assert (note.group, note.dispute, note.created) == ("m3", None, "2026-11-21T12:05:01Z")


def test_context_is_cut_at_the_ends_of_the_article():
    note = note_on("The finance minister")
    assert note.prefix == "" and note.start == 0
    assert note_on("US debt.").suffix == ""


@pytest.mark.parametrize("start, end", [(5, 5), (10, 4), (-1, 3), (0, len(BODY) + 1)])
def test_a_note_needs_a_passage_of_the_article(start, end):
    with pytest.raises(ValueError):
        make_note(article(), start, end)


# The default file ------------------------------------------------------------------------------


def test_default_notes_file_is_named_after_the_corpus_folder(tmp_path: Path):
    """<slug of the folder>-<8 hex of its resolved path>.json, in the data folder; two folders
    with the same name get different files, and the same folder always the same one."""
    one, two = tmp_path / "a" / "Kato Story", tmp_path / "b" / "Kato Story"
    paths = [default_notes_path(Corpus("x", (), path), tmp_path / "data") for path in (one, two, one)]
    assert paths[0].parent == tmp_path / "data"
    assert paths[0].name.startswith("kato-story-") and paths[0].suffix == ".json"
    assert len(paths[0].stem) == len("kato-story-") + 8
    assert paths[0] != paths[1] and paths[0] == paths[2]


def test_default_notes_folder_is_the_users_data_folder():
    import platformdirs

    path = default_notes_path(Corpus("x", (), Path("/some/where")))
    assert path.parent == Path(platformdirs.user_data_dir("kato-tui", appauthor=False))


def test_the_bundled_story_has_one_notes_file_wherever_it_is_installed(tmp_path: Path):
    assert default_notes_path(load_corpus(), tmp_path).name == "bundled-story.json"
    assert default_notes_path(Corpus("x", (), bundled_path()), tmp_path).name == "bundled-story.json"


def test_for_corpus_uses_the_given_file_or_the_default(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr("tui.core.notes.user_data_dir", lambda *args, **kwargs: str(tmp_path / "data"))
    corpus = load_corpus()
    assert NoteStore.for_corpus(corpus).path == tmp_path / "data" / "bundled-story.json"
    assert NoteStore.for_corpus(corpus, tmp_path / "mine.json").path == tmp_path / "mine.json"


def _files(folder: Path) -> list[str]:
    """The files in a folder but the lock file that saves leave (it is empty and always there)."""
    return sorted(path.name for path in folder.iterdir() if path.name != ".notes.json.lock")


# Saving and loading ----------------------------------------------------------------------------


def test_every_change_is_saved_at_once(store: NoteStore, store_path: Path):
    """add, edit and delete each rewrite the file: reading it back gives the store's notes."""
    note = store.new(article(), len(INTRO), len(INTRO) + len(PASSAGE), "first", tags=["cards"])
    assert read_notes(store_path) == (note,)
    edited = store.edit(note.id, body="second", tags=["cards", "quote"])
    assert read_notes(store_path) == (edited,)
    assert (edited.body, edited.tags, edited.created) == ("second", ("cards", "quote"), note.created)
    assert edited.modified > note.modified
    store.delete(note.id)
    assert read_notes(store_path) == ()


def test_save_and_load_round_trip(store: NoteStore, store_path: Path):
    """Notes with every field (unicode, newlines, links) come back equal, in order."""
    body = "Kato \u201cquoted\u201d \u65e5\u672c\n" + BODY
    first = store.new(article(body), 0, 4, "line one\nline two \u2603", tags=["\u65e5\u672c", "x"], group="m1")
    second = store.new(article(body, "cna"), 10, 20, "", dispute="d2")
    again = NoteStore(store_path)
    assert again.notes == (first, second)
    assert again.message is None
    assert again.get(second.id).dispute == "d2"
    assert again.for_article("cna") == (second,)


def test_the_file_is_the_documented_json(store: NoteStore, store_path: Path):
    note = store.new(article(), len(INTRO), len(INTRO) + len(PASSAGE), "why", tags=["cards"])
    data = json.loads(store_path.read_text(encoding="utf-8"))
    assert (data["format"], data["version"], data["corpus"]) == ("kato-tui-notes", 1, "/stories/kato")
    (stored,) = data["notes"]
    assert stored["target"] == {
        "source": "toi",
        "selector": [
            {"type": "TextQuoteSelector", "exact": PASSAGE, "prefix": note.prefix, "suffix": note.suffix},
            {"type": "TextPositionSelector", "start": note.start, "end": note.end},
        ],
    }
    assert {key: stored[key] for key in ("id", "body", "tags", "group", "dispute")} == {
        "id": note.id, "body": "why", "tags": ["cards"], "group": None, "dispute": None,
    }
    assert stored["created"] == stored["modified"] == "2026-11-21T12:05:02Z"


def test_retarget_points_a_note_at_new_text(store: NoteStore):
    note = store.new(article(), len(INTRO), len(INTRO) + len(PASSAGE), "keep me", tags=["t"])
    changed = article("New lead. " + BODY.replace("all cards", "every card"))
    start = changed.body.index("We obviously")
    moved = store.retarget(note.id, changed, start, changed.body.index("negotiations.") + len("negotiations."))
    assert moved.exact == "We obviously need to put every card on the table in negotiations."
    assert (moved.body, moved.tags, moved.created, moved.start) == ("keep me", ("t",), note.created, start)


def test_a_note_id_is_added_once(store: NoteStore):
    note = store.new(article(), 0, 3)
    with pytest.raises(ValueError):
        store.add(note)


def test_a_new_notes_file_is_private(store: NoteStore, store_path: Path):
    if sys.platform == "win32":
        pytest.skip("POSIX permissions")
    store.new(article(), 0, 3)
    assert stat.S_IMODE(store_path.stat().st_mode) == 0o600
    store_path.chmod(0o640)
    store.new(article(), 3, 6)
    assert stat.S_IMODE(store_path.stat().st_mode) == 0o640, "a save keeps the file's permissions"


# A save that fails -----------------------------------------------------------------------------


def _half_then_disk_full(real_write):
    """An os.write that writes half of what it is given, then fails as a full disk does."""

    def write(handle: int, data) -> int:
        half = len(data) // 2
        if half:
            real_write(handle, bytes(data[:half]))
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    return write


def test_a_write_that_fails_midway_leaves_the_old_file_intact(store: NoteStore, store_path: Path, monkeypatch):
    """A full disk halfway through the write: NotesError (one line naming the file), the old file
    byte for byte as it was, no temporary file left behind; the change is kept and saved next time."""
    store.new(article(), 0, 3, "saved")
    before = store_path.read_bytes()
    monkeypatch.setattr(os, "write", _half_then_disk_full(os.write))
    with pytest.raises(NotesError) as failure:
        store.new(article(), 3, 6, "not yet saved")
    monkeypatch.undo()
    assert str(failure.value).startswith(str(store_path)) and "\n" not in str(failure.value)
    assert "No space left" in str(failure.value)
    assert store_path.read_bytes() == before
    assert _files(store_path.parent) == ["notes.json"]
    assert len(store) == 2
    store.edit(store.notes[0].id, body="saved again")
    assert [note.body for note in read_notes(store_path)] == ["saved again", "not yet saved"]


def test_a_failed_fsync_leaves_the_old_file_intact(store: NoteStore, store_path: Path, monkeypatch):
    """The data never reached the disk: the rename must not happen."""
    store.new(article(), 0, 3, "saved")
    before = store_path.read_bytes()

    def fsync(handle: int) -> None:
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    monkeypatch.setattr(os, "fsync", fsync)
    with pytest.raises(NotesError):
        store.edit(store.notes[0].id, body="changed")
    assert store_path.read_bytes() == before
    assert _files(store_path.parent) == ["notes.json"]


# Files that cannot be read ---------------------------------------------------------------------

UNREADABLE = {
    "bad-json": b'{"format": "kato-tui-notes", "version": 1, "notes": [',
    "empty": b"",
    "not-utf8": b'{"format": "kato-tui-notes", "version": 1, "notes": [], "x": "\xff\xfe"}',
    "wrong-shape": b'[{"id": "1"}]',
    "other-json": b'{"notes": "a string"}',
    "bad-note": b'{"format": "kato-tui-notes", "version": 1, "notes": [{"id": "n1", "target": {"source": "a"}}]}',
    "bad-offsets": json.dumps({"format": "kato-tui-notes", "version": 1, "notes": [{
        "id": "n1", "body": "", "tags": [], "created": "", "modified": "", "group": None, "dispute": None,
        "target": {"source": "a", "selector": [
            {"type": "TextQuoteSelector", "exact": "abc", "prefix": "", "suffix": ""},
            {"type": "TextPositionSelector", "start": 5, "end": 2}]}}]}).encode(),
}


@pytest.mark.parametrize("content", UNREADABLE.values(), ids=UNREADABLE.keys())
def test_an_unreadable_file_is_kept_aside_and_named(store_path: Path, content: bytes):
    """Never overwritten: moved to notes.json.unreadable-<date>-<time>, byte for byte, and the one-line
    message names where; the store starts empty and the next save makes a fresh file."""
    store_path.parent.mkdir(parents=True)
    store_path.write_bytes(content)
    store = NoteStore(store_path, clock=Clock())
    aside = store_path.with_name("notes.json.unreadable-" + (T0 + dt.timedelta(seconds=1)).astimezone().strftime("%Y%m%d-%H%M%S"))
    assert aside.read_bytes() == content
    assert not store_path.exists()
    assert store.notes == ()
    assert store.message is not None and "\n" not in store.message
    assert str(aside) in store.message and str(store_path) in store.message
    store.new(article(), 0, 3)
    assert aside.read_bytes() == content
    assert len(read_notes(store_path)) == 1


def test_a_second_unreadable_file_does_not_replace_the_first(store_path: Path):
    store_path.parent.mkdir(parents=True)
    clock = Clock()
    for content in (b"first {", b"second {"):
        store_path.write_bytes(content)
        NoteStore(store_path, clock=lambda: clock.now)  # the same second both times
    kept = sorted(path.read_bytes() for path in store_path.parent.glob("notes.json.unreadable-*"))
    assert kept == [b"first {", b"second {"]


def test_read_notes_names_the_problem_and_leaves_the_file(store_path: Path):
    store_path.parent.mkdir(parents=True)
    store_path.write_bytes(UNREADABLE["bad-json"])
    with pytest.raises(NotesError) as failure:
        read_notes(store_path)
    assert failure.value.unreadable
    assert str(failure.value).startswith(f"{store_path}: not valid JSON (line 1")
    assert store_path.read_bytes() == UNREADABLE["bad-json"]


def test_a_file_from_a_newer_version_is_refused_not_moved(store_path: Path):
    """Its notes may be fine: NotesError, and the file stays where and as it is."""
    content = json.dumps({"format": "kato-tui-notes", "version": 99, "notes": []}).encode()
    store_path.parent.mkdir(parents=True)
    store_path.write_bytes(content)
    with pytest.raises(NotesError, match="newer kato-tui"):
        NoteStore(store_path)
    assert store_path.read_bytes() == content
    assert [path.name for path in store_path.parent.iterdir()] == ["notes.json"]


def test_a_file_that_cannot_be_opened_is_refused_not_moved(store_path: Path):
    """A folder where the file should be (as good as no permission): NotesError, nothing moved."""
    store_path.mkdir(parents=True)
    with pytest.raises(NotesError, match="cannot be read"):
        NoteStore(store_path)
    assert store_path.is_dir()


def test_a_missing_file_is_no_notes(store_path: Path):
    store = NoteStore(store_path)
    assert (store.notes, store.message) == ((), None)
    assert not store_path.exists(), "nothing is written before the first change"


# Anchoring -------------------------------------------------------------------------------------


def test_the_passage_in_place_is_exact():
    result = anchor(note_on(PASSAGE), BODY)
    assert result.status == "exact"
    assert (result.span.start, result.span.end) == (len(INTRO), len(INTRO) + len(PASSAGE))


@pytest.mark.parametrize(
    "changed",
    [
        "Update: the ministry later clarified his remarks.\n" + BODY,
        INTRO + "He said: " + PASSAGE + OUTRO,  # right before it: the prefix changes too
        BODY.replace("Tokyo", "the capital city of Tokyo"),
    ],
    ids=["new-lead", "next-to-it", "in-the-prefix"],
)
def test_text_inserted_before_the_passage_moves_it(changed: str):
    result = anchor(note_on(PASSAGE), changed)
    assert result.status == "moved"
    assert changed[result.span.start:result.span.end] == PASSAGE


def test_text_inserted_after_the_passage_leaves_it_exact():
    assert anchor(note_on(PASSAGE), BODY + " More later.").status == "exact"


@pytest.mark.parametrize(
    "old, new",
    [("all cards", "all the cards"), ("negotiations", "talks"), ("We obviously", "Clearly we")],
    ids=["middle", "last-word", "first-words"],
)
def test_a_changed_word_is_found_fuzzily(old: str, new: str):
    """The passage with a word changed is found where it is, its new words included."""
    changed = BODY.replace(old, new)
    result = anchor(note_on(PASSAGE), changed)
    assert result.status == "fuzzy"
    assert changed[result.span.start:result.span.end] == PASSAGE.replace(old, new)
    assert 70 <= result.score < 100


def test_a_changed_word_is_found_after_a_move_too():
    changed = "A new first paragraph, which pushes everything down.\n" + BODY.replace("put all", "put all of")
    result = anchor(note_on(PASSAGE), changed)
    assert result.status == "fuzzy"
    assert changed[result.span.start:result.span.end] == PASSAGE.replace("put all", "put all of")


def test_a_removed_passage_is_orphaned():
    note = note_on(PASSAGE)
    result = anchor(note, INTRO + OUTRO.lstrip())
    assert (result.status, result.span, result.candidates) == ("orphaned", None, ())


def test_a_rewritten_passage_is_orphaned():
    rewritten = INTRO + "Asked about it, he declined to comment on any options." + OUTRO
    assert anchor(note_on(PASSAGE), rewritten).status == "orphaned"


def test_a_short_passage_in_another_context_is_not_taken_for_it():
    """'cards' alone elsewhere, in other words, is not the noted 'cards' whose sentence is gone."""
    note = note_on("cards")
    elsewhere = INTRO + OUTRO.lstrip() + " Trading cards are popular."
    assert anchor(note, elsewhere).status == "orphaned"


def test_a_passage_twice_with_the_same_context_is_ambiguous():
    """Neither copy is picked: no span, both places offered, nearest the old position first."""
    note = note_on(PASSAGE)
    changed = "Repeated below.\n" + BODY + "\n" + BODY
    result = anchor(note, changed)
    assert (result.status, result.span) == ("ambiguous", None)
    assert len(result.candidates) == 2
    assert [changed[span.start:span.end] for span in result.candidates] == [PASSAGE, PASSAGE]
    assert result.candidates[0].start < result.candidates[1].start


def test_a_changed_passage_twice_with_the_same_context_is_ambiguous():
    changed_body = BODY.replace("all cards", "all of the cards")
    result = anchor(note_on(PASSAGE), "Repeated below.\n" + changed_body + "\n" + changed_body)
    assert result.status == "ambiguous" and len(result.candidates) == 2


def test_of_two_copies_the_one_with_its_context_is_chosen():
    """The exact text twice, only one between the note's old neighbours: moved there."""
    changed = "Elsewhere: " + PASSAGE + " Then other words entirely follow.\n\n" + "New lead.\n" + BODY
    result = anchor(note_on(PASSAGE), changed)
    assert result.status == "moved"
    assert result.span.start == changed.index(INTRO) + len(INTRO)


def test_the_old_position_wins_over_a_copy():
    assert anchor(note_on(PASSAGE), BODY + "\n" + BODY).status == "exact"


def test_a_unique_passage_is_not_taken_for_a_false_start_before_it():
    """A stutter inserted right before the passage ("We obviously nee-- ") sits where the passage was,
    between its old neighbours; the exact passage, once in the article, is still the one."""
    passage = "We obviously need"
    rest = PASSAGE[len(passage):]
    changed = INTRO + "We obviously nee-- " + passage + " to be open," + rest + OUTRO
    result = anchor(note_on(passage), changed)
    assert result.status == "moved"
    assert result.span.start == changed.index(passage)


def test_a_copy_at_the_old_position_is_not_taken_for_the_passage():
    """The second "Kato" noted; a lead pushes the first one exactly onto the old offset. The old
    offset holds the quote, but not between the note's neighbours: the second copy is the one."""
    body = "Kato met the minister on Monday. On Friday the minister met Kato again."
    second = body.rindex("Kato")
    note = make_note(article(body), second, second + len("Kato"), now=T0)
    lead = "An aide said the two meetings had been planned for a month. "
    assert len(lead) == second - body.index("Kato")
    changed = lead + body
    result = anchor(note, changed)
    assert result.status == "moved"
    assert result.span.start == changed.rindex("Kato")


def test_a_unique_sixteen_character_passage_is_not_ambiguous():
    """UNIQUE_LENGTH characters found once is the passage, even with a near copy beside it."""
    passage = "put all cards on"
    start = BODY.index(passage)
    changed = BODY[:start] + "put all cards in, " + BODY[start:]
    assert len(passage) == UNIQUE_LENGTH and changed.count(passage) == 1
    result = anchor(note_on(passage), changed)
    assert result.status == "moved"
    assert result.span.start == changed.index(passage)


def test_anchoring_in_a_long_article():
    """A long article (about 250,000 characters) with the passage edited deep inside: still found."""
    filler = " ".join(f"Paragraph {n} talks about bond markets and yields in week {n}." for n in range(4000))
    body = filler[:120_000] + " " + BODY + " " + filler[120_000:]
    start = body.index(PASSAGE)
    note = make_note(article(body), start, start + len(PASSAGE))
    changed = "Correction appended at the top. " + body.replace("all cards", "every card")
    result = anchor(note, changed)
    assert result.status == "fuzzy"
    assert changed[result.span.start:result.span.end] == PASSAGE.replace("all cards", "every card")


def test_anchor_notes_orphans_a_note_whose_article_is_gone():
    here = note_on(PASSAGE)
    gone = make_note(article(article_id="gone"), 0, 5)
    corpus = Corpus("story", (article(),))
    anchors = anchor_notes([here, gone], corpus)
    assert (anchors[here.id].status, anchors[gone.id].status) == ("exact", "orphaned")


# Files that are not notes files ----------------------------------------------------------------


def _fifo(tmp_path: Path) -> Path:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes here")
    fifo = tmp_path / "notes.json"
    os.mkfifo(fifo)
    return fifo


def test_a_fifo_is_refused_not_read_forever(tmp_path: Path):
    """Nothing writes to the pipe: reading it would wait forever. NotesError names the file and what it is."""
    fifo = _fifo(tmp_path)
    with pytest.raises(NotesError) as failure:
        NoteStore(fifo)
    assert str(failure.value) == f"{fifo}: cannot be read: it is a named pipe (FIFO), not a notes file"
    assert not failure.value.unreadable, "not moved aside: it is not a broken notes file"
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_a_device_is_refused_not_read_forever():
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero here")
    with pytest.raises(NotesError, match=r"^/dev/zero: cannot be read: it is a device, not a notes file$"):
        read_notes(Path("/dev/zero"))


def test_a_file_over_the_size_limit_is_refused_unread(tmp_path: Path):
    """A sparse 65 MB file (no disk used): refused from its size, left where and as it is."""
    big = tmp_path / "notes.json"
    with big.open("wb") as stream:
        stream.truncate(MAX_SIZE + 2**20)
    with pytest.raises(NotesError) as failure:
        NoteStore(big)
    assert str(failure.value) == f"{big}: is 65 MB, more than a notes file can be (64 MB): is it the right file?"
    assert big.stat().st_size == MAX_SIZE + 2**20 and _files(tmp_path) == ["notes.json"]


def test_a_file_that_grows_past_the_limit_while_read_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """The size is checked on what was read too, not only on what stat said."""
    monkeypatch.setattr("tui.core.notes.MAX_SIZE", 10)
    small = tmp_path / "notes.json"
    small.write_bytes(b"x" * 11)
    with pytest.raises(NotesError, match="more than a notes file can be"):
        read_notes(small)


def test_check_notes_file_refuses_what_cannot_be_a_notes_file_before_opening_it(tmp_path: Path):
    """For `--notes` before the reader starts: a FIFO, a folder and a huge file are refused; none at all, or a notes file, is fine."""
    fifo, big = _fifo(tmp_path), tmp_path / "big.json"
    with big.open("wb") as stream:
        stream.truncate(MAX_SIZE + 1)
    for path, problem in ((fifo, "a named pipe (FIFO)"), (tmp_path, "a folder"), (big, "more than a notes file can be")):
        with pytest.raises(NotesError, match=re.escape(problem)) as failure:
            check_notes_file(path)
        assert failure.value.path == path
    check_notes_file(tmp_path / "missing.json")
    real = NoteStore(tmp_path / "real.json", clock=Clock())
    real.new(article(), 0, 3)
    check_notes_file(real.path)


def test_json_nested_too_deeply_is_unreadable_not_a_crash(store_path: Path):
    """Python's parser gives up on deep nesting with RecursionError: it is a broken notes file, kept aside."""
    store_path.parent.mkdir(parents=True)
    store_path.write_text("[" * 100_000, encoding="utf-8")
    store = NoteStore(store_path, clock=Clock())
    assert store.message is not None and "nested too deeply" in store.message
    assert store.notes == () and not store_path.exists()


def test_the_export_command_refuses_a_fifo_in_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    fifo = _fifo(tmp_path)
    status = main(["export", "--notes", str(fifo)])
    err = capsys.readouterr().err
    assert status == 2
    assert f"{fifo}: cannot be read: it is a named pipe (FIFO)" in err and err.count("\n") == 1


# Leftovers of interrupted saves ----------------------------------------------------------------


def _leftover(folder: Path, name: str, age: float) -> Path:
    """A temporary file as an interrupted save leaves it, last written ``age`` seconds ago."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text('{"format": "kato-tui-notes", "ver', encoding="utf-8")
    moment = time.time() - age
    os.utime(path, (moment, moment))
    return path


def test_stale_temporary_files_of_interrupted_saves_are_removed(store_path: Path):
    """On opening: this file's temporary files older than STALE_AFTER go; a recent one (a save under
    way) and another notes file's stay."""
    folder = store_path.parent
    stale = _leftover(folder, ".notes.json.k3j_x9a1.tmp", STALE_AFTER + 60)
    recent = _leftover(folder, ".notes.json.a8d2m0qz.tmp", 60)
    other = _leftover(folder, ".notes.json.old.abcd1234.tmp", STALE_AFTER + 60)
    NoteStore(store_path)
    assert not stale.exists() and recent.exists() and other.exists()


def test_stale_temporary_files_are_left_while_another_save_holds_the_lock(store_path: Path):
    stale = _leftover(store_path.parent, ".notes.json.k3j_x9a1.tmp", STALE_AFTER + 60)
    with FileLock(str(lock_path(store_path))):
        NoteStore(store_path)
        assert stale.exists()
    NoteStore(store_path)
    assert not stale.exists()


def test_a_save_removes_stale_temporary_files_too(store: NoteStore, store_path: Path):
    """A leftover that appeared after opening (another window's interrupted save) goes at the next save."""
    stale = _leftover(store_path.parent, ".notes.json.k3j_x9a1.tmp", STALE_AFTER + 60)
    store.new(article(), 0, 3)
    assert not stale.exists()
    assert _files(store_path.parent) == ["notes.json"]


def test_a_lone_surrogate_in_a_note_makes_the_file_unreadable(tmp_path: Path) -> None:
    """An id holding half of a UTF-16 pair is not text: the file is refused with a NotesError, so
    the reader moves it aside and export stops with one line, instead of a crash in the JSON export."""
    path = tmp_path / "notes.json"
    good = NoteStore(path)
    note = good.add(Note("n1", "a", "passage", "", "", 0, 7, "body"))
    data = json.loads(path.read_text(encoding="utf-8"))
    text = json.dumps(data).replace(note.id, "\\ud800", 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(NotesError, match="UTF-16"):
        read_notes(path)
