"""Fixtures for every test: the user's config, state and cache folders are temporary ones."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def private_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The user's config folder (keys, theme), state folder (where each story was left) and analysis cache are
    temporary: no test reads the real settings or analyses, or leaves a place or an analysis behind."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("KATO_TUI_CACHE", str(tmp_path / "cache"))
    return tmp_path
