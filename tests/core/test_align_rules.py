"""The alignment's named rules, clauses, mutual best and average linkage, on passages written for
the tests: each rule takes the pair it is for, says why, and no weak link chains two statements."""

from __future__ import annotations

import gzip
from importlib import import_module
from pathlib import Path

import pytest

from tui.core.align import align, build_units, clauses
from tui.core.corpus import load_corpus
from tui.core.frequency import RARE_ZIPF, rarity, zipf
from tui.core.model import Article, Corpus, MatchGroup, Segment, Span
from tui.core.segment import segment
from tui.core.text import fold_spelling, stem

rules = import_module("tui.core.align.rules")
groups_module = import_module("tui.core.align.groups")


def corpus_of(texts: dict[str, str]) -> Corpus:
    return Corpus("test", tuple(Article(id=name, outlet=name, body=body) for name, body in texts.items()))


def aligned(texts: dict[str, str]) -> tuple[MatchGroup, ...]:
    corpus = corpus_of(texts)
    return align(corpus, {article.id: segment(article) for article in corpus.articles})


def group_of(groups: tuple[MatchGroup, ...], article: str, words: str) -> MatchGroup | None:
    return next((g for g in groups for m in g.members if m.span.article == article and words in m.text), None)


# -- the word table -----------------------------------------------------------------------------


def test_common_words_weigh_nothing_and_rare_ones_most() -> None:
    assert rarity(stem("the")) == 0.0
    assert rarity(stem("bank")) < rarity(stem("firebomb")) < rarity("qzxv")
    assert zipf("qzxv") == RARE_ZIPF  # not in the table: rare
    assert zipf(stem("said")) > zipf(stem("negotiations")) > zipf(stem("firebomb"))


def test_the_table_is_keyed_by_the_stems_the_alignment_makes() -> None:
    """If `stem` changes without the table being rebuilt (scripts/make_word_frequencies.py),
    common words stop being found: this catches it."""
    for word in ("government", "workers", "announced", "killed", "prices", "officials"):
        assert zipf(stem(word)) > 4.0, word


def test_the_table_says_where_it_comes_from() -> None:
    data = Path(__file__).resolve().parents[2] / "tui" / "core" / "data"
    header = gzip.decompress((data / "word_frequencies.txt.gz").read_bytes()).decode().splitlines()[0]
    assert "wordfreq" in header and "CC BY-SA 4.0" in header
    assert "CC BY-SA" in (data / "word_frequencies.LICENSE").read_text(encoding="utf-8")


def test_spelling_variants_fold_and_one_syllable_words_keep_their_double_l() -> None:
    assert fold_spelling("realise") == fold_spelling("realize")
    assert fold_spelling("travelled") == fold_spelling("traveled")
    assert fold_spelling("sell-off") == fold_spelling("selloff")
    for word in ("killed", "filled", "installed", "compelled", "controlled"):
        assert fold_spelling(word) == word


# -- clauses ------------------------------------------------------------------------------------


def test_a_long_sentence_is_cut_into_its_clauses() -> None:
    text = ("The ministry raised the fuel levy on Monday, which had resulted in a sharp rise in bus fares "
            "across the northern provinces, while farmers staged protests outside the regional offices.")
    whole = Segment(Span("a", 0, len(text)), "sentence", text)
    parts = [part.text for part in clauses(whole)]
    assert parts == [
        "The ministry raised the fuel levy on Monday",
        "which had resulted in a sharp rise in bus fares across the northern provinces",
        "while farmers staged protests outside the regional offices",
    ]
    for part in clauses(whole):
        assert text[part.span.start : part.span.end] == part.text


def test_a_clause_after_a_bracket_starts_at_its_first_word() -> None:
    text = "The new laptop runs a 2.7GHz chip (boosted up to 3.7GHz), USB 3.0 ports and a brighter screen."
    parts = list(clauses(Segment(Span("a", 0, len(text)), "sentence", text)))
    assert [part.text for part in parts] == ["The new laptop runs a 2.7GHz chip", "boosted up to 3.7GHz", "USB 3.0 ports and a brighter screen"]
    assert all(text[part.span.start : part.span.end] == part.text for part in parts)


