"""Disputes: where the sources disagree, found from the facts and the matched groups.

Conflicts come first, in reading order: different values for the same quantity, one utterance
quoted in different words, the same words credited to different people, a name spelled two
ways. Claims that only one source makes about a person or a number come after them, so that
they don't drown the conflicts. Agreements are not disputes: the same value in other words or
units (Quantity.compatible) is left alone, and numbers about different things are never paired.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from itertools import chain

from rapidfuzz import fuzz, process

from tui.core.model import Corpus, Dispute, Fact, MatchGroup, Quantity, Segment, Version
from tui.core.segment import with_quote_sentences
from tui.core.text import content_words, normalise, stem

SUBJECT_LIKENESS = 0.34
"""Two quantities are about the same thing when this share of their subject words is shared."""
_SURFACE = re.compile(r"[A-Za-z][A-Za-z'’-]+")
_WEEKDAY = re.compile(r"(?i)(monday|tuesday|wednesday|thursday|friday|saturday|sunday)")
ALIKE_SCORE = 80
"""A matched group scored this high reports one statement nearly word for word: its dates must agree."""
SPELLING_LIKENESS = 80
"""Two names this alike (rapidfuzz ratio) but not equal are one name spelled two ways."""


def find_disputes(
    corpus: Corpus,
    facts: Sequence[Fact],
    groups: Sequence[MatchGroup],
    segments: dict[str, tuple[Segment, ...]] | None = None,
) -> tuple[Dispute, ...]:
    """Every disagreement across sources, conflicts first, numbered d1, d2, ..."""
    order = {article.id: index for index, article in enumerate(corpus.articles)}
    outlets = {article.id: article.outlet for article in corpus.articles}
    quantities = [fact for fact in facts if fact.quantity is not None and fact.subject]
    clusters = _same_quantity_clusters(quantities, groups)
    conflicts = [
        *_quantity_disputes(corpus, clusters, outlets),
        *_date_disputes(facts, groups, outlets),
        *_wording_disputes(groups, segments or {}, outlets),
        *_attribution_disputes(facts, groups, outlets),
        *_spelling_disputes(facts, outlets),
        *_title_disputes(facts, outlets),
    ]
    conflicts.sort(key=lambda dispute: _position(dispute, order))
    lonely = sorted(
        _single_source(corpus, facts, conflicts, quantities, clusters, outlets), key=lambda dispute: _position(dispute, order)
    )
    return tuple(_numbered(index, dispute) for index, dispute in enumerate([*conflicts, *lonely], 1))


def _position(dispute: Dispute, order: dict[str, int]) -> tuple[int, int]:
    return min((order[version.span.article], version.span.start) for version in dispute.versions)


def _numbered(index: int, dispute: Dispute) -> Dispute:
    return Dispute(f"d{index}", dispute.kind, dispute.summary, dispute.versions, dispute.why)


def _version(fact: Fact) -> Version:
    return Version(fact.span, fact.text, fact.value)


def _sources(versions: Iterable[Version], outlets: dict[str, str]) -> str:
    names = list(dict.fromkeys(outlets[version.span.article] for version in versions))
    return ", ".join(names)


# Quantities ---------------------------------------------------------------------------------


def _quantity_disputes(corpus: Corpus, clusters: list[list[Fact]], outlets: dict[str, str]) -> list[Dispute]:
    order = {article.id: index for index, article in enumerate(corpus.articles)}
    disputes = []
    for cluster in clusters:
        versions = _one_per_source(cluster, order)
        sides, fits_all = _sides(versions)
        if len(sides) > 1:
            disputes.append(_quantity_dispute(corpus, sides, fits_all, outlets, order))
    return disputes


def _same_quantity_clusters(facts: Sequence[Fact], groups: Sequence[MatchGroup]) -> list[list[Fact]]:
    """Facts joined when they measure the same thing: same unit and subject, or the same matched passage.

    Two facts from different articles are the same thing (_same_thing) when they share a group or
    their subjects are alike. Facts are bucketed by (unit, group) and by (unit, subject words):
    within a bucket every cross-article pair is linked, so a bucket is one cluster as soon as it
    spans two articles, and two buckets whose subjects are alike join when together they span two
    articles. Alike subjects are found through an inverted index of subject words, so the work
    grows with the pairs that share a word, not with the square of the facts.
    """
    group_of = _group_of(facts, groups)
    parent = list(range(len(facts)))

    def root(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    def join(indices: list[int]) -> None:
        if len({facts[i].span.article for i in indices}) > 1:
            first = root(indices[0])
            for i in indices[1:]:
                parent[root(i)] = first

    by_group: dict[tuple[str, str], list[int]] = defaultdict(list)
    by_subject: dict[str, dict[frozenset[str], list[int]]] = defaultdict(lambda: defaultdict(list))
    for index, fact in enumerate(facts):
        unit = fact.quantity.unit  # type: ignore[union-attr]
        if index in group_of:
            by_group[(unit, group_of[index])].append(index)
        words = frozenset(fact.subject.split())
        if words:
            by_subject[unit][words].append(index)
    for indices in by_group.values():
        join(indices)
    for buckets in by_subject.values():
        subjects = list(buckets)
        postings: dict[str, list[int]] = defaultdict(list)
        for number, words in enumerate(subjects):
            for word in words:
                postings[word].append(number)
        for number, words in enumerate(subjects):
            join(buckets[words])
            shared = Counter(chain.from_iterable(postings[word] for word in words))
            for other, common in shared.items():
                if other > number and common / (len(words) + len(subjects[other]) - common) >= SUBJECT_LIKENESS:
                    join(buckets[words] + buckets[subjects[other]])
    clusters: dict[int, list[Fact]] = defaultdict(list)
    for index, fact in enumerate(facts):
        clusters[root(index)].append(fact)
    return [cluster for cluster in clusters.values() if len({fact.span.article for fact in cluster}) > 1]


def _group_of(facts: Sequence[Fact], groups: Sequence[MatchGroup]) -> dict[int, str]:
    """The matched group whose passage holds each fact, by the fact's position in `facts`."""
    passages: dict[str, list[tuple[Segment, str]]] = defaultdict(list)
    for group in groups:
        for member in group.members:
            passages[member.span.article].append((member, group.id))
    found = {}
    for index, fact in enumerate(facts):
        for member, group_id in passages[fact.span.article]:
            if member.span.start <= fact.span.start and fact.span.end <= member.span.end:
                found[index] = group_id
    return found


