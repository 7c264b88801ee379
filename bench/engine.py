"""Engine throughput: lives and days per second, and how the cost per day grows with the event count."""

from __future__ import annotations

import random
import tempfile
import time
from pathlib import Path

from bench.generate import comparison_pack
from bench.measure import Figure
from game.engine.content import Content
from game.engine.life import Life
from game.engine.state import Setup
from game.packs.loader import load_content

CONTENT = Path(__file__).resolve().parent.parent / "content"


def play_lives(content: Content, scenarios: list[str], lives: int, seed: int = 1) -> tuple[float, int]:
    """Play ``lives`` random lives round-robin over ``scenarios``; return (seconds, days played)."""
    chooser = random.Random(seed)
    days = 0
    start = time.perf_counter()
    for i in range(lives):
        life = Life(content, Setup(scenarios[i % len(scenarios)], seed + i))
        while (view := life.prompt()) is not None:
            life.choose(chooser.choice([v.choice.id for v in view.choices if v.lock is None]))
        days += life.state.day
    return time.perf_counter() - start, days


def best_of(content: Content, scenarios: list[str], lives: int, runs: int) -> tuple[float, int]:
    """The median of several runs (seconds, days)."""
    results = sorted(play_lives(content, scenarios, lives, seed=1) for _ in range(runs))
    return results[len(results) // 2]


def run(quick: bool = False) -> list[Figure]:
    runs = 3 if quick else 5
    figures = []
    builtin = load_content([CONTENT])
    scenarios = list(builtin.scenarios)
    seconds, days = best_of(builtin, scenarios, 60 if quick else 300, runs)
    lives = 60 if quick else 300
    figures.append(
        Figure(
            "engine: built-in content",
            lives / seconds,
            "lives/s",
            note=f"{days / seconds:.0f} days/s, "
            f"{seconds / days * 1e6:.1f} µs per day, random choices over {len(scenarios)} scenarios",
            budget_kind="none",
        )
    )
    with tempfile.TemporaryDirectory() as tmp:
        shape = load_content([comparison_pack(Path(tmp) / "gen200", 200)])
        lives = 200 if quick else 1000
        seconds, days = best_of(shape, ["bench"], lives, runs)
        figures.append(
            Figure(
                "engine: comparison shape (200 events, 60 days)",
                lives / seconds,
                "lives/s",
                budget=500,
                budget_kind="value_at_least",
                note=f"{days / seconds:.0f} days/s; peers: ChoiceScript randomtest 10–14, inkjs 3–5 lives/s",
            )
        )
        per_day = {}
        for count in (1000, 5000, 20_000):
            content = load_content([comparison_pack(Path(tmp) / f"gen{count}", count)])
            seconds, days = best_of(content, ["bench"], 60 if quick else 200, runs)
            per_day[count] = seconds / days * 1e6
        for count in (5000, 20_000):
            figures.append(
                Figure(
                    f"engine: cost per day, {count} events",
                    per_day[count],
                    "µs/day",
                    per_day[1000],
                    "cost per day at 1 000 events",
                    3.0 if count == 20_000 else None,
                    "ratio_at_most" if count == 20_000 else "none",
                )
            )
    return figures
