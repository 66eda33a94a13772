"""Write tui/core/data/word_frequencies.txt.gz: how common each English word stem is in general text.

    pip install wordfreq==3.1.1 && python scripts/make_word_frequencies.py

The table is derived from wordfreq's English list (Robyn Speer, https://github.com/rspeer/wordfreq;
code Apache-2.0, data CC BY-SA 4.0), so the table is CC BY-SA 4.0 too: see
tui/core/data/word_frequencies.LICENSE. wordfreq itself is 58 MB installed and loads for a tenth of
a second; the alignment needs one number per stem, so a 200 KB table, read once, does the job.

Each line is a Zipf value (log10 of occurrences per billion words, to one decimal) and the stems
(tui.core.text.stem, so the alignment looks up what it holds) that have it. Stems under MIN_ZIPF
are left out: anything not in the table is rare. Run it again whenever `stem` changes.
"""

from __future__ import annotations

import gzip
import math
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tui.core.text import stem  # noqa: E402

MIN_ZIPF = 2.0
"""About once in ten million words: rarer words all weigh the same."""
OUT = ROOT / "tui" / "core" / "data" / "word_frequencies.txt.gz"
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")


def main() -> None:
    from importlib.metadata import version

    import wordfreq

    by_stem: dict[str, float] = defaultdict(float)
    for word, frequency in wordfreq.get_frequency_dict("en").items():
        if _WORD.fullmatch(word):
            by_stem[stem(word)] += frequency
    buckets: dict[float, list[str]] = defaultdict(list)
    for key, frequency in by_stem.items():
        zipf = round(math.log10(frequency * 1e9), 1)
        if zipf >= MIN_ZIPF:
            buckets[zipf].append(key)
    lines = [f"{zipf:.1f}\t{' '.join(sorted(stems))}" for zipf, stems in sorted(buckets.items(), reverse=True)]
    header = f"# Zipf frequency of English word stems, from wordfreq {version('wordfreq')} (CC BY-SA 4.0); see word_frequencies.LICENSE"
    with gzip.GzipFile(OUT, "wb", mtime=0) as out:  # mtime 0: the same input gives the same bytes
        out.write(("\n".join([header, *lines]) + "\n").encode("utf-8"))
    print(f"{OUT}: {sum(len(s) for s in buckets.values())} stems, {OUT.stat().st_size} bytes")


if __name__ == "__main__":
    main()
