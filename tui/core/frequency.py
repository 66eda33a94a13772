"""How common a word is in general English: the alignment weighs rare words more than common ones.

The table (data/word_frequencies.txt.gz, derived from wordfreq, CC BY-SA 4.0) gives the Zipf
value of each stem: log10 of its occurrences per billion words, 7.7 for "the", 5.3 for "bank",
2.7 for "firebomb". A stem the table lacks is rarer than RARE_ZIPF. It is read on first use, so
that starting the reader never pays for it.
"""

from __future__ import annotations

import gzip
from functools import cache
from importlib import resources

RARE_ZIPF = 2.0
"""The table holds stems at least this common; anything else is counted as this rare."""
COMMON_ZIPF = 6.5
"""At and above this ("the", "of", "said") a word says nothing of what a sentence is about."""


@cache
def _table() -> dict[str, float]:
    data = resources.files("tui.core").joinpath("data").joinpath("word_frequencies.txt.gz").read_bytes()
    table: dict[str, float] = {}
    for line in gzip.decompress(data).decode("utf-8").splitlines():
        if line and not line.startswith("#"):
            zipf, stems = line.split("\t", 1)
            value = float(zipf)
            table.update(dict.fromkeys(stems.split(), value))
    return table


def zipf(stem: str) -> float:
    """The Zipf frequency of a stem (tui.core.text.stem) in general English; RARE_ZIPF when rarer.
    Numbers and other tokens that are not words count as rare."""
    return _table().get(stem, RARE_ZIPF)


def rarity(stem: str) -> float:
    """How much a stem tells what a passage is about, from general English: 0 for the commonest
    words, rising by one for each tenfold drop in frequency, COMMON_ZIPF - RARE_ZIPF at most."""
    return COMMON_ZIPF - min(COMMON_ZIPF, max(RARE_ZIPF, zipf(stem)))
