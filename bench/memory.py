"""Memory: peak resident memory of a 60-day life played in the TUI (headless), in its own process.

The peak is the kernel's VmHWM of the child: ``ru_maxrss`` would carry over the
parent's high-water mark across fork and exec.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from bench.measure import Figure

ROOT = Path(__file__).resolve().parent.parent

SIXTY_DAYS = """
import json
from game import paths
from game.engine.state import Setup
from game.packs.loader import load_content
from game.tui.app import make_app
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
hwm = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM:"))
print(json.dumps({"peak_kib": hwm, "day": app.session.life.state.day}))
"""

BARE = """
import json
from textual.app import App
from textual.widgets import Static

class Bare(App):
    def compose(self):
        yield Static("AAA Citizen")

async def once(pilot):
    await pilot.pause()
    pilot.app.exit()

Bare().run(headless=True, size=(120, 40), auto_pilot=once)
hwm = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM:"))
print(json.dumps({"peak_kib": hwm}))
"""


def peak(script: str) -> dict:
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, check=True, capture_output=True, text=True, timeout=600)
    return json.loads(out.stdout.strip().splitlines()[-1])


def run(quick: bool = False) -> list[Figure]:
    game = peak(SIXTY_DAYS)
    bare = peak(BARE)
    return [
        Figure(
            "memory: a 60-day life in the TUI (peak RSS)",
            game["peak_kib"] / 1024,
            "MiB",
            bare["peak_kib"] / 1024,
            "a bare Textual app",
            120,
            "value_at_most",
            note=f"played to day {game['day']}, headless",
        )
    ]
