"""The TUI: start-up to the first screen and key-to-screen, each against a bare Textual app."""

from __future__ import annotations

import asyncio
import sys
import time
from pathlib import Path
from typing import ClassVar

from textual.app import App, ComposeResult
from textual.widgets import Static

from bench.measure import Figure
from bench.pairs import Paired, paired, run_child

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
from textual.app import App
from game.cli import main
from game.tui import app as tui

# exactly what `citizen` runs, stopped when its first frame (the title) is out
tui.CitizenApp.after_first_screen = lambda self: self.exit(0)
tui.CitizenApp.run = lambda self, **kw: App.run(self, headless=True, size=(120, 40))
sys.exit(main([]))
"""


def start_up(runs: int) -> Paired:
    """CPU time (user + system) of `citizen` to its title against a bare Textual app, interleaved.

    CPU time rather than wall time: on a shared machine the wall clock mostly
    measures the neighbours. One untimed pair first warms the disk cache.
    """
    return paired(
        lambda: run_child([sys.executable, "-c", GAME_START]), lambda: run_child([sys.executable, "-c", BARE_START]), runs
    )


def citizen_command() -> list[str]:
    """How a player runs the game: the installed ``citizen`` script next to this Python, else ``python -m game``."""
    script = Path(sys.executable).with_name("citizen")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "game"]


def help_time(runs: int) -> Paired:
    """CPU time of ``citizen --help`` against ``python -c pass``, interleaved."""
    return paired(lambda: run_child([*citizen_command(), "--help"]), lambda: run_child([sys.executable, "-c", "pass"]), runs)


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
    from game.tui.run import make_app
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
    runs = 3 if quick else 9
    start = start_up(runs)
    helped = help_time(runs)
    presses = 20 if quick else 60
    bare_key = asyncio.run(bare_keys(presses))
    game_key = asyncio.run(game_keys(presses))
    return [
        Figure(
            "start-up: process start to the title screen",
            start.a * 1000,
            "ms",
            start.b * 1000,
            "a bare Textual app showing one Static",
            1.2,
            note=f"CPU time, median of {runs} interleaved pairs; headless, 120×40, `citizen` until its first frame",
            paired_ratio=start.ratio,
        ),
        Figure(
            "start-up: citizen --help",
            helped.a * 1000,
            "ms",
            helped.b * 1000,
            "python -c pass",
            3.0,
            note=f"CPU time, median of {runs} interleaved pairs",
            paired_ratio=helped.ratio,
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
