"""The one place that turns article text and spans into styled terminal text.

Article text is data: it is made safe for the terminal here, character for character, so
that offsets into the body stay offsets into what is drawn, and it only ever becomes a
`rich.text.Text` (never a markup string).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_WORD = re.compile(r"\S+\s*|\s+")


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # the Control Pictures block: ESC shows as ␛
    if code == 0x7F:
        return "\u2421"  # ␡
    return "\ufffd"  # C1 controls and bidirectional overrides, which could reorder or recolour the screen


def safe_text(text: str) -> str:
    """The text with every control character made visible, one character for one.

    Tabs become spaces and line breaks stay, so wrapping still sees paragraphs.
    """
    return _CONTROL.sub(_visible, text).replace("\t", " ")


def wrap(text: str, width: int) -> list[tuple[int, int]]:
    """The (start, end) offsets of the lines that `text` wraps into at `width` cells.

    Lines break after whitespace where they can and inside a word only when the word
    is wider than the line. Each line break in the text starts a new line.
    """
    width = max(1, width)
    lines: list[tuple[int, int]] = []
    offset = 0
    for paragraph in text.split("\n"):
        lines.extend(_wrap_paragraph(paragraph, offset, width))
        offset += len(paragraph) + 1
    return lines


def _wrap_paragraph(paragraph: str, offset: int, width: int) -> list[tuple[int, int]]:
    lines: list[tuple[int, int]] = []
    start = used = 0
    for match in _WORD.finditer(paragraph):
        word_end = match.start() + len(match.group().rstrip())
        if used and used + cell_len(paragraph[match.start():word_end]) > width:
            lines.append((offset + start, offset + match.start()))
            start, used = match.start(), 0
        if used == 0:
            while cell_len(paragraph[start:word_end]) > width:
                cut = _cut(paragraph, start, width)
                lines.append((offset + start, offset + cut))
                start = cut
            used = cell_len(paragraph[start:match.end()])
        else:
            used += cell_len(match.group())
    lines.append((offset + start, offset + len(paragraph)))
    return lines


def _cut(paragraph: str, start: int, width: int) -> int:
    """The offset where a run of characters from `start` fills `width` cells (at least one character)."""
    cells, index = 0, start
    while index < len(paragraph):
        cells += cell_len(paragraph[index])
        if cells > width and index > start:
            break
        index += 1
    return index


@dataclass(frozen=True)
class Highlight:
    """A styled stretch of a body; later highlights are drawn over earlier ones."""

    start: int
    end: int
    style: Style


class Highlights:
    """Highlights sorted for finding the ones that touch a line quickly."""

    def __init__(self, highlights: list[Highlight] | tuple[Highlight, ...] = ()) -> None:
        self._items = sorted(highlights, key=lambda item: item.start)
        self._starts = [item.start for item in self._items]
        self._longest = max((item.end - item.start for item in self._items), default=0)

    def __len__(self) -> int:
        return len(self._items)

    def touching(self, start: int, end: int) -> list[Highlight]:
        """The highlights that overlap ``[start, end)``, in drawing order."""
        first = bisect_right(self._starts, start - self._longest - 1)
        last = bisect_right(self._starts, end)
        return [item for item in self._items[first:last] if item.end > start and item.start < end]


def styled_line(text: str, start: int, end: int, highlights: Highlights) -> Text:
    """The line ``text[start:end]`` as Rich text, with the highlights that touch it."""
    line = Text(text[start:end].rstrip("\n"), no_wrap=True, end="")
    for item in highlights.touching(start, end):
        line.stylize(item.style, max(item.start, start) - start, min(item.end, end) - start)
    return line
