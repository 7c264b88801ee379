"""Balance targets: declared in a scenario, measured by ``citizen simulate``, held by ``--strict``."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from game.cli import main
from game.packs.loader import load_content
from game.packs.problems import PackError

SIM = Path(__file__).resolve().parent / "packs" / "sim"

TARGETS = """
[[scenarios.town_life.balance]]
goal = "reach_a"
policy = "compliant"
min = 0.9

[[scenarios.town_life.balance]]
goal = "reach_a"
policy = "defiant"
max = 0.05

[[scenarios.town_life.balance]]
tier_jump = "civic"
max = {jump}

[[scenarios.town_life.balance]]
tier_jump = "civic"
direction = "down"
max = 1
"""


def town(tmp_path: Path, jump: int) -> Path:
    """The simulator's test town with three targets; its good deeds (+20) take B to A in one step, one tier."""
    folder = tmp_path / "sim"
    shutil.copytree(SIM, folder)
    with (folder / "world.toml").open("a", encoding="utf-8") as f:
        f.write(TARGETS.format(jump=jump))
    events = folder / "events.toml"
    events.write_text(
        events.read_text(encoding="utf-8").replace("days = [6, 6]", "days = [4, 6]").replace("day > 100", "day == 6"),
        encoding="utf-8",
    )  # no dead end on day 4, and "last" and "ghost" can fire: only the targets are left to judge
    return folder


def run(capsys, folder: Path, *extra: str) -> tuple[int, dict, str]:
    code = main(["simulate", "--pack", str(folder), "--scenario", "town_life", "--runs", "40", "--json", *extra])
    out, err = capsys.readouterr()
    return code, json.loads(out), err


def test_targets_met_pass_strict_and_are_reported(tmp_path: Path, capsys) -> None:
    folder = town(tmp_path, jump=1)
    code, data, err = run(capsys, folder, "--strict")
    balance = data["scenarios"]["town_life"]["balance"]
    assert [(r["measure"], r["policy"], r["target"], r["measured"], r["ok"]) for r in balance] == [
        ("goal", "compliant", {"min": 0.9}, 1.0, True),
        ("goal", "defiant", {"max": 0.05}, 0.0, True),
        ("tier_jump", "all", {"max": 1.0}, 1.0, True),
        ("tier_jump", "all", {"max": 1.0}, 1.0, True),
    ]
    assert (balance[2]["direction"], balance[3]["direction"], balance[3]["by"]) == ("both", "down", "walk/bad")
    assert balance[2]["by"] in {"walk/good", "walk/bad", "crossroads/leave"}  # a choice that moved the score a tier
    assert balance[0]["runs"] == 40 and balance[2]["runs"] == 120  # random (the run's own), compliant, defiant
    assert code == 0, err


def test_an_unmet_target_makes_strict_exit_1_with_the_figures(tmp_path: Path, capsys) -> None:
    code, data, err = run(capsys, town(tmp_path, jump=0), "--strict")
    assert code == 1
    row = data["scenarios"]["town_life"]["balance"][2]
    assert (row["target"], row["measured"], row["ok"]) == ({"max": 0.0}, 1.0, False)
    shown = "scenario 'town_life': tiers one choice moves 'civic' (all): measured 1 (by {}), target at most 0"
    assert any(shown.format(by) in err for by in ("walk/good", "walk/bad", "crossroads/leave")), err
    assert err.splitlines()[-1] == "citizen simulate: strict: 1 balance target(s) missed"  # nothing else fails
    code, _, _ = run(capsys, town(tmp_path / "again", jump=0))
    assert code == 0  # without --strict the report is all


def test_every_scenario_gets_a_balance_key(capsys) -> None:
    code, data, _ = run(capsys, SIM)
    assert code == 0 and data["scenarios"]["town_life"]["balance"] == []


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ('goal = "reach_a"\ngrades = "civic"\nmin = 0.1', "must name exactly one of goal, grades or tier_jump, not goal and"),
        ('goal = "reach_b"\nmin = 0.1', "unknown goal of scenario 'town_life' 'reach_b' (did you mean 'reach_a'?)"),
        ('grades = "civics"\nmin = 2', "unknown score system of scenario 'town_life' 'civics'"),
        ('goal = "reach_a"', "has no bound: add min = … or max = …"),
        ('goal = "reach_a"\nmin = 25', "a goal's share is from 0 to 1"),
        ('grades = "civic"\nmin = 3\nmax = 2', "min 3 is above max 2"),
        ('goal = "reach_a"\npolicy = "careful"\nmin = 0.1', "policy"),
    ],
)
def test_bad_targets_are_refused_at_their_line(tmp_path: Path, target: str, message: str) -> None:
    folder = tmp_path / "sim"
    shutil.copytree(SIM, folder)
    text = (folder / "world.toml").read_text(encoding="utf-8")
    (folder / "world.toml").write_text(text + "\n[[scenarios.town_life.balance]]\n" + target + "\n", encoding="utf-8")
    header = len(text.splitlines()) + 2  # the target's [[…]] line; its keys follow
    with pytest.raises(PackError) as caught:
        load_content([folder])
    at = [(p.line, p.message) for p in caught.value.problems if p.file.endswith("world.toml") and message in p.message]
    assert at and header <= at[0][0] <= header + 3, (header, caught.value.problems)
