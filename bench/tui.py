"""The TUI: start-up to the first screen and key-to-screen, each against a bare Textual app."""

from __future__ import annotations

import asyncio
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import ClassVar

from textual.app import App, ComposeResult
from textual.widgets import Static

from bench.measure import Figure

ROOT = Path(__file__).resolve().parent.parent

BARE_START = """
from textual.app import App
from textual.widgets import Static

class Bare(App):
    def compose(self):
        yield Static("AAA Citizen")

    def on_mount(self):
        self.call_after_refresh(self.exit)  # the first frame is out

Bare().run(headless=True, size=(120, 40))
"""

GAME_START = """
import sys
from game.cli import main
from game.tui import app as tui

# exactly what `citizen` runs, stopped when its first frame (the title) is out
tui.CitizenApp.after_first_screen = lambda self: self.exit(0)
tui.CitizenApp.run = lambda self, **kw: tui.App.run(self, headless=True, size=(120, 40))
sys.exit(main([]))
"""


def start_time(script: str, runs: int) -> float:
    """Median CPU time (user + system) of a process from its start to the first screen shown (and exit).

    CPU time rather than wall time: on a shared machine the wall clock mostly
    measures the neighbours.
    """
    times = []
    for _ in range(runs + 1):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run([sys.executable, "-c", script], cwd=ROOT, check=True, capture_output=True, timeout=120)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        times.append((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime))
    return statistics.median(times[1:])  # the first run warms the disk cache


class BareKeys(App):
    """The reference for key handling: a key updates one widget."""

    BINDINGS: ClassVar = [("1", "bump", "bump")]

    def compose(self) -> ComposeResult:
        yield Static("0", id="count")

    def action_bump(self) -> None:
        label = self.query_one("#count", Static)
        label.update(str(int(str(label.render())) + 1))


async def bare_keys(presses: int) -> float:
    async with BareKeys().run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        start = time.perf_counter()
        for _ in range(presses):
            await pilot.press("1")
            await pilot.pause()
        return (time.perf_counter() - start) / presses


async def game_keys(presses: int) -> float:
    """Time per choice in the day screen: the key, the engine, the notices, the screen settled."""
    from game.engine.state import Setup
    from game.packs.loader import load_content
    from game.tui.app import make_app
    from game.tui.screens.day import DayScreen

    content = load_content([ROOT / "content"])
    app = make_app(content, Setup("rongcheng_worker", 5, days=90), start=True)
    timed, total = 0, 0.0
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        while timed < presses and app.session.life is not None and not app.session.life.ended:
            if not isinstance(app.screen, DayScreen):  # a tier change or other modal: close it, untimed
                await pilot.press("escape")
                await pilot.pause()
                continue
            view = app.session.life.prompt()
            number = next(i for i, v in enumerate(view.choices, start=1) if v.lock is None)
            start = time.perf_counter()
            await pilot.press(str(number))
            await pilot.pause()
            total += time.perf_counter() - start
            timed += 1
    return total / max(timed, 1)


def run(quick: bool = False) -> list[Figure]:
    runs = 3 if quick else 7
    bare = start_time(BARE_START, runs)
    game = start_time(GAME_START, runs)
    presses = 20 if quick else 60
    bare_key = asyncio.run(bare_keys(presses))
    game_key = asyncio.run(game_keys(presses))
    return [
        Figure(
            "start-up: process start to the title screen",
            game * 1000,
            "ms",
            bare * 1000,
            "a bare Textual app showing one Static",
            1.3,
            note="headless, 120×40, `citizen` until its first frame (the packs load behind the title)",
        ),
        Figure(
            "key to screen: a choice, settled",
            game_key * 1000,
            "ms",
            bare_key * 1000,
            "a bare app's key updating one widget",
            2.0,
            note=f"median of {presses} choices in the day screen",
        ),
    ]
