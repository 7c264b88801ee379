"""Compiled, immutable game content: what the engine plays.

The loader (:mod:`game.packs`) builds a :class:`Content` from pack files; the
engine only reads it. Expressions arrive compiled (anything with an
``eval(ctx)`` method), so nothing here parses or imports anything.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from typing import Any

from game.engine.effects import Effects


@dataclass(frozen=True, slots=True)
class Clause:
    """One top-level ``and`` clause of a condition, decoded once at load so a lock can say why.

    ``kind`` is a predicate's name (``has``, ``listed``, ``at_least``, ``enrolled``,
    ``in_city``, ``friend`` ...) with its ``ids`` and whether it is ``negated``;
    or ``compare`` with ``ids`` (namespace, id), ``op`` and ``value``; or
    ``other`` with its ``source`` text. ``test(ctx)`` is the clause itself.
    A comparison with a number worked out on the right (``stat.money >= stat.court_debt``)
    has ``value`` None and ``measure(ctx)``, that number now.
    """

    kind: str
    test: Callable[[Any], Any]
    ids: tuple[str, ...] = ()
    negated: bool = False
    op: str = ""
    value: Any = None
    source: str = ""
    measure: Callable[[Any], Any] | None = None

    def bound(self, ctx: Any) -> Any:
        """What a comparison compares with, now: its literal ``value``, or its ``measure`` worked out for ``ctx``."""
        return self.measure(ctx) if self.measure is not None else self.value


class Expression:
    """A compiled expression: the loader's :class:`game.packs.expr.Compiled` is the one kind there is.

    ``eval(ctx)`` computes it for an evaluation context (a ``Life``).
    A base class rather than a protocol, so that the compiled-content cache
    can decode expressions into fields of this type.
    """

    __slots__ = ()

    source: str
    type: str
    depends: frozenset[str]
    eval: Callable[[Any], Any]

    @property
    def clauses(self) -> tuple[Clause, ...]:
        """The top-level ``and`` clauses (one clause for a condition that is not an ``and``)."""
        raise NotImplementedError

    def failing_clause(self, ctx: Any) -> Clause | None:
        """The first top-level clause that is false, for explaining a lock."""
        raise NotImplementedError


Number = int | float
"""A number as the pack wrote it: a whole number stays an ``int`` (and so prints and saves as one)."""


PREMISE_SETTING = "premise"
"""The one setting the engine reads itself. ``"documented"`` plays the system as the
documents show it: no tier's ``reported_revoke`` applies. Anything else (``"reported"``,
the default) plays the premise as the press reported it."""

PREMISES = ("reported", "documented")
"""The values of :data:`PREMISE_SETTING`."""


@dataclass(frozen=True, slots=True)
class Stat:
    id: str
    name: str
    min: Number
    max: Number
    start: Number
    unit: str = ""
    hidden: bool = False
    description: str = ""


@dataclass(frozen=True, slots=True)
class Privilege:
    id: str
    name: str
    default: bool = True
    description: str = ""
    source: str = ""
    reliability: str = ""


@dataclass(frozen=True, slots=True)
class Tier:
    id: str
    min: Number
    name: str = ""
    color: str = ""
    description: str = ""
    grant: tuple[str, ...] = ()
    revoke: tuple[str, ...] = ()
    reported_revoke: tuple[str, ...] = ()
    """Revoked only while the life plays the premise as reported (see :data:`PREMISE_SETTING`)."""
    source: str = ""
    reliability: str = ""
    grant_up: tuple[str, ...] = ()  # held at this tier and every tier above it


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    system: str
    points: Expression
    name: str = ""
    category: str = ""
    description: str = ""
    source: str = ""
    cooldown: int = 0
    limit: int = 0
    limit_days: int = 0
    reliability: str = ""
    reported_only: bool = False
    """Applies only while the life plays the premise as reported (see :data:`PREMISE_SETTING`)."""


@dataclass(frozen=True, slots=True)
class System:
    id: str
    name: str
    min: Number
    max: Number
    start: Number
    visibility: str
    tiers: tuple[Tier, ...]  # highest first
    rules: Mapping[str, Rule]  # built with the system, never changed after
    description: str = ""
    source: str = ""
    reliability: str = ""
    scale: Number = 1.0
    """A score is shown multiplied by this (0.01 shows a rating of 480 as 4.80); the engine counts unscaled."""
    decimals: int = 0

    def tier_for(self, score: float) -> Tier | None:
        for tier in self.tiers:
            if score >= tier.min:
                return tier
        return self.tiers[-1] if self.tiers else None

    def tier_index(self, tier_id: str) -> int:
        """Rank of a tier: 0 is the highest."""
        for i, tier in enumerate(self.tiers):
            if tier.id == tier_id:
                return i
        return len(self.tiers)


@dataclass(frozen=True, slots=True)
class BlackList:
    id: str
    name: str
    kind: str
    public: bool
    grant: tuple[str, ...]
    revoke: tuple[str, ...]
    description: str = ""
    source: str = ""
    reliability: str = ""


@dataclass(frozen=True, slots=True)
class Character:
    id: str
    name: str
    relation: str
    scores: dict[str, Number]
    drift: dict[str, tuple[int, int]]
    description: str = ""


@dataclass(frozen=True, slots=True)
class City:
    id: str
    name: str
    description: str = ""
    source: str = ""
    reliability: str = ""


@dataclass(frozen=True, slots=True)
class Setting:
    id: str
    name: str
    default: Any
    description: str = ""


@dataclass(frozen=True, slots=True)
class Outcome:
    id: str
    chance: Expression
    text: str
    effects: Effects


@dataclass(frozen=True, slots=True)
class Choice:
    id: str
    label: str
    text: str
    effects: Effects
    outcomes: tuple[Outcome, ...] = ()
    show_if: Expression | None = None
    enable_if: Expression | None = None
    requires: tuple[str, ...] = ()
    locked_text: str = ""
    tags: tuple[str, ...] = ()
    source: str = ""
    reliability: str = ""
    stance: str = ""
    """``compliant``, ``defiant`` or "": how the authorities would read it, for the simulator's policies."""


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    title: str
    text: str
    choices: tuple[Choice, ...]
    weight: Expression
    when: Expression | None = None
    first_day: int = 1
    last_day: int = 10_000
    cooldown: int = 0
    once: bool = False
    tags: tuple[str, ...] = ()
    character: str = ""
    source: str = ""
    pack: str = ""
    reliability: str = ""
    weekdays: frozenset[int] = frozenset()
    """The weekdays it may be drawn on (0 = Monday); empty: any."""
    months: frozenset[int] = frozenset()
    """The months it may be drawn in (1 = January); empty: any."""
    repeatable: bool = False
    """A routine: it may come back the next day and its weight never falls (see :mod:`game.engine.repetition`)."""