def _same_thing(first: Fact, second: Fact, group_of: dict[int, str], indices: tuple[int, int]) -> bool:
    """Same unit (checked by the caller) and either one matched passage or the same subject words."""
    if first.span.article == second.span.article:
        return False
    if indices[0] in group_of and group_of[indices[0]] == group_of.get(indices[1]):
        return True
    left, right = set(first.subject.split()), set(second.subject.split())
    return bool(left and right) and len(left & right) / len(left | right) >= SUBJECT_LIKENESS


def _one_per_source(cluster: list[Fact], order: dict[str, int]) -> list[Fact]:
    """Each source's first mention of the quantity, the sources in corpus order."""
    first: dict[str, Fact] = {}
    for fact in sorted(cluster, key=lambda fact: (order[fact.span.article], fact.span.start)):
        first.setdefault(fact.span.article, fact)
    return list(first.values())


def _sides(facts: list[Fact]) -> tuple[list[list[Fact]], list[Fact]]:
    """The facts that clash, split into sides whose values could all be true together, and the
    facts that fit every side ("over $1 trillion" fits both $1.07 and $1.13 trillion).

    Values agree when their ranges overlap, so a fact clashes with some other exactly when the
    highest low end is above its high end or the lowest high end below its low end, and a side
    takes a fact that overlaps the side's common range: linear, not quadratic, in the facts."""
    ranges = [_range(fact) for fact in facts]
    if len({fact.quantity.unit for fact in facts}) != 1 or any(low > high for low, high in ranges):  # type: ignore[union-attr]
        return _sides_pairwise(facts)
    top_low = max(low for low, _ in ranges)
    bottom_high = min(high for _, high in ranges)
    clashing = [(fact, (low, high)) for fact, (low, high) in zip(facts, ranges) if top_low > high or bottom_high < low]
    clash_ids = {id(fact) for fact, _ in clashing}
    fits_all = [fact for fact in facts if id(fact) not in clash_ids]
    sides: list[list[Fact]] = []
    common: list[tuple[float, float]] = []  # each side's highest low end and lowest high end
    for fact, (low, high) in clashing:
        for index, (side_low, side_high) in enumerate(common):
            if low <= side_high and side_low <= high:
                sides[index].append(fact)
                common[index] = (max(side_low, low), min(side_high, high))
                break
        else:
            sides.append([fact])
            common.append((low, high))
    return sides, fits_all


