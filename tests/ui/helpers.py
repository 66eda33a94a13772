"""What the Pilot tests share: reading the screen and the status, recording notifications, running palette commands."""

from __future__ import annotations

import html
import re

from textual.command import CommandPalette
from textual.pilot import Pilot

from tui.ui.app import KatoApp
from tui.ui.widgets.article_view import ArticleView
from tui.ui.widgets.bars import StatusBar


def screen_text(app: KatoApp) -> str:
    """The characters on screen, in reading order, taken from an SVG screenshot."""
    svg = app.export_screenshot()
    return html.unescape("".join(re.findall(r"<text[^>]*>(.*?)</text>", svg))).replace("\xa0", " ")


def status(app: KatoApp) -> str:
    """The status line as plain text."""
    return str(app.query_one(StatusBar).render())


def record_notifications(app: KatoApp) -> list[str]:
    """Keep the message of every notification the app shows from now on."""
    messages: list[str] = []
    notify = app.notify

    def recording(message: str, **options) -> None:
        messages.append(message)
        notify(message, **options)

    app.notify = recording  # type: ignore[method-assign]
    return messages


async def run_command(pilot: Pilot, app: KatoApp, command: str) -> None:
    """Open the command palette, type `command` and run it."""
    await pilot.press("ctrl+p")
    await pilot.pause()
    assert isinstance(app.screen, CommandPalette)
    await pilot.press(*command, "enter")
    await pilot.pause()


async def analysed(app: KatoApp, pilot: Pilot) -> None:
    """Wait for the analysis worker and the screen to settle."""
    await app.workers.wait_for_complete()
    await pilot.pause()


def view_of(app: KatoApp, article_id: str) -> ArticleView:
    """The on-screen view of an article."""
    return next(view for view in app.query(ArticleView) if view.article.id == article_id)


def on_screen(view: ArticleView, offset: int) -> bool:
    """Whether the line holding the body offset is among the lines the view shows."""
    return view.scroll_y <= view.line_of(offset) < view.scroll_y + view.size.height
