"""People's names in running text: capitalised runs, titles before a name, one person's full name and surname."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

from .wordlists import words

# Upper-case letters: Latin (with accents), Greek, Cyrillic. Names start with one.
UPPER = "".join(re.escape(c) for c in map(chr, range(0x250)) if c.isupper()) + "Α-ΩА-ЯЁ"
_TITLE_ABBRS = "Mr Mrs Ms Mx Dr Prof Sen Rep Gov Gen Lt Col Capt Sgt Rev Hon Pres".split()
_TITLE_ABBR = rf"(?:{'|'.join(_TITLE_ABBRS)})\."
_NAME_WORD = rf"(?:{_TITLE_ABBR}|(?:[{UPPER}]\.)+|[{UPPER}](?:[\w-]|[’'](?=\w))*)"
_PARTICLE = r"(?:(?:de|da|di|du|del|della|van|von|der|den|la|le|bin|ibn|al)[ ]){0,2}"


def _first_word_rest() -> str:
    """_NAME_WORD after its first capital, so that a run's pattern opens with a character class:
    the regex engine then skips ahead to capitals instead of trying every offset."""
    titles = []
    for initial in sorted({title[0] for title in _TITLE_ABBRS}):
        rests = sorted((title[1:] for title in _TITLE_ABBRS if title[0] == initial), key=len, reverse=True)
        titles.append(rf"(?<={initial})(?:{'|'.join(rests)})\.")  # M -> (?:rs|r|s|x)\.
    return rf"(?:{'|'.join(titles)}|\.(?:[{UPPER}]\.)*|(?:[\w-]|[’'](?=\w))*)"


# A run of capitalised words (at most six, which bounds backtracking): "Spanish Finance
# Minister Jane Doe", "John F. Kennedy", "Charles de Gaulle".
RUN = rf"[{UPPER}](?<![\w’'.-].){_first_word_rest()}(?:[ \u00a0]{_PARTICLE}{_NAME_WORD}){{0,5}}"
RUN_RE = re.compile(RUN)

# Words before a name that are not part of it: titles and roles, and capitalised sentence words;
# and words that make a run an organisation or a place rather than a person (data/*.txt).
TITLES = words("titles.txt")
SENTENCE_WORDS = words("sentence_words.txt")
NOT_PERSONAL = words("not_personal.txt")
_POSSESSIVES = ("’s", "'s")
_SUFFIXES = {"Jr", "Sr", "II", "III", "IV"}  # after a surname: the surname stays the short name
_INITIAL = re.compile(rf"(?:[{UPPER}]\.)+")


_TOKEN_AFTER_SPACE = re.compile(r"(?<=[ \u00a0])\S+")


def _find_word(text: str, word: str) -> Iterable[int]:
    """The offsets where `word` stands as a whole word in text."""
    at = text.find(word)
    while at != -1:
        end = at + len(word)
        if (at == 0 or not text[at - 1].isalnum()) and (end == len(text) or not text[end].isalnum()):
            yield at
        at = text.find(word, end)


class Run(NamedTuple):
    """A run of capitalised words and the name in it."""

    start: int
    end: int
    words: tuple[str, ...]
    name: tuple[str, ...]
    titled: bool


def name_of(words: tuple[str, ...]) -> tuple[tuple[str, ...], bool]:
    """The name at the end of a capitalised run, without the titles, possessives and sentence
    words before it, and whether a title came before it ("Finance Minister Jane Doe")."""
    cut, titled = 0, False
    for i, word in enumerate(words):
        key = word.rstrip(".").lower()
        if key in TITLES:
            cut, titled = i + 1, True
        elif key in SENTENCE_WORDS or word.endswith(_POSSESSIVES):
            cut = i + 1
    return words[cut:], titled


def _owner(words: tuple[str, ...]) -> tuple[str, ...]:
    """The name of a run that ends with an owner ("Prime Minister Jane Doe's plans" names Jane Doe),
    else ()."""
    if len(words) < 2 or not words[-1].endswith(_POSSESSIVES):
        return ()
    name, _ = name_of((*words[:-1], words[-1][:-2]))
    return name


def looks_personal(name: tuple[str, ...]) -> bool:
    """Whether the words look like a person's name: capitalised words or initials, no
    organisation or place words, no all-capitals acronyms."""
    for word in name:
        if "--" in word:
            return False  # two words run together by a dash: "IDs--you"
        if word.islower():
            continue  # a particle: de, van, bin
        if _INITIAL.fullmatch(word):
            continue
        if word.lower() in NOT_PERSONAL or not any(c.islower() for c in word):
            return False
    return True


def same_person(one: tuple[str, ...], other: tuple[str, ...]) -> bool:
    """Whether two full names can be the same person (John F. Kennedy and John Kennedy, Jane Doe and Doe Jane)."""
    first = {word for word in one if not _INITIAL.fullmatch(word)}
    second = {word for word in other if not _INITIAL.fullmatch(word)}
    return first <= second or second <= first


class Names:
    """The names an article gives: a surname used later stands for the full name first given."""

    def __init__(self, body: str) -> None:
        self.body = body
        self.runs = [self._run(match) for match in RUN_RE.finditer(body)]
        self.full: dict[str, tuple[str, ...]] = {}
        self.ambiguous: set[str] = set()
        self._mid_sentence: dict[str, bool] = {}
        self._inside: set[str] | None = None
        for run in self.runs:
            name = _owner(run.words) or run.name
            name = name[:-1] if len(name) > 2 and name[-1].rstrip(".") in _SUFFIXES else name
            if 2 <= len(name) <= 4 and looks_personal(name):
                self._learn(name)  # Anthony Doe III: Doe is Anthony Doe

    @staticmethod
    def _run(match: re.Match[str]) -> Run:
        """The run a match of RUN_RE makes, with the name at its end."""
        text = match.group()
        words = (text,) if " " not in text and "\u00a0" not in text else tuple(text.split())
        return Run(match.start(), match.end(), words, *name_of(words))

    def _learn(self, name: tuple[str, ...]) -> None:
        """Note a full name by its first and last word (Jane Doe, Doe Jane); a word
        that two different people share stays ambiguous."""
        for key in {name[0], name[-1]}:
            known = self.full.setdefault(key, name)
            if not same_person(known, name):
                self.ambiguous.add(key)

    def mid_sentence(self, word: str) -> bool:
        """Whether the word is capitalised somewhere inside a sentence (a name), not only at the
        start of one, where any word is ("Officials said")."""
        if word not in self._mid_sentence:
            if word[:1].isupper():
                self._mid_sentence[word] = word in self._capitalised_inside()
            else:
                self._mid_sentence[word] = any(self._inside_sentence(at) for at in _find_word(self.body, word))
        return self._mid_sentence[word]

    def _capitalised_inside(self) -> set[str]:
        """Every capitalised word found inside a sentence, as _find_word would find it there: each
        token after a space that _inside_sentence accepts, up to its end or to any character that
        is not a letter or a digit ("Doe" of "Doe,", "Jean" and "Jean-Luc" of "Jean-Luc's"). Worked
        out once: searching the body again for every name costs the body times the names."""
        if self._inside is None:
            self._inside = set()
            for token in _TOKEN_AFTER_SPACE.finditer(self.body):
                text = token.group()
                if text[0].isupper() and self._inside_sentence(token.start()):
                    self._inside.update(text[:k] for k in range(1, len(text)) if not text[k].isalnum())
                    self._inside.add(text)
        return self._inside

    def _inside_sentence(self, at: int) -> bool:
        """Whether offset `at` follows a lower-case word, a digit, a comma, or a quote that ends
        with a comma ('"...," Doe said')."""
        before = self.body[max(0, at - 4) : at].rstrip(" \u00a0")
        if not before or len(before) == len(self.body[max(0, at - 4) : at]):
            return False  # no space before: not a word of its own
        last = before[-1]
        return last.islower() or last.isdigit() or last in ",;" or (last in "\"”’'" and before[-2:-1] == ",")

    def expand(self, name: tuple[str, ...]) -> str:
        """The name as first given in full, for a lone surname that stands for one person."""
        if len(name) == 1 and name[0] in self.full and name[0] not in self.ambiguous:
            return " ".join(self.full[name[0]])
        return " ".join(name)

    def speaker(self, name: tuple[str, ...], titled: bool) -> str | None:
        """The speaker a name gives, or None for what is not a name ("Officials said")."""
        if not name or len(name) > 4:
            return None
        if len(name) == 1 and not (titled or name[0] in self.full or self.mid_sentence(name[0])):
            return None  # a capitalised word that only ever starts sentences
        return self.expand(name)

    def person(self, name: tuple[str, ...], titled: bool) -> str | None:
        """The person a name stands for, if it looks like one; "" when it is ambiguous."""
        if len(name) >= 2:
            return " ".join(name) if len(name) <= 4 and looks_personal(name) else None
        if len(name) == 1 and name[0] in self.ambiguous:
            return ""
        if len(name) == 1 and (name[0] in self.full or (titled and looks_personal(name))):
            return self.expand(name)
        return None
