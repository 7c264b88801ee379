"""The mutable state of one life, and its plain-JSON form for saves.

Content is never stored here, only ids and numbers; sets are kept sorted in
the JSON form so that two equal states always serialise identically.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
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

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Setup:
        return cls(**{f.name: data[f.name] for f in fields(cls) if f.name in data})


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
    scheduled: list[list] = field(default_factory=list)  # [day, event id], kept sorted
    today_target: int = 0
    today_drawn: int = 0  # drawn by weight today (follow-ups do not count)
    today_events: list[str] = field(default_factory=list)
    current: str | None = None
    records: list[Record] = field(default_factory=list)
    log: list[list] = field(default_factory=list)  # [day, event id, choice id]
    goals: dict[str, int] = field(default_factory=dict)  # goal → day met, or -day missed
    privilege_log: list[list] = field(default_factory=list)  # [day, privilege, held, cause]
    history: dict[str, list[float]] = field(default_factory=dict)  # system → score at each day's end
    quiet_days: list[int] = field(default_factory=list)  # days when an event was wanted but none was eligible
    ended: bool = False
    ending: str = ""

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict; equal states give equal dicts."""
        out: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, set):
                value = sorted(value)
            elif f.name == "records":
                value = [r.to_list() for r in value]
            elif isinstance(value, dict | list):
                value = _copy(value)
            out[f.name] = value
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> State:
        kwargs: dict[str, Any] = {}
        for f in fields(cls):
            if f.name not in data:
                continue
            value = data[f.name]
            if f.name in ("flags", "base_privileges", "privileges", "lists", "friends", "chosen"):
                value = set(value)
            elif f.name == "records":
                value = [Record.from_list(r) for r in value]
            kwargs[f.name] = _copy(value)
        return cls(**kwargs)


def _copy(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _copy(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_copy(v) for v in value]
    return value
