"""Scores, tiers and privileges: recording a rule, recomputing tiers, deciding locks."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from game.engine.model import LockReason, Notice, Record

if TYPE_CHECKING:
    from game.engine.content import Clause
    from game.engine.life import Life


def record_rule(life: Life, rule_id: str, cause: str) -> None:
    """Record ``rule_id`` in every enrolled and comparison system that has that rule."""
    state = life.state
    for system_id in (*state.enrolled, *state.shadow):
        system = life.content.systems[system_id]
        rule = system.rules.get(rule_id)
        if rule is None or (rule.reported_only and not life.as_reported):
            continue
        key = f"{system_id}.{rule_id}"
        uses = state.rule_uses.get(key, [])
        if rule.cooldown and uses and state.day - uses[-1] < rule.cooldown:
            continue
        if rule.limit:
            window = [d for d in uses if not rule.limit_days or state.day - d < rule.limit_days]
            if len(window) >= rule.limit:
                continue
        override = life.setup.rule_overrides.get(key)
        points = override if override is not None else rule.points.eval(life)
        old = state.scores.get(system_id, system.start)
        new = min(max(old + points, system.min), system.max)
        uses.append(state.day)
        state.rule_uses[key] = uses
        state.scores[system_id] = new
        shadow = system_id not in state.enrolled
        record = Record(state.day, system_id, rule_id, new - old, new, cause, shadow)
        state.records.append(record)
        if not shadow:
            if life.listening:
                life.notify(Notice("score", {"record": record}))
            update_tier(life, system_id, cause)
        else:
            state.tiers[system_id] = _tier_id(life, system_id)


def _tier_id(life: Life, system_id: str) -> str:
    tier = life.content.systems[system_id].tier_for(life.state.scores[system_id])
    return tier.id if tier else ""


def update_tier(life: Life, system_id: str, cause: str) -> None:
    """Recompute one system's tier; announce a change and its privileges."""
    state = life.state
    new = _tier_id(life, system_id)
    old = state.tiers.get(system_id, "")
    if new == old:
        return
    state.tiers[system_id] = new
    gained, lost = update_privileges(life, cause)
    if old:
        life.notify(Notice("tier", {"system": system_id, "old": old, "new": new, "gained": gained, "lost": lost}))


def _granted_and_revoked(life: Life) -> tuple[set[str], dict[str, tuple[str | bool, ...]]]:
    """Privileges granted by tiers and lists, and for each revoked one what revokes it.

    What revokes it is ``("tier", system, tier)``, ``("list", list)``, or
    ``("tier", system, tier, True)`` for a tier's ``reported_revoke``, which
    applies only as reported and gives way to any documented cause.
    """
    content, state = life.content, life.state
    granted: set[str] = set()
    revoked: dict[str, tuple[str | bool, ...]] = {}
    reported: list[tuple[str, tuple[str | bool, ...]]] = []
    as_reported = life.as_reported
    for system_id in state.enrolled:
        tier_id = state.tiers.get(system_id)
        tiers = content.systems[system_id].tiers
        current = next((t for t in tiers if t.id == tier_id), None)
        for tier in tiers:
            if current is not None and tier.min <= current.min:
                granted.update(tier.grant_up)
            if tier is current:
                granted.update(tier.grant)
                for p in tier.revoke:
                    revoked.setdefault(p, ("tier", system_id, tier.id))
                if as_reported:
                    reported.extend((p, ("tier", system_id, tier.id, True)) for p in tier.reported_revoke)
    for list_id in sorted(state.lists):
        blacklist = content.lists[list_id]
        granted.update(blacklist.grant)
        for p in blacklist.revoke:
            revoked.setdefault(p, ("list", list_id))
    for p, by in reported:
        revoked.setdefault(p, by)
    return granted, revoked


def update_privileges(life: Life, cause: str) -> tuple[list[str], list[str]]:
    """Recompute the privileges held; log and announce each one gained or lost."""
    state = life.state
    granted, revoked = _granted_and_revoked(life)
    held = (state.base_privileges | granted) - set(revoked)
    gained = sorted(held - state.privileges)
    lost = sorted(state.privileges - held)
    state.privileges = held
    for p in gained:
        state.privilege_log.append((state.day, p, True, cause))
        life.notify(Notice("privilege", {"privilege": p, "held": True, "by": None}))
    for p in lost:
        state.privilege_log.append((state.day, p, False, cause))
        life.notify(Notice("privilege", {"privilege": p, "held": False, "by": revoked.get(p)}))
    return gained, lost


