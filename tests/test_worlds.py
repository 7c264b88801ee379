"""Worlds: a scenario draws only from the packs and pools it names, and the validator says when a world is wrong."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest

from game.cli import main
from game.engine.life import Life
from game.engine.state import Setup
from game.packs.loader import load_content, validate
from game.saves import SaveStore

BASE = {
    "base.toml": """
        [scenarios.home]
        name = "Home"
        days = 12
        [scenarios.home.character]
        name = "N"

        [[event]]
        id = "chores"
        title = "Chores"
        text = "The dishes."
        tags = ["house"]
        [[event.choice]]
        id = "ok"
        label = "Do them"

        [[event]]
        id = "office_day"
        title = "Office"
        text = "A meeting."
        tags = ["office"]
        [[event.choice]]
        id = "ok"
        label = "Go"
        schedule = [{ event = "office_party", after = 1 }]

        [[event]]
        id = "office_party"
        title = "Party"
        text = "Cake."
        weight = 0
        tags = ["office", "cake"]
        [[event.choice]]
        id = "ok"
        label = "Eat"
    """
}

LOUD = {
    "loud.toml": """
        [scenarios.{id}]
        name = "Loud"
        days = 12
        world = {world}
        [scenarios.{id}.character]
        name = "N"

        [[event]]
        id = "loud_{id}"
        title = "Loud"
        text = "Very likely."
        weight = 50
        [[event.choice]]
        id = "ok"
        label = "Fine"
    """
}


def _loud(scenario: str, world: str) -> dict[str, str]:
    return {"loud.toml": LOUD["loud.toml"].replace("{id}", scenario).replace("{world}", world)}


def _play(content, scenario: str, seeds: range) -> set[str]:
    fired: set[str] = set()
    for seed in seeds:
        life = Life(content, Setup(scenario, seed))
        while (view := life.prompt()) is not None:
            life.choose(next(v.choice.id for v in view.choices if v.lock is None))
        fired.update(life.state.event_count)
    return fired


def test_an_event_outside_the_world_never_fires(write_pack) -> None:
    base = write_pack("base", BASE)
    loud = write_pack("loud", _loud("away", '["base:house"]'), depends=["base"])
    content = load_content([base, loud])
    assert _play(content, "home", range(60)) == {"chores", "office_day", "office_party"}  # its own pack only, by default
    assert _play(content, "away", range(60)) == {"chores"}  # the pool, not the weight-50 event of its own pack


def test_the_default_world_is_the_scenarios_pack_and_its_dependencies(write_pack) -> None:
    base = write_pack("base", BASE)
    loud = write_pack("loud", _loud("near", "[]"), depends=["base"])
    content = load_content([base, loud])
    assert content.scenarios["home"].world == (("base", ""),)
    assert content.scenarios["near"].world == (("base", ""), ("loud", ""))
    assert "loud_near" in _play(content, "near", range(10))


def test_the_save_records_the_world(write_pack, tmp_path: Path) -> None:
    base = write_pack("base", BASE)
    loud = write_pack("loud", _loud("away", '["base:house", "base:office"]'), depends=["base"])
    content = load_content([base, loud])
    life = Life(content, Setup("away", 3))
    store = SaveStore(tmp_path / "saves")
    store.autosave(life, slot="away")
    saved = json.loads(store.path("away").read_text())
    assert saved["world"] == ["base:house", "base:office"]
    assert store.load("away", content).save.world == ["base:house", "base:office"]


FOLLOWS_CHORES = '\n        schedule = [{ event = "chores", after = 2 }]\n'
"""Appended to the loud event's choice: a follow-up in the base pack's house pool."""


@pytest.mark.parametrize(
    ("world", "extra", "message", "line"),
    [
        ('["nowhere"]', "", "unknown pack 'nowhere' in the world of scenario 'away'", 5),
        ('["base:garden"]', "", "pool 'base:garden' of scenario 'away' is empty: no event of pack 'base' has tag 'garden'", 5),
        ('["base:cake"]', "", "has no event its world can draw on days 1–12", 5),
        ('["base", "other"]', "", "scenario 'away' draws from pack 'other', which pack 'loud' does not depend on", 5),
        (
            '["loud"]',
            FOLLOWS_CHORES,
            "event 'loud_away' in the world of scenario 'away' schedules 'chores', which is outside it … 'base:house'",
            None,
        ),
    ],
    ids=["unknown_pack", "empty_pool", "nothing_to_draw", "not_depended_on", "follow_up_outside"],
)
def test_a_wrong_world_is_an_error(write_pack, world: str, extra: str, message: str, line: int | None) -> None:
    """Each wrong world is refused with its message (parts split by ' … '), at the world line where it has one."""
    base = write_pack("base", BASE)
    files = _loud("away", world)
    files["loud.toml"] += extra
    loud = write_pack("loud", files, depends=["base"])
    other = write_pack("other", _loud("elsewhere", "[]"))
    content, problems = validate([base, loud, other])
    assert content is None
    errors = [p for p in problems if p.severity == "error" and all(part in p.message for part in message.split(" … "))]
    assert errors, problems
    if line is not None:
        assert [(Path(p.file).name, p.line) for p in errors] == [("loud.toml", line)], errors


def test_a_day_without_events_names_the_days(write_pack) -> None:
    files = {
        "a.toml": """
            [scenarios.short]
            name = "S"
            days = 10
            [scenarios.short.character]
            name = "N"
            [[event]]
            id = "early"
            title = "Early"
            text = "Only early."
            days = [1, 6]
            [[event.choice]]
            id = "ok"
            label = "Ok"
        """
    }
    content, problems = validate([write_pack("short", files)])
    assert content is None
    assert any("scenario 'short' has no event its world can draw on days 7–10" in p.message for p in problems), problems


def test_built_in_lives_keep_to_their_worlds(builtin) -> None:
    """The Rongcheng worker never meets Sesame, the court or the shops; the kitchen hand never meets the office."""
    worker = _play(builtin, "rongcheng_worker", range(20))
    packs = {builtin.events[e].pack for e in worker}
    assert {"core", "rongcheng"} <= packs <= {"core", "rongcheng", "shanghai"}  # Shanghai's only after the Shanghai desk
    kitchen = _play(builtin, "shanghai_kitchen", range(20))
    assert not {e for e in kitchen if "office" in builtin.events[e].tags}
    assert not {"partner_li_wei", "wedding_plan", "heating_tap"} & kitchen
    for scenario in builtin.scenarios.values():
        assert scenario.world, scenario.id


def _sim_world(capsys, pack: Path) -> dict:
    assert main(["simulate", "--pack", str(pack), "--runs", "3", "--json"]) == 0
    return json.loads(capsys.readouterr().out)["scenarios"]


def test_simulate_and_play_of_a_pack_on_core_build_the_same_world(write_pack, capsys, tmp_path: Path, monkeypatch) -> None:
    """Neither command is told where core is; both find it installed and draw from the same world."""
    files = _loud("harbour_day", '["harbour", "core:city_life"]')
    pack = write_pack("harbour", files, depends=["core"])
    report = _sim_world(capsys, pack)["harbour_day"]
    assert report["world"] == ["harbour", "core"] and report["world_pools"] == ["harbour", "core:city_life"]
    assert set(report["events_by_pack"]) <= {"harbour", "core"}
    saves = tmp_path / "saves"
    monkeypatch.setattr("sys.stdin", io.StringIO("1\n1\n"))
    code = main(["play", "--plain", "--pack", str(pack), "--scenario", "harbour_day", "--seed", "2", "--saves", str(saves)])
    capsys.readouterr()
    assert code == 0
    (save,) = saves.glob("*.json")
    assert json.loads(save.read_text())["world"] == ["harbour", "core:city_life"]


ASSUMING = {
    "life.toml": """
        [scenarios.kitchen]
        name = "Kitchen"
        days = 10
        start_date = "2019-06-24"
        [scenarios.kitchen.character]
        name = "N"
        work = "other"

        [[event]]
        id = "noodles"
        title = "Noodles"
        text = "Steam."
        [[event.choice]]
        id = "ok"
        label = "Cook"

        [[event]]
        id = "sun_deck"
        title = "The sun deck"
        text = "Manager Sun stops at your desk."
        [event.assumes]
        job = "office"
        season = ["winter"]
        [[event.choice]]
        id = "ok"
        label = "Nod"
    """
}


def test_a_default_world_leaves_out_what_the_life_lacks(write_pack) -> None:
    content = load_content([write_pack("life", ASSUMING)])
    assert content.scenarios["kitchen"].left_out == {"sun_deck"}
    assert _play(content, "kitchen", range(5)) == {"noodles"}


def test_an_event_that_assumes_a_job_is_refused_for_a_scenario_without_one(write_pack) -> None:
    files = {"life.toml": ASSUMING["life.toml"].replace("days = 10\n", 'days = 10\n        world = ["life"]\n')}
    content, problems = validate([write_pack("life", files)])
    assert content is None
    errors = [(Path(p.file).name, p.line, p.message) for p in problems if p.severity == "error"]
    assert ("life.toml", 23, "event 'sun_deck' assumes an office job; scenario 'kitchen' has none") in errors, errors
    assert ("life.toml", 23, "event 'sun_deck' assumes winter; scenario 'kitchen' runs in summer") in errors, errors


def test_an_assumption_the_scenario_meets_is_no_problem(write_pack) -> None:
    files = {
        "life.toml": ASSUMING["life.toml"]
        .replace('work = "other"', 'work = "office"')
        .replace('start_date = "2019-06-24"', 'start_date = "2019-12-24"')
    }
    content, problems = validate([write_pack("life", files)])
    assert content is not None and not [p for p in problems if p.severity == "error"]


def test_built_in_events_state_their_assumptions(builtin) -> None:
    """Core's office, partner, children and winter events say so, and every built-in scenario meets what its world assumes."""
    office = [e for e in builtin.events.values() if "office" in e.tags and e.pack == "core"]
    assert office
    worlds = {s.id: {e for e in builtin.events.values() if s.admits(e)} for s in builtin.scenarios.values()}
    assert not {e for e in worlds["shanghai_kitchen"] if "office" in e.tags}
    assert "heating_tap" in {e.id for e in worlds["rongcheng_villager"]}
    assert "heating_tap" not in {e.id for e in worlds["rongcheng_worker"]}


