"""Word lists shipped as plain-text files in tui/core/data, each read once however many modules use it."""

# The lists are data, not code: one entry a line, "#" starting a comment, blank lines ignored, and
# a header comment in each file saying what the list is for. Editing a list needs no Python.

from __future__ import annotations

from functools import cache
from importlib.resources import files


@cache
def entries(name: str) -> tuple[str, ...]:
    """The entries of data/<name>, in file order, comments and blank lines left out."""
    text = (files("tui.core") / "data" / name).read_text(encoding="utf-8")
    lines = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return tuple(line for line in lines if line)


def words(name: str) -> frozenset[str]:
    """The entries of a list of words (or phrases), one a line, as written."""
    return frozenset(entries(name))


def aliases(name: str) -> dict[str, str]:
    """Each alias of a list of names with its canonical name: a line "Canonical: alias|alias", or a
    name alone that is its own canonical name."""
    table: dict[str, str] = {}
    for entry in entries(name):
        canonical, _, written = entry.partition(": ")
        for alias in written.split("|") if written else [canonical]:
            table[alias.strip()] = canonical
    return table


def heads(name: str) -> dict[str, str]:
    """Each word of a list of families with the family's head: a line "head: word word ..."."""
    table: dict[str, str] = {}
    for entry in entries(name):
        head, _, family = entry.partition(":")
        for word in family.split():
            table[word] = head.strip()
    return table


def families(name: str) -> dict[str, tuple[str, ...]]:
    """Each family's head with its words, from a list of lines "head: word word ..."."""
    table: dict[str, tuple[str, ...]] = {}
    for entry in entries(name):
        head, _, family = entry.partition(":")
        table[head.strip()] = tuple(family.split())
    return table
