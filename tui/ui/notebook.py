"""NoteBook: the reader's notes on the corpus, where each one is in the text now, and what the columns mark.

Plain state, no widget (like the navigators): the app asks it what to mark, what to list and what
a new note is on, and tells it what the reader wrote. Storing is the core's `NoteStore`; this only
keeps the anchors in step with it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from tui.core.model import Article, Corpus, Dispute, MatchGroup, Note, Span
from tui.core.notes import Anchor, NotesError, NoteStore, anchor_notes, make_note
from tui.ui.render import Mark
from tui.ui.widgets.article_view import ArticleView

QUICK_TAGS = ("disputed", "verified", "needs-check")
"""The tags the note editor offers as toggles; any other tag is typed."""

STATUS = {"exact": "", "moved": "moved", "fuzzy": "changed", "ambiguous": "ambiguous", "orphaned": "orphaned"}
"""How the notes panel names where a note's passage is now (nothing when it is where it was)."""


@dataclass(frozen=True)
class Target:
    """What a new note is on: a passage of an article, and the match group or dispute it was reached by."""

    article: Article
    start: int
    end: int
    group: str | None = None
    dispute: str | None = None

    @property
    def text(self) -> str:
        """The passage, as the article has it."""
        return self.article.body[self.start:self.end]

    @property
    def label(self) -> str:
        """Where the passage is: "The Times of India · match g3"."""
        link = f"match {self.group}" if self.group else f"dispute {self.dispute}" if self.dispute else "passage"
        return f"{self.article.outlet} · {link}"


@dataclass(frozen=True)
class Draft:
    """What the reader wrote in the note editor: the text, the tags, and the passage (they may pick another)."""

    body: str
    tags: tuple[str, ...]
    target: Target | None = None


