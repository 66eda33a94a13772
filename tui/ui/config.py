"""The user's settings: a TOML file in the platform's config folder that remaps keys and keeps the theme.

    [keys]
    next_match = "j"                # one key, several with commas ("j,ctrl+n"), or a list
    [ui]
    theme = "nord"                  # the theme chosen in the palette is written back here

A bad file never stops the reader: what is wrong is named in one warning line and its defaults are used.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from platformdirs import user_config_dir
from textual.keys import KEY_NAME_REPLACEMENTS, Keys, format_key
from textual.theme import BUILTIN_THEMES

from tui.core.files import write_atomic
from tui.ui.keymap import BY_NAME, KEYS, Key, display, scopes

if TYPE_CHECKING:
    from types import ModuleType

MODIFIERS = {"ctrl", "shift", "alt", "meta", "super", "hyper"}
_NAMED = {value.rsplit("+", 1)[-1] for value in Keys} - {"<any>", "<ignore>", "<scroll-down>", "<scroll-up>"}
_NAMED |= set(KEY_NAME_REPLACEMENTS.values())
_UI_HEADER = re.compile(r"^\s*\[\s*ui\s*\]\s*(#.*)?$")
_THEME_LINE = re.compile(r"^\s*theme\s*=")
_TABLE_HEADER = re.compile(r"^\s*\[")
_READING = {"reader": ("app", "searching"), "view": ("app", "searching")}
"""Scopes always on the way from a column to the app: a key in one of them shadows the app's (and the keys a search
binds before the app's), so they share their keys; the search's keys stand in for the app's while a search is on."""


def config_path() -> Path:
    """Where the settings live: `config.toml` in the user's config folder (~/.config/kato-tui/ on Linux)."""
    return Path(user_config_dir("kato-tui", appauthor=False)) / "config.toml"


@dataclass
class Config:
    """The settings as read: the keys remapped (by action name, Textual key lists) and the theme, and what was wrong."""

    path: Path | None = None
    """The file, or None for the defaults and nothing written (the screenshots, some tests)."""
    keys: dict[str, str] = field(default_factory=dict)
    theme: str | None = None
    problems: list[str] = field(default_factory=list)

    @property
    def keymap(self) -> dict[str, str]:
        """Every action's keys as they are bound now: the user's where given, else the table's."""
        return {key.name: self.keys.get(key.name, key.keys) for key in KEYS}

    @property
    def warning(self) -> str | None:
        """All that was wrong in one line, or None."""
        if not self.problems:
            return None
        return f"{self.path}: {'; '.join(self.problems)}; the defaults are used for those"


