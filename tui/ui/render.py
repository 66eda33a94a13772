"""The one place that turns article text and spans into styled terminal text.

Article text is data: it is made safe for the terminal here, character for character, so
that offsets into the body stay offsets into what is drawn, and it only ever becomes a
`rich.text.Text` (never a markup string).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Generic, TypeVar

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text

V = TypeVar("V")

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


def wrap(text: str, width: int, labels: Mapping[int, int] | None = None) -> list[tuple[int, int]]:
    """The (start, end) offsets of the lines that `text` wraps into at `width` cells.

    Lines break after whitespace where they can and inside a word only when the word
    is wider than the line. Each line break in the text starts a new line. `labels` maps
    a body offset to the cells of a label drawn just before that character (a match's id):
    the label takes room on its line and never ends up on a line of its own.
    """
    width = max(1, width)
    lines: list[tuple[int, int]] = []
    offset = 0
    for paragraph in text.split("\n"):
        lines.extend(_wrap_labelled(paragraph, offset, width, labels or {}))
        offset += len(paragraph) + 1
    return lines


def rewrap(text: str, lines: list[tuple[int, int]], width: int, offsets: Iterable[int], labels: Mapping[int, int]) -> list[tuple[int, int]]:
    """`lines` (as `wrap` gave them) with the paragraphs that hold `offsets` wrapped again, with `labels`.

    Only those paragraphs change, so moving a label costs a paragraph, not the whole body.
    """
    lines = list(lines)
    for start in sorted({text.rfind("\n", 0, offset) + 1 for offset in offsets}, reverse=True):
        end = len(text) if (found := text.find("\n", start)) < 0 else found
        starts = [line_start for line_start, _ in lines]
        first, last = bisect_left(starts, start), bisect_right(starts, end)
        lines[first:last] = _wrap_labelled(text[start:end], start, max(1, width), labels)
    return lines


_ROOM = "\ue000"
"""What stands in for a label's cells while wrapping: one cell, no space, so it sticks to the word it precedes."""


def _wrap_labelled(paragraph: str, offset: int, width: int, labels: Mapping[int, int]) -> list[tuple[int, int]]:
    inside = sorted((at - offset, cells) for at, cells in labels.items() if offset <= at <= offset + len(paragraph))
    if not inside:
        return _wrap_paragraph(paragraph, offset, width)
    # Wrap the paragraph with room for each label, then map the virtual offsets back onto the body.
    virtual, shifts, done = "", [], 0
    for at, cells in inside:
        virtual += paragraph[done:at]
        shifts.append((len(virtual), cells))
        virtual += _ROOM * cells
        done = at
    virtual += paragraph[done:]

    def body(index: int) -> int:
        for at, cells in reversed(shifts):
            if index >= at:
                index = max(at, index - cells)
        return offset + index

    lines = [(body(start), body(end)) for start, end in _wrap_paragraph(virtual, 0, width)]
    return [line for line in lines if line[0] < line[1]] or lines[-1:]  # a line of label alone joins the next


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


def offset_at(text: str, start: int, end: int, cells: int, labels: Mapping[int, int] | None = None) -> int:
    """The body offset of the character drawn `cells` cells into the line ``text[start:end]``; a label
    (`labels`: offset -> cells, as for `wrap`) counts as part of the character it precedes."""
    used = 0
    for index in range(start, end):
        used += cell_len(text[index]) + (labels or {}).get(index, 0)
        if used > cells:
            return index
    return max(start, end - 1)


@dataclass(frozen=True)
class Mark:
    """A stretch of a body to draw in a named style; what the style looks like is up to the stylesheet."""

    start: int
    end: int
    style: str
    """The name of a component class of the widget that draws the body."""
    label: str = ""
    """Words drawn just before the stretch, outside the body (the current match's id); none when empty."""


@dataclass(frozen=True)
class Highlight:
    """A styled stretch of a body."""

    start: int
    end: int
    style: Style


class Highlights:
    """Highlights sorted for finding the ones that touch a line quickly; drawn in the order given, later over earlier."""

    def __init__(self, highlights: list[Highlight] | tuple[Highlight, ...] = ()) -> None:
        self._items = sorted(enumerate(highlights), key=lambda item: item[1].start)
        self._starts = [item.start for _, item in self._items]
        self._longest = max((item.end - item.start for _, item in self._items), default=0)

    def __len__(self) -> int:
        return len(self._items)

    def touching(self, start: int, end: int) -> list[Highlight]:
        """The highlights that overlap ``[start, end)``, in drawing order."""
        first = bisect_right(self._starts, start - self._longest - 1)
        last = bisect_right(self._starts, end)
        found = [(order, item) for order, item in self._items[first:last] if item.end > start and item.start < end]
        return [item for _, item in sorted(found, key=lambda pair: pair[0])]


def styled_line(text: str, start: int, end: int, highlights: Highlights, labels: Mapping[int, Text] | None = None) -> Text:
    """The line ``text[start:end]`` as Rich text, with the highlights that touch it and the labels
    (body offset -> label) that stand before a character of it.

    The spaces a line ends with stay unstyled, so a highlighted passage reads as a block of words.
    """
    line = Text(text[start:end].rstrip("\n"), no_wrap=True, end="")
    visible = len(line.plain.rstrip())
    for item in highlights.touching(start, end):
        line.stylize(item.style, max(item.start, start) - start, min(item.end - start, visible))
    for at in sorted((at for at in labels or {} if start <= at < end), reverse=True):
        line = Text.assemble(line[: at - start], labels[at], line[at - start :], no_wrap=True, end="")  # type: ignore[index]
    return line


def shorten(text: str, width: int, *, at_word: bool = False) -> str:
    """`text` on one line of at most `width` cells, ending in "…" where it is cut (at a word break
    when `at_word` and the line has one)."""
    line = " ".join(text.split())
    if cell_len(line) <= width:
        return line
    cells = end = 0
    for end, character in enumerate(line):  # noqa: B007 - `end` is where the room runs out
        cells += cell_len(character)  # a wide character takes two cells
        if cells > width - 1:
            break
    cut = line[:end]
    if at_word and line[end] != " " and " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:") + "…"


