"""What a quantity or a date measures, read from the words next to it in its sentence."""

# Subjects (Fact.subject, stems joined by spaces, what pairs facts about the same thing):
#   quantities and dates     the content stems of the noun phrase the number measures, from the
#                            same line and stopping at punctuation: the words right after it
#                            ("$5 billion-plus holdings of government bonds" -> "hold government bond"),
#                            else those before it ("bond holdings, worth over $5 billion"), plus an
#                            "of/in/on" phrase; a counted noun is its own subject ("job"). Places,
#                            months and size adjectives (vast, massive) are left out; then the head
#                            of a small family of synonyms is added ("duties" -> "tariff", "bill" ->
#                            "cost"), so "25% duties on steel" comes out as "duty steel tarif".
#   person                   the title's stems (see names.py); organisations and places have none.

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable

from tui.core.text import STOPWORDS, stem
from tui.core.wordlists import aliases, heads, words

from .candidates import line_start

# Words, dotted acronyms (U.S. is one token) and single punctuation marks.
TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[^\W_]+(?:['’][^\W_]+)*|[^\w\s]")
# Words between a noun and its number that say nothing about what is measured.
_LINKS = set("""worth valued totaling totalling totaled totalled amounting amounted estimated of at to by for
is was were are be been being stood stands reached hit rose fell grew dropped declined increased jumped
climbed slipped surged plunged gained rising falling from on in since until""".split()) | set(",—–-(:")
_CONNECTORS = {"of", "in", "on"}
_DETERMINERS = {"the", "a", "an", "its", "their", "his", "her", "our", "all", "some", "these", "those"}
# Adjectives that describe an amount's size, not what it is an amount of.
_VAGUE = words("vague.txt")
# Places, months and weekdays are facts of their own, not what an amount is of ("5% in April").
_PLACE_WORDS = {alias.lower() for alias in aliases("places.txt") if " " not in alias} | {"united", "states", "kingdom"}
_PLACE_WORDS |= {name.lower() for name in (*calendar.month_name[1:], *calendar.day_name)}
_MAX_STEMS = 4
# Outlets name one thing in different words: a subject with a word of a family also gets the
# family's head, so that subjects compared by shared stems meet (data/families.txt).
_FAMILY_OF = {stem(word): stem(head) for word, head in heads("families.txt").items()}


def stems(words: Iterable[str], drop_places: bool = True) -> list[str]:
    """The content stems of the words, without places and size adjectives, in order, once each."""
    found: list[str] = []
    for word in words:
        folded = word.lower().replace("’", "'")
        if re.fullmatch(r"(?:[a-z]\.){2,}", folded):
            folded = folded.replace(".", "")  # U.S. -> us
        if folded.endswith("'s"):
            folded = folded[:-2]
        if drop_places and folded in _PLACE_WORDS:
            continue
        stemmed = stem(folded)
        if folded in STOPWORDS or stemmed in STOPWORDS or folded in _VAGUE or not stemmed.isalpha():
            continue
        if stemmed not in found:
            found.append(stemmed)
    return found


def subject(body: str, start: int, end: int, counted: str = "") -> str:
    """The stems of what a number measures: the noun phrase after it ("holdings of government bonds"),
    else the one before it ("bond holdings, worth over"), with any "in/of ..." phrase after.
    Both stop at punctuation, so they stay within the sentence (U.S. is one token)."""
    line_end = body.find("\n", end, end + 80)
    right = TOKEN.findall(body, end, line_end if line_end >= 0 else end + 80)
    head, tail = _right_phrase(right)
    if counted:
        head = [counted]
    if not head:
        left = TOKEN.findall(body, line_start(body, start, 80), start)
        head = _left_phrase(left)
    words = stems(head + tail)[:_MAX_STEMS]
    heads = [_FAMILY_OF[word] for word in words if word in _FAMILY_OF]
    return " ".join(dict.fromkeys(words + heads))


def _right_phrase(tokens: list[str]) -> tuple[list[str], list[str]]:
    """The words right after a number (its head noun phrase) and an "of/in/on" phrase after them."""
    head = _take_words(tokens, 0, 3)
    i = len(head)
    if i < len(tokens) and tokens[i].lower() in _CONNECTORS:
        i += 1
        while i < len(tokens) and tokens[i].lower() in _DETERMINERS:
            i += 1
        return head, _take_words(tokens, i, 3)
    return head, []


def _take_words(tokens: list[str], i: int, limit: int) -> list[str]:
    """The run of content words from tokens[i], hyphens inside ("tariff-slashing") kept."""
    taken: list[str] = []
    while i < len(tokens) and len(taken) < limit:
        token = tokens[i]
        if token == "-" and taken:
            i += 1
            continue
        if not token[0].isalnum() or token.lower() in STOPWORDS:
            break
        taken.append(token)
        i += 1
    return taken


def _left_phrase(tokens: list[str]) -> list[str]:
    """The noun phrase before a number, past linking words ("holdings—exceeding", "worth")."""
    i = len(tokens) - 1
    skipped = 0
    while i >= 0 and skipped < 4 and (tokens[i].lower() in _LINKS or tokens[i].lower() in _DETERMINERS):
        i -= 1
        skipped += 1
    taken: list[str] = []
    while i >= 0 and len(taken) < 4:
        token = tokens[i]
        if not token[0].isalnum() or token.lower() in STOPWORDS or token.endswith(("’s", "'s")):
            break
        taken.append(token)
        i -= 1
    return list(reversed(taken))
