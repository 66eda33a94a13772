"""The yardstick of bench_ui.py: a plain Textual app that shows the same article texts side by side.

    python benchmarks/plain_reader.py [FOLDER] [--columns N]

It reads every .md and .txt file of FOLDER (the bundled story by default) in file-name order, drops
the YAML front matter, and shows the first N bodies (5 by default: as many as kato-tui shows at 200
columns) in a Horizontal of VerticalScroll columns, each holding one Static. Nothing else: no
analysis, no header, no status line, and no import of kato-tui. The focused column scrolls with
down/up (Textual's own bindings, as j/k and down/up are one binding in kato-tui) and `q` quits.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Static

BUNDLED = Path(__file__).resolve().parent.parent / "corpus"
"""The bundled story in a checkout."""


def read_bodies(folder: Path) -> list[str]:
    """Every article's body in file-name order: the file's text after its front matter, if any."""
    bodies = []
    for path in sorted(p for p in folder.iterdir() if p.suffix in {".md", ".txt"} and p.is_file()):
        text = path.read_text(encoding="utf-8", errors="replace")
        if text.startswith("---\n"):
            end = text.find("\n---\n", 4)
            text = text[end + 5 :] if end >= 0 else text
        bodies.append(text)
    return bodies


class PlainReader(App[None]):
    """Article texts side by side, one scrolling column each."""

    CSS = """
    Horizontal { height: 1fr; }
    VerticalScroll { width: 1fr; height: 1fr; padding: 0 1; }
    """
    BINDINGS = [Binding("q", "quit", "Quit")]

    def __init__(self, bodies: list[str], columns: int = 5) -> None:
        super().__init__()
        self.bodies = bodies[:columns]

    def compose(self) -> ComposeResult:
        with Horizontal():
            for body in self.bodies:
                with VerticalScroll():
                    yield Static(body, markup=False)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, default=BUNDLED)
    parser.add_argument("--columns", type=int, default=5)
    args = parser.parse_args(argv)
    PlainReader(read_bodies(args.folder), args.columns).run()


if __name__ == "__main__":
    sys.exit(main())
