"""MatchesPanel: the passages independent sources share, one row each, for going to one of them."""

from __future__ import annotations

from rich.cells import cell_len
from textual.content import Content

from tui.core.model import MatchGroup
from tui.ui.filters import Facet, ListFilter
from tui.ui.render import shorten
from tui.ui.voices import Voices
from tui.ui.widgets.filtered import FilteredPanel

FIRST_WORDS = 60
"""How many cells of a match's first passage its row shows (cut at a word; the row pads it to this width)."""
KINDS = ("quote", "statement")
WORDINGS = ("exact", "variant", "paraphrase")


def match_row(group: MatchGroup, voices: Voices) -> Content:
    """A match as a row: "m3   “We will not unload…”   quote · variant · 4 sources, 3 independent".

    The passage comes first, padded to one width, so a narrow panel still shows what is shared
    and the rows' details line up. It is article text: it only ever becomes literal Content.
    """
    passage = f"“{shorten(group.members[0].text, FIRST_WORDS, at_word=True)}”"
    padding = " " * max(0, FIRST_WORDS + 4 - cell_len(passage))  # by cells: a CJK character takes two
    return Content.assemble(
        (f"{group.id:<5}", "$text-muted"),
        (passage + padding, "italic"),
        (f"{group.kind} · {group.wording}", "bold"),
        (f" · {voices.sources(group)}", "$text-muted"),
    )


class MatchesPanel(FilteredPanel):
    """Every match in reading order, narrowed by kind, by wording and by source."""

    KIND = "match"
    NOUN = "match"
    CLOSE_KEY = "matches_panel"
    EMPTY = "No passages are shared by two or more independent sources."

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.border_title = "Matches"
        self.voices: Voices | None = None
        self.filter = ListFilter([Facet("kind", KINDS, lambda group: {group.kind}), Facet("wording", WORDINGS, lambda group: {group.wording}), self._sources])

    def sources_of(self, item: MatchGroup) -> set[str]:
        return set(item.articles)

    def row(self, item: MatchGroup) -> Content:
        return match_row(item, self.voices) if self.voices is not None else Content(item.id)

    def show_matches(self, groups: tuple[MatchGroup, ...], voices: Voices) -> None:
        """List the matches the navigator goes through, each with its sources counted by voice."""
        self.voices = voices
        self.list_items(groups)

    def title(self, shown: int) -> str:
        count = len(self.items)
        return f"Matches · {count} match{'' if count == 1 else 'es'}"

    def hints(self) -> list[tuple[str, str]]:
        return [("filter_kind", "kind"), ("filter_wording", "wording"), ("filter_source", "source"), ("clear_filters", "all")]
