"""Bounds that keep every life finite, whatever a pack asks for (the loader refuses packs past them too)."""

MAX_EVENTS_PER_DAY = 20
"""Events fired in one day at most; follow-ups still due wait for the next morning."""

MAX_PENDING_FOLLOW_UPS = 200
"""Follow-ups waiting at once at most; a schedule beyond that is dropped."""