def _sides_pairwise(facts: list[Fact]) -> tuple[list[list[Fact]], list[Fact]]:
    clashing = [fact for fact in facts if any(not _agree(fact.quantity, other.quantity) for other in facts)]
    fits_all = [fact for fact in facts if fact not in clashing]
    sides: list[list[Fact]] = []
    for fact in clashing:
        for side in sides:
            if all(_agree(fact.quantity, other.quantity) for other in side):
                side.append(fact)
                break
        else:
            sides.append([fact])
    return sides, fits_all


def _agree(first: Quantity | None, second: Quantity | None) -> bool:
    return first is not None and second is not None and first.compatible(second)


def _quantity_dispute(
    corpus: Corpus, sides: list[list[Fact]], fits_all: list[Fact], outlets: dict[str, str], order: dict[str, int]
) -> Dispute:
    every = [fact for side in sides for fact in side] + fits_all
    versions = tuple(_version(fact) for fact in sorted(every, key=lambda fact: order[fact.span.article]))
    said = " vs ".join(_side_text(side, outlets) for side in sides)
    if fits_all:
        said += f"; {_side_text(fits_all, outlets)} fits {'both' if len(sides) == 2 else 'all'}"
    subject = _subject_phrase(corpus, every)
    why = "the same quantity in several sources, with values that cannot all be true: " + " vs ".join(
        side[0].value for side in sides
    )
    return Dispute("", "number", f"{subject}: {said}" if subject else said, versions, why)


def _side_text(side: list[Fact], outlets: dict[str, str]) -> str:
    """ "over $1 trillion, exceeding $1 trillion (The Times of India, Channel NewsAsia)"."""
    wordings = ", ".join(dict.fromkeys(" ".join(fact.text.split()) for fact in side))
    return f"{wordings} ({_sources(map(_version, side), outlets)})"


def _subject_phrase(corpus: Corpus, facts: list[Fact]) -> str:
    """The words of the first version's sentence that name what most versions measure ("Treasury holdings")."""
    counts: dict[str, int] = defaultdict(int)
    for fact in facts:
        for word in set(fact.subject.split()):
            counts[word] += 1
    common = {word for word, count in counts.items() if count * 2 >= len(facts)}
    first = facts[0]
    body = corpus.article(first.span.article).body
    around = body[max(0, first.span.start - 80) : first.span.end + 80]
    surface = [word for word in _SURFACE.findall(around) if stem(word.lower()) in common]
    return " ".join(dict.fromkeys(surface))


# Dates ------------------------------------------------------------------------------------------


