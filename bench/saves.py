"""Saves: writing and loading a 90-day life (load replays every choice and checks the snapshot)."""

from __future__ import annotations

import random
import tempfile
from pathlib import Path

from bench.measure import Figure, median_time
from game.engine.life import Life
from game.engine.state import Setup
from game.packs.loader import load_content
from game.saves import SaveStore

CONTENT = Path(__file__).resolve().parent.parent / "content"


def ninety_day_life(content, scenario: str) -> Life:
    chooser = random.Random(90)
    life = Life(content, Setup(scenario, 90, days=90))
    while (view := life.prompt()) is not None:
        life.choose(chooser.choice([v.choice.id for v in view.choices if v.lock is None]))
    return life


def run(quick: bool = False) -> list[Figure]:
    content = load_content([CONTENT])
    life = ninety_day_life(content, next(iter(content.scenarios)))
    repeat = 5 if quick else 21
    with tempfile.TemporaryDirectory() as tmp:
        store = SaveStore(Path(tmp))
        counter = iter(range(1_000_000))
        save = median_time(lambda: store.save(f"life{next(counter) % 2}", life, player="Bench"), repeat)
        load = median_time(lambda: store.load("life0", content), repeat)
    choices = len(life.state.log)
    return [
        Figure(
            "saves: save a 90-day life",
            save * 1000,
            "ms",
            budget=20,
            budget_kind="value_at_most",
            note=f"{choices} choices; atomic write with fsync and backups",
        ),
        Figure(
            "saves: load a 90-day life",
            load * 1000,
            "ms",
            budget=20,
            budget_kind="value_at_most",
            note="decode, replay every choice, compare with the snapshot",
        ),
    ]
