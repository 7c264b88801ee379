"""The elsewhere pack: the same Rongcheng life, priced in the shadow of other systems."""

from __future__ import annotations

from dataclasses import fields, replace
from pathlib import Path

import pytest

from game.engine.content import Goal, Scenario
from game.engine.life import Life
from game.engine.state import Setup
from game.packs.loader import load_content, validate

CONTENT = Path(__file__).resolve().parent.parent / "content"
PACKS = [CONTENT / "core", CONTENT / "shanghai", CONTENT / "rongcheng", CONTENT / "elsewhere"]
# The only fields in which the mirror may differ from rongcheng_worker; every other
# field of Scenario (including any added later) must match. Its world adds this pack.
OWN = {"id", "name", "description", "source", "compare", "pack", "world", "balance"}
"""What the mirror has of its own (its balance adds targets for its comparison systems)."""


@pytest.fixture(scope="module")
def elsewhere():
    return load_content(PACKS)


def test_validates_with_its_dependencies(elsewhere) -> None:
    content, problems = validate(PACKS)
    assert content is not None and [p for p in problems if p.severity == "error"] == []
    assert len([e for e in elsewhere.events.values() if e.pack == "elsewhere"]) >= 10


def test_the_bureau_records_only_failures(elsewhere) -> None:
    life = Life(elsewhere, Setup("elsewhere_mirror", seed=1))
    rules = elsewhere.systems["fico_like"].rules
    assert rules and all(rule.points.eval(life) < 0 for rule in rules.values())
    for act in ("volunteering", "caring_for_parents", "donation", "jaywalking"):
        assert act not in rules, f"a bureau that records only failures to pay does not price {act}"


def _goal(goal: Goal) -> tuple:
    return tuple(goal.when.source if f.name == "when" else getattr(goal, f.name) for f in fields(Goal))


def _same_life(scenario: Scenario) -> dict:
    out = {f.name: getattr(scenario, f.name) for f in fields(Scenario) if f.name not in OWN}
    out["goals"] = [_goal(goal) for goal in scenario.goals]
    return out


def test_the_mirror_is_the_rongcheng_workers_life(elsewhere) -> None:
    mirror, worker = elsewhere.scenarios["elsewhere_mirror"], elsewhere.scenarios["rongcheng_worker"]
    assert {f.name for f in fields(Scenario)} > OWN
    ours, theirs = _same_life(mirror), _same_life(worker)
    assert ours == theirs, {k: (ours[k], theirs[k]) for k in ours if ours[k] != theirs[k]}
    assert mirror.compare == ("fico_like", "ride_rating") and not worker.compare
    assert mirror.world == (*worker.world, ("elsewhere", "")) and mirror.pack == "elsewhere"


def test_the_mirror_plays_the_same_life_move_for_move(elsewhere) -> None:
    """Without this pack's own events in its world, the mirror is the worker's life exactly."""
    worker_world = elsewhere.scenarios["rongcheng_worker"].world
    scenarios = {**elsewhere.scenarios}
    scenarios["elsewhere_mirror"] = replace(scenarios["elsewhere_mirror"], world=worker_world)
    same_world = replace(elsewhere, scenarios=scenarios)
    mirror = Life(same_world, Setup("elsewhere_mirror", seed=4))
    worker = Life(same_world, Setup("rongcheng_worker", seed=4))
    while (view := worker.prompt()) is not None:
        other = mirror.prompt()
        assert other is not None and (other.day, other.event.id) == (view.day, view.event.id)
        choice = next(v.choice.id for v in reversed(view.choices) if v.lock is None)
        worker.choose(choice)
        mirror.choose(choice)
    assert mirror.prompt() is None
    assert mirror.state.scores["municipal"] == worker.state.scores["municipal"]
    assert mirror.state.goals == worker.state.goals


def test_the_same_choices_score_differently_in_the_shadows(elsewhere) -> None:
    life = Life(elsewhere, Setup("elsewhere_mirror", seed=2))
    assert life.state.shadow == ["fico_like", "ride_rating"]
    life.state.current = "else_ride_waiting"
    life.choose("take_time")
    life.state.current = "else_ride_chatty"
    life.choose("chat")
    by_system = {}
    for record in life.state.records:
        by_system.setdefault(record.system, []).append((record.rule, record.points, record.shadow))
    assert by_system["ride_rating"] == [("ride_late", -8, True), ("ride_polite", 3, True)]
    assert "municipal" not in by_system and "fico_like" not in by_system
    assert life.state.scores["ride_rating"] == 475
