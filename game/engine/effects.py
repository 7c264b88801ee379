"""Every kind of effect, in one table (:data:`KINDS`), and applying a block of them to a life.

A kind is one :class:`Kind`: its key in pack files, its :class:`Shape` (how it is
written; :mod:`game.packs.schema` makes its field and :mod:`game.packs.build`
compiles and checks it from the shape), what its ids name, how it applies, and its
row in the Effects table of docs/pack-format.md (:func:`reference_table`). Kinds
apply in the order of :data:`KINDS`; privileges are worked out again after the
kinds that may change them, before the ``last`` ones (``end``).

To add an effect: one :class:`Kind` in :data:`KINDS` (with its ``apply`` function
above it), the table in docs/pack-format.md regenerated, and its test. A notice
it makes needs its wording in :func:`game.present.notice_text`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING, Any

from game.engine.model import Notice
from game.engine.scoring import record_rule, update_privileges, update_tier

if TYPE_CHECKING:
    from game.engine.content import Expression
    from game.engine.life import Life


class Shape(Enum):
    """How an effect is written in a pack, and what it is compiled to."""

    IDS = "ids"
    """``["a", "b"]`` → ``tuple[str, ...]``; each id must name one of the kind's ``names`` (any id if it names none)."""
    AMOUNTS = "amounts"
    """``{ a = 5, b = "stat.c / 2" }`` → ``tuple[(id, Expression), ...]``: numbers or expressions, by id."""
    ID = "id"
    """``"a"`` → ``str`` ("" for none)."""
    TEXT = "text"
    """``"..."`` → ``str`` (pack text, "" for none)."""
    FOLLOW_UPS = "follow_ups"
    """``[{ event = "e", after = 2, on = "saturday" }]`` → ``tuple[(event, after, weekday or -1), ...]``."""
    CHARACTER_AMOUNTS = "character_amounts"
    """``{ who = { system = 5 } }`` → ``tuple[(who, system, Expression), ...]``."""

    @property
    def empty(self) -> Any:
        """The compiled value of the effect left out."""
        return "" if self in (Shape.ID, Shape.TEXT) else ()

    @property
    def compiled_type(self) -> Any:
        """The type of its compiled value (the content cache decodes it as this)."""
        from game.engine.content import Expression

        return {
            Shape.IDS: tuple[str, ...],
            Shape.AMOUNTS: tuple[tuple[str, Expression], ...],
            Shape.ID: str,
            Shape.TEXT: str,
            Shape.FOLLOW_UPS: tuple[tuple[str, int, int], ...],
            Shape.CHARACTER_AMOUNTS: tuple[tuple[str, str, Expression], ...],
        }[self]


Apply = Callable[["Life", Any, str], bool]
"""Applies a kind's compiled value to the life (``cause`` goes on its records); True if privileges may have changed."""


@dataclass(frozen=True)
class Kind:
    """One kind of effect (see the module's docstring)."""

    key: str
    shape: Shape
    apply: Apply
    names: str = ""
    """The content its ids name: a section (``privileges``), ``recordable`` (acts and rules), or "" (none)."""
    what: str = ""
    """One of those, in an error message ("privilege")."""
    example: str = ""
    doc: str = ""
    """Its row in the reference table ("" for a kind that shares the row of the kind before it)."""
    last: bool = False
    """Applied after privileges are worked out again (the end of the life)."""


# -- how each kind applies -----------------------------------------------------------


def _record(life: Life, rules: tuple[str, ...], cause: str) -> bool:
    for rule_id in rules:
        record_rule(life, rule_id, cause)
    return False


def _set_stat(life: Life, stat_id: str, new: float) -> None:
    """``stat_id`` becomes ``new`` within its bounds, with a notice when it moved."""
    stat, state = life.content.stats[stat_id], life.state
    old = state.stats.get(stat_id, stat.start)
    new = min(max(new, stat.min), stat.max)
    if new != old:
        state.stats[stat_id] = new
        if life.listening:
            life.notify(Notice("stat", {"stat": stat_id, "delta": new - old, "value": new}))


def _stats(life: Life, amounts: tuple[tuple[str, Expression], ...], _cause: str) -> bool:
    state, stats = life.state, life.content.stats
    for stat_id, amount in amounts:
        stat = stats[stat_id]
        old = state.stats.get(stat_id, stat.start)
        new = min(max(old + amount.eval(life), stat.min), stat.max)
        if new != old:
            state.stats[stat_id] = new
            if life.listening:
                life.notify(Notice("stat", {"stat": stat_id, "delta": new - old, "value": new}))
    return False


def _stat_multiply(life: Life, factors: tuple[tuple[str, Expression], ...], _cause: str) -> bool:
    for stat_id, factor in factors:
        old = life.state.stats.get(stat_id, life.content.stats[stat_id].start)
        _set_stat(life, stat_id, round(old * factor.eval(life)))
    return False


def _flags(life: Life, flags: tuple[str, ...], _cause: str) -> bool:
    life.state.flags.update(flags)
    return False


