"""NoteStore: the reader's notes on one corpus, anchored by W3C selectors and saved atomically on every change.

The notes file (UTF-8 JSON, one per corpus)::

    {
      "format": "kato-tui-notes",
      "version": 1,
      "corpus": "/path/to/the/corpus/folder",      # informational: which corpus the notes were made on
      "notes": [
        {
          "id": "0b7e4d0c-...",                       # a UUID
          "target": {
            "source": "toi",                          # the article id (the slug of its file name)
            "selector": [
              {"type": "TextQuoteSelector", "exact": "...", "prefix": "...", "suffix": "..."},
              {"type": "TextPositionSelector", "start": 120, "end": 188}
            ]
          },
          "group": "g3",                              # the match group noted on, or null
          "dispute": null,                            # the dispute noted on, or null
          "body": "the note",
          "tags": ["money"],
          "created": "2026-11-21T12:05:01Z",
          "modified": "2026-11-21T12:05:01Z"
        }
      ]
    }

The target follows the W3C Web Annotation model: the quote selector holds the passage with up to
CONTEXT characters either side, the position selector its character offsets into the article body as
loaded. `anchor()` finds the passage again after the article changed (see its docstring).

Saving: every add, edit and delete rewrites the file atomically (a temporary file in the same folder is
written, flushed and fsynced, then renamed over the old one; the folder is fsynced where the OS allows),
so a crash or a full disk leaves either the old file or the new one, never half of one. When a save
fails, NotesError is raised, the file keeps the last saved notes and the change stays in memory, so
the next successful save writes it too.

Sharing: two reader windows on one story share its notes file. Each save holds a lock file beside it
(``.notes.json.lock``, through filelock), reads what is on disk and merges it with the store's notes by
id before writing (see `merge`), so a save never drops a note another window saved; a window takes in
the others' saves on its next save, or when it calls `NoteStore.refresh` (the reader does when the
file's stamp changes). A save that was interrupted leaves ``.notes.json.<random>.tmp``: one older than
STALE_AFTER is deleted at the next open or save, while holding the lock.

A notes file whose content cannot be read (not UTF-8, not JSON, not the shape above) is never
overwritten: the store moves it aside (``notes.json.unreadable-20261121-120501``), starts with no notes
and says where the old file went in ``NoteStore.message``. A file that cannot be opened at all (no
permission), is not a regular file (a FIFO or a device would be read forever), is over MAX_SIZE or was
written by a newer kato-tui raises NotesError instead: its content may be fine, or not ours.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import re
import stat
import time
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal

from platformdirs import user_data_dir

# rapidfuzz (anchoring) and filelock (saving) are imported where they are used: the reader's first frame does without them.
from tui.core.corpus import corpus_key, slug
from tui.core.files import BadFile, write_atomic
from tui.core.model import Article, Corpus, Note, Span

FORMAT = "kato-tui-notes"
VERSION = 1
MAX_SIZE = 64 * 2**20
"""The largest notes file read, in bytes: ten thousand long notes fit in a few MB, and a bigger file is
someone else's (a disk image, a log) that `--notes` was pointed at by mistake."""
CONTEXT = 32
"""Characters of context kept either side of a passage (TextQuoteSelector prefix and suffix)."""

Clock = Callable[[], dt.datetime]
AnchorStatus = Literal["exact", "moved", "fuzzy", "ambiguous", "orphaned"]


class NotesError(BadFile):
    """A notes file that cannot be read or saved; ``str()`` is one line naming the file and the problem."""

    def __init__(self, path: Path | str, problem: str, *, unreadable: bool = False) -> None:
        super().__init__(path, problem)
        self.unreadable = unreadable
        """True when the content is bad (so it may be moved aside), False when the file could not be opened or written."""


# Where the notes live ----------------------------------------------------------------------------


def default_notes_path(corpus: Corpus, data_dir: Path | None = None) -> Path:
    """One file per corpus in the user's data folder: ``<folder slug>-<8 hex of its path's sha256>.json``."""
    key = corpus_key(corpus)
    folder = Path(data_dir) if data_dir is not None else Path(user_data_dir("kato-tui", appauthor=False))
    if key == "bundled":
        return folder / "bundled-story.json"
    digest = hashlib.sha256(key.encode("utf-8", "surrogateescape")).hexdigest()[:8]
    return folder / f"{slug(Path(key).name or key)}-{digest}.json"


# Making notes ------------------------------------------------------------------------------------


def utc_now() -> dt.datetime:
    """The current time in UTC (the store's default clock)."""
    return dt.datetime.now(dt.timezone.utc)