class NoteBook:
    """The notes of one corpus, each with its anchor; read only (no store) when the notes file could not be opened."""

    def __init__(self, corpus: Corpus, store: NoteStore | None, error: str | None = None) -> None:
        self.corpus = corpus
        self.store = store
        self.error = error
        """One line saying why there is no store, when there is none."""
        self.anchors: dict[str, Anchor] = {}
        self._anchored: dict[str, Note] = {}
        """The note each anchor was found for: a note changed since (here or in another window) is anchored again."""
        self._order = {article.id: index for index, article in enumerate(corpus.articles)}
        self._sentences: dict[str, list[tuple[int, int]]] = {}
        self._sync()

    @classmethod
    def open(cls, corpus: Corpus, path: Path | None) -> NoteBook:
        """The corpus's notes from `path` (its file in the user's data folder when None), anchored."""
        try:
            return cls(corpus, NoteStore.for_corpus(corpus, path))
        except NotesError as error:
            return cls(corpus, None, str(error))

    @property
    def message(self) -> str | None:
        """One line for the reader when an unreadable notes file was moved aside."""
        return self.store.message if self.store is not None else None

    @property
    def notes(self) -> list[Note]:
        """Every note in reading order: the corpus's article order, then where its passage is now."""
        notes = self.store.notes if self.store is not None else ()
        return sorted(notes, key=lambda note: (self._order.get(note.article, len(self._order)), self._start(note), note.created))

    @property
    def label(self) -> str:
        """The status: "3 notes", or that notes are off."""
        if self.store is None:
            return "notes off"
        count = len(self.store)
        return f"{count} note{'' if count == 1 else 's'}"

    def status(self, note: Note) -> str:
        """Where the note's passage is now, for the panel: "", "moved", "changed", "ambiguous" or "orphaned"."""
        return STATUS[self.anchors[note.id].status]

    def span(self, note: Note) -> Span | None:
        """Where the note's passage is now: its anchor, the nearest candidate when ambiguous, None when orphaned."""
        found = self.anchors[note.id]
        return found.span or next(iter(found.candidates), None)

    def marks(self) -> dict[str, tuple[Mark, ...]]:
        """Each article's noted passages, by article id, in the note style."""
        marks: dict[str, list[Mark]] = {}
        for note in self.notes:
            span = self.anchors[note.id].span
            if span is not None:
                marks.setdefault(span.article, []).append(Mark(span.start, span.end, ArticleView.NOTE))
        return {article_id: tuple(article_marks) for article_id, article_marks in marks.items()}

    def add(self, draft: Draft) -> Note:
        """Add a note on the draft's passage and save; NotesError when saving failed (the note is kept in memory)."""
        assert self.store is not None and draft.target is not None
        target = draft.target
        note = make_note(target.article, target.start, target.end, draft.body, tags=draft.tags, group=target.group, dispute=target.dispute)
        with self._syncing():
            self.store.add(note)
        return note

    def edit(self, note_id: str, draft: Draft) -> Note:
        """Change a note's text and tags and save; NotesError when saving failed (the change is kept in memory)."""
        assert self.store is not None
        with self._syncing():
            return self.store.edit(note_id, body=draft.body, tags=draft.tags)

    def delete(self, note_id: str) -> bool:
        """Remove a note and save; whether it is gone (a note another window edited meanwhile stays).
        NotesError when saving failed (the note is gone from memory)."""
        assert self.store is not None
        with self._syncing():
            self.store.delete(note_id)
        return note_id not in self.anchors

    def refresh(self) -> bool:
        """Take in the notes another window saved since; whether they changed. NotesError when the file cannot be read."""
        if self.store is None or not self.store.refresh():
            return False
        self._sync()
        return True

    @contextmanager
    def _syncing(self) -> Iterator[None]:
        """Anchor the notes after a change, saved or not: a save also brings in what other windows saved."""
        try:
            yield
        finally:
            self._sync()

    def _sync(self) -> None:
        """Anchor the notes that are new or changed since they were last anchored; forget the ones gone."""
        notes = {note.id: note for note in self.store.notes} if self.store is not None else {}
        changed = [note for note in notes.values() if self._anchored.get(note.id) != note]
        self.anchors.update(anchor_notes(changed, self.corpus))
        self._anchored.update((note.id, note) for note in changed)
        for gone in set(self.anchors) - set(notes):
            del self.anchors[gone], self._anchored[gone]

    def get(self, note_id: str) -> Note:
        """The note with this id; KeyError if there is none."""
        assert self.store is not None
        return self.store.get(note_id)

    def article(self, note: Note) -> Article | None:
        """The note's article; None when it is no longer in the corpus."""
        try:
            return self.corpus.article(note.article)
        except KeyError:
            return None

    def sentences(self, article: Article) -> list[tuple[int, int]]:
        """The (start, end) of each sentence of an article, made once per article."""
        if article.id not in self._sentences:
            from tui.core.segment import sentences  # loaded when a note is first written, not at start-up

            self._sentences[article.id] = sentences(article.body) or [(0, len(article.body))]
        return self._sentences[article.id]

    def passage_at(self, article: Article, offset: int) -> Target | None:
        """The sentence that holds `offset`, else the first one after it (the last one at the end); None for an empty body."""
        if not article.body.strip():
            return None
        spans = self.sentences(article)
        start, end = next((span for span in spans if offset < span[1]), spans[-1])
        return Target(article, start, end)

    def context(self, target: Target) -> tuple[str, int, int]:
        """The sentence around a short passage (a disputed figure), and where the passage is in it; the passage alone otherwise."""
        around = self.passage_at(target.article, target.start)
        if around is None or not (around.start <= target.start and target.end <= around.end):
            return target.text, 0, len(target.text)
        return around.text, target.start - around.start, target.end - around.start

    def _start(self, note: Note) -> int:
        span = self.span(note)
        return span.start if span is not None else note.start


def group_target(corpus: Corpus, group: MatchGroup, focused: str) -> Target:
    """A note on a match group: its passage in the focused article if it has one, else its first."""
    return _target_of(corpus, [member.span for member in group.members], focused, group=group.id)


def dispute_target(corpus: Corpus, dispute: Dispute, focused: str) -> Target:
    """A note on a dispute: the focused article's version if it has one, else the first version."""
    return _target_of(corpus, [version.span for version in dispute.versions], focused, dispute=dispute.id)


def _target_of(corpus: Corpus, spans: Iterable[Span], focused: str, *, group: str | None = None, dispute: str | None = None) -> Target:
    spans = list(spans)
    span = next((span for span in spans if span.article == focused), spans[0])
    return Target(corpus.article(span.article), span.start, span.end, group=group, dispute=dispute)
