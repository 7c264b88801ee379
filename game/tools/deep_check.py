"""``citizen validate --deep``: a quick simulation whose findings become warnings with file and line.

Warnings: events that never fired, days with no eligible event (dead ends),
choices locked every time they were offered, choices never shown, and lives
stuck on an event with no open choice. Lines come from the loader's own reader
(the origin of the declaration that won the layering). No Rich here.
"""

from __future__ import annotations

from pathlib import Path

from game.engine.content import Content
from game.packs.problems import Problem, Problems
from game.packs.reader import Origin, read_pack
from game.tools.sim_report import Tally
from game.tools.sim_run import batches, play_batch

RUNS = 100
"""Lives per scenario: enough to catch what never happens, quick enough to run on every save."""


def origins(content: Content) -> tuple[dict[str, Origin], dict[str, Origin]]:
    """Where each event and each scenario was declared (the last pack in load order wins, as in layering)."""
    events: dict[str, Origin] = {}
    scenarios: dict[str, Origin] = {}
    for info in content.packs:
        source = read_pack(Path(info.path), Problems())
        for item in source.events:
            events[item.value.id] = item.origin
        for scenario_id, item in source.sections.get("scenarios", {}).items():
            scenarios[scenario_id] = item.origin
    return events, scenarios


def simulate_quickly(content: Content, runs: int = RUNS, seed: int = 1) -> dict:
    """The simulator's report for ``runs`` random lives of every scenario."""
    scenarios = list(content.scenarios)
    tally = Tally(content, scenarios, {"seed": seed, "policy": "random", "days": None})
    for batch in batches(scenarios, runs, seed, None, "random"):
        tally.add(play_batch(content, batch))
    return tally.report()


def deep_problems(content: Content, runs: int = RUNS, seed: int = 1) -> list[Problem]:
    """Warnings from a quick simulation of every scenario, each at the line of what it is about."""
    if not content.scenarios:
        return []
    report = simulate_quickly(content, runs, seed)
    events, scenarios = origins(content)
    found = Problems()
    lives = f"{runs} simulated lives per scenario"

    def at_event(event_id: str, sub: str, message: str) -> None:
        origin = events.get(event_id)
        if origin is None:
            found.warning(content.events[event_id].pack, 0, message)
        else:
            found.warning(origin.file, origin.at(sub) if sub else origin.line, message)

    def choice_index(event_id: str, choice_id: str) -> str:
        ids = [c.id for c in content.events[event_id].choices]
        return f"choice[{ids.index(choice_id)}]" if choice_id in ids else ""

    for event_id in report["events"]["never_fired"]:
        at_event(event_id, "", f"event '{event_id}' never fired in {lives}; check its when, days, weight and what schedules it")
    for key in report["choices"]["always_locked"]:
        event_id, choice_id = key.split("/", 1)
        at_event(event_id, choice_index(event_id, choice_id), f"choice '{key}' was locked every time it was offered in {lives}")
    for key in report["choices"]["never_offered"]:
        event_id, choice_id = key.split("/", 1)
        at_event(
            event_id, choice_index(event_id, choice_id), f"choice '{key}' was never shown in {lives}: its show_if never held"
        )
    for row in report["stuck_at"]:
        at_event(row["event"], "", f"event '{row['event']}' offered no open choice on day {row['day']} in {row['lives']} lives")
    for scenario_id, data in report["scenarios"].items():
        if not data["dead_end_days"]:
            continue
        worst = sorted(data["dead_end_days"], key=lambda row: (-row["lives"], row["day"]))[:3]
        days = ", ".join(f"day {row['day']} ({row['lives']} lives)" for row in worst)
        origin = scenarios.get(scenario_id)
        found.warning(
            origin.file if origin else scenario_id,
            origin.line if origin else 0,
            f"scenario '{scenario_id}' has dead ends (days with no eligible event) in {data['dead_end_lives']} of "
            f"{data['runs']} simulated lives, {data['dead_ends']} days in all; most often {days}; "
            "add events that are always eligible there (routines: `repeatable = true`), or shorten cooldowns",
        )
    return found.items
