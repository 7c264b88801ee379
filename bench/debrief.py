"""Debrief: the class report (HTML and Markdown) from 100 saved lives."""

from __future__ import annotations

import contextlib
import io
import random
import tempfile
from pathlib import Path

from bench.measure import Figure, median_time
from game.cli import main
from game.engine.life import Life
from game.engine.state import Setup
from game.packs.loader import load_content
from game.saves import SaveStore

CONTENT = Path(__file__).resolve().parent.parent / "content"


def make_class(folder: Path, players: int, scenario: str = "rongcheng_worker") -> None:
    """Save ``players`` random lives of one scenario and seed, as a workshop class would leave them."""
    content = load_content([CONTENT])
    store = SaveStore(folder)
    for n in range(players):
        chooser = random.Random(n)
        life = Life(content, Setup(scenario, 2024))
        while (view := life.prompt()) is not None:
            life.choose(chooser.choice([v.choice.id for v in view.choices if v.lock is None]))
        store.save(f"player-{n:03d}", life, player=f"Player {n}")


def run(quick: bool = False) -> list[Figure]:
    with tempfile.TemporaryDirectory() as tmp:
        saves = Path(tmp) / "class"
        make_class(saves, 100)
        html, md = Path(tmp) / "report.html", Path(tmp) / "report.md"

        def report() -> None:
            with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
                code = main(["debrief", str(saves), "--html", str(html), "--md", str(md)])
            if code != 0:
                raise RuntimeError(f"citizen debrief exited {code}")

        seconds = median_time(report, 3 if quick else 5)
        size = html.stat().st_size // 1024
    return [
        Figure(
            "debrief: class report from 100 saves",
            seconds,
            "s",
            budget=3,
            budget_kind="value_at_most",
            note=f"loads packs, replays and checks every save, writes HTML ({size} KiB) and Markdown",
        )
    ]
