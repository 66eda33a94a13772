"""Fixtures for driving the real app with Pilot."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tui.core.corpus import load_corpus
from tui.core.model import Corpus

WriteCorpus = Callable[[dict[str, str]], Corpus]


@pytest.fixture
def bundled() -> Corpus:
    """The bundled story."""
    return load_corpus()


@pytest.fixture
def write_corpus(tmp_path: Path) -> WriteCorpus:
    """Write articles (file name -> text) into a fresh folder and load it."""

    def write(files: dict[str, str]) -> Corpus:
        folder = tmp_path / "story"
        folder.mkdir(exist_ok=True)
        for name, text in files.items():
            (folder / name).write_text(text, encoding="utf-8")
        return load_corpus(folder)

    return write


@pytest.fixture(autouse=True)
def private_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The user's data folder (where notes live without --notes) is a temporary one: no test reads or writes real notes."""
    folder = tmp_path / "data"
    monkeypatch.setenv("XDG_DATA_HOME", str(folder))
    return folder


@pytest.fixture
def unrelated(write_corpus: WriteCorpus) -> Corpus:
    """Two articles with nothing in common: no match, no dispute."""
    return write_corpus(
        {"a.txt": "Cats sleep most of the afternoon in warm places.\n", "b.txt": "The bridge was painted green in spring.\n"}
    )
