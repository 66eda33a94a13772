"""The headless core: text in, plain data out. Standard library and rapidfuzz only, never Textual or Rich."""