def _unflag(life: Life, flags: tuple[str, ...], _cause: str) -> bool:
    life.state.flags.difference_update(flags)
    return False


def _grant(life: Life, privileges: tuple[str, ...], _cause: str) -> bool:
    life.state.base_privileges.update(privileges)
    return True


def _revoke(life: Life, privileges: tuple[str, ...], _cause: str) -> bool:
    life.state.base_privileges.difference_update(privileges)
    return True


def _enlist(life: Life, lists: tuple[str, ...], _cause: str) -> bool:
    changed = False
    for list_id in lists:
        if list_id not in life.state.lists:
            life.state.lists.add(list_id)
            life.notify(Notice("list", {"list": list_id, "on": True}))
            changed = True
    return changed


def _delist(life: Life, lists: tuple[str, ...], _cause: str) -> bool:
    changed = False
    for list_id in lists:
        if list_id in life.state.lists:
            life.state.lists.discard(list_id)
            life.notify(Notice("list", {"list": list_id, "on": False}))
            changed = True
    return changed


def _befriend(life: Life, characters: tuple[str, ...], _cause: str) -> bool:
    for who in characters:
        if who not in life.state.friends:
            life.state.friends.add(who)
            life.notify(Notice("friend", {"character": who, "friend": True}))
    return False


def _unfriend(life: Life, characters: tuple[str, ...], _cause: str) -> bool:
    for who in characters:
        if who in life.state.friends:
            life.state.friends.discard(who)
            life.notify(Notice("friend", {"character": who, "friend": False}))
    return False


def _character_scores(life: Life, amounts: tuple[tuple[str, str, Expression], ...], _cause: str) -> bool:
    for who, system_id, amount in amounts:
        system = life.content.systems[system_id]
        scores = life.state.char_scores.setdefault(who, {})
        scores[system_id] = min(max(scores.get(system_id, system.start) + amount.eval(life), system.min), system.max)
    return False


def _schedule(life: Life, follow_ups: tuple[tuple[str, int, int], ...], _cause: str) -> bool:
    for event_id, after, weekday in follow_ups:
        day = life.state.day + after
        if weekday >= 0:
            day += (weekday - life.weekday_of(day)) % 7
        life.schedule(event_id, day)
    return False


def _move(life: Life, city: str, _cause: str) -> bool:
    if city != life.state.city:
        life.notify(Notice("move", {"city": city, "from": life.state.city}))
        life.state.city = city
    return False


def _enrol(life: Life, systems: tuple[str, ...], cause: str) -> bool:
    state, changed = life.state, False
    for system_id in systems:
        if system_id not in state.enrolled and system_id in life.joinable:
            state.enrolled.append(system_id)
            state.scores.setdefault(system_id, life.content.systems[system_id].start)
            state.history.setdefault(system_id, [])
            life.notify(Notice("enrol", {"system": system_id, "enrolled": True}))
            update_tier(life, system_id, cause)
            changed = True
    return changed


def _leave(life: Life, systems: tuple[str, ...], _cause: str) -> bool:
    state, changed = life.state, False
    for system_id in systems:
        if system_id in state.enrolled:
            state.enrolled.remove(system_id)
            state.tiers.pop(system_id, None)
            life.notify(Notice("enrol", {"system": system_id, "enrolled": False}))
            changed = True
    return changed


def _end(life: Life, text: str, _cause: str) -> bool:
    life.end(text)
    return False


# -- the table ----------------------------------------------------------------------

KINDS: tuple[Kind, ...] = (
    Kind("record", Shape.IDS, _record, "recordable", "act or rule", '`["jaywalking"]`',
         "record acts in every enrolled (and comparison) system that has a rule for them"),
    Kind("stats", Shape.AMOUNTS, _stats, "stats", "stat", '`{ money = -40, stress = "+1" }`',
         'add to stats; amounts may be expressions (`"-stat.money / 10"`)'),
    Kind("stat_multiply", Shape.AMOUNTS, _stat_multiply, "stats", "stat", "`{ money = 0.5 }`",
         "multiply stats (after `stats` is added), rounded to a whole number and kept within the stat's bounds: "
         "`0.5` halves savings, `1.1` adds a tenth; factors may be expressions"),
    Kind("flags", Shape.IDS, _flags, example='`["met_li"]`', doc="set / clear flags (read as `flag.met_li`)"),
    Kind("unflag", Shape.IDS, _unflag),
    Kind("grant", Shape.IDS, _grant, "privileges", "privilege", '`["car"]`',
         "give or take a privilege (tiers and lists still override)"),
    Kind("revoke", Shape.IDS, _revoke, "privileges", "privilege"),
    Kind("enlist", Shape.IDS, _enlist, "lists", "list", '`["court_blacklist"]`', "put on / take off a list"),
    Kind("delist", Shape.IDS, _delist, "lists", "list"),
    Kind("befriend", Shape.IDS, _befriend, "characters", "character", '`["li_wei"]`', "change who counts as your friend"),
    Kind("unfriend", Shape.IDS, _unfriend, "characters", "character"),
    Kind("character_scores", Shape.CHARACTER_AMOUNTS, _character_scores, "characters", "character",
         "`{ li_wei = { sesame = -20 } }`", "change a character's score"),
    Kind("schedule", Shape.FOLLOW_UPS, _schedule, "events", "event", '`[{ event = "loan_reminder", after = 2 }]`',
         "a follow-up: that event happens N days later (before any drawn event), or `weeks = 6` weeks later (42 days; "
         "not both); with `on = \"saturday\"`, on the first Saturday from then "
         '(`{ event = "picnic", on = "saturday" }` is "next Saturday": `after` defaults to 1)'),
    Kind("move", Shape.ID, _move, "cities", "city", '`"shanghai"`',
         "move to another city: `in_city(...)` and `city` follow at once, so the new city's events come and the old "
         "one's stop. Pair it with `leave` and `enrol` (a system the scenario lists in `optional_systems`) to put the "
         "citizen under the new city's rule table: the same acts are then priced by it"),
    Kind("enrol", Shape.IDS, _enrol, "systems", "score system", '`["sesame"]`',
         "join or leave a score system (only one the scenario lists in `systems` or `optional_systems` can be joined; "
         "leaving drops its tier's perks)"),
    Kind("leave", Shape.IDS, _leave, "systems", "score system"),
    Kind("end", Shape.TEXT, _end, example='`"You leave the city."`', doc="end the life now, with this text", last=True),
)  # fmt: skip
"""Every kind of effect, in the order they apply."""

