"""Issue 15's variety target: in a full-length built-in life, no non-routine event fires more than twice (median over lives)."""

from __future__ import annotations

import json

from game.cli import main


def test_every_built_in_scenario_keeps_non_routine_repeats_to_two(capsys) -> None:
    assert main(["simulate", "--scenario", "all", "--runs", "100", "--json"]) == 0
    scenarios = json.loads(capsys.readouterr().out)["scenarios"]
    assert len(scenarios) >= 7
    over = {s: r["max_repeats"] for s, r in scenarios.items() if r["max_repeats"]["median"] > 2}
    assert not over, f"median max_repeats above 2: {over}"
    assert all("routine_repeats" in r for r in scenarios.values())