def _date_disputes(facts: Sequence[Fact], groups: Sequence[MatchGroup], outlets: dict[str, str]) -> list[Dispute]:
    """One event dated differently: the same statement (a matched group worded alike), or calendar
    dates whose subject words are the same ("reopen in June" against "reopen in July").

    A group worded less alike than ALIKE_SCORE does not count: it may report the same words said on
    another occasion (an interview on Friday, a press conference on Sunday); nor do weekdays by subject, whose subjects
    are too rough to say they date the same event.
    """
    dates = [fact for fact in facts if fact.type == "date"]
    alike = [group for group in groups if group.score >= ALIKE_SCORE]
    group_of = _group_of(dates, alike)
    buckets: dict[tuple[str, ...], list[Fact]] = defaultdict(list)
    for index, fact in enumerate(dates):
        if index in group_of:
            buckets[("group", group_of[index])].append(fact)
        elif fact.subject and not _WEEKDAY.fullmatch(fact.value):
            buckets[("subject", *sorted(set(fact.subject.split())))].append(fact)
    order = {article: index for index, article in enumerate(outlets)}
    disputes = []
    for key, found in buckets.items():
        first = _one_per_source(found, order)
        clash = [fact for fact in first if any(_dates_clash(fact.value, other.value) for other in first)]
        if len(clash) > 1:
            disputes.append(_date_dispute(clash, key, outlets))
    return disputes


def _date_dispute(clash: list[Fact], key: tuple[str, ...], outlets: dict[str, str]) -> Dispute:
    versions = tuple(_version(fact) for fact in clash)
    by_value: dict[str, list[Fact]] = defaultdict(list)
    for fact in clash:
        by_value[fact.value].append(fact)
    said = " vs ".join(_side_text(side, outlets) for side in by_value.values())
    if key[0] == "group":
        return Dispute("", "date", f"Different dates for the same report: {said}", versions,
                       f"matched group {key[1]}: the same statement, with different dates")
    about = " ".join(key[1:])
    return Dispute("", "date", f"Different dates ({about}): {said}", versions, f"dates of the same event ({about}) differ")


def _dates_clash(first: str, second: str) -> bool:
    """Two date values of the same kind (weekdays, or calendar dates of the same precision) that differ."""
    weekdays = _WEEKDAY.fullmatch(first), _WEEKDAY.fullmatch(second)
    if all(weekdays):
        return first.lower() != second.lower()
    if any(weekdays) or first.startswith(("last", "next", "this")) or second.startswith(("last", "next", "this")):
        return False
    return len(first) == len(second) and first[:1] in "-0123456789" and first != second


# Quotes ---------------------------------------------------------------------------------------


def _wording_disputes(
    groups: Sequence[MatchGroup], segments: dict[str, tuple[Segment, ...]], outlets: dict[str, str]
) -> list[Dispute]:
    order = {article: index for index, article in enumerate(outlets)}
    """One utterance quoted in different words: the variant groups, with the same remark from other sources."""
    disputes = []
    quotes = _Quotes(segments)
    for group in groups:
        if group.wording != "variant":
            continue
        members = sorted([*group.members, *_same_remark_elsewhere(group, segments, quotes)], key=lambda m: order[m.span.article])
        versions = tuple(Version(member.span, member.text, member.text) for member in members)
        speaker = _speaker(group.members)
        wordings = len({normalise(version.text) for version in versions})
        who = f"{speaker}'s words" if speaker else "The same words"
        summary = f"{who} quoted {wordings} ways ({_sources(versions, outlets)})"
        why = f"matched group {group.id}: the same utterance, quoted in different words"
        disputes.append(Dispute("", "quote-wording", summary, versions, why))
    return disputes


REMARK_LIKENESS = 45
"""How alike (rapidfuzz token_sort_ratio, on average) another source's wording must read to join."""
REMARK_WORDS = 12
"""A remark short enough that one shared content word can tie two wordings of it together."""


class _Quotes:
    """Every article's quote sentences, worked out once: with their content words, normalised
    text and length, and which articles quote someone with a given name word."""

    def __init__(self, segments: dict[str, tuple[Segment, ...]]) -> None:
        self.of: dict[str, list[tuple[Segment, set[str], str, int]]] = {}
        self.articles_quoting: dict[str, set[str]] = defaultdict(set)
        for article, article_segments in segments.items():
            self.of[article] = [
                (quote, set(content_words(quote.text)), normalise(quote.text), len(quote.text.split()))
                for quote in with_quote_sentences(article_segments)
                if quote.kind == "quote"
            ]
            for quote, *_ in self.of[article]:
                for word in (quote.speaker or "").lower().split():
                    self.articles_quoting[word].add(article)


