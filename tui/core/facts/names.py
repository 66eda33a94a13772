"""People, organisations and places named in text: gazetteer aliases, organisation runs, people with their titles."""

# Value formats (Fact.value and Fact.subject of names):
#   person                   the full name as the article first gives it ("Jane Doe", "Doe Jane");
#                            a later "Doe" gets the same value. The title goes to Fact.subject as
#                            stems ("financ minister"), the same on every mention of that person in
#                            the article, so that values compare names only.
#   organisation, place      a canonical name from data/organisations.txt or data/places.txt:
#                            "Reuters", "Bank of Japan", "US Treasury", "United States" (for US, U.S.,
#                            USA, America, United States); for an organisation found by its last word
#                            ("Acme Widgets Inc") the name as written.

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from tui.core.model import FactType

# Names come from the name finder segment uses too, so that a person here is the person a quote is credited to.
from tui.core.names import TITLES, Names, name_of
from tui.core.text import STOPWORDS
from tui.core.wordlists import aliases, words

from .candidates import Candidate, line_start
from .subjects import TOKEN, stems

_PLACES = aliases("places.txt")
_ORGANISATIONS = aliases("organisations.txt")
_Alias = tuple[str, FactType, str]  # (alias as written, type, canonical name)
_CAP_WORD = re.compile(r"[A-Z][A-Za-z0-9&]*")


def _first_word(alias: str) -> str:
    """The first capitalised word of an alias: "U" of "U.S.", "Bank" of "Bank of Japan"."""
    return _CAP_WORD.match(alias).group()  # type: ignore[union-attr]


def _by_first_word() -> dict[str, list[_Alias]]:
    """Aliases by their first capitalised word, longest first: the body's capitalised words are
    looked up here instead of trying every alias everywhere."""
    table: dict[str, list[_Alias]] = {}
    for alias in sorted(_ORGANISATIONS.keys() | _PLACES.keys(), key=len, reverse=True):
        entry: _Alias = (
            (alias, "organisation", _ORGANISATIONS[alias]) if alias in _ORGANISATIONS else (alias, "place", _PLACES[alias])
        )
        table.setdefault(_first_word(alias), []).append(entry)
    return table


_ALIASES = _by_first_word()
# Nouns after an organisation's name that make the name a modifier ("Treasury bonds", "Fed officials").
_MODIFIED = words("org_modifiers.txt")
# The last word of a capitalised run that makes it an organisation: "Acme Group", "Japan Post".
_ORG_SUFFIXES = words("org_suffixes.txt")
_NEXT_WORD = re.compile(r"[ \u00a0]+([\w-]+)")
_RUN_WORD = re.compile(r"[^ \u00a0]+")
# Capitalised words (U.S. keeps its dots, a full stop ends the run: "Hanoi. The Bank" is two).
_ORG_WORD = r"(?:(?:[A-Z]\.){2,}|[A-Z][\w&’'-]*)"
_ORG_RUN = re.compile(rf"{_ORG_WORD}(?:[ \u00a0](?:&[ \u00a0])?{_ORG_WORD}){{1,5}}(?:\.(?=[ \u00a0]*[a-z,]))?")
_LEADING = re.compile(r"^(?:(?:The|A|An|In|On|At|For|By|From|With|And|But|As|While|When|If|After)[ \u00a0]|\S+['’]s[ \u00a0])+")


def names_of_things(body: str) -> Iterator[Candidate]:
    """Organisation and place candidates: the gazetteer's aliases, runs like "Acme Group", and
    the capitalised names a place preposition introduces ("near Oak Falls", "in Elm County")."""
    yield from _gazetteer(body)
    yield from _org_runs(body)
    yield from _places_after_prepositions(body)
    yield from _where_it_happened(body)


# Where people die, are hurt or are found, in the words news uses for it: "at the scene", "on the
# way to the hospital", "in hospital", "at home". The value is one wording for each.
_LOCATIVES = (
    (re.compile(r"\b(?:on[ \u00a0]the[ \u00a0]way|en[ \u00a0]route|on[ \u00a0]arrival)[ \u00a0]to[ \u00a0](?:the[ \u00a0]|a[ \u00a0])?hospital\b", re.I), "on the way to hospital"),
    (re.compile(r"\b(?:in|at)[ \u00a0](?:the[ \u00a0]|a[ \u00a0]|(?:a[ \u00a0])?local[ \u00a0])?hospital\b", re.I), "in hospital"),
    (re.compile(r"\bat[ \u00a0]the[ \u00a0]scene\b", re.I), "at the scene"),
    (re.compile(r"\bat[ \u00a0](?:his|her|their)[ \u00a0]home\b", re.I), "at home"),
)


