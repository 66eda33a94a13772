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
