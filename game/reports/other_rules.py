"""'Under other rules', in words: what each comparison system did with the same life.

For every system a scenario compares against (``compare``), a few plain lines:
which of the player's acts it counted, which acts the real systems recorded that
it never saw, and where its grades would have locked or opened something the
real ones did not (or the reverse). Pure wording over the finished state.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from game import present
from game.strings import S

if TYPE_CHECKING:
    from game.engine.content import Content, System
    from game.engine.state import State

SHOWN = 4
"""At most this many acts are named in one list; the rest are counted."""


def other_rules_lines(content: Content, state: State) -> list[str]:
    """The lines for every comparison system of the life (none when it has no comparison), as text:
    each system's heading, then its lines indented."""
    return [line for section in other_rules_sections(content, state) for line in section]


def other_rules_sections(content: Content, state: State) -> list[list[str]]:
    """One section per comparison system: its heading ('Under …:'), then its lines (as the string table indents
    them; a report that lays them out itself strips them)."""
    real = [s for s in state.enrolled if s in content.systems]
    ever = list(dict.fromkeys([*real, *(r.system for r in state.records if not r.shadow)]))
    return [_one_system(content, state, shadow_id, ever) for shadow_id in state.shadow if shadow_id in content.systems]


def _one_system(content: Content, state: State, shadow_id: str, real: list[str]) -> list[str]:
    shadow = content.systems[shadow_id]
    name = present.name_of(content, "system", shadow_id)
    counted: dict[str, list[float]] = {}
    for rec in state.records:
        if rec.shadow and rec.system == shadow_id:
            counted.setdefault(rec.rule, []).append(rec.points)
    lines = [S["other_rules_header"].format(system=name)]
    if counted:
        items = [
            S["other_rules_act"].format(
                rule=present.rule_name(content, shadow_id, rule),
                times=S["other_rules_times"].format(n=len(points)) if len(points) > 1 else "",
                points=present.signed_score(content, shadow_id, round(sum(points), 1)),
            )
            for rule, points in sorted(counted.items(), key=lambda kv: sum(kv[1]))
        ]
        lines.append(S["other_rules_counted"].format(n=len(items), acts=_listed(items)))
    else:
        lines.append(S["other_rules_counted_none"])
    ignored: dict[str, tuple[str, float]] = {}
    for rec in state.records:
        if not rec.shadow and rec.rule not in shadow.rules and rec.rule not in counted:
            rule_name, total = ignored.get(rec.rule, (present.rule_name(content, rec.system, rec.rule), 0.0))
            ignored[rec.rule] = (rule_name, total + rec.points)
    if ignored:
        # what it missed that was rewarded first: "it never saw your volunteering"
        names = [n for n, _ in sorted(ignored.values(), key=lambda item: -item[1])]
        lines.append(S["other_rules_ignored"].format(acts=_listed(names)))
    elif any(not r.shadow for r in state.records):
        lines.append(S["other_rules_ignored_none"])
    lines += _locks(content, state, shadow_id, shadow, real)
    return lines


def _locks(content: Content, state: State, shadow_id: str, shadow: System, real: list[str]) -> list[str]:
    """Privileges the real grades took or gave that this system's grades would not have, and the reverse."""
    real_revoked: set[str] = set()
    real_granted: set[str] = set()
    for system_id in real:
        system = content.systems[system_id]
        revoked, granted = _tier_effects(system, _tiers_reached(system, state))
        real_revoked |= revoked
        real_granted |= granted
    shadow_revoked, shadow_granted = _tier_effects(shadow, _tiers_reached(shadow, state))
    name = present.name_of(content, "system", shadow_id)
    lines = []
    spared = sorted(real_revoked - shadow_revoked)
    if spared:
        lines.append(S["other_rules_spared"].format(system=name, privileges=_privileges(content, spared)))
    missed = sorted(real_granted - shadow_granted)
    if missed:
        lines.append(S["other_rules_missed"].format(system=name, privileges=_privileges(content, missed)))
    worse = sorted(shadow_revoked - real_revoked)
    if worse:
        lines.append(S["other_rules_worse"].format(system=name, privileges=_privileges(content, worse)))
    better = sorted(shadow_granted - real_granted)
    if better:
        lines.append(S["other_rules_better"].format(system=name, privileges=_privileges(content, better)))
    if not (spared or missed or worse or better):
        lines.append(S["other_rules_same_doors"].format(system=name))
    return lines


def _tiers_reached(system: System, state: State) -> set[str]:
    """Every tier the system's score stood in at some point of the life: at the start, after each record, each night."""
    records = [r for r in state.records if r.system == system.id]
    scores = [*state.history.get(system.id, []), *(r.score for r in records)]
    if records:
        scores.append(records[0].score - records[0].points)
    reached = {t.id for score in scores if (t := system.tier_for(score)) is not None}
    return reached | {state.tiers.get(system.id, "")}


def _tier_effects(system: System, tiers: set[str]) -> tuple[set[str], set[str]]:
    revoked: set[str] = set()
    granted: set[str] = set()
    for tier in system.tiers:
        if tier.id in tiers:
            revoked.update(tier.revoke)
            granted.update(tier.grant)
    return revoked, granted


def _privileges(content: Content, ids: list[str]) -> str:
    return _listed([present.name_of(content, "privilege", p) for p in ids])


def _listed(items: list[str]) -> str:
    """'a, b and c'; past :data:`SHOWN` items, 'a, b, c, d and 3 more'."""
    return present.list_words(items, SHOWN)