def _where_it_happened(body: str) -> Iterator[Candidate]:
    """Place candidates for where something happened to people, said without a name."""
    for pattern, value in _LOCATIVES:
        for match in pattern.finditer(body):
            yield Candidate(match.start(), match.end(), "place", value, None, 4)


# "in Millbrook", "near Oak Falls": a capitalised name after a place preposition, not a possessive.
_PLACE_AFTER = re.compile(r"\b(?:in|near|outside|around)[ \u00a0]+([A-Z][a-z]+(?:[ \u00a0][A-Z][a-z]+){0,2})(?![\w'’-])")
_NOT_PLACES = words("not_personal.txt")
_ABBREVIATED = re.compile(r"\.(?:,| +[a-z])")


def _places_after_prepositions(body: str) -> Iterator[Candidate]:
    """Place candidates the gazetteer does not know: the name after "in", "near", "outside" or
    "around" ("boxed in his car on the highway in Millbrook"); not months, weekdays or sentence
    words, nor an abbreviation before a lower-case word ("in Mich. office shooting")."""
    for match in _PLACE_AFTER.finditer(body):
        name = match.group(1)
        if name.split()[0].lower() in _NOT_PLACES | _SENTENCE_WORDS or _ABBREVIATED.match(body, match.end(1)):
            continue
        yield Candidate(match.start(1), match.end(1), "place", name, None, 4)


def _gazetteer(body: str) -> Iterator[Candidate]:
    """The gazetteer's aliases written in the body as whole words."""
    for word in _CAP_WORD.finditer(body):
        start = word.start()
        if start and (body[start - 1].isalnum() or body[start - 1] in "&’'_"):
            continue  # inside a word: iPhone, O'Neill
        alias, kind, value = _alias_at(body, start, _ALIASES.get(word.group(), ()))
        if not alias:
            continue
        end = start + len(alias)
        if kind == "organisation" and _is_modifier(body, end):
            yield from _place_in(alias, start)  # "US Treasury holdings": bonds, but US is a place
            continue
        yield Candidate(start, end, kind, value, None, 2 if kind == "organisation" else 3)


def _org_runs(body: str) -> Iterator[Candidate]:
    """Runs of capitalised words that end with an organisation's word ("Acme Widgets Inc"), unless
    the name is used as a modifier ("Federal Reserve officials")."""
    for match in _ORG_RUN.finditer(body):
        text = match.group()
        if text.split()[-1] in _ORG_SUFFIXES and not _is_modifier(body, match.end()):
            lead = _LEADING.match(text)
            start = match.start() + (lead.end() if lead else 0)
            name = body[start : match.end()]
            if len(name.split()) >= 2:
                yield Candidate(start, match.end(), "organisation", " ".join(name.split()), None, 4)


def _alias_at(body: str, start: int, aliases: Iterable[_Alias]) -> _Alias:
    """The longest alias written at body[start:] as whole words, or ("", ...) if none is."""
    for alias, kind, value in aliases:
        end = start + len(alias)
        if body.startswith(alias, start) and not (end < len(body) and (body[end].isalnum() or body[end] in "&_")):
            return alias, kind, value
    return "", "place", ""


def _is_modifier(body: str, end: int) -> bool:
    """Whether the name ending at `end` modifies the noun after it ("Treasury bonds", "IMF officials"):
    then it names what the noun says, not the organisation."""
    following = _NEXT_WORD.match(body, end)
    return following is not None and following.group(1).lower() in _MODIFIED


def _place_in(alias: str, start: int) -> Iterator[Candidate]:
    """The place an organisation's name opens with ("U.S." of "U.S. Treasury"), if any."""
    places = (entry for entry in _ALIASES.get(_first_word(alias), ()) if entry[1] == "place")
    place, _, value = _alias_at(alias, 0, places)
    if place:
        yield Candidate(start, start + len(place), "place", value, None, 3)