def timestamp(moment: dt.datetime) -> str:
    """An xsd:dateTime in UTC to the second, as W3C annotations write them: 2026-11-21T12:05:01Z."""
    return moment.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def clean_tags(tags: Iterable[str]) -> tuple[str, ...]:
    """Tags without a leading '#' or surrounding space, empty ones dropped, each once, in order."""
    cleaned = (" ".join(tag.split()).lstrip("#").strip() for tag in tags)
    return tuple(dict.fromkeys(tag for tag in cleaned if tag))


def selectors(body: str, start: int, end: int) -> dict[str, Any]:
    """The selector fields of a Note for ``body[start:end]``: exact, prefix, suffix, start, end."""
    if not 0 <= start < end <= len(body):
        raise ValueError(f"no passage at {start}:{end} in a text of {len(body)} characters")
    return {
        "exact": body[start:end],
        "prefix": body[max(0, start - CONTEXT):start],
        "suffix": body[end:end + CONTEXT],
        "start": start,
        "end": end,
    }


def make_note(
    article: Article,
    start: int,
    end: int,
    body: str = "",
    *,
    tags: Iterable[str] = (),
    group: str | None = None,
    dispute: str | None = None,
    now: dt.datetime | None = None,
    note_id: str | None = None,
) -> Note:
    """A new note on ``article.body[start:end]``; ValueError when that is not a passage of the article."""
    stamp = timestamp(now or utc_now())
    return Note(
        id=note_id or str(uuid.uuid4()),
        article=article.id,
        body=body,
        tags=clean_tags(tags),
        group=group,
        dispute=dispute,
        created=stamp,
        modified=stamp,
        **selectors(article.body, start, end),
    )


# Anchoring ---------------------------------------------------------------------------------------

MIN_SCORE = 70.0
"""The least combined score (quote and context, 0-100) for a passage found elsewhere."""
MIN_QUOTE = 65.0
"""The least similarity of the quote itself for a fuzzy place: context alone is not the passage."""
MARGIN = 5.0
"""How far a fuzzy place must beat the runner-up; closer than this is ambiguous."""
TIE = 0.5
"""Two exact occurrences closer than this in score are equally good: ambiguous."""
UNIQUE_LENGTH = 16
"""An exact quote at least this long found once in the article is the passage, whatever its context."""
_FUZZY_PLACES = 3
_SEED = 64
_MASK = "\x00"


@dataclass(frozen=True)
class Anchor:
    """Where a note's passage is in the article's current text."""

    status: AnchorStatus
    span: Span | None
    """The passage now; None when orphaned or ambiguous."""
    score: float = 0.0
    """How well the place matches the quote and its context, 0-100."""
    candidates: tuple[Span, ...] = ()
    """When ambiguous: the equally good places, nearest the note's old position first."""


@dataclass(frozen=True)
class _Place:
    start: int
    end: int
    score: float
    quote: float
    exact: bool


def anchor(note: Note, body: str) -> Anchor:
    """Find the note's passage in ``body``.

    "exact": the old position still holds the quote, and no other copy of it sits better between the
    note's old neighbours. "moved": the quote is found elsewhere (the only copy of a quote of at
    least UNIQUE_LENGTH characters, else the occurrence whose prefix and suffix match best). "fuzzy":
    the quote changed; rapidfuzz finds the place scored on the quote and its context, at least
    MIN_SCORE and MARGIN over the runner-up. "ambiguous": several places are equally good, so none
    is picked. "orphaned": the passage is gone.
    """
    if not note.exact or not body:
        return Anchor("orphaned", None)
    starts = _occurrences(note.exact, body)
    settled = _settled(note, body, starts)
    if settled is not None:
        return settled
    places = sorted(_places(note, body, starts), key=lambda place: (-place.score, abs(place.start - note.start)))
    places = [place for place in places if _acceptable(place)]
    if not places:
        return Anchor("orphaned", None)
    best, rivals = places[0], _rivals(places)
    if rivals:
        spans = sorted((best, *rivals), key=lambda place: (abs(place.start - note.start), place.start))
        return Anchor("ambiguous", None, round(best.score, 1), tuple(Span(note.article, p.start, p.end) for p in spans))
    return Anchor("moved" if best.exact else "fuzzy", Span(note.article, best.start, best.end), round(best.score, 1))


def _settled(note: Note, body: str, starts: list[int]) -> Anchor | None:
    """The anchor when the exact copies alone decide it, before any fuzzy search: the only copy when it
    is at the old position or long enough to be the passage wherever it is (a near copy beside it,
    such as a false start, is not the passage), or the copy at the old position when no other sits
    even slightly better between the note's neighbours (a copy may have moved onto it: then the
    scoring below picks the better copy, or calls them ambiguous when they are too close to tell)."""
    length, here = len(note.exact), Anchor("exact", Span(note.article, note.start, note.end), 100.0)
    if starts == [note.start]:
        return here
    if len(starts) == 1 and length >= UNIQUE_LENGTH:
        only = _score(note, body, starts[0], starts[0] + length, exact=True)
        return Anchor("moved", Span(note.article, only.start, only.end), round(only.score, 1))
    if note.start not in starts:
        return None
    scores = {start: _score(note, body, start, start + length, exact=True).score for start in starts}
    if scores[note.start] < max(scores.values()):
        return None
    return here


