"""Alignment on small stories written for the tests, and on the bundled story."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.core.analysis import analyse
from tui.core.corpus import load_corpus
from tui.core.model import Analysis, MatchGroup

PORT_STRIKE = {
    "wire.txt": (
        "Dock workers at the port of Valmora walked off the job on Tuesday, halting container traffic.\n"
        '"We will not unload a single ship until the company signs the agreement," union leader '
        "Marta Quillon told reporters outside the gates.\n"
        "The strike affects roughly 4,000 workers and comes after eight months of failed talks over pay.\n"
        "Shipping companies said they were diverting vessels to neighbouring ports.\n"
        "Related stories\nFerry fares rise again\nNew bridge opens downtown\n"
    ),
    "daily.txt": (
        "Thousands of dockers in Valmora stopped work on Tuesday in a dispute over wages.\n"
        "Union leader Marta Quillon said: “We will not unload a single ship until the company signs "
        "the agreement.”\n"
        "The port authority warned that the stoppage could cost the regional economy millions of euros a day.\n"
        "Quillon added that the union was ready to return to the table at any time.\n"
    ),
    "radio.txt": (
        "A strike has shut the port of Valmora.\n"
        "Marta Quillon, who leads the dockers' union, said her members would not unload any ship until "
        "the company signed the agreement.\n"
        "The port authority warned the stoppage could cost the regional economy millions of euros every day.\n"
        "In other news, the city council approved a new budget for public libraries.\n"
        "Related stories\nFerry fares rise again\nNew bridge opens downtown\n"
    ),
}


def analyse_files(tmp_path: Path, files: dict[str, str]) -> Analysis:
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return analyse(load_corpus(tmp_path))


def group_with(analysis: Analysis, article: str, words: str) -> MatchGroup | None:
    """The group whose member in `article` contains `words`."""
    for group in analysis.groups:
        for member in group.members:
            if member.span.article == article and words in member.text:
                return group
    return None


@pytest.fixture
def port(tmp_path: Path) -> Analysis:
    return analyse_files(tmp_path, PORT_STRIKE)


def test_verbatim_quote_forms_an_exact_quote_group(port: Analysis) -> None:
    """The union leader's words, quoted word for word by two outlets, make the group exact
    (the direct quotes decide the wording, though a third outlet reports the words indirectly)."""
    group = group_with(port, "wire", "We will not unload a single ship")
    assert group is not None
    assert group.kind == "quote" and group.wording == "exact"
    assert {m.span.article for m in group.members} >= {"wire", "daily"}


def test_reported_speech_joins_the_quote_as_paraphrase(port: Analysis) -> None:
    """The radio's indirect version of the quote is grouped with the direct ones."""
    group = group_with(port, "radio", "would not unload any ship")
    assert group is not None
    assert group_with(port, "wire", "We will not unload") == group
    assert group.kind == "quote"


def test_shared_statement_in_other_words_is_grouped(port: Analysis) -> None:
    """The port authority's warning, reported by two outlets, is a statement group."""
    group = group_with(port, "daily", "port authority warned")
    assert group is not None and group.kind == "statement"
    assert {m.span.article for m in group.members} == {"daily", "radio"}


def test_unrelated_sentences_and_furniture_join_no_group(port: Analysis) -> None:
    """The library budget and the related-stories list are in no group, though the lists are identical."""
    assert group_with(port, "radio", "libraries") is None
    assert group_with(port, "radio", "Ferry fares") is None
    assert group_with(port, "wire", "New bridge") is None


def test_a_group_has_one_member_per_article_and_offsets_point_at_the_text(port: Analysis) -> None:
    """No group takes two passages from one article; every member's span is its text."""
    bodies = {article.id: article.body for article in port.corpus.articles}
    for group in port.groups:
        articles = [m.span.article for m in group.members]
        assert len(articles) == len(set(articles)) >= 2
        for member in group.members:
            assert bodies[member.span.article][member.span.start : member.span.end] == member.text


def test_no_passage_is_in_two_groups(port: Analysis) -> None:
    """Overlapping passages of one article never sit in different groups."""
    spans = [m.span for g in port.groups for m in g.members]
    for index, span in enumerate(spans):
        assert not any(span.overlaps(other) for other in spans[index + 1 :])


def test_groups_come_in_reading_order(port: Analysis) -> None:
    """Groups are numbered m1, m2, ... in the order their first members appear."""
    assert [g.id for g in port.groups] == [f"m{n}" for n in range(1, len(port.groups) + 1)]
    firsts = [(g.members[0].span.article, g.members[0].span.start) for g in port.groups]
    order = {a.id: i for i, a in enumerate(port.corpus.articles)}
    assert firsts == sorted(firsts, key=lambda f: (order[f[0]], f[1]))


def test_reworded_statements_are_a_paraphrase_group(port: Analysis) -> None:
    """Statements in other words, with no direct quote, are a paraphrase."""
    group = group_with(port, "daily", "port authority warned")
    assert group is not None and group.wording == "paraphrase"


