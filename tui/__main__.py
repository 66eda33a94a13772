"""Run the command line with ``python -m tui``."""

from tui.entry import main

if __name__ == "__main__":  # not when a process the reader starts (the analysis) imports this as its main module
    raise SystemExit(main())
