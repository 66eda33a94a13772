"""Disputes about names: one name spelled two ways, one person given two offices, and the people only one source names."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from rapidfuzz import fuzz, process

from tui.core.disputes.context import _SURFACE, _sources, _version, _Voices
from tui.core.model import Corpus, Dispute, Fact, Version
from tui.core.text import singular, stem
from tui.core.wordlists import families, heads
from tui.core.wordlists import words as word_list

SPELLING_LIKENESS = 80
"""Two names this alike (rapidfuzz ratio) but not equal are one name spelled two ways."""
_DEMONYM_ENDINGS = frozenset("ese ian ians an ans n ns i is ish ic ite ites er ers".split())
ABBREVIATIONS = families("abbreviations.txt")
"""Abbreviations of name words ("mt": "mount", "mountain") from data/abbreviations.txt."""
WORD_LIKENESS = 70
"""...and so alike is each word that differs (Jon / John 86, Lund / Lunde 89; Air / Pro 0)."""


def _one_person(first: str | None, second: str | None) -> bool:
    """Whether two names can be one person: the same words in any order ("Jane Doe", "Doe Jane"),
    one a word of the other ("Doe"), or the same surname with first names that fit ("J. Doe")."""
    if not first or not second:
        return False
    one, other = first.lower().replace(".", "").split(), second.lower().replace(".", "").split()
    if set(one) == set(other) or (len(one) == 1 and one[0] in other) or (len(other) == 1 and other[0] in one):
        return True
    return one[-1] == other[-1] and (one[0] == other[0] or min(len(one[0]), len(other[0])) == 1 and one[0][0] == other[0][0])


def _spelling_disputes(facts: Sequence[Fact], outlets: dict[str, str], voices: _Voices) -> list[Dispute]:
    """One name of a person, place or organisation written two ways: alike, but neither the same,
    nor the same words reordered, nor a demonym, an abbreviation or a longer form of it. Every
    source on each side is a version ("Acme Advisors" in six sources against "Acme Advisers"),
    and each side says how many sources write it, and how many independent ones when copies of
    one text are among them ("3, 2 independent")."""
    mentions: dict[str, dict[str, Fact]] = defaultdict(dict)
    for fact in facts:
        if fact.type in ("person", "organisation", "place"):
            mentions[_person_name(fact)].setdefault(fact.span.article, fact)
    names = list(mentions)
    disputes = []
    for position, later in _alike_names(names):
        name, other = names[position], names[later]
        one, two = (set(mentions[spelling]) for spelling in (name, other))
        if one == two or not _spelled_two_ways(name, other):
            continue
        sides = [[mentions[name][a] for a in sorted(one - two)], [mentions[other][a] for a in sorted(two - one)]]
        if not all(sides):
            continue
        versions = tuple(_version(fact) for side in sides for fact in side)
        said = " vs ".join(f"{spelling} ({_count(side, voices)}: {_sources(map(_version, side), outlets)})" for spelling, side in zip((name, other), sides))
        disputes.append(Dispute("", "spelling", f"Name spelled two ways: {said}", versions,
                                f"two names alike but not the same: {name} / {other}"))
    return disputes


def _count(side: list[Fact], voices: _Voices) -> str:
    """ "3", or "3, 2 independent" when copies of one text are among the side's sources."""
    independent = len(voices.of(fact.span.article for fact in side))
    return f"{len(side)}" if independent == len(side) else f"{len(side)}, {independent} independent"


def _alike_names(names: list[str]) -> list[tuple[int, int]]:
    """Pairs of names (positions) alike enough to be one name spelled two ways. Only names of as
    many words can be: each is compared with the later ones of its length in one rapidfuzz call."""
    lowered = [name.lower() for name in names]
    by_words: dict[int, list[int]] = defaultdict(list)
    for index, name in enumerate(names):
        by_words[len(name.split())].append(index)
    alike: list[tuple[int, int]] = []
    for indices in by_words.values():
        choices = [lowered[index] for index in indices]
        for k, index in enumerate(indices):
            found = process.extract(choices[k], choices[k + 1 :], scorer=fuzz.ratio, score_cutoff=SPELLING_LIKENESS, limit=None)
            alike.extend((index, indices[k + 1 + j]) for _, _, j in found)
    return sorted(alike)


def _person_name(fact: Fact) -> str:
    """The name in a person fact's value, without a title in parentheses."""
    return fact.value.split(" (")[0].strip()


_NAME_WORD = re.compile(r"[^\W\d_]+(?:['’.-][^\W\d_]+)*\.?")


def _spelled_two_ways(first: str, second: str) -> bool:
    """Alike names that differ in more than case and a plural ("AirBook Pro" / "Airbook Pros" are
    one), made of words (not "Township--as", a join the page made)."""
    if not all(_NAME_WORD.fullmatch(word) for word in (*first.split(), *second.split())):
        return False
    one, other = ([singular(word) for word in name.lower().split()] for name in (first, second))
    if one == other or sorted(one) == sorted(other):
        return False
    differing = [(a, b) for a, b in zip(one, other) if a != b]
    if len(one) != len(other) or any(_forms_of_one_word(a, b) for a, b in differing):
        return False
    if any(fuzz.ratio(a, b) < WORD_LIKENESS for a, b in differing):
        return False  # "AirBook Air" / "AirBook Pro": another word, not another spelling
    return fuzz.ratio(first.lower(), second.lower()) >= SPELLING_LIKENESS  # in order: Jon Eriksen / John Eriksen