def test_a_shared_clause_of_a_long_sentence_is_matched() -> None:
    groups = aligned({
        "a": ("The central bank cut its main rate by half a point on Thursday, which had resulted in a global "
              "sell-off of municipal bonds, while the currency held steady against the dollar.\n"),
        "b": "Traders blamed the rate decision for causing a global selloff in municipal bonds.\n",
    })
    group = group_of(groups, "b", "selloff")
    assert group is not None
    [member] = [m for m in group.members if m.span.article == "a"]
    assert member.text == "which had resulted in a global sell-off of municipal bonds"


def test_a_clause_stands_in_only_when_the_whole_sentences_do_not_match() -> None:
    sentence = ("Firefighters pulled four residents from the burning tower on Elm Street, and the blaze was "
                "under control by midnight, the fire chief said")
    groups = aligned({"a": sentence + ".\n", "b": sentence.replace("four residents", "four tenants") + ".\n"})
    [group] = groups
    assert all(member.text.startswith("Firefighters") for member in group.members)


# -- the rules ----------------------------------------------------------------------------------


def test_every_link_names_its_rule_and_its_evidence() -> None:
    groups = aligned({
        "a": ('The harbour master said: "No ship will leave the port until the storm has passed."\n'
              "Fishing crews tied up their boats along the northern quay before the storm arrived.\n"),
        "b": ('"No ship will leave the port until the storm has passed," the harbour master said.\n'
              "Before the storm arrived, fishing crews moored their boats on the northern quay.\n"),
    })
    quote = group_of(groups, "a", "No ship will leave")
    statement = group_of(groups, "a", "Fishing crews")
    assert quote is not None and statement is not None
    assert [(link.rule, link.reason) for link in quote.links] == [("same words", "same words")]
    [link] = statement.links
    assert link.rule == "reworded"
    assert link.reason.startswith("reworded: ") and "content words shared" in link.reason
    assert (link.left, link.right) == (0, 1) and link.score == statement.score


def test_synonyms_of_news_report_the_same_statement() -> None:
    groups = aligned({
        "a": "Two miners were killed and nine injured when a gallery collapsed at the Ostrava pit.\n",
        "b": "A gallery collapse at the Ostrava pit left two miners dead and nine wounded.\n",
    })
    assert group_of(groups, "a", "miners") is not None


def test_two_passages_naming_different_people_are_not_one_statement() -> None:
    """Reworded, the same words about two different people are not grouped; about one person they are."""
    passage = "Last night Halvorsen voted against the harbour expansion bill in the upper house.\n"
    reworded = "In the upper house last night, {} voted against the bill for the harbour expansion.\n"
    assert group_of(aligned({"a": passage, "b": reworded.format("Okonkwo")}), "a", "Halvorsen") is None
    same_person = group_of(aligned({"a": passage, "b": reworded.format("Halvorsen")}), "a", "Halvorsen")
    assert same_person is not None and same_person.links[0].rule == "reworded"


def test_the_speaker_a_passage_quotes_is_not_a_name_it_tells_of() -> None:
    """"..., Okafor said" tells of no one: the names check compares what the passages are about, so
    the same find in other words still joins the passage that names the car and the driver."""
    groups = aligned({
        "a": "Deputies found a 12-gauge pump-action shotgun and three live shells in the vehicle, Okafor said.\n",
        "b": "A 12-gauge pump-action shotgun and three live shells were found in the silver Volvo Brandt was driving.\n",
    })
    group = group_of(groups, "a", "shotgun")
    assert group is not None and {m.span.article for m in group.members} == {"a", "b"}
    [member] = [m for m in group.members if m.span.article == "a"]
    assert member.speaker == "Okafor"  # the attribution was read, and left out of the check


