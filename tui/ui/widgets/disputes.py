"""DisputesPanel: the points the sources disagree on, one row each, for going to one of them."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.core.model import Dispute, Version
from tui.ui.keymap import hint
from tui.ui.panels import BottomPanel
from tui.ui.render import safe_text

UNCORROBORATED = "uncorroborated"
"""The kind of a claim only one source makes: not a conflict; listed after the disputes, dimmer."""
_KIND_WIDTH = len("uncorroborated") + 2


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
    lonely = dispute.kind == UNCORROBORATED
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


class DisputesPanel(BottomPanel):
    """Every dispute of the analysis, then under a heading what only one source says.

    Choosing a row (enter or a click) posts `Chosen`; the app decides what going there means.
    """

    KIND = "dispute"

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

    def show_disputes(
        self, disputes: tuple[Dispute, ...], claims: tuple[Dispute, ...], outlets: Mapping[str, str]
    ) -> None:
        """List the disputes, then the uncorroborated claims under a heading of their own.

        Rows that can be chosen are numbered as the navigator numbers them: disputes first, then claims.
        """
        items = [*disputes, *claims]
        rows: list[Option | None] = [Option(dispute_row(item, outlets), id=f"item-{n}") for n, item in enumerate(items)]
        if not disputes:
            rows.insert(0, Option(Content("The sources don't disagree on anything the analysis can check."), disabled=True))
        if claims:
            heading = f"Uncorroborated: what only one source says ({len(claims)})"
            at = len(disputes) or 1
            rows[at:at] = [None, Option(Content.styled(heading, "bold $text-muted"), disabled=True)]
        self.set_options(rows)
        self.highlight_item(0 if items else None)
        count = len(disputes)
        self.border_title = f"Disputes · {count} dispute{'' if count == 1 else 's'} · {len(claims)} uncorroborated"
        self.border_subtitle = f"enter: go to · enter again: details · {hint(self, 'disputes_panel')}: close"

    def _on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.post_message(self.Chosen(self, int(event.option.id.removeprefix("item-"))))

    def highlight_item(self, index: int | None) -> None:
        """Highlight the row of the item the navigator numbers `index` (disputes, then claims)."""
        self.highlighted = None if index is None else self.get_option_index(f"item-{index}")
