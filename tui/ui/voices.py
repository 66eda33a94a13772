"""Voices: the analysis's copy families as the reader shows them, and how many independent sources a group has.

A family is several articles carrying one text (wire copy); it is one voice, however many
outlets printed it. Each family gets a letter (A, B, ...) that the source bar, the column
headers and the match details show beside its sources.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from tui.core.model import Analysis, Family, MatchGroup
from tui.core.voices import count_voices, voice_map


def _letter(index: int) -> str:
    """A, B, ... Z, then A2, B2, ...: short enough for the source bar."""
    return chr(ord("A") + index % 26) + (str(index // 26 + 1) if index >= 26 else "")


class Voices:
    """Which articles are copies of one text: each family's letter, and every article's voice."""

    def __init__(self, analysis: Analysis) -> None:
        self._numbers = {article.id: number for number, article in enumerate(analysis.corpus.articles, 1)}
        self._family: dict[str, tuple[str, Family]] = {
            source: (_letter(index), family) for index, family in enumerate(analysis.families) for source in family.sources
        }
        self._voice_of = voice_map(analysis.families)

    def letter(self, article_id: str) -> str | None:
        """The letter of the article's family; None when it is no copy."""
        found = self._family.get(article_id)
        return found[0] if found else None

    def family(self, article_id: str) -> Family | None:
        """The family the article belongs to, if any."""
        found = self._family.get(article_id)
        return found[1] if found else None

    def count(self, article_ids: Iterable[str]) -> int:
        """How many independent voices these articles are: the copies of one text count once."""
        return count_voices(article_ids, self._voice_of)

    def copied(self, group: MatchGroup) -> bool:
        """Whether only copies of one text share the group's passage: no independent source does."""
        return self.count(group.articles) < 2

    def sources(self, group: MatchGroup) -> str:
        """ "3 sources", or "3 sources, 2 independent" when copies of one text are among them."""
        articles = set(group.articles)
        voices = self.count(articles)
        label = f"{len(articles)} source{'' if len(articles) == 1 else 's'}"
        return label if voices == len(articles) else f"{label}, {voices} independent"

    def describe(self, article_id: str, numbers: Mapping[str, int] | None = None) -> str | None:
        """The column header's word on a copy: "copy A: 88% the same as 2, 5", naming the agency when the text does;
        the other copies by their `numbers` (the columns', by article id; the files' order by default)."""
        family = self.family(article_id)
        if family is None:
            return None
        numbers = self._numbers if numbers is None else numbers
        others = ", ".join(str(numbers[source]) for source in family.sources if source != article_id and source in numbers) or "hidden sources"
        wire = f" ({family.wire})" if family.wire else ""
        return f"copy {self.letter(article_id)}{wire}: {family.shared:.0%} the same as {others}"

    def letters(self) -> dict[str, str]:
        """Every copy's family letter, by article id."""
        return {source: letter for source, (letter, _) in self._family.items()}

    def descriptions(self, numbers: Mapping[str, int] | None = None) -> dict[str, str]:
        """What every copy's column header says of its family, by article id, the others by their `numbers`."""
        return {source: self.describe(source, numbers) or "" for source in self._family}