def load_config(path: Path | None = None) -> Config:
    """Read the settings (from `config_path()` unless given); a missing file is the defaults, a bad one the defaults with problems."""
    path = path if path is not None else config_path()
    config = Config(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return config
    except (OSError, UnicodeDecodeError) as error:
        config.problems.append(f"cannot be read ({error})")
        return config
    tomllib = _toml()
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        config.problems.append(f"cannot be read ({error})")
        return config
    keys, ui = data.get("keys", {}), data.get("ui", {})
    for table, value in (("keys", keys), ("ui", ui)):
        if not isinstance(value, dict):
            config.problems.append(f"[{table}] should be a table")
    if isinstance(keys, dict):
        config.keys = _remaps(keys, config.problems)
    if isinstance(ui, dict) and "theme" in ui:
        config.theme = _theme(ui["theme"], config.problems)
    return config


def _remaps(table: dict[str, object], problems: list[str]) -> dict[str, str]:
    """The valid remaps of a [keys] table, as Textual key lists; a remap that clashes with another key of its scope is dropped."""
    remaps: dict[str, str] = {}
    for name, value in table.items():
        key = BY_NAME.get(name)
        keys = _key_list(value)
        if key is None:
            problems.append(f"no action is called {name!r}")
        elif not key.keys:
            problems.append(f"{name} is a palette command without a key")
        elif keys is None:
            problems.append(f"{name}: {value!r} is not a key or a list of keys")
        elif bad := [one for one in keys if not valid_key(one)]:
            problems.append(f"{name}: {', '.join(map(repr, bad))} is no key")
        else:
            remaps[name] = ",".join(normal_key(one) for one in keys)
    for name in clashes(remaps):
        problems.append(f"{name}: {display(remaps.pop(name))} is bound twice")
    return remaps


def _key_list(value: object) -> list[str] | None:
    if isinstance(value, str):
        value = [part.strip() for part in value.split(",")] if value.strip() != "," else [","]
    if isinstance(value, list) and value and all(isinstance(one, str) and one.strip() for one in value):
        return [one.strip() for one in value]
    return None


def valid_key(key: str) -> bool:
    """Whether Textual can bind this: modifiers joined with + to a key name ("pageup", "f5") or one character."""
    *modifiers, last = key.split("+") if key != "+" else [key]
    return set(modifiers) <= MODIFIERS and (len(last) == 1 and last.isprintable() or last in _NAMED or _unicode_name(last))


def _unicode_name(name: str) -> bool:
    try:
        unicodedata.lookup(name.replace("_", " "))
    except KeyError:
        return False
    return True


def normal_key(key: str) -> str:
    """A key as Textual names it: "?" is "question_mark", "ctrl+]" is "ctrl+right_square_bracket"."""
    *modifiers, last = key.split("+") if key != "+" else [key]
    if len(last) == 1 and not last.isalnum():
        name = unicodedata.name(last, last).lower().replace("-", "_").replace(" ", "_")
        last = KEY_NAME_REPLACEMENTS.get(name, name)
    return "+".join([*modifiers, last])


def clashes(remaps: dict[str, str]) -> list[str]:
    """The remapped actions whose keys another action of the same scope has too (remapped or by default)."""
    owners: dict[tuple[str, str], set[str]] = defaultdict(set)
    for key in KEYS:
        for one in remaps.get(key.name, key.keys).split(","):
            for scope in scopes(key) if one else ():
                for place in _READING.get(scope, (scope,)):
                    owners[place, normal_key(one)].add(key.name)
    return sorted({name for names in owners.values() if len(names) > 1 for name in names if name in remaps})


def _toml() -> ModuleType:
    """The TOML parser, imported when there is a settings file: most readers have none, and start without it."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib
    return tomllib


def _theme(value: object, problems: list[str]) -> str | None:
    if isinstance(value, str) and value in BUILTIN_THEMES:
        return value
    problems.append(f"theme {value!r} is not one of {', '.join(BUILTIN_THEMES)}")
    return None


def save_theme(path: Path, theme: str) -> bool:
    """Set `[ui] theme` in the file, keeping every other line as the user wrote it; False (and the file
    untouched) when the file cannot be read as TOML or does not say the theme plainly enough to change."""
    tomllib = _toml()
    try:
        text = path.read_text(encoding="utf-8") if path.exists() else ""
        tomllib.loads(text)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False
    changed = _with_theme(text, theme)
    try:
        if tomllib.loads(changed).get("ui", {}).get("theme") != theme:
            return False
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, changed, private=False)
    except (OSError, tomllib.TOMLDecodeError, AttributeError):
        return False
    return True


def _with_theme(text: str, theme: str) -> str:
    line = f"theme = {_toml_string(theme)}"
    lines = text.splitlines()
    header = next((n for n, one in enumerate(lines) if _UI_HEADER.match(one)), None)
    if header is None:
        return text + ("\n" if text and not text.endswith("\n") else "") + f"\n[ui]\n{line}\n"
    end = next((n for n in range(header + 1, len(lines)) if _TABLE_HEADER.match(lines[n])), len(lines))
    at = next((n for n in range(header + 1, end) if _THEME_LINE.match(lines[n])), None)
    if at is None:
        lines.insert(header + 1, line)
    else:
        lines[at] = line
    return "\n".join(lines) + "\n"


def default_text() -> str:
    """A commented settings file listing every action with its default keys."""
    lines = [
        "# kato-tui settings. Remove the # in front of a line to change it; a wrong line is named in a",
        "# warning and its default used. Keys are Textual key names: a character (\"n\", \"N\", \"]\", \"?\"),",
        '# "ctrl+s", "escape", "enter", "tab", "space", "up", "pageup", "f1", ...; several keys as "j,down"',
        '# or ["j", "down"]. A key may be bound once in each place: the reader, a panel, the details.',
        "",
        "[keys]",
    ]
    section = ""
    for key in KEYS:
        if key.keys:
            if key.section != section:
                section = key.section
                lines.append(f"# {section}")
            lines.append(f"# {f'{key.name} = {_toml_string(_readable(key.keys))}':<36} # {_words(key)}")
    lines += ["", "[ui]", "# The theme: chosen in the palette (ctrl+p, then Theme), it is written here.", '# theme = "textual-dark"', ""]
    return "\n".join(lines)


def _readable(keys: str) -> str:
    """Keys as the file shows them: a symbol as itself ("]" for right_square_bracket), other names as Textual spells them."""
    shown = (format_key(one) for one in keys.split(","))
    return ",".join(symbol if len(symbol) == 1 and symbol.isascii() and not symbol.isalnum() and symbol != "," else one for one, symbol in zip(keys.split(","), shown))


def _words(key: Key) -> str:
    return key.help if not key.pair else f"{key.description[0].lower()}{key.description[1:]}"


def _toml_string(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def create_config(path: Path | None = None) -> tuple[Path, bool]:
    """Write the commented default file unless one is there; the path and whether it was written."""
    path = path if path is not None else config_path()
    if path.exists():
        return path, False
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, default_text(), private=False)
    return path, True