def _same_remark_elsewhere(
    group: MatchGroup, segments: dict[str, tuple[Segment, ...]], quotes: _Quotes | None = None
) -> list[Segment]:
    """For each source not in the group, its short quote by the same speaker that shares a content
    word with every version and reads most like them, if it has one."""
    speaker = _speaker(group.members)
    if not speaker or max(len(m.text.split()) for m in group.members) > REMARK_WORDS:
        return []
    quotes = quotes or _Quotes(segments)
    wordings = [normalise(member.text) for member in group.members]
    stems = [set(content_words(member.text)) for member in group.members]
    longest = max(len(wording.split()) for wording in wordings)
    quoting = set().union(*(quotes.articles_quoting.get(word, set()) for word in speaker.lower().split()))
    found = []
    for article in segments:
        if article in group.articles or article not in quoting:
            continue
        candidates = [
            (quote, normalised)
            for quote, quote_stems, normalised, length in quotes.of[article]
            if _one_person(quote.speaker, speaker)
            and length <= min(REMARK_WORDS, 1.5 * longest)
            and all(quote_stems & member for member in stems)
        ]
        likeness = {id(q): sum(fuzz.token_sort_ratio(n, w) for w in wordings) / len(wordings) for q, n in candidates}
        candidates = [q for q, _ in candidates]  # type: ignore[misc]
        best = max(candidates, key=lambda q: likeness[id(q)], default=None)
        if best is not None and likeness[id(best)] >= REMARK_LIKENESS:
            found.append(best)
    return found


def _one_person(first: str | None, second: str | None) -> bool:
    return bool(first and second and set(first.lower().split()) & set(second.lower().split()))


def _speaker(members: Iterable[Segment]) -> str | None:
    """The name most members credit, the earliest on a tie."""
    speakers = [member.speaker for member in members if member.speaker]
    return max(speakers, key=lambda name: (speakers.count(name), -speakers.index(name))) if speakers else None


def _attribution_disputes(facts: Sequence[Fact], groups: Sequence[MatchGroup], outlets: dict[str, str]) -> list[Dispute]:
    """The same words credited to different people: speakers the facts know as people, since a
    speaker read from "she said" may be a wrong guess at a name ("the Harbor Bridge")."""
    people_words = {word for fact in facts if fact.type == "person" for word in _person_name(fact).lower().split()}
    disputes = []
    for group in groups:
        named = [
            member for member in group.members
            if member.speaker and set(member.speaker.lower().split()) & people_words
        ]
        people = {frozenset(member.speaker.lower().split()) for member in named}  # type: ignore[union-attr]
        if len(named) < 2 or _all_one_person(people):
            continue
        versions = tuple(Version(member.span, member.text, member.speaker or "") for member in named)
        credited = " vs ".join(dict.fromkeys(f"{member.speaker}" for member in named))
        summary = f"The same words credited to {credited} ({_sources(versions, outlets)})"
        disputes.append(Dispute("", "attribution", summary, versions, f"matched group {group.id}: speakers differ"))
    return disputes


def _all_one_person(people: set[frozenset[str]]) -> bool:
    """Whether the names share a word throughout ("Kato", "Katsunobu Kato", "Kato Katsunobu" are one person)."""
    names = list(people)
    return all(names[0] & other for other in names[1:])


# Names ----------------------------------------------------------------------------------------


