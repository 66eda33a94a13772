"""Footer: Textual's footer, rebuilt only when the keys it shows change."""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer as TextualFooter


class Footer(TextualFooter):
    """Textual's footer, which mounts all its keys again whenever the focus moves (a layout of the whole
    screen, most of what `tab` cost); this one does so only when the keys it shows, their words or whether
    they are enabled, change. The columns all have the same keys, so moving between them costs nothing here."""

    _shown: tuple[tuple[str, str, str, bool, str], ...] | None = None

    def bindings_changed(self, screen: Screen) -> None:
        shown = tuple(
            (binding.key, binding.action, binding.description, enabled, tooltip)
            for _, binding, enabled, tooltip in screen.active_bindings.values()
            if binding.show
        )
        if shown == self._shown and screen is self.screen:
            return
        if screen.app.app_focus and self.is_attached and screen is self.screen:
            self._shown = shown  # what the recompose below will show
        super().bindings_changed(screen)
