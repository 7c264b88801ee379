"""How soon and how often an event comes back.

An event drawn by weight waits at least its gap before it can be drawn again:
its own ``cooldown`` if it sets one, else :data:`DEFAULT_GAP` days; a routine
(``repeatable``) waits only for the next day. Each time a non-routine event
has been seen its weight falls (:func:`fade`), so a long life meets more of its
pool before anything comes back. Follow-ups are scheduled, not drawn: neither
rule applies to them. A life whose setup is not ``spaced`` (saves made before
these rules) has only the gaps its events set themselves.
"""

from __future__ import annotations

from game.engine.content import Event

DEFAULT_GAP = 10
"""Days an event waits before it may be drawn again, unless it sets ``cooldown`` or is ``repeatable``."""

FADE = 0.5
"""Each sighting multiplies a non-routine event's weight by this."""

FLOOR = 0.125
"""The weight never falls below this share of the written weight (a draw stays cheap)."""


def gap(event: Event, spaced: bool) -> int:
    """Days ``event`` waits after it was drawn before it may be drawn again (0: the next day)."""
    if event.cooldown or event.repeatable or not spaced:
        return event.cooldown
    return DEFAULT_GAP


def fade(event: Event, seen: int, spaced: bool) -> float:
    """The share of its weight ``event`` keeps after it has been seen ``seen`` times (1.0: all of it)."""
    if not seen or event.repeatable or not spaced:
        return 1.0
    return max(FLOOR, FADE**seen)
