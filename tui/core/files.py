"""Files kato-tui writes whole (the notes, the settings, where a story was left, exports), and the error raised for a
file it cannot use."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path


class BadFile(Exception):
    """A file that cannot be used as kato-tui needs it (a corpus that cannot be read, a notes file that cannot be read
    or saved); ``str()`` is one line naming the file and the problem."""

    def __init__(self, path: Path | str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = Path(path)
        self.problem = problem


def write_atomic(path: Path, text: str, *, private: bool = True) -> None:
    """Replace the file with text, all or nothing: temporary file, write, flush, fsync, rename, fsync folder.

    An existing file keeps its permissions; a new one is readable by its owner only when private
    (notes), else as the umask allows (exports).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        try:
            _set_mode(path, temporary, private)
            _write_all(handle, text.encode("utf-8"))
            os.fsync(handle)
        finally:
            os.close(handle)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    _fsync_folder(path.parent)


def _write_all(handle: int, data: bytes) -> None:
    """os.write until everything is written: one call may write only part."""
    view = memoryview(data)
    while view:
        view = view[os.write(handle, view):]


def _set_mode(path: Path, temporary: str, private: bool) -> None:
    """mkstemp makes the temporary file private: give it the old file's permissions, or the umask's."""
    try:
        mode = stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        if private:
            return
        mode = 0o666 & ~_umask()
    with contextlib.suppress(OSError):
        os.chmod(temporary, mode)


def _umask() -> int:
    # The only way to read the umask is to set it: put it straight back.
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable; Windows cannot open a folder, and some file systems refuse: both fine."""
    if not hasattr(os, "O_DIRECTORY"):
        return
    with contextlib.suppress(OSError):
        handle = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)