def _spelling_disputes(facts: Sequence[Fact], outlets: dict[str, str]) -> list[Dispute]:
    """One person's name written two ways: alike, but neither the same nor the same words reordered."""
    first_mention: dict[str, Fact] = {}
    for fact in facts:
        if fact.type == "person":
            first_mention.setdefault(_person_name(fact), fact)
    names = list(first_mention)
    # Only names of as many words can be spelled two ways: compare within those buckets, each
    # name against the later ones in one rapidfuzz call, then in the original order.
    lowered = [name.lower() for name in names]
    by_words: dict[int, list[int]] = defaultdict(list)
    for index, name in enumerate(names):
        by_words[len(name.split())].append(index)
    alike: list[tuple[int, int]] = []
    for indices in by_words.values():
        choices = [lowered[index] for index in indices]
        for k, index in enumerate(indices):
            found = process.extract(
                choices[k], choices[k + 1 :], scorer=fuzz.token_sort_ratio, score_cutoff=SPELLING_LIKENESS, limit=None
            )
            alike.extend((index, indices[k + 1 + j]) for _, _, j in found)
    disputes = []
    for position, later in sorted(alike):
        name, other = names[position], names[later]
        if _spelled_two_ways(name, other):
            pair = (first_mention[name], first_mention[other])
            if pair[0].span.article == pair[1].span.article:
                continue
            versions = tuple(_version(fact) for fact in pair)
            summary = f"Name spelled two ways: {name} vs {other} ({_sources(versions, outlets)})"
            disputes.append(Dispute("", "spelling", summary, versions, "two names alike but not the same"))
    return disputes


def _person_name(fact: Fact) -> str:
    """The name in a person fact's value, without a title in parentheses."""
    return fact.value.split(" (")[0].strip()


def _spelled_two_ways(first: str, second: str) -> bool:
    if first.lower() == second.lower() or sorted(first.lower().split()) == sorted(second.lower().split()):
        return False
    if len(first.split()) != len(second.split()):
        return False
    return fuzz.token_sort_ratio(first.lower(), second.lower()) >= SPELLING_LIKENESS


RANKS = frozenset(
    "minister secretary president governor chairman chair ceo director chancellor premier senator ambassador "
    "mayor king queen prince general admiral judge spokesman spokeswoman spokesperson".split()
)
"""Title words that say what office a person holds: two sources giving different ones disagree."""
PORTFOLIOS = frozenset("prim financ foreign trad defens defenc econom justic interior health treasury deputy vice".split())
"""Words that tell offices of one rank apart: a finance minister is not the prime minister."""


def _title_disputes(facts: Sequence[Fact], outlets: dict[str, str]) -> list[Dispute]:
    """One person given different offices by different sources ("Finance Minister" vs "Prime Minister")."""
    disputes = []
    for mentions in _people(facts):
        titled = _first_title_per_source(mentions)
        for position, first in enumerate(titled):
            clash = next((other for other in titled[position + 1 :] if _offices_differ(first, other)), None)
            if clash is not None:
                versions = (Version(first.span, first.text, first.subject), Version(clash.span, clash.text, clash.subject))
                summary = f"{_person_name(first)} given different titles: {first.subject} vs {clash.subject} ({_sources(versions, outlets)})"
                disputes.append(Dispute("", "title", summary, versions, "the sources name different offices"))
                break
    return disputes


def _first_title_per_source(mentions: list[Fact]) -> list[Fact]:
    first: dict[str, Fact] = {}
    for fact in mentions:
        if set(fact.subject.split()) & RANKS:
            first.setdefault(fact.span.article, fact)
    return list(first.values())


def _offices_differ(first: Fact, second: Fact) -> bool:
    one, other = set(first.subject.split()), set(second.subject.split())
    if not one & other & RANKS:
        return True
    return bool((one & PORTFOLIOS) and (other & PORTFOLIOS) and not (one & other & PORTFOLIOS))


# Claims only one source makes -------------------------------------------------------------------


