"""The details of one dispute: every source's version, side by side when they fit, with its value."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Label, Static

from tui.core.model import Dispute, Version
from tui.ui.disputes import DisputeNavigator
from tui.ui.keymap import bindings
from tui.ui.render import safe_text


class Passage(Widget):
    """The sentence a version stands in, the version's own words marked."""

    COMPONENT_CLASSES = {"passage--disputed"}

    def __init__(self, text: str, start: int, end: int, *, classes: str | None = None) -> None:
        super().__init__(classes=classes)
        self.text, self.start, self.end = text, start, end

    def render(self) -> Text:
        passage = Text(safe_text(self.text).replace("\n", " "))
        passage.stylize(self.get_component_rich_style("passage--disputed"), self.start, self.end)
        return passage


class DisputeDetail(ModalScreen[None]):
    """Every version of one dispute: outlet, its words, their normalised value, and the sentence around them.

    The versions stand side by side when each gets `MIN_CARD` cells, else one under another.
    ] and [ move on to the next or previous dispute without closing; a writes a note on it; escape closes.
    """

    KIND = "dispute"
    """The kind of navigator it follows: stepping through its items shows each one here."""

    BINDINGS = [*bindings("detail"), *bindings("dispute-detail")]

    MIN_CARD = 30
    """The fewest cells a version gets side by side; narrower, the versions stack."""

    def __init__(self, disputes: DisputeNavigator, dispute: Dispute, position: str) -> None:
        super().__init__()
        self.disputes = disputes
        self.dispute = dispute
        self.position = position

    def compose(self) -> ComposeResult:
        dispute = self.dispute
        with VerticalScroll(id="dispute-detail"):
            heading = self.position if self.position.startswith(dispute.kind) else f"{self.position} · {dispute.kind}"
            yield Static(Text(heading, style="bold"), id="dispute-detail-title")  # not "uncorroborated 2/3 · uncorroborated"
            yield Label(Text(safe_text(dispute.summary)), classes="dispute-summary")
            if dispute.why:
                yield Label(Text(f"why: {safe_text(dispute.why)}"), classes="dispute-why")
            with Horizontal(id="dispute-versions"):
                for number, version in enumerate(dispute.versions, 1):
                    yield self._version(number, version)
            yield Static("] / [ next / previous dispute · a note · esc close", id="dispute-detail-keys")

    def _version(self, number: int, version: Version) -> Vertical:
        outlet = self.disputes.analysis.corpus.article(version.span.article).outlet
        letter = self.disputes.voices.letter(version.span.article)
        return Vertical(
            Label(Text(f"{number} {safe_text(outlet)}" + (f" · copy {letter}" if letter else "")), classes="version-source"),
            Label(Text(f"“{safe_text(version.text)}”"), classes="version-words"),
            Label(Text(f"value: {safe_text(version.value)}"), classes="version-value"),
            Passage(*self.disputes.passage(version), classes="version-passage"),
            classes="version",
        )

    def on_mount(self) -> None:
        self._arrange()

    def on_resize(self) -> None:
        self._arrange()

    def show(self, dispute: Dispute, position: str) -> None:
        """Show another dispute in place of this one."""
        self.dispute, self.position = dispute, position
        self._arrange()
        self.refresh(recompose=True)

    def _arrange(self) -> None:
        """Side by side when every version gets its cells (less the margins, border and padding), else stacked."""
        self.set_class(self.app.size.width - 8 < self.MIN_CARD * len(self.dispute.versions), "-stacked")
