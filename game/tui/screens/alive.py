"""Screens closed by a quick key before they were shown: how to tell, and a Select that copes."""

from __future__ import annotations

from textual import events
from textual.screen import Screen
from textual.widgets import Select


def alive(screen: Screen) -> bool:
    """True while ``screen`` is on the app's screen stack.

    A quick key (Enter held down, Escape pressed twice) can dismiss a screen
    before its ``on_mount`` runs; its widgets are then gone, and a handler
    that fills them must do nothing instead of failing.
    """
    try:
        return screen in screen.app.screen_stack
    except Exception:  # no app (never mounted) or no stack (the app is closing)
        return False


class SafeSelect(Select):
    """Textual's Select, except that it does nothing when its screen closed before it mounted.

    Select's own mount handler looks up its drop-down, which is gone by then,
    and fails; this handler runs first and stops the others in that case.
    """

    def _on_mount(self, event: events.Mount) -> None:
        if not self.children:  # removed before it was shown: nothing to set up
            event.prevent_default()