def privilege_lock(life: Life, privilege: str) -> LockReason:
    """Why a privilege is not held: the tier or list that revokes it, or simply not granted."""
    _, revoked = _granted_and_revoked(life)
    by = revoked.get(privilege)
    if by and by[0] == "tier":
        args = {"privilege": privilege, "system": by[1], "tier": by[2], **_lifting_tier(life, privilege, str(by[1]))}
        return LockReason("tier_revokes", {**args, "reported": True} if len(by) > 3 else args)
    if by and by[0] == "list":
        return LockReason("list_revokes", {"privilege": privilege, "list": by[1]})
    granting = _granting_tier(life, privilege)
    if granting is not None:
        return granting
    return LockReason("privilege_missing", {"privilege": privilege, **_route(life, privilege)})


def _route(life: Life, privilege: str) -> dict[str, object]:
    """Where a privilege no enrolled grade grants could still come from in this life: ``join``, a system of the
    scenario not joined whose grades grant it ("" for none); ``none``, True when neither such a system nor any
    event of the scenario's world grants it (so the lock can say so, rather than leave the player looking)."""
    content, scenario = life.content, life.scenario
    for system_id in (*scenario.systems, *scenario.optional_systems):
        if system_id not in life.state.enrolled and any(
            privilege in t.grant or privilege in t.grant_up for t in content.systems[system_id].tiers
        ):
            return {"join": system_id, "none": False}
    granted_by_event = any(
        privilege in block.grant
        for event_id in life.index.world
        for choice in content.events[event_id].choices
        for block in (choice.effects, *(o.effects for o in choice.outcomes))
    )
    return {"join": "", "none": not granted_by_event}


def _lifting_tier(life: Life, privilege: str, system_id: str) -> dict[str, object]:
    """The nearest grade above the citizen's that no longer revokes ``privilege``, and the points short of it
    (``{"unlock": "", "short": 0}`` when no grade above lifts it)."""
    system = life.content.systems[system_id]
    score = life.state.scores.get(system_id, system.start)
    current = system.tier_index(life.state.tiers.get(system_id, ""))
    for tier in reversed(system.tiers[:current]):  # the next grade up first
        if privilege not in tier.revoke and not (life.as_reported and privilege in tier.reported_revoke):
            return {"unlock": tier.id, "short": max(0, tier.min - score)}
    return {"unlock": "", "short": 0}


def _granting_tier(life: Life, privilege: str) -> LockReason | None:
    """The nearest grade of an enrolled system that would grant ``privilege``: the lowest one above the
    citizen's score, else the highest one below it (a grade that grants a perk to itself only)."""
    content, state = life.content, life.state
    for system_id in sorted(state.enrolled):
        score = state.scores.get(system_id, 0)
        granting = [t for t in content.systems[system_id].tiers if privilege in t.grant or privilege in t.grant_up]
        above = [t for t in granting if t.min > score]
        tier = min(above, key=lambda t: t.min) if above else max(granting, key=lambda t: t.min, default=None)
        if tier is not None:
            args = {
                "privilege": privilege,
                "system": system_id,
                "tier": tier.id,
                "now": state.tiers.get(system_id, ""),
                "short": max(0, tier.min - score),
                "up": privilege in tier.grant_up,
            }
            return LockReason("privilege_tier", args)
    return None


def clause_lock(life: Life, clause: Clause, detail: str) -> LockReason:
    """Explain a failing ``enable_if`` clause."""
    kind, args, negated = clause.kind, clause.ids, clause.negated
    if kind == "has" and not negated:
        return _with_detail(privilege_lock(life, args[0]), detail)
    if kind == "listed":
        return LockReason("listed" if negated else "not_listed", {"list": args[0]}, detail)
    if kind == "at_least" and not negated:
        system = life.content.systems[args[0]]
        wanted = next((t for t in system.tiers if t.id == args[1]), None)
        short = max(0, wanted.min - life.score(args[0])) if wanted is not None and life.enrolled(args[0]) else None
        tier_args = {"system": args[0], "tier": args[1], "now": life.state.tiers.get(args[0], ""), "short": short}
        return LockReason("tier", tier_args, detail)
    if kind == "friend":
        return LockReason("friend", {"character": args[0], "negated": negated}, detail)
    if kind == "compare":
        space, ident, op, value = *args, clause.op, clause.bound(life)
        readers: dict[str, Callable[[str], object]] = {"stat": life.stat, "score": life.score, "tier": life.tier}
        now = readers[space](ident) if space in readers else None
        return LockReason("compare", {"namespace": space, "id": ident, "op": op, "value": value, "now": now}, detail)
    return LockReason("text", {"source": clause.source}, detail)


def _with_detail(reason: LockReason, detail: str) -> LockReason:
    return LockReason(reason.kind, reason.args, detail) if detail else reason
