"""Regenerate the README's screenshots: the real app, driven by Pilot, saved as SVG."""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path

from tui.core.model import Corpus
from tui.ui.app import make_app
from tui.ui.config import Config
from tui.ui.state import Places

_NOTE = (*"Kato calls the holdings a card, then plays it down.", "tab", "space")
"""A note typed in the editor, tagged disputed."""
_NOTES = ("n", "a", *_NOTE, "ctrl+s", "tab", "right_square_bracket", "a", *"TOI rounds it down; CNA says over.", "ctrl+s")
"""Two notes written: one on the first match, one on the first dispute."""

# (file name, terminal size, keys pressed before the shot)
SHOTS: tuple[tuple[str, tuple[int, int], tuple[str, ...]], ...] = (
    ("reader-200x50.svg", (200, 50), ()),
    ("reader-80x24.svg", (80, 24), ("tab", "tab", "j", "j", "j")),
    ("matches-200x50.svg", (200, 50), ("n", "n", "n")),
    ("match-detail.svg", (120, 36), ("n", "n", "enter")),
    ("unique-200x50.svg", (200, 50), ("u",)),
    ("disputes-200x50.svg", (200, 50), ("right_square_bracket", "d")),
    ("dispute-detail.svg", (160, 40), ("right_square_bracket", "enter")),
    ("matches-panel-200x50.svg", (200, 50), ("l", "down", "down", "enter")),
    ("sources-panel-200x50.svg", (200, 50), ("s", "down", "J", "down", "space")),
    ("note-editor.svg", (120, 36), ("n", "a", *_NOTE, "tab", "tab", "tab", *"money, timeline")),
    ("notes-200x50.svg", (200, 50), (*_NOTES, "m")),
    ("help.svg", (100, 30), ("question_mark",)),
)


async def _shoot(corpus: Corpus, path: Path, size: tuple[int, int], keys: tuple[str, ...]) -> None:
    with tempfile.TemporaryDirectory() as folder:  # a notes file of its own: never the user's notes
        # The default keys and theme, and no place kept: the same shots whatever the user's settings.
        app = make_app(corpus, notes=Path(folder) / "notes.json", config=Config(), places=Places(None))
        async with app.run_test(size=size) as pilot:
            await app.workers.wait_for_complete()  # the analysis and the notes: their keys wait for them
            await pilot.pause()
            await pilot.press(*keys)
            await pilot.wait_for_scheduled_animations()
            app.clear_notifications()  # "Note saved" and the like would cover the text
            await pilot.pause()
            app.save_screenshot(path.name, path=str(path.parent))


def save_screenshots(corpus: Corpus, directory: Path) -> list[Path]:
    """Save every shot into `directory`; returns the files written."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, size, keys in SHOTS:
        path = directory / name
        asyncio.run(_shoot(corpus, path, size, keys))
        paths.append(path)
    return paths
