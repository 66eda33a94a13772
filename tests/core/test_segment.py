"""Segmentation: sentences and direct quotes with offsets, and who said them."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from tui.core.model import Article, Segment
from tui.core.segment import quotes, segment, sentences

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / ".." / "shared" / "seeds"
# The bundled corpus names each seed by its outlet (see tests/core/test_corpus.py).
SEED_OF = {"cna": "000", "toi": "001", "zaobao": "002", "trt": "003", "unattributed": "004"}


def _load_seeds() -> dict[str, str]:
    """The five bodies of the bundled story by outlet slug: from the seed files byte for byte,
    or else from the bundled corpus through the loader."""
    if SEEDS.is_dir():
        files = {path.name[:3]: path for path in SEEDS.glob("*.txt")}
        if all(number in files for number in SEED_OF.values()):
            return {slug: files[number].read_bytes().decode("utf-8") for slug, number in SEED_OF.items()}
    try:
        from tui.core.corpus import load_corpus

        corpus = load_corpus(REPO / "corpus")
        return {article.id: article.body for article in corpus.articles if article.id in SEED_OF}
    except Exception:  # no loader or no corpus yet: the seed tests skip
        return {}


BODIES = _load_seeds()
needs_seeds = pytest.mark.skipif(len(BODIES) != len(SEED_OF), reason="the bundled story is not available")


def cut(text: str) -> list[Segment]:
    """Segment text as the body of an article called 'a'."""
    return list(segment(Article(id="a", outlet="Test", body=text)))


def texts(text: str, spans: list[tuple[int, int]]) -> list[str]:
    return [text[start:end] for start, end in spans]


def the(segments: list[Segment], kind: str, starting: str) -> Segment:
    """The one segment of this kind whose text starts so; fails if there are none or several."""
    found = [seg for seg in segments if seg.kind == kind and seg.text.startswith(starting)]
    assert len(found) == 1, f"{len(found)} {kind}s start with {starting!r}: {[seg.text for seg in segments]}"
    return found[0]


def check_invariants(body: str, segments: list[Segment], article: str = "a") -> None:
    """What every segmentation must satisfy, whatever the text."""
    assert [(seg.span.start, seg.kind != "sentence") for seg in segments] == sorted(
        (seg.span.start, seg.kind != "sentence") for seg in segments
    )
    for seg in segments:
        assert seg.kind in ("sentence", "quote")
        assert seg.span.article == article
        assert body[seg.span.start : seg.span.end] == seg.text
        assert seg.text and seg.text == seg.text.strip()
        assert any(ch.isalnum() for ch in seg.text)
        assert seg.speaker is None or (seg.speaker and seg.speaker == seg.speaker.strip())
    sents = [seg.span for seg in segments if seg.kind == "sentence"]
    quoted = [seg.span for seg in segments if seg.kind == "quote"]
    for spans in (sents, quoted):
        assert all(one.end <= two.start for one, two in zip(spans, spans[1:])), "overlapping spans"
    for quote in quoted:
        # A quote lies inside one sentence, and never crosses a paragraph break.
        assert any(s.start <= quote.start and quote.end <= s.end for s in sents), body[quote.start : quote.end]
        assert "\n\n" not in body[quote.start : quote.end]
    assert sentences(body) == [(s.start, s.end) for s in sents]
    assert quotes(body) == [(q.start, q.end) for q in quoted]


# ---------------------------------------------------------------------------------------------
# Sentences
# ---------------------------------------------------------------------------------------------

SENTENCE_CASES = [
    ("plain", "Japan holds bonds. It may sell them! Would it? Maybe.",
     ["Japan holds bonds.", "It may sell them!", "Would it?", "Maybe."]),
    ("U.S. before a name", "The U.S. Treasury market fell. Yields rose.",
     ["The U.S. Treasury market fell.", "Yields rose."]),
    ("U.S. ends a sentence", "Japan trades with the U.S. The talks go on.",
     ["Japan trades with the U.S.", "The talks go on."]),
    ("D.C. mid-sentence", "Kato’s recent visit to D.C. appears to have hardened his resolve. Next.",
     ["Kato’s recent visit to D.C. appears to have hardened his resolve.", "Next."]),
    ("titles", "Mr. Kato met Dr. Smith and Prof. Lee on St. Patrick's Day. They talked.",
     ["Mr. Kato met Dr. Smith and Prof. Lee on St. Patrick's Day.", "They talked."]),
    ("month and number", "It began on Jan. 6 at No. 10 Downing Street. Later, more.",
     ["It began on Jan. 6 at No. 10 Downing Street.", "Later, more."]),
    ("e.g. and i.e.", "Some assets, e.g. Treasuries, i.e. US bonds, are safe. Fine.",
     ["Some assets, e.g. Treasuries, i.e. US bonds, are safe.", "Fine."]),
    ("a.m.", "At 9 a.m. Tokyo time trading began. It fell at 3 p.m. on Friday.",
     ["At 9 a.m. Tokyo time trading began.", "It fell at 3 p.m. on Friday."]),
    ("decimals", "Japan holds nearly $1.07 trillion in US debt. That is 3.5 times more.",
     ["Japan holds nearly $1.07 trillion in US debt.", "That is 3.5 times more."]),
    ("initial", "US President Donald J. Trump imposed tariffs. Japan reacted.",
     ["US President Donald J. Trump imposed tariffs.", "Japan reacted."]),
    ("Inc. then a new sentence", "He joined Apple Inc. The company grew.",
     ["He joined Apple Inc.", "The company grew."]),
    ("Inc. mid-sentence", "Apple Inc. announced it. Done.", ["Apple Inc. announced it.", "Done."]),
    ("number at the end", "The rate rose to 3.5. Then it fell.", ["The rate rose to 3.5.", "Then it fell."]),
    ("sentence starting with a digit", "Growth was 5%. 2025 will be better.",
     ["Growth was 5%.", "2025 will be better."]),
    ("quote goes on with a comma",
     'He stated, "We need all cards on the table. It could be among such cards," indicating a shift. Next.',
     ['He stated, "We need all cards on the table. It could be among such cards," indicating a shift.', "Next."]),
    ("quote ends the sentence",
     "Kato acknowledged, “We need cards. It could be one.” He added, “Whether we use it is another.”",
     ["Kato acknowledged, “We need cards. It could be one.”", "He added, “Whether we use it is another.”"]),
    ("question in a quote, then attribution", "“Why?” he asked. “Because.”",
     ["“Why?” he asked.", "“Because.”"]),
    ("question in a quote, then named attribution", '"Why?" Kato asked. Then.', ['"Why?" Kato asked.', "Then."]),
    ("exclamation in a quote, new sentence", "“Stop!” He left.", ["“Stop!”", "He left."]),
    ("period before closing quote", "He called it a “national crisis.” For Kato, it was.",
     ["He called it a “national crisis.”", "For Kato, it was."]),
    ("ellipsis", "Wait... Then it came.", ["Wait...", "Then it came."]),
    ("brackets", "(He said so.) Then he left.", ["(He said so.)", "Then he left."]),
    ("no space after the stop", "See toutiao.com/article/1830. Done.", ["See toutiao.com/article/1830.", "Done."]),
    ("headline lines", "Japan says no plan to sell\nFinance Minister clarifies\n\nBody text. More text.",
     ["Japan says no plan to sell", "Finance Minister clarifies", "Body text.", "More text."]),
    ("page furniture", "• News\n  • ‘It could be among such cards’: Japan signals\nBy Baba Umar\nauthor\nAbout",
     ["• News", "• ‘It could be among such cards’: Japan signals", "By Baba Umar", "author", "About"]),
    ("line ending with a stop", "First line.\nSecond line", ["First line.", "Second line"]),
    ("hard-wrapped sentence", "This sentence was wrapped at a fixed width\nby the editor and goes on. Another.",
     ["This sentence was wrapped at a fixed width\nby the editor and goes on.", "Another."]),
    ("hard-wrapped quote", "Kato Katsunobu said, “We do indeed hold a card and we\nmay use it,” on Friday.",
     ["Kato Katsunobu said, “We do indeed hold a card and we\nmay use it,” on Friday."]),
    ("headline before a lower-case dateline", "Maker unveils a new laptop with a faster chip at its show\n"
     "posted Jun 11th, 2012 at 1:23 PM", ["Maker unveils a new laptop with a faster chip at its show",
                                          "posted Jun 11th, 2012 at 1:23 PM"]),
    ("short line before a lower-case line", "By Baba Umar\nupdated 3 hours ago",
     ["By Baba Umar", "updated 3 hours ago"]),
    ("CRLF", "Line one\r\nLine two.\r\n\r\nPara two.", ["Line one", "Line two.", "Para two."]),
    ("lines without words", "🔗\n—\n***\nReal text.", ["Real text."]),
    ("unclosed quote does not hide sentence ends", 'He said "we will. Then nothing. It ends.',
     ['He said "we will.', "Then nothing.", "It ends."]),
    ("empty", "", []),
    ("blank", "  \n\n \t ", []),
    ("no final punctuation", "The message is unmistakable: the bond market may bear the cost",
     ["The message is unmistakable: the bond market may bear the cost"]),
]


@pytest.mark.parametrize(("text", "expected"), [case[1:] for case in SENTENCE_CASES],
                         ids=[case[0] for case in SENTENCE_CASES])
def test_sentences(text: str, expected: list[str]) -> None:
    assert texts(text, sentences(text)) == expected


# ---------------------------------------------------------------------------------------------
# Quotes
# ---------------------------------------------------------------------------------------------

QUOTE_CASES = [
    ("straight", 'He said "hello there" and left.', ["hello there"]),
    ("curly", "He said “hello there” and left.", ["hello there"]),
    ("TeX style", "He said ``hello there'' and left.", ["hello there"]),
    ("apostrophe inside straight", '"We don\'t keep it," he said.', ["We don't keep it,"]),
    ("curly apostrophe inside curly", "“We don’t keep it, it’s ours,” he said.",
     ["We don’t keep it, it’s ours,"]),
    ("single curly in a headline", "‘It could be among such cards’: Japan signals",
     ["It could be among such cards"]),
    ("curly apostrophes only", "Japan’s finance minister and the country’s holdings", []),
    ("closing single after an apostrophe", "‘Japan’s card’ is out", ["Japan’s card"]),
    ("straight single scare quotes", "EU targets Russia's 'shadow' oil fleet", ["shadow"]),
    ("straight single with comma", "Uruguay's Mujica, world's 'poorest president,' dies aged 89",
     ["poorest president,"]),
    ("plural possessive is no quote", "the investors' money and the ministers' talks", []),
    ("decade is no quote", "the ‘90s boom and the '90s bust", []),
    ("interrupted quote", '"We hold a card," he said. "Whether we use it is another matter."',
     ["We hold a card,", "Whether we use it is another matter."]),
    ("several sentences, one quote", "He replied: “We do hold a card. Whether we use it is another matter.”",
     ["We do hold a card. Whether we use it is another matter."]),
    ("unclosed quote stops at the paragraph", 'He said "we never close.\n\nLater "a real one" came.', ["a real one"]),
    ("unclosed quote stops at the line", "He said “we never close\nLater “a real one” came.", ["a real one"]),
    ("unopened closer", "a stray ” closer, then “a real one”.", ["a real one"]),
    ("reopened before closing", 'He said "first and then "second" here.', ["second"]),
    ("mistyped opener", "”Mistyped opener” and more", ["Mistyped opener"]),
    ("mistyped closer", "He said “the end.“ Then", ["the end."]),
    ("inch mark", 'A 12" record and "a real quote" here.', ["a real quote"]),
    ("single inside double is not separate", "“He told me ‘no’ and left,” she said.",
     ["He told me ‘no’ and left,"]),
    ("empty quotes", 'empty "" and “ ” marks', []),
    ("whitespace trimmed", "“  padded words  ” here", ["padded words"]),
    ("quote at the very end", 'It was "frank and constructive"', ["frank and constructive"]),
    ("two quotes in a sentence", "Talks were “frank and constructive” and “very useful”.",
     ["frank and constructive", "very useful"]),
    ("brackets inside", "“We don’t keep (the Treasury holdings) to support the US,” Kato said.",
     ["We don’t keep (the Treasury holdings) to support the US,"]),
]


@pytest.mark.parametrize(("text", "expected"), [case[1:] for case in QUOTE_CASES],
                         ids=[case[0] for case in QUOTE_CASES])
def test_quotes(text: str, expected: list[str]) -> None:
    assert texts(text, quotes(text)) == expected


def test_quote_offsets_exclude_the_marks() -> None:
    text = "He said “hello” and ``bye''."
    assert quotes(text) == [(9, 14), (22, 25)]
    assert text[8] == "“" and text[14] == "”" and text[20:22] == "``"


# ---------------------------------------------------------------------------------------------
# Speakers
# ---------------------------------------------------------------------------------------------

KATO = "Japan's finance minister Katsunobu Kato spoke on Friday. "

SPEAKER_CASES = [
    # (id, text, kind, segment text starts with, speaker)
    ("name after quote", KATO + '"We hold a card," Kato said.', "quote", "We hold", "Katsunobu Kato"),
    ("name after quote, unknown surname", '"We hold a card," Kato said.', "quote", "We hold", "Kato"),
    ("verb first", KATO + "“We were able to advance,” said Akazawa.", "quote", "We were", "Akazawa"),
    ("verb first, surname expanded",
     "Japan’s trade envoy Ryosei Akazawa flew in. “We were able to advance,” said Akazawa, according to AFP.",
     "quote", "We were", "Ryosei Akazawa"),
    ("verb before quote", KATO + "Kato acknowledged, “We need cards.”", "quote", "We need", "Katsunobu Kato"),
    ("pronoun before quote", KATO + 'He replied: "We do hold a card."', "quote", "We do", "Katsunobu Kato"),
    ("pronoun after quote", KATO + '"We will see," he said.', "quote", "We will", "Katsunobu Kato"),
    ("she", "Yuki Tanaka, an economist at Nomura, spoke. “The yen is weak,” she said.", "quote", "The yen",
     "Yuki Tanaka"),
    ("said he", KATO + '"We will see," said he.', "quote", "We will", "Katsunobu Kato"),
    ("affiliation and agency",
     "“Playing the card early is smart,” said Martin Whetton of Westpac, quoted by Reuters.",
     "quote", "Playing", "Martin Whetton"),
    ("titles stripped", '"It is not meant," Japanese Finance Minister Katsunobu Kato said.', "quote", "It is",
     "Katsunobu Kato"),
    ("possessive and role stripped", "CLSA’s chief strategist Nicholas Smith remarked, “This is no polite talk.”",
     "quote", "This is", "Nicholas Smith"),
    ("title and adverbs", "Prime Minister Shinzo Abe had already labeled it a “national crisis.”", "quote",
     "national", "Shinzo Abe"),
    ("summed it up", "Jesper Koll of Monex Group summed it up: “The gloves are off.”", "quote", "The gloves",
     "Jesper Koll"),
    ("apposition",
     "Naka Matsuzawa, chief macro strategist at Nomura, was quoted by Reuters that it “should be a card,” now.",
     "quote", "should", "Naka Matsuzawa"),
    ("name inside apposition", 'Japan’s Finance Minister, Katsunobu Kato, said "no."', "quote", "no",
     "Katsunobu Kato"),
    ("title inside apposition", 'Kato, the finance minister, said "no."', "quote", "no", "Kato"),
    ("Mr.", 'Mr. Kato said "yes."', "quote", "yes", "Kato"),
    ("name order kept", "Kato Katsunobu met reporters. \"We will see,\" Kato said.", "quote", "We will",
     "Kato Katsunobu"),
    ("initials", "Donald J. Trump spoke. \"Tariffs,\" Trump said.", "quote", "Tariffs", "Donald J. Trump"),
    ("partial quote in reported speech",
     "Japan’s trade envoy Ryosei Akazawa also said the talks were “frank and constructive” and left.",
     "quote", "frank", "Ryosei Akazawa"),
    ("he noted, not the object named after Kato",
     "While Kato declined to say whether it was discussed with US treasury secretary Scott Bessent during meetings, "
     "he noted that markets “likely affected Washington’s approach” in the dialogue. Katsunobu Kato left.",
     "quote", "likely", "Katsunobu Kato"),
    ("object after a preposition is no antecedent",
     "Katsunobu Kato said talks with Treasury Secretary Scott Bessent have started. He added: “Good.”",
     "quote", "Good", "Katsunobu Kato"),
    ("attribution continues", KATO + '"We hold a card," Kato said. "Whether we use it is another matter."',
     "quote", "Whether", "Katsunobu Kato"),
    ("attribution with a tail continues",
     "“It is smart,” said Martin Whetton of Westpac, quoted by Reuters. “They don’t have to do anything.”",
     "quote", "They don", "Martin Whetton"),
    ("attribution continues on the next line", KATO + '"We hold a card," Kato said.\n"Another."',
     "quote", "Another", "Katsunobu Kato"),
    ("attribution does not continue past a line of narration",
     KATO + '"We hold a card," Kato said.\nMarkets fell.\n"Another."', "quote", "Another", None),
    ("attribution does not continue past another sentence",
     KATO + '"We hold a card," Kato said. Markets fell. "Another."', "quote", "Another", None),
    ("interrupted: first part", KATO + '"We hold a card," he said, "and we may use it."', "quote", "We hold",
     "Katsunobu Kato"),
    ("interrupted: second part", KATO + '"We hold a card," he said, "and we may use it."', "quote", "and we",
     "Katsunobu Kato"),
    ("adding", KATO + '"A card," Kato said, adding "a big one."', "quote", "a big", "Katsunobu Kato"),
    ("age in apposition", KATO + '"No," Kato, 68, said.', "quote", "No", "Katsunobu Kato"),
    ("told with an object", KATO + '"No," Kato told reporters in Milan.', "quote", "No", "Katsunobu Kato"),
    ("question, then attribution", KATO + "“Why not?” Kato asked.", "quote", "Why not", "Katsunobu Kato"),
    ("British spelling", KATO + "Kato emphasised: “Liquidity comes first.”", "quote", "Liquidity",
     "Katsunobu Kato"),
    ("wrote", "Economist Paul Krugman wrote: “Tariffs are taxes.”", "quote", "Tariffs", "Paul Krugman"),
    ("nearest clause wins", KATO + "Kato said talks went well, but Ryosei Akazawa warned: “Not yet.”", "quote",
     "Not yet", "Ryosei Akazawa"),
    ("pronoun without antecedent", '"We will see," he said.', "quote", "We will", None),
    ("pronoun after two subjects", "Kato and Akazawa met reporters. \"We will see,\" he said.", "quote", "We will",
     None),
    ("two speakers named together", KATO + 'Kato and Akazawa said "we agree."', "quote", "we agree", None),
    ("common noun is no name", 'Officials said "no deal."', "quote", "no deal", None),
    ("period-ended quote, then a new sentence", KATO + "“The gloves are off.” Kato said the talks were over.",
     "quote", "The gloves", None),
    ("no attribution at all", "Talks were “frank and constructive” in the end.", "quote", "frank", None),
    ("headline quote", "‘It could be among such cards’: Japan signals a shift", "quote", "It could", None),
    ("scare quote with no speaker", "Facing a push for “reciprocal tariffs,” Tokyo appears to draw lines.",
     "quote", "reciprocal", None),
    ("ambiguous surname stays as written", "Shinzo Abe spoke. Akie Abe spoke. \"Yes,\" Abe said.", "quote", "Yes",
     "Abe"),
    ("reported speech sentence", KATO + "Kato said Japan's US Treasury holdings could be used.", "sentence",
     "Kato said", "Katsunobu Kato"),
    ("reported speech with adverb", KATO + "Kato in the interview added that it is a different question.",
     "sentence", "Kato in", "Katsunobu Kato"),
    ("reported speech, pronoun", KATO + "Speaking to reporters, he said both sides discussed tariffs.", "sentence",
     "Speaking", "Katsunobu Kato"),
    ("sentence takes its quote's speaker", KATO + "“We were able to advance,” said Kato, according to AFP.",
     "sentence", "“We were", "Katsunobu Kato"),
    ("sentence without speech", KATO + "Kato’s remarks mark a shift from his previous stance.", "sentence",
     "Kato’s remarks", None),
    ("asked is not speech when passive", "Kato Katsunobu was asked on Friday if Japan would sell.", "sentence",
     "Kato Katsunobu was", None),
    ("continued to is not speech", KATO + "Kato continued to press the point.", "sentence", "Kato continued", None),
    ("role without a name is the speaker", "Japan will not sell, its finance minister said on Sunday.", "sentence",
     "Japan will", "finance minister"),
    ("capitalised plural is no name", "Analysts said it could happen.", "sentence", "Analysts", None),
]


@pytest.mark.parametrize(("text", "kind", "starting", "speaker"), [case[1:] for case in SPEAKER_CASES],
                         ids=[case[0] for case in SPEAKER_CASES])
def test_speakers(text: str, kind: str, starting: str, speaker: str | None) -> None:
    segments = cut(text)
    check_invariants(text, segments)
    assert the(segments, kind, starting).speaker == speaker


QUOTE_ACROSS_LINES_CASES = [
    # (id, text, quote starts with, speaker)
    ("closing mark on the next line, first part",
     '"We will stay.\nWe will win," said Jane Roe, a nurse.', "We will stay", "Jane Roe"),
    ("closing mark on the next line, last part",
     '"We will stay.\nWe will win," said Jane Roe, a nurse.', "We will win", "Jane Roe"),
    ("a line in between", 'Jane Roe spoke. She added: "We will stay.\nThis is all.\nWe will win."',
     "This is all", "Jane Roe"),
    ("the next paragraph opens the quote again",
     'Jane Roe spoke. She added: "We will stay.\n\n"We will win."', "We will win", "Jane Roe"),
    ("attribution before the next paragraph's part",
     '"We will stay.\n"We will win," Roe said.', "We will stay", "Roe"),
    ("an opener that never closes stays no quote", 'He said "we will stay.\nMarkets fell.\nThen.', "we will", None),
]


@pytest.mark.parametrize(("text", "starting", "speaker"), [case[1:] for case in QUOTE_ACROSS_LINES_CASES],
                         ids=[case[0] for case in QUOTE_ACROSS_LINES_CASES])
def test_a_quote_across_line_breaks_keeps_its_speaker(text: str, starting: str, speaker: str | None) -> None:
    segments = cut(text)
    check_invariants(text, segments)
    if speaker is None:
        assert not [seg for seg in segments if seg.kind == "quote" and seg.text.startswith(starting)]
    else:
        assert the(segments, "quote", starting).speaker == speaker


ROLE_CASES = [
    # (id, text, kind, segment text starts with, speaker)
    ("role after a quote", '"Several minutes were lost," the army spokesman said.', "quote", "Several",
     "army spokesman"),
    ("role before a quote", 'A senior fire official told reporters: "We were late."', "quote", "We were",
     "senior fire official"),
    ("role after the verb", '"No comment," said a spokeswoman for the firm.', "quote", "No comment", "spokeswoman"),
    ("a body speaks too", '"Nothing was done," the paper said.', "quote", "Nothing", "paper"),
    ("a name beside the role wins", 'The head of the union, Jane Roe, said: "No."', "quote", "No", "Jane Roe"),
    ("a role with no speech verb is no speaker", "The army spokesman left the room.", "sentence", "The army", None),
    ("he after a role is that person",
     'Jane Roe arrived. A police sergeant said the door was open. He asked not to be named.', "sentence",
     "He asked", "police sergeant"),
    ("he is never a body", 'Jane Roe arrived. "No," the ministry said. "Yes," he said.', "quote", "Yes",
     "Jane Roe"),
    ("he is never a village named in an apposition",
     'Jane Roe arrived on Monday. Kampong Hilir, a fishing village on the coast, was flooded. "We lost," he said.',
     "quote", "We lost", "Jane Roe"),
    ("he is never a place named after a preposition",
     'Jane Roe arrived. The water rose in Kampong Hilir overnight. Kampong Hilir remains cut off. "No," he said.',
     "quote", "No", "Jane Roe"),
    ("a surname after a name with a suffix", 'Anthony Roe III was charged on Monday. "Yes," Roe said.', "quote", "Yes",
     "Anthony Roe"),
    ("a place and a role before the name after the verb",
     '"We looked for him," said Port Ellen police Lt. Jane Roe.', "quote", "We looked", "Jane Roe"),
    ("a comma and called name, not speak", "Roe showed a new app, too, called Passbook.", "sentence", "Roe showed",
     None),
    ("a dash run together is no name",
     "Maker links numbers and Maker IDs--you can now answer on a tablet. Data is kept, says Maker.", "sentence",
     "Data is", "Maker"),
    ("a full name given only as an owner",
     "Prime Minister Jane Roe's plans were hit. Roe expressed shock. \"We act,\" she told lawmakers.", "quote",
     "We act", "Jane Roe"),
    ("the subject before saying", 'Jane Roe condemned the attack, saying: "It was murder."', "quote", "It was",
     "Jane Roe"),
    ("a role subject before saying", 'A government official downplayed it, saying that "nothing changed."', "quote",
     "nothing", "government official"),
    ("a name and a colon", 'Jane Roe spoke. Roe: "Who is taller?"', "quote", "Who is", "Jane Roe"),
    ("according to, when nothing else names the speaker",
     'The suspect was "seeking them out," according to Port Ellen police Lt. Jane Roe.', "quote", "seeking",
     "Jane Roe"),
    ("a speech verb wins over according to",
     'Jane Roe said "we act," according to the Example Times.', "quote", "we act", "Jane Roe"),
    ("a short line that lost its stop is no heading", 'Jane Roe arrived.\n"We will win," she said\nMore.', "quote",
     "We will win", "Jane Roe"),
    ("age before the name", '"We lost," said 61-year-old Jane Roe, a nurse.', "quote", "We lost", "Jane Roe"),
    ("a thousands comma in an apposition",
     "Jane Roe, a nurse who earns 1,000 euros a month, said pay was low. \"No,\" she said.", "quote", "No",
     "Jane Roe"),
]


@pytest.mark.parametrize(("text", "kind", "starting", "speaker"), [case[1:] for case in ROLE_CASES],
                         ids=[case[0] for case in ROLE_CASES])
def test_roles_and_people(text: str, kind: str, starting: str, speaker: str | None) -> None:
    segments = cut(text)
    check_invariants(text, segments)
    assert the(segments, kind, starting).speaker == speaker


UNSPOKEN_CASES = [
    # (id, text, kind, segment text starts with)
    ("headline", "Jane Roe says talks have failed\nTalks failed on Friday, Jane Roe said.", "sentence", "Jane Roe says"),
    ("headline quote", 'Roe: "We will not sign"\nTalks failed, Jane Roe said.', "quote", "We will not"),
    ("the article's title", "Lead.\nRoe says talks have failed, officials fear.\nTalks failed, Roe said.", "sentence",
     "Roe says"),
    ("heading", 'Talks failed, Jane Roe said.\nROE SAYS NO\n"No," she said.', "sentence", "ROE SAYS"),
    ("title-cased heading", 'Talks failed, Jane Roe said.\nRoe Says Talks Have Failed\n"No," she said.', "sentence",
     "Roe Says"),
    ("caption", "Talks failed, Roe said.\nJane Roe said the talks were over. (Photo: Reuters)\nMore.", "sentence",
     "Jane Roe said the"),
]


@pytest.mark.parametrize(("text", "kind", "starting"), [case[1:] for case in UNSPOKEN_CASES],
                         ids=[case[0] for case in UNSPOKEN_CASES])
def test_headlines_headings_and_captions_have_no_speaker(text: str, kind: str, starting: str) -> None:
    title = "Roe says talks have failed, officials fear."
    segments = list(segment(Article(id="a", outlet="Test", body=text, title=title)))
    check_invariants(text, segments)
    assert the(segments, kind, starting).speaker is None
    assert any(seg.speaker for seg in segments if not seg.text.startswith(starting))  # the story's own still speak


def test_surname_maps_to_the_full_name_given_first() -> None:
    """'Kato' after 'Katsunobu Kato' is 'Katsunobu Kato', even with a title in between."""
    segments = cut("Finance Minister Katsunobu Kato spoke. Mr. Kato said so. \"Yes,\" Kato said.")
    assert the(segments, "sentence", "Mr. Kato").speaker == "Katsunobu Kato"
    assert the(segments, "quote", "Yes").speaker == "Katsunobu Kato"


def test_pronoun_takes_the_latest_subject() -> None:
    """he is the person last named as a subject or speaker before it, not the first one."""
    text = (
        "Katsunobu Kato spoke first. Ryosei Akazawa then flew to Washington. "
        "“Talks were frank,” he said. Kato later said Japan would wait. “We can wait,” he said."
    )
    segments = cut(text)
    assert the(segments, "quote", "Talks were").speaker == "Ryosei Akazawa"
    assert the(segments, "quote", "We can wait").speaker == "Katsunobu Kato"


def test_names_inside_quotes_are_no_speakers() -> None:
    """A name reported inside a quote says nothing of who speaks around it."""
    text = 'The paper reported: "Finance Minister Kato Katsunobu said that it could be a card."'
    segments = cut(text)
    assert the(segments, "quote", "Finance Minister").speaker is None
    assert the(segments, "sentence", "The paper").speaker is None


# ---------------------------------------------------------------------------------------------
# Ordering and invariants
# ---------------------------------------------------------------------------------------------


def test_quote_comes_after_its_sentence() -> None:
    segments = cut('Kato Katsunobu spoke. "We hold a card," Kato said.')
    assert [seg.kind for seg in segments] == ["sentence", "sentence", "quote"]
    assert segments[1].span.start < segments[2].span.start < segments[2].span.end <= segments[1].span.end


def test_segments_carry_the_article_id() -> None:
    segments = segment(Article(id="toi", outlet="The Times of India", body="One. “Two,” he said."))
    assert isinstance(segments, tuple)
    assert {seg.span.article for seg in segments} == {"toi"}


FIXTURES = [case[1] for case in SENTENCE_CASES + QUOTE_CASES + SPEAKER_CASES]


@pytest.mark.parametrize("text", FIXTURES)
def test_invariants_on_fixtures(text: str) -> None:
    check_invariants(text, cut(text))


# Pieces that stress the marks, the stops and the line breaks when strung together at random.
PIECES = [
    '"', "“", "”", "‘", "’", "'", "``", "''", ".", "?", "!", "…", ",", ":", " ", " ", " ", "\n", "\n\n",
    "\r\n", "U.S.", "Mr.", "J.", "$1.07", "Kato", "said", "he", "He", "Katsunobu Kato", "Akazawa", "the", "and",
    "We", "don’t", "it's", "(", ")", "—", "•", "🔗", "e.g.", "a.m.", "Japan’s", "Finance Minister", "told",
    "\t",
]


@pytest.mark.parametrize("seed", range(40))
def test_random_text_never_breaks_the_invariants(seed: int) -> None:
    rng = random.Random(seed)
    text = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 400)))
    check_invariants(text, cut(text))


# ---------------------------------------------------------------------------------------------
# The bundled story
# ---------------------------------------------------------------------------------------------


@needs_seeds
@pytest.mark.parametrize("slug", sorted(SEED_OF))
def test_invariants_on_the_bundled_story(slug: str) -> None:
    body = BODIES[slug]
    segments = list(segment(Article(id=slug, outlet=slug, body=body)))
    check_invariants(body, segments, slug)
    assert sum(seg.kind == "sentence" for seg in segments) >= 10


def seed(slug: str) -> list[Segment]:
    return list(segment(Article(id=slug, outlet=slug, body=BODIES[slug])))


SEED_SPEAKERS = [
    # (article, kind, text starts with, speaker)
    ("cna", "quote", "We obviously need to put all cards", "Katsunobu Kato"),
    ("cna", "quote", "It won't be good for the economy", "Katsunobu Kato"),
    ("cna", "quote", "frank and constructive", "Ryosei Akazawa"),
    ("cna", "sentence", "Japan’s Finance Minister, Katsunobu Kato, has publicly", "Katsunobu Kato"),
    ("cna", "sentence", "Kato emphasized that", "Katsunobu Kato"),
    ("cna", "sentence", "This comment marks a notable change", None),
    ("toi", "quote", "We obviously need to put all cards", "Katsunobu Kato"),
    ("toi", "quote", "Whether we actually use that card", "Katsunobu Kato"),
    ("toi", "quote", "likely affected Washington’s approach", "Katsunobu Kato"),
    ("toi", "quote", "Playing the card early", "Martin Whetton"),
    ("toi", "quote", "They don’t have to do anything", "Martin Whetton"),
    ("toi", "quote", "should be a card if not an ace card", "Naka Matsuzawa"),
    ("toi", "quote", "frank and constructive", "Ryosei Akazawa"),
    ("toi", "quote", "We were able to advance concrete discussions", "Ryosei Akazawa"),
    ("toi", "quote", "We don’t keep (the Treasury holdings)", "Katsunobu Kato"),
    ("toi", "quote", "We will intervene if our country is in trouble", "Katsunobu Kato"),
    ("toi", "sentence", "In a televised interview on Friday, Kato said", "Katsunobu Kato"),
    ("toi", "sentence", "Speaking to reporters, he said", "Ryosei Akazawa"),
    ("toi", "sentence", "Though Kato said there was no discussion", "Katsunobu Kato"),
    ("toi", "sentence", "File photo:", None),
    ("toi", "sentence", "Analysts believe", None),
    ("zaobao", "quote", "We do indeed hold a card", "Kato Katsunobu"),
    ("zaobao", "quote", "Japan's Finance Minister Kato Katsunobu said that", None),  # the outlet reports it
    ("zaobao", "sentence", "Kato Katsunobu also emphasized", "Kato Katsunobu"),
    ("zaobao", "sentence", "Therefore, Kato Katsunobu also stated", "Kato Katsunobu"),
    ("trt", "quote", "meant to suggest selling", "Katsunobu Kato"),
    ("trt", "quote", "My comments were made in response", "Katsunobu Kato"),
    ("trt", "quote", "The comments weren't meant", "Katsunobu Kato"),
    ("trt", "quote", "This has been our stance", "Katsunobu Kato"),
    ("trt", "sentence", "Kato in the interview added", "Katsunobu Kato"),
    ("trt", "sentence", "Japan has no plans to threaten", "finance minister"),  # only its role names him
    ("unattributed", "quote", "It’s definitely a card we hold", "Katsunobu Kato"),
    ("unattributed", "quote", "This is no longer a polite negotiation", "Nicholas Smith"),
    ("unattributed", "quote", "national crisis.", "Shinzo Abe"),
    ("unattributed", "quote", "When Japan’s finance minister starts speaking", "Jesper Koll"),
    ("unattributed", "quote", "reciprocal tariffs,", None),
    ("unattributed", "sentence", "Japanese Finance Minister Katsunobu Kato made waves", "Katsunobu Kato"),
    ("unattributed", "sentence", "Sources suggest", None),
]


@needs_seeds
@pytest.mark.parametrize(("slug", "kind", "starting", "speaker"), SEED_SPEAKERS,
                         ids=[f"{case[0]}-{case[1]}-{case[2][:24]}" for case in SEED_SPEAKERS])
def test_speakers_in_the_bundled_story(slug: str, kind: str, starting: str, speaker: str | None) -> None:
    assert the(seed(slug), kind, starting).speaker == speaker


@needs_seeds
def test_toi_two_sentence_quote_is_one_segment() -> None:
    quote = the(seed("toi"), "quote", "We obviously")
    assert quote.text == (
        "We obviously need to put all cards on the table in negotiations. It could be among such cards."
    )


@needs_seeds
def test_toi_headline_quote_and_page_furniture() -> None:
    segments = seed("toi")
    assert segments[0].text == "• News" and segments[0].kind == "sentence"
    headline = [seg for seg in segments if seg.kind == "quote" and seg.text == "It could be among such cards"]
    assert len(headline) == 3 and all(seg.speaker is None for seg in headline)
    lines = {seg.text for seg in segments if seg.kind == "sentence"}
    assert {"author", "About the Author", "TOI Business Desk", "End of Article", "Follow Us On Social Media"} <= lines
    # Apostrophes (Japan’s, don’t) open no quote: every quote is one of these.
    assert {seg.text.split()[0] for seg in segments if seg.kind == "quote"} <= {
        "It", "We", "Whether", "likely", "Playing", "They", "should", "frank", "firmly"}


@needs_seeds
def test_cna_quote_that_continues_the_sentence() -> None:
    segments = seed("cna")
    sentence = the(segments, "sentence", "However, he also stated")
    assert sentence.text.endswith("according to South China Morning Post and Reuters.")
    assert the(segments, "quote", "We obviously").text.endswith("It could be among such cards,")
    assert the(segments, "sentence", "Credited from: CHANNELNEWSASIA").text == "Credited from: CHANNELNEWSASIA"


@needs_seeds
def test_zaobao_sentences_keep_decimals_and_urls_whole() -> None:
    segments = seed("zaobao")
    assert "$1.07 trillion in US debt" in the(segments, "sentence", "A few comments:").text
    assert the(segments, "sentence", "Original article:").text.endswith("1830986929677507/")
    assert the(segments, "sentence", 'He replied: "We do indeed').text.endswith('another matter."')


@needs_seeds
def test_trt_headlines_are_their_own_sentences() -> None:
    sents = [seg.text for seg in seed("trt") if seg.kind == "sentence"]
    assert sents.count("Pakistan returns border trooper to India") == 2
    assert "Explore" in sents and "2 min read" in sents
    quoted = [seg.text for seg in seed("trt") if seg.kind == "quote"]
    assert quoted.count("shadow") == 2 and "immediate unconditional" in quoted


@needs_seeds
def test_unattributed_abbreviations_and_last_line() -> None:
    sents = [seg.text for seg in seed("unattributed") if seg.kind == "sentence"]
    assert "Kato’s recent visit to D.C. appears to have hardened his resolve." in sents
    assert any(text.startswith("The initial U.S. tariff threats had already unsettled markets") for text in sents)
    assert sents[-1].endswith("the global bond market may bear the cost")
    quote = the(seed("unattributed"), "quote", "This is no longer")
    assert quote.text.endswith("just pointing the weapon gets the message across.")
