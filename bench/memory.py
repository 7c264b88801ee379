"""Memory: peak resident memory of whole processes, each against its reference, interleaved.

- a 60-day life played in the TUI (headless) against a bare Textual app;
- ``citizen simulate --scenario all --runs 1000`` against ``--runs 100``: with
  streaming aggregates the peak must not grow with the number of lives.

The peak is the kernel's VmHWM of the child (see bench/pairs.py).
"""

from __future__ import annotations

from bench.measure import Figure
from bench.pairs import child, paired

SIXTY_DAYS = """
from game import paths
from game.engine.state import Setup
from game.packs.loader import load_content
from game.tui.run import make_app
from game.tui.screens.day import DayScreen

async def play(pilot):
    app = pilot.app
    await pilot.pause()
    while app.session.life is not None and not app.session.life.ended:
        if not isinstance(app.screen, DayScreen):
            await pilot.press("escape")
        else:
            view = app.session.life.prompt()
            await pilot.press(str(next(i for i, v in enumerate(view.choices, 1) if v.lock is None)))
        await pilot.pause()
    app.exit()

content = load_content(paths.default_pack_paths())
app = make_app(content, Setup("rongcheng_worker", 60, days=60), start=True)
app.run(headless=True, size=(120, 40), auto_pilot=play)
"""

BARE = """
from textual.app import App
from textual.widgets import Static

class Bare(App):
    def compose(self):
        yield Static("AAA Citizen")

async def once(pilot):
    await pilot.pause()
    pilot.app.exit()

Bare().run(headless=True, size=(120, 40), auto_pilot=once)
"""


SIMULATE = """
import sys
from game.cli import main
main(sys.argv[1:])
"""


def simulate_peak(runs: int) -> float:
    """Peak KiB of ``citizen simulate --scenario all --runs N --json`` (output discarded)."""
    return child(SIMULATE, ["simulate", "--scenario", "all", "--runs", str(runs), "--json"]).peak_kib


def run(quick: bool = False) -> list[Figure]:
    pairs = 3 if quick else 5
    life = paired(lambda: child(SIXTY_DAYS).peak_kib, lambda: child(BARE).peak_kib, pairs)
    many = 300 if quick else 1000
    sim = paired(lambda: simulate_peak(many), lambda: simulate_peak(many // 10), 1 if quick else 3, warmup=0)
    return [
        Figure(
            "memory: a 60-day life in the TUI (peak RSS)",
            life.a / 1024,
            "MiB",
            life.b / 1024,
            "a bare Textual app",
            1.8,
            note=f"played to its end (60 days), headless; median of {pairs} interleaved pairs",
            paired_ratio=life.ratio,
        ),
        Figure(
            f"memory: simulate --scenario all --runs {many} (peak RSS)",
            sim.a / 1024,
            "MiB",
            sim.b / 1024,
            f"the same with --runs {many // 10}",
            1.3,
            note=f"median of {sim.pairs} interleaved pairs",
            paired_ratio=sim.ratio,
        ),
    ]
