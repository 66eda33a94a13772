"""DisputesPanel: the points the sources disagree on, one row each, for going to one of them."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from textual.content import Content
from textual.widgets.option_list import Option

from tui.core.model import Dispute, Version
from tui.ui.filters import Facet, ListFilter, Switch
from tui.ui.keymap import bindings
from tui.ui.render import safe_text
from tui.ui.widgets.filtered import FilteredPanel

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


def _changed_over_time(item: Dispute) -> bool:
    from tui.core.disputes.figures import changed_over_time  # the dispute rules load when the switch is first used, not with a cached analysis

    return changed_over_time(item)


class DisputesPanel(FilteredPanel):
    """Every dispute of the analysis, then under a heading what only one source says, narrowed by kind,
    by source, and with the changes over time or the uncorroborated claims hidden.

    Choosing a row (enter or a click) posts `Chosen`; the app decides what going there means.
    """

    BINDINGS = bindings("disputes-panel")

    KIND = "dispute"
    NOUN = "dispute"
    CLOSE_KEY = "disputes_panel"
    EMPTY = "The sources don't disagree on anything the analysis can check."

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.border_title = "Disputes"
        self._outlets: Mapping[str, str] = {}
        self._conflicts = 0

    def sources_of(self, item: Dispute) -> set[str]:
        return {version.span.article for version in item.versions}

    def row(self, item: Dispute) -> Content:
        return dispute_row(item, self._outlets)

    def show_disputes(
        self, disputes: tuple[Dispute, ...], claims: tuple[Dispute, ...], outlets: Mapping[str, str]
    ) -> None:
        """List the disputes, then the uncorroborated claims under a heading of their own.

        Rows that can be chosen are numbered as the navigator numbers them: disputes first, then claims.
        """
        self._outlets, self._conflicts = outlets, len(disputes)
        items = [*disputes, *claims]
        kinds = sorted({item.kind for item in disputes}) + ([UNCORROBORATED] if claims else [])
        self.filter = ListFilter(
            [Facet("kind", kinds, lambda item: {item.kind}), self._sources],
            [Switch("changes over time", _changed_over_time), Switch(UNCORROBORATED, lambda item: item.kind == UNCORROBORATED)],
        )
        self.list_items(items)
        self.highlight_item(0 if items else None)

    def rows_for(self, kept: list[int]) -> list[Option | None]:
        """The disputes' rows, then the heading and the claims' rows."""
        rows = super().rows_for(kept)
        claims = [n for n, index in enumerate(kept) if index >= self._conflicts]
        if claims:
            heading = f"Uncorroborated: what only one source says ({len(self.items) - self._conflicts})"
            at = claims[0]
            rows[at:at] = [None] * bool(at) + [Option(Content.styled(heading, "bold $text-muted"), disabled=True)]
        return rows

    def title(self, shown: int) -> str:
        count, claims = self._conflicts, len(self.items) - self._conflicts
        return f"Disputes · {count} dispute{'' if count == 1 else 's'} · {claims} uncorroborated"

    def hints(self) -> list[tuple[str, str]]:
        return [("filter_kind", "kind"), ("filter_source", "source"), ("hide_changes", "changes"), ("hide_uncorroborated", "one source"), ("clear_filters", "all")]