def clamp(text: str, width: int, lines: int) -> str:
    """`text` wrapped to `width` cells in at most `lines` lines, the last ending in "…" when some was cut."""
    text = " ".join(text.split())
    wrapped = [text[start:end].rstrip() for start, end in wrap(text, width)] if text else []
    if len(wrapped) <= lines:
        return "\n".join(wrapped)
    last = wrapped[lines - 1]
    while last and cell_len(last) + 1 > max(1, width):
        last = last[:-1]
    return "\n".join([*wrapped[: lines - 1], last.rstrip() + "…"])


def paint(marks: Iterable[Mark], style_of: Callable[[str], Style]) -> Highlights:
    """The marks as highlights, each in the style its name stands for, in the order given."""
    styles: dict[str, Style] = {}
    highlights = []
    for mark in marks:
        if mark.style not in styles:
            styles[mark.style] = style_of(mark.style)
        highlights.append(Highlight(mark.start, mark.end, styles[mark.style]))
    return Highlights(highlights)


def diff_text(runs: Iterable[tuple[str, str]], styles: Mapping[str, Style]) -> Text:
    """A word diff's runs as one text, each run's words in the style for its op (unstyled when there is none).

    The space after a run stays unstyled, so that neighbouring runs read as separate words.
    """
    text = Text()
    runs = list(runs)
    for index, (op, words) in enumerate(runs):
        shown = safe_text(words)
        stripped = shown.rstrip()
        text.append(stripped, styles.get(op))
        gap = shown[len(stripped):]
        # A version's last word carries no space, but its dropped words may still follow it.
        text.append(gap or (" " if index < len(runs) - 1 else ""))
    return text


class LineCache(Generic[V]):
    """What each wrapped line was drawn as, by its stretch of the body, kept until a mark that touches it changes.

    A line's look depends only on the text and the marks over its stretch (and the width and colours, on which
    the whole cache is cleared), not on where the wrap puts it, so a line drawn before is drawn from here after a
    scroll, a refocus or a label moving elsewhere. At most `size` lines are kept; the oldest go first.
    """

    def __init__(self, size: int = 1024) -> None:
        self._size = size
        self._lines: dict[tuple[int, int], V] = {}

    def __len__(self) -> int:
        return len(self._lines)

    def get(self, start: int, end: int) -> V | None:
        """The line ``[start, end)`` as drawn last; None when it is not kept."""
        return self._lines.get((start, end))

    def set(self, start: int, end: int, drawn: V) -> None:
        """Keep how the line ``[start, end)`` is drawn."""
        if len(self._lines) >= self._size:
            del self._lines[next(iter(self._lines))]
        self._lines[(start, end)] = drawn

    def clear(self) -> None:
        """Forget every line."""
        self._lines.clear()

    def forget(self, stretches: Iterable[tuple[int, int]]) -> None:
        """Forget the lines that overlap any of these ``(start, end)`` stretches; an empty stretch or line counts
        as its first character (a label or a note's bar stands there)."""
        merged: list[list[int]] = []
        for start, end in sorted((start, max(end, start + 1)) for start, end in stretches):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        starts = [start for start, _ in merged]
        for start, end in [key for key in self._lines if _overlaps(key, merged, starts)]:
            del self._lines[(start, end)]


def _overlaps(line: tuple[int, int], merged: list[list[int]], starts: list[int]) -> bool:
    """Whether the line overlaps one of the sorted, disjoint stretches `merged` (their starts: `starts`)."""
    start, end = line[0], max(line[1], line[0] + 1)
    before = bisect_left(starts, end) - 1  # the last stretch that starts before the line ends
    return before >= 0 and merged[before][1] > start
