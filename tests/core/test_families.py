"""Copy families: a wire text printed twice with small edits is one voice, an outlet's own report another."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.core import report
from tui.core.analysis import analyse, unique_passages
from tui.core.corpus import load_corpus
from tui.core.disputes import find_disputes
from tui.core.families import FAMILY_SHARE, agency_credits, find_families
from tui.core.voices import family_of, voice, voices
from tui.core.model import Analysis, Family

WIRE = (
    "Ferry capsizes off Lornholm, 17 injured\n"
    "LORNHOLM, March 3 (Reuters) - A passenger ferry capsized in strong winds off the island of Lornholm on Tuesday, "
    "and 17 people were injured, the coast guard said.\n"
    "The vessel was carrying 212 passengers and crew when it turned over about two kilometres from the harbour.\n"
    "Rescue boats and fishing crews rescued 64 people from the cold water over more than three hours.\n"
    "Deputy Harbour Master Ilse Vandrecht said the ferry had left port despite a storm warning issued that morning.\n"
    '"We are still trying to understand why the captain decided to sail," Vandrecht told reporters at the quay.\n'
    "The ferry operator said it would cooperate fully with the investigation and suspended all crossings until Friday.\n"
    "Ferries are the only link between the island and the mainland for most of its four thousand residents.\n"
    "The regional government has promised to review safety rules for the route before the summer season.\n"
)
COPY = (  # the wire text with a new headline, a word or two edited, its end cut and a local line added
    "Seventeen hurt as ferry capsizes off Lornholm\n"
    "A passenger ferry capsized in strong winds off the island of Lornholm on Tuesday, "
    "and 17 people were injured, the coast guard said.\n"
    "The vessel was carrying 212 passengers and crew when it overturned about two kilometres from the harbour.\n"
    "Rescue boats and fishing crews rescued 64 people from the icy water over more than three hours.\n"
    "Deputy Harbour Master Ilse Vandrecht said the ferry had left port despite a storm warning issued that morning.\n"
    '"We are still trying to understand why the captain decided to sail," Vandrecht told reporters at the quay.\n'
    "The ferry operator said it would co-operate fully with the investigation and suspended all crossings until Friday.\n"
    "Local schools will stay closed on Wednesday while families wait for news, the town council added.\n"
)
OWN = (  # an outlet's own report: one quote and one figure in common with the wire text
    "Storm warning ignored before Lornholm ferry disaster\n"
    "Survivors of Tuesday's capsizing described a crossing that should never have begun.\n"
    '"The waves were higher than the windows," said one passenger, who asked not to be named.\n'
    '"We are still trying to understand why the captain decided to sail," a harbour official told reporters at the quay.\n'
    "Coast guard officers said 17 people were injured, three of them seriously.\n"
    "Our reporter saw dozens of relatives waiting at the harbour gates late into the night.\n"
)


def analyse_files(folder: Path, files: dict[str, str]) -> Analysis:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return analyse(load_corpus(folder))


@pytest.fixture
def ferry(tmp_path: Path) -> Analysis:
    return analyse_files(tmp_path, {"a-wire.txt": WIRE, "b-copy.txt": COPY, "c-own.txt": OWN})


def test_a_wire_text_printed_twice_is_one_family(ferry: Analysis) -> None:
    """The two copies are a family credited to the agency the dateline names; the own report is in none."""
    [family] = ferry.families
    assert family.sources == ("a-wire", "b-copy")
    assert family.wire == "Reuters"
    assert FAMILY_SHARE < family.shared < 1, "most sentences shared, not all: the copy was edited and cut"
    assert family_of("c-own", ferry.families) is None
    assert family_of("b-copy", ferry.families) is family


def test_voices_count_a_family_once(ferry: Analysis) -> None:
    """Three sources, two independent: the group of the quote all three carry says so."""
    assert voices(["a-wire", "b-copy", "c-own"], ferry.families) == 2
    assert voices(["a-wire", "c-own"], ferry.families) == 2
    assert voices(["a-wire", "b-copy"], ferry.families) == 1
    assert voice("b-copy", ferry.families) == voice("a-wire", ferry.families) != voice("c-own", ferry.families)
    quote = next(group for group in ferry.groups if "c-own" in group.articles and "captain decided" in group.members[0].text)
    assert len(quote.articles) == 3 and voices(quote.articles, ferry.families) == 2


def test_matches_json_lists_families_and_independent_voices(ferry: Analysis) -> None:
    document = report.matches(ferry)
    assert document["families"] == [{"sources": ["a-wire", "b-copy"], "shared": ferry.families[0].shared, "wire": "Reuters"}]
    groups = document["groups"]
    assert isinstance(groups, list)
    by_sources = {tuple(member["source"] for member in group["members"]): group for group in groups}
    assert by_sources[("a-wire", "b-copy", "c-own")]["independent"] == 2
    assert by_sources[("a-wire", "b-copy")]["independent"] == 1
    assert all(group["links"] and all(link["rule"] and link["reason"] for link in group["links"]) for group in groups)


def test_a_passage_only_the_copies_carry_is_unique_once(ferry: Analysis) -> None:
    """What only the family says is its own news: unique in the first copy, not painted again in the
    second; a passage an independent source shares is unique in none; the copy's own line is unique."""
    unique = {article: " ".join(segment.text for segment in found) for article, found in unique_passages(ferry).items()}
    assert "rescued 64 people" in unique["a-wire"]
    assert "rescued 64 people" not in unique["b-copy"]
    assert "Local schools will stay closed" in unique["b-copy"]
    assert not any("captain decided to sail" in text for text in unique.values())


