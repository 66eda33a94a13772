"""Page furniture in articles copied from the web: related-story lists, sidebars, author boxes, captions.

Furniture is text, so it is kept and shown, but it is not the story: it must never be matched
with another outlet's reporting nor give a fact to dispute. A line that is only a dateline, a
timestamp or a byline ("Updated 5/5/2010 1:41 PM", "By Jane Doe, Associated Press") is furniture
too: its date is the article's (see tui.core.dateline), not a fact of the story. So are credit
lines ("Reporting by ...; Editing by ..."), copyright notices, a place dateline opening the story
("ATHENS, Greece (AP) — ") and a teaser line for another story inside this one ("More from
Acme: <headline>"), which opens the page's tail only when no story sentence follows it.
"""

from __future__ import annotations

import bisect
import functools
import re

from tui.core.dateline import is_stamp_line

# A line that opens a block running to the end of the article: lists of other stories, author boxes.
_TAIL_MARKERS = re.compile(
    r"(?:explore|related(?: (?:articles|stories|news|coverage))?|more (?:from|on|stories)\b.*|read more\b.*"
    r"|recommended(?: for you)?|most (?:read|popular|viewed)|trending(?: now)?|you may also like"
    r"|also read\b.*|more in\b.*|latest news)",
    re.IGNORECASE,
)
# The same, but always furniture however much prose follows (an author's biography is prose).
_STRONG_TAIL_MARKERS = re.compile(r"(?:about the author|author|end of article|follow us\b.*)", re.IGNORECASE)
# A line that is furniture by itself.
_LINE_MARKERS = re.compile(
    r"(?:advertisement|share(?: this)?(?: article)?|\d+ min(?:ute)?s? read|contact us|sign up\b.*|subscribe\b.*"
    r"|(?:file )?photo:.*|.*\((?:picture credit|photo|image)[^)]*\)|.*/ (?:ap|afp|reuters|getty images)"
    r"|listen to (?:this )?article.*|sneak a peek at .*|stay informed with .*"
    r"|.*\((?:[\w.]+ )?photo\b[^)]*\)"  # Jane Doe (AP Photo/John Roe)
    # credits: "Reporting by Jane Doe; Editing by John Roe", "Associated Press writer Jane Doe contributed to this report."
    r"|\(?(?:(?:additional )?(?:reporting|writing|editing|compiled|produced|written|research) by (?-i:[A-Z])[^;()]*[;,]? ?)+\)?"
    r"|.*\bcontributed (?:reporting|to this (?:report|story|article))\b[^.]*\.?"
    # copyright notices
    r"|(?:\(c\)|©).*|copyright (?:©|\(c\) ?)?(?:19|20)\d\d\b.*|.*\ball rights reserved\b.*"
    r"|this material may not be published.*)",
    re.IGNORECASE,
)
# A tail marker that names one other story after a colon ("More from Acme: Floods in the north") is
# a teaser: a line of furniture in the story, which opens the tail only when no story sentence follows.
_TEASER = re.compile(r"[^:]{2,60}:\s*\S.{3,}")
STORY_SENTENCE_WORDS = 8
"""A line after a teaser with a final stop and at least this many words is the story going on."""
# A place dateline that opens a story's first line: "ATHENS, Greece (AP) — ", "TROY, Mich. -- ",
# "WASHINGTON (Reuters) - ": the place in capitals, then perhaps a region, perhaps an agency in
# brackets, then a dash. Furniture, though the sentence it opens is the story.
_CAPS_WORD = r"[A-Z][A-Z.'’-]+"
_PLACE_DATELINE = re.compile(
    rf"(?-i:[A-Z][A-Z.'’-]{{2,}}(?:[ ]{_CAPS_WORD}){{0,3}}(?:,[ ][A-Z][\w.]*(?:[ ][A-Z][\w.]*){{0,2}})?"
    rf"(?:[ ]?\([A-Z][\w&.-]*(?:[ ][A-Z][\w&.-]*){{0,3}}\))?[ ]*(?:--|[—–-])[ ]+)(?=\S)"
)
DATELINE_LINES = 3
"""A place dateline is looked for at the start of this many first lines of story text."""
_SYMBOLS_ONLY = re.compile(r"[^\w]+")
_TERMINAL = re.compile(r"[.!?:\"'”’)\]]\s*$")


def _lines(body: str) -> list[tuple[int, int]]:
    """(start, end) of every line, without its line break."""
    spans, start = [], 0
    for line in body.split("\n"):
        spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans


def furniture(body: str) -> list[tuple[int, int]]:
    """The (start, end) spans of the body that are page furniture, in order, not overlapping.

    Worked out once for a body (segmentation, alignment and the facts all ask), a new list each time.
    """
    return list(_furniture(body))


