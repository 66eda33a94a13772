"""The legend of the reader's marks: a sample of each, drawn in the reader's own styles, and what it means."""

from __future__ import annotations

from collections.abc import Callable

from rich.style import Style
from rich.table import Table
from rich.text import Text

from tui.ui.widgets.article_view import BAR, ArticleView

StyleOf = Callable[[str], Style]
"""The style a component class of `ArticleView` stands for (an `ArticleView`'s `get_component_rich_style`)."""


_DEFAULT = {
    ArticleView.match_style(0): Style(bgcolor="#0d3552"),
    ArticleView.match_style(1): Style(bgcolor="#5a4220"),
    ArticleView.current_style(0): Style(bgcolor="#0159a0"),
    ArticleView.CURRENT: Style(bold=True, underline=True),
    ArticleView.LABEL: Style(color="#121212", bgcolor="#e0e0e0", bold=True),
    ArticleView.DISPUTE: Style(color="#121212", bgcolor="#e06666", bold=True),
    ArticleView.SEARCH: Style(color="#121212", bgcolor="#ffc473"),
    ArticleView.SEARCH_CURRENT: Style(color="#121212", bgcolor="#8ad4a1", bold=True),
    ArticleView.NOTE: Style(underline=True),
    ArticleView.NOTE_BAR: Style(color="#4ebf71"),
    ArticleView.UNIQUE: Style(bgcolor="#3a2f1e"),
    ArticleView.DIM: Style(color="#6f6f6f"),
}
"""What the marks look like in the default theme, for a legend drawn away from any column."""


def _default(name: str) -> Style:
    return _DEFAULT.get(name, Style())


def legend_rows(style_of: StyleOf = _default) -> list[tuple[Text, str]]:
    """Each kind of mark the reader paints, as (a sample in its style, what it means), in the order a
    reader meets them. Pass a column's `get_component_rich_style` to draw them as the theme does."""

    def sample(*parts: tuple[str, tuple[str, ...]]) -> Text:
        text = Text(no_wrap=True, end="")
        for words, names in parts:
            style = Style.combine(style_of(name) for name in names) if names else Style()
            text.append(words, style)
        return text

    colours = [(words, (ArticleView.match_style(colour),)) for colour, words in enumerate(("shared", "words"))]
    current = (ArticleView.current_style(0), ArticleView.CURRENT)
    return [
        (
            sample(colours[0], (" ", ()), colours[1]),
            "a passage two or more independent sources share (a quote or a statement): a colour per match, "
            "never the colour of a match near it",
        ),
        (
            sample((" m12 ", (ArticleView.LABEL,)), ("the words", current)),
            "the current match (n / N): stronger, bold and underlined, its id where it starts in each column",
        ),
        (
            sample(("$1.13 trillion", (ArticleView.DISPUTE,))),
            "the versions of the dispute you went to (] / [), or of a claim only one source makes (from the panel)",
        ),
        (
            sample(("card", (ArticleView.SEARCH,)), (" ", ()), ("card", (ArticleView.SEARCH_CURRENT,))),
            "the hits of a search (/), over any other mark, and the hit you went to (enter, n / N while searching)",
        ),
        (
            sample((BAR, (ArticleView.NOTE_BAR,)), (" ", ()), ("noted", (ArticleView.NOTE,))),
            "a passage you wrote a note on, underlined, with a bar beside its lines",
        ),
        (
            sample(("only here", (ArticleView.UNIQUE,)), (" ", ()), ("the rest", (ArticleView.DIM,))),
            "with u: what only one voice says, and the rest dimmed",
        ),
        (
            Text("1A 4A · copy A", style="bold", no_wrap=True, end=""),
            "copies of one text (wire copy), in the source bar and the headers: one voice, whose shared "
            "passages are no match",
        ),
    ]


def legend(style_of: StyleOf = _default) -> Table:
    """The legend as a two-column Rich table: sample, meaning."""
    table = Table.grid(padding=(0, 2))
    table.add_column(no_wrap=True)
    table.add_column()
    for sample, meaning in legend_rows(style_of):
        table.add_row(sample, meaning)
    return table
