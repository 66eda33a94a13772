"""Benchmark of the core analysis: load_corpus() and analyse() on the bundled story and on
generated corpora of many articles. A script that prints numbers, not a test.

    python benchmarks/bench_analysis.py                    # bundled + 100 and 1,000 articles
    python benchmarks/bench_analysis.py --sizes 100 1000 3000
    python benchmarks/bench_analysis.py --quick            # fewer repeats
    python benchmarks/bench_analysis.py --profile 1000     # cProfile one analyse() of 1,000 articles
    python benchmarks/bench_analysis.py --keep /tmp/corpora   # keep the generated folders to read

Each corpus is measured in its own subprocess, so each size's peak RSS (ru_maxrss) is its own.
Times are wall-clock (time.perf_counter); "best" and "median" are over the repeats (20 for the
bundled story, 5 for generated corpora, 1 with --quick; repeats stop once they add up to 60 s).
The stage table times one more run through align.py's own functions (segment, build_units,
_weights, candidate_pairs, score_pair, _cluster + _groups), then facts.extract_facts and
disputes.find_disputes; "rest" is what analyse() does beyond those, from the best analyse()
time, so it is rough. Peak memory is given twice: the process's peak resident set size
(interpreter, imports, corpus and analysis together) and tracemalloc's peak of the Python
allocations made by one analyse() call (measured in a separate, slower run, after the timed
runs).

Generated corpora are deterministic (seeded) and built from varied text: a small phrase
grammar (subject, verb phrase, object, modifiers) and a few stock news sentences, with slots
filled from lists of people, titles, places, organisations, numbers, nouns, verbs and
adjectives, plus Zipf-distributed filler words drawn from common words and invented ones, so
that the vocabulary keeps growing with the corpus as real text does (about 2,500 distinct
words in 100 articles, 9,600 in 1,000). Articles come in stories of 3-8 articles that share quotes verbatim, in variant
wording and as reported speech, and share statements verbatim or reworded; most sentences
are unique. The alignment thus has real matches to find and plenty of near misses to reject.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from itertools import accumulate
from pathlib import Path
from random import Random

# Targets (2-core machine).
TARGET_BUNDLED_MS = 50.0
TARGET_1000_S = 10.0
TARGET_1000_RSS_MB = 1024.0
TARGET_SCALING = 15.0  # 10x more articles may cost at most this many times the time


# =============================================================================================
# The generator
# =============================================================================================

FIRST = """Katsunobu Ryosei Shigeru Yoko Haruka Kenji Aiko Hiroshi Scott Janet Jerome Donald Kamala
Olaf Emmanuel Giorgia Ursula Christine Rishi Keir Narendra Nirmala Xi Li Wang Anthony Maria Elena
Carlos Lucia Pedro Ahmed Fatima Omar Leila Chen Mei Jun Sung-min Ji-woo Olga Ivan Dmitri Anna
Sofia Luca Marco Giulia Hans Greta Lars Ingrid Pierre Claire Jean Amara Kwame Thabo Nomvula Ravi
Priya Arjun Deepa Tomas Beatriz Ines Mateo Valentina Samuel Grace Daniel Ruth""".split()
SURNAME = """Kato Akazawa Ishiba Suzuki Tanaka Watanabe Yamamoto Nakamura Kobayashi Bessent Yellen Powell
Trump Harris Scholz Macron Meloni Leyen Lagarde Sunak Starmer Modi Sitharaman Jinping Qiang Yi
Blinken Santos Ferreira Rossi Bianchi Ruiz Moreno Hassan Karimi Haddad Mansour Chen Zhang Liu
Park Kim Lee Choi Ivanova Petrov Sokolov Muller Schmidt Fischer Weber Larsen Nilsson Dubois Moreau
Laurent Mensah Okafor Dlamini Nkosi Sharma Patel Gupta Iyer Novak Horvat Costa Almeida Silva
Koll Matsuzawa Ueda Kuroda Okonjo Mbeki Lindqvist Brennan Calloway Ashworth Delgado""".split()
TITLES = """Finance Minister|Trade Minister|Economy Minister|Foreign Minister|Prime Minister|Treasury
Secretary|Commerce Secretary|central bank Governor|chief negotiator|chief economist|senior
strategist|spokesperson|Senator|opposition leader|union leader|chief executive|deputy governor|
Chief Cabinet Secretary|fund manager|trade envoy|President|ambassador|mayor|party chairman""".replace(
    "\n", " "
).split("|")
TITLES = [" ".join(title.split()) for title in TITLES]
PLACES = """Japan|China|India|Brazil|Germany|France|Italy|Canada|Mexico|Indonesia|Vietnam|Thailand|Korea|
Australia|Nigeria|Kenya|Egypt|Turkey|Poland|Spain|Sweden|Norway|Chile|Peru|Argentina|Singapore|
Malaysia|the Philippines|South Africa|Saudi Arabia|the United States|Britain|Tokyo|Washington|
Beijing|Delhi|Berlin|Paris|Rome|Ottawa|Jakarta|Hanoi|Seoul|Canberra|Lagos|Nairobi|Cairo|Ankara|
Warsaw|Madrid|Stockholm|Oslo|Santiago|Lima|Osaka|Mumbai|Shanghai|Frankfurt|Geneva|Brussels|
Rotterdam|Houston|Detroit|Kyoto|Busan|Manila|Johannesburg|Riyadh|Dubai|Hong Kong""".replace(
    "\n", ""
).split("|")
ORGS_TEXT = """the Ministry of Finance|the Bank of Japan|the Federal Reserve|the European Central Bank|the
International Monetary Fund|the World Bank|the World Trade Organization|Nomura|Monex Group|Goldman
Sachs|Mizuho|Toyota|Honda|Sony|Samsung|Siemens|Airbus|Boeing|the Treasury|the Commerce Department|
the Reserve Bank|Harlow Capital|Brightwater Partners|the Ocean Freight Council|the National Farmers
Union|the Port Authority|Kestrel Analytics|the Institute for Trade Studies|the Chamber of Commerce|
the Energy Agency|Northgate Holdings|Meridian Steel|the Pension Fund|the Statistics Bureau|the
Audit Office|Redfield Motors|Solenne Pharma|the Fisheries Agency|the Rail Workers Union|Cobalt
Mining Corp|the Housing Authority|Vantage Securities|the Consumer Council|Altamira Bank|the
Development Bank|Helios Solar|Pacific Shipping Lines|the Grain Board"""
ORGS = [" ".join(org.split()) for org in ORGS_TEXT.split("|")]
OUTLETS = """Reuters|Kyodo|Nikkei Asia|The Japan Times|Channel NewsAsia|Lianhe Zaobao|The Times of India|
TRT World|Bloomberg|Associated Press|Agence France-Presse|The Guardian|Financial Times|Al Jazeera|
South China Morning Post|Deutsche Welle|The Straits Times|Le Monde|El Pais|Die Zeit|Yonhap|
The Hindu|The Daily Ledger|Harbour Herald|The Evening Courier|Northern Dispatch|The Capital Tribune|
Coastline News|The Morning Sentinel|Metro Wire|Plains Gazette|The Observer Review|Pacific Post|
Continental Report|The Market Journal|Riverside Chronicle|The Global Desk|Ledger Asia|Frontline
Business|The Quarterly Monitor"""
OUTLETS = [" ".join(name.split()) for name in OUTLETS.split("|")]
NOUNS = """tariffs bonds exports imports wages inflation prices deficit surplus currency yen dollar euro
holdings reserves markets investors talks negotiations agreement deal sanctions subsidies taxes
budget spending debt growth recession output factories workers jobs unemployment pensions savings
rates yields shares stocks profits revenue losses supply chains shipping ports freight energy oil
gas electricity coal solar wind batteries chips semiconductors cars steel aluminium rice wheat
soybeans beef fisheries housing rents mortgages loans banks lenders regulators rules reforms
elections voters parliament coalition opposition protests strikes unions farmers retailers
consumers households tourism visitors airlines railways roads bridges hospitals schools students
teachers doctors patients vaccines drugs research data privacy platforms cloud software robots
automation climate emissions floods drought harvest water pipelines minerals lithium copper cobalt
gold bullion contracts orders demand capacity inventories forecasts estimates survey figures report
review inquiry audit plan strategy proposal measures package stimulus cuts hikes""".split()
VERBS = [
    ("raise", "raised"), ("cut", "cut"), ("delay", "delayed"), ("approve", "approved"), ("reject", "rejected"),
    ("review", "reviewed"), ("expand", "expanded"), ("reduce", "reduced"), ("protect", "protected"),
    ("support", "supported"), ("block", "blocked"), ("challenge", "challenged"), ("defend", "defended"),
    ("sell", "sold"), ("buy", "bought"), ("hold", "held"), ("use", "used"), ("restore", "restored"),
    ("freeze", "froze"), ("extend", "extended"), ("announce", "announced"), ("finalise", "finalised"),
    ("negotiate", "negotiated"), ("secure", "secured"), ("lift", "lifted"), ("impose", "imposed"),
    ("double", "doubled"), ("halve", "halved"), ("monitor", "monitored"), ("investigate", "investigated"),
    ("fund", "funded"), ("boost", "boosted"), ("weaken", "weakened"), ("strengthen", "strengthened"),
    ("stabilise", "stabilised"), ("phase out", "phased out"), ("scrap", "scrapped"), ("revive", "revived"),
    ("postpone", "postponed"), ("accelerate", "accelerated"), ("ease", "eased"), ("tighten", "tightened"),
    ("subsidise", "subsidised"), ("export", "exported"), ("import", "imported"), ("question", "questioned"),
    ("welcome", "welcomed"), ("criticise", "criticised"), ("launch", "launched"), ("suspend", "suspended"),
]
ADJECTIVES = """new major modest sharp steep gradual sudden unexpected significant limited broad narrow
fragile robust weak strong stable volatile cautious aggressive temporary permanent regional global
domestic foreign bilateral multilateral fiscal monetary industrial agricultural strategic
commercial financial political economic legal technical structural seasonal annual quarterly
record historic unprecedented controversial preliminary final detailed vague firm tough generous
costly cheap expensive sluggish rapid slow steady uneven""".split()
ADVERBS = """clearly certainly really indeed obviously simply fully quickly carefully openly firmly
probably largely mostly""".split()
SYNONYMS = [
    "talks negotiations discussions", "deal agreement accord", "tariffs duties levies", "cut reduce lower",
    "raise increase lift", "jobs employment work", "prices costs", "plan proposal scheme",
    "firms companies businesses", "strong robust solid", "weak fragile soft", "sharp steep marked",
    "support back", "block stop halt", "delay postpone defer", "review examine study", "figures data numbers",
    "protect shield defend", "cautious careful prudent", "temporary short-term", "measures steps",
    "markets exchanges", "investors buyers", "significant considerable substantial", "use employ deploy",
    "expand widen broaden", "growth expansion", "debt borrowing", "rules regulations",
]
SYNONYM_OF = {word: group.split() for group in SYNONYMS for word in group.split()}
DAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
MONTHS = "January February March April May June July August September October November December".split()
COMMON = """year week month day time government country people percent market company business
economy policy official minister city state region industry sector trade price cost value rate
level share number group part area program issue problem question point case change plan report
system service support return pressure risk chance decision effort impact role position view
concern interest power leader member team office agency council committee court law bill vote
election campaign party public private national local international federal global economic
financial political social major recent current future early late long short high low large
small key main new last next first second third former senior chief analyst expert data record
quarter half total average increase decline fall rise gain loss drop surge slump recovery
shortage excess balance account payment income tax budget fund capital investment asset stake
bid offer sale purchase contract partner ally rival neighbour border coast island port capital
province district village town community family child woman man student worker owner customer
client user driver farmer nurse pilot engineer scientist reporter editor viewer reader
morning evening night weekend season spring summer autumn winter holiday festival event
meeting summit conference forum visit tour trip journey flight route line network station
centre building factory plant mine field farm forest river lake sea ocean mountain valley
street road highway bridge tunnel airport harbour dock warehouse store shop mall bank branch
""".split()


def _pseudo_words(count: int, rng: Random, avoid: set[str]) -> list[str]:
    """Invented but pronounceable words, for the long tail of the vocabulary."""
    onsets = "b br c ch d dr f fl g gr h j k kl l m n p pr qu r s sh sk st t tr v w z".split()
    vowels = "a e i o u ai ea ou io".split()
    codas = ["", "", "n", "r", "s", "l", "m", "nd", "rt", "st", "x", "ck"]
    words: list[str] = []
    seen = set(avoid)
    while len(words) < count:
        word = "".join(rng.choice(onsets) + rng.choice(vowels) for _ in range(rng.randint(1, 3))) + rng.choice(codas)
        if len(word) >= 4 and word not in seen:
            seen.add(word)
            words.append(word)
    return words


def _cap(text: str) -> str:
    """The text with its first letter in upper case (and the rest as it is)."""
    return text[:1].upper() + text[1:]


class Generator:
    """Deterministic news-like text: stories of articles sharing quotes and statements."""

    def __init__(self, seed: int) -> None:
        self.rng = Random(seed)
        vocabulary_rng = Random(seed + 1)
        known = set(COMMON) | set(NOUNS) | set(ADJECTIVES) | {w for pair in VERBS for w in pair}
        self.filler = COMMON + _pseudo_words(30_000, vocabulary_rng, known)
        # Zipf (s = 1.0) over the filler vocabulary: common words first, then invented ones.
        self.filler_cum = list(accumulate(1.0 / (rank ** 1.0) for rank in range(1, len(self.filler) + 1)))
        self.nouns_cum = list(accumulate(1.0 / (rank ** 0.8) for rank in range(1, len(NOUNS) + 1)))

    # -- slots -----------------------------------------------------------------------------

    def f(self) -> str:
        return self.rng.choices(self.filler, cum_weights=self.filler_cum)[0]

    def ff(self) -> str:
        return " ".join(self.f() for _ in range(self.rng.randint(1, 3)))

    def n(self) -> str:
        if self.rng.random() < 0.3:
            return self.f()  # nouns are an open class: the vocabulary grows with the text
        return self.rng.choices(NOUNS, cum_weights=self.nouns_cum)[0]

    def v(self) -> str:
        return self.rng.choice(VERBS)[0]

    def vd(self) -> str:
        return self.rng.choice(VERBS)[1]

    def a(self) -> str:
        return self.f() if self.rng.random() < 0.2 else self.rng.choice(ADJECTIVES)

    def place(self) -> str:
        return self.rng.choice(PLACES)

    def org(self) -> str:
        return self.rng.choice(ORGS)

    def person(self) -> tuple[str, str, str]:
        """(full name, surname, title)."""
        first, last = self.rng.choice(FIRST), self.rng.choice(SURNAME)
        return f"{first} {last}", last, self.rng.choice(TITLES)

    def number(self) -> str:
        r = self.rng.random()
        if r < 0.3:
            return f"${self.rng.randint(1, 999)}{self.rng.choice(['', '.5', '.2', '.8'])} {self.rng.choice(['million', 'billion', 'trillion'])}"
        if r < 0.6:
            return f"{self.rng.randint(1, 40)}.{self.rng.randint(0, 9)}%"
        if r < 0.8:
            return f"{self.rng.randint(2, 950):,}{self.rng.choice([',000', '', '00'])}"
        return f"{self.rng.randint(2, 90)} percent"

    def when(self) -> str:
        r = self.rng.random()
        if r < 0.4:
            return f"on {self.rng.choice(DAYS)}"
        if r < 0.7:
            return f"in {self.rng.choice(MONTHS)}"
        return f"on {self.rng.choice(MONTHS)} {self.rng.randint(1, 28)}"

    # -- sentences -------------------------------------------------------------------------

    def unique_sentence(self, story: Story) -> str:
        """A sentence of the article's own: a phrase grammar (subject, verb, object, modifiers)
        over random slots, or now and then one of a few stock templates."""
        if self.rng.random() < 0.1:
            return _cap(self.rng.choice(self._templates(story))()) + "."
        g = self
        subject = g.rng.choice(self._subjects(story))()
        verb = g.rng.choice(self._predicates())()
        mods = [g.rng.choice(self._modifiers(story))() for _ in range(g.rng.choices([0, 1, 2, 3], [2, 4, 3, 1])[0])]
        return _cap(" ".join([subject, verb, *mods]).replace(" ,", ",")) + "."

    def _subjects(self, story: Story) -> list:
        g = self
        return [
            lambda: f"{_cap(story.speaker(g)[2])} {story.speaker(g)[0]}",
            lambda: story.speaker(g)[1],
            lambda: g.org(),
            lambda: story.org,
            lambda: g.place(),
            lambda: f"the {g.a()} {g.n()}",
            lambda: f"{g.n()} in {g.place()}",
            lambda: f"analysts at {g.org()}",
            lambda: f"officials in {g.place()}",
            lambda: f"{g.number()} of {g.f()} {g.n()}",
            lambda: f"the {g.f()} {g.n()}",
            lambda: f"{g.person()[0]}, a {g.person()[2].lower()} at {g.org()},",
            lambda: f"a {g.a()} {g.f()}",
            lambda: f"{g.f()} {g.n()}",
        ]

    def _predicates(self) -> list:
        g = self
        obj = self._object
        return [
            lambda: f"{g.vd()} {obj()}",
            lambda: f"has {g.vd()} {obj()}",
            lambda: f"is expected to {g.v()} {obj()}",
            lambda: f"said it would {g.v()} {obj()}",
            lambda: f"plans to {g.v()} {obj()}",
            lambda: f"{g.vd()} by {g.number()}",
            lambda: f"could {g.v()} {obj()}",
            lambda: f"{g.vd()} {obj()} and {g.vd()} {obj()}",
            lambda: f"was {g.vd()} by {g.org()}",
            lambda: f"{g.rng.choice(['wants', 'hopes', 'needs', 'refused', 'declined', 'agreed'])} to {g.v()} {obj()}",
            lambda: f"{g.rng.choice(['rose', 'fell', 'climbed', 'slipped', 'jumped', 'dropped'])} {g.number()}",
            lambda: f"remains {g.a()}",
        ]

    def _object(self) -> str:
        g = self
        forms = [
            lambda: f"{g.a()} {g.n()}",
            lambda: f"the {g.n()} of {g.org()}",
            lambda: f"its {g.f()} {g.n()}",
            lambda: f"{g.number()} in {g.n()}",
            lambda: f"{g.n()} and {g.n()}",
            lambda: f"the {g.f()} {g.f()}",
            lambda: f"{g.f()} {g.n()}",
            lambda: f"a {g.a()} {g.f()} on {g.n()}",
        ]
        return g.rng.choice(forms)()

    def _modifiers(self, story: Story) -> list:
        g = self
        return [
            lambda: g.when(),
            lambda: f"in {g.place()}",
            lambda: f"in {story.place}",
            lambda: f"after {g.n()} {g.vd()} {g.number()}",
            lambda: f", {g.ff()} {g.n()}",
            lambda: f", according to {g.org()}",
            lambda: f"for the {g.rng.choice(['first', 'second', 'third', 'fourth'])} time since {g.rng.randint(1990, 2024)}",
            lambda: f"despite {g.a()} {g.n()}",
            lambda: f"amid {g.f()} {g.n()}",
            lambda: f"as {g.n()} {g.vd()}",
            lambda: f"while {g.f()} {g.n()} {g.vd()} {g.a()} {g.n()}",
            lambda: f"with {g.number()} of {g.n()}",
            lambda: f"to {g.v()} {g.f()} {g.n()}",
            lambda: f", {g.rng.choice(['a move that', 'which', 'something'])} {g.f()} {g.n()} had {g.vd()}",
            lambda: f"before {g.rng.choice(MONTHS)}",
            lambda: f"over {g.a()} {g.n()}",
        ]

    def _templates(self, story: Story) -> list:
        """Stock sentences of news copy (fixed words that recur across unrelated stories)."""
        g = self
        p_full, p_last, p_title = story.speaker(g)
        return [
            lambda: f"The {g.a()} {g.n()} {g.ff()} by {g.number()} {g.when()}, according to {g.org()}",
            lambda: f"Analysts at {g.org()} expect {g.n()} to {g.v()} {g.f()} {g.n()} before the end of the year",
            lambda: f"{p_last} has {g.vd()} {g.a()} {g.n()} since taking office, and {g.ff()} {g.n()} in {story.place}",
            lambda: f"Trade between {g.place()} and {g.place()} {g.vd()} {g.number()} last year, {g.ff()} {g.n()}",
            lambda: f"Shares in {g.org()} {g.rng.choice(['rose', 'fell', 'climbed', 'slipped'])} {g.number()} after the {g.a()} {g.n()} {g.ff()}",
            lambda: f"{p_title} {p_full} is expected to meet {g.person()[0]} {g.when()} to discuss {g.f()} {g.n()}",
            lambda: f"Data from {g.org()} showed {g.n()} {g.vd()} {g.number()} in {g.rng.choice(MONTHS)}, {g.ff()} {g.a()} {g.n()}",
            lambda: f"It was not clear whether {g.org()} would {g.v()} the {g.n()} or {g.v()} {g.ff()} {g.n()}",
            lambda: f"{g.place()} accounts for {g.number()} of {g.f()} {g.n()}, {g.ff()} {g.a()} {g.n()}",
            lambda: f"{story.org} did not respond to a request for comment on the {g.f()} {g.n()}",
        ]

    def quote(self, story: Story) -> str:
        """A first-person quote, without final punctuation: one or two clauses from a phrase
        grammar, now and then a turn of phrase of the speaker's own."""
        g = self
        if g.rng.random() < 0.2:
            idioms = [
                lambda: f"We need to put all {g.n()} on the table. It could be among such {g.f()} {g.n()}",
                lambda: f"Nobody wins a war over {g.n()}, least of all {g.f()} {g.n()}",
                lambda: f"The {g.n()} talks were frank and {g.a()}, and {g.ff()} {g.n()}",
                lambda: f"It is too early to say whether the {g.n()} will {g.v()} {g.f()} {g.n()}",
                lambda: f"I have made it very clear that {g.a()} {g.n()} cannot be {g.vd()} overnight",
            ]
            return g.rng.choice(idioms)()
        clauses = [self._quote_clause(story) for _ in range(g.rng.choices([1, 2], [3, 2])[0])]
        joiner = g.rng.choice([", and ", ", but ", ". ", " because ", " so "])
        text = joiner.join(clauses)
        return _cap(text) if joiner != ". " else ". ".join(_cap(c) for c in text.split(". "))

    def _quote_clause(self, story: Story) -> str:
        g = self
        who = g.rng.choice(["we", "I", "our government", "the ministry", "this country", "nobody", "everyone", f"{story.place}"])
        modal = g.rng.choice(["will", "will not", "must", "cannot", "are ready to", "have no intention to", "intend to",
                              "should", "would never", "want to", "need to", "can"])
        if who in {"I", "the ministry", "this country", "nobody", "everyone", story.place} and modal.startswith(("are", "have")):
            modal = "is ready to" if modal.startswith("are") else "has no intention to"
        tail = g.rng.choice([
            lambda: "",
            lambda: f" {g.when()}",
            lambda: f" in {g.f()} {g.n()}",
            lambda: f" unless {g.org()} {g.vd()} its {g.n()}",
            lambda: f" while {g.n()} {g.rng.choice(['remain', 'stay', 'look'])} {g.a()}",
            lambda: f" for the sake of {g.f()} {g.n()}",
            lambda: f" simply because {g.org()} {g.rng.choice(['wants', 'asks', 'demands'])} it",
        ])()
        return f"{who} {modal} {g.v()} {self._object()}{tail}"

    def statement(self, story: Story) -> dict[str, str]:
        """The facts of a statement that several outlets report, worded later."""
        return {
            "who": story.org, "place": story.place, "number": self.number(), "noun": self.n(), "noun2": self.n(),
            "adj": self.a(), "verb": self.rng.choice(VERBS)[1], "when": self.when(), "extra": self.ff(),
        }

    def word_statement(self, facts: dict[str, str], variant: int) -> str:
        f = facts
        forms = [
            f"{f['who']} {f['verb']} {f['number']} in {f['adj']} {f['noun']} {f['when']}, {f['extra']} {f['noun2']} in {f['place']}",
            f"{f['when']}, {f['who']} {f['verb']} {f['adj']} {f['noun']} worth {f['number']}, {f['extra']} {f['noun2']} in {f['place']}",
            f"In {f['place']}, {f['adj']} {f['noun']} worth {f['number']} were {f['verb']} by {f['who']} {f['when']}, as {f['noun2']} {f['extra']}",
        ]
        return _cap(forms[variant % len(forms)]) + "."

    # -- transformations -------------------------------------------------------------------

    def variant(self, quote: str) -> str:
        """The same utterance in other words: a synonym or two, a word dropped or added."""
        words = quote.split(" ")
        swappable = [i for i, w in enumerate(words) if w.strip(".,").lower() in SYNONYM_OF]
        for i in self.rng.sample(swappable, min(len(swappable), self.rng.randint(1, 2))):
            core = words[i].strip(".,")
            alternatives = [w for w in SYNONYM_OF[core.lower()] if w != core.lower()]
            words[i] = words[i].replace(core, self.rng.choice(alternatives))
        if self.rng.random() < 0.5 and len(words) > 6:
            words.insert(self.rng.randint(1, len(words) - 1), self.rng.choice(ADVERBS))
        if self.rng.random() < 0.4 and len(words) > 8:
            del words[self.rng.randint(2, len(words) - 2)]
        if not swappable and self.rng.random() < 0.7:
            words.insert(self.rng.randint(1, len(words) - 1), self.rng.choice(ADVERBS))
        return " ".join(words)

    @staticmethod
    def reported(quote: str) -> str:
        """Reported speech: first person to third, will to would."""
        shift = {
            "we": "the government", "We": "The government", "our": "its", "Our": "Its", "I": "he", "i": "he",
            "us": "it", "my": "his", "will": "would", "can": "could", "is": "was", "are": "were", "have": "had",
            "don't": "did not", "must": "had to", "am": "was",
        }
        out = []
        for word in quote.replace(". ", ", and ").split(" "):
            core = word.rstrip(",.")
            out.append(shift.get(core, core) + word[len(core):])
        text = " ".join(out)
        return text[0].lower() + text[1:] if not text.startswith(("I ", "Japan")) else text

    def attribute(self, quote: str, who: tuple[str, str, str], marks: tuple[str, str]) -> str:
        """A direct quote with its attribution, in one of the usual forms."""
        full, last, title = who
        o, c = marks
        r = self.rng.random()
        if r < 0.35:
            return f"{o}{quote},{c} {last} said."
        if r < 0.55:
            return f"{o}{quote},{c} said {title} {full}."
        if r < 0.75:
            return f"{_cap(title)} {full} said: {o}{quote}.{c}"
        if r < 0.9:
            return f"{last} {self.rng.choice(['added', 'told reporters', 'stressed', 'warned'])}, {o}{quote}.{c}"
        return f"{o}{quote},{c} {last} told {self.rng.choice(OUTLETS)} {self.when()}."

    # -- articles --------------------------------------------------------------------------

    def story(self, number: int, size: int) -> Story:
        return Story(self, number, size)

    def article(self, story: Story, outlet: str, words: int | None = None) -> tuple[str, str]:
        """(title, body) of one outlet's article in the story, of about `words` words (230-370 if None)."""
        rng = self.rng
        marks = ("“", "”") if rng.random() < 0.6 else ('"', '"')
        target = rng.randint(230, 370) if words is None else words
        shared: list[str] = []
        for quote, who in story.quotes:
            if rng.random() < 0.55:
                mode = rng.random()
                if mode < 0.5:
                    shared.append(self.attribute(quote, who, marks))
                elif mode < 0.75:
                    shared.append(self.attribute(self.variant(quote), who, marks))
                else:
                    lead = rng.choice([f"{who[1]} said", f"{_cap(who[2])} {who[0]} said", f"According to {who[1]},"])
                    shared.append(f"{lead} {self.reported(quote)}.")
        for facts in story.statements:
            if rng.random() < 0.45:
                shared.append(self.word_statement(facts, 0 if rng.random() < 0.4 else rng.randint(1, 2)))
        rng.shuffle(shared)
        sentences: list[str] = []
        words = 0
        while words < target:
            take_shared = shared and rng.random() < len(shared) / max(1, (target - words) / 20)
            sentence = shared.pop() if take_shared else self.unique_sentence(story)
            sentences.append(sentence)
            words += len(sentence.split())
        sentences += shared
        paragraphs: list[str] = []
        while sentences:
            k = rng.randint(1, 4)
            paragraphs.append(" ".join(sentences[:k]))
            sentences = sentences[k:]
            if rng.random() < 0.05:
                paragraphs.append("Advertisement")
        title = f"{story.place}: {story.org} {self.vd()} {story.noun} as {self.n()} {self.a()}"
        head = [title] if rng.random() < 0.5 else []
        if rng.random() < 0.3:
            head.append(f"By {self.person()[0]}")
        tail = []
        if rng.random() < 0.15:
            tail = ["Related stories", *(f"{self.place()} {self.n()} {self.vd()} {self.when()}" for _ in range(3))]
        return title, "\n\n".join([*head, *paragraphs]) + ("\n\n" + "\n".join(tail) if tail else "") + "\n"


