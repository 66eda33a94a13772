"""Quitting during a long analysis: the app exits at once and the analysis stops."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.core.corpus import load_corpus
from tui.core.model import Corpus
from tui.ui.app import make_app


def long_story(folder: Path, paragraphs: int) -> Path:
    """Two articles of the bundled story, one of them its paragraphs over and over, each copy
    with other figures, so that its analysis takes several seconds."""
    first, second = load_corpus().articles[:2]
    lines = [line for line in first.body.splitlines() if len(line) > 80]
    body = "\n".join(f"In part {n}, {lines[n % len(lines)]} It was item {n}." for n in range(paragraphs))
    folder.mkdir()
    (folder / "long.txt").write_text(f"---\noutlet: The Long Read\n---\n{body}\n", encoding="utf-8")
    (folder / "short.txt").write_text(f"---\noutlet: {second.outlet}\n---\n{second.body}", encoding="utf-8")
    return folder


async def test_q_during_a_long_analysis_quits_and_the_analysis_stops_unfinished(tmp_path: Path) -> None:
    app = make_app(load_corpus(long_story(tmp_path / "story", 2000)))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("q")
    assert app.matches is None  # the app returned before the analysis was done
    job = app.analysis_job
    assert job is not None and job.daemon  # the interpreter does not wait for it to exit
    job.join()
    assert job.stopped.is_set() and not job.finished


async def test_quitting_as_the_analysis_and_the_notes_arrive_ends_without_an_error(bundled: Corpus, tmp_path: Path,
                                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """Close the reader at moments from 0 to 150 ms after the start, with q or as a test ends, while the bundled
    story's analysis (about that long, nothing cached) and the notes come in: what they post as the widgets go is
    let go (it queried a status bar no longer there, and the reader ended in a traceback)."""
    for moment in range(0, 160, 10):
        monkeypatch.setenv("KATO_TUI_CACHE", str(tmp_path / f"cache-{moment}"))  # nothing stored: the analysis runs
        app = make_app(bundled)
        async with app.run_test(size=(200, 50)) as pilot:
            await pilot.pause(moment / 1000)
            if moment % 20:
                await pilot.press("q")
        assert app.return_code in (0, None), moment
