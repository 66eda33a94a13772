"""Notes in the reader: a writes one, the notes file on disk has it, m lists them, e exports them; on real files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual import events

from tests.ui.conftest import WriteCorpus
from tests.ui.helpers import record_notifications, run_command, screen_text, status, view_of
from tui.core.model import Corpus
from tui.core.notes import make_note, notes_to_json
from tui.ui.app import KatoApp, make_app
from tui.ui.screens.confirm import Confirm
from tui.ui.screens.export_dialog import ExportDialog
from tui.ui.screens.help import HelpScreen
from tui.ui.screens.match_detail import MatchDetail
from tui.ui.screens.note_editor import NoteEditor
from tui.ui.widgets.article_view import BAR, ArticleView
from tui.ui.widgets.notes import NotesPanel
from tui.ui.widgets.reader import Reader

FIRST = "The river rose three metres overnight in Alton."
SECOND = "Schools in the valley were closed on Tuesday."
THIRD = "The mayor asked residents to stay away from the bridges."


def _article(outlet: str, *sentences: str) -> str:
    return f"---\noutlet: {outlet}\n---\n" + "\n\n".join(sentences) + "\n"


@pytest.fixture
def flood(write_corpus: WriteCorpus) -> Corpus:
    """Two short articles with one shared sentence."""
    return write_corpus(
        {
            "a.md": _article("Alton Post", FIRST, SECOND, THIRD),
            "b.md": _article("Valley Radio", "Rain kept falling all night.", FIRST, "Roads north of town are shut."),
        }
    )


async def _ready(app: KatoApp, pilot) -> None:
    """Wait for the analysis and for the notes to be read."""
    await app.workers.wait_for_complete()
    await pilot.pause()


def _saved(path: Path) -> list[dict]:
    """The notes in the notes file on disk."""
    return json.loads(path.read_text(encoding="utf-8"))["notes"]


def _exact(note: dict) -> str:
    return next(s["exact"] for s in note["target"]["selector"] if s["type"] == "TextQuoteSelector")


async def _write(pilot, text: str) -> None:
    """Type text into whatever has the focus."""
    await pilot.press(*text)


def _rows(app: KatoApp) -> list[str]:
    panel = app.query_one(NotesPanel)
    return [str(panel.get_option_at_index(index).prompt) for index in range(panel.option_count)]


async def test_a_note_typed_fast_after_a_is_the_note_saved(bundled: Corpus, tmp_path: Path) -> None:
    """`a`, a few words and ctrl+s read in one go (fast typing): the words go into the editor, in order, before
    ctrl+s saves; escape read the same way asks before throwing them away."""
    notes = tmp_path / "notes.json"
    app = make_app(bundled, notes=notes)
    async with app.run_test(size=(200, 50)) as pilot:
        await _ready(app, pilot)
        for key, character in (*(("a", "a"),), *((c, c) for c in "quick"), ("space", " "), *((c, c) for c in "note"), ("ctrl+s", None)):
            app.post_message(events.Key(key, character))
        await pilot.pause(0.5)
        assert not isinstance(app.screen, NoteEditor)
        assert [note["body"] for note in _saved(notes)] == ["quick note"]
        for key, character in (("a", "a"), ("x", "x"), ("escape", None)):
            app.post_message(events.Key(key, character))
        await pilot.pause(0.5)
        assert isinstance(app.screen, Confirm)


async def test_a_note_on_the_current_match_is_saved_with_its_tags(bundled: Corpus, tmp_path: Path) -> None:
    """n, a, a note, the disputed toggle and two typed tags, ctrl+s: the file on disk has it all, before the app quits."""
    notes = tmp_path / "notes.json"
    app = make_app(bundled, notes=notes)
    async with app.run_test(size=(200, 50)) as pilot:
        await _ready(app, pilot)
        await pilot.press("n", "a")
        assert isinstance(app.screen, NoteEditor)
        group = app.matches.current
        await _write(pilot, "Kato's card.")
        await pilot.press("tab", "space", "tab", "tab", "tab")
        await _write(pilot, "money, #timeline")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, NoteEditor)
        [saved] = _saved(notes)
        member = next(m for m in group.members if m.span.article == "cna")
        assert saved["body"] == "Kato's card."
        assert saved["tags"] == ["disputed", "money", "timeline"]
        assert saved["group"] == group.id and saved["dispute"] is None
        assert saved["target"]["source"] == "cna" and _exact(saved) == member.text
        assert "1 note" in status(app)


async def test_the_note_is_marked_in_its_column_over_the_match(bundled: Corpus, tmp_path: Path) -> None:
    """The noted passage gets the note style after the match colours, and a bar beside its lines."""
    app = make_app(bundled, notes=tmp_path / "notes.json")
    async with app.run_test(size=(200, 50)) as pilot:
        await _ready(app, pilot)
        await pilot.press("n", "a", *"why now?", "ctrl+s")
        await pilot.pause()
        member = next(m for m in app.matches.current.members if m.span.article == "cna")
        view = view_of(app, "cna")
        styles = [mark.style for mark in view.marks if (mark.start, mark.end) == (member.span.start, member.span.end)]
        assert styles[-1] == ArticleView.NOTE and len(styles) > 1  # the match's own colours stay under it
        line = view.line_of(member.span.start) - round(view.scroll_y)
        assert view.render_line(line).text.startswith(BAR)
        assert BAR not in view.render_line(line - 2).text


async def test_a_note_on_a_dispute_records_the_dispute(bundled: Corpus, tmp_path: Path) -> None:
    """] then a: the note is on the focused column's version of the dispute and names the dispute."""
    notes = tmp_path / "notes.json"
    app = make_app(bundled, notes=notes)
    async with app.run_test(size=(200, 50)) as pilot:
        await _ready(app, pilot)
        await pilot.press("right_square_bracket", "a")
        dispute = app.disputes.current
        assert "dispute" in str(app.screen.query_one("#note-editor").border_title)
        await pilot.press(*"check the figure", "ctrl+s")
        await pilot.pause()
        [saved] = _saved(notes)
        version = next((v for v in dispute.versions if v.span.article == "cna"), dispute.versions[0])
        assert saved["dispute"] == dispute.id and saved["group"] is None
        assert saved["target"]["source"] == version.span.article and _exact(saved) == version.text