CALENDAR = {
    "cal.toml": """
        [scenarios.weeks]
        name = "Weeks"
        days = 28
        start_date = "2019-10-14"
        [scenarios.weeks.character]
        name = "N"

        [[event]]
        id = "errand"
        title = "Errand"
        text = "An errand."
        [[event.choice]]
        id = "ok"
        label = "Go"
        [[event.choice]]
        id = "plan"
        label = "Plan a Saturday"
        schedule = [{ event = "outing", on = "saturday" }]

        [[event]]
        id = "market"
        title = "Saturday market"
        text = "Saturday, and the market is on."
        weight = 20
        weekdays = ["saturday"]
        [[event.choice]]
        id = "ok"
        label = "Browse"

        [[event]]
        id = "outing"
        title = "The outing"
        text = "The Saturday you planned."
        weight = 0
        [[event.choice]]
        id = "ok"
        label = "Go"
    """
}


@pytest.mark.parametrize(
    ("binding", "months"),
    [
        ('weekdays = ["saturday"]', {"10", "11"}),
        ("when = 'weekday == \"saturday\" and month == 10 and season == \"autumn\"'", {"10"}),  # expressions read the calendar
    ],
    ids=["weekdays", "expression"],
)
def test_a_saturday_event_and_next_saturday_come_only_on_saturdays(write_pack, binding: str, months: set[str]) -> None:
    """The market, bound to Saturdays (by its weekdays, or by an expression that also asks for October in autumn),
    and the outing a choice schedules for next Saturday come only on Saturdays (in those months)."""
    files = {"cal.toml": CALENDAR["cal.toml"].replace('weekdays = ["saturday"]', binding)}
    content = load_content([write_pack("cal", files)])
    start = dt.date(2019, 10, 14)  # a Monday
    seen: dict[str, set[str]] = {"market": set(), "outing": set()}
    for seed in range(30):
        life = Life(content, Setup("weeks", seed))
        while (view := life.prompt()) is not None:
            life.choose("plan" if view.event.id == "errand" and life.state.day % 3 == 0 else "ok")
        for day, event, _choice in life.state.log:
            if event in seen:
                seen[event].add((start + dt.timedelta(days=day - 1)).strftime("%A %m"))
    assert seen["outing"] and {when.split()[0] for when in seen["outing"]} == {"Saturday"}
    assert seen["market"] and {when.split()[0] for when in seen["market"]} == {"Saturday"}
    assert {when.split()[1] for when in seen["market"]} <= months


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            'id = "errand"',
            'id = "errand"\n        weekdays = ["monday"]',
            "has no event its world can draw on days 2–5, 7, 9–12, 14,",  # a world whose only events are bound
        ),
        ('weekdays = ["saturday"]', "when = 'weekdy == \"saturday\"'", "unknown name 'weekdy' … weekday"),
    ],
    ids=["days_left_empty", "unknown_name"],
)
def test_a_wrong_calendar_is_an_error(write_pack, old: str, new: str, message: str) -> None:
    content, problems = validate([write_pack("cal", {"cal.toml": CALENDAR["cal.toml"].replace(old, new)})])
    assert content is None
    assert any(all(part in p.message for part in message.split(" … ")) for p in problems), problems
