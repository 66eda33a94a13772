"""The screens and dialogs over the reader."""