async def test_a_in_the_details_notes_the_match_on_show(flood: Corpus, tmp_path: Path) -> None:
    """enter shows the match's versions; a there writes a note on that match, and the details stay open under the editor."""
    notes = tmp_path / "notes.json"
    app = make_app(flood, notes=notes)
    async with app.run_test(size=(100, 30)) as pilot:
        await _ready(app, pilot)
        await pilot.press("enter", "a")
        assert isinstance(app.screen, NoteEditor)
        await pilot.press(*"same words", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MatchDetail)
        [saved] = _saved(notes)
        assert saved["group"] == app.matches.groups[0].id and _exact(saved) == FIRST


async def test_without_a_jump_a_notes_the_sentence_being_read(flood: Corpus, tmp_path: Path) -> None:
    """At the top of an article a is on its first sentence; ctrl+down moves the note to the next one."""
    notes = tmp_path / "notes.json"
    app = make_app(flood, notes=notes)
    async with app.run_test(size=(80, 24)) as pilot:
        await _ready(app, pilot)
        await pilot.press("a")
        assert isinstance(app.screen, NoteEditor)
        assert FIRST in screen_text(app)
        await pilot.press("ctrl+down")
        await pilot.press(*"closed how long?", "ctrl+s")
        await pilot.pause()
        [saved] = _saved(notes)
        assert _exact(saved) == SECOND and saved["group"] is None and saved["dispute"] is None


async def test_scrolled_away_from_the_match_a_notes_the_sentence_being_read(flood: Corpus, tmp_path: Path) -> None:
    """After n, scrolling the focused column off the match makes a note the passage on screen instead."""
    notes = tmp_path / "notes.json"
    app = make_app(flood, notes=notes)
    async with app.run_test(size=(80, 10)) as pilot:
        await _ready(app, pilot)
        await pilot.press("n")
        view = view_of(app, "a")
        view.scroll_to(y=view.line_of(flood.article("a").body.index(THIRD)), animate=False, immediate=True)
        await pilot.pause()
        await pilot.press("a", "ctrl+s")
        await pilot.pause()
        [saved] = _saved(notes)
        assert _exact(saved) == THIRD and saved["group"] is None


