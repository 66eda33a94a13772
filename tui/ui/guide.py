"""Guide: the navigators by kind (matches, disputes; a search adds its own), and going to their items.

A jump scrolls every column that has the item, highlights it, and keeps whatever shows the kind in
step: the panel that lists it (a `BottomPanel` whose `KIND` is the kind) and the details on screen
(a screen whose `KIND` is the kind, with `show(item, position)`).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, TypeGuard, TypeVar

from tui.ui.details import detail_screen
from tui.ui.keymap import describe
from tui.ui.navigator import Navigator
from tui.ui.render import Mark
from tui.ui.widgets.bars import StatusBar
from tui.ui.widgets.reader import Reader

if TYPE_CHECKING:
    from tui.ui.app import KatoApp

N = TypeVar("N", bound=Navigator)
ANALYSED = {"match", "dispute"}
"""The kinds of navigator the analysis makes: their keys wait for it."""


class Guide:
    """The reader's navigators by kind, and the kind gone to last (what enter details and `a` notes)."""

    def __init__(self, app: KatoApp) -> None:
        self.app = app
        self.navigators: dict[str, Navigator] = {}
        self.last_kind: str | None = None
        self.progress: float | None = 0.0
        """How far the analysis got (0-1); None once it failed."""
        self._pending: str | None = None
        """The last action asked for while the analysis ran: it runs when the analysis is done."""
        self._earlier_kind: str | None = None
        """The kind gone to before the last one: the last again when the last one's navigator goes."""

    def __iter__(self) -> Iterator[Navigator]:
        return iter(self.navigators.values())

    def get(self, kind: str) -> Navigator | None:
        """The navigator of a kind; None until it is made (the analysis makes the matches' and the disputes')."""
        return self.navigators.get(kind)

    def of_type(self, kind: str, cls: type[N]) -> N | None:
        """The navigator of a kind when it is of this class, else None."""
        navigator = self.navigators.get(kind)
        return navigator if isinstance(navigator, cls) else None

    def add(self, kind: str, navigator: Navigator) -> None:
        """Register a navigator: `step(kind, ±1)` goes through its items from now on."""
        self.navigators[kind] = navigator

    def remove(self, kind: str) -> None:
        """Forget a kind's navigator (a search cleared): enter details and `a` notes the kind gone to before it."""
        self.navigators.pop(kind, None)
        if self.last_kind == kind:
            self.last_kind = self._earlier_kind if self._earlier_kind in self.navigators else None

    @property
    def last(self) -> Navigator | None:
        """The navigator of the last jump."""
        return self.navigators.get(self.last_kind) if self.last_kind is not None else None

    def waits(self, action: str) -> bool:
        """Whether an action has to wait for the analysis: then the reader is told how far it got, and the
        action runs when the analysis is done (only the last one asked for)."""
        if self.app.analysis is not None:
            return False
        if self.progress is None:
            self.app.notify("The analysis failed: there are no matches or disputes to go to.", severity="warning", timeout=4)
        else:
            self._pending = action
            self.app.notify(f"Still analysing: {self.progress:.0%}. {describe(action)} when it is done.", timeout=3)
        return True

    def run_pending(self) -> None:
        """Run the action asked for while the analysis ran, now that it is done."""
        if self._pending is not None and self.progress is not None:
            self.app.call_later(self.app.run_action, self._pending)
        self._pending = None

    def step(self, kind: str, delta: int) -> None:
        """Go to the next (+1) or previous (-1) item of a kind, wrapping round."""
        navigator = self.navigators.get(kind)
        if self._navigable(navigator) and navigator.move(delta) is not None:
            self.jump(kind)

    def go_to(self, kind: str, index: int) -> None:
        """Go to the item at `index`; on the current one already, show its details."""
        navigator = self.navigators.get(kind)
        if navigator is not None and navigator.cursor.index == index:
            self.details(kind)
        elif navigator is not None and navigator.go_to(index) is not None:
            self.jump(kind)

    def details(self, kind: str | None) -> None:
        """Show the details of the current item of a kind (of the kind gone to last by default, the first match
        before any jump), going to its first item if there is none yet; nothing over a details screen. A kind
        without details goes to its next item instead."""
        kind = kind or self.last_kind or "match"
        navigator = self.navigators.get(kind)
        if not self._navigable(navigator) or len(self.app.screen_stack) > 1:
            return
        gone_to = navigator.current is not None
        if not gone_to:
            self.step(kind, 1)
        screen = detail_screen(kind, self.navigators, self.app.corpus)
        if screen is not None:
            self.app.push_screen(screen)
        elif gone_to:  # a kind without details (a search hit, read in its column): enter goes on to the next
            self.step(kind, 1)

    def jump(self, kind: str) -> None:
        """Bring the current item's passages into view in every article that has one, and show where we are."""
        navigator = self.navigators[kind]
        if kind != self.last_kind:
            self._earlier_kind, self.last_kind = self.last_kind, kind
        reader = self.app.query_one(Reader)
        reader.reveal(navigator.offsets())
        column = navigator.column()
        if column is not None:
            reader.current = next((n for n, article in enumerate(reader.articles) if article.id == column), reader.current)
        self.show_marks()
        for panel in self.app.panels:
            if kind == panel.KIND:
                panel.highlight_item(navigator.cursor.index)
        screen = self.app.screen
        if getattr(screen, "KIND", None) == kind and navigator.current is not None:
            screen.show(navigator.current, navigator.position)  # type: ignore[attr-defined]

    def show_marks(self) -> None:
        """Highlight every navigator's items (the matches, then the current dispute over them) and the notes over
        them all, and say in the status where the reader is."""
        marks: dict[str, tuple[Mark, ...]] = {}
        for source in (*sorted(self.navigators.values(), key=lambda navigator: navigator.LAYER), self.app.notes.notebook):
            for article_id, more in source.marks().items() if source is not None else ():
                marks[article_id] = (*marks.get(article_id, ()), *more)
        self.app.query_one(Reader).set_marks(marks)
        status = self.app.query_one(StatusBar)
        matches, disputes, search = (self.navigators.get(kind) for kind in ("match", "dispute", "search"))
        if matches is not None and disputes is not None:
            status.analysis, status.disputes = matches.label, disputes.label
        status.search = search.label if search is not None else ""

    def _navigable(self, navigator: Navigator | None) -> TypeGuard[Navigator]:
        """Whether there are items to visit; if not, the reader is told why."""
        if navigator is not None and not navigator.items:
            self.app.notify(navigator.EMPTY, timeout=4, markup=False)
        return navigator is not None and bool(navigator.items)

    def current_ids(self) -> dict[str, str]:
        """The id of the item gone to of each kind that has ids ("match": "m3")."""
        current = {kind: str(getattr(nav.current, "id", "")) for kind, nav in self.navigators.items() if nav.current is not None}
        return {kind: item_id for kind, item_id in current.items() if item_id}  # a search hit has no id: it is not kept

    def restore(self, current: dict[str, str], last: str | None) -> None:
        """Go back, without scrolling, to the items of these ids that are still there (the story may have changed)."""
        for kind, item_id in current.items():
            navigator = self.navigators.get(kind)
            items = navigator.items if navigator is not None else ()
            index = next((n for n, item in enumerate(items) if getattr(item, "id", None) == item_id), None)
            if navigator is not None and index is not None:
                navigator.go_to(index)
                self.last_kind = last if last in self.navigators else kind
        for panel in self.app.panels:
            navigator = self.navigators.get(panel.KIND or "")
            if navigator is not None and navigator.cursor.index is not None:
                panel.highlight_item(navigator.cursor.index)
