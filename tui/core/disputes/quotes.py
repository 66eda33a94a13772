"""Disputes about quotes: one utterance in different words, the same words credited to different people."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence

from rapidfuzz import fuzz

from tui.core.disputes.context import _Sentences, _sources
from tui.core.disputes.names import _one_person
from tui.core.model import Corpus, Dispute, MatchGroup, Segment, Version
from tui.core.names import RUN, TITLES, looks_personal, name_of
from tui.core.segment import with_quote_sentences
from tui.core.text import content_words, fold_spelling, normalise, words

_SAID_WORDS = "said|says|told|added|explained|stated|announced|declared|insisted|warned"
_SAID = rf"(?:{_SAID_WORDS})"
_SAID_VERBS = _SAID_WORDS + "|vowed|promised|urged|called|denounced|condemned|expressed"  # reporting, not quoting
_QUOTED = re.compile(r"[\"“”«»„]([^\"“”«»„]{3,})[\"“”«»„]")


def _wording_disputes(
    groups: Sequence[MatchGroup], segments: dict[str, tuple[Segment, ...]], outlets: dict[str, str]
) -> list[Dispute]:
    """One utterance quoted in different words: a quote group whose versions are all direct speech
    (not "he vowed to ..."), joined with the same speaker's groups that share most of its content
    words ("The future of Europe and the future of Germany within Europe is at stake" and "Nothing
    less than the future of Europe, and with that the future of Germany in Europe, is at stake")."""
    order = {article: index for index, article in enumerate(outlets)}
    quotes = _Quotes(segments)
    utterances = [group for group in groups if group.kind == "quote" and all(map(_quoted, group.members))]
    disputes = []
    for joined in _same_utterances(utterances):
        members = [member for group in joined for member in group.members]
        if len(joined) == 1 and joined[0].wording == "variant":
            members += _same_remark_elsewhere(joined[0], segments, quotes)
        members.sort(key=lambda member: (order[member.span.article], member.span.start))
        wordings = {_quoted_words(member.text) for member in members}
        if len(wordings) < 2:
            continue  # the same words, framed differently or spelled the British or the American way
        versions = tuple(Version(member.span, member.text, member.text) for member in members)
        speaker = _speaker(members)
        who = f"{speaker}'s words" if speaker else "The same words"
        summary = f"{who} quoted {len(wordings)} ways ({_sources(versions, outlets)})"
        ids = ", ".join(group.id for group in joined)
        why = f"same utterance ({ids}), quoted in different words"
        disputes.append(Dispute("", "wording", summary, versions, why))
    return disputes


UTTERANCE_OVERLAP = 0.5
"""Two quote groups of one speaker with this share of their content words in common (of the smaller) are one utterance."""


def _quoted(member: Segment) -> bool:
    """Whether a passage is direct speech: a quote, or a sentence with quote marks in it. A sentence
    without them is the writer's words ("has suggested using the holdings"), whatever its verb."""
    return member.kind == "quote" or bool(_QUOTED.search(member.text))



def _same_utterances(groups: list[MatchGroup]) -> list[list[MatchGroup]]:
    """The groups joined when one speaker's words in them share most content words and no article.
    Bundles are found through the words of their speakers' names, so each group meets only the
    bundles of a speaker it shares a name word with."""
    joined: list[list[int]] = []
    articles: list[set[str]] = []
    stems: list[set[str]] = []
    by_name: dict[str, list[int]] = defaultdict(list)
    for index, group in enumerate(groups):
        speaker = _speaker(group.members)
        words_of = _quoted_stems(group.members[0].text)
        names = (speaker or "").lower().split()
        bundle = next(
            (number for number in dict.fromkeys(n for name in names for n in by_name[name])
             if not articles[number] & set(group.articles) and _overlap(words_of, stems[number]) >= UTTERANCE_OVERLAP),
            None,
        )
        if bundle is None:
            bundle = len(joined)
            joined.append([])
            articles.append(set())
            stems.append(words_of)
            for name in names:
                by_name[name].append(bundle)
        joined[bundle].append(index)
        articles[bundle] |= set(group.articles)
    return [[groups[index] for index in bundle] for bundle in joined]


def _quoted_stems(text: str) -> set[str]:
    """The content stems of the quoted words of a passage (all of it without quote marks), spellings folded."""
    return {fold_spelling(word) for word in content_words(" ".join(_QUOTED.findall(text)) or text)}


def _overlap(one: set[str], other: set[str]) -> float:
    return len(one & other) / min(len(one), len(other)) if one and other else 0.0


def _quoted_words(text: str) -> tuple[str, ...]:
    """The words inside the quote marks of a passage (all of it when it has none), spellings folded."""
    quoted = " ".join(_QUOTED.findall(text)) or text
    folded = [fold_spelling(word.replace("'", "")) for word in words(quoted)]
    while folded and folded[0] in ("a", "an", "the"):
        folded.pop(0)  # '"a reckless act"' and 'a "reckless act"' quote the same words
    return tuple(folded)


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
        fitting = [
            (quote, normalised)
            for quote, quote_stems, normalised, length in quotes.of[article]
            if _one_person(quote.speaker, speaker)
            and length <= min(REMARK_WORDS, 1.5 * longest)
            and all(quote_stems & member for member in stems)
        ]
        likeness = {id(q): sum(fuzz.token_sort_ratio(n, w) for w in wordings) / len(wordings) for q, n in fitting}
        best = max((q for q, _ in fitting), key=lambda q: likeness[id(q)], default=None)
        if best is not None and likeness[id(best)] >= REMARK_LIKENESS:
            found.append(best)
    return found


def _speaker(members: Iterable[Segment]) -> str | None:
    """The name most members credit, the earliest on a tie."""
    speakers = [member.speaker for member in members if member.speaker]
    return max(speakers, key=lambda name: (speakers.count(name), -speakers.index(name))) if speakers else None


def _attribution_disputes(corpus: Corpus, groups: Sequence[MatchGroup], sentences: _Sentences,
                          outlets: dict[str, str]) -> list[Dispute]:
    """The same words credited to different people: only where each version's own sentence names
    its speaker ("..., Deputy Chief Ann Lee said" against "..., Chief Robert J Moss said"),
    never through a pronoun resolved by guess."""
    bodies = {article.id: article.body for article in corpus.articles}
    disputes = []
    for group in groups:
        named = []
        for member in group.members:
            start, end = sentences.around(member.span)
            speaker = named_speaker(bodies[member.span.article][start:end])
            if speaker:
                named.append((member, speaker))
        speakers = sorted({speaker for _, speaker in named})
        if len({member.span.article for member, _ in named}) < 2 or all(_one_person(speakers[0], other) for other in speakers[1:]):
            continue
        versions = tuple(Version(member.span, member.text, speaker) for member, speaker in named)
        credited = " vs ".join(dict.fromkeys(speaker for _, speaker in named))
        summary = f"The same words credited to {credited} ({_sources(versions, outlets)})"
        why = f"same passage {group.id}, each version naming who said it: {credited}"
        disputes.append(Dispute("", "attribution", summary, versions, why))
    return disputes


_SAID_BY = re.compile(rf"({RUN})\s+{_SAID}\b|\b{_SAID}\s+({RUN})")


def named_speaker(sentence: str) -> str | None:
    """The person a sentence credits by name with a speech verb ("Lee said", "said Jon
    Eriksen"), without titles; None when it names nobody (a pronoun, "police said")."""
    for match in _SAID_BY.finditer(sentence):
        run = (match.group(1) or match.group(2)).split()
        name, _ = name_of(tuple(run))
        name = name[-3:]
        while name and (name[0].lower() in TITLES or name[0].lower().endswith(_TITLE_ENDINGS)):
            name = name[1:]
        if len(name) >= 2 and looks_personal(tuple(word for word in name if len(word) > 1)):
            return " ".join(name)  # an initial without its full stop ("Robert J Moss") is still a name
    return None


_TITLE_ENDINGS = ("man", "woman", "person")  # spokesman, chairwoman, spokesperson: roles, not names
