"""The debrief of a class: many lives of one workshop, compared.

Figures (all computed from the lives' records and logs):

- final tier distribution per enrolled system;
- for each event more than one player met, the share of players who took each
  choice the first time they met it;
- who lost which privilege, on which day and why;
- the choices that moved scores most (mean points per time taken, enrolled systems);
- safe versus defiant: a choice is *defiant* when, in any life of the class,
  taking it led to a deduction (a negative record caused by it or by one of its
  outcomes); every other choice is *safe*. Each player's count is over the
  choices they made.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from game.engine.content import Content
from game.reports.life import LifeReport, PrivilegeMoment, cause_words


@dataclass(frozen=True)
class ChoiceShare:
    choice: str
    label: str
    count: int
    share: float  # of the players who met the event


@dataclass(frozen=True)
class EventShares:
    event: str
    title: str
    players: int  # who met it
    choices: list[ChoiceShare]
    first_day: int  # the earliest day anyone met it


@dataclass(frozen=True)
class Loss:
    player: str
    moment: PrivilegeMoment


@dataclass(frozen=True)
class Mover:
    """A choice and how much it moved scores, over the whole class."""

    key: str
    text: str
    taken: int
    total: float
    mean: float
    by_system: dict[str, float]
    rules: list[str]


@dataclass(frozen=True)
class Stance:
    player: str
    safe: int
    defiant: int


@dataclass
class ClassReport:
    """Everything the class debrief shows, with the lives it came from."""

    lives: list[LifeReport]
    tiers: dict[str, list[tuple[str, str, int]]]  # system → [(tier id, tier name, players)], highest first
    system_names: dict[str, str]
    events: list[EventShares]
    losses: list[Loss]
    movers: list[Mover]
    stances: list[Stance]
    defiant_choices: set[str] = field(default_factory=set)
    not_enrolled: dict[str, int] = field(default_factory=dict)  # system → players not in it at the end

    @property
    def players(self) -> int:
        return len(self.lives)

    @property
    def safe_total(self) -> int:
        return sum(s.safe for s in self.stances)

    @property
    def defiant_total(self) -> int:
        return sum(s.defiant for s in self.stances)


def label_of(life: LifeReport) -> str:
    """How the report names a player: the name given, else the save's name."""
    return life.player or life.name or f"seed {life.seed}"


def defiant_choices(lives: list[LifeReport]) -> set[str]:
    """``event/choice`` keys that led to a deduction in at least one life."""
    out: set[str] = set()
    for life in lives:
        for rec in life.records:
            if not rec.shadow and rec.points < 0 and not rec.cause.startswith("daily:"):
                out.add("/".join(rec.cause.split("/")[:2]))
    return out


def class_report(content: Content, lives: list[LifeReport]) -> ClassReport:
    """Compare ``lives`` (of one workshop, under ``content``)."""
    systems: list[str] = []
    for life in lives:
        for s in life.series:
            if not s.shadow and s.system not in systems:
                systems.append(s.system)
    tiers: dict[str, list[tuple[str, str, int]]] = {}
    names: dict[str, str] = {}
    missing: dict[str, int] = {}
    for system in systems:
        counts = Counter(life.final_tier(system) for life in lives if life.final_tier(system))
        bands = next(s.bands for life in lives for s in life.series if s.system == system)
        names[system] = next(s.name for life in lives for s in life.series if s.system == system)
        tiers[system] = [(b.id, b.name, counts.get(b.id, 0)) for b in bands]
        missing[system] = len(lives) - sum(counts.values())
    return ClassReport(
        lives=lives,
        tiers=tiers,
        system_names=names,
        events=_event_shares(content, lives),
        losses=[Loss(label_of(life), m) for life in lives for m in life.moments if not m.held],
        movers=_movers(content, lives),
        stances=_stances(lives, defiant := defiant_choices(lives)),
        defiant_choices=defiant,
        not_enrolled=missing,
    )


def _event_shares(content: Content, lives: list[LifeReport]) -> list[EventShares]:
    firsts: dict[str, list[tuple[int, str]]] = {}
    for life in lives:
        seen: set[str] = set()
        for day, event, choice in life.log:
            if event not in seen:
                seen.add(event)
                firsts.setdefault(event, []).append((day, choice))
    out: list[EventShares] = []
    for event_id, taken in firsts.items():
        if len(taken) < 2 and len(lives) > 1:
            continue
        found = content.events.get(event_id)
        counts = Counter(choice for _, choice in taken)
        order = [c.id for c in found.choices] if found else sorted(counts)
        labels = {c.id: c.label for c in found.choices} if found else {}
        choices = [
            ChoiceShare(c, _plain(labels.get(c, c)), counts.get(c, 0), counts.get(c, 0) / len(taken))
            for c in [*order, *sorted(set(counts) - set(order))]
            if counts.get(c, 0) or c in order
        ]
        out.append(
            EventShares(event_id, _plain(found.title) if found else event_id, len(taken), choices, min(d for d, _ in taken))
        )
    return sorted(out, key=lambda e: (e.first_day, -e.players, e.event))


def _plain(text: str) -> str:
    from game.safe_text import to_plain

    return to_plain(text)


def _movers(content: Content, lives: list[LifeReport], top: int = 10) -> list[Mover]:
    taken: Counter[str] = Counter()
    totals: dict[str, dict[str, float]] = {}
    rules: dict[str, set[str]] = {}
    for life in lives:
        for step in life.steps():
            taken[step.key] += 1
            for rec in step.records:
                totals.setdefault(step.key, {}).setdefault(rec.system, 0.0)
                totals[step.key][rec.system] += rec.points
                rules.setdefault(step.key, set()).add(f"{rec.system_name}: {rec.rule_name}")
    movers = []
    for key, by_system in totals.items():
        total = sum(by_system.values())
        moved = sum(abs(v) for v in by_system.values())
        if moved == 0:
            continue
        movers.append(
            Mover(key, cause_words(content, key), taken[key], total, total / taken[key], by_system, sorted(rules.get(key, ())))
        )
    movers.sort(key=lambda m: (-sum(abs(v) for v in m.by_system.values()) / m.taken, m.key))
    return movers[:top]


def _stances(lives: list[LifeReport], defiant: set[str]) -> list[Stance]:
    out = []
    for life in lives:
        keys = [f"{e}/{c}" for _, e, c in life.log]
        bad = sum(1 for k in keys if k in defiant)
        out.append(Stance(label_of(life), len(keys) - bad, bad))
    return out
