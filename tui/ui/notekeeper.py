"""NoteKeeper: the reader's notes: reading them, the editor, the notes panel, their marks, exporting.

The app holds one and hands it what it needs: the corpus, the Reader, the panel, and the match or
dispute the reader went to last (for what `a` annotates).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from textual.notifications import SeverityLevel
from textual.worker import Worker, WorkerState

from tui.core.corpus import corpus_key, slug
from tui.core.files import write_atomic
from tui.core.model import Analysis, Corpus, Dispute, MatchGroup, Note
from tui.ui.render import safe_text
from tui.ui.widgets.bars import StatusBar
from tui.ui.widgets.notes import NotesPanel
from tui.ui.widgets.reader import Reader

if TYPE_CHECKING:
    from tui.ui.app import KatoApp
    from tui.ui.notebook import Draft, NoteBook, Target
    from tui.ui.screens.export_dialog import ExportChoice

# The notes themselves (tui.ui.notebook, tui.core.notes) load in the worker that reads them, once the first frame is
# out; the screens and the export when first wanted.

REMARKS = {
    "orphaned": "This passage is no longer in the article: it is quoted as it was when the note was written.",
    "ambiguous": "This passage is now in several places in the article: this is the one nearest where it was.",
    "changed": "The article's wording changed: this is the passage as it reads now.",
}
"""What the editor says under a passage that is not where the note left it."""
NOTES_ACTIONS = {"annotate", "export"}
"""The actions that wait for the notes file to be read."""
NOTES_POLL = 2.0
"""Seconds between looks at the notes file for what another window saved (a stat; it is read only when it changed)."""
WORKERS = {"notes", "export"}
"""The names of the workers whose results the keeper takes."""


class NoteKeeper:
    """The notes side of the reader: `a` writes a note, the notes panel lists them, `e` exports them.

    The notes file is read (and each note anchored in the text as it is now) in a worker; every
    change is saved at once by the core's NoteStore. A notes file that cannot be opened leaves the
    reader working without notes, saying why.
    """

    def __init__(self, app: KatoApp, corpus: Corpus, path: Path | None) -> None:
        self.app = app
        self.corpus = corpus
        self.path = path
        """The notes file given on the command line; None for the corpus's file in the data folder."""
        self.notebook: NoteBook | None = None
        """The notes, once the worker has read them."""
        self._note_gone_to: str | None = None
        """The note the panel went to last: enter on it again opens the editor."""
        self._export_format = "md"

    def start(self) -> None:
        """Read and anchor the notes off the event loop (anchoring a changed article takes a fuzzy search per note),
        once the first frame is out."""
        self.app.run_worker(self._open(), exit_on_error=False, name="notes", group="notes")
        self.app.watch(self.app.query_one(NotesPanel), "open", self._panel_opened, init=False)

    async def _open(self) -> NoteBook:
        # Not App.wait_for_refresh: it needs the app's own task, which run_test sets and App.run does not (the notes
        # were never read in the real reader: "Node must be running before calling wait_for_refresh").
        shown = asyncio.Event()
        self.app.call_after_refresh(shown.set)
        await shown.wait()
        return await asyncio.to_thread(_open_notebook, self.corpus, self.path)

    def _panel_opened(self, open: bool) -> None:
        if open:
            self._note_gone_to = None

    @property
    def ready(self) -> bool:
        """Whether the notes file has been read (the note keys wait for it)."""
        return self.notebook is not None

    def _export(self, choice: ExportChoice, notes: tuple[Note, ...], analysis: Analysis | None) -> ExportChoice:
        """Export off the event loop (Markdown and HTML analyse the corpus when the reader has not yet) and write the file."""
        from tui.core.export import export, export_date

        write_atomic(choice.path, export(choice.fmt, self.corpus, notes, date=export_date(), analysis=analysis), private=False)
        return choice

    def worker_changed(self, event: Worker.StateChanged) -> None:
        """Take the notes read, say how an export went, or say why either failed."""
        worker = event.worker
        if worker.name == "notes" and event.state == WorkerState.SUCCESS and worker.result is not None:
            self._notes_loaded(worker.result)
        elif worker.name == "export" and event.state == WorkerState.SUCCESS and worker.result is not None:
            self._tell(f"Exported the notes to {worker.result.path}", timeout=8)
        elif worker.name in WORKERS and event.state == WorkerState.ERROR:
            error = worker.error
            problem = f"{error.filename}: {error.strerror}" if isinstance(error, OSError) and error.filename else str(error)
            what = "The notes could not be read" if worker.name == "notes" else "The export failed"
            self._tell(f"{what}: {(problem.splitlines() or [''])[0]}", severity="error")

    def _notes_loaded(self, notebook: NoteBook) -> None:
        self.notebook = notebook
        if notebook.message:
            self._tell(notebook.message, severity="warning", timeout=15)
        if notebook.error:
            self._tell(f"Notes are off: {notebook.error}", severity="error")
        else:
            self.app.set_interval(NOTES_POLL, self._notes_poll, name="notes-poll")
        self._notes_changed()
        self.app.refresh_bindings()

    def _notes_poll(self) -> None:
        """Show the notes another window saved since: two readers on one story share the notes file."""
        notebook = self.notebook
        # Under a dialog the panel is not on screen to redraw: the next look after it closes takes them in.
        if notebook is None or notebook.store is None or len(self.app.screen_stack) > 1 or not notebook.store.changed_on_disk():
            return
        from tui.core.notes import NotesError

        try:
            changed = notebook.refresh()
        except NotesError as error:
            self._tell(f"Another program changed the notes file, and it cannot be read: {error}", severity="warning", timeout=15)
            return
        if changed:
            self._notes_changed()

    def _notes_changed(self) -> None:
        """Show the notes as they are now: the marks, the panel, the count."""
        notebook = self.notebook
        if notebook is None:
            return
        panel = self.app.query_one(NotesPanel)
        if notebook.store is None:
            panel.show_notes([], "Notes · off", f"Notes are off: {notebook.error}")
        else:
            rows = [(note, self._outlet(note), notebook.status(note)) for note in notebook.notes]
            lost = sum(1 for _, _, status in rows if status in {"orphaned", "ambiguous"})
            title = f"Notes · {notebook.label}" + (f" · {lost} {'needs' if lost == 1 else 'need'} a look" if lost else "")
            panel.show_notes(rows, title, f"No notes yet: a writes one. They are saved in {notebook.store.path}")
        self.app.query_one(StatusBar).notes = notebook.label
        self.app.guide.show_marks()

    def _outlet(self, note: Note) -> str:
        article = self.notebook.article(note) if self.notebook is not None else None
        return article.outlet if article is not None else f"{note.article} (gone)"

    def _tell(self, message: str, *, severity: SeverityLevel = "information", timeout: float = 10) -> None:
        """A notification with text from files or the reader in it: literal, one line."""
        self.app.notify(safe_text(" ".join(message.split())), severity=severity, timeout=timeout, markup=False)

    def _writable(self) -> NoteBook | None:
        """The notebook when notes can be written; else the reader is told why not."""
        if self.notebook is None:
            self.app.notify("The notes are still being read: a moment.", timeout=3)
        elif self.notebook.store is None:
            self._tell(f"Notes are off: {self.notebook.error}", severity="error")
        return self.notebook if self.notebook is not None and self.notebook.store is not None else None

    def annotate(self) -> None:
        """Write a note on the match or dispute gone to last, or on the sentence being read in the focused column."""
        notebook = self._writable()
        target = self._note_target() if notebook is not None else None
        if notebook is None or target is None:
            return
        from tui.ui.screens.note_editor import NoteEditor

        sentences = notebook.sentences(target.article)
        editor = NoteEditor(f"New note · {target.label}", notebook.context(target), target=target, sentences=sentences)
        self.app.push_screen(editor, self._saved_new)

    def _note_target(self) -> Target | None:
        """The match or dispute on show in its details, or gone to last unless the focused column was scrolled
        away from its passage there; else the sentence being read in the focused column."""
        from tui.ui.notebook import dispute_target, group_target
        from tui.ui.screens.dispute_detail import DisputeDetail
        from tui.ui.screens.match_detail import MatchDetail

        view = self.app.query_one(Reader).current_view
        focused = view.article.id
        if isinstance(self.app.screen, MatchDetail):
            return group_target(self.corpus, self.app.screen.group, focused)
        if isinstance(self.app.screen, DisputeDetail):
            return dispute_target(self.corpus, self.app.screen.dispute, focused)
        last = self.app.guide.last
        item = last.current if last is not None else None
        if last is not None and isinstance(item, (MatchGroup, Dispute)):
            spans = [span for span in last.spans(item) if span.article == focused]
            if not spans or any(view.shows(span.start) for span in spans):
                return group_target(self.corpus, item, focused) if isinstance(item, MatchGroup) else dispute_target(self.corpus, item, focused)
        return self.notebook.passage_at(view.article, view.reading_offset) if self.notebook is not None else None

    def _saved_new(self, draft: Draft | None) -> None:
        notebook = self.notebook
        if draft is not None and notebook is not None:
            self._saving(lambda: notebook.add(draft), "Note saved")

    def _saving(self, change: Callable[[], object], done: str) -> None:
        """Make a change to the notes (the store saves it), tell the reader how it went, and show the notes."""
        from tui.core.notes import NotesError

        try:
            change()
        except NotesError as error:
            self._tell(f"{error} (the change is kept while kato-tui runs)", severity="error", timeout=15)
        else:
            self.app.notify(done, timeout=3)
        self._notes_changed()

    def edit(self, note_id: str) -> None:
        """Open the editor on a note; saving changes it."""
        notebook = self._writable()
        if notebook is None:
            return
        note = notebook.get(note_id)
        span, article = notebook.span(note), notebook.article(note)
        passage = article.body[span.start:span.end] if span is not None and article is not None else note.exact
        status = notebook.status(note)
        heading = f"Edit note · {self._outlet(note)}" + (f" · {status}" if status else "")

        def saved(draft: Draft | None) -> None:
            if draft is not None:
                self._saving(lambda: notebook.edit(note_id, draft), "Note saved")

        from tui.ui.screens.note_editor import NoteEditor

        self.app.push_screen(NoteEditor(heading, passage, body=note.body, tags=note.tags, remark=REMARKS.get(status, "")), saved)

    def go_to(self, note_id: str) -> None:
        """Go to the note's passage; on the note gone to already, edit it."""
        if self.notebook is None:
            return
        if note_id == self._note_gone_to:
            self.edit(note_id)
            return
        note = self.notebook.get(note_id)
        span, status = self.notebook.span(note), self.notebook.status(note)
        self._note_gone_to = note_id
        if span is None:
            self._tell("This note's passage is no longer in the article; the note keeps its text (enter again: read it).")
            return
        if not self.app.query_one(Reader).bring(span.article, span.start):
            self._tell(f"This note is on {self._outlet(note)}, a hidden source: show it in the sources panel (s) to go to it.")
            return
        if status == "ambiguous":
            self._tell("The passage is now in several places: this is the nearest to where it was.", timeout=5)

    def delete(self, note_id: str) -> None:
        """Delete a note, once the reader says yes."""
        notebook = self._writable()
        if notebook is None:
            return
        note = notebook.get(note_id)

        def answered(delete: bool | None) -> None:
            if delete:
                self._saving(lambda: self._deleted(notebook, note_id), "Note deleted")

        from tui.ui.screens.confirm import Confirm

        first = next((line for line in note.body.splitlines() if line.strip()), "")
        self.app.push_screen(Confirm("Delete this note?", f"{self._outlet(note)}: {first or note.exact}"), answered)

    def _deleted(self, notebook: NoteBook, note_id: str) -> None:
        if not notebook.delete(note_id):
            self._tell("The note is kept: it was edited in another window meanwhile.", severity="warning")

    def export(self, fmt: str | None = None) -> None:
        """Ask for a format and a file, then export the notes there in a worker."""
        notebook = self._writable()
        if notebook is None:
            return
        from tui.ui.screens.export_dialog import ExportDialog

        stem = "kato-notes" if corpus_key(self.corpus) == "bundled" else f"{slug(self.corpus.name)}-notes"
        dialog = ExportDialog(stem, fmt or self._export_format, notes_path=notebook.store.path if notebook.store else None)
        self.app.push_screen(dialog, self._export_chosen)

    def _export_chosen(self, choice: ExportChoice | None) -> None:
        if choice is None or self.notebook is None or self.notebook.store is None:
            return
        self._export_format = choice.fmt
        work = partial(self._export, choice, self.notebook.store.notes, self.app.analysis)
        self.app.run_worker(work, thread=True, exit_on_error=False, name="export", group="export")
        self.app.notify(f"Exporting {self.notebook.label}…", timeout=3)


def _open_notebook(corpus: Corpus, path: Path | None) -> NoteBook:
    from tui.ui.notebook import NoteBook

    return NoteBook.open(corpus, path)
