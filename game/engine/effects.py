"""Applying a block of effects to a life, always in the same order.

Order: rule records, stats, flags, privileges, lists, friends, characters'
scores, follow-ups, a move to another city, enrolment, end. To add a new kind of effect: a field in
:class:`game.packs.schema.Effects`, its compiled form in
:class:`game.engine.content.Effects`, a step here, and a notice kind.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.engine.content import Effects
from game.engine.model import Notice
from game.engine.scoring import record_rule, update_privileges, update_tier

if TYPE_CHECKING:
    from game.engine.life import Life


def apply(life: Life, effects: Effects, cause: str) -> None:
    """Apply ``effects``; ``cause`` (``event/choice`` or ``daily:id``) goes on every record."""
    state, content = life.state, life.content
    for rule_id in effects.record:
        record_rule(life, rule_id, cause)
    for stat_id, amount in effects.stats:
        stat = content.stats[stat_id]
        old = state.stats.get(stat_id, stat.start)
        new = min(max(old + amount.eval(life), stat.min), stat.max)
        if new != old:
            state.stats[stat_id] = new
            if life.listening:
                life.notify(Notice("stat", {"stat": stat_id, "delta": new - old, "value": new}))
    state.flags.update(effects.flags)
    state.flags.difference_update(effects.unflag)
    privileges_changed = False
    if effects.grant or effects.revoke:
        state.base_privileges.update(effects.grant)
        state.base_privileges.difference_update(effects.revoke)
        privileges_changed = True
    for list_id in effects.enlist:
        if list_id not in state.lists:
            state.lists.add(list_id)
            life.notify(Notice("list", {"list": list_id, "on": True}))
            privileges_changed = True
    for list_id in effects.delist:
        if list_id in state.lists:
            state.lists.discard(list_id)
            life.notify(Notice("list", {"list": list_id, "on": False}))
            privileges_changed = True
    for who in effects.befriend:
        if who not in state.friends:
            state.friends.add(who)
            life.notify(Notice("friend", {"character": who, "friend": True}))
    for who in effects.unfriend:
        if who in state.friends:
            state.friends.discard(who)
            life.notify(Notice("friend", {"character": who, "friend": False}))
    for who, system_id, amount in effects.character_scores:
        system = content.systems[system_id]
        scores = state.char_scores.setdefault(who, {})
        scores[system_id] = min(max(scores.get(system_id, system.start) + amount.eval(life), system.min), system.max)
    for event_id, after, weekday in effects.schedule:
        day = state.day + after
        if weekday >= 0:
            day += (weekday - life.weekday_of(day)) % 7
        life.schedule(event_id, day)
    if effects.move and effects.move != state.city:
        life.notify(Notice("move", {"city": effects.move, "from": state.city}))
        state.city = effects.move
    for system_id in effects.enrol:
        if system_id not in state.enrolled and system_id in life.joinable:
            state.enrolled.append(system_id)
            state.scores.setdefault(system_id, content.systems[system_id].start)
            state.history.setdefault(system_id, [])
            life.notify(Notice("enrol", {"system": system_id, "enrolled": True}))
            update_tier(life, system_id, cause)
            privileges_changed = True
    for system_id in effects.leave:
        if system_id in state.enrolled:
            state.enrolled.remove(system_id)
            state.tiers.pop(system_id, None)
            life.notify(Notice("enrol", {"system": system_id, "enrolled": False}))
            privileges_changed = True
    if privileges_changed:
        update_privileges(life, cause)
    if effects.end:
        life.end(effects.end)
