"""Sentences and direct quotes of an article body, with character offsets and who said them."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from . import boilerplate
from .dateline import is_stamp_line
from .model import Article, Segment, Span
from .names import RUN, RUN_RE, TITLES, UPPER, Names, Run, name_of
from .wordlists import words

# ---------------------------------------------------------------------------------------------
# Lines: neither a sentence nor a quote crosses a hard line break.
# ---------------------------------------------------------------------------------------------

_LINE_BREAK = re.compile(r"\r\n|[\n\r\v\f\x85\u2028\u2029]")
_NEXT_VISIBLE = re.compile(r"[ \t\u00a0]*(\S)")
_NEXT_VISIBLE_ANY = re.compile(r"\s*(\S)")
_CLOSERS = "\"”’'»)]"
_TERMINAL = ".!?…"
_WRAPPED_LINE = 40  # hard-wrapped text has lines of 60 to 80 characters


def _blocks(text: str) -> list[tuple[int, int]]:
    """The stretches of text between hard line breaks, as (start, end) offsets."""
    blocks: list[tuple[int, int]] = []
    block_start = line_start = 0
    for brk in _LINE_BREAK.finditer(text):
        if not _is_soft_wrap(text, line_start, brk.start(), brk.end()):
            blocks.append((block_start, brk.start()))
            block_start = brk.end()
        line_start = brk.end()
    blocks.append((block_start, len(text)))
    return blocks


def _is_soft_wrap(text: str, line_start: int, line_end: int, next_start: int) -> bool:
    """Whether a line break only wraps a running sentence (hard-wrapped text).

    Web copy puts each headline, byline and list item on its own line with no final
    punctuation, so a break ends the sentence unless a full-length line without final
    punctuation is followed by one that goes on in lower case.
    """
    following = _NEXT_VISIBLE.match(text, next_start)
    if following is None or not following.group(1).islower():
        return False
    line = text[line_start:line_end].strip().rstrip(_CLOSERS)
    # Page furniture is short ("By Baba Umar", "author"); a wrapped line has no final stop.
    if len(line) < _WRAPPED_LINE or line[-1] in _TERMINAL + ":;":
        return False
    # A headline goes on to its dateline on the next line ("posted Jun 11th, 2012 at 1:23 PM").
    following_end = _LINE_BREAK.search(text, next_start)
    return not is_stamp_line(text[next_start : following_end.start() if following_end else len(text)])


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """(start, end) moved inwards past whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


_WORD_CHAR = re.compile(r"[^\W_]")