def _acceptable(place: _Place) -> bool:
    if place.exact:
        return place.score >= MIN_SCORE
    return place.quote >= MIN_QUOTE and place.score >= MIN_SCORE


def _rivals(places: list[_Place]) -> list[_Place]:
    """The places other than the best that score too close to it to choose between them."""
    best = places[0]
    rivals: list[_Place] = []
    for place in places[1:]:
        overlaps = place.start < best.end and best.start < place.end
        margin = TIE if best.exact and place.exact else MARGIN
        if not overlaps and best.score - place.score < margin:
            rivals.append(place)
    return rivals


def _places(note: Note, body: str, occurrences: list[int]) -> list[_Place]:
    """Every occurrence of the exact quote, plus the best fuzzy places elsewhere."""
    places = [_score(note, body, start, start + len(note.exact), exact=True) for start in occurrences]
    masked = _mask(body, ((start, start + len(note.exact)) for start in occurrences))
    places += [_score(note, body, start, end, exact=False) for start, end in _fuzzy_spans(note, masked)]
    return places


def _occurrences(exact: str, body: str) -> list[int]:
    """The start of every occurrence of exact in body, overlapping ones included."""
    starts, found = [], body.find(exact)
    while found >= 0:
        starts.append(found)
        found = body.find(exact, found + 1)
    return starts


def _mask(body: str, spans: Iterable[tuple[int, int]]) -> str:
    """The body with these spans blotted out, offsets unchanged, so a search looks elsewhere."""
    chars = list(body)
    for start, end in spans:
        chars[start:end] = _MASK * (end - start)
    return "".join(chars)


def _fuzzy_spans(note: Note, masked: str) -> set[tuple[int, int]]:
    """Places for a changed quote: the best alignments of the quote (or of its seeds), and the place
    its context points at.

    rapidfuzz's partial_ratio_alignment does the search in C over the whole text; each place found is
    blotted out before looking for the next, so the runner-up is a different place.
    """
    from rapidfuzz import fuzz
    spans: set[tuple[int, int]] = set()
    for offset, seed in _seeds(note.exact):
        text = masked
        for _ in range(_FUZZY_PLACES):
            found = fuzz.partial_ratio_alignment(seed, text)
            if found is None or found.score <= 0 or found.dest_end <= found.dest_start:
                break
            guess = (max(0, found.dest_start - offset), min(len(masked), found.dest_start - offset + len(note.exact)))
            refined = _refine(note, masked, *guess)
            if refined is not None:
                spans.add(refined)
            text = _mask(text, [(found.dest_start, found.dest_end)])
    in_context = _context_span(note, masked)
    if in_context is not None:
        spans.add(in_context)
    return spans


def _seeds(exact: str) -> list[tuple[int, str]]:
    """What to search for: the quote itself, or for a long one its start, middle and end (rapidfuzz
    aligns a needle of up to 64 characters in one fast pass; a long one takes far longer, and one
    changed word leaves at least two of the three intact)."""
    if len(exact) <= 2 * _SEED:
        return [(0, exact)]
    middle = (len(exact) - _SEED) // 2
    return [(0, exact[:_SEED]), (middle, exact[middle:middle + _SEED]), (len(exact) - _SEED, exact[-_SEED:])]


def _context_span(note: Note, masked: str) -> tuple[int, int] | None:
    """Where prefix + quote + suffix align best, narrowed to the quote: finds an edited short passage
    that still sits between its old neighbours even when the quote alone matches many places."""
    from rapidfuzz import fuzz
    if not note.prefix and not note.suffix or len(note.exact) > 2 * _SEED:
        return None
    around = fuzz.partial_ratio_alignment(note.prefix + note.exact + note.suffix, masked)
    if around is None or around.dest_end <= around.dest_start:
        return None
    region = masked[around.dest_start:around.dest_end]
    inside = fuzz.partial_ratio_alignment(note.exact, region)
    if inside is None or inside.dest_end <= inside.dest_start:
        return None
    return _refine(note, masked, around.dest_start + inside.dest_start, around.dest_start + inside.dest_end)


