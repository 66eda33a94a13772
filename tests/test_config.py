"""The settings file: reading remaps and the theme, naming what is wrong, writing the theme back, `kato-tui config`."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tui.cli import main
from tui.ui.config import clashes, config_path, default_text, load_config, save_theme
from tui.ui.keymap import KEYS

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib


def _config(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_table_binds_no_key_twice_in_one_place() -> None:
    """The defaults never clash, and every action has a name of its own."""
    assert clashes({}) == []
    assert len({key.name for key in KEYS}) == len(KEYS)


def test_a_missing_file_is_the_defaults(tmp_path: Path) -> None:
    config = load_config(tmp_path / "none.toml")
    assert config.keys == {} and config.theme is None and config.warning is None
    assert config.keymap["next_match"] == "n"


def test_keys_are_read_as_one_key_a_list_or_a_comma_list_and_named_as_textual_names_them(tmp_path: Path) -> None:
    config = load_config(_config(tmp_path, '[keys]\nnext_match = "x"\nprevious_match = ["X", "ctrl+b"]\nhelp = "?,f1"\nnext_dispute = "ctrl+]"\n'))
    assert config.warning is None
    assert config.keys == {"next_match": "x", "previous_match": "X,ctrl+b", "help": "question_mark,f1", "next_dispute": "ctrl+right_square_bracket"}


def test_each_wrong_line_is_named_and_only_it_falls_back(tmp_path: Path) -> None:
    text = '[keys]\nnxt = "x"\nunique = "ctrl+nokey"\nannotate = 3\nexport_md = "ctrl+e"\nnext_match = "x"\n[ui]\ntheme = "no-such"\n'
    config = load_config(_config(tmp_path, text))
    assert config.keys == {"next_match": "x"}
    assert config.theme is None
    warning = config.warning or ""
    for named in ("'nxt'", "'ctrl+nokey'", "annotate", "export_md", "'no-such'"):
        assert named in warning, named
    assert "\n" not in warning and warning.endswith("the defaults are used for those")


def test_a_key_bound_twice_keeps_the_defaults(tmp_path: Path) -> None:
    """u for notes clashes with u for unique (both on the reader): the notes key stays m; x in the notes panel is another place."""
    config = load_config(_config(tmp_path, '[keys]\nnotes_panel = "u"\nnext_match = "x"\n'))
    assert config.keys == {"next_match": "x"}
    assert "notes_panel" in (config.warning or "") and "twice" in (config.warning or "")


def test_a_swap_of_two_keys_is_no_clash(tmp_path: Path) -> None:
    config = load_config(_config(tmp_path, '[keys]\nnext_match = "N"\nprevious_match = "n"\n'))
    assert config.warning is None and config.keys == {"next_match": "N", "previous_match": "n"}


def test_a_file_that_is_not_toml_is_the_defaults_with_a_warning(tmp_path: Path) -> None:
    config = load_config(_config(tmp_path, "[keys\n"))
    assert config.keys == {} and "cannot be read" in (config.warning or "")


def test_the_theme_is_written_back_keeping_every_other_line(tmp_path: Path) -> None:
    text = '# mine\n[keys]\nnext_match = "x"  # x is nearer\n\n[ui]\n# theme = "old"\n'
    path = _config(tmp_path, text)
    assert save_theme(path, "nord")
    written = path.read_text(encoding="utf-8")
    assert written.startswith('# mine\n[keys]\nnext_match = "x"  # x is nearer\n')
    assert tomllib.loads(written)["ui"]["theme"] == "nord"
    assert save_theme(path, "gruvbox") and tomllib.loads(path.read_text(encoding="utf-8"))["ui"] == {"theme": "gruvbox"}


def test_the_theme_is_not_written_into_a_file_that_is_not_toml(tmp_path: Path) -> None:
    path = _config(tmp_path, "[keys\n")
    assert not save_theme(path, "nord")
    assert path.read_text(encoding="utf-8") == "[keys\n"


def test_the_default_file_lists_every_action_with_a_key_and_reads_as_the_defaults(tmp_path: Path) -> None:
    text = default_text()
    for key in KEYS:
        assert (f"# {key.name} = " in text) == bool(key.keys), key.name
    uncommented = "\n".join(line.removeprefix("# ") if " = " in line and not line.startswith("# theme") else line for line in text.splitlines())
    config = load_config(_config(tmp_path, uncommented))
    assert config.warning is None and config.keymap == load_config(tmp_path / "none.toml").keymap


def test_config_prints_the_path_and_creates_the_file_on_request(capsys: pytest.CaptureFixture[str]) -> None:
    """The path is in the (temporary) config folder; --create writes the commented defaults once, then leaves the file alone."""
    path = config_path()
    assert main(["config"]) == 0
    assert capsys.readouterr().out.strip() == str(path) and not path.exists()
    assert main(["config", "--create"]) == 0
    assert capsys.readouterr().out.strip() == str(path)
    assert path.read_text(encoding="utf-8") == default_text()
    path.write_text('[keys]\nnext_match = "x"\n', encoding="utf-8")
    assert main(["config", "--create"]) == 0
    assert "there already" in capsys.readouterr().err and path.read_text(encoding="utf-8") == '[keys]\nnext_match = "x"\n'


def test_config_warns_on_stderr_about_a_bad_file(capsys: pytest.CaptureFixture[str]) -> None:
    path = config_path()
    path.parent.mkdir(parents=True)
    path.write_text('[keys]\nnext_match = "ctrl+"\n', encoding="utf-8")
    assert main(["config"]) == 0
    captured = capsys.readouterr()
    assert captured.out.strip() == str(path)
    [warning] = captured.err.splitlines()
    assert warning.startswith("kato-tui: warning: ") and "next_match" in warning
