"""The example pack in docs/examples/harbour: it validates, plays, and is printed verbatim in the guide."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from game.engine.life import Life
from game.engine.state import Setup
from game.packs.loader import load_content, validate

ROOT = Path(__file__).resolve().parent.parent
HARBOUR = ROOT / "docs" / "examples" / "harbour"
CORE = ROOT / "content" / "core"
GUIDE = ROOT / "docs" / "writing-packs.md"


@pytest.fixture(scope="module")
def harbour():
    return load_content([CORE, HARBOUR])


def test_validates_with_its_dependency_only() -> None:
    content, problems = validate([CORE, HARBOUR])
    assert problems == []
    assert content is not None
    assert "harbour_fisher" in content.scenarios


def test_loads_beside_every_builtin_pack_without_a_clash() -> None:
    _, problems = validate([ROOT / "content", HARBOUR])
    mine = [p for p in problems if "examples/harbour" in p.file]
    assert mine == []


def test_every_file_is_printed_verbatim_in_the_guide() -> None:
    guide = GUIDE.read_text(encoding="utf-8")
    blocks = re.findall(r"```toml\n(.*?)```", guide, flags=re.S)
    files = sorted(HARBOUR.glob("*.toml"))
    assert {f.name for f in files} == {"pack.toml", "world.toml", "events.toml", "scenarios.toml"}
    for path in files:
        assert path.read_text(encoding="utf-8") in blocks, f"{path.name} differs from its copy in {GUIDE.name}"


def test_random_lives_have_no_dead_ends_and_reach_every_harbour_event(harbour) -> None:
    fired: set[str] = set()
    for i in range(150):  # the market needs a catch to sell: about one life in twenty meets it
        life = Life(harbour, Setup("harbour_fisher", seed=1000 + 7919 * i))
        pick = random.Random(i)
        while (view := life.prompt()) is not None:
            open_choices = [c for c in view.choices if c.lock is None]
            assert open_choices, f"stuck on {view.event.id}"
            life.choose(pick.choice(open_choices).choice.id)
        assert life.state.quiet_days == []
        fired.update(life.state.event_count)
    ours = {e for e, ev in harbour.events.items() if ev.pack == "harbour"}
    assert ours - fired == set()


def test_the_ban_locks_the_ferry_with_its_reason(harbour) -> None:
    life = Life(harbour, Setup("harbour_fisher", seed=5))
    life.state.current = "hb_inspection"
    life.choose("refuse")
    assert "hb_harbour_ban" in life.state.lists
    assert "hb_ferry" not in life.state.privileges
    ferry = next(c for c in harbour.events["hb_ferry_trip"].choices if c.id == "ferry")
    lock = life.lock_of(ferry)
    assert lock is not None and lock.kind == "list_revokes" and lock.args["list"] == "hb_harbour_ban"


def test_the_harbour_life_has_a_world_a_weekday_an_act_and_targets_it_meets(harbour) -> None:
    """The example shows the arc features at work: simulate --strict holds its balance targets."""
    import json
    import subprocess
    import sys

    scenario = harbour.scenarios["harbour_fisher"]
    assert scenario.world_ids() == ("harbour", "core:city_life", "core:apartment")
    assert harbour.events["hb_fish_auction"].weekdays == frozenset({0})
    assert [a.id for a in scenario.acts] == ["inspection_season"] and scenario.balance
    for i in range(40):
        life = Life(harbour, Setup("harbour_fisher", seed=i))
        pick = random.Random(i)
        while (view := life.prompt()) is not None:
            assert view.event.id != "hb_fish_auction" or life.weekday == 0
            assert view.event.id != "hb_inspection" or life.state.day >= 5
            life.choose(pick.choice([c for c in view.choices if c.lock is None]).choice.id)
    result = subprocess.run(
        [sys.executable, "-m", "game", "simulate", "--pack", str(HARBOUR), "--runs", "200", "--strict", "--json"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)["scenarios"]["harbour_fisher"]
    assert report["world"] == ["harbour", "core"] and set(report["events_by_pack"]) <= {"harbour", "core"}
    assert [row["ok"] for row in report["balance"]] == [True] * 4
