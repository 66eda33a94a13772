"""Snapshots of the main views at 80x24 and 200x50: the SVG of the real app's screen, compared with the one kept in
__snapshots__/. A change to what a user sees fails here until the snapshots are deliberately updated
(`pytest tests/ui/test_snapshots.py --snapshot-update`, then look at the new SVGs before committing them)."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from tui.core.model import Corpus
from tui.ui.app import KatoApp, make_app
from tui.ui.config import Config
from tui.ui.search import TYPING_PAUSE
from tui.ui.state import Places

SIZES = {"80x24": (80, 24), "200x50": (200, 50)}

VIEWS: dict[str, tuple[str, ...]] = {
    "reader": (),
    "match_details": ("n", "enter"),
    "disputes_panel": ("d",),
    "matches_panel": ("l",),
    "sources_panel": ("s",),
    "search": ("slash", *"card", "enter"),
    "help": ("question_mark",),
}
"""The keys pressed, once the analysis is done, to reach each view."""

SETTLE_TIMEOUT = 30.0
"""Seconds the analysis and the notes may take before a snapshot gives up."""

SnapCompare = Callable[..., bool]


@pytest.fixture
def snapshot_app(bundled: Corpus, tmp_path: Path) -> KatoApp:
    """The app on the bundled story, as a new user sees it: the default keys and a fixed theme, no place recalled, an
    empty notes file of its own, and no animations (a scroll lands at once, not part-way)."""
    app = make_app(bundled, notes=tmp_path / "notes.json", config=Config(theme="textual-dark"), places=Places(None))
    app.animation_level = "none"
    return app


async def _settled(app: KatoApp, pilot: Pilot) -> None:
    """Wait until the analysis is in and the notes are read, so that the highlights and the keys are the final ones."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + SETTLE_TIMEOUT
    while app.analysis is None or not app.notes.ready:
        assert loop.time() < deadline, "the analysis or the notes did not finish"
        await pilot.pause(0.05)
    await app.workers.wait_for_complete()
    await pilot.pause()


def _driving(app: KatoApp, keys: tuple[str, ...]) -> Callable[[Pilot], Awaitable[None]]:
    """What runs before the shot: wait for the analysis, press the keys, let the screen settle, and clear the
    notifications (a toast would cover the text and time out at its own pace)."""

    async def run_before(pilot: Pilot) -> None:
        await _settled(app, pilot)
        for key in keys:
            await pilot.press(key)
        await pilot.pause(TYPING_PAUSE + 0.1)  # a search line's hits light up after a pause in the typing
        await app.workers.wait_for_complete()
        await pilot.wait_for_scheduled_animations()
        app.clear_notifications()
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("view", VIEWS)
def test_view(snap_compare: SnapCompare, snapshot_app: KatoApp, view: str, size: str) -> None:
    """Each main view of the bundled story, at each size, looks as it did when its snapshot was last accepted."""
    assert snap_compare(snapshot_app, terminal_size=SIZES[size], run_before=_driving(snapshot_app, VIEWS[view]))