class Story:
    """One news story: its place, organisation, subject, speakers, quotes and statements."""

    def __init__(self, g: Generator, number: int, size: int) -> None:
        self.number, self.size = number, size
        self.place, self.org, self.noun = g.place(), g.org(), g.n()
        self.speakers = [g.person() for _ in range(g.rng.randint(2, 4))]
        self.quotes = [(g.quote(self), g.rng.choice(self.speakers)) for _ in range(g.rng.randint(4, 8))]
        self.statements = [g.statement(self) for _ in range(g.rng.randint(3, 6))]
        self.date = f"2025-{g.rng.randint(1, 12):02d}-{g.rng.randint(1, 28):02d}"

    def speaker(self, g: Generator) -> tuple[str, str, str]:
        return g.rng.choice(self.speakers)


def generate_corpus(folder: Path, articles: int, seed: int = 20250502) -> dict[str, int]:
    """Write `articles` .txt files into folder; return a few figures about what was written."""
    g = Generator(seed)
    folder.mkdir(parents=True, exist_ok=True)
    written = words = stories = 0
    while written < articles:
        remaining = articles - written
        size = g.rng.randint(3, 8)
        if remaining <= 8:
            size = remaining  # the last story takes what is left
        elif remaining - size < 3:
            size = remaining - 3  # leave the last story at least three articles
        story = g.story(stories, size)
        outlets = g.rng.sample(OUTLETS, size)
        for index, outlet in enumerate(outlets):
            title, body = g.article(story, outlet)
            front = ""
            if g.rng.random() < 0.75:
                safe_title = title.replace('"', "'")
                front = f'---\noutlet: {outlet}\ntitle: "{safe_title}"\ndate: {story.date}\nlanguage: en\n---\n'
            name = f"s{story.number:04d}-{index}-{outlet.lower().replace(' ', '-')}.txt"
            (folder / name).write_text(front + body, encoding="utf-8")
            words += len(body.split())
            written += 1
        stories += 1
    return {"articles": written, "words": words, "stories": stories}


