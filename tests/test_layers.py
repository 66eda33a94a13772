"""The one architectural rule: tui/core never imports Textual or Rich."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]

# In a fresh interpreter: imports the given modules (and, with --core, every module under
# tui/core, found with pkgutil so new modules are covered too), then reports which UI
# packages got loaded.
PROBE = """
import importlib, json, pkgutil, sys
wanted = [name for name in sys.argv[1:] if name != "--core"]
if "--core" in sys.argv:
    import tui.core
    wanted += [info.name for info in pkgutil.walk_packages(tui.core.__path__, "tui.core.")]
for name in wanted:
    importlib.import_module(name)
loaded = sorted(name for name in sys.modules if name.split(".")[0] in {"textual", "rich"})
print(json.dumps({"imported": wanted, "ui": loaded}))
"""


def probe(*args: str) -> dict:
    """Run PROBE in a fresh interpreter and return its report; a module that fails to import fails the test."""
    result = subprocess.run(
        [sys.executable, "-c", PROBE, *args], capture_output=True, text=True, cwd=REPO, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_core_never_imports_textual_or_rich():
    """Importing tui, tui.core.corpus, tui.core.model and every other core module loads no textual or rich."""
    report = probe("--core", "tui", "tui.core.corpus", "tui.core.model")
    assert {"tui.core.corpus", "tui.core.model"} <= set(report["imported"])
    assert report["ui"] == []


@pytest.mark.parametrize("module", ["rich.text", "textual.app"])
def test_probe_notices_ui_imports(module):
    """The probe itself is not blind: importing a UI module does show up."""
    assert module.split(".")[0] in {name.split(".")[0] for name in probe(module)["ui"]}