@dataclass(frozen=True, slots=True)
class Daily:
    id: str
    when: Expression | None
    text: str
    effects: Effects
    source: str = ""
    reliability: str = ""


@dataclass(frozen=True, slots=True)
class Goal:
    """Met the first day its ``after`` goals are met, its grade is reached and ``when`` holds, by day ``by``."""

    id: str
    text: str
    when: Expression | None
    by: int
    source: str = ""
    after: tuple[str, ...] = ()
    """Goals that must be met first; if one is missed, so is this."""
    system: str = ""
    grade: str = ""
    """At least this tier of ``system`` (both empty: no grade asked)."""


Pool = tuple[tuple[str, str], ...]
"""(pack, tag) pairs, as a scenario's world or an act's pool names events (``pack`` or ``pack:tag``); an empty tag
takes the whole pack."""


def in_pool(pack: str, tags: Collection[str], pool: Pool) -> bool:
    """Whether an event of ``pack`` with ``tags`` is in ``pool`` (one test for worlds and acts, at load and in play)."""
    return any(pack == p and (not tag or tag in tags) for p, tag in pool)


@dataclass(frozen=True, slots=True)
class Act:
    """A range of days of a life with its own pool (events drawn only in its days) and weights."""

    id: str
    first_day: int
    last_day: int
    pool: Pool = ()
    """These events are drawn only in the days of the acts that pool them."""
    weights: tuple[tuple[str, float], ...] = ()
    """(tag or event id, multiplier) applied to the weight of matching events in these days."""

    def pools(self, event: Event) -> bool:
        return in_pool(event.pack, event.tags, self.pool)

    def weight_of(self, event: Event) -> float:
        """The product of the multipliers that match ``event`` (1 when none does)."""
        factor = 1.0
        for key, multiplier in self.weights:
            if key == event.id or key in event.tags:
                factor *= multiplier
        return factor


@dataclass(frozen=True, slots=True)
class SetPiece:
    """An event that always comes: on ``day``, or on the first morning ``when`` holds within its days."""

    event: str
    day: int = 0
    when: Expression | None = None
    first_day: int = 1
    last_day: int = 10_000


