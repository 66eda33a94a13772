"""Text normalisation shared by alignment, diffs and facts: case, quote styles, words, content words."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "`": "'", "´": "'", "“": '"', "”": '"', "„": '"'})
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)
_POSSESSIVE = re.compile(r"'s$")

STOPWORDS = frozenset(
    """
    a about above after again against all also am an and any are as at be because been before being below
    between both but by can could did do does doing down during each few for from further had has have having
    he her here hers herself him himself his how i if in into is it its itself just me more most my myself no
    nor not now of off on once only or other our ours ourselves out over own same she should so some such than
    that the their theirs them themselves then there these they this those through to too under until up very
    was we were what when where which while who whom why will with would you your yours yourself yourselves
    said says say saying told tell tells added adds according reported reports stated states noted notes
    however also would could may might must shall will yet still already even though although whether per via
    mr mrs ms dr s t ll re ve d m don doesn didn isn wasn weren aren won wouldn couldn shouldn hasn haven hadn
    """.split()
)


def fold(text: str) -> str:
    """Lowercase with one apostrophe and one double quote style, and accents kept (they tell names apart)."""
    return unicodedata.normalize("NFC", text).translate(_QUOTES).lower()


def words(text: str) -> list[str]:
    """The words of the text, folded: letters and digits, with inner apostrophes kept."""
    return _WORD.findall(fold(text))


def normalise(text: str) -> str:
    """The words of the text joined by single spaces: what "the same words" compares."""
    return " ".join(words(text))


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light English stem, enough to pair cards/card, taxes/tax, holdings/holding/hold, raise/raising."""
    word = _POSSESSIVE.sub("", word).replace("'", "")
    if len(word) <= 3 or not word.isalpha():
        return word
    word = singular(word)
    for suffix in ("ing", "ed"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    if word.endswith("e") and len(word) > 3:
        word = word[:-1]
    if len(word) >= 4 and word[-1] == word[-2] and word[-1] not in "lsz":
        word = word[:-1]  # stopped -> stopp -> stop
    return word


_SPELLINGS = (  # British -> American endings, so that one word spelled two ways folds to one
    (re.compile(r"(?<=[a-z]{3})is(e|ed|es|ing|ation|ations)$"), r"iz\1"),
    (re.compile(r"(?<=[a-z]{2})ys(e|ed|es|ing)$"), r"yz\1"),
    (re.compile(r"(?<=[a-z]{3})our(s|ed|ing|ful|ite|ites)?$"), r"or\1"),
    (re.compile(r"(?<=[a-z]{3}[^aeiou])re(s|d)?$"), r"er\1"),
    (re.compile(r"(?<=[a-z]{2}[^aeiou\W]e)ll(ed|ing|er|ers)$"), r"l\1"),  # travelled, cancelled; not killed, installed
)
_SPELLING_EXCEPTIONS = frozenset(
    "rise rised rises rising wise otherwise likewise raise raised raises raising noise poise praise praised "
    "promise promised promises premise premises expertise exercise exercised advise advised advice surprise "
    "surprised despise compromise compromised franchise enterprise merchandise revise revised supervise "
    "televise devise devised precise concise paradise treatise chastise disguise comprise comprised "
    "four hour hours your yours our ours tour tours flour pour poured sour detour contour "
    "acre acres genre genres ogre massacre mediocre "
    "compelled compelling propelled propelling repelled repelling expelled expelling excelled excelling "
    "rebelled rebelling dispelled dispelling impelled".split()
)


@lru_cache(maxsize=65536)
def fold_spelling(word: str) -> str:
    """One spelling for words written two ways: realise/realize, colour/color, centre/center,
    travelled/traveled, sell-off/selloff. Lower-case words in, lower-case out."""
    word = word.replace("-", "")
    if word in _SPELLING_EXCEPTIONS:
        return word
    for pattern, replacement in _SPELLINGS:
        folded = pattern.sub(replacement, word)
        if folded != word:
            return folded
    return word


def singular(word: str) -> str:
    """The singular of a regular English plural (homes -> home, cities -> city, boxes -> box)."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("es") and word[:-2].endswith(("ss", "x", "z", "ch", "sh")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def content_words(text: str) -> list[str]:
    """The stems of the words that carry meaning, in order (no stopwords)."""
    return [stem(word) for word in words(text) if word not in STOPWORDS and stem(word) not in STOPWORDS]


def capitalised_stems(text: str) -> set[str]:
    """The content stems written with a capital inside a sentence: names, places, organisations, titles."""
    names: set[str] = set()
    previous = "."
    for word in _WORD.findall(unicodedata.normalize("NFC", text).translate(_QUOTES)):
        folded = word.lower()
        if word[0].isupper() and previous[-1] not in ".!?:\"" and folded not in STOPWORDS:
            names.add(stem(folded))
        previous = word
    return names
