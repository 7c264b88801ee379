"""``citizen simulate``: every report figure on tests/packs/sim, whose true answers are known."""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

import pytest

from game.cli import main
from game.engine import life as life_module
from game.engine import selection
from game.packs.loader import load_content
from game.tools.sim_report import strict_failures
from game.tools.sim_run import life_seed
from game.tools.simulate import simulate

SIM = Path(__file__).resolve().parent / "packs" / "sim"


@pytest.fixture(scope="module")
def sim():
    return load_content([SIM])


def report(content, scenario: str, policy: str, runs: int = 20, **kw) -> dict:
    args = argparse.Namespace(seed=kw.get("seed", 1), policy=policy, days=kw.get("days"), runs=runs, jobs=kw.get("jobs", 1))
    return simulate(content, [SIM], [scenario], args)


def test_compliant_lives_have_known_figures(sim) -> None:
    r = report(sim, "town_life", "compliant")
    assert r["runs"] == 20
    events = r["events"]
    assert (events["total"], events["in_play"], events["fired"]) == (5, 4, 2)
    assert events["never_fired"] == ["ghost", "last"]  # ghost can never fire; compliant citizens leave on day 5
    assert events["out_of_play"] == ["trap"]  # it needs the city of another scenario
    assert events["table"]["walk"] == {"fired": 60, "lives": 20, "share": 1.0}
    assert events["table"]["crossroads"] == {"fired": 20, "lives": 20, "share": 1.0}
    assert r["choices"]["never_offered"] == ["walk/hidden"]
    assert r["choices"]["always_locked"] == ["walk/locked"]
    assert r["choices"]["never_taken"] == ["crossroads/stay", "walk/bad"]
    assert r["dead_ends"] == 20
    assert r["dead_end_days"] == [{"scenario": "town_life", "day": 4, "lives": 20}]
    town = r["scenarios"]["town_life"]
    assert town["tiers"] == {"civic": [{"tier": "A", "lives": 20, "share": 1.0}]}
    assert town["median_score"] == {"civic": [[1, 120], [2, 140], [3, 160], [4, 160]]}  # day 5 never ends: they leave
    assert town["goals"] == {"reach_a": {"met": 20, "share": 1.0, "median_day": 3}}
    assert town["privileges_lost"] == {}
    assert town["ended_early"] == {
        "lives": 20,
        "share": 1.0,
        "median_day": 5,
        "endings": [{"text": "You left town.", "lives": 20}],
    }
    assert r["ended_early"] == 20 and r["stuck"] == 0


def test_defiant_lives_lose_the_train_on_day_three(sim) -> None:
    r = report(sim, "town_life", "defiant")
    town = r["scenarios"]["town_life"]
    assert r["events"]["never_fired"] == ["ghost"]
    assert town["tiers"] == {"civic": [{"tier": "D", "lives": 20, "share": 1.0}]}
    assert town["median_score"]["civic"] == [[1, 80], [2, 60], [3, 40], [4, 40], [5, 40], [6, 40]]
    assert town["privileges_lost"] == {"train": {"lives": 20, "share": 1.0, "median_day": 3}}
    assert town["goals"]["reach_a"]["met"] == 0
    assert town["ended_early"]["lives"] == 0
    assert r["choices"]["never_taken"] == ["crossroads/leave", "walk/good"]


def test_random_lives_agree_with_themselves(sim) -> None:
    r = report(sim, "town_life", "random", runs=200)
    town = r["scenarios"]["town_life"]
    left = town["ended_early"]["lives"]
    assert 50 < left < 150  # leaving is one of two choices on day 5
    assert r["events"]["table"]["last"]["lives"] == 200 - left  # only those who stay see day 6
    assert r["choices"]["never_taken"] == []
    assert sum(row["lives"] for row in town["tiers"]["civic"]) == 200


def test_mixed_lives_spread_over_the_grades(sim) -> None:
    town = report(sim, "town_life", "mixed", runs=200)["scenarios"]["town_life"]
    grades = {row["tier"] for row in town["tiers"]["civic"]}
    assert {"A", "D"} <= grades


def test_an_event_with_every_choice_locked_never_fires(sim) -> None:
    r = report(sim, "cell_life", "random", runs=10)
    assert r["events"]["never_fired"] == ["ghost", "trap"]
    assert r["dead_ends"] == 30 and r["scenarios"]["cell_life"]["dead_end_days"] == [
        {"day": 1, "lives": 10},
        {"day": 2, "lives": 10},
        {"day": 3, "lives": 10},
    ]
    assert r["stuck"] == 0


def test_a_soft_lock_would_be_reported_as_stuck(sim, monkeypatch) -> None:
    """The engine never offers an event without an open choice; if it ever did, the simulator says so."""
    monkeypatch.setattr(selection, "has_open_choice", lambda life, event: True)
    monkeypatch.setattr(life_module, "has_open_choice", lambda life, event: True)
    r = report(sim, "cell_life", "random", runs=10)
    assert r["stuck"] == 10
    assert r["stuck_at"] == [{"scenario": "cell_life", "event": "trap", "day": 1, "lives": 10}]
    assert any("stuck" in f for f in strict_failures(r))


def test_days_option_shortens_lives(sim) -> None:
    r = report(sim, "town_life", "defiant", days=2)
    town = r["scenarios"]["town_life"]
    assert town["length"] == 2 and r["dead_ends"] == 0
    assert town["median_score"]["civic"] == [[1, 80], [2, 60]]


