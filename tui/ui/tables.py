"""Rich tables for the command line's non-interactive commands; article text goes in as Text, never markup."""

from __future__ import annotations

from rich.table import Column, Table
from rich.text import Text

from tui.core.model import Analysis, Corpus
from tui.ui.render import safe_text
from tui.ui.voices import Voices


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
    """One row per group: its id, kind, wording, score, how many sources (each family of copies
    once) and each member's outlet, speaker and text; under it, the families of copies of one text."""
    outlets = {article.id: article.outlet for article in analysis.corpus.articles}
    voices = Voices(analysis)
    count = len(analysis.groups)
    table = Table("id", "kind", "wording", "score", Column("sources", max_width=13), "versions", title=_text(f"{count} match{'' if count == 1 else 'es'}"))
    for group in analysis.groups:
        versions = Text()
        for member in group.members:
            if versions:
                versions.append("\n")
            versions.append(_text(outlets[member.span.article], "bold"))
            _copy(versions, voices, member.span.article)
            if member.speaker:
                versions.append(_text(f" ({member.speaker})", "italic"))
            versions.append(": ")
            versions.append(_text(member.text))
        sources, independent = len(set(group.articles)), voices.count(group.articles)
        table.add_row(group.id, group.kind, group.wording, f"{group.score:.0f}", f"{sources}" + (f" ({independent} independent)" if independent < sources else ""), versions)
    table.caption, table.caption_justify = _families(analysis, voices), "left"
    return table


def _copy(text: Text, voices: Voices, article_id: str) -> None:
    """After a version's outlet, " (copy A)" when the article is a copy of one text."""
    letter = voices.letter(article_id)
    if letter:
        text.append(f" (copy {letter})", "dim")


def _families(analysis: Analysis, voices: Voices) -> Text | None:
    """ "Copies of one text, one voice each:" and a line a family ("A (Reuters, 90% the same): 1 Harbour Times, 2 Island Daily")."""
    if not analysis.families:
        return None
    numbers = {article.id: (number, article.outlet) for number, article in enumerate(analysis.corpus.articles, 1)}
    lines = Text("Copies of one text, one voice each:")
    for family in analysis.families:
        wire = f"{family.wire}, " if family.wire else ""
        lines.append(_text(f"\n{voices.letter(family.sources[0])} ({wire}{family.shared:.0%} the same): "))
        lines.append(_text(", ".join(f"{numbers[source][0]} {numbers[source][1]}" for source in family.sources if source in numbers)))
    return lines


def disputes_table(analysis: Analysis) -> Table:
    """One row per dispute: its id, kind, summary, and each source's version and value."""
    outlets = {article.id: article.outlet for article in analysis.corpus.articles}
    count, claims = len(analysis.disputes), len(analysis.uncorroborated)
    title = f"{count} dispute{'' if count == 1 else 's'}, {claims} uncorroborated claim{'' if claims == 1 else 's'}"
    table = Table("id", "kind", "summary", "versions", title=_text(title))
    voices = Voices(analysis)
    for dispute in analysis.disputes + analysis.uncorroborated:
        versions = Text()
        for version in dispute.versions:
            if versions:
                versions.append("\n")
            versions.append(_text(outlets[version.span.article], "bold"))
            _copy(versions, voices, version.span.article)
            versions.append(": ")
            versions.append(_text(version.text))
            if version.value != version.text:
                versions.append(_text(f"  = {version.value}", "dim"))
        table.add_row(dispute.id, dispute.kind, _text(dispute.summary), versions)
    return table
