"""The command line: `sources`, `--version`, and bad input as one line on stderr with exit status 2."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import tui
from tests.core.test_corpus import BAD_INPUTS, BUNDLED, DATA, OTHER, write_corpus
from tui.cli import main
from tui.core.corpus import bundled_path

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def wide_terminal(monkeypatch):
    """Rich sizes its table from COLUMNS: make it wide enough that no cell wraps."""
    monkeypatch.setenv("COLUMNS", "200")


def run_json(capsys, *args: str) -> dict:
    """Run `sources --json` and return the parsed stdout (which must be JSON and nothing else)."""
    assert main(["sources", "--json", *args]) == 0
    return json.loads(capsys.readouterr().out)


# sources --json --------------------------------------------------------------------------------


@pytest.mark.parametrize("args", [[], [str(bundled_path())]], ids=["default", "folder"])
def test_sources_json_lists_the_bundled_story_in_file_order(capsys, args):
    """`sources --json` prints {"sources": [...]}: the five bundled articles, in file order."""
    data = run_json(capsys, *args)
    assert list(data) == ["sources"]
    assert [(source["id"], source["outlet"]) for source in data["sources"]] == [(i, o) for i, o, _ in BUNDLED]


def test_sources_json_has_the_documented_fields(capsys):
    """Each source has id, outlet, title, date, path and words, with the right values and types."""
    sources = run_json(capsys, str(bundled_path()))["sources"]
    for source in sources:
        assert {"id", "outlet", "title", "date", "path", "words"} <= set(source)
        assert Path(source["path"]).parent.resolve() == bundled_path().resolve()
        body = Path(source["path"]).read_text(encoding="utf-8").split("\n---\n", 1)[1]
        assert source["words"] == len(body.split())
    trt = next(source for source in sources if source["id"] == "trt")
    assert trt["date"] == "2025-05-04"
    assert trt["title"] == "Japan says no plan to threaten $1T+ Treasuries sale in US trade talks"
    assert next(source for source in sources if source["id"] == "cna")["date"] is None


def test_sources_json_keeps_article_text_as_is(capsys):
    """Outlet and title come out in the JSON exactly as in the front matter, brackets and all."""
    sources = run_json(capsys, str(DATA / "markup"))["sources"]
    assert [source["outlet"] for source in sources] == ["[bold red]x[/]", "plain"]
    assert sources[0]["title"] == "[link=https://example.com]click[/link] me"


def test_sources_json_warns_on_stderr_not_stdout(tmp_path, capsys):
    """A charset warning goes to stderr as one line naming the file; stdout stays pure JSON."""
    legacy = "\u201cCaf\u00e9\u201d, he said.\n".encode("cp1252")
    folder = write_corpus(tmp_path, {"legacy.txt": legacy, "b.txt": OTHER})
    assert main(["sources", "--json", str(folder)]) == 0
    captured = capsys.readouterr()
    assert len(json.loads(captured.out)["sources"]) == 2
    assert len(captured.err.splitlines()) == 1
    assert "legacy.txt" in captured.err and "warning" in captured.err


# sources (table) and --version -----------------------------------------------------------------


def test_sources_table_shows_article_text_literally(capsys):
    """The table prints outlets and titles as text: Rich markup in them is shown, not applied."""
    assert main(["sources", str(DATA / "markup")]) == 0
    out = capsys.readouterr().out
    assert "[bold red]x[/]" in out
    assert "[link=https://example.com]click[/link] me" in out


def test_sources_table_makes_control_characters_visible(tmp_path, capsys):
    """An escape sequence in an outlet is shown as a visible symbol, never sent to the terminal."""
    folder = write_corpus(tmp_path, {"a.md": '---\noutlet: "\\e[2Jwiped"\n---\nBody.\n', "b.txt": OTHER})
    assert main(["sources", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out
    assert "\u241b[2Jwiped" in out


def test_sources_table_lists_every_article(capsys):
    """The bundled story's table has a row for each of the five ids."""
    assert main(["sources"]) == 0
    out = capsys.readouterr().out
    for article_id, _, _ in BUNDLED:
        assert f" {article_id} " in out


def test_version(capsys):
    """`--version` prints "kato-tui <version>" and exits 0."""
    with pytest.raises(SystemExit) as caught:
        main(["--version"])
    assert caught.value.code == 0
    assert capsys.readouterr().out.strip() == f"kato-tui {tui.__version__}"


# Bad input -------------------------------------------------------------------------------------


@pytest.mark.parametrize("as_json", [False, True], ids=["table", "json"])
@pytest.mark.parametrize(("build", "problem"), BAD_INPUTS)
def test_bad_input_exits_2_with_one_line(tmp_path, capsys, build, problem, as_json):
    """Each bad input: exit status 2, nothing on stdout, one stderr line naming the file, no traceback."""
    path, name = build(tmp_path)
    assert main(["sources", *(["--json"] if as_json else []), str(path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert len(lines) == 1, captured.err
    assert name in lines[0]
    assert "Traceback" not in captured.err


def test_bad_input_message_stays_one_line_for_odd_file_names(tmp_path, capsys):
    """A newline in a bad file's name does not split the error over two stderr lines."""
    folder = write_corpus(tmp_path, {"evil\nname.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00", "b.txt": OTHER})
    assert main(["sources", str(folder)]) == 2
    assert len(capsys.readouterr().err.splitlines()) == 1


def test_impossible_date_exits_2(tmp_path, capsys):
    """A date YAML cannot build (2025-02-30) is bad input: exit 2, one line naming the file."""
    folder = write_corpus(tmp_path, {"typo.md": "---\ndate: 2025-02-30\n---\nBody.\n", "b.txt": OTHER})
    assert main(["sources", str(folder)]) == 2
    assert "typo.md" in capsys.readouterr().err


def test_bad_input_in_a_real_process():
    """`python -m tui sources --json <bad folder>`: exit 2, one stderr line, no traceback, empty stdout."""
    result = subprocess.run(
        [sys.executable, "-m", "tui", "sources", "--json", str(DATA / "bad-yaml")],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1, result.stderr
    assert "broken.txt" in result.stderr and "line 3" in result.stderr
    assert "Traceback" not in result.stderr