def test_same_seed_same_report_and_other_seed_other_lives(sim) -> None:
    assert report(sim, "town_life", "random", runs=50) == report(sim, "town_life", "random", runs=50)
    assert report(sim, "town_life", "random", runs=50) != report(sim, "town_life", "random", runs=50, seed=2)


def test_life_seeds_are_distinct_and_stable() -> None:
    seeds = [life_seed(1, i) for i in range(10_000)]
    assert len(set(seeds)) == len(seeds)
    assert all(0 <= s < 2**31 for s in seeds)
    assert life_seed(7, 3) == life_seed(7, 3) != life_seed(8, 3)


def cli_json(capsys, *argv: str) -> tuple[int, dict, str]:
    code = main(["simulate", *argv, "--json"])
    out, err = capsys.readouterr()
    return code, json.loads(out), err


def test_cli_json_and_strict(capsys) -> None:
    code, data, err = cli_json(capsys, "--pack", str(SIM), "--scenario", "town_life", "--runs", "30")
    assert code == 0 and err == ""  # no progress bar when not on a terminal
    assert data["runs"] == 30 and data["events"]["never_fired"] == ["ghost"] and data["dead_ends"] == 30
    code, _, err = cli_json(capsys, "--pack", str(SIM), "--scenario", "town_life", "--runs", "30", "--strict")
    assert code == 1 and "never fired" in err and "dead-end" in err


def test_cli_defaults_to_the_scenarios_of_the_named_pack(capsys) -> None:
    assert cli_json(capsys, "--pack", str(SIM), "--runs", "5")[0] == 0
    _, data, _ = cli_json(capsys, "--pack", str(SIM), "--runs", "5")
    assert data["scenario_ids"] == ["town_life", "cell_life"] and data["runs"] == 10


def test_cli_jobs_give_the_same_json(capsys) -> None:
    argv = ("--pack", str(SIM), "--scenario", "all", "--runs", "120", "--policy", "mixed")
    _, one, _ = cli_json(capsys, *argv, "--jobs", "1")
    _, two, _ = cli_json(capsys, *argv, "--jobs", "2")
    assert one == two


def test_cli_tables(capsys) -> None:
    assert main(["simulate", "--pack", str(SIM), "--scenario", "town_life", "--runs", "10", "--policy", "defiant"]) == 0
    out = capsys.readouterr().out
    for expected in (
        "Events fired",
        "never fired",
        "ghost",
        "walk/locked",
        "walk/hidden",
        "Dead ends",
        "Privileges lost",
        "Train",
    ):
        assert expected in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--pack", "no/such/pack"], "no such folder"),
        (["--pack", str(SIM), "--scenario", "town_lif"], "did you mean 'town_life'"),
        (["--pack", str(SIM), "--runs", "0"], "--runs must be"),
        (["--pack", str(SIM), "--jobs", "0"], "--jobs must be"),
    ],
)
def test_cli_bad_input_is_one_clear_message(capsys, argv: list[str], message: str) -> None:
    assert main(["simulate", *argv]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_cli_pack_with_errors_lists_them(capsys, write_pack) -> None:
    folder = write_pack("broken", {"a.toml": "[stats.x]\nnmae = 'X'\n"})
    assert main(["simulate", "--pack", str(folder)]) == 1
    err = capsys.readouterr().err
    assert "a.toml:2: error: unknown key 'nmae'" in err


def test_builtin_content_simulates_and_jobs_agree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    """The Done-when run (--scenario all --runs 1000) is timed by hand; this is its smaller twin."""
    content = tmp_path / "content"
    shutil.copytree(Path(__file__).resolve().parent.parent / "content", content)  # a frozen copy of the built-in packs
    monkeypatch.setenv("CITIZEN_CONTENT", str(content))
    monkeypatch.setenv("CITIZEN_PACKS", str(tmp_path / "no-user-packs"))
    _, one, _ = cli_json(capsys, "--scenario", "all", "--runs", "30", "--jobs", "1")
    _, two, _ = cli_json(capsys, "--scenario", "all", "--runs", "30", "--jobs", "2")
    assert one == two
    assert one["runs"] == 30 * len(one["scenario_ids"]) and len(one["scenario_ids"]) >= 1
    assert one["events"]["total"] == len(one["events"]["table"]) > 0
    assert isinstance(one["dead_ends"], int) and isinstance(one["events"]["never_fired"], list)


def test_a_system_joined_in_some_lives_counts_the_others_as_not_enrolled(write_pack) -> None:
    folder = write_pack(
        "club",
        {
            "w.toml": """
            [systems.club]
            name = "Club"
            start = 10
            tiers = [{ id = "member", min = 0 }]
            [scenarios.s]
            name = "S"
            days = 1
            events_per_day = [1, 1]
            optional_systems = ["club"]
            [scenarios.s.character]
            name = "N"
            [[event]]
            id = "door"
            title = "A club"
            text = "Join?"
            [[event.choice]]
            id = "join"
            label = "Join"
            enrol = ["club"]
            [[event.choice]]
            id = "no"
            label = "No"
            """
        },
    )
    content = load_content([folder])
    args = argparse.Namespace(seed=1, policy="random", days=None, runs=100, jobs=1)
    tiers = simulate(content, [folder], ["s"], args)["scenarios"]["s"]["tiers"]["club"]
    joined = next(row["lives"] for row in tiers if row["tier"] == "member")
    assert 20 < joined < 80 and tiers[-1] == {"tier": "", "lives": 100 - joined, "share": round((100 - joined) / 100, 4)}