BY_KEY: dict[str, Kind] = {kind.key: kind for kind in KINDS}

_ORDER: dict[str, int] = {kind.key: i for i, kind in enumerate(KINDS)}
"""Each kind's place in :data:`KINDS` (the order effects apply in)."""


class Effects:
    """A compiled block of effects: each kind's compiled value under its key (``effects.stats``; empty when left out).

    Immutable. :attr:`steps` holds the kinds that do something, in the order they apply.
    The kinds left out are not stored: they read as the class's empty values
    (a big pack builds thousands of blocks, most with one or two kinds).
    """

    __slots__ = ("__dict__", "steps")
    steps: tuple[tuple[Kind, Any], ...]

    def __init__(self, **values: Any) -> None:
        unknown = values.keys() - _ORDER.keys()
        if unknown:
            raise TypeError(f"no such effect: {', '.join(sorted(unknown))}")
        keys = sorted(values, key=_ORDER.__getitem__)
        self._fill(tuple((BY_KEY[key], values[key]) for key in keys if values[key]))

    @classmethod
    def of_steps(cls, steps: tuple[tuple[Kind, Any], ...]) -> Effects:
        """The block whose :attr:`steps` are ``steps``: kinds of :data:`KINDS`, in its order, each with a value that
        does something (how the builder makes them, without keywords)."""
        effects = object.__new__(cls)
        effects._fill(steps)
        return effects

    def _fill(self, steps: tuple[tuple[Kind, Any], ...]) -> None:
        stored = self.__dict__
        for kind, value in steps:
            stored[kind.key] = value
        object.__setattr__(self, "steps", steps)

    if TYPE_CHECKING:

        def __getattr__(self, key: str) -> Any: ...  # one attribute per kind, made from KINDS

    def __setattr__(self, key: str, value: object) -> None:
        raise AttributeError("Effects are immutable")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Effects) and self.steps == other.steps

    def __hash__(self) -> int:
        return hash(self.steps)

    def __bool__(self) -> bool:
        return bool(self.steps)

    def __repr__(self) -> str:
        return f"Effects({', '.join(f'{kind.key}={value!r}' for kind, value in self.steps)})"

    def values(self) -> dict[str, Any]:
        """The compiled value of each kind that does something, by key (``Effects(**effects.values())`` is ``effects``)."""
        return {kind.key: value for kind, value in self.steps}


for _kind in KINDS:  # what a block reads for a kind it leaves out
    setattr(Effects, _kind.key, _kind.shape.empty)

NO_EFFECTS = Effects()
"""The empty block: most choices' outcomes and many choices have none, and an ``Effects`` is immutable, so one is shared."""


def apply(life: Life, effects: Effects, cause: str) -> None:
    """Apply ``effects``; ``cause`` (``event/choice`` or ``daily:id``) goes on every record."""
    privileges_changed = False
    for kind, value in effects.steps:
        if kind.last and privileges_changed:
            update_privileges(life, cause)
            privileges_changed = False
        if kind.apply(life, value, cause):
            privileges_changed = True
    if privileges_changed:
        update_privileges(life, cause)


def reference_table() -> str:
    """The Effects table of docs/pack-format.md, one row per kind (kinds without a row of their own join the one before)."""
    rows: list[list[str]] = []
    for kind in KINDS:
        if kind.doc:
            rows.append([f"`{kind.key}`", kind.example, kind.doc])
        else:
            rows[-1][0] += f" / `{kind.key}`"
    lines = ["| key | example | effect |", "| --- | --- | --- |"]
    return "\n".join(lines + [f"| {key} | {example} | {doc} |" for key, example, doc in rows])
