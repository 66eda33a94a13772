"""The `kato-tui` command's entry point, before anything else is imported."""

from __future__ import annotations

import gc


def main() -> int:
    """Run the command line with the cyclic garbage collector off until the reader's first frame is out.

    Importing Textual and our modules and building the first screen allocate a few hundred thousand objects that
    all live on: the collector would run some 200 times before the first frame, scanning them for next to no
    garbage. It is turned back on by `tui.cli.main` for every command but the reader, and by the reader once its
    first frame is on screen."""
    gc.disable()
    from tui.cli import main as run

    return run()