@functools.lru_cache(maxsize=4096)
def _furniture(body: str) -> tuple[tuple[int, int], ...]:
    lines = _lines(body)
    marked = [False] * len(lines)
    prose = _prose_after(body, lines)
    story_after: list[bool] | None = None
    for index, (start, end) in enumerate(lines):
        text = body[start:end].strip()
        if not text:
            continue
        strong = _STRONG_TAIL_MARKERS.fullmatch(text)
        if strong or (_TAIL_MARKERS.fullmatch(text) and _looks_like_tail(prose, index)):
            if not strong and _TEASER.fullmatch(text):
                story_after = story_after or _story_after(body, lines)
                if story_after[index]:
                    marked[index] = True  # a teaser line inside the story
                    continue
            marked[index:] = [True] * (len(lines) - index)
            break
        if _LINE_MARKERS.fullmatch(text) or is_stamp_line(text):
            marked[index] = True
        elif _SYMBOLS_ONLY.fullmatch(text):
            _mark_teaser(body, lines, marked, index)
    return tuple(_with_spans(_merge(lines, marked, body), _place_datelines(body, lines, marked)))


def _place_datelines(body: str, lines: list[tuple[int, int]], marked: list[bool]) -> list[tuple[int, int]]:
    """The place datelines that open the first lines of story text ("ATHENS, Greece (AP) — ")."""
    found: list[tuple[int, int]] = []
    seen = 0
    for (start, end), flag in zip(lines, marked):
        if flag or start == end or not body[start:end].strip():
            continue
        match = _PLACE_DATELINE.match(body, start, end)
        if match is not None:
            found.append((start, start + len(match.group().rstrip())))
        seen += 1
        if seen >= DATELINE_LINES:
            break
    return found


def _with_spans(spans: list[tuple[int, int]], more: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The union of two lists of sorted spans, sorted and not overlapping."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans + more):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _looks_like_tail(prose_after: list[int], index: int) -> bool:
    """A tail marker opens furniture only when little story prose follows it."""
    return prose_after[index] < 400


def _prose_after(body: str, lines: list[tuple[int, int]]) -> list[int]:
    """How many characters of story prose (long lines with a final stop) follow each line, worked
    out once from the end: a page with a "Read more" line after every paragraph must not read the
    rest of the page at each one."""
    total = 0
    prose = [0] * len(lines)
    for index in range(len(lines) - 1, -1, -1):
        prose[index] = total
        line = body[lines[index][0] : lines[index][1]].strip()
        if len(line) > 200 and _TERMINAL.search(line):
            total += len(line)
    return prose


def _story_after(body: str, lines: list[tuple[int, int]]) -> list[bool]:
    """Whether a story sentence (a final stop, STORY_SENTENCE_WORDS words or more) follows each line."""
    seen = False
    after = [False] * len(lines)
    for index in range(len(lines) - 1, -1, -1):
        after[index] = seen
        line = body[lines[index][0] : lines[index][1]].strip()
        seen = seen or (_TERMINAL.search(line) is not None and len(line.split()) >= STORY_SENTENCE_WORDS)
    return after


def _mark_teaser(body: str, lines: list[tuple[int, int]], marked: list[bool], index: int) -> None:
    """A link symbol alone on a line ends a teaser for another story: its paragraph and a headline before it."""
    marked[index] = True
    paragraphs = 0
    cursor = index - 1
    while cursor >= 0 and paragraphs < 2:
        start, end = lines[cursor]
        text = body[start:end].strip()
        if text:
            if paragraphs == 1 and _TERMINAL.search(text):
                break
            marked[cursor] = True
            paragraphs += 1
        cursor -= 1


def _merge(lines: list[tuple[int, int]], marked: list[bool], body: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for (start, end), flag in zip(lines, marked):
        if not flag or start == end or not body[start:end].strip():
            continue
        if spans and body[spans[-1][1] : start].strip() == "":
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return spans


def inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether ``[start, end)`` lies mostly within the spans (more than half its characters)."""
    return covered(spans, start, end) * 2 > max(1, end - start)


def covered(spans: list[tuple[int, int]], start: int, end: int) -> int:
    """How many characters of ``[start, end)`` the sorted, non-overlapping spans hold.

    Only the spans that reach past `start` are visited (found by bisection), so asking this of
    every sentence of a long article costs the sentences plus the spans, not their product.
    """
    total = 0
    i = bisect.bisect_right(spans, start, key=lambda span: span[1])
    while i < len(spans) and spans[i][0] < end:
        total += min(end, spans[i][1]) - max(start, spans[i][0])
        i += 1
    return total
