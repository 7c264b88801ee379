"""What the engine hands out: records, notices, locks and the views of an event.

Everything here is plain data with ids, never display text, so the plain
mode, the TUI and the reports can word it (and translate it) as they like.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # annotations only: the save layer reads Record before the title, without the content model
    from game.engine.content import Choice, Event


@dataclass(frozen=True, slots=True)
class Record:
    """One score change: the rule that caused it and why. ``shadow`` is a comparison system."""

    day: int
    system: str
    rule: str
    points: float
    score: float
    cause: str
    shadow: bool = False


@dataclass(frozen=True, slots=True)
class Notice:
    """Something the player should be told. ``kind`` says which fields of ``data`` are set.

    Kinds: ``day`` (day), ``score`` (record), ``tier`` (system, old, new, gained,
    lost), ``privilege`` (privilege, held, by), ``list`` (list, on), ``stat``
    (stat, delta, value), ``text`` (text, source: event/choice/outcome/daily id, day: the day it was said),
    ``friend`` (character, friend), ``move`` (city, from), ``enrol`` (system, enrolled), ``goal`` (goal,
    met), ``quiet`` (day with nothing to do), ``end`` (text, day).
    """

    kind: str
    data: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class LockReason:
    """Why a choice is locked.

    ``kind``: ``tier_revokes`` (privilege, system, tier; ``unlock``: the nearest
    grade up that lifts it, or "", and the points ``short`` of it; and ``reported``: True when
    only the premise as reported revokes it), ``list_revokes``
    (privilege, list), ``privilege_tier`` (privilege, system, tier that grants it,
    tier now, points ``short`` of it, ``up``: granted from that tier up),
    ``privilege_missing`` (privilege; ``join``: a system of the scenario not joined that would grant
    it, or ""; ``none``: True when nothing in the life's world grants it), ``listed`` (list: you
    are on it), ``not_listed`` (list: only for those on it), ``tier`` (system,
    tier needed, tier now, points ``short`` of it: None when not enrolled), ``compare`` (namespace, id, op, value, now),
    ``friend`` (character), ``text`` (the writer's locked_text only).
    ``detail`` is the writer's locked_text, if any.
    """

    kind: str
    args: dict[str, Any]
    detail: str = ""


@dataclass(frozen=True, slots=True)
class ChoiceView:
    """A visible choice; ``lock`` is None when it can be taken."""

    choice: Choice
    lock: LockReason | None

    @property
    def enabled(self) -> bool:
        return self.lock is None


@dataclass(frozen=True, slots=True)
class EventView:
    """The event waiting for the player, with its visible choices."""

    event: Event
    choices: tuple[ChoiceView, ...]
    day: int


class ChoiceError(ValueError):
    """A choice that cannot be taken now (unknown, hidden, locked, or no event waiting)."""