def _refine(note: Note, body: str, start: int, end: int) -> tuple[int, int] | None:
    """Move the ends of an alignment to the word boundaries nearby where the quote and its context fit
    best: an alignment's window is as long as the quote, so a changed first or last word, or a longer
    one, leaves it off by a few characters, and only the context tells where the passage ends.
    Each end is placed in turn (start, end, start again): a few dozen comparisons, not every pair.
    None when every choice would take in a blotted-out place (an exact occurrence, or one found before)."""
    reach = min(32, max(4, len(note.exact) // 4))
    starts = _boundaries(body, start - reach, start + reach) | {start}
    ends = _boundaries(body, end - reach, end + reach) | {end}
    span = _best_fit(note, body, [(s, end) for s in starts], (start, end))
    if span is not None:
        span = _best_fit(note, body, [(span[0], e) for e in ends], span)
    if span is not None:
        span = _best_fit(note, body, [(s, span[1]) for s in starts], span)
    return span


def _best_fit(note: Note, body: str, spans: list[tuple[int, int]], near: tuple[int, int]) -> tuple[int, int] | None:
    """The span that fits best as the passage (nearest ``near`` among equals); None when none can."""
    scored = [
        (_fit(note, body, s, e), -abs(s - near[0]) - abs(e - near[1]), s, e)
        for s, e in spans if s < e and _MASK not in body[s:e]
    ]
    if not scored:
        return None
    _, _, start, end = max(scored)
    return start, end


def _fit(note: Note, body: str, start: int, end: int) -> float:
    """How well body[start:end] fits as the passage: unlike _score, both sides of the context count
    alike, as each end of the passage is placed by its own side."""
    from rapidfuzz import fuzz
    weight = _quote_weight(note)
    sides = _prefix_score(note.prefix, body, start) + _suffix_score(note.suffix, body, end)
    return weight * fuzz.ratio(note.exact, body[start:end]) + (1 - weight) * sides / 2


def _boundaries(body: str, low: int, high: int) -> set[int]:
    """Offsets in [low, high] where a word, a run of spaces or of punctuation starts or ends."""
    low, high = max(0, low), min(len(body), high)
    return {index for index in range(low, high + 1) if _kind(body, index - 1) != _kind(body, index)}


def _kind(body: str, index: int) -> int:
    """-1 outside the text, 0 a space, 1 a letter or digit, 2 anything else."""
    if not 0 <= index < len(body):
        return -1
    char = body[index]
    return 0 if char.isspace() else 1 if char.isalnum() or char == "_" else 2


def _score(note: Note, body: str, start: int, end: int, *, exact: bool) -> _Place:
    """The quote's similarity and its context's, weighted by the quote's length: a short quote
    ("Kato") says little on its own, so its context decides more."""
    from rapidfuzz import fuzz
    quote = 100.0 if exact else fuzz.ratio(note.exact, body[start:end])
    sides = sorted((_prefix_score(note.prefix, body, start), _suffix_score(note.suffix, body, end)))
    # Text inserted or edited right next to the passage spoils one side only: the better side counts most.
    context = 0.25 * sides[0] + 0.75 * sides[1]
    weight = _quote_weight(note)
    return _Place(start, end, weight * quote + (1 - weight) * context, quote, exact)


def _quote_weight(note: Note) -> float:
    length = min(len(note.exact), 96)
    return length / (length + CONTEXT)


def _prefix_score(prefix: str, body: str, start: int) -> float:
    from rapidfuzz import fuzz
    # Compared with as much text as a new prefix would hold: an empty prefix only matches the article's start.
    return fuzz.ratio(prefix, body[max(0, start - CONTEXT):start])


def _suffix_score(suffix: str, body: str, end: int) -> float:
    from rapidfuzz import fuzz
    return fuzz.ratio(suffix, body[end:end + CONTEXT])


def anchor_notes(notes: Iterable[Note], corpus: Corpus) -> dict[str, Anchor]:
    """Each note's anchor by id; a note on an article that is no longer in the corpus is orphaned."""
    bodies = {article.id: article.body for article in corpus.articles}
    return {
        note.id: anchor(note, bodies[note.article]) if note.article in bodies else Anchor("orphaned", None)
        for note in notes
    }


# The file ----------------------------------------------------------------------------------------


def note_to_json(note: Note) -> dict[str, Any]:
    """One note as it is stored (see the module docstring)."""
    return {
        "id": note.id,
        "target": {
            "source": note.article,
            "selector": [
                {"type": "TextQuoteSelector", "exact": note.exact, "prefix": note.prefix, "suffix": note.suffix},
                {"type": "TextPositionSelector", "start": note.start, "end": note.end},
            ],
        },
        "group": note.group,
        "dispute": note.dispute,
        "body": note.body,
        "tags": list(note.tags),
        "created": note.created,
        "modified": note.modified,
    }


def notes_to_json(notes: Iterable[Note], corpus: str = "") -> str:
    """The whole notes file's text."""
    data = {"format": FORMAT, "version": VERSION, "corpus": corpus, "notes": [note_to_json(note) for note in notes]}
    return dumps(data)


def dumps(data: object) -> str:
    """Indented JSON, non-ASCII text as itself; a lone surrogate (only a hand-edited file can hold
    one, and UTF-8 cannot) makes it fall back to \\u escapes rather than fail to save."""
    text = json.dumps(data, ensure_ascii=False, indent=2)
    if any("\ud800" <= char <= "\udfff" for char in text):
        text = json.dumps(data, ensure_ascii=True, indent=2)
    return text + "\n"


def read_notes(path: Path) -> tuple[Note, ...]:
    """The notes in a notes file; none when it does not exist. NotesError when it cannot be read."""
    try:
        data = read_limited(path)
    except FileNotFoundError:
        return ()
    except OSError as error:
        raise NotesError(path, f"cannot be read ({error.strerror or error})") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise NotesError(path, f"not UTF-8 text (byte {error.start})", unreadable=True) from None
    return parse_notes(path, text)


def read_limited(path: Path) -> bytes:
    """The bytes of a regular file of at most MAX_SIZE; NotesError for anything else (a FIFO or a
    device would be read forever). Opened without blocking and checked on the open handle, so a file
    swapped for a FIFO after a look at its name is caught too."""
    handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        _check_file(path, os.fstat(handle))
        with os.fdopen(handle, "rb", closefd=False) as stream:
            data = stream.read(MAX_SIZE + 1)
    finally:
        os.close(handle)
    if len(data) > MAX_SIZE:
        raise _too_big(path, len(data))
    return data


def check_notes_file(path: Path) -> None:
    """NotesError when something is at ``path`` that cannot be a notes file (a FIFO, a device, a folder,
    a file over MAX_SIZE), so that ``--notes`` is refused before the reader starts; none is fine."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return
    except OSError as error:
        raise NotesError(path, f"cannot be read ({error.strerror or error})") from None
    _check_file(path, info)


def _check_file(path: Path, info: os.stat_result) -> None:
    if not stat.S_ISREG(info.st_mode):
        raise NotesError(path, f"cannot be read: it is {_kind_of(info.st_mode)}, not a notes file")
    if info.st_size > MAX_SIZE:
        raise _too_big(path, info.st_size)


def _too_big(path: Path, size: int) -> NotesError:
    return NotesError(path, f"is {size / 2**20:.0f} MB, more than a notes file can be ({MAX_SIZE // 2**20} MB): is it the right file?")


def _kind_of(mode: int) -> str:
    """What a file that is not a regular file is, in words."""
    kinds = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device"), (stat.S_ISSOCK, "a socket"))
    return next((name for test, name in kinds if test(mode)), "not a regular file")


def parse_notes(path: Path, text: str) -> tuple[Note, ...]:
    """The notes in a notes file's text; NotesError names what is wrong with it."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise NotesError(path, f"not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})", unreadable=True) from None
    except RecursionError:
        raise NotesError(path, "not valid JSON (nested too deeply to read)", unreadable=True) from None
    except ValueError as error:
        # What the parser refuses past its syntax: a number of more than 4,300 digits, say.
        raise NotesError(path, f"not valid JSON ({str(error).split(';')[0]})", unreadable=True) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise NotesError(path, f'not a kato-tui notes file (expected {{"format": "{FORMAT}", ...}})', unreadable=True)
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise NotesError(path, f"bad version {version!r} (expected a number from 1)", unreadable=True)
    # Checked before the shape: a newer kato-tui may have changed it, and such a file is not broken.
    if version > VERSION:
        raise NotesError(path, f"written by a newer kato-tui (notes version {version}; this one reads {VERSION}): upgrade kato-tui")
    if not isinstance(data.get("notes"), list):
        raise NotesError(path, '"notes" should be a list of notes', unreadable=True)
    notes = tuple(_parse_note(path, number, item) for number, item in enumerate(data["notes"], 1))
    _check_unique(path, notes)
    return notes


def _parse_note(path: Path, number: int, item: object) -> Note:
    try:
        return _note_from_json(item)
    except KeyError as error:
        raise NotesError(path, f"note {number} has no {error}", unreadable=True) from None
    except (TypeError, ValueError, IndexError) as error:
        raise NotesError(path, f"note {number} is not a note ({error})", unreadable=True) from None


def _note_from_json(item: Any) -> Note:
    target = item["target"]
    quote = _selector(target, "TextQuoteSelector")
    position = _selector(target, "TextPositionSelector")
    note = Note(
        id=_text(item, "id"),
        article=_text(target, "source"),
        exact=_text(quote, "exact"),
        prefix=_text(quote, "prefix"),
        suffix=_text(quote, "suffix"),
        start=_offset(position, "start"),
        end=_offset(position, "end"),
        body=_text(item, "body"),
        tags=clean_tags(_text_list(item, "tags")),
        group=_optional_text(item, "group"),
        dispute=_optional_text(item, "dispute"),
        created=_text(item, "created"),
        modified=_text(item, "modified"),
    )
    if note.end - note.start != len(note.exact) or not note.exact or not note.id:
        raise ValueError("its position does not fit its quote")
    return note


def _selector(target: Any, kind: str) -> Any:
    found = [selector for selector in target["selector"] if isinstance(selector, dict) and selector.get("type") == kind]
    if len(found) != 1:
        raise ValueError(f"needs one {kind}")
    return found[0]


def _text(data: Any, key: str) -> str:
    value = data[key]
    if not isinstance(value, str):
        raise TypeError(f"{key} should be text")
    return _whole(value, key)


_SURROGATE = re.compile("[\ud800-\udfff]")


def _whole(value: str, key: str) -> str:
    """The text, unless it holds half of a UTF-16 pair (a "\\ud800" escape), which is not text."""
    if _SURROGATE.search(value):
        raise ValueError(f"{key} holds half of a UTF-16 pair (a \\ud800 escape), which is not text")
    return value


def _optional_text(data: Any, key: str) -> str | None:
    return None if data.get(key) is None else _text(data, key)


def _text_list(data: Any, key: str) -> list[str]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise TypeError(f"{key} should be a list of text")
    return [_whole(item, key) for item in value]


def _offset(data: Any, key: str) -> int:
    value = data[key]
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ValueError(f"{key} should be a whole number from 0")
    return value


def _check_unique(path: Path, notes: tuple[Note, ...]) -> None:
    seen: set[str] = set()
    for number, note in enumerate(notes, 1):
        if note.id in seen:
            raise NotesError(path, f"note {number} has the same id as an earlier one ({note.id})", unreadable=True)
        seen.add(note.id)


def move_aside(path: Path, moment: dt.datetime) -> Path:
    """Rename an unreadable file to ``<name>.unreadable-<YYYYmmdd-HHMMSS>`` (``-2``... if taken); the new path."""
    base = path.with_name(f"{path.name}.unreadable-{moment:%Y%m%d-%H%M%S}")
    aside, number = base, 2
    while aside.exists():
        aside, number = base.with_name(f"{base.name}-{number}"), number + 1
    os.rename(path, aside)
    return aside


# Sharing the file --------------------------------------------------------------------------------

LOCK_TIMEOUT = 10.0
"""Seconds a save waits for another kato-tui's save of the same file; a save takes milliseconds."""
STALE_AFTER = 3600.0
"""Seconds after which a temporary file of a save is a leftover of one that was interrupted."""
KEPT_ASIDE = "--- also written elsewhere ({modified}), kept here so that nothing is lost ---"
"""Heads the older text of a note edited in two windows at once, appended to the newer text."""

Stamp = tuple[int, int, int]
"""What tells that a file changed: its modification time (ns), size and inode (a save makes a new file)."""


def file_stamp(path: Path) -> Stamp | None:
    """The file's stamp; None when there is no file."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_mtime_ns, info.st_size, info.st_ino


def lock_path(path: Path) -> Path:
    """The lock file beside a notes file: ``.notes.json.lock``."""
    return path.with_name(f".{path.name}.lock")


def merge(base: dict[str, Note], mine: dict[str, Note], theirs: dict[str, Note]) -> dict[str, Note]:
    """Two versions of the notes that both started from ``base``, joined note by note: a change made on
    one side only is taken, a note added on either side is kept, a note deleted on one side and edited
    on the other is kept, and one edited on both sides keeps both texts (see `reconcile`). The order
    is theirs, then the notes only mine has."""
    merged = {}
    for note_id in {**theirs, **mine}:
        note = _merge_one(base.get(note_id), mine.get(note_id), theirs.get(note_id))
        if note is not None:
            merged[note_id] = note
    return merged


def _merge_one(base: Note | None, mine: Note | None, theirs: Note | None) -> Note | None:
    """One note of `merge`; None when it is deleted."""
    if mine == theirs or theirs == base:
        return mine
    if mine == base:
        return theirs
    if mine is None or theirs is None:
        # Deleted on one side, edited on the other: the edit says the note is still wanted.
        return mine or theirs
    return reconcile(mine, theirs)


def reconcile(one: Note, other: Note) -> Note:
    """A note edited in two places: the newer edit (by its modified stamp), the older text appended
    under KEPT_ASIDE unless the newer already holds it, the tags of both."""
    older, newer = sorted((one, other), key=lambda note: (note.modified, note.body, note.tags, note.start))
    body = newer.body
    if older.body.strip() and older.body not in newer.body:
        body = f"{newer.body.rstrip()}\n\n{KEPT_ASIDE.format(modified=older.modified)}\n{older.body}".lstrip()
    return replace(newer, body=body, tags=clean_tags(newer.tags + older.tags))


def leftovers(path: Path) -> list[Path]:
    """Temporary files of this notes file's saves (``.notes.json.<random>.tmp``) older than STALE_AFTER."""
    prefix, moment = f".{path.name}.", time.time()
    try:
        names = os.listdir(path.parent)
    except OSError:
        return []
    found = []
    for name in names:
        # mkstemp's random part is letters, digits and "_": a longer middle is another notes file's.
        middle = name[len(prefix):-len(".tmp")] if name.startswith(prefix) and name.endswith(".tmp") else ""
        if middle and all(char.isalnum() or char == "_" for char in middle) and _age(path.parent / name, moment) > STALE_AFTER:
            found.append(path.parent / name)
    return found


def _age(path: Path, now: float) -> float:
    try:
        return now - os.stat(path, follow_symlinks=False).st_mtime
    except OSError:
        return 0.0


def remove_leftovers(path: Path) -> list[Path]:
    """Delete the stale temporary files of interrupted saves; the ones deleted. Call it holding the lock,
    so that no save of a running kato-tui is writing one of them."""
    removed = []
    for leftover in leftovers(path):
        with contextlib.suppress(OSError):
            os.unlink(leftover)
            removed.append(leftover)
    return removed


# The store ---------------------------------------------------------------------------------------


class NoteStore:
    """The notes of one corpus, saved to ``path`` at once after every change, and shared safely with
    any other kato-tui that has the same file open.

    Each save holds the file's lock (``.notes.json.lock``), reads what is on disk, merges it with this
    store's notes by id (see `merge`: the notes as last read or written are the common ancestor) and
    writes the result, so a save never drops what another window saved. `refresh` takes in another
    window's saves without writing; `changed_on_disk` tells cheaply when there is something to take in.

    ``message`` is None, or one line for the reader when the notes file could not be read and was
    moved aside (it names where). Opening raises NotesError when the file can be neither read nor
    moved aside, is not a regular file of at most MAX_SIZE, or was written by a newer kato-tui.
    """

    def __init__(self, path: Path, *, corpus: str = "", clock: Clock = utc_now) -> None:
        from filelock import FileLock
        self.path = Path(path).expanduser()
        self.corpus = corpus
        self.message: str | None = None
        self._clock = clock
        self._notes: dict[str, Note] = {}
        self._base: dict[str, Note] = {}
        """The notes as last read from or written to the file: what both sides of a merge started from."""
        self._gone: dict[str, Note] = {}
        """Notes another window deleted, kept so that an edit already begun here brings them back."""
        self._seen: Stamp | None = None
        self._lock = FileLock(str(lock_path(self.path)), timeout=LOCK_TIMEOUT)
        self._load()
        self._tidy()

    @classmethod
    def for_corpus(cls, corpus: Corpus, path: Path | None = None, *, clock: Clock = utc_now) -> NoteStore:
        """The store of this corpus: ``path`` (``--notes FILE``), else its file in the user's data folder."""
        return cls(path if path is not None else default_notes_path(corpus), corpus=corpus_key(corpus), clock=clock)

    def _load(self) -> None:
        self._seen = file_stamp(self.path)
        try:
            notes = read_notes(self.path)
        except NotesError as error:
            if not error.unreadable:
                raise
            notes = ()
            aside = self._keep_aside(error)
            self.message = f"{self.path}: {error.problem}; kept as {aside} (nothing in it is lost); starting with no notes"
        self._notes = {note.id: note for note in notes}
        self._base = dict(self._notes)

    def _keep_aside(self, error: NotesError) -> Path:
        try:
            return move_aside(self.path, self._clock().astimezone())
        except OSError as problem:
            raise NotesError(self.path, f"{error.problem}; and it cannot be moved aside ({problem.strerror or problem}), so it is left as it is") from None

    def _tidy(self) -> None:
        """Delete what interrupted saves left, when no other kato-tui is saving (the lock is free at once)."""
        from filelock import Timeout
        if not leftovers(self.path):
            return
        with contextlib.suppress(Timeout, OSError), self._lock.acquire(timeout=0):
            remove_leftovers(self.path)

    @property
    def notes(self) -> tuple[Note, ...]:
        """Every note, in the order they were added."""
        return tuple(self._notes.values())

    def __len__(self) -> int:
        return len(self._notes)

    def get(self, note_id: str) -> Note:
        """The note with this id; KeyError if there is none."""
        return self._notes[note_id]

    def for_article(self, article_id: str) -> tuple[Note, ...]:
        """The notes on one article, in the order they were added."""
        return tuple(note for note in self._notes.values() if note.article == article_id)

    def new(
        self,
        article: Article,
        start: int,
        end: int,
        body: str = "",
        *,
        tags: Iterable[str] = (),
        group: str | None = None,
        dispute: str | None = None,
    ) -> Note:
        """Make a note on ``article.body[start:end]``, add it and save."""
        note = make_note(article, start, end, body, tags=tags, group=group, dispute=dispute, now=self._clock())
        return self.add(note)

    def add(self, note: Note) -> Note:
        """Add a note (ValueError if its id is taken) and save."""
        if note.id in self._notes:
            raise ValueError(f"there is already a note {note.id}")
        self._notes[note.id] = note
        self.save()
        return note

    def edit(self, note_id: str, *, body: str | None = None, tags: Iterable[str] | None = None) -> Note:
        """Change a note's text or tags, stamp it modified and save; a note another window deleted meanwhile comes back."""
        note = self._current(note_id)
        changes: dict[str, Any] = {"modified": timestamp(self._clock())}
        if body is not None:
            changes["body"] = body
        if tags is not None:
            changes["tags"] = clean_tags(tags)
        return self._replace(replace(note, **changes))

    def retarget(self, note_id: str, article: Article, start: int, end: int) -> Note:
        """Point a note at ``article.body[start:end]`` (e.g. when the reader accepts a fuzzy or ambiguous
        anchor) and save; the note's text, tags and links stay."""
        note = self._current(note_id)
        fields = selectors(article.body, start, end)
        return self._replace(replace(note, article=article.id, modified=timestamp(self._clock()), **fields))

    def delete(self, note_id: str) -> Note:
        """Remove a note and save; the note removed. It stays if another window edited it meanwhile."""
        note = self._notes.pop(note_id)
        self.save()
        return note

    def _current(self, note_id: str) -> Note:
        """The note with this id, or the one another window deleted while it was being edited here."""
        return self._notes[note_id] if note_id in self._notes else self._gone[note_id]

    def _replace(self, note: Note) -> Note:
        self._notes[note.id] = note
        self.save()
        return self._notes.get(note.id, note)

    def changed_on_disk(self) -> bool:
        """Whether the file changed since this store last read or wrote it (a stat: cheap enough to poll)."""
        return file_stamp(self.path) != self._seen

    def refresh(self) -> bool:
        """Take in what other windows saved since (merged with this store's notes, nothing written);
        whether the notes changed. NotesError when the file cannot be read (it is left as it is)."""
        if not self.changed_on_disk():
            return False
        self._seen = file_stamp(self.path)
        theirs = self._disk_notes()
        before = list(self._notes.items())
        self._take(merge(self._base, self._notes, theirs), theirs)
        return list(self._notes.items()) != before

    def save(self) -> None:
        """Merge with what is on disk and write every note atomically, holding the file's lock;
        NotesError (one line) when it cannot be written."""
        from filelock import Timeout
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self._lock:
                merged = merge(self._base, self._notes, self._on_disk())
                write_atomic(self.path, notes_to_json(merged.values(), self.corpus))
                self._seen = file_stamp(self.path)
                remove_leftovers(self.path)
        except Timeout:
            raise NotesError(self.path, f"could not be saved: another kato-tui has held its lock for over {LOCK_TIMEOUT:.0f} s; the last saved notes are intact") from None
        except NotesError as error:
            raise NotesError(self.path, f"could not be saved ({error.problem}); the file is left as it is") from None
        except OSError as error:
            raise NotesError(self.path, f"could not be saved ({error.strerror or error}); the last saved notes are intact") from None
        self._take(merged, merged)

    def _on_disk(self) -> dict[str, Note]:
        """`_disk_notes` for a save: a file that cannot be read is moved aside (named in ``message``) and
        counts as unchanged since last read."""
        try:
            return self._disk_notes()
        except NotesError as error:
            if not error.unreadable:
                raise
            self.message = f"{self.path}: {error.problem}; kept as {self._keep_aside(error)} (nothing in it is lost)"
            return dict(self._base)

    def _disk_notes(self) -> dict[str, Note]:
        """The notes in the file now, by id; a missing file (removed by hand) counts as unchanged since
        last read, so that no note is taken for deleted."""
        notes = read_notes(self.path)
        return {note.id: note for note in notes} if notes or self.path.exists() else dict(self._base)

    def _take(self, merged: dict[str, Note], base: dict[str, Note]) -> None:
        """Make the merged notes this store's, remembering those that went so an edit can bring them back."""
        self._gone.update((note_id, note) for note_id, note in self._notes.items() if note_id not in merged)
        # Copies: the store's notes change in place, its base must not change with them.
        self._notes, self._base = dict(merged), dict(base)
