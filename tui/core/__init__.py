"""The headless core: text in, plain data out. Never imports Textual or Rich (a test keeps it so)."""
