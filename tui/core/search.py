"""Text search: where the words a reader typed occur in the articles, as spans in reading order.

The query is taken literally (no pattern characters, no markup), ignoring case; a space in it
matches any run of whitespace (a line break in a hard-wrapped file), and a straight quote or
apostrophe matches its curly forms, as a reader types one and the article prints the other.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from tui.core.model import Span

_ALIKE = {"'": "['\u2018\u2019\u02bc]", '"': '["\u201c\u201d\u201e]'}
"""The characters a typed quote stands for."""


def pattern(query: str) -> re.Pattern[str] | None:
    """The expression that finds `query` as a reader means it; None for a query of only whitespace."""
    words = query.split()
    if not words:
        return None
    return re.compile(r"\s+".join("".join(_ALIKE.get(char) or re.escape(char) for char in word) for word in words), re.IGNORECASE)


def find(bodies: Iterable[tuple[str, str]], query: str) -> list[Span]:
    """Every occurrence of `query` in the bodies, given as (article id, body) in reading order: the
    articles in the order given, each one's occurrences from its start, none overlapping."""
    expression = pattern(query)
    if expression is None:
        return []
    return [Span(article, found.start(), found.end()) for article, body in bodies for found in expression.finditer(body)]
