"""The command line never shows a traceback: every error a user can cause is one line on stderr
naming the file, with exit status 2; and nothing it prints can drive the terminal."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.core.test_corpus import OTHER, PNG, UNLESS_ROOT, write_corpus
from tui.cli import main

REPO = Path(__file__).resolve().parents[1]
NOTES_HEAD = '{"format": "kato-tui-notes", "version": 1, "corpus": "", "notes": '
# A note the bundled story can take, but for its id: "\ud800" in JSON is half of a UTF-16 pair.
NOTE_WITH_HALF_A_PAIR = (
    '[{"id": "\\ud800", "target": {"source": "cna", "selector": ['
    '{"type": "TextQuoteSelector", "exact": "Japan", "prefix": "", "suffix": ""}, '
    '{"type": "TextPositionSelector", "start": 0, "end": 5}]}, '
    '"body": "", "tags": [], "created": "2026-01-01T00:00:00Z", "modified": "2026-01-01T00:00:00Z"}]}'
)

# Each case writes its input under tmp_path and returns (the arguments, the name the line must hold).
Case = Callable[[Path], tuple[list[str], str]]


def _nested_front_matter(tmp_path: Path) -> tuple[list[str], str]:
    deep = "---\nnote: " + "[" * 400 + "]" * 400 + "\n---\nBody.\n"
    return ["sources", str(write_corpus(tmp_path, {"deep.md": deep, "other.txt": OTHER}))], "deep.md"


def _locked_folder(tmp_path: Path) -> tuple[list[str], str]:
    folder = write_corpus(tmp_path, {"a.txt": OTHER, "b.txt": OTHER}, folder="locked")
    folder.chmod(0o000)
    return ["sources", str(folder)], "locked"


def _binary_file_not_utf8_name(tmp_path: Path) -> tuple[list[str], str]:
    folder = write_corpus(tmp_path, {os.fsdecode(b"chart\xff.txt"): PNG, "other.txt": OTHER})
    return ["sources", "--json", str(folder)], "chart\\xff.txt"


def _notes(text: str) -> Case:
    def case(tmp_path: Path) -> tuple[list[str], str]:
        (tmp_path / "notes.json").write_text(text, encoding="utf-8")
        return ["export", "--format", "json", "--notes", str(tmp_path / "notes.json")], "notes.json"

    return case


def _screenshots_under_a_file(tmp_path: Path) -> tuple[list[str], str]:
    (tmp_path / "plain").write_text("not a folder")
    return ["screenshots", str(tmp_path / "plain" / "shots")], "plain"


USER_ERRORS = [
    pytest.param(_nested_front_matter, r"deep\.md: front matter is nested too deeply", id="front-matter-400-deep"),
    pytest.param(_locked_folder, r"locked: cannot be read \(Permission denied\)", id="unreadable-folder", marks=UNLESS_ROOT),
    pytest.param(_binary_file_not_utf8_name, r"chart\\xff\.txt: not a text file", id="file-name-not-utf8"),
    pytest.param(_notes(NOTES_HEAD + "[], \"n\": " + "9" * 5000 + "}"), r"notes\.json: not valid JSON \(.*5000 digits\)", id="notes-5000-digits"),
    pytest.param(_notes(NOTES_HEAD + "[" * 100_000 + "]" * 100_000 + "}"), r"notes\.json: not valid JSON \(nested too deeply", id="notes-100000-deep"),
    pytest.param(_notes(NOTES_HEAD + NOTE_WITH_HALF_A_PAIR), r"notes\.json: note 1 .*id holds half of a UTF-16 pair", id="notes-lone-surrogate"),
    pytest.param(_screenshots_under_a_file, r"plain/shots: ", id="screenshots-folder-under-a-file"),
]


@pytest.mark.parametrize(("case", "line"), USER_ERRORS)
def test_a_user_error_is_one_line_and_exit_2(tmp_path, capsys, case, line):
    """Exit status 2, nothing on stdout, one stderr line naming the file and the problem."""
    argv, name = case(tmp_path)
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert len(captured.err.splitlines()) == 1, captured.err
    assert name in captured.err
    assert re.search(line, captured.err), captured.err


@pytest.mark.parametrize("format_", ["md", "json", "html"])
def test_a_lone_surrogate_in_a_note_stops_every_export_format(tmp_path, capsys, format_):
    """The note with half a UTF-16 pair is refused whatever the format, not only where the id is printed."""
    argv, _ = _notes(NOTES_HEAD + NOTE_WITH_HALF_A_PAIR)(tmp_path)
    argv[argv.index("json")] = format_
    assert main(argv) == 2
    assert "note 1" in capsys.readouterr().err


def test_a_programming_error_is_not_hidden(monkeypatch):
    """An OSError that names no file is not the user's doing: it is raised, not turned into a line."""
    import tui.cli

    def broken(args):
        raise OSError("something inside broke")

    monkeypatch.setitem(tui.cli.COMMANDS, "sources", (tui.cli.COMMANDS["sources"][0], broken))
    with pytest.raises(OSError, match="inside broke"):
        main(["sources"])


# File names that are not UTF-8 -------------------------------------------------------------------