def test_a_quote_in_other_words_by_the_same_speaker_is_a_variant(tmp_path: Path) -> None:
    """Two outlets quoting one speaker in different words make a variant group."""
    analysis = analyse_files(
        tmp_path,
        {
            "a.txt": 'The mayor spoke on Monday. "We are absolutely not raising taxes this year," Mayor Ada Ruiz said.\n',
            "b.txt": 'Mayor Ada Ruiz was firm. "There will be no tax rise this year," Ruiz said on Monday.\n',
        },
    )
    group = group_with(analysis, "a", "not raising taxes")
    assert group is not None and group.wording == "variant"
    assert group_with(analysis, "b", "no tax rise") == group


def test_different_stories_share_nothing(tmp_path: Path) -> None:
    """Two articles on different subjects give no group."""
    analysis = analyse_files(
        tmp_path,
        {
            "a.txt": "The central bank raised interest rates by a quarter point on Thursday to fight inflation.\n"
            "Economists had expected the move after prices rose faster than wages for a year.\n",
            "b.txt": "The football club appointed a new coach on Thursday after a poor start to the season.\n"
            "Fans had called for the change after the team lost five games in a row.\n",
        },
    )
    assert analysis.groups == ()


@pytest.fixture(scope="module")
def bundled() -> Analysis:
    return analyse(load_corpus())


def test_bundled_card_quote_is_exact_between_toi_and_cna(bundled: Analysis) -> None:
    """TOI and CNA carry Kato's "all cards on the table" word for word."""
    group = group_with(bundled, "toi", "We obviously need to put all cards on the table")
    assert group is not None and group.wording == "exact" and group.kind == "quote"
    assert {"toi", "cna"} <= set(group.articles)


def test_bundled_different_question_pairs_direct_and_reported(bundled: Analysis) -> None:
    """TOI's quote "is a different question" and TRT's indirect version are one group."""
    group = group_with(bundled, "toi", "is a different question")
    assert group is not None
    assert group_with(bundled, "trt", "actually uses that card is a different question") == group


def test_bundled_card_we_hold_variants(bundled: Analysis) -> None:
    """Zaobao's "We do indeed hold a card" and "It's definitely a card we hold" are one variant group."""
    group = group_with(bundled, "zaobao", "We do indeed hold a card")
    assert group is not None
    assert group_with(bundled, "unattributed", "definitely a card we hold") == group
    assert group.wording == "variant"


def test_bundled_furniture_joins_no_group(bundled: Analysis) -> None:
    """TRT's Explore headlines and SoftBank sidebar, and TOI's author box, are in no group."""
    for article, words in [
        ("trt", "Explore"),
        ("trt", "Trump meets new Syrian leader"),
        ("trt", "SoftBank"),
        ("trt", "exemption from US President"),
        ("toi", "TOI Business Desk"),
    ]:
        assert group_with(bundled, article, words) is None, words


def test_a_quote_carried_word_for_word_by_many_outlets_is_one_group_with_its_paraphrase(tmp_path: Path) -> None:
    """Sixty outlets running the same wire quote fill every index key past its cap; the copies
    still make one exact group, and the one outlet that reports the words indirectly joins it."""
    quote = "We will not allow the port to close while a single container is still waiting"
    files = {f"wire{n:02d}.txt": f'"{quote}," harbour master Lena Ostrova said on Friday.\n' for n in range(60)}
    files["radio.txt"] = (
        "Harbour master Lena Ostrova said she would not allow the port to close while a single "
        "container was still waiting.\n"
    )
    analysis = analyse_files(tmp_path, files)
    group = group_with(analysis, "wire00", "We will not allow the port")
    assert group is not None and group.wording == "exact"
    assert len(group.members) == 61
    assert group_with(analysis, "radio", "would not allow the port") == group


def test_different_figures_are_not_the_same_words(tmp_path: Path) -> None:
    """One sentence with $5, $6 and $7 billion is grouped, but not as exact wording."""
    analysis = analyse_files(
        tmp_path, {f"{n}.txt": f"The price of the new airport was ${n} billion, officials said on Monday.\n" for n in (5, 6, 7)}
    )
    [group] = analysis.groups
    assert len(group.members) == 3 and group.wording != "exact"


def test_copies_of_an_article_group_its_quotes_as_quotes(tmp_path: Path) -> None:
    """Where a quote and the sentence around it tie, the group is made of the quotes."""
    text = 'Officials met on Monday. He stated, "It won\'t be good for the economy to be too unstable," the minister said.\n'
    analysis = analyse_files(tmp_path, {"a.txt": text, "b.txt": text, "c.txt": text})
    group = group_with(analysis, "a", "It won't be good for the economy")
    assert group is not None and group.kind == "quote"
    assert all(member.kind == "quote" for member in group.members)



def test_unique_passages_leave_out_shared_text_and_furniture(port: Analysis) -> None:
    """What only one source says: not the shared quote, not the related-stories list, but the library budget."""
    from tui.core.analysis import unique_passages

    unique = unique_passages(port)
    radio = " ".join(segment.text for segment in unique["radio"])
    assert "libraries" in radio
    assert "Ferry fares" not in radio and "Related stories" not in radio
    assert not any("We will not unload" in segment.text for segment in unique["wire"])
