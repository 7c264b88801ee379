"""Drawing the day's events: by weight, among those whose conditions hold.

Events with a constant weight have fixed prefix sums of their weights. A draw
picks one by weight with a binary search, then checks only that event's
conditions; an event that fails is skipped for the rest of this draw (the
search steps over the weight of the skipped ones) and the draw repeats. When
many fail, it searches a Fenwick tree less what they take out of its nodes,
which the draw keeps to itself: the index is never changed, so one index
serves every life of a scenario and ``Content`` stays immutable.
Either way the draw is exactly the one a tree with the failed events taken out
would give (tests/test_selection_draw.py), so lives do not change. This
samples exactly "by weight among the eligible", yet costs in proportion to the
events it looks at, not to all the events the packs hold. An event with a choice
that is never hidden or locked is not asked for an open choice (it always has one). Events whose weight
is an expression are few, and are evaluated every draw.

An event seen before keeps only part of its weight (:func:`repetition.fade`):
a drawn event that passes its checks is then kept with that chance, and
otherwise the draw starts over from the same pool (rejection sampling, so the
draw is exactly "by faded weight among the eligible" while the prefix sums stay
fixed and shared).
"""

from __future__ import annotations

import weakref
from bisect import bisect_right, insort
from collections.abc import Iterable
from itertools import accumulate
from typing import TYPE_CHECKING, Any

from game.engine.content import Content, Event, Scenario
from game.engine.repetition import fade, gap

if TYPE_CHECKING:
    from game.engine.life import Life


WEIGHT_UNITS = 1000
"""Fixed weights are kept as whole thousandths, so adding and removing them is exact."""

FEW_REJECTED = 16
"""Up to this many rejected events a draw skips them in the fixed prefix sums; past it, it takes them out of the tree."""


class Fenwick:
    """Prefix sums over integer weights with point updates, both O(log n)."""

    def __init__(self, weights: list[int]) -> None:
        self.n = len(weights)
        self.tree = [0] * (self.n + 1)
        self.total = 0
        self.top = 1 << self.n.bit_length()
        for i, w in enumerate(weights):
            self.add(i, w)

    def add(self, i: int, delta: int) -> None:
        self.total += delta
        i += 1
        while i <= self.n:
            self.tree[i] += delta
            i += i & -i

    def find(self, target: int) -> int:
        """The index whose cumulative range contains ``target`` (0 ≤ target < total)."""
        pos = 0
        step = self.top
        tree, n = self.tree, self.n
        while step:
            nxt = pos + step
            if nxt <= n and tree[nxt] <= target:
                pos = nxt
                target -= tree[nxt]
            step >>= 1
        return min(pos, self.n - 1)

    def find_taken(self, target: int, taken: dict[int, int]) -> int:
        """What :meth:`find` gives on this tree less ``taken`` (tree node → weight taken out of it, made by
        :meth:`take`): the same descent over the same integers, so exactly the same answer, and the
        tree itself is never changed (it is shared by every life of the scenario)."""
        pos = 0
        step = self.top
        tree, n = self.tree, self.n
        while step:
            nxt = pos + step
            if nxt <= n:
                value = tree[nxt] - taken.get(nxt, 0)
                if value <= target:
                    pos = nxt
                    target -= value
            step >>= 1
        return min(pos, self.n - 1)

    def take(self, taken: dict[int, int], i: int, delta: int) -> None:
        """Note in ``taken`` that ``delta`` of index ``i``'s weight is taken out (the nodes :meth:`add` would change)."""
        i += 1
        while i <= self.n:
            taken[i] = taken.get(i, 0) + delta
            i += i & -i


def statically_possible(event: Event, scenario: Scenario, cities: frozenset[str] | None = None) -> bool:
    """False when the event's condition can never hold in this scenario: a city it never reaches
    (its own, or one a ``move`` leads to: ``cities``), or a system it never joins."""
    if event.when is None:
        return True
    cities = cities if cities is not None else frozenset((scenario.city,))
    systems = {*scenario.systems, *scenario.optional_systems}
    for clause in event.when.clauses:
        if clause.kind == "in_city" and not clause.negated and clause.ids[0] not in cities:
            return False
        if clause.kind == "enrolled" and not clause.negated and clause.ids[0] not in systems:
            return False
    return True