def test_the_same_words_but_one_name_are_still_the_same_words() -> None:
    """"same words" is the first rule, before the names check: one name apart is a near-identical copy."""
    groups = aligned({
        "a": "Senator Halvorsen voted against the harbour expansion bill in the upper house on Friday.\n",
        "b": "Senator Okonkwo voted against the harbour expansion bill in the upper house on Friday.\n",
    })
    group = group_of(groups, "a", "Halvorsen")
    assert group is not None and [link.rule for link in group.links] == ["same words"]


def test_a_two_word_phrase_quoted_twice_is_not_a_reworded_statement() -> None:
    groups = aligned({
        "a": 'The company called the device its "next generation" of tablets.\n',
        "b": 'Executives unveiled what they called the "next-generation tablet range."\n',
    })
    assert all(link.rule != "reworded" for group in groups for link in group.links)


# -- mutual best and average linkage ------------------------------------------------------------


def test_each_passage_keeps_its_best_match_in_another_article() -> None:
    groups = aligned({
        "a": "The council approved the new riverside park budget after a long evening debate.\n",
        "b": ("The council approved the new riverside park budget after a long evening debate on Monday.\n"
              "Later, the council approved the riverside park budget for the next decade.\n"),
    })
    group = group_of(groups, "a", "riverside")
    assert group is not None
    [member] = [m for m in group.members if m.span.article == "b"]
    assert "long evening debate" in member.text


def test_one_weak_link_does_not_chain_two_statements_together() -> None:
    """b's sentence shares a little with a's and a little with c's; a and c share nothing: single
    linkage would make one group of all three, average linkage keeps a and c apart."""
    groups = aligned({
        "a": "Rescue teams searched the flooded valley villages for missing residents through the night.\n",
        "b": ("Rescue teams searched the flooded valley villages through the night while engineers inspected "
              "the cracked dam wall above the reservoir.\n"),
        "c": "Engineers inspected the cracked dam wall above the reservoir on Sunday morning.\n",
    })
    assert any(set(group.articles) in ({"a", "b"}, {"b", "c"}) for group in groups), "b is grouped with one of them"
    for group in groups:
        assert {"a", "c"} - set(group.articles), "a and c share nothing and must not be one group"


def test_a_clause_and_its_sentence_are_one_passage_when_grouping() -> None:
    """One outlet's clause is another's sentence word for word, and the same outlet's whole sentence
    is a third's in other words: the three are one group; the sentence is not turned away because
    its clause was grouped first."""
    corpus = corpus_of({
        "a": "Inspectors found a cracked boiler valve and two missing pressure gauges in the basement.\n",
        "b": ("Inspectors found a cracked boiler valve and two missing pressure gauges in the basement, "
              "and the landlord has until the end of the month to replace every one of them.\n"),
        "c": "The landlord must replace the cracked valve and the gauges by the end of the month.\n",
    })
    units = build_units(corpus, {article.id: segment(article) for article in corpus.articles})
    first, = (u.index for u in units if u.article == 0)
    sentence, = (u.index for u in units if u.article == 1 and not u.is_clause)
    clause, = (u.index for u in units if u.article == 1 and u.is_clause and "boiler" in u.norm)
    third, = (u.index for u in units if u.article == 2)
    kept = [rules.Edge(95.0, first, clause, "same words", "same words"),
            rules.Edge(70.0, third, sentence, "reworded", "reworded: 5 content words shared")]
    overlapping = groups_module.overlapping_units(units)
    clusters = groups_module.cluster(units, kept, lambda one, other: 60.0, overlapping)
    assert len(clusters) == 1
    assert {units[i].article for i in clusters[0]} == {0, 1, 2}
    # the sentence that joined for its clause still says why: the clause's edge is its link to the first
    [group] = groups_module.groups(units, clusters, kept, overlapping)
    assert {(group.members[link.left].span.article, group.members[link.right].span.article, link.rule) for link in group.links} == {
        ("a", "b", "same words"), ("b", "c", "reworded")}


