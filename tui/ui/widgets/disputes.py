"""DisputesPanel: the points the sources disagree on, one row each, for going to one of them."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.core.model import Dispute, Version
from tui.ui.render import safe_text

SINGLE_SOURCE = "single-source"
"""The kind of dispute that is one source's claim rather than a conflict; listed last, dimmer."""
_KIND_WIDTH = len("quote-wording") + 2


def sides(versions: Iterable[Version], outlets: Mapping[str, str]) -> list[dict[str, list[str]]]:
    """The versions grouped by value (one side each), and within a side the outlets by their wording."""
    found: dict[str, dict[str, list[str]]] = {}
    for version in versions:
        names = found.setdefault(version.value, {}).setdefault(version.text, [])
        if outlets[version.span.article] not in names:
            names.append(outlets[version.span.article])
    return list(found.values())


def dispute_row(dispute: Dispute, outlets: Mapping[str, str]) -> Content:
    """A dispute as a panel row: id, kind and summary; under a conflict, who says what on each side.

    Summaries and wordings are article text: they only ever become literal Content.
    """
    lonely = dispute.kind == SINGLE_SOURCE
    head = Content.assemble(
        (f"{dispute.id:<4}", "$text-muted"),
        (f"{dispute.kind:<{_KIND_WIDTH}}", "$text-muted" if lonely else "bold $text-warning"),
        Content(safe_text(dispute.summary)),
    )
    if lonely:
        return head.stylize("$text-muted")
    parts: list[Content | tuple[str, str] | str] = [" " * 4]
    for side_number, side in enumerate(sides(dispute.versions, outlets)):
        parts.append(" │ " if side_number else "")
        for number, (text, names) in enumerate(side.items()):
            parts += [" · " if number else "", (f"“{safe_text(text)}”", "italic"), " ", Content(safe_text(", ".join(names)))]
    return Content("\n").join([head, Content.assemble(*parts).stylize("$text-muted")])


class DisputesPanel(OptionList):
    """Every dispute of the analysis: the conflicts, then a rule, then what only one source says.

    Choosing a row (enter or a click) posts `Chosen`; the app decides what going there means.
    """

    BINDINGS = [
        Binding("escape", "app.toggle_disputes", "Close", show=False, tooltip="Hide the disputes panel", id="disputes-panel.close"),
    ]

    open: reactive[bool] = reactive(False)
    """Whether the panel is on screen."""

    @dataclass
    class Chosen(Message):
        """A dispute was chosen in the panel: `index` is its place among the disputes."""

        panel: DisputesPanel
        index: int

        @property
        def control(self) -> DisputesPanel:
            """The panel the dispute was chosen in."""
            return self.panel

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(Option(Content("analysing…"), disabled=True), id=id, markup=False)
        self.border_title = "Disputes"

    def watch_open(self, open: bool) -> None:
        self.set_class(open, "-open")

    def show_disputes(self, disputes: tuple[Dispute, ...], outlets: Mapping[str, str]) -> None:
        """List these disputes, conflicts first; a note instead when there are none."""
        conflicts = [dispute for dispute in disputes if dispute.kind != SINGLE_SOURCE]
        rows: list[Option | None] = [Option(dispute_row(dispute, outlets)) for dispute in disputes]
        if conflicts and len(conflicts) < len(disputes):
            rows.insert(len(conflicts), None)  # a rule between the conflicts and the single-source claims
        self.set_options(rows or [Option(Content("The sources don't disagree on anything the analysis can check."), disabled=True)])
        self.highlighted = 0 if disputes else None
        self.border_title = f"Disputes · {len(conflicts)} conflicting · {len(disputes) - len(conflicts)} single-source"
        self.border_subtitle = "enter: go to · enter again: details · d: close"

    def _on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.Chosen(self, event.option_index))
