"""The details screen of the current item of each kind of navigator: a match's versions, a dispute's."""

from __future__ import annotations

from collections.abc import Mapping

from textual.screen import Screen

from tui.core.model import Corpus, Dispute, MatchGroup
from tui.ui.disputes import DisputeNavigator
from tui.ui.matches import MatchNavigator
from tui.ui.navigator import Navigator


def detail_screen(kind: str, navigators: Mapping[str, Navigator], corpus: Corpus) -> Screen[None] | None:
    """The screen that shows the current item of the navigator of `kind`; None for a kind without details
    (a search hit is read in its column) or before the first jump.

    A screen made here has a `KIND` and a `show(item, position)`: stepping keeps it on the current item.
    """
    from tui.ui.screens.dispute_detail import DisputeDetail  # the screens load when first shown
    from tui.ui.screens.match_detail import MatchDetail

    navigator = navigators.get(kind)
    current = navigator.current if navigator is not None else None
    if isinstance(navigator, MatchNavigator) and isinstance(current, MatchGroup):
        return MatchDetail(corpus, current, navigator.position, navigator.voices)
    if isinstance(navigator, DisputeNavigator) and isinstance(current, Dispute):
        return DisputeDetail(navigator, current, navigator.position)
    return None