LONG_PREFIX = "long-"
"""The folder of a corpus with one long article is named long-<MB>."""


def generate_long_corpus(folder: Path, megabytes: float, seed: int = 20250502) -> dict[str, int]:
    """Write two articles of one story into folder: one of about `megabytes` MB (a long transcript,
    a live blog, a whole book of text pasted in) and one of the usual length."""
    g = Generator(seed)
    folder.mkdir(parents=True, exist_ok=True)
    story = g.story(0, 2)
    _, long_body = g.article(story, OUTLETS[0], words=int(megabytes * 1_000_000 / 6.5))
    _, body = g.article(story, OUTLETS[1])
    for name, outlet, text in (("long.txt", OUTLETS[0], long_body), ("usual.txt", OUTLETS[1], body)):
        (folder / name).write_text(f"---\noutlet: {outlet}\ndate: {story.date}\n---\n{text}", encoding="utf-8")
    return {"articles": 2, "words": len(long_body.split()) + len(body.split()), "bytes": len(long_body.encode())}


def _is_long(result: dict) -> bool:  # type: ignore[type-arg]
    """Whether a measured corpus is the one with a long article."""
    return Path(result["corpus"]).name.startswith(LONG_PREFIX)


def _label(result: dict) -> str:  # type: ignore[type-arg]
    """How a measured corpus is named in the tables."""
    if result["corpus"] == "bundled":
        return "bundled story"
    if _is_long(result):
        return f"one {Path(result['corpus']).name.removeprefix(LONG_PREFIX)} MB article"
    return f"generated {result['articles']}"