async def test_escape_asks_before_throwing_away_what_was_typed(flood: Corpus, tmp_path: Path) -> None:
    """Escape on an untouched note closes at once; with text typed it asks, and n keeps the editor open."""
    notes = tmp_path / "notes.json"
    app = make_app(flood, notes=notes)
    async with app.run_test(size=(80, 24)) as pilot:
        await _ready(app, pilot)
        await pilot.press("a", "escape")
        assert not isinstance(app.screen, NoteEditor)
        await pilot.press("a", *"half a thought", "escape")
        assert isinstance(app.screen, Confirm)
        await pilot.press("n")
        assert isinstance(app.screen, NoteEditor)
        await pilot.press("escape", "y")
        assert not isinstance(app.screen, (NoteEditor, Confirm))
        assert not notes.exists() or _saved(notes) == []


def _notes_file(path: Path, corpus: Corpus, *passages: tuple[str, str, str]) -> None:
    """Write a notes file with a note (article id, passage, text) for each passage, as the core writes it."""
    notes = []
    for article_id, passage, body in passages:
        article = corpus.article(article_id)
        start = article.body.index(passage)
        notes.append(make_note(article, start, start + len(passage), body, tags=("verified",)))
    path.write_text(notes_to_json(notes), encoding="utf-8")


async def test_the_panel_lists_the_notes_goes_to_one_edits_and_deletes(bundled: Corpus, tmp_path: Path) -> None:
    """m lists the notes; enter brings an off-screen article's column in at the note; enter again edits; x, y deletes it from the file."""
    notes = tmp_path / "notes.json"
    zaobao = bundled.article("zaobao").body
    passage = zaobao[zaobao.index("After Trump announced"):].split(".")[0] + "."
    _notes_file(notes, bundled, ("cna", bundled.article("cna").body[:40], "first"), ("zaobao", passage, "the sell-off\nsecond line"))
    app = make_app(bundled, notes=notes)
    async with app.run_test(size=(80, 24)) as pilot:
        await _ready(app, pilot)
        await pilot.press("m")
        panel = app.query_one(NotesPanel)
        assert panel.has_focus and panel.option_count == 2
        rows = _rows(app)
        assert "Lianhe Zaobao" in rows[1] and "the sell-off" in rows[1] and "second line" not in rows[1] and "#verified" in rows[1]
        await pilot.press("down", "enter")
        await pilot.wait_for_scheduled_animations()
        reader = app.query_one(Reader)
        assert reader.articles[reader.current].id == "zaobao" and panel.has_focus
        assert view_of(app, "zaobao").shows(zaobao.index(passage))
        await pilot.press("enter")
        assert isinstance(app.screen, NoteEditor)
        assert "the sell-off" in screen_text(app)
        await pilot.press("escape", "x")
        assert isinstance(app.screen, Confirm)
        await pilot.press("y")
        await pilot.pause()
        assert [note["body"] for note in _saved(notes)] == ["first"]
        assert panel.option_count == 1 and "1 note" in status(app)
        await pilot.press("m")
        assert not panel.display and isinstance(app.focused, ArticleView) and app.focused.article.id == "zaobao"


async def test_going_to_a_note_on_a_hidden_source_says_how_to_show_it(bundled: Corpus, tmp_path: Path) -> None:
    """A note whose source is hidden is not gone to in silence: the reader is told which source and how to show it."""
    notes = tmp_path / "notes.json"
    _notes_file(notes, bundled, ("cna", bundled.article("cna").body[:40], "first"))
    app = make_app(bundled, notes=notes)
    async with app.run_test(size=(200, 50)) as pilot:
        await _ready(app, pilot)
        await pilot.press("s", "space", "escape")  # hide Channel NewsAsia, the first source
        await pilot.pause()
        assert "cna" not in [article.id for article in app.query_one(Reader).articles]
        told = record_notifications(app)
        await pilot.press("m", "enter")
        await pilot.pause()
        assert any("Channel NewsAsia, a hidden source" in message and "(s)" in message for message in told)
        assert app.query_one(NotesPanel).has_focus


async def test_a_in_the_panel_edits_the_note_and_the_file_follows(flood: Corpus, tmp_path: Path) -> None:
    """a on a row opens that note with its text and tags; what is saved replaces them in the file."""
    notes = tmp_path / "notes.json"
    _notes_file(notes, flood, ("a", SECOND, "old text"))
    app = make_app(flood, notes=notes)
    async with app.run_test(size=(80, 24)) as pilot:
        await _ready(app, pilot)
        await pilot.press("m", "a")
        assert isinstance(app.screen, NoteEditor)
        await pilot.press("end", *" and more", "ctrl+s")
        await pilot.pause()
        [saved] = _saved(notes)
        assert saved["body"] == "old text and more" and saved["tags"] == ["verified"] and _exact(saved) == SECOND


