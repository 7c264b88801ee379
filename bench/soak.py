"""Soak: 20 000 lives in one process; memory after warm-up must not grow beyond a few percent."""

from __future__ import annotations

import gc
import random
import time
from pathlib import Path

from bench.measure import Figure
from game.engine.life import Life
from game.engine.state import Setup
from game.packs.loader import load_content

CONTENT = Path(__file__).resolve().parent.parent / "content"
WARM_UP = 2_000


def resident_kib() -> int:
    """Current resident memory of this process in KiB (Linux), after a full collection."""
    gc.collect()
    with open("/proc/self/statm") as handle:
        pages = int(handle.read().split()[1])
    import resource

    return pages * resource.getpagesize() // 1024


def soak(lives: int, warm_up: int = WARM_UP) -> tuple[int, int, float]:
    """Play ``lives`` random lives over every scenario; return (KiB after warm-up, KiB at the end, seconds)."""
    content = load_content([CONTENT])
    scenarios = list(content.scenarios)
    chooser = random.Random(20_000)
    before = 0
    start = time.perf_counter()
    for i in range(lives):
        if i == warm_up:
            before = resident_kib()
        life = Life(content, Setup(scenarios[i % len(scenarios)], i))
        while (view := life.prompt()) is not None:
            life.choose(chooser.choice([v.choice.id for v in view.choices if v.lock is None]))
    return before, resident_kib(), time.perf_counter() - start


def run(quick: bool = False) -> list[Figure]:
    lives = 4_000 if quick else 20_000
    before, after, seconds = soak(lives, min(WARM_UP, lives // 4))
    return [
        Figure(
            f"soak: memory after {lives:,} lives",
            after / 1024,
            "MiB",
            before / 1024,
            "memory after warm-up",
            1.05,
            note=f"{lives / seconds:.0f} lives/s over the whole soak",
        )
    ]
