"""The Textual app: renders core data and turns keys into calls."""
