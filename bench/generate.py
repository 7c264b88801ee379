"""Generated packs for benchmarks: the narrative-engine comparison shape, and N-event packs."""

from __future__ import annotations

import random
from pathlib import Path

STATS = ("wealth", "health", "mood", "rep")
FLAGS = tuple(f"f{i}" for i in range(6))


def _clause(rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.55:
        stat = rng.choice(STATS)
        op = rng.choice((">=", "<="))
        value = rng.randint(10, 40) if op == ">=" else rng.randint(60, 90)
        return f"stat.{stat} {op} {value}"
    if kind < 0.8:
        flag = rng.choice(FLAGS)
        return f"flag.{flag}" if rng.random() < 0.3 else f"not flag.{flag}"
    return f"day >= {rng.randint(1, 20)}"


def comparison_pack(folder: Path, events: int = 200, seed: int = 1, days: int = 60) -> Path:
    """The shape used to compare narrative engines: events with 3 choices and 3–4 clause conditions.

    Every event's condition is a conjunction of 3–4 clauses over 4 numeric stats,
    6 flags and the day; one choice in three is gated by a stat; each choice
    changes 1–3 stats; about 15% of events happen once; one event a day.
    """
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "pack.toml").write_text(f'[pack]\nid = "gen{events}"\nname = "Generated ({events} events)"\n')
    header: list[str] = []
    for stat in STATS:
        header.append(f'[stats.{stat}]\nname = "{stat.title()}"\nmin = 0\nmax = 100\nstart = 50\n')
    header.append(
        f'[scenarios.bench]\nname = "Bench"\ndays = {days}\nevents_per_day = [1, 1]\n'
        '[scenarios.bench.character]\nname = "Bench"\n'
    )
    (folder / "world.toml").write_text("\n".join(header), encoding="utf-8")
    out: list[str] = []
    for i in range(events):
        if i and i % EVENTS_PER_FILE == 0:
            _flush(folder, i, out)
        clauses = " and ".join(_clause(rng) for _ in range(rng.randint(3, 4)))
        once = "true" if rng.random() < 0.15 else "false"
        out.append(
            f'[[event]]\nid = "e{i}"\ntitle = "Event {i}"\ntext = "Text {i}."\nweight = {rng.randint(1, 5)}\n'
            f'when = "{clauses}"\nonce = {once}\n'
        )
        for j in range(3):
            changes = ", ".join(f"{s} = {rng.choice((-5, -3, -1, 2, 4, 6))}" for s in rng.sample(STATS, rng.randint(1, 3)))
            out.append(f'[[event.choice]]\nid = "c{j}"\nlabel = "Choice {j}"\nstats = {{ {changes} }}\n')
            if j == 2:
                out.append(f'enable_if = "stat.{rng.choice(STATS)} >= {rng.randint(20, 60)}"\n')
            if rng.random() < 0.2:
                out.append(f'flags = ["{rng.choice(FLAGS)}"]\n')
            elif rng.random() < 0.2:
                out.append(f'unflag = ["{rng.choice(FLAGS)}"]\n')
    # always-possible fallbacks keep every day busy, as a real pack would
    for k in range(3):
        out.append(
            f'[[event]]\nid = "calm{k}"\ntitle = "A calm day"\ntext = "Nothing much."\nweight = 1\n'
            '[[event.choice]]\nid = "rest"\nlabel = "Rest"\nstats = { mood = 1 }\n'
            '[[event.choice]]\nid = "work"\nlabel = "Work"\nstats = { wealth = 2, mood = -1 }\n'
        )
        if k < 2:
            out.append('flags = ["f0"]\n')
    _flush(folder, events, out)
    return folder


EVENTS_PER_FILE = 1000


def _flush(folder: Path, upto: int, out: list[str]) -> None:
    """Write the collected events to one file (packs limit the size of a file) and clear them."""
    (folder / f"events_{upto:06d}.toml").write_text("\n".join(out), encoding="utf-8")
    out.clear()
