"""The widgets of the reader."""