def _has_word(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] has a letter or digit: a line of dashes or an emoji is no sentence."""
    return _WORD_CHAR.search(text, start, end) is not None


# ---------------------------------------------------------------------------------------------
# Quotes
# ---------------------------------------------------------------------------------------------


class _Quote(NamedTuple):
    """A direct quote: the marks' outer edges and the trimmed quoted words between them.

    A quote that runs across line breaks is cut at each into parts, so that every part lies in
    one line: a part without its opening mark (or its closing one) has its edge at the line's
    edge, and ``joins`` marks a part that goes on from the quote before it.
    """

    mark_start: int
    start: int
    end: int
    mark_end: int
    joins: bool = False


_DOUBLE_MARK = re.compile(r"``|''|[\"“”]")
# A straight ' next to another ' belongs to a '' mark, handled with the double quotes.
_SINGLE_MARK = re.compile(r"(?<!')'(?!')|[‘’]")
_DECADE = re.compile(r"\d\ds\b")  # ‘90s: an apostrophe, not an opening quote
_TYPOGRAPHIC_OPEN = {"“", "``"}
_TYPOGRAPHIC_CLOSE = {"”", "''"}
_OPEN_CONTEXT = set("([{<—–-/:‘“\"'«")
_CLOSE_CONTEXT = set(".,;:!?)]}>—–-/’”\"'»…")


def _around(text: str, start: int, end: int) -> tuple[str, str]:
    """The characters just before and just after text[start:end] (a space at either edge)."""
    return (text[start - 1] if start > 0 else " "), (text[end] if end < len(text) else " ")


def _double_opens(text: str, mark: re.Match[str], is_open: bool) -> bool:
    """Whether a double quote mark opens a quote, judged by what surrounds it.

    Context wins over the glyph, so a mistyped ” before a word still opens; the glyph decides
    only when the context does not (a straight " then closes whatever is open).
    """
    before, after = _around(text, mark.start(), mark.end())
    left = (before.isspace() or before in _OPEN_CONTEXT) and not after.isspace()
    right = not before.isspace() and (after.isspace() or after in _CLOSE_CONTEXT)
    if left != right:
        return left
    if mark.group() in _TYPOGRAPHIC_OPEN:
        return True
    return mark.group() not in _TYPOGRAPHIC_CLOSE and not is_open


class _Marks(NamedTuple):
    """The double quotes of one block, and its loose ends: an opener still open at the block's
    end, and a closer before any opener (the end of a quote opened on an earlier line)."""

    found: list[_Quote]
    dangling: re.Match[str] | None
    leading_close: re.Match[str] | None
    first: re.Match[str] | None


def _double_quotes(text: str, lo: int, hi: int) -> _Marks:
    """Quotes in " “” `` '' marks within one block, and the marks left open."""
    found: list[_Quote] = []
    opened: re.Match[str] | None = None
    first: re.Match[str] | None = None
    leading_close: re.Match[str] | None = None
    for mark in _DOUBLE_MARK.finditer(text, lo, hi):
        opens = _double_opens(text, mark, opened is not None)
        if first is None:
            first = mark
            leading_close = None if opens else mark
        if opens:
            opened = mark  # a second opener means the first one never closed
        elif opened is not None:
            _keep(found, text, opened.start(), opened.end(), mark.start(), mark.end())
            opened = None
    return _Marks(found, opened, leading_close, first)


def _single_opens(text: str, mark: re.Match[str]) -> bool:
    """Whether ‘ or ' opens a quote; ’ never does, since it is mostly an apostrophe."""
    before, after = _around(text, mark.start(), mark.end())
    if mark.group() == "‘":
        return not after.isspace() and not _DECADE.match(text, mark.end())
    if mark.group() == "'":
        return (before.isspace() or before in _OPEN_CONTEXT) and after.isalpha()
    return False


def _single_closes(text: str, mark: re.Match[str]) -> bool:
    """Whether ’ or ' closes a quote: not an apostrophe inside a word (don’t, It’s)."""
    before, after = _around(text, mark.start(), mark.end())
    return mark.group() != "‘" and not before.isspace() and not after.isalnum()


def _single_quotes(text: str, lo: int, hi: int) -> list[_Quote]:
    """Quotes in ‘’ or '' marks within text[lo:hi], which holds no double quote."""
    found: list[_Quote] = []
    opened: re.Match[str] | None = None
    for mark in _SINGLE_MARK.finditer(text, lo, hi):
        if _single_opens(text, mark):
            opened = mark
        elif opened is not None and _single_closes(text, mark):
            _keep(found, text, opened.start(), opened.end(), mark.start(), mark.end())
            opened = None
    return found


def _keep(found: list[_Quote], text: str, mark_start: int, start: int, end: int, mark_end: int) -> None:
    """Add the quote between two marks unless it has no words (an empty "" or a lone dash)."""
    start, end = _trim(text, start, end)
    if _has_word(text, start, end):
        found.append(_Quote(mark_start, start, end, mark_end))


def _with_singles(text: str, lo: int, hi: int, doubles: list[_Quote]) -> list[_Quote]:
    """The double-quoted passages of a block, and single-quoted ones in the gaps between them (not nested)."""
    singles: list[_Quote] = []
    gap_start = lo
    for quote in doubles:
        singles += _single_quotes(text, gap_start, quote.mark_start)
        gap_start = quote.mark_end
    singles += _single_quotes(text, gap_start, hi)
    return sorted(doubles + singles)


MAX_QUOTED_LINES = 4
"""A quote left open at a line's end goes on over at most this many further lines."""


def _find_quotes(text: str, blocks: list[tuple[int, int]]) -> list[_Quote]:
    """All quotes of the text, block by block, in order.

    A quote may go on across line breaks: an opener left open at the end of a line continues on
    the next lines, to a closing mark that comes before any opener ('"We will stay.' / 'We will
    win," she said.'), or to a line that opens a quote of its own, as a paragraph that goes on
    quoting the same person does. An opener that finds neither is dropped, as a stray mark.
    """
    marks = [_double_quotes(text, lo, hi) for lo, hi in blocks]
    parts: dict[int, list[_Quote]] = {}  # block -> the parts of quotes that cross into it
    joined: set[int] = set()  # blocks whose first quote goes on from the previous line's
    for index, block in enumerate(marks):
        if block.dangling is not None:
            _carry(text, blocks, marks, index, parts, joined)
    found: list[_Quote] = []
    for index, ((lo, hi), block) in enumerate(zip(blocks, marks)):
        extra = parts.get(index, [])
        quotes = _with_singles(text, lo, hi, sorted(block.found + extra))
        if index in joined and quotes:
            quotes[0] = quotes[0]._replace(joins=True)
        found += quotes
    return found


def _carry(text: str, blocks: list[tuple[int, int]], marks: list[_Marks], index: int,
           parts: dict[int, list[_Quote]], joined: set[int]) -> None:
    """Follow a quote left open at the end of block `index` over the next lines, and note its parts."""
    opener = marks[index].dangling
    assert opener is not None
    pending = [(index, _Quote(opener.start(), opener.end(), blocks[index][1], blocks[index][1]))]
    lines = 0
    for later in range(index + 1, min(len(blocks), index + 1 + 3 * MAX_QUOTED_LINES)):
        lo, hi = blocks[later]
        block = marks[later]
        if block.first is None and not _has_word(text, lo, hi):
            continue  # a blank line between paragraphs
        lines += 1
        if lines > MAX_QUOTED_LINES:
            return
        if block.leading_close is not None:
            close = block.leading_close
            pending.append((later, _Quote(lo, lo, close.start(), close.end())))
            break
        if block.first is not None:
            if block.first.start() == _first_visible(text, lo, hi):
                joined.add(later)  # the next paragraph opens a quote: the same voice goes on
                break
            return  # a line with other marks: the opener was a stray mark
        pending.append((later, _Quote(lo, lo, hi, hi)))
    else:
        return
    for position, (block_index, part) in enumerate(pending):
        start, end = _trim(text, part.start, part.end)
        if _has_word(text, start, end):
            parts.setdefault(block_index, []).append(part._replace(start=start, end=end, joins=position > 0))


def _first_visible(text: str, lo: int, hi: int) -> int:
    """The offset of the first character of text[lo:hi] that is not a space."""
    while lo < hi and text[lo].isspace():
        lo += 1
    return lo


def quotes(text: str) -> list[tuple[int, int]]:
    """(start, end) of the quoted words of each direct quote, excluding the quote marks."""
    return [(quote.start, quote.end) for quote in _find_quotes(text, _blocks(text))]


# ---------------------------------------------------------------------------------------------
# Sentences
# ---------------------------------------------------------------------------------------------

_FINAL = re.compile(r"[.!?…]+[\"”’'»)\]]*(?=\s)")
_NEXT_WORD = re.compile(r"[\"“‘'(\[]*(\w+)")
_DOTTED = re.compile(r"(?:[A-Za-z]{1,2}\.)+[A-Za-z]{1,2}")  # U.S, D.C, a.m, e.g, Ph.D

# Abbreviations after which a sentence never ends: titles before a name, Latin shorthands.
_NEVER_FINAL = set(
    "mr mrs ms mx dr prof sen rep gov gen lt col capt sgt rev hon messrs mme st fr e.g i.e vs cf viz approx".split()
)
# Abbreviations that come before a number (No. 5, Jan. 6, p. 12).
_BEFORE_NUMBER = set(
    "no nos vol vols p pp fig figs art sec ch para jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
# Abbreviations that may well end a sentence (Apple Inc. The ...).
_MAYBE_FINAL = set("inc corp co ltd plc llc jr sr etc bros dept est govt intl".split())
# Words that start sentences but rarely follow an abbreviation inside one ("the U.S. The").
_STARTERS = set(
    """The A An He She It They We I You This That These Those There Their His Her Its Our My But And Or
    So Yet However Meanwhile In On At For As If When While After Before Although Though Despite Still
    Also Then Now Some Many Most Other Others One Not What Why How Where Who Such Both Each All Even
    Only Since Because Last Next Earlier Later Today Yesterday According""".split()
)


def _word_before(text: str, end: int, lo: int) -> str:
    """The letters, digits and dots just before `end` (the word a full stop ends)."""
    start = end
    while start > lo and (text[start - 1].isalnum() or text[start - 1] == "."):
        start -= 1
    return text[start:end]


def _is_abbreviation(text: str, dot: int, next_at: int, lo: int) -> bool:
    """Whether the full stop at `dot` ends an abbreviation, an initial or a dotted acronym
    that goes on into the next word rather than ending the sentence."""
    word = _word_before(text, dot, lo)
    key = word.lower()
    if key in _NEVER_FINAL:
        return True
    if text[next_at].isdigit():
        return key in _BEFORE_NUMBER
    ambiguous = (
        key in _BEFORE_NUMBER
        or key in _MAYBE_FINAL
        or _DOTTED.fullmatch(word) is not None
        or (len(word) == 1 and word.isupper())  # John F. Kennedy
    )
    if not ambiguous:
        return False
    following = _NEXT_WORD.match(text, next_at)
    return following is None or following.group(1) not in _STARTERS


def _ends_sentence(text: str, final: re.Match[str], hi: int) -> bool:
    """Whether final punctuation (with any closing marks) ends a sentence."""
    following = _NEXT_VISIBLE_ANY.match(text, final.end(), hi)
    if following is None:
        return False  # the block ends here anyway
    if following.group(1).islower():
        return False  # "Why?" he asked / e.g. the / a.m. on
    punctuation = final.group().rstrip(_CLOSERS)
    if punctuation != ".":
        # '"Why?" Doe asked.' goes on: a quote's ? or ! followed by its attribution
        return punctuation == final.group() or _AFTER_SUBJECT.match(text, final.end()) is None
    return not _is_abbreviation(text, final.start(), following.start(1), max(0, final.start() - 40))


class _Cover:
    """Sorted, non-overlapping (start, end) spans, to ask which one holds an offset."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        pairs = list(spans)
        self.starts = [start for start, _ in pairs]
        self.ends = [end for _, end in pairs]

    def index(self, offset: int) -> int | None:
        """The index of the span with start <= offset < end, if any."""
        i = bisect.bisect_right(self.starts, offset) - 1
        return i if i >= 0 and offset < self.ends[i] else None

    def strictly_inside(self, offset: int) -> bool:
        """Whether offset lies inside a span and not at its start."""
        i = bisect.bisect_left(self.starts, offset) - 1
        return i >= 0 and offset < self.ends[i]


def _find_sentences(text: str, blocks: Iterable[tuple[int, int]], found: list[_Quote]) -> list[tuple[int, int]]:
    """Sentence spans, block by block; a full stop inside a quote does not end the sentence."""
    inside = _Cover((quote.start, quote.end) for quote in found)
    spans: list[tuple[int, int]] = []
    for lo, hi in blocks:
        start = lo
        for final in _FINAL.finditer(text, lo, hi):
            if not inside.strictly_inside(final.end()) and _ends_sentence(text, final, hi):
                _add_sentence(spans, text, start, final.end())
                start = final.end()
        _add_sentence(spans, text, start, hi)
    return spans


def _add_sentence(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    """Add text[start:end], trimmed, if it has any word in it."""
    start, end = _trim(text, start, end)
    if _has_word(text, start, end):
        spans.append((start, end))


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of the text, trimmed, in order."""
    blocks = _blocks(text)
    return _find_sentences(text, blocks, _find_quotes(text, blocks))



# ---------------------------------------------------------------------------------------------
# Attribution
# ---------------------------------------------------------------------------------------------

_SPEECH_VERBS = """said says told tells added adds acknowledged acknowledges stated noted notes
explained explains replied replies reiterated reiterates asked asks warned warns insisted insists
emphasized emphasizes emphasised emphasises stressed stresses argued argues wrote writes claimed
claims declared declares continued continues remarked commented observed answered responded
confirmed confirms admitted admits conceded concedes recalled cautioned predicted repeated clarified
clarifies mentioned characterized characterised described called labeled labelled suggested
suggests denied denies maintained contended countered underlined underscored quipped joked
tweeted""".split()
# Verbs that mean something else before "to" (continued to press, added to the pressure).
_NOT_BEFORE_TO = "continued continues added adds asked asks claimed claims called".split()
_VERB = (
    r"(?P<verb>(?:summed(?:[ ]it)?[ ]up|pointed[ ]out|was[ ]quoted|were[ ]quoted)\b"
    rf"|(?:{'|'.join(_NOT_BEFORE_TO)})\b(?![ ](?:to|for|up|off|out|down)\b)"
    rf"|(?:{'|'.join(v for v in _SPEECH_VERBS if v not in _NOT_BEFORE_TO)})\b(?![ ](?:for|up|off|out|down)\b))"
)
# A speaker named only by a role: "the army spokesman", "a senior fire department official",
# "its finance minister", "the paper". People's roles are titles.txt and person_roles.txt (not the
# abbreviations, which come before a name); bodies that speak as one are speaking_bodies.txt.
PERSON_ROLES = frozenset(word for word in TITLES | words("person_roles.txt") if len(word) > 3 or word == "ceo")
SPEAKING_BODIES = words("speaking_bodies.txt")
_ROLE_NOUN = rf"(?:{'|'.join(sorted(PERSON_ROLES | SPEAKING_BODIES, key=len, reverse=True))})"
_DETERMINER = r"(?:[Tt]he|[Aa]n?|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|[Oo]ur|[\w-]+[’']s)"
# The words between a determiner and the role: modifiers, never a function word of another phrase.
_MODIFIER = r"(?:(?!(?:the|a|an|of|and|or|who|whom|which|that|to|in|on|at|for|with|by|from|was|is)\b)[\w’'-]+[ ])"
_ROLE = rf"{_DETERMINER}[ ](?P<role>{_MODIFIER}{{0,3}}?{_ROLE_NOUN})\b"
# The role before a role noun that a speech clause follows (searched back from the noun's end).
_ROLE_BEFORE = re.compile(rf"\b{_DETERMINER}[ ](?P<role>{_MODIFIER}{{0,3}}{_ROLE_NOUN})$")
_LOWER_WORD = re.compile(r"\b[a-z]{3,}\b")  # then a set lookup: faster than an alternation of every role
_AGE = r"(?:\d{1,3}-year-old[ ])?"  # said 61-year-old Jane Doe
_NAME_COLON = re.compile(rf"[ \t]*(?P<run>{RUN})[ ]?:[ \t]*")  # Doe: "..."
_SAYING = re.compile(r"\bsaying\b")  # Doe condemned the killings, saying "..."
_ROLE_SUBJECT = re.compile(rf"[ \t]*{_DETERMINER}[ ](?P<role>{_MODIFIER}{{0,3}}{_ROLE_NOUN})\b[ ][a-z]+")  # A government official downplayed it, saying "..."
_ROLE_THEN_RUN = re.compile(rf"[ ](?P<roles>[a-z]+(?:[ ][a-z]+)?)[ ](?P<run>{RUN})")  # Troy| police Lt. Jane Doe
# Verbs that name rather than quote after a comma: "a new app, called Passbook" is no speech.
_NAMING_VERBS = frozenset("called described labeled labelled characterized characterised".split())
# A name is a place's where a place preposition comes before it ("in Kampong Hilir") or a place noun
# follows it in an apposition ("Kampong Hilir, a fishing village"): he or she never stands for it.
_PLACE_NOUN = rf"(?:{'|'.join(sorted(words('place_nouns.txt'), key=len, reverse=True))})"
_IN_PLACE = re.compile(rf"\b(?:in|near|outside|inside|across|throughout|into)[ ](?:the[ ])?({RUN})(?![’']s)")
_PLACE_APPOSITION = re.compile(rf",[ ](?:a|an|the)[ ](?:[\w’'-]+[ ]){{0,3}}?{_PLACE_NOUN}\b")
_WHO = rf"(?:(?P<pron>\b(?:[Hh]e|[Ss]he)\b)|(?P<run>{RUN})|{_ROLE})"
_AFFILIATION = rf"(?:[ ](?:of|at|from)[ ]{RUN})?"  # Maria Lopez of Acme Capital
# Tom Lee, strategist at Acme Securities, / Jo Roe, a pensioner on 1,000 euros a month,
_APPOSITION_WORDS = r"(?:[^,;\"“”\n]|(?<=\d),(?=\d{3}))"
_APPOSITION = rf"(?:,[ ](?P<appos>{_APPOSITION_WORDS}{{1,80}}?),|,)?"
_SETTING = r"(?:[ ](?:in|at|on|during|after|before)(?:[ ][\w’'-]+){1,3}?)?"  # Doe in the interview added
_ADVERBS = r"(?:[ ](?:has|have|had|also|then|later|again|further|once|already|just|would|will|[a-z]+ly)){0,4}"
_SPACES = r"[ \u00a0]*"

_TAIL = rf"{_AFFILIATION}{_APPOSITION}{_SETTING}{_ADVERBS}[ ]{_VERB}"
# What follows the speaker in a speech clause: "Doe| said", "Prime Minister Jane Doe| had
# already labeled", "Maria Lopez| of Acme Capital summed it up". Matched only where a name or a
# pronoun ends, so the body is never scanned with the whole pattern.
_CLAUSE_TAIL = re.compile(_TAIL)
_PRONOUN = re.compile(r"[HhSs](?<![\w’'-].)(?:(?<=[Hh])e|(?<=[Ss])he)\b")  # capital first: fast
# Just after a quote: '"...," Doe said' / '"...," he said'.
_AFTER_SUBJECT = re.compile(rf",?{_SPACES}{_WHO}{_TAIL}")
# Verb first, just after a quote or a comma: '"...," said Smith' / ', said Doe.'
# Right after a quote, when nothing else names its speaker: '"...," according to Lt. Jane Doe.'
_ACCORDING = re.compile(rf",?{_SPACES}according[ ]to[ ]{_AGE}{_WHO}")
_AFTER_VERB = re.compile(rf",?{_SPACES}{_VERB}[ ]{_AGE}{_WHO}")
_INVERTED = re.compile(rf"[,”\"'’],?{_SPACES}{_VERB}[ ]{_AGE}{_WHO}")
_AFTER_RUN = re.compile(r",?[ \u00a0]+([a-z][\w’'-]*)")
_AFTER_APPOSITION = re.compile(rf",[ \u00a0]{_APPOSITION_WORDS}{{1,80}}?,[ \u00a0]+([a-z][\w’'-]*)")
_COORDINATED = re.compile(rf"[ \u00a0]+(?:and|or|&)[ \u00a0]+[{UPPER}]")
_COORDINATED_BEFORE = re.compile(rf"[{UPPER}][\w’'.-]*,?[ \u00a0]+(?:and|or|&)[ \u00a0]+$")
# Words after a name that show it is not the subject of a verb (Smith during, Doe, who).
_NOT_VERB = set(
    """and or but nor of in on at to for with from by during who whom whose which that the a an as
    after before about over under into than while when because since until via per between among
    against including like through across around near amid despite if whether where""".split()
)
_PREPOSITIONS = set(
    """with by to from of for at on in about against between among toward towards like than including
    into onto over under via and or nor per""".split()
)


class _Said(NamedTuple):
    """A speech clause: its extent, and who it names (a pronoun, a capitalised run or a role)."""

    start: int
    end: int
    who_start: int
    pronoun: bool
    run: str = ""
    appos: str = ""
    role: str = ""


def _said(match: re.Match[str]) -> _Said:
    """A _Said from a match of a pattern holding _WHO (and maybe an apposition)."""
    pronoun = match.group("pron") is not None
    who = "pron" if pronoun else "role" if match.group("role") else "run"
    return _Said(match.start(), match.end(), match.start(who), pronoun,
                 match.group("run") or "", match.groupdict().get("appos") or "", match.group("role") or "")


def _is_person_role(role: str) -> bool:
    """Whether a role names a person (a spokesman) rather than a body (the ministry)."""
    return role.rsplit(" ", 1)[-1].lower() in PERSON_ROLES


def _first_of_overlapping(clauses: list[_Said]) -> list[_Said]:
    """The clauses that do not overlap an earlier one: in "Maria Lopez of Acme Capital summed it
    up" the clause of Acme Capital is inside Maria Lopez's, who is the speaker."""
    kept: list[_Said] = []
    for said in clauses:
        if not kept or said.start >= kept[-1].end:
            kept.append(said)
    return kept


class _Attribution:
    """Who says what in one article: speech clauses, the people named as subjects, and the
    antecedent of each he or she."""

    def __init__(self, body: str, found: list[_Quote], spans: list[tuple[int, int]],
                 blocks: list[tuple[int, int]]) -> None:
        self.body = body
        self.quotes = found
        self.quoted = _Cover((quote.start, quote.end) for quote in found)
        self.quote_starts = [quote.mark_start for quote in found]
        self.sentences = spans
        self.sentence_starts = [start for start, _ in spans]
        self.block_starts = [start for start, _ in blocks]
        self.names = Names(body)
        self.places: set[str] | None = None
        self.clauses = _first_of_overlapping(sorted(self._clauses()))
        self.inverted = [
            self._past_role(_said(match)) for match in _INVERTED.finditer(body)
            if self._outside(match.start()) and match.group("verb") not in _NAMING_VERBS
        ]
        self.clause_starts = [said.start for said in self.clauses]
        self.speech = sorted(self.clauses + self.inverted)  # both ways of naming a speaker
        self.speech_starts = [said.start for said in self.speech]
        events = sorted(self._events())
        self.event_at = [at for at, _ in events]
        self.event_who = [who for _, who in events]

    def _outside(self, offset: int) -> bool:
        """Whether an offset is outside every quote (a quote's words report no one else)."""
        return self.quoted.index(offset) is None

    def _clauses(self) -> Iterable[_Said]:
        """Every speech clause outside quotes: a name or a pronoun, then a speech verb."""
        for run in self.names.runs:
            tail = _CLAUSE_TAIL.match(self.body, run.end)
            if tail and self._inverted_after(run.end, tail):
                continue  # "denied in March, said Doe": Doe speaks, not March
            if tail and run.words not in {("He",), ("She",)} and self._outside(run.start):
                yield _Said(run.start, tail.end(), run.start, False, " ".join(run.words), tail.group("appos") or "")
        for pronoun in _PRONOUN.finditer(self.body):
            tail = _CLAUSE_TAIL.match(self.body, pronoun.end())
            if tail and self._outside(pronoun.start()):
                yield _Said(pronoun.start(), tail.end(), pronoun.start(), True)
        roles = PERSON_ROLES | SPEAKING_BODIES
        for noun in _LOWER_WORD.finditer(self.body):
            if noun.group() not in roles:
                continue
            tail = _CLAUSE_TAIL.match(self.body, noun.end())
            if tail is None or not self._outside(noun.start()):
                continue
            role = _ROLE_BEFORE.search(self.body, max(0, noun.start() - 60), noun.end())
            if role is not None:
                yield _Said(role.start(), tail.end(), role.start("role"), False, "", tail.group("appos") or "",
                            role.group("role"))

    def _past_role(self, said: _Said) -> _Said:
        """An inverted clause whose run is only a place before a role and the name: in "said Troy
        police Lt. Jane Doe" the speaker is Jane Doe."""
        if not said.run:
            return said
        after = _ROLE_THEN_RUN.match(self.body, said.end)
        if after is None or not all(word in PERSON_ROLES or word in SPEAKING_BODIES for word in after.group("roles").split()):
            return said
        return said._replace(end=after.end(), who_start=after.start("run"), run=after.group("run"))

    def _inverted_after(self, run_end: int, tail: re.Match[str]) -> bool:
        """Whether a clause tail is a comma and a verb that a name follows: ", said Doe"."""
        return (tail.group("appos") is None and self.body.startswith(",", run_end)
                and _INVERTED.match(self.body, run_end) is not None)

    # -- people named as subjects, for he and she -------------------------------------------

    def _events(self) -> Iterable[tuple[int, str]]:
        """(offset, person) each time a person is named as a subject or a speaker; person ""
        marks an ambiguous subject ("Doe and Smith met"), after which he and she stay None."""
        for run in self.names.runs:
            if self._outside(run.start):
                who = self._subject(run)
                if who is not None:
                    yield run.start, who
        for said in self.inverted:
            if said.run:
                who = self.names.person(*name_of(tuple(said.run.split())))
                if who is not None:
                    yield said.who_start, who
        for said in self.clauses + self.inverted:
            if said.role and _is_person_role(said.role):
                yield said.who_start, said.role  # "the spokesman said ... He added": he is the spokesman

    def _subject(self, run: Run) -> str | None:
        """The person a run names if it is the subject of what follows: a verb-like word comes
        next, and no preposition before it (talks with John Smith have started)."""
        person = self.names.person(run.name, run.titled)
        if person is None or person in self._places() or _PLACE_APPOSITION.match(self.body, run.end):
            return None
        previous = self.body[max(0, run.start - 20) : run.start].split()[-1:]
        if previous and previous[0].lower() in _PREPOSITIONS:
            return None
        if _COORDINATED.match(self.body, run.end):
            return ""
        following = _AFTER_RUN.match(self.body, run.end)
        if following and following.group(1) in _NOT_VERB and self.body.startswith(",", run.end):
            following = _AFTER_APPOSITION.match(self.body, run.end)  # Yuki Tanaka, an economist, said
        if following is None or following.group(1) in _NOT_VERB:
            return None
        return person

    def _places(self) -> set[str]:
        """The names the article puts after a place preposition ("in Kampong Hilir"), worked out once."""
        if self.places is None:
            self.places = set()
            for match in _IN_PLACE.finditer(self.body):
                name, titled = name_of(tuple(match.group(1).split()))
                if name and not titled:
                    self.places.add(self.names.expand(name))
        return self.places

    def resolve(self, offset: int) -> str | None:
        """The person he or she at `offset` stands for: the last person named as a subject or
        speaker before it, unless that was ambiguous or there is none."""
        i = bisect.bisect_left(self.event_at, offset) - 1
        return (self.event_who[i] or None) if i >= 0 else None

    # -- the speaker of a clause --------------------------------------------------------------

    def who(self, said: _Said) -> str | None:
        """The speaker a clause names: a resolved pronoun or a name, titles stripped."""
        if said.pronoun:
            return self.resolve(said.who_start)
        if said.role and not (said.appos and RUN_RE.fullmatch(said.appos)):
            return said.role  # "the army spokesman said"; but "the head of the union, Jane Doe, said" names her
        if _COORDINATED_BEFORE.search(self.body, max(0, said.who_start - 60), said.who_start):
            return None  # "Doe and Smith said": two speakers, not one
        name, titled = name_of(tuple(said.run.split()))
        if not name and said.appos and RUN_RE.fullmatch(said.appos):
            name, titled = name_of(tuple(said.appos.split()))  # Spain's Finance Minister, Jane Doe, said
        elif said.appos:  # Doe, the finance minister, said
            titled = titled or any(word.lower() in TITLES for word in said.appos.split())
        return self.names.speaker(name, titled)

    # -- quotes ------------------------------------------------------------------------------

    def _after(self, quote: _Quote) -> _Said | None:
        """The attribution right after a quote: '," said Smith' or '," Doe said'."""
        inverted = _AFTER_VERB.match(self.body, quote.mark_end)
        if inverted and inverted.group("verb") not in _NAMING_VERBS:
            return self._past_role(_said(inverted))
        subject = _AFTER_SUBJECT.match(self.body, quote.mark_end)
        if subject is None:
            return None
        quoted = self.body[quote.start : quote.end]
        ends_sentence = quoted.endswith(".") and not quoted.endswith("..")
        if ends_sentence and not (subject.group("pron") or "X")[0].islower():
            return None  # '"... off." Doe said the ...': a new sentence, not an attribution
        return _said(subject)

    def _lead_in(self, i: int) -> _Said | None:
        """The last speech clause between the start of the quote's sentence (or the previous
        quote) and the quote: 'Doe acknowledged, “' / 'He replied: "'."""
        quote = self.quotes[i]
        lo = self.sentences[self._sentence_of(quote.mark_start)][0] if self.sentences else 0
        if i > 0:
            lo = max(lo, self.quotes[i - 1].mark_end)
        j = bisect.bisect_right(self.clause_starts, quote.mark_start) - 1
        while j >= 0 and self.clause_starts[j] >= lo:
            if self.clauses[j].end <= quote.mark_start:
                return self.clauses[j]
            j -= 1
        return self._named_before(lo, quote.mark_start)

    def _according(self, quote: _Quote) -> _Said | None:
        """'"...," according to Lt. Jane Doe': the last resort, since a source cited so is as often
        the outlet that reported the words as the person who said them."""
        match = _ACCORDING.match(self.body, quote.mark_end)
        return self._past_role(_said(match)) if match else None

    def _named_before(self, lo: int, at: int) -> _Said | None:
        """A speaker named without a speech verb before a quote: 'Doe: "..."', or the subject of
        a sentence that goes on ', saying "..."' ('Doe condemned the killings, saying: "..."')."""
        colon = _NAME_COLON.fullmatch(self.body, lo, at)
        if colon is not None:
            return _Said(colon.start(), colon.end(), colon.start("run"), False, colon.group("run"))
        saying = _SAYING.search(self.body, lo, at)
        if saying is None:
            return None
        k = bisect.bisect_left(self.event_at, lo)
        if k < len(self.event_at) and self.event_at[k] < saying.start() and self.event_who[k]:
            return _Said(lo, saying.end(), self.event_at[k], False, self.event_who[k])
        role = _ROLE_SUBJECT.match(self.body, lo, saying.start())
        if role is not None:
            return _Said(lo, saying.end(), role.start("role"), False, "", "", role.group("role"))
        return None

    def _sentence_of(self, offset: int) -> int:
        return max(bisect.bisect_right(self.sentence_starts, offset) - 1, 0)

    def _block_of(self, offset: int) -> int:
        return bisect.bisect_right(self.block_starts, offset) - 1

    def _continues(self, quote: _Quote, attribution_end: int | None) -> bool:
        """Whether a quote with no attribution of its own goes on from the previous quote: in the
        same sentence, or opening the sentence right after the attribution's, in the same line or
        on the next one ('"...," he said.' / '"..."'): each new voice is named, so an unnamed
        quote that follows one right away is the same voice going on."""
        if attribution_end is None:
            return False
        said_in = self._sentence_of(attribution_end - 1)
        quote_in = self._sentence_of(quote.mark_start)
        if quote_in == said_in:
            return self._block_of(attribution_end) == self._block_of(quote.mark_start)
        return quote_in == said_in + 1 and quote.mark_start <= self.sentences[quote_in][0] <= quote.start

    def _chains(self) -> list[list[int]]:
        """The quotes as utterances: the parts of a quote that runs across lines, together."""
        chains: list[list[int]] = []
        for i, quote in enumerate(self.quotes):
            if quote.joins and chains:
                chains[-1].append(i)
            else:
                chains.append([i])
        return chains

    def quote_speakers(self) -> list[str | None]:
        """The speaker of each quote, in order; every part of a quote across lines has the one
        its attribution names, before its first part or after its last."""
        speakers: list[str | None] = [None] * len(self.quotes)
        previous_end: int | None = None
        previous: str | None = None
        for chain in self._chains():
            last = self.quotes[chain[-1]]
            after = self._after(last) or self._trailing(last)
            said = after or self._lead_in(chain[0]) or self._according(last)
            if said is not None:
                speaker = self.who(said)
                previous_end = after.end if after else last.mark_end
            elif self._continues(self.quotes[chain[0]], previous_end):
                speaker = previous
                previous_end = last.mark_end
            else:
                speaker, previous_end = None, None
            for i in chain:
                speakers[i] = speaker
            previous = speaker
        return speakers

    def _trailing(self, quote: _Quote) -> _Said | None:
        """The attribution that ends the quote's sentence after a comma: '"We heard shots," and
        smelled smoke, said Jane Doe, 48.' / '"A case apart" because it "cheated," Doe said.'"""
        sentence = self.sentences[self._sentence_of(quote.mark_start)] if self.sentences else (0, 0)
        k = bisect.bisect_left(self.speech_starts, quote.mark_end)
        if k >= len(self.speech) or self.speech_starts[k] >= sentence[1]:
            return None
        said = self.speech[k]
        before = self.body[max(0, said.start - 3) : said.start].rstrip().rstrip(_CLOSERS)
        return said if self.body[said.start] == "," or before.endswith(",") else None

    # -- sentences ---------------------------------------------------------------------------

    def sentence_speaker(self, start: int, end: int, quote_speakers: list[str | None]) -> str | None:
        """Who a sentence reports as speaking: its first speech clause outside quotes, else the
        speaker of its first attributed quote ("Doe said Spain's reserves could be used")."""
        k = bisect.bisect_left(self.speech_starts, start)
        if k < len(self.speech) and self.speech_starts[k] < end:
            return self.who(self.speech[k])
        k = bisect.bisect_left(self.quote_starts, start)
        while k < len(self.quotes) and self.quotes[k].mark_start < end:
            if quote_speakers[k] is not None:
                return quote_speakers[k]
            k += 1
        return None


# ---------------------------------------------------------------------------------------------
# Segments
# ---------------------------------------------------------------------------------------------


HEADING_WORDS = 12
"""A line of at most this many words without a final stop is a heading (a section's title), not a sentence."""


def _headings(body: str, blocks: list[tuple[int, int]], title: str | None) -> list[tuple[int, int]]:
    """The headline and the headings of a body: the first line when it has no final stop, a line
    that is the article's title, and short lines without a final stop ("BIGGEST PROTEST")."""
    found: list[tuple[int, int]] = []
    first = True
    wanted = " ".join((title or "").split())
    for lo, hi in blocks:
        start, end = _trim(body, lo, hi)
        if start == end:
            continue
        text = body[start:end]
        unstopped = text.rstrip(_CLOSERS)[-1:] not in _TERMINAL
        if (first and unstopped) or (wanted and " ".join(text.split()) == wanted) or (
            unstopped and len(text.split()) <= HEADING_WORDS and _title_cased(text)
        ):
            found.append((start, end))
        first = False
    return found


def _title_cased(text: str) -> bool:
    """Whether most longer words of a line are capitalised, as in a heading ("BIGGEST PROTEST",
    "New Laptops and Phones") and not in a sentence that lost its stop ('"No," he said')."""
    longer = [word for word in text.split() if len(word) > 3 and word[0].isalpha()]
    return bool(longer) and sum(word[0].isupper() for word in longer) * 5 >= len(longer) * 3


def _unspoken(article: Article, blocks: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Where nobody speaks, whatever the words say: headlines, headings and page furniture
    (captions, datelines, bylines), as sorted spans."""
    spans = sorted(_headings(article.body, blocks, article.title) + boilerplate.furniture(article.body))
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def segment(article: Article) -> tuple[Segment, ...]:
    """Sentences and direct quotes of the article body, in order of start offset (quotes after
    the sentence that contains them when they start at the same place). Headlines, headings and
    page furniture get no speaker ("Minister says no deal" is a headline, not his words)."""
    body = article.body
    blocks = _blocks(body)
    found = _find_quotes(body, blocks)
    spans = _find_sentences(body, blocks, found)
    attribution = _Attribution(body, found, spans, blocks)
    quote_speakers = attribution.quote_speakers()
    unspoken = _unspoken(article, blocks)

    def spoken(start: int, end: int, speaker: str | None) -> str | None:
        return None if speaker is None or boilerplate.inside(unspoken, start, end) else speaker

    segments = [
        Segment(Span(article.id, start, end), "sentence", body[start:end],
                spoken(start, end, attribution.sentence_speaker(start, end, quote_speakers)))
        for start, end in spans
    ]
    segments += [
        Segment(Span(article.id, quote.start, quote.end), "quote", body[quote.start : quote.end],
                spoken(quote.start, quote.end, speaker))
        for quote, speaker in zip(found, quote_speakers)
    ]
    segments.sort(key=lambda seg: (seg.span.start, seg.kind != "sentence", seg.span.end))
    return tuple(segments)


def with_quote_sentences(segments: Iterable[Segment]) -> Iterator[Segment]:
    """The segments, and after each quote of several sentences each of its sentences, as a quote
    by the same speaker: one speaker's words are matched and compared a sentence at a time."""
    for segment in segments:
        yield segment
        if segment.kind != "quote":
            continue
        parts = sentences(segment.text)
        for start, end in parts if len(parts) > 1 else ():
            span = Span(segment.span.article, segment.span.start + start, segment.span.start + end)
            yield Segment(span, "quote", segment.text[start:end], segment.speaker)