def _forms_of_one_word(one: str, other: str) -> bool:
    """Whether two words are one word in two forms rather than one spelled two ways: a demonym or
    an adjective ("sudan" / "sudanese", "kenya" / "kenyan"), a longer hyphenated form ("army" /
    "army-north"), or an abbreviation (data/abbreviations.txt: "mt" / "mount")."""
    short, long = sorted((one.rstrip("."), other.rstrip(".")), key=len)
    if long.startswith(short) and (long[len(short)] == "-" or long[len(short):] in _DEMONYM_ENDINGS):
        return True
    return long in ABBREVIATIONS.get(short, ())


RANKS = word_list("ranks.txt")
"""Title words that say what office a person holds: two sources giving different ones disagree."""
PORTFOLIOS = word_list("portfolios.txt")
"""Stems that tell offices of one rank apart: a finance minister is not the prime minister."""
OFFICE_SYNONYMS = heads("office_synonyms.txt")
"""Words that name one office in two ways ("vice president" is "deputy head"): folded before titles are compared."""


def _title_disputes(corpus: Corpus, facts: Sequence[Fact], outlets: dict[str, str]) -> list[Dispute]:
    """One person given different offices by different sources ("Finance Minister" vs "Prime Minister")."""
    disputes = []
    for mentions in _people(facts):
        titled = _first_title_per_source(mentions)
        for position, first in enumerate(titled):
            clash = next((other for other in titled[position + 1 :] if _offices_differ(first, other)), None)
            if clash is not None:
                versions = tuple(
                    Version(fact.span, fact.text, _title_as_written(corpus.article(fact.span.article).body, fact))
                    for fact in (first, clash)
                )
                summary = f"{_person_name(first)} given different titles: {versions[0].value} vs {versions[1].value} ({_sources(versions, outlets)})"
                disputes.append(Dispute("", "title", summary, versions, "the sources name different offices"))
                break
    return disputes


def _title_as_written(body: str, fact: Fact) -> str:
    """The title as the text writes it around the name ("Finance Minister", "head of GSEE"): the
    words next to the name whose stems the fact's subject holds; the stems themselves failing that."""
    stems = set(fact.subject.split())
    before = _SURFACE.findall(body[max(0, fact.span.start - 60) : fact.span.start])
    taken: list[str] = []
    for word in reversed(before):
        if stem(word.lower()) not in stems:
            break
        taken.insert(0, word)
    after = _SURFACE.findall(body[fact.span.end : fact.span.end + 60].split("\n")[0])
    taken += [word for word in after[:6] if stem(word.lower()) in stems] if not taken else []
    return " ".join(taken) or fact.subject


def _first_title_per_source(mentions: list[Fact]) -> list[Fact]:
    first: dict[str, Fact] = {}
    for fact in mentions:
        if set(fact.subject.split()) & RANKS:
            first.setdefault(fact.span.article, fact)
    return list(first.values())


def _offices_differ(first: Fact, second: Fact) -> bool:
    one = {OFFICE_SYNONYMS.get(word, word) for word in first.subject.split()}
    other = {OFFICE_SYNONYMS.get(word, word) for word in second.subject.split()}
    ranks = {OFFICE_SYNONYMS.get(word, word) for word in RANKS} | {"chief"}
    if not one & other & ranks:
        return True
    return bool((one & PORTFOLIOS) and (other & PORTFOLIOS) and not (one & other & PORTFOLIOS))


def _people(facts: Sequence[Fact]) -> list[list[Fact]]:
    """Person facts gathered by person (_one_person: "Jane Doe", "Doe Jane", "Doe", "J. Doe"), each
    name meeting only the people who share one of its words."""
    people: list[tuple[str, list[Fact]]] = []
    by_word: dict[str, list[int]] = defaultdict(list)
    for fact in facts:
        if fact.type != "person":
            continue
        name = _person_name(fact)
        words_of = name.lower().replace(".", "").split()
        known = next((i for i in dict.fromkeys(i for w in words_of for i in by_word[w]) if _one_person(people[i][0], name)), None)
        if known is None:
            known = len(people)
            people.append((name, []))
            for word in words_of:
                by_word[word].append(known)
        people[known][1].append(fact)
    return [mentions for _, mentions in people]


def _capitalised_words(corpus: Corpus) -> dict[str, set[str]]:
    """For each capitalised word, the articles that have it."""
    found: dict[str, set[str]] = defaultdict(set)
    for article in corpus.articles:
        for word in set(_SURFACE.findall(article.body)):
            if word[0].isupper():
                found[word].add(article.id)
    return found