# =============================================================================================
# Measuring one corpus (in a child process)
# =============================================================================================


def _rss_mb() -> float:
    """The peak resident set size of this process so far, in MB (ru_maxrss is KB on Linux)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def _stages(corpus) -> dict[str, object]:  # noqa: ANN001
    """The analysis stage by stage, through the alignment package's functions, with counts. Empty
    if the functions have changed shape (the end-to-end analyse() times still stand)."""
    from importlib import import_module

    from tui.core import align
    from tui.core.segment import segment

    rules, grouping = import_module("tui.core.align.rules"), import_module("tui.core.align.groups")
    times: dict[str, float] = {}
    try:
        t0 = time.perf_counter()
        segments = {article.id: segment(article) for article in corpus.articles}
        t1 = time.perf_counter()
        units = align.build_units(corpus, segments)
        t2 = time.perf_counter()
        weights = rules.weights(units)
        t3 = time.perf_counter()
        pairs = align.candidate_pairs(units)
        t4 = time.perf_counter()
        edges = [e for left, right in pairs if (e := rules.score_pair(units[left], units[right], weights))]
        t5 = time.perf_counter()
        by_pair = {(min(e.left, e.right), max(e.left, e.right)): e for e in edges}
        kept = grouping.mutual_best(units, grouping.wholes_first(units, edges))
        overlapping = grouping.overlapping_units(units)
        clusters = grouping.cluster(units, kept, lambda a, b: rules.similarity(units[a], units[b], weights, by_pair), overlapping)
        groups = grouping.groups(units, clusters, kept, overlapping)
        t6 = time.perf_counter()
    except (AttributeError, TypeError, ValueError) as error:
        return {"error": f"{type(error).__name__}: {error}"}
    times = {
        "segment": t1 - t0, "units": t2 - t1, "weights": t3 - t2, "candidates": t4 - t3,
        "score": t5 - t4, "group": t6 - t5,
    }
    try:  # facts and disputes, when analyse() finds them
        from tui.core.disputes import find_disputes
        from tui.core.facts import extract_facts

        t6 = time.perf_counter()
        facts = tuple(fact for article in corpus.articles for fact in extract_facts(article))
        t7 = time.perf_counter()
        find_disputes(corpus, facts, groups, segments)
        t8 = time.perf_counter()
        times.update(facts=t7 - t6, disputes=t8 - t7)
    except (ImportError, AttributeError, TypeError, ValueError):
        pass
    story_of = {a.id: a.id.split("-")[0] for a in corpus.articles}
    cross = sum(1 for g in groups if len({story_of[m.span.article] for m in g.members}) > 1)
    wording: dict[str, int] = {}
    for group in groups:
        wording[group.wording] = wording.get(group.wording, 0) + 1
    return {
        "times": times,
        "segments": sum(len(s) for s in segments.values()),
        "units": len(units),
        "pairs": len(pairs),
        "edges": len(edges),
        "groups": len(groups),
        "cross_story_groups": cross,
        "candidate_recall": _candidate_recall(units, pairs) if len(units) <= EXHAUSTIVE_UNITS else None,
        "wording": wording,
        "members": sum(len(g.members) for g in groups),
    }


EXHAUSTIVE_UNITS = 6000
"""Up to this many units the candidate search is checked against every pair (36 million ratios)."""


def _candidate_recall(units, pairs) -> tuple[int, int]:  # noqa: ANN001
    """How many of the near-identical pairs (rapidfuzz ratio >= 90, the "same words" rule) of units
    from different articles, found by comparing every unit with every other, the candidate search
    also finds: (found, all). What the index loses, no rule can get back."""
    from rapidfuzz import fuzz, process

    norms = [unit.norm for unit in units]
    near = set()
    for unit in units:
        for _, _score, other in process.extract(unit.norm, norms, scorer=fuzz.ratio, score_cutoff=90, limit=None):
            if other > unit.index and units[other].article != unit.article:
                near.add((unit.index, other))
    return len(near & pairs), len(near)


def measure(corpus_arg: str, repeat: int, budget: float = 60.0) -> dict[str, object]:
    """Load and analyse one corpus; times, peak memory and counts as a dict. analyse() runs
    `repeat` times, or fewer when they take more than `budget` seconds in all (at least once)."""
    rss_start = _rss_mb()
    from tui.core.analysis import analyse
    from tui.core.corpus import load_corpus

    rss_imports = _rss_mb()
    path = None if corpus_arg == "bundled" else corpus_arg
    t0 = time.perf_counter()
    corpus = load_corpus(path)
    load_s = time.perf_counter() - t0
    rss_loaded = _rss_mb()

    times: list[float] = []
    analysis = None
    while len(times) < repeat and sum(times) < budget:
        analysis = None
        gc.collect()
        t0 = time.perf_counter()
        analysis = analyse(corpus)
        times.append(time.perf_counter() - t0)
    assert analysis is not None
    groups = len(analysis.groups)
    facts = len(getattr(analysis, "facts", ()) or ())
    disputes = len(getattr(analysis, "disputes", ()) or ())
    analysis = None
    gc.collect()
    rss_peak = _rss_mb()  # before tracemalloc, which adds its own overhead

    stages = _stages(corpus)
    gc.collect()

    tracemalloc.start()
    analysis = analyse(corpus)
    _, traced_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    return {
        "corpus": corpus_arg,
        "articles": len(corpus.articles),
        "words": sum(article.words for article in corpus.articles),
        "load_s": load_s,
        "analyse_s": times,
        "groups": groups,
        "facts": facts,
        "disputes": disputes,
        "rss_start_mb": rss_start,
        "rss_imports_mb": rss_imports,
        "rss_loaded_mb": rss_loaded,
        "rss_peak_mb": rss_peak,
        "py_peak_mb": traced_peak / 2**20,
        "stages": stages,
    }


# =============================================================================================
# The driver
# =============================================================================================


def _child(corpus: str, repeat: int) -> dict[str, object]:
    command = [sys.executable, __file__, "--child", corpus, "--repeat", str(repeat)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.stderr.write(done.stderr)
        raise SystemExit(f"measuring {corpus} failed (exit {done.returncode})")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:,.0f} ms" if seconds < 10 else f"{seconds:,.1f} s"


def table(rows: list[list[str]]) -> str:
    """Rows as aligned columns (the first left, the others right) under a rule; bench_ui prints with it too."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for n, row in enumerate(rows):
        cells = [cell.ljust(w) if i == 0 else cell.rjust(w) for i, (cell, w) in enumerate(zip(row, widths))]
        lines.append("  ".join(cells).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def _profile(size: int, seed: int, top: int) -> None:
    import cProfile
    import pstats

    from tui.core.analysis import analyse
    from tui.core.corpus import load_corpus

    with tempfile.TemporaryDirectory(prefix="kato-bench-") as tmp:
        folder = Path(tmp) / f"articles-{size}"
        generate_corpus(folder, size, seed)
        corpus = load_corpus(folder)
    analyse(load_corpus())  # warm up on the bundled story: imports, compiled patterns
    profiler = cProfile.Profile()
    profiler.enable()
    analyse(corpus)
    profiler.disable()
    stats = pstats.Stats(profiler, stream=sys.stdout).strip_dirs()
    print(f"cProfile of one analyse() on {size} generated articles\n")
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[100, 1000], help="generated corpus sizes (articles)")
    parser.add_argument("--quick", action="store_true", help="fewer repeats")
    parser.add_argument("--repeat", type=int, help="analyse() runs per generated corpus (default 5, quick 1)")
    parser.add_argument("--seed", type=int, default=20250502)
    parser.add_argument("--keep", type=Path, help="write the generated corpora here and keep them")
    parser.add_argument("--profile", type=int, metavar="SIZE", help="cProfile one analyse() of SIZE articles instead")
    parser.add_argument("--long", type=float, default=5.0, metavar="MB",
                        help="also one article of MB megabytes beside a usual one (default 5; 0 for none)")
    parser.add_argument("--json", action="store_true", help="print the raw measurements as JSON too")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.child:
        print(json.dumps(measure(args.child, args.repeat or 1)))
        return 0
    if args.profile:
        _profile(args.profile, args.seed, 30)
        return 0

    bundled_repeat = 5 if args.quick else 20
    repeat = args.repeat or (1 if args.quick else 5)
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, seed {args.seed}", flush=True)

    results = [_child("bundled", bundled_repeat)]
    generation: dict[int | str, float] = {}
    with tempfile.TemporaryDirectory(prefix="kato-bench-") as tmp:
        base = args.keep or Path(tmp)
        for size in args.sizes:
            folder = base / f"articles-{size}"
            if folder.exists():
                for old in folder.glob("*.txt"):
                    old.unlink()
            t0 = time.perf_counter()
            generate_corpus(folder, size, args.seed)
            generation[size] = time.perf_counter() - t0
            results.append(_child(str(folder), repeat))
            print(f"  measured {size} articles", file=sys.stderr, flush=True)
        if args.long:
            folder = base / f"{LONG_PREFIX}{args.long:g}"
            t0 = time.perf_counter()
            generate_long_corpus(folder, args.long, args.seed)
            generation[f"{args.long:g} MB"] = time.perf_counter() - t0
            results.append(_child(str(folder), 1))
            print(f"  measured one {args.long:g} MB article", file=sys.stderr, flush=True)

    rows = [["corpus", "articles", "words", "units", "pairs", "groups", "facts", "disputes", "load", "analyse best",
             "median", "runs", "py peak", "RSS peak"]]
    for result in results:
        stages = result["stages"]
        label = _label(result)
        rows.append([
            label, f"{result['articles']:,}", f"{result['words']:,}",
            f"{stages.get('units', 0):,}", f"{stages.get('pairs', 0):,}", f"{result['groups']:,}",
            f"{result['facts']:,}", f"{result['disputes']:,}",
            _ms(result["load_s"]), _ms(min(result["analyse_s"])), _ms(statistics.median(result["analyse_s"])),
            str(len(result["analyse_s"])),
            f"{result['py_peak_mb']:,.0f} MB", f"{result['rss_peak_mb']:,.0f} MB",
        ])
    print()
    print(table(rows))

    stage_names = ["segment", "units", "weights", "candidates", "score", "group", "facts", "disputes"]
    rows = [["stages (one run)", *stage_names, "rest", "edges", "cross-story"]]
    for result in results:
        stages = result["stages"]
        label = _label(result)
        if "times" not in stages:
            rows.append([label, *(["n/a"] * len(stage_names)), "n/a", "n/a", "n/a"])
            continue
        cross = "-" if result["corpus"] == "bundled" or _is_long(result) else f"{stages['cross_story_groups']:,}"
        rest = max(0.0, min(result["analyse_s"]) - sum(stages["times"].values()))
        cells = [_ms(stages["times"][name]) if name in stages["times"] else "n/a" for name in stage_names]
        rows.append([label, *cells, _ms(rest), f"{stages['edges']:,}", cross])
    print()
    print(table(rows))
    print(f"\nRSS after imports: {results[0]['rss_imports_mb']:.0f} MB; "
          f"corpus generation: {', '.join(f'{n}: {_ms(t)}' for n, t in generation.items())}")
    for result in results[1:]:
        s = result["stages"]
        if "wording" in s and not _is_long(result):
            print(f"groups of {result['articles']}: {s['groups']:,} ({', '.join(f'{k} {v:,}' for k, v in sorted(s['wording'].items()))}), "
                  f"{s['members']:,} members, {s['cross_story_groups']:,} across two stories (spurious)")
        if s.get("candidate_recall"):
            found, near = s["candidate_recall"]
            print(f"candidate search on {_label(result)}: {found:,} of {near:,} near-identical pairs "
                  f"({100 * found / max(near, 1):.2f}%; every pair compared with rapidfuzz, ratio >= 90)")
        if _is_long(result):
            total = result["load_s"] + min(result["analyse_s"])
            print(f"{_label(result)} beside a usual one: load + analyse {total:.1f} s "
                  f"({result['words']:,} words, peak RSS {result['rss_peak_mb']:,.0f} MB)")

    print("\ntargets")
    verdicts = []
    bundled = statistics.median(results[0]["analyse_s"]) * 1000
    verdicts.append((f"bundled story analyse() median < {TARGET_BUNDLED_MS:.0f} ms", f"{bundled:.1f} ms",
                     bundled < TARGET_BUNDLED_MS))
    by_size = {r["articles"]: r for r in results[1:] if not _is_long(r)}
    if 1000 in by_size:
        r = by_size[1000]
        total = r["load_s"] + statistics.median(r["analyse_s"])
        verdicts.append((f"1,000 articles load + analyse < {TARGET_1000_S:.0f} s", f"{total:.1f} s", total < TARGET_1000_S))
        verdicts.append((f"1,000 articles peak RSS < {TARGET_1000_RSS_MB:.0f} MB", f"{r['rss_peak_mb']:.0f} MB",
                         r["rss_peak_mb"] < TARGET_1000_RSS_MB))
    sizes = sorted(by_size)
    for small, large in zip(sizes, sizes[1:]):
        if large == 10 * small:
            ratio = statistics.median(by_size[large]["analyse_s"]) / statistics.median(by_size[small]["analyse_s"])
            verdicts.append((f"analyse() {large}/{small} time ratio <= {TARGET_SCALING:.0f}", f"{ratio:.1f}x",
                             ratio <= TARGET_SCALING))
    width = max(len(v[0]) for v in verdicts)
    for name, value, ok in verdicts:
        print(f"  {name.ljust(width)}  {value:>9}  {'met' if ok else 'NOT MET'}")
    if args.json:
        print(json.dumps(results, indent=1))
    return 0 if all(ok for *_, ok in verdicts) else 1


if __name__ == "__main__":
    sys.exit(main())