def _single_source(
    corpus: Corpus,
    facts: Sequence[Fact],
    conflicts: list[Dispute],
    quantities: Sequence[Fact],
    clusters: list[list[Fact]],
    outlets: dict[str, str],
) -> list[Dispute]:
    """People and numbers that only one source mentions: not wrong, but uncorroborated."""
    disputed = {(version.span.article, version.span.start) for dispute in conflicts for version in dispute.versions}
    found = []
    for mentions in _people(facts):
        if len({fact.span.article for fact in mentions}) == 1:
            fact = mentions[0]
            summary = f"Only {outlets[fact.span.article]} mentions {_person_name(fact)}"
            found.append(Dispute("", "single-source", summary, (_version(fact),), "no other source names this person"))
    found.extend(_lonely_numbers(corpus, quantities, clusters, disputed, outlets))
    return found


def _people(facts: Sequence[Fact]) -> list[list[Fact]]:
    """Person facts gathered by person: names sharing a word are one ("Kato Katsunobu", "Katsunobu Kato")."""
    people: list[tuple[set[str], list[Fact]]] = []
    for fact in facts:
        if fact.type != "person":
            continue
        words = set(_person_name(fact).lower().split())
        for known, mentions in people:
            if known & words:
                known |= words
                mentions.append(fact)
                break
        else:
            people.append((words, [fact]))
    return [mentions for _, mentions in people]


def _lonely_numbers(
    corpus: Corpus,
    quantities: Sequence[Fact],
    clusters: list[list[Fact]],
    disputed: set[tuple[str, int]],
    outlets: dict[str, str],
) -> list[Dispute]:
    corroborated = {(fact.span.article, fact.span.start) for cluster in clusters for fact in cluster}
    elsewhere = _Elsewhere(quantities)
    found = []
    for fact in quantities:
        key = (fact.span.article, fact.span.start)
        if key in corroborated or key in disputed or elsewhere(fact):
            continue
        about = _subject_phrase(corpus, [fact])
        summary = f"Only {outlets[fact.span.article]} gives {fact.text.strip()}" + (f" ({about})" if about else "")
        found.append(Dispute("", "single-source", summary, (_version(fact),), "no other source gives this number"))
    return found


class _Elsewhere:
    """Whether another source gives a compatible value in the same unit (so the number is
    corroborated). Compatible values are overlapping ranges, so per unit the ranges are sorted by
    their low end, with running maxima of the high end from two different articles: one bisect
    answers each question. Bare numbers (unit "") corroborate nothing and are left out."""

    def __init__(self, quantities: Sequence[Fact]) -> None:
        ranges: dict[str, list[tuple[float, float, str]]] = defaultdict(list)
        for fact in quantities:
            low, high = _range(fact)
            if fact.quantity.unit != "" and low <= high:  # type: ignore[union-attr]
                ranges[fact.quantity.unit].append((low, high, fact.span.article))  # type: ignore[union-attr]
        self.lows: dict[str, list[float]] = {}
        self.best: dict[str, list[tuple[float, str, float]]] = {}
        for unit, found in ranges.items():
            found.sort(key=lambda item: item[0])
            best: list[tuple[float, str, float]] = []  # (highest high, its article, highest high of another article)
            top, top_article, second = float("-inf"), "", float("-inf")
            for _, high, article in found:
                if high > top:
                    if article != top_article:
                        second = top
                    top, top_article = high, article
                elif article != top_article and high > second:
                    second = high
                best.append((top, top_article, second))
            self.lows[unit] = [low for low, _, _ in found]
            self.best[unit] = best

    def __call__(self, fact: Fact) -> bool:
        unit = fact.quantity.unit  # type: ignore[union-attr]
        low, high = _range(fact)
        if unit not in self.lows or low > high:
            return False
        count = bisect.bisect_right(self.lows[unit], high)
        if not count:
            return False
        top, top_article, second = self.best[unit][count - 1]
        return (top if top_article != fact.span.article else second) >= low


def _range(fact: Fact) -> tuple[float, float]:
    quantity = fact.quantity
    low = quantity.low if quantity.low is not None else float("-inf")  # type: ignore[union-attr]
    high = quantity.high if quantity.high is not None else float("inf")  # type: ignore[union-attr]
    return low, high
