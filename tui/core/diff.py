"""A word-level diff of one version of a passage against another, for the match details.

Words are compared loosely (case, punctuation and the style of quote marks don't count), so
that "Cards," and "cards" read as the same word, but the diff hands back the words exactly as
each version wrote them: joining every op but "dropped" gives the other version back unchanged.
"""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher
from typing import Literal

Op = Literal["equal", "added", "dropped", "changed"]
"""equal: in both; added: only in the other; dropped: only in the reference; changed: the other's
words where the reference had different ones (the reference's words come just before, as dropped)."""

_TOKEN = re.compile(r"\S+\s*")
_NOT_WORD = re.compile(r"[\W_]+")


def tokens(text: str) -> list[str]:
    """The words of `text`, each with the whitespace after it; leading whitespace joins the first."""
    found = _TOKEN.findall(text)
    lead = text[: len(text) - len(text.lstrip())]
    if found and lead:
        found[0] = lead + found[0]
    return found or ([text] if text else [])


def word_key(token: str) -> str:
    """What a word is compared by: letters and digits only, case folded, compatibility-normalised.

    A token of punctuation alone ("—", a lone quote mark) has the empty key, so it matches any other.
    """
    folded = unicodedata.normalize("NFKC", token).casefold()
    return _NOT_WORD.sub("", folded)


def word_diff(reference: str, other: str) -> list[tuple[Op, str]]:
    """How `other` differs from `reference`, word by word, as (op, text) runs in reading order."""
    ours, theirs = tokens(reference), tokens(other)
    matcher = SequenceMatcher(None, [word_key(t) for t in ours], [word_key(t) for t in theirs], autojunk=False)
    runs: list[tuple[Op, str]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            _append(runs, "equal", theirs[j1:j2])
        elif tag == "insert":
            _append(runs, "added", theirs[j1:j2])
        elif tag == "delete":
            _append(runs, "dropped", ours[i1:i2])
        else:
            _append(runs, "dropped", ours[i1:i2])
            _append(runs, "changed", theirs[j1:j2])
    return runs


def _append(runs: list[tuple[Op, str]], op: Op, words: list[str]) -> None:
    """Add words to the diff, merging them into the last run when it has the same op."""
    if runs and runs[-1][0] == op:
        runs[-1] = (op, runs[-1][1] + "".join(words))
    else:
        runs.append((op, "".join(words)))


def word_counts(runs: list[tuple[Op, str]]) -> dict[Op, int]:
    """How many words each op covers: the size of a diff at a glance."""
    counts: dict[Op, int] = {"equal": 0, "added": 0, "dropped": 0, "changed": 0}
    for op, text in runs:
        counts[op] += len(tokens(text))
    return counts