def reachable_cities(events: Iterable[Event], scenario: Scenario) -> frozenset[str]:
    """The scenario's city and every city a ``move`` in one of ``events`` it can see leads to (to a fixed point)."""
    events = list(events)
    cities = {scenario.city}
    while True:
        moves = {
            effects.move
            for event in events
            if statically_possible(event, scenario, frozenset(cities))
            for choice in event.choices
            for effects in (choice.effects, *(o.effects for o in choice.outcomes))
            if effects.move
        }
        if moves <= cities:
            return frozenset(cities)
        cities |= moves


_INDEXES: dict[int, tuple[weakref.ref[Content], dict[tuple[str, int], EventIndex]]] = {}
"""Each loaded content's scenario indexes (immutable), until the content is gone."""


class EventIndex:
    """The events a scenario can draw, arranged for fast weighted draws."""

    def __init__(self, content: Content, scenario: Scenario, act: int = -1) -> None:
        """The index of the days of act number ``act`` (-1: days in no act): an act's pool and weights apply."""
        world = [e for e in content.events.values() if scenario.admits(e)]
        self.world: frozenset[str] = frozenset(e.id for e in world)
        """The events of the scenario's world: nothing else is ever drawn or scheduled."""
        cities = reachable_cities(world, scenario)
        candidates = [e for e in world if statically_possible(e, scenario, cities)]
        self.candidates: list[Event] = candidates
        """Every event this scenario could ever see (drawn or scheduled).

        The others are outside its world or need another city or system."""
        self.fixed: list[Event] = []
        self.fixed_weights: list[float] = []
        self.computed: list[tuple[Event, float]] = []
        """Events whose weight is an expression, each with the act's multiplier."""
        stage = scenario.acts[act] if act >= 0 else None
        for event in candidates:
            if stage is None:
                factor = 0.0 if scenario.acts and scenario.pooled(event) else 1.0
            else:
                pooled_here = stage.pools(event)
                factor = stage.weight_of(event) if pooled_here or not scenario.pooled(event) else 0.0
            if factor <= 0:
                continue  # pooled by another act only, or weighted out of this one
            if not event.weight.depends:
                w = float(event.weight.eval(None)) * factor
                if w > 0:
                    self.fixed.append(event)
                    self.fixed_weights.append(w)
            else:
                self.computed.append((event, factor))
        self.always_open: list[bool] = [always_open(e) for e in self.fixed]
        """Per fixed event, whether one of its choices is open whatever the state (the draw need not look)."""
        self.checks: list[tuple[str, int, int, bool, bool, int, int, bool, Any, bool]] = [
            (
                e.id,
                e.first_day,
                e.last_day,
                bool(e.weekdays or e.months),
                e.once,
                gap(e, True),
                gap(e, False),
                e.repeatable,
                e.when.eval if e.when is not None else None,
                open_anyway,
            )
            for e, open_anyway in zip(self.fixed, self.always_open, strict=True)
        ]
        """Per fixed event, what :func:`is_eligible` reads, unpacked once (the draw checks the events it picks with
        these; the same checks in the same order): id, day window, whether it has weekdays or months, once,
        its gap with and without spacing, repeatable, its condition's function, and :attr:`always_open`."""
        self.units = [max(1, round(w * WEIGHT_UNITS)) for w in self.fixed_weights]
        self.tree = Fenwick(self.units)
        self.prefix = list(accumulate(self.units))
        """Cumulative fixed weights: a draw with few rejections searches these and leaves the tree alone."""

    @classmethod
    def for_scenario(cls, content: Content, scenario: Scenario, act: int = -1) -> EventIndex:
        """The scenario's index for the days of act number ``act`` (-1: days in no act), built once per loaded
        content and shared by its lives: it never changes (a draw keeps what it takes out to itself), so
        ``Content`` stays immutable and a life holds its index."""
        indexes = _INDEXES.get(id(content))
        if indexes is None or indexes[0]() is not content:
            indexes = (weakref.ref(content), {})
            _INDEXES[id(content)] = indexes
            weakref.finalize(content, _INDEXES.pop, id(content), None)
        index = indexes[1].get((scenario.id, act))
        if index is None:
            index = indexes[1][(scenario.id, act)] = cls(content, scenario, act)
        return index

    def draw(self, life: Life) -> Event | None:
        """One eligible event drawn by weight, or None if none is eligible."""
        computed = []
        state = life.state
        seen, spaced = state.event_count, life.setup.spaced
        for event, factor in self.computed:
            w = float(event.weight.eval(life)) * factor
            if w > 0 and is_eligible(life, event):
                computed.append((event, w * fade(event, seen.get(event.id, 0), spaced)))
        extra = sum(w for _, w in computed)
        rng, fixed, units, checks = life.rng, self.fixed, self.units, self.checks
        random = rng.random
        prefix, last = self.prefix, len(units) - 1
        day, event_last = state.day, state.event_last
        total = self.tree.total
        removed: list[int] = []
        taken: dict[int, int] | None = None  # many rejected: what they take out of the tree's nodes
        tree = self.tree
        while total > 0 or extra > 0:
            fixed_total = total / WEIGHT_UNITS
            roll = random() * (fixed_total + extra)
            if roll >= fixed_total:
                roll -= fixed_total
                for event, w in computed:
                    if roll < w:
                        return event
                    roll -= w
                return computed[-1][0]
            target = int(roll * WEIGHT_UNITS)
            if not removed:  # nothing rejected yet: the fixed prefix sums as they are
                i = bisect_right(prefix, target)
            elif taken is None and len(removed) <= FEW_REJECTED:  # find_without(target, removed), inlined
                for j in removed:
                    width = units[j]
                    if prefix[j] - width > target:
                        break
                    target += width
                i = bisect_right(prefix, target)
            else:
                if taken is None:
                    taken = {}
                    for j in removed:
                        tree.take(taken, j, units[j])
                i = tree.find_taken(target, taken)
            if i > last:
                i = last
            # is_eligible(life, fixed[i], self.always_open[i]), from the event's unpacked checks
            event_id, first, final, calendar, once, wait, plain_wait, routine, when, open_anyway = checks[i]
            eligible = first <= day <= final and (not calendar or _on_calendar(life, fixed[i]))
            if eligible:
                prev = event_last.get(event_id)
                if prev is not None:
                    if once or prev == day:
                        eligible = False
                    else:
                        wait = wait if spaced else plain_wait
                        eligible = not wait or day - prev >= wait
                if eligible:
                    eligible = (when is None or bool(when(life))) and (open_anyway or has_open_choice(life, fixed[i]))
            if eligible:
                count = seen.get(event_id, 0) if spaced and not routine else 0
                if not count:
                    return fixed[i]
                keep = fade(fixed[i], count, spaced)
                if keep >= 1.0 or random() < keep:
                    return fixed[i]
                continue  # seen before, and this time its faded weight lost: draw again from the same pool
            if taken is not None:
                tree.take(taken, i, units[i])
            insort(removed, i)
            total -= units[i]
        return None

    def find_without(self, target: int, removed: list[int]) -> int:
        """What :meth:`Fenwick.find` gives once ``removed`` (in ascending order) are taken out, from the fixed
        prefix sums alone.

        ``target`` counts weight that is left; in the fixed prefix sums it lies
        further right by the weight of every removed event that starts at or
        before it. One pass over ``removed`` (short) moves it there, and a
        binary search (in C) finds the event.
        """
        prefix, units = self.prefix, self.units
        for j in removed:
            width = units[j]
            if prefix[j] - width > target:
                break  # this one, and every one after it, starts past the target
            target += width
        return min(bisect_right(prefix, target), len(units) - 1)