def test_groups_never_take_two_passages_of_one_article_nor_overlapping_ones() -> None:
    story = Path(__file__).resolve().parents[3] / "shared" / "dev-stories" / "greek-bank-riot-2010"
    if not story.is_dir():
        pytest.skip("the dev stories are not beside this checkout")
    corpus = load_corpus(story)
    groups = align(corpus, {article.id: segment(article) for article in corpus.articles})
    assert len(groups) > 20
    taken: dict[str, list[tuple[int, int]]] = {}
    for group in groups:
        assert len(set(group.articles)) == len(group.articles)
        for member in group.members:
            for start, end in taken.get(member.span.article, []):
                assert member.span.end <= start or end <= member.span.start
            taken.setdefault(member.span.article, []).append((member.span.start, member.span.end))
        assert all(0 <= link.left < link.right < len(group.members) for link in group.links)
        assert {link.rule for link in group.links} <= {"same words", "excerpt", "reworded", "reported speech", "contained", "same speaker"}


def test_units_include_clauses_that_point_back_at_their_sentence() -> None:
    corpus = corpus_of({"a": ("The storm closed every school in the county on Tuesday, while crews cleared fallen "
                              "trees from the main roads, according to the regional emergency office.\n")})
    units = build_units(corpus, {"a": segment(corpus.articles[0])})
    wholes = [unit for unit in units if not unit.is_clause]
    parts = [unit for unit in units if unit.is_clause]
    assert len(wholes) == 1 and len(parts) >= 2
    assert all(part.whole == wholes[0].index for part in parts)


def test_a_headline_in_title_case_has_no_names_from_its_capitals() -> None:
    corpus = corpus_of({"a": "Storm Closes Every School In The Northern County\nThe storm closed every school in the county, Mayor Ilse Brandt said.\n"})
    units = build_units(corpus, {"a": segment(corpus.articles[0])})
    headline = next(unit for unit in units if unit.segment.text.startswith("Storm"))
    sentence = next(unit for unit in units if unit.segment.text.startswith("The storm"))
    assert headline.names == frozenset()
    assert {stem("Brandt".lower()), stem("ilse")} <= sentence.names


def test_a_phrase_quoted_inside_matching_sentences_leaves_the_sentences_grouped() -> None:
    sentence = ('The families of the two injured climbers asked for "complete privacy," and the clinic gave no '
                "details of their condition, a spokeswoman said.")
    groups = aligned({
        "a": sentence + "\n",
        "b": sentence.replace("gave no", "would not give any") + "\n",
        "c": "A spokeswoman said the climbers' families asked for privacy and the clinic would give no details of their condition.\n",
    })
    group = group_of(groups, "c", "privacy")
    assert group is not None
    assert set(group.articles) == {"a", "b", "c"}
    assert all(len(member.text.split()) > 5 for member in group.members)


def test_same_words_says_how_many_words_differ_when_some_do() -> None:
    groups = aligned({
        "a": '"He probably realised the roads were closed before he set out," the sheriff said.\n',
        "b": '"He probably realized the roads were closed before he set out," the sheriff said.\n',
        "c": '"He probably realised the roads were closed before he set out," Sheriff Lund said.\n',
    })
    group = group_of(groups, "a", "realised")
    assert group is not None
    reasons = {(group.members[link.left].span.article, group.members[link.right].span.article): link.reason for link in group.links}
    assert reasons[("a", "c")] == "same words"
    assert reasons[("a", "b")].startswith("same words but 1 of ")


def test_a_phrase_one_outlet_quotes_joins_the_same_speakers_longer_quote() -> None:
    groups = aligned({
        "a": 'Mayor Ines Dalgaard said the attack was "a real criminal act".\n',
        "b": ('"We are outraged by the attack on our volunteers, who were the victims of a criminal act," '
              "Mayor Ines Dalgaard told the council.\n"),
    })
    group = group_of(groups, "a", "real criminal")
    assert group is not None and set(group.articles) == {"a", "b"}
    [link] = group.links
    assert (link.rule, link.reason) == ("same speaker", "same speaker, a phrase of the longer quote")
