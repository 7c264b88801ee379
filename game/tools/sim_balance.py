"""Balance targets measured: what a scenario's ``[[scenarios.ID.balance]]`` asks, beside what the lives did.

Each target is measured over the lives of its policy (``tier_jump`` over the
lives of every policy played for the scenario). Pure: tallies in, rows out;
``citizen simulate`` puts the rows under ``scenarios.<id>.balance`` and
``--strict`` fails on any row that is not ``ok``.
"""

from __future__ import annotations

from collections.abc import Mapping

from game.engine.content import BalanceTarget, Scenario
from game.tools.sim_tally import ScenarioTally

GRADE_SHARE = 0.05
"""A final grade counts towards a ``grades`` target when at least this share of lives ends on it (one in twenty)."""


def policies_for(scenario: Scenario, default: str) -> list[str]:
    """The policies a scenario's targets need played: ``default`` first, then the others named, in order."""
    return list(dict.fromkeys((default, *(t.policy for t in scenario.balance))))


def measure(target: BalanceTarget, tallies: Mapping[str, ScenarioTally]) -> tuple[float, str]:
    """The measured value of ``target`` (and, for a tier jump, the choice that made it)."""
    if target.measure == "tier_jump":
        ways = ("up", "down") if target.direction == "both" else (target.direction,)
        jumps = [t.tier_jumps.get(f"{target.subject}:{way}", (0, "")) for t in tallies.values() for way in ways]
        most = max(jumps, key=lambda j: j[0], default=(0, ""))
        return float(most[0]), most[1]
    tally = tallies[target.policy]
    if not tally.runs:
        return 0.0, ""
    if target.measure == "goal":
        met = sum(tally.goals_met.get(target.subject, {}).values())
        return round(met / tally.runs, 4), ""
    ends: Mapping[str, int] = tally.tiers.get(target.subject, {})
    return float(sum(1 for tier, n in ends.items() if tier and n / tally.runs >= GRADE_SHARE)), ""  # "": not enrolled


def bounds(target: BalanceTarget) -> dict[str, float]:
    """The target as ``{"min": …, "max": …}`` (only the bounds it sets)."""
    return {k: v for k, v in (("min", target.low), ("max", target.high)) if v is not None}


def rows(scenario: Scenario, tallies: Mapping[str, ScenarioTally]) -> list[dict]:
    """One row per target: what, under which policy, target, measured, ok."""
    out = []
    for target in scenario.balance:
        value, where = measure(target, tallies)
        ok = (target.low is None or value >= target.low) and (target.high is None or value <= target.high)
        row = {
            "measure": target.measure,
            target.measure: target.subject,
            "policy": "all" if target.measure == "tier_jump" else target.policy,
            "runs": sum(t.runs for t in tallies.values()) if target.measure == "tier_jump" else tallies[target.policy].runs,
            "target": bounds(target),
            "measured": value,
            "ok": ok,
        }
        if where:
            row["by"] = where
        if target.measure == "tier_jump":
            row["direction"] = target.direction
        out.append(row)
    return out


def describe(scenario_id: str, row: dict) -> str:
    """One line for a row: "scenario 'x': goal 'wed' (random): measured 0.62, target 0.1–0.4"."""
    target = row["target"]
    if "min" in target and "max" in target:
        wanted = f"{target['min']:g}–{target['max']:g}"
    elif "min" in target:
        wanted = f"at least {target['min']:g}"
    else:
        wanted = f"at most {target['max']:g}"
    what = {"goal": "share meeting goal", "grades": "final grades of", "tier_jump": "tiers one choice moves"}[row["measure"]]
    if row.get("direction", "both") != "both":
        what += f" {row['direction']}"
    by = f" (by {row['by']})" if row.get("by") else ""
    return (
        f"scenario '{scenario_id}': {what} '{row[row['measure']]}' ({row['policy']}): "
        f"measured {row['measured']:g}{by}, target {wanted}"
    )
