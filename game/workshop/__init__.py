"""Workshops: a facilitator's file that sets up everyone's life, and what it changes.

``open_workshop(path)`` reads a ``workshop.toml``, loads its packs and checks it
(raising :class:`WorkshopError` with every problem); ``validate_workshop(path)``
collects the problems instead. A :class:`Workshop` gives each player's
:class:`~game.engine.state.Setup` and the :class:`~game.present.Display`.
"""

from __future__ import annotations

from game.workshop.load import WorkshopError, open_workshop, validate_workshop
from game.workshop.model import Workshop

__all__ = ["Workshop", "WorkshopError", "open_workshop", "validate_workshop"]
