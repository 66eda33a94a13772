"""`kato-tui matches`: the documented JSON, offsets that point at the text, and a table that keeps text literal."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tui.cli import main
from tui.core.corpus import load_corpus

SHARED = "The committee said the [bold]new[/bold] bridge would open to traffic in the spring of next year."


@pytest.fixture(autouse=True)
def wide_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Rich sizes its table from COLUMNS: wide enough that no cell wraps."""
    monkeypatch.setenv("COLUMNS", "220")


@pytest.fixture
def bundled_matches(capsys: pytest.CaptureFixture[str]) -> dict:
    assert main(["matches", "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_matches_json_has_the_documented_shape(bundled_matches: dict) -> None:
    """{"sources": [...], "families": [...], "groups": [{id, kind, wording, score, independent,
    members: [{source, start, end, text, speaker}], links: [{members, rule, reason, score}]}]}."""
    assert list(bundled_matches) == ["sources", "families", "groups"]
    assert len(bundled_matches["sources"]) == 5
    assert bundled_matches["families"] == [], "the bundled outlets each wrote their own text"
    assert bundled_matches["groups"], "the bundled story shares quotes"
    for group in bundled_matches["groups"]:
        assert set(group) == {"id", "kind", "wording", "score", "independent", "members", "links"}
        assert group["kind"] in {"quote", "statement"}
        assert group["wording"] in {"exact", "variant", "paraphrase"}
        assert 0 <= group["score"] <= 100
        assert group["independent"] == len(group["members"]), "no copies: every source is its own voice"
        for member in group["members"]:
            assert set(member) == {"source", "start", "end", "text", "speaker"}
        assert group["links"], "a group is joined by at least one link"
        for link in group["links"]:
            assert set(link) == {"members", "rule", "reason", "score"}
            assert all(0 <= index < len(group["members"]) for index in link["members"])
    assert len({group["id"] for group in bundled_matches["groups"]}) == len(bundled_matches["groups"])


def test_matches_json_offsets_point_at_the_text(bundled_matches: dict) -> None:
    """body[start:end] == text for every member, against the bodies as loaded."""
    bodies = {article.id: article.body for article in load_corpus().articles}
    for group in bundled_matches["groups"]:
        sources = [member["source"] for member in group["members"]]
        assert len(sources) == len(set(sources)) >= 2
        for member in group["members"]:
            assert bodies[member["source"]][member["start"] : member["end"]] == member["text"]


def test_matches_json_has_the_verbatim_card_quote(bundled_matches: dict) -> None:
    """TOI and CNA's word-for-word "all cards on the table" is an exact quote group."""
    group = next(g for g in bundled_matches["groups"] if "all cards on the table" in g["members"][0]["text"])
    assert (group["kind"], group["wording"]) == ("quote", "exact")
    assert {m["source"] for m in group["members"]} >= {"cna", "toi"}


def test_matches_table_keeps_article_text_literal(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A shared sentence with markup in it is printed with its brackets."""
    (tmp_path / "a.txt").write_text(f"Officials met on Monday. {SHARED}\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(f"{SHARED} Critics were not convinced.\n", encoding="utf-8")
    assert main(["matches", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "[bold]new[/bold]" in out
    assert re.search(r"\b1 match\b(?!es)", out) and "exact" in out


def test_matches_bad_input_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A folder with one article: exit 2 and one line naming it."""
    (tmp_path / "only.txt").write_text("Just one article here.\n", encoding="utf-8")
    assert main(["matches", "--json", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "only.txt" in err and "nothing to compare" in err


def test_disputes_json_has_the_documented_shape(capsys: pytest.CaptureFixture[str]) -> None:
    """{"sources": [...], "disputes": [{id, kind, summary, why, versions: [{source, start, end, text, value}]}],
    "uncorroborated": [...the same shape, one version each...], "one_text": [...a version from each copy...]}."""
    assert main(["disputes", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert list(data) == ["sources", "disputes", "uncorroborated", "one_text"]
    assert data["one_text"] == []  # the bundled story has no copies of one text
    bodies = {article.id: article.body for article in load_corpus().articles}
    assert data["disputes"][0]["kind"] == "number"
    assert data["uncorroborated"] and all(claim["kind"] == "uncorroborated" for claim in data["uncorroborated"])
    assert all(len(claim["versions"]) == 1 for claim in data["uncorroborated"])
    for dispute in data["disputes"] + data["uncorroborated"]:
        assert {"id", "kind", "summary", "why", "versions"} <= set(dispute)
        for version in dispute["versions"]:
            assert set(version) == {"source", "start", "end", "text", "value"}
            assert bodies[version["source"]][version["start"] : version["end"]] == version["text"]


def test_disputes_table_shows_each_version(capsys: pytest.CaptureFixture[str]) -> None:
    """The table lists the holdings figures of every outlet."""
    assert main(["disputes"]) == 0
    out = capsys.readouterr().out
    for figure in ("exceeding $1 trillion", "over $1 trillion", "nearly $1.07 trillion", "$1.13 trillion"):
        assert figure in out