_APPOSITION = re.compile(r",[ \u00a0]+((?:the[ \u00a0]|an?[ \u00a0])?[a-z][^,;:\"“”()\n]{2,60}?)(?=,|\.(?:\s|$)|;)")
_NOT_TITLE_ENDINGS = ("ed", "ing", "ly", "es")
_AFFILIATION = re.compile(r"[ \u00a0]+(?:of|at|from)[ \u00a0]+([A-Z][\w&]*(?:[ \u00a0][A-Z][\w&]*){0,3})")


# Words that make a capitalised pair a street, a building or a document rather than a person, and
# words that open a sentence or a page label rather than a name ("See Section", "Read More").
_NOT_NAME_WORDS = words("not_name_words.txt")
_SENTENCE_WORDS = words("sentence_words.txt")
_NOT_FIRST_NAMES = words("not_first_names.txt")


def _plausible_person(name: str) -> bool:
    """Whether a name that looks personal is not a street, a building or a page label."""
    words = name.lower().split()
    return words[0] not in _NOT_FIRST_NAMES and not _NOT_NAME_WORDS.intersection(words)


def people(body: str) -> Iterator[Candidate]:
    """Person candidates: every mention of a person's name, a lone surname expanded to the full
    name the article gives; the title (stems) rides in the subject, the same for every mention."""
    names = Names(body)
    titles: dict[str, str] = {}
    found: list[tuple[int, int, str, str]] = []
    for run in names.runs:
        if len(run.words) == 1 and _strip_possessive(run.words[0]) not in names.full:
            continue  # a lone capitalised word is a person only as the surname of a full name given
        mention = _mention(body, run.start, run.end)
        if mention is None:
            continue
        start, end, words, titled = mention
        person = names.person(words, titled)
        if person and _plausible_person(person):
            title = _title(body, start, end)
            if title:
                titles.setdefault(person, title)
            found.append((start, end, person, title))
    for start, end, person, title in found:
        yield Candidate(start, end, "person", person, None, 5, title or titles.get(person, ""))


def _strip_possessive(word: str) -> str:
    """The word without a final 's."""
    return word[:-2] if word.endswith(("’s", "'s")) else word


def _mention(body: str, start: int, end: int) -> tuple[int, int, tuple[str, ...], bool] | None:
    """The name at the end of a capitalised run (titles and possessives cut), with its offsets."""
    spans = [(m.start(), m.end()) for m in _RUN_WORD.finditer(body, start, end)]
    words = [body[s:e] for s, e in spans]
    if words[-1].endswith(("’s", "'s")):  # "Jane Doe’s decision": the name without the 's
        words[-1] = words[-1][:-2]
        spans[-1] = (spans[-1][0], spans[-1][1] - 2)
    name, titled = name_of(tuple(words))
    if not name or not name[-1]:
        return None
    return spans[-len(name)][0], spans[-1][1], name, titled


def _title(body: str, start: int, end: int) -> str:
    """The title the text gives a name, as stems: "Finance Minister Jane Doe", "Spain's top
    negotiator, John Smith", "Tom Lee, chief macro strategist at Acme Securities,"."""
    before = _title_before(body, start)
    after = ""
    appos = _APPOSITION.match(body, end)
    if appos and any(word.lower() in TITLES for word in appos.group(1).split()):
        after = appos.group(1)
    elif affiliation := _AFFILIATION.match(body, end):
        after = affiliation.group(1)
    return " ".join(stems(f"{before} {after}".split(), drop_places=False))


def _title_before(body: str, start: int) -> str:
    """The title words right before a name, on its line: words ending with a title word, none
    a possessive ("Japan's") or a verb ("followed US President Jane Doe")."""
    tokens = TOKEN.findall(body, line_start(body, start, 60), start)
    if tokens and tokens[-1] == ",":
        tokens.pop()  # "Spain's Finance Minister, Jane Doe"
    if not tokens or tokens[-1].lower() not in TITLES:
        return ""
    taken: list[str] = []
    while tokens and len(taken) < 4:
        word = tokens.pop()
        if not word[0].isalnum() or word.lower() in STOPWORDS or word.endswith(("’s", "'s")):
            break
        if word.islower() and word.endswith(_NOT_TITLE_ENDINGS) and word not in TITLES:
            break
        taken.append(word)
    return " ".join(reversed(taken))
