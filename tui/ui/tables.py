"""Rich tables for the command line's non-interactive commands; article text goes in as Text, never markup."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

from tui.core.model import Analysis, Corpus
from tui.ui.render import safe_text


def _text(value: str | None, style: str = "") -> Text:
    return Text(safe_text(value or ""), style=style)


def sources_table(corpus: Corpus) -> Table:
    """The articles: number, id, outlet, date, words, title."""
    table = Table("#", "id", "outlet", "date", "words", "title", title=_text(corpus.name))
    for number, article in enumerate(corpus.articles, 1):
        table.add_row(
            str(number),
            _text(article.id),
            _text(article.outlet),
            _text(article.date or "?"),
            f"{article.words:,}",
            _text(article.title),
        )
    return table


def matches_table(analysis: Analysis) -> Table:
    """One row per group: its id, kind, wording, score and each member's outlet, speaker and text."""
    outlets = {article.id: article.outlet for article in analysis.corpus.articles}
    count = len(analysis.groups)
    table = Table("id", "kind", "wording", "score", "versions", title=_text(f"{count} match{'' if count == 1 else 'es'}"))
    for group in analysis.groups:
        versions = Text()
        for member in group.members:
            if versions:
                versions.append("\n")
            versions.append(_text(outlets[member.span.article], "bold"))
            if member.speaker:
                versions.append(_text(f" ({member.speaker})", "italic"))
            versions.append(": ")
            versions.append(_text(member.text))
        table.add_row(group.id, group.kind, group.wording, f"{group.score:.0f}", versions)
    return table


def disputes_table(analysis: Analysis) -> Table:
    """One row per dispute: its id, kind, summary, and each source's version and value."""
    outlets = {article.id: article.outlet for article in analysis.corpus.articles}
    count, claims = len(analysis.disputes), len(analysis.uncorroborated)
    title = f"{count} dispute{'' if count == 1 else 's'}, {claims} uncorroborated claim{'' if claims == 1 else 's'}"
    table = Table("id", "kind", "summary", "versions", title=_text(title))
    for dispute in analysis.disputes + analysis.uncorroborated:
        versions = Text()
        for version in dispute.versions:
            if versions:
                versions.append("\n")
            versions.append(_text(outlets[version.span.article], "bold"))
            versions.append(": ")
            versions.append(_text(version.text))
            if version.value != version.text:
                versions.append(_text(f"  = {version.value}", "dim"))
        table.add_row(dispute.id, dispute.kind, _text(dispute.summary), versions)
    return table