async def test_a_corrupt_notes_file_is_kept_aside_and_named(flood: Corpus, tmp_path: Path) -> None:
    """An unreadable notes file is moved aside with its bytes intact, a warning names where, and notes still work."""
    notes = tmp_path / "notes.json"
    original = b'{"format": "kato-tui-notes", "version": 1, "notes": [ \xff truncated'
    notes.write_bytes(original)
    app = make_app(flood, notes=notes)
    messages = record_notifications(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await _ready(app, pilot)
        [aside] = tmp_path.glob("notes.json.unreadable-*")
        assert aside.read_bytes() == original
        assert any(str(aside) in message for message in messages)
        assert "0 notes" in status(app)
        await pilot.press("a", *"fresh start", "ctrl+s")
        await pilot.pause()
        assert [note["body"] for note in _saved(notes)] == ["fresh start"]
        assert aside.read_bytes() == original


async def test_a_notes_file_from_a_newer_version_leaves_the_reader_without_notes(flood: Corpus, tmp_path: Path) -> None:
    """A file kato-tui cannot open is left as it is: the reader works, says notes are off, and a says why."""
    notes = tmp_path / "notes.json"
    newer = '{"format": "kato-tui-notes", "version": 99, "notes": []}\n'
    notes.write_text(newer, encoding="utf-8")
    app = make_app(flood, notes=notes)
    messages = record_notifications(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await _ready(app, pilot)
        assert "notes off" in status(app)
        assert any("newer kato-tui" in message for message in messages)
        await pilot.press("a")
        assert not isinstance(app.screen, NoteEditor)
        await pilot.press("m")
        assert "Notes are off" in _rows(app)[0] and "newer kato-tui" in _rows(app)[0]
        await pilot.press("n")
        assert app.matches.label == "match 1/1"
        assert notes.read_text(encoding="utf-8") == newer


@pytest.mark.parametrize(("fmt", "keys"), [("md", ("e",)), ("json", ("ctrl+p", *"export: JSON", "enter")), ("html", ("e", "shift+tab", "down", "down", "enter"))], ids=["md", "json", "html"])
async def test_export_writes_the_notes_to_the_file_named(
    flood: Corpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str, keys: tuple[str, ...]
) -> None:
    """e (or the palette) offers <corpus>-notes.<format> in the current folder; the file written has the note, escaped for HTML."""
    monkeypatch.chdir(tmp_path)
    body = "Check <b>this</b> & that"
    _notes_file(tmp_path / "notes.json", flood, ("a", SECOND, body))
    app = make_app(flood, notes=tmp_path / "notes.json")
    messages = record_notifications(app)
    async with app.run_test(size=(100, 30)) as pilot:
        await _ready(app, pilot)
        await pilot.press(*keys)
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog) and app.screen.fmt == fmt
        await pilot.press("tab" if fmt == "html" else "enter", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
    out = tmp_path / f"story-notes.{fmt}"
    assert any(str(out) in message for message in messages)
    text = out.read_text(encoding="utf-8")
    if fmt == "json":
        assert body in json.dumps(json.loads(text), ensure_ascii=False)
    elif fmt == "html":
        assert "Check &lt;b&gt;this&lt;/b&gt; &amp; that" in text and "<b>this</b>" not in text
    else:
        assert "Check \\<b\\>this\\</b\\> \\& that" in text and SECOND in text


async def test_export_asks_before_replacing_a_file_and_follows_the_format(flood: Corpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Choosing JSON in the dialog changes the file's extension; an existing file is replaced only after y."""
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "story-notes.json"
    out.write_text("my own file\n", encoding="utf-8")
    app = make_app(flood, notes=tmp_path / "notes.json")
    async with app.run_test(size=(100, 30)) as pilot:
        await _ready(app, pilot)
        await pilot.press("e", "shift+tab", "down", "enter")
        assert app.screen.query_one("#export-path").value == "story-notes.json"
        await pilot.press("tab", "enter")
        assert isinstance(app.screen, Confirm)
        await pilot.press("n")
        assert isinstance(app.screen, ExportDialog)
        assert out.read_text(encoding="utf-8") == "my own file\n"
        await pilot.press("enter", "y")
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert json.loads(out.read_text(encoding="utf-8"))["type"] == "AnnotationCollection"


async def test_an_export_that_cannot_be_written_says_so_in_one_line(flood: Corpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file name under a file (not a folder) fails in the worker: one error line names it, the reader goes on."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "plain").write_text("a file\n", encoding="utf-8")
    app = make_app(flood, notes=tmp_path / "notes.json")
    messages = record_notifications(app)
    async with app.run_test(size=(100, 30)) as pilot:
        await _ready(app, pilot)
        await pilot.press("e", "ctrl+u", *"plain/x.md", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        [failed] = [message for message in messages if message.startswith("The export failed")]
        assert str(tmp_path / "plain") in failed and "\n" not in failed
        await pilot.press("n")
        assert app.matches.label == "match 1/1"


async def test_a_note_that_cannot_be_saved_is_kept_and_the_reader_told(flood: Corpus, tmp_path: Path) -> None:
    """When the notes file cannot be replaced the note stays on screen, counted, and an error says the save failed."""
    notes = tmp_path / "notes.json"
    app = make_app(flood, notes=notes)
    messages = record_notifications(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await _ready(app, pilot)
        notes.mkdir()  # a folder where the file should go: the atomic rename fails
        await pilot.press("a", *"kept", "ctrl+s")
        await pilot.pause()
        assert any("could not be saved" in message for message in messages)
        assert "1 note" in status(app)
        assert any(mark.style == ArticleView.NOTE for mark in view_of(app, "a").marks)


async def test_notes_on_a_changed_article_show_as_moved_or_orphaned(write_corpus: WriteCorpus, tmp_path: Path) -> None:
    """Notes written, the article edited (one passage pushed down, one deleted), the reader reopened: neither is lost."""
    notes = tmp_path / "notes.json"
    corpus = write_corpus({"a.md": _article("Alton Post", FIRST, SECOND, THIRD), "b.md": _article("Valley Radio", "Rain kept falling.", "Roads are shut.")})
    app = make_app(corpus, notes=notes)
    async with app.run_test(size=(80, 24)) as pilot:
        await _ready(app, pilot)
        await pilot.press("a", *"on the river", "ctrl+s", "a", "ctrl+down", "ctrl+down", *"on the mayor", "ctrl+s")
        await pilot.pause()
    assert [_exact(note) for note in _saved(notes)] == [FIRST, THIRD]
    changed = write_corpus({"a.md": _article("Alton Post", "An update was added at the top of this story.", FIRST, SECOND)})
    app = make_app(changed, notes=notes)
    async with app.run_test(size=(80, 24)) as pilot:
        await _ready(app, pilot)
        await pilot.press("m")
        rows = _rows(app)
        assert any("[moved]" in row and "on the river" in row for row in rows)
        orphan = next(row for row in rows if "[orphaned]" in row)
        assert "on the mayor" in orphan and "The mayor asked" in orphan
        river = changed.article("a").body.index(FIRST)
        assert any(m.style == ArticleView.NOTE and m.start == river for m in view_of(app, "a").marks)
        assert "needs a look" in str(app.query_one(NotesPanel).border_title)
        await pilot.press("down", "enter", "enter")
        assert isinstance(app.screen, NoteEditor)
        assert "no longer in the article" in screen_text(app) and THIRD in screen_text(app)
    assert len(_saved(notes)) == 2


async def test_note_keys_are_in_the_footer_the_help_and_the_palette(flood: Corpus, tmp_path: Path) -> None:
    """The footer shows "Note"; the help lists a, m and e; the palette's "note: add" and "note: list" work."""
    app = make_app(flood, notes=tmp_path / "notes.json")
    async with app.run_test(size=(120, 50)) as pilot:
        await _ready(app, pilot)
        assert "a Note" in screen_text(app)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        help_text = screen_text(app)
        assert "write a note" in help_text and "list your notes" in help_text and "export your notes" in help_text
        await pilot.press("escape")
        for command, check in (
            ("note: list", lambda: app.query_one(NotesPanel).display),
            ("note: add", lambda: isinstance(app.screen, NoteEditor)),
        ):
            await run_command(pilot, app, command)
            assert check(), command