def is_eligible(life: Life, event: Event, open_anyway: bool = False) -> bool:
    """Day window, weekdays and months, once, its gap since it was last drawn (not yet today), its condition,
    and a choice that can be taken (not looked at with ``open_anyway``: see :func:`always_open`)."""
    state = life.state
    day = state.day
    if not event.first_day <= day <= event.last_day:
        return False
    if (event.weekdays or event.months) and not _on_calendar(life, event):
        return False
    last = state.event_last.get(event.id)
    if last is not None:
        if event.once or last == day:
            return False
        wait = gap(event, life.setup.spaced)
        if wait and day - last < wait:
            return False
    when = event.when
    if when is not None and not when.eval(life):
        return False
    return open_anyway or has_open_choice(life, event)


def _on_calendar(life: Life, event: Event) -> bool:
    """Whether today is one of ``event``'s weekdays and months (each only if it names any)."""
    if event.weekdays and life.weekday not in event.weekdays:
        return False
    return not event.months or life.month in event.months


def always_open(event: Event) -> bool:
    """Whether one of ``event``'s choices is always shown and never locked (no ``show_if``, ``requires`` or
    ``enable_if``): :func:`has_open_choice` then holds in any state (expressions have no side effects)."""
    return any(ch.show_if is None and not ch.requires and ch.enable_if is None for ch in event.choices)


def has_open_choice(life: Life, event: Event) -> bool:
    """An event is only offered if one of its choices is visible and unlocked: no soft locks."""
    for ch in event.choices:
        if ch.show_if is not None and not ch.show_if.eval(life):
            continue
        if life.can_take(ch):
            return True
    return False
