"""What the reader keeps between runs: where each story was left (the focused column, each article's
scroll position, the match and the dispute gone to, the sources shown and their order) in the user's state folder, and the theme chosen
in the palette in the user's config file.

One small JSON file for every story, keyed like the notes (the corpus folder's resolved path).
A file that cannot be read or written is ignored: a place is a convenience, never worth an error.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from platformdirs import user_state_dir

from tui.core.corpus import corpus_key
from tui.core.files import write_atomic
from tui.ui.config import Config, save_theme
from tui.ui.widgets.reader import Reader
from tui.ui.widgets.sources_panel import SourcesPanel

if TYPE_CHECKING:
    from tui.ui.app import KatoApp

STORIES_KEPT = 200
"""How many stories' places the file keeps: the ones read last."""


def places_path() -> Path:
    """`places.json` in the user's state folder (~/.local/state/kato-tui/ on Linux)."""
    return Path(user_state_dir("kato-tui", appauthor=False)) / "places.json"


@dataclass
class Place:
    """Where one story was left."""

    column: int = 0
    """The index of the focused article."""
    tops: dict[str, int] = field(default_factory=dict)
    """Each article's scroll position (by id): the body offset of its top line."""
    current: dict[str, str] = field(default_factory=dict)
    """The item gone to of each kind of navigator, by its id ("match": "m3", "dispute": "d2")."""
    last: str | None = None
    """The kind gone to last: what enter details and `a` notes."""
    order: list[str] = field(default_factory=list)
    """The sources in the order the sources panel lists them (the columns'), by id; empty for the order the reader opens in."""
    hidden: list[str] = field(default_factory=list)
    """The sources hidden from the columns, by id."""

    @classmethod
    def from_json(cls, data: object) -> Place | None:
        """A place from its JSON, or None when it is not one (a file from another version, edited by hand)."""
        if not isinstance(data, dict):
            return None
        try:
            place = cls(int(data.get("column", 0)), dict(data.get("tops", {})), dict(data.get("current", {})), data.get("last"),
                        list(data.get("order", [])), list(data.get("hidden", [])))
        except (TypeError, ValueError):
            return None
        if not all(isinstance(one, str) for one in (*place.order, *place.hidden)):
            return None
        tops_ok = all(isinstance(k, str) and isinstance(v, int) for k, v in place.tops.items())
        current_ok = all(isinstance(k, str) and isinstance(v, str) for k, v in place.current.items())
        return place if tops_ok and current_ok and (place.last is None or isinstance(place.last, str)) else None


class Places:
    """The places of every story read, in one file (`path`; None keeps nothing)."""

    def __init__(self, path: Path | None) -> None:
        self.path = path

    def _read(self) -> dict[str, object]:
        if self.path is None:
            return {}
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def get(self, story: str) -> Place | None:
        """Where the story was left; None for a story never read (or a file that cannot be read)."""
        return Place.from_json(self._read().get(story))

    def put(self, story: str, place: Place) -> None:
        """Keep the story's place (it becomes the newest); a file that cannot be written is left alone."""
        if self.path is None:
            return
        stories = {key: value for key, value in self._read().items() if key != story}
        stories[story] = asdict(place)
        kept = dict(list(stories.items())[-STORIES_KEPT:])
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(self.path, json.dumps(kept, ensure_ascii=False, indent=1), private=True)
        except OSError:
            return


def scroll_back(reader: Reader, place: Place) -> None:
    """Focus the column the story was left at and scroll every article back to where it was."""
    if 0 <= place.column < len(reader.articles):
        reader.current = place.column
    lengths = {article.id: len(article.body) for article in reader.articles}
    reader.scroll_back({article_id: top for article_id, top in place.tops.items() if 0 <= top <= lengths.get(article_id, -1)})


class Memory:
    """What one reader recalls when it opens and keeps when it quits: the user's keys and theme, and where
    the story was left (the columns at once, the items gone to once the analysis has made them)."""

    def __init__(self, app: KatoApp, config: Config, places: Places) -> None:
        self.app = app
        self.config = config
        self.places = places
        self.left_at: Place | None = None
        """Where the story was left last time."""
        self._theme = ""

    def recall(self) -> None:
        """Bind the user's keys, take the user's theme, and look up where the story was left."""
        app = self.app
        app.set_keymap(self.config.keys)
        app.theme = self._theme = self.config.theme or app.theme
        self.left_at = self.places.get(corpus_key(app.corpus))
        if self.left_at is not None:  # the columns as they were, before the place in them is restored
            app.query_one(SourcesPanel).restore(self.left_at.order, self.left_at.hidden)

    def recall_place(self) -> None:
        """Once the analysis is done, go back to the items the story was left at, and (once their highlights
        are drawn: the labels they draw move lines) scroll the columns back to where they were."""
        if self.left_at is not None:
            self.app.guide.restore(self.left_at.current, self.left_at.last)
            self.app.call_after_refresh(scroll_back, self.app.query_one(Reader), self.left_at)

    def keep(self) -> None:
        """Keep where the story is left, and the theme when the reader chose another (the other settings as they are)."""
        app = self.app
        # Before the analysis is done the place was not restored yet: quitting then keeps the old one.
        if app.is_running and app.screen_stack and (app.analysis is not None or self.left_at is None):
            reader = app.query_one(Reader)
            order, hidden = app.query_one(SourcesPanel).arrangement
            self.places.put(corpus_key(app.corpus), Place(reader.current, reader.tops, app.guide.current_ids(), app.guide.last_kind, order, hidden))
        if self.config.path is not None and app.theme != self._theme:
            save_theme(self.config.path, app.theme)