@dataclass(frozen=True, slots=True)
class Ending:
    """An epilogue text, told at the end of a life whose final state meets ``when`` (None: always)."""

    id: str
    text: str
    when: Expression | None = None


@dataclass(frozen=True, slots=True)
class BalanceTarget:
    """What ``citizen simulate --strict`` holds a scenario to: ``measure`` of ``subject`` within [low, high].

    ``measure`` is ``goal`` (share of lives meeting it), ``grades`` (final grades
    of the system that one life in twenty or more ends on) or ``tier_jump``
    (most tiers one choice moved the system's score). None: no bound.
    """

    measure: str
    subject: str
    policy: str
    low: float | None
    high: float | None
    line: int = 0
    """Where it is declared (its scenario's file), for messages."""
    direction: str = "both"
    """For ``tier_jump``: ``up``, ``down`` or ``both``."""


@dataclass(frozen=True, slots=True)
class Scenario:
    id: str
    name: str
    description: str
    city: str
    systems: tuple[str, ...]
    optional_systems: tuple[str, ...]
    compare: tuple[str, ...]
    days: int
    events_per_day: tuple[int, int]
    start_date: str
    character: dict[str, Any]
    stats: dict[str, Number]
    scores: dict[str, Number]
    flags: tuple[str, ...]
    grant: tuple[str, ...]
    revoke: tuple[str, ...]
    lists: tuple[str, ...]
    friends: tuple[str, ...]
    settings: dict[str, Any]
    goals: tuple[Goal, ...]
    source: str = ""
    reliability: str = ""
    pack: str = ""
    world: Pool = ()
    """The events this life may meet."""
    left_out: frozenset[str] = frozenset()
    """Events of a default world (no ``world`` key) left out because they assume what this life lacks."""
    balance: tuple[BalanceTarget, ...] = ()
    acts: tuple[Act, ...] = ()
    """In order of their days; they do not overlap."""
    set_pieces: tuple[SetPiece, ...] = ()
    endings: tuple[Ending, ...] = ()

    def act_on(self, day: int) -> int:
        """The number of the act day ``day`` falls in, or -1 (between or outside acts)."""
        for number, act in enumerate(self.acts):
            if act.first_day <= day <= act.last_day:
                return number
        return -1

    def pooled(self, event: Event) -> bool:
        """Whether some act pools ``event`` (it is then drawn only in the days of such acts)."""
        return any(act.pools(event) for act in self.acts)

    def admits(self, event: Event) -> bool:
        """Whether ``event`` belongs to this scenario's world (it may be drawn or scheduled)."""
        if event.id in self.left_out:
            return False
        return in_pool(event.pack, event.tags, self.world)

    def world_ids(self) -> tuple[str, ...]:
        """The world as written: ``pack`` or ``pack:tag``."""
        return tuple(f"{pack}:{tag}" if tag else pack for pack, tag in self.world)


@dataclass(frozen=True, slots=True)
class Myth:
    """A common claim beside what the sources say; the ids tie it to the moments where it comes up."""

    id: str
    claim: str
    fact: str
    reliability: str
    sources: tuple[str, ...]
    events: tuple[str, ...] = ()
    choices: tuple[str, ...] = ()  # "event/choice"
    privileges: tuple[str, ...] = ()  # lost
    rules: tuple[str, ...] = ()  # "system.rule" or a rule id of any system
    systems: tuple[str, ...] = ()  # joined
    lists: tuple[str, ...] = ()  # entered


@dataclass(frozen=True, slots=True)
class PackInfo:
    id: str
    name: str
    version: str
    description: str
    authors: tuple[str, ...]
    license: str
    languages: tuple[str, ...]
    depends: tuple[str, ...]
    path: str
    content_hash: str


@dataclass(frozen=True)
class Content:
    """Everything the loaded packs declare, compiled and cross-checked."""

    packs: tuple[PackInfo, ...]
    stats: dict[str, Stat]
    privileges: dict[str, Privilege]
    systems: dict[str, System]
    lists: dict[str, BlackList]
    characters: dict[str, Character]
    cities: dict[str, City]
    settings: dict[str, Setting]
    events: dict[str, Event]
    daily: tuple[Daily, ...]
    scenarios: dict[str, Scenario]
    rule_ids: frozenset[str] = field(default_factory=frozenset)
    myths: dict[str, Myth] = field(default_factory=dict)
    """The myth-and-fact deck, in the packs' order."""

    def rules_named(self, rule_id: str) -> list[Rule]:
        """Every system's version of a rule id."""
        return [s.rules[rule_id] for s in self.systems.values() if rule_id in s.rules]
