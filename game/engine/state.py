"""The state of one life: what started it (:class:`Setup`) and everything that changes (:class:`State`).

Content is never stored here, only ids and numbers. These dataclasses are the
one definition of a life's state: saves convert them to and from JSON as they
are (see :mod:`game.saves.format`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from game.engine.model import Record


@dataclass
class Setup:
    """What starts a life: the scenario, the seed and the facilitator's options."""

    scenario: str
    seed: int
    days: int | None = None
    settings: dict[str, Any] = field(default_factory=dict)
    rule_overrides: dict[str, float] = field(default_factory=dict)  # "system.rule" → points
    spaced: bool = True
    """Whether the default repetition gap and fading weights apply (:mod:`game.engine.repetition`);
    lives saved before them (save format 2 and older) go on without them, as they were played."""


@dataclass
class State:
    """Everything that changes during a life."""

    scenario: str
    seed: int
    rng: int
    length: int
    city: str
    day: int = 1
    enrolled: list[str] = field(default_factory=list)
    shadow: list[str] = field(default_factory=list)
    scores: dict[str, float] = field(default_factory=dict)
    tiers: dict[str, str] = field(default_factory=dict)
    stats: dict[str, float] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)
    base_privileges: set[str] = field(default_factory=set)
    privileges: set[str] = field(default_factory=set)
    lists: set[str] = field(default_factory=set)
    friends: set[str] = field(default_factory=set)
    char_scores: dict[str, dict[str, float]] = field(default_factory=dict)
    settings: dict[str, Any] = field(default_factory=dict)
    event_last: dict[str, int] = field(default_factory=dict)
    event_count: dict[str, int] = field(default_factory=dict)
    chosen: set[str] = field(default_factory=set)
    rule_uses: dict[str, list[int]] = field(default_factory=dict)
    scheduled: list[tuple[int, str]] = field(default_factory=list)  # (day, event id), kept sorted
    today_target: int = 0
    today_drawn: int = 0  # drawn by weight today (follow-ups do not count)
    today_events: list[str] = field(default_factory=list)
    current: str | None = None
    records: list[Record] = field(default_factory=list)
    log: list[tuple[int, str, str]] = field(default_factory=list)  # (day, event id, choice id): the choice log
    goals: dict[str, int] = field(default_factory=dict)  # goal → day met, or -day missed
    privilege_log: list[tuple[int, str, bool, str]] = field(default_factory=list)  # (day, privilege, held, cause)
    history: dict[str, list[float]] = field(default_factory=dict)  # system → score at each day's end
    quiet_days: list[int] = field(default_factory=list)  # days when an event was wanted but none was eligible
    ended: bool = False
    ending: str = ""
