"""The analysis kept on disk, so that a folder opened again shows its highlights at once.

An entry is keyed by what the analysis depends on: every article as loaded (id, outlet, title,
date, body, ...) and the program that analysed it (its version and the source of tui/core, so a
changed rule is never answered from an old cache). It lives in the user's cache folder
(platformdirs), one file an entry, written whole to a temporary file and renamed. Reading is
best effort: a missing, unreadable, truncated or foreign entry is no entry, never an error, and
the analysis is run again and stored.

The entries are pickles of the core's frozen dataclasses, without the analysis's facts (see `dumps`). A pickle runs code when read, so only
files this program wrote in the user's own cache folder are read, and only when their header
names this format.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import os
import pickle
import tempfile
import threading
from collections.abc import Callable
from dataclasses import replace
from functools import cache
from pathlib import Path

from platformdirs import user_cache_dir

from tui import __version__
from tui.core.model import Analysis, Corpus

MAGIC = b"kato-tui analysis 1\n"
"""The first bytes of an entry: what it is and the layout of what follows."""
MAX_ENTRIES = 32
"""Entries kept; the least recently used beyond these are removed after a save."""
MAX_ENTRY_BYTES = 512 * 1024 * 1024
"""An entry larger than this is neither written nor read."""
SMALL_ENTRY_BYTES = 16 * 1024 * 1024
"""An entry up to this size is waited for before the first frame: it is read while Textual starts, and
takes well under 0.1 s (900 articles: 7 MB, 50 ms); a larger one is shown once the first frame is out."""


def cache_folder() -> Path:
    """Where the entries live: KATO_TUI_CACHE if set (tests, or a user's choice), else the user's
    cache folder."""
    chosen = os.environ.get("KATO_TUI_CACHE")
    return Path(chosen) if chosen else Path(user_cache_dir("kato-tui", appauthor=False)) / "analysis"


@cache
def program_digest() -> str:
    """The version and a digest of the analysing code (tui/core's Python files and data)."""
    digest = hashlib.sha256(__version__.encode())
    root = Path(__file__).resolve().parent
    for path in sorted(root.rglob("*")):
        if path.is_file() and path.suffix in {".py", ".txt", ".gz"} and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(root)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def corpus_key(corpus: Corpus) -> str:
    """The key of a corpus's analysis: its articles as loaded, and the program."""
    digest = hashlib.sha256(program_digest().encode())
    for article in corpus.articles:
        for value in (article.id, article.outlet, article.title, article.date, article.url, article.language, article.body):
            text = "" if value is None else value
            digest.update(len(text).to_bytes(8, "little"))
            digest.update(text.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def entry_path(corpus: Corpus, folder: Path | None = None) -> Path:
    """Where the corpus's analysis is stored."""
    return (folder or cache_folder()) / f"{corpus_key(corpus)}.pickle"


def load(corpus: Corpus, folder: Path | None = None, path: Path | None = None) -> Analysis | None:
    """The stored analysis of this corpus (at `path` when its key is worked out already), or None when
    there is none that can be read."""
    path = path or entry_path(corpus, folder)
    try:
        if path.stat().st_size > MAX_ENTRY_BYTES:
            return None
        data = path.read_bytes()
        if not data.startswith(MAGIC):
            return None
        analysis = loads(data[len(MAGIC) :])
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, IndexError, TypeError, ValueError):
        return None
    if not isinstance(analysis, Analysis) or [a.id for a in analysis.corpus.articles] != [a.id for a in corpus.articles]:
        return None
    os.utime(path)  # recently used: kept longest
    # The corpus carries the paths and warnings of this opening, not of the one that was stored.
    return replace(analysis, corpus=corpus)


def dumps(analysis: Analysis) -> bytes:
    """The analysis as bytes, for a file or a pipe, without its facts: every figure, date and name found
    (35,761 at 900 articles, half the time reading it back) went into the disputes, and nothing after the
    analysis reads them."""
    return pickle.dumps(replace(analysis, facts=()), protocol=pickle.HIGHEST_PROTOCOL)


def loads(data: bytes) -> object:
    """What `dumps` gave. The collector is off meanwhile: the many objects an analysis holds would
    otherwise set off a collection every few hundred (1.5 s instead of 0.27 s at 900 articles)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        return pickle.loads(data)  # noqa: S301 - our own bytes, see the module's docstring
    finally:
        if enabled:
            gc.enable()


def save(analysis: Analysis, folder: Path | None = None, data: bytes | None = None) -> bool:
    """Store the analysis (`data`: its `dumps` when already made); False (and nothing left behind)
    when it cannot be written."""
    folder = folder or cache_folder()
    path = entry_path(analysis.corpus, folder)
    try:
        data = MAGIC + (data if data is not None else dumps(analysis))
        if len(data) > MAX_ENTRY_BYTES:
            return False
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".entry-", suffix=".tmp", dir=folder)
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except (OSError, pickle.PicklingError, RecursionError, TypeError):
        return False
    _prune(folder)
    return True


def _prune(folder: Path) -> None:
    """Remove the least recently used entries beyond MAX_ENTRIES, and stale temporary files."""
    try:
        entries = sorted(folder.glob("*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
        for stale in entries[MAX_ENTRIES:]:
            stale.unlink(missing_ok=True)
    except OSError:
        pass


def analyse_cached(
    corpus: Corpus, analyse: Callable[..., Analysis], progress: Callable[[float, str], None], folder: Path | None = None
) -> tuple[Analysis, bool]:
    """The corpus's analysis from the cache, or worked out by `analyse(corpus, progress)` and
    stored; and whether it came from the cache."""
    found = load(corpus, folder)
    if found is not None:
        progress(1.0, "done")
        return found, True
    analysis = analyse(corpus, progress)
    save(analysis, folder)
    return analysis, False


class Lookup:
    """The corpus's stored analysis, looked for and read in a daemon thread from the moment this is made:
    a reader made on a folder opened before has its analysis by the first frame, the lookup (hashing
    the articles, reading and unpickling the entry) done while Textual starts."""

    def __init__(self, corpus: Corpus, folder: Path | None = None, path: Path | None = None) -> None:
        """Look for the corpus's entry in `folder` (the cache folder by default); `path`: its path, when worked out already."""
        self.analysis: Analysis | None = None
        """The stored analysis, once read; None when there is none (or not yet)."""
        self.small = False
        """Whether the entry is small enough to wait for (SMALL_ENTRY_BYTES)."""
        self._sized, self._done = threading.Event(), threading.Event()
        threading.Thread(target=self._run, args=(corpus, folder, path), name="cache lookup", daemon=True).start()

    def _run(self, corpus: Corpus, folder: Path | None, path: Path | None) -> None:
        try:
            path = path or entry_path(corpus, folder)
            with contextlib.suppress(OSError):
                self.small = path.stat().st_size <= SMALL_ENTRY_BYTES
            self._sized.set()
            self.analysis = load(corpus, path=path)
            if self.analysis is None:
                self.missed(corpus)
        finally:
            self._sized.set()
            self._done.set()

    def missed(self, corpus: Corpus) -> None:
        """What to do, in the lookup's thread, when the cache has no analysis of the corpus (before `done`)."""

    @property
    def elsewhere(self) -> bool:
        """Whether what `missed` started works the analysis out in another process (nothing here to hold back)."""
        return False

    def stop(self) -> None:
        """The analysis is no longer wanted (the reader is closing): stop what `missed` started."""

    def result(self, timeout: float | None = None) -> Analysis | None:
        """The stored analysis, waiting up to `timeout` seconds for the lookup (None: until it is done)."""
        self._done.wait(timeout)
        return self.analysis

    @property
    def done(self) -> bool:
        """Whether the lookup has ended (found or not)."""
        return self._done.is_set()

    def soon(self) -> Analysis | None:
        """The stored analysis when the entry is small enough to wait for (SMALL_ENTRY_BYTES); None for a
        larger one (shown once the first frame is out) or none at all."""
        self._sized.wait()
        return self.result() if self.small else None
