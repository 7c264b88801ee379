"""What the app's helpers (:mod:`game.tui.saving`, :mod:`game.tui.workshop_seat`) ask of the app.

They are handed Textual's ``App`` for notifications and modals, and the app's
:class:`~game.tui.navigation.Navigation` as a :class:`Shell` for the way between
screens, so that none of them imports the app.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from game.engine.life import Life
    from game.engine.state import Setup


class Shell(Protocol):
    """The app's way between screens."""

    defaults: Setup | None
    """The setup the new-life screen starts from."""

    def start_life(self, setup: Setup) -> None:
        """Begin the life of ``setup`` and show its first day."""

    def resume(self, life: Life, note: str) -> None:
        """Show the life the session goes on with, and ``note`` about it."""
