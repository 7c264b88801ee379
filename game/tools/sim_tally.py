"""Simulated lives added up as they come: counts, sets and value histograms, never the lives themselves.

``citizen simulate`` keeps one :class:`RunTally`; each life is folded in as it
ends (:meth:`RunTally.add`), so memory depends on the content (events, days,
distinct scores), not on the number of lives. With ``--jobs N`` each worker
folds its batch into its own tally and the parent merges them in batch order
(:meth:`RunTally.merge`): the same lives give the same tally either way.

Medians are taken exactly from histograms (value → how many lives), which is
what a sorted list of the values would give. Plain data only: picklable, no
content, no engine.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from game.tools.sim_run import LifeResult


def median_of(histogram: Counter) -> float | None:
    """The median of the values a histogram counts (as :func:`statistics.median` of the expanded list)."""
    n = sum(histogram.values())
    if not n:
        return None
    low_at, high_at = (n - 1) // 2, n // 2
    low: Any = None
    high: Any = None
    seen = 0
    for value in sorted(histogram):
        seen += histogram[value]
        if low is None and seen > low_at:
            low = value
        if seen > high_at:
            high = value
            break
    return low if n % 2 else (low + high) / 2


def _merge_nested(into: dict, other: dict) -> None:
    """Add counters kept under keys (and under keys of keys), keeping the order keys first appeared in."""
    for key, value in other.items():
        if isinstance(value, Counter):
            into.setdefault(key, Counter()).update(value)
        else:
            _merge_nested(into.setdefault(key, {}), value)


@dataclass(slots=True)
class ScenarioTally:
    """What the lives of one scenario add up to."""

    runs: int = 0
    length: int = 0
    quiet: Counter = field(default_factory=Counter)  # day → dead-end days on it
    dead_end_lives: int = 0
    stuck: Counter = field(default_factory=Counter)  # (event, day) → lives stuck there
    early_days: Counter = field(default_factory=Counter)  # day an `end` effect ended a life → lives
    endings: Counter = field(default_factory=Counter)  # ending text → lives
    tiers: dict[str, Counter] = field(default_factory=dict)  # system → final tier → lives
    scores: dict[str, dict[int, Counter]] = field(default_factory=dict)  # system → day → score → lives
    lost: dict[str, Counter] = field(default_factory=dict)  # privilege → first day lost → lives
    goals_met: dict[str, Counter] = field(default_factory=dict)  # goal → day met → lives
    events: Counter = field(default_factory=Counter)  # event → lives it fired in
    fired: Counter = field(default_factory=Counter)  # event → times fired, over the scenario's lives
    max_repeats: Counter = field(default_factory=Counter)  # times the most repeated non-routine event fired in a life → lives
    routine_repeats: Counter = field(default_factory=Counter)  # the same for routines (``repeatable`` events) → lives
    repeated: Counter = field(default_factory=Counter)  # non-routine event → lives it fired in more than twice
    tier_jumps: dict[str, tuple[int, str]] = field(default_factory=dict)
    """``system:up`` / ``system:down`` → (most tiers one choice moved it that way, the choice)."""

    def _jump(self, system: str, jump: tuple[int, str]) -> None:
        if jump[0] > self.tier_jumps.get(system, (0, ""))[0]:
            self.tier_jumps[system] = jump

    def add(self, life: LifeResult) -> None:
        self.runs += 1
        self.length = max(self.length, life.length)
        self.quiet.update(life.quiet_days)
        if life.quiet_days:
            self.dead_end_lives += 1
        if life.stuck:
            self.stuck[life.stuck] += 1
        if life.ending:
            self.early_days[life.day] += 1
            self.endings[life.ending] += 1
        for system, tier in life.tiers.items():
            self.tiers.setdefault(system, Counter())[tier] += 1
        for system, points in life.history.items():
            by_day = self.scores.setdefault(system, {})
            for day, score in points:
                counts = by_day.get(day)
                if counts is None:
                    counts = by_day[day] = Counter()
                counts[score] += 1
        for privilege, day in life.lost.items():
            self.lost.setdefault(privilege, Counter())[day] += 1
        for goal, day in life.goals.items():
            if day > 0:
                self.goals_met.setdefault(goal, Counter())[day] += 1
        self.events.update(life.events.keys())
        self.fired.update(life.events)
        most = most_routine = 0
        for event, times in life.events.items():
            if event in life.routines:
                most_routine = max(most_routine, times)
            else:
                most = max(most, times)
                if times > 2:
                    self.repeated[event] += 1
        self.max_repeats[most] += 1
        self.routine_repeats[most_routine] += 1
        for system, jump in life.tier_jumps.items():
            self._jump(system, jump)

    def merge(self, other: ScenarioTally) -> None:
        self.runs += other.runs
        self.length = max(self.length, other.length)
        self.dead_end_lives += other.dead_end_lives
        for mine, theirs in (
            (self.quiet, other.quiet),
            (self.stuck, other.stuck),
            (self.early_days, other.early_days),
            (self.endings, other.endings),
            (self.events, other.events),
            (self.fired, other.fired),
            (self.max_repeats, other.max_repeats),
            (self.routine_repeats, other.routine_repeats),
            (self.repeated, other.repeated),
        ):
            mine.update(theirs)
        nested: tuple[tuple[dict[str, Any], dict[str, Any]], ...] = (
            (self.tiers, other.tiers),
            (self.scores, other.scores),
            (self.lost, other.lost),
            (self.goals_met, other.goals_met),
        )
        for into, more in nested:
            _merge_nested(into, more)
        for system, jump in other.tier_jumps.items():
            self._jump(system, jump)


@dataclass(slots=True)
class RunTally:
    """What every life of a run adds up to: per scenario, and across scenarios."""

    scenarios: dict[str, ScenarioTally] = field(default_factory=dict)
    fired: Counter = field(default_factory=Counter)  # event → times fired, over all lives
    offered: set[tuple[str, str]] = field(default_factory=set)
    enabled: set[tuple[str, str]] = field(default_factory=set)
    taken: set[tuple[str, str]] = field(default_factory=set)
    recorded: set[tuple[str, str]] = field(default_factory=set)  # (system, rule) pairs some life scored
    lives: int = 0

    def add(self, results: Iterable[LifeResult]) -> RunTally:
        for life in results:
            self.lives += 1
            scenario = self.scenarios.get(life.scenario)
            if scenario is None:
                scenario = self.scenarios[life.scenario] = ScenarioTally()
            scenario.add(life)
            self.fired.update(life.events)
            self.offered |= life.offered
            self.enabled |= life.enabled
            self.taken.update(life.taken)
            self.recorded |= life.recorded
        return self

    def merge(self, other: RunTally) -> None:
        self.lives += other.lives
        for scenario_id, tally in other.scenarios.items():
            self.scenarios.setdefault(scenario_id, ScenarioTally()).merge(tally)
        self.fired.update(other.fired)
        self.offered |= other.offered
        self.enabled |= other.enabled
        self.taken |= other.taken
        self.recorded |= other.recorded
