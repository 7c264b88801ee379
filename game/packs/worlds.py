"""Checks of each scenario's world: what it may schedule, and that every day has an event to draw.

A scenario's world (``world = ["rongcheng", "core:work"]``) is the set of
events its life may meet. These checks run after the build, on the compiled
content, and report at the scenario's ``world`` key.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import TYPE_CHECKING

from game.engine import content as c
from game.engine.selection import reachable_cities, statically_possible
from game.packs import schema

if TYPE_CHECKING:
    from game.packs.build import Builder
    from game.packs.reader import Item

Where = tuple[str, int]
"""A file and a line to report at."""


def scheduled_by(event: c.Event) -> list[str]:
    """The events a choice or an outcome of ``event`` can schedule, in order, without repeats."""
    out: dict[str, None] = {}
    for choice in event.choices:
        for effects in (choice.effects, *(o.effects for o in choice.outcomes)):
            for target, *_ in effects.schedule:
                out[target] = None
    return list(out)


def check_worlds(builder: Builder, content: c.Content) -> None:
    """Report follow-ups that leave a world or land after its life ends, and days on which a world has nothing
    to draw."""
    _check_follow_up_days(builder, content)
    for scenario in content.scenarios.values():
        item = builder.items("scenarios").get(scenario.id)
        if item is None or not scenario.world:
            continue
        where = (item.origin.file, item.origin.at("world") if item.value.world else item.origin.line)
        world = [e for e in content.events.values() if scenario.admits(e)]
        _check_follow_ups(builder, scenario, world, content, where)
        _check_days(builder, scenario, world, where)
        _check_assumptions(builder, scenario, world)


def _check_follow_ups(builder: Builder, scenario: c.Scenario, world: list[c.Event], content: c.Content, where: Where) -> None:
    reported: set[str] = set()
    for event in world:
        for target_id in scheduled_by(event):
            target = content.events.get(target_id)
            if target is None or scenario.admits(target) or target_id in reported:
                continue
            reported.add(target_id)
            pools = ", ".join(f"'{target.pack}:{t}'" for t in target.tags)
            builder.problems.error(
                where[0],
                where[1],
                f"event '{event.id}' in the world of scenario '{scenario.id}' schedules '{target_id}', which is outside it; "
                f"add '{target.pack}'" + (f" or one of {pools}" if pools else "") + " to the scenario's world",
            )


def _follow_ups_of(event: schema.EventDef) -> list[tuple[str, schema.ScheduleDef]]:
    """Each follow-up an event's choices and outcomes write, with its path in the event (``choice[0].schedule[1]``)."""
    out: list[tuple[str, schema.ScheduleDef]] = []
    for i, choice in enumerate(event.choices):
        blocks = [(f"choice[{i}]", choice), *((f"choice[{i}].outcome[{k}]", o) for k, o in enumerate(choice.outcomes))]
        for where, block in blocks:
            out.extend((f"{where}.schedule[{j}]", f) for j, f in enumerate(block.schedule))
    return out


def _check_follow_up_days(builder: Builder, content: c.Content) -> None:
    """Warn of a follow-up that lands after the end of every life that can draw its event, even when the event
    comes on the first day it can: "event 'x' schedules 'y' 42 days later but scenario 'z' lasts 40 days"."""
    scenarios = [s for s in content.scenarios.values() if s.id in builder.items("scenarios")]
    for event in content.events.values():
        item = builder.layered.events.get(event.id)
        if item is None:
            continue
        admitting = [s for s in scenarios if s.admits(event)]
        for path, follow_up in _follow_ups_of(item.value):
            later = schema.follow_up_days(follow_up.after, follow_up.weeks)
            too_short = [s for s in admitting if max(event.first_day, 1) + later > s.days]
            if not too_short:
                continue
            lasts = " and ".join(f"scenario '{s.id}' lasts {s.days} days" for s in too_short[:3])
            more = f" (and {len(too_short) - 3} more)" if len(too_short) > 3 else ""
            start = f" even from day {event.first_day}, the first it can come" if event.first_day > 1 else ""
            builder.problems.warning(
                item.origin.file,
                item.origin.at(path),
                f"event '{event.id}' schedules '{follow_up.event}' {later} days later{start} but {lasts}{more}: "
                "it can never happen there; schedule it sooner, or lengthen the scenario",
            )