@pytest.fixture
def latin1_names(tmp_path: Path) -> Path:
    """A folder named b"story\\xff" holding b"caf\\xe9.txt": names a UTF-8 locale cannot decode."""
    return write_corpus(tmp_path, {os.fsdecode(b"caf\xe9.txt"): OTHER, "other.txt": OTHER}, folder=os.fsdecode(b"story\xff"))


def test_sources_json_with_names_that_are_not_utf8(latin1_names, capsys):
    """The JSON is valid UTF-8 (capsys encodes strictly) and shows each undecodable byte as \\xNN."""
    assert main(["sources", "--json", str(latin1_names)]) == 0
    sources = json.loads(capsys.readouterr().out)["sources"]
    cafe = next(source for source in sources if source["id"] == "caf")
    assert cafe["outlet"] == "caf\\xe9"
    assert cafe["path"].endswith("story\\xff/caf\\xe9.txt")


def test_sources_table_with_names_that_are_not_utf8(latin1_names, capsys, monkeypatch):
    """The table prints the names with their bytes shown as \\xNN."""
    monkeypatch.setenv("COLUMNS", "200")
    assert main(["sources", str(latin1_names)]) == 0
    out = capsys.readouterr().out
    assert "caf\\xe9" in out and "story\\xff" in out


def test_names_that_are_not_utf8_in_a_real_process(latin1_names):
    """With stdout encoding strictly (as under en_US.UTF-8), the process prints valid UTF-8 JSON and exits 0."""
    result = subprocess.run(
        [sys.executable, "-m", "tui", "sources", "--json", str(latin1_names)],
        check=False,
        capture_output=True,
        cwd=REPO,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        timeout=60,
    )
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    assert b"Traceback" not in result.stderr
    assert "caf\\xe9" in json.loads(result.stdout.decode("utf-8"))["sources"][0]["outlet"]


# Terminal hygiene --------------------------------------------------------------------------------

# A CSI (C1 control), a right-to-left override and a first-strong isolate: each would act on a terminal.
ACTIVE = "\x9b\u202e\u2068"


def test_json_escapes_c1_controls_and_bidi_overrides(tmp_path, capsys):
    """`--json` writes them as \\u escapes, never raw, and the JSON still parses to the text as written."""
    title = f"Kato {ACTIVE} card"
    front_matter = '---\ntitle: "Kato \\x9b\\u202e\\u2068 card"\n---\nBody.\n'
    folder = write_corpus(tmp_path, {"a.md": front_matter, "b.txt": OTHER})
    assert main(["sources", "--json", str(folder)]) == 0
    out = capsys.readouterr().out
    assert not any(char in out for char in ACTIVE)
    assert "Kato \\u009b\\u202e\\u2068 card" in out
    assert json.loads(out)["sources"][0]["title"] == title


@pytest.mark.parametrize(
    "argv",
    [
        ["sources", f"--bogus{ACTIVE}\x1b[2J"],
        ["sources", "one", f"two{ACTIVE}\x1b[2J"],
        ["export", "--format", f"md{ACTIVE}\x1b[2J"],
    ],
    ids=["unknown-option", "extra-argument", "bad-choice"],
)
def test_argparse_errors_show_control_characters_as_symbols(capsys, argv):
    """argparse's own error line shows an escape as ␛ and C1 or bidi controls as \ufffd; exit status 2."""
    with pytest.raises(SystemExit) as caught:
        main(argv)
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert "error:" in err
    assert not any(char in err for char in ACTIVE + "\x1b")
    # argparse quotes a bad choice with repr(), which escapes it already.
    assert "\ufffd\ufffd\ufffd\u241b[2J" in err or "\\x9b\\u202e\\u2068\\x1b[2J" in err


def test_argparse_errors_show_undecodable_bytes_as_escapes(capsys):
    """An argument that is not UTF-8 (held as a lone surrogate) shows its byte as \\xff."""
    with pytest.raises(SystemExit):
        main(["sources", "one", os.fsdecode(b"two\xff")])
    assert "two\\xff" in capsys.readouterr().err


@pytest.mark.parametrize("separator", ["\n", "\u2028", "\u2029", "\x85", "\x1e", "\r"], ids=repr)
def test_an_error_naming_a_file_with_a_line_break_stays_one_line(tmp_path, capsys, separator):
    """Whatever breaks a line (as str.splitlines sees it) in a bad file's name is shown as a symbol."""
    folder = write_corpus(tmp_path, {f"evil{separator}name.txt": PNG, "other.txt": OTHER})
    assert main(["sources", str(folder)]) == 2
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1, err
    assert "evil" in err and "name.txt" in err


def test_the_reader_refuses_a_notes_path_that_is_a_folder_before_it_starts(tmp_path):
    """`kato-tui --notes FOLDER` exits 2 with one line naming it, in a real process, without opening the reader."""
    result = subprocess.run(
        [sys.executable, "-m", "tui", "--notes", str(tmp_path)],
        check=False,
        capture_output=True,
        text=True,
        cwd=REPO,
        stdin=subprocess.DEVNULL,
        timeout=60,
    )
    assert result.returncode == 2
    assert len(result.stderr.splitlines()) == 1, result.stderr
    assert str(tmp_path) in result.stderr and "a folder" in result.stderr