def test_the_copies_do_not_corroborate_each_other(ferry: Analysis) -> None:
    """A figure and a titled person only the family gives are uncorroborated, listed once with a
    version from each copy; without the families the copies would corroborate each other."""
    claims = {claim.summary: claim for claim in ferry.uncorroborated}
    rescued = next(claim for summary, claim in claims.items() if "64 people" in summary)
    assert [version.span.article for version in rescued.versions] == ["a-wire", "b-copy"]
    assert "one Reuters text (copied by a-wire and b-copy)" in rescued.summary
    assert rescued.why.startswith("no source but the copies of this one text gives")
    assert any("Ilse Vandrecht" in summary for summary in claims)
    assert not any("17 people" in summary for summary in claims), "the own report gives 17 injured too"
    alone = find_disputes(ferry.corpus, ferry.facts, ferry.groups, ferry.segments)
    assert not any("64 people" in claim.summary for claim in alone.uncorroborated)


def test_the_json_keeps_one_source_claims_apart_from_one_texts(ferry: Analysis) -> None:
    """`uncorroborated` holds what one outlet alone says; `one_text` what only a family's copies say."""
    data = report.disputes(ferry)
    assert all(len({v["source"] for v in claim["versions"]}) == 1 for claim in data["uncorroborated"])
    [rescued] = [claim for claim in data["one_text"] if "64 people" in claim["summary"]]
    assert [v["source"] for v in rescued["versions"]] == ["a-wire", "b-copy"]
    assert len(data["uncorroborated"]) + len(data["one_text"]) == len(ferry.uncorroborated)


def test_sharing_a_quote_is_not_copying(tmp_path: Path) -> None:
    """The wire text and an own report share a quote and a figure: two voices. The own report
    printed again with two sentences reworded is a copy of it, with no agency credited."""
    other = OWN.replace("Our reporter saw dozens", "Dozens of relatives were seen").replace("Survivors of", "People on")
    analysis = analyse_files(tmp_path, {"a.txt": OWN, "b.txt": WIRE.replace("(Reuters)", ""), "c.txt": other})
    assert [family.sources for family in analysis.families] == [("a", "c")]
    assert analysis.families[0].wire is None, "no agency credited"


def test_a_few_shared_sentences_are_no_family(tmp_path: Path) -> None:
    """Two short briefs whose two sentences are the same words share all of them, but too few to be copies."""
    first = "Ferry services resumed on Friday after a three-day halt.\nThe operator said all crossings would run on time.\n"
    second = first + "Passengers welcomed the news at the quay this morning.\n"
    analysis = analyse_files(tmp_path, {"a.txt": first, "b.txt": second, "c.txt": OWN})
    assert analysis.families == ()


def test_one_article_that_mixes_two_texts_does_not_join_them(tmp_path: Path) -> None:
    """A roundup printing most of two unrelated wire texts is a copy of one of them at most: the two
    texts share nothing, so no family holds both (average linkage, not a chain)."""
    second = (
        "Lornholm bridge plan approved\n"
        "The council approved plans for a road bridge to the mainland on Thursday after years of debate.\n"
        "Construction of the four-lane crossing is expected to start in the autumn and last three years.\n"
        "Engineers said the bridge would have to withstand winds stronger than any recorded on the coast.\n"
        "Opponents argued the money should go to newer and safer ferries for the island instead.\n"
        "The national transport ministry will pay for half of the work under a regional programme.\n"
        "A public consultation on the final design will open next month at the town hall.\n"
    )
    wire_lines, second_lines = WIRE.splitlines(keepends=True), second.splitlines(keepends=True)
    roundup = "".join(wire_lines[1:7] + second_lines[1:7])
    analysis = analyse_files(tmp_path, {"a.txt": WIRE, "b.txt": second, "c.txt": roundup})
    assert not any({"a", "b"} <= set(family.sources) for family in analysis.families)
    assert len(analysis.families) == 1


def test_agency_credits_are_datelines_and_credit_lines_not_mentions() -> None:
    body = (
        "PORT ELLIS, June 2 (AP) — Officials said the dam held.\n"
        "Engineers told Reuters the water level was falling.\n"
        "By Mara Ostend, Associated Press Writer\n"
        "AFP PHOTO / A flooded street in the old town\n"
        "Copyright 2024 Agence France-Presse. All rights reserved.\n"
    )
    assert agency_credits(body) == ["AP", "AP", "AFP"]


def test_the_agency_most_copies_credit_is_the_wire(tmp_path: Path) -> None:
    """A family whose copies credit no agency has none; a sentence that mentions one is no credit."""
    plain = WIRE.replace("(Reuters) ", "")
    analysis = analyse_files(tmp_path, {"a.txt": plain, "b.txt": COPY.replace("the coast guard said", "the coast guard told Reuters")})
    assert analysis.families == (Family(("a", "b"), analysis.families[0].shared, None),)


def test_find_families_of_a_corpus_with_nothing_shared(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(OWN, encoding="utf-8")
    (tmp_path / "b.txt").write_text("Markets were calm on Monday as traders awaited the central bank.\n", encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert find_families(corpus, {}) == ()


def test_a_spelling_dispute_counts_the_copies_once(tmp_path: Path) -> None:
    """Two copies against one own report: the copies' side says "2, 1 independent", the other "1"."""
    own = OWN.replace("a harbour official told reporters", "Deputy Harbour Master Ilse Vandrect told reporters")
    analysis = analyse_files(tmp_path, {"a-wire.txt": WIRE, "b-copy.txt": COPY, "c-own.txt": own})
    [spelling] = [dispute for dispute in analysis.disputes if dispute.kind == "spelling"]
    assert "Ilse Vandrecht (2, 1 independent: a-wire, b-copy)" in spelling.summary
    assert "Ilse Vandrect (1: c-own)" in spelling.summary