def _check_days(builder: Builder, scenario: c.Scenario, world: list[c.Event], where: Where) -> None:
    if scenario.events_per_day[1] <= 0:
        return
    cities = reachable_cities(world, scenario)
    drawable = [e for e in world if statically_possible(e, scenario, cities) and not _never_weighted(e)]
    try:
        start = dt.date.fromisoformat(scenario.start_date)
    except ValueError:
        return
    dates = {d: start + dt.timedelta(days=d - 1) for d in range(1, scenario.days + 1)}
    empty = [
        d
        for d, date in dates.items()
        if not any(
            e.first_day <= d <= e.last_day
            and (not e.weekdays or date.weekday() in e.weekdays)
            and (not e.months or date.month in e.months)
            and _in_act(scenario, e, d)
            for e in drawable
        )
    ]
    if empty:
        builder.problems.error(
            where[0],
            where[1],
            f"scenario '{scenario.id}' has no event its world can draw on {_days(empty)}; "
            "widen its world or add events for those days",
        )


def _in_act(scenario: c.Scenario, event: c.Event, day: int) -> bool:
    """Whether the acts let ``event`` be drawn on ``day``: pooled by that day's act (or by none), weighted above 0."""
    if not scenario.acts:
        return True
    number = scenario.act_on(day)
    if number < 0:
        return not scenario.pooled(event)
    act = scenario.acts[number]
    return (act.pools(event) or not scenario.pooled(event)) and act.weight_of(event) > 0


def _never_weighted(event: c.Event) -> bool:
    """A constant weight of 0 or less: the event only comes as a follow-up."""
    return not event.weight.depends and float(event.weight.eval(None)) <= 0


def _days(days: list[int]) -> str:
    """``day 3`` / ``days 31–40`` / ``days 2, 5–7``."""
    runs: list[list[int]] = []
    for d in days:
        if runs and d == runs[-1][1] + 1:
            runs[-1][1] = d
        else:
            runs.append([d, d])
    parts = [f"{a}" if a == b else f"{a}–{b}" for a, b in runs]
    return ("day " if len(days) == 1 else "days ") + ", ".join(parts)


SEASONS = {12: "winter", 1: "winter", 2: "winter", 3: "spring", 4: "spring", 5: "spring",
           6: "summer", 7: "summer", 8: "summer", 9: "autumn", 10: "autumn", 11: "autumn"}  # fmt: skip
"""The season of each month (the northern hemisphere's meteorological seasons)."""


def seasons_of(scenario: c.Scenario) -> list[str]:
    """The seasons a scenario's days fall in, in order."""
    try:
        start = dt.date.fromisoformat(scenario.start_date)
    except ValueError:
        return []
    out: dict[str, None] = {}
    for day in range(scenario.days):
        out[SEASONS[(start + dt.timedelta(days=day)).month]] = None
    return list(out)


def _unmet(assumes: schema.Assumes, scenario: c.Scenario) -> list[str]:
    """What ``assumes`` takes for granted that ``scenario`` does not give, as "assumes X; scenario 'S' has Y"."""
    who = scenario.character
    out = []
    if assumes.city and assumes.city != scenario.city:
        out.append(f"assumes the city '{assumes.city}'; scenario '{scenario.id}' is set in '{scenario.city or 'no city'}'")
    work = who.get("work", "other")
    if assumes.job == "office" and work != "office":
        out.append(f"assumes an office job; scenario '{scenario.id}' has {'no job' if work == 'none' else 'none'}")
    if assumes.job == "any" and work == "none":
        out.append(f"assumes a job; scenario '{scenario.id}' has none")
    if assumes.job == "none" and work != "none":
        out.append(f"assumes no job; scenario '{scenario.id}' has one")
    for key, words in (("partner", "a partner"), ("children", "children")):
        wanted = getattr(assumes, key)
        if wanted is not None and wanted != bool(who.get(key, False)):
            has = "has" if who.get(key, False) else "has no"
            out.append(f"assumes {'' if wanted else 'no '}{words}; scenario '{scenario.id}' {has} {words}")
    if assumes.season:
        seasons = seasons_of(scenario)
        if seasons and not set(assumes.season) & set(seasons):
            out.append(f"assumes {' or '.join(assumes.season)}; scenario '{scenario.id}' runs in {' and '.join(seasons)}")
    return out


def leave_out_assumed(builder: Builder, item: Item, scenario: c.Scenario) -> c.Scenario:
    """A scenario without a ``world`` key leaves out the events of its packs that assume what it lacks."""
    if item.value.world:
        return scenario
    left_out = frozenset(
        event_id
        for event_id, event in builder.layered.events.items()
        if event.value.assumes is not None
        and any(event.pack == pack for pack, _tag in scenario.world)
        and _unmet(event.value.assumes, scenario)
    )
    return dataclasses.replace(scenario, left_out=left_out) if left_out else scenario


def _check_assumptions(builder: Builder, scenario: c.Scenario, world: list[c.Event]) -> None:
    for event in world:
        item = builder.layered.events.get(event.id)
        if item is None or item.value.assumes is None:
            continue
        for problem in _unmet(item.value.assumes, scenario):
            builder.problems.error(item.origin.file, item.origin.at("assumes"), f"event '{event.id}' {problem}")
