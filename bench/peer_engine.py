"""The peer-shaped content: the engine (``simulate``'s loop) against a bare Python loop, in the same run.

The content, its pack and the bare loop are the shared ones (bench/peer/). Each
pair plays the same number of lives with the engine and then with the bare loop,
timed by this process's CPU time; the ratio is the median of the pairs' ratios.
A profile of the engine's lives says where its time goes.
"""

from __future__ import annotations

import contextlib
import cProfile
import io
import json
import pstats
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.measure import Figure
from bench.pairs import paired
from bench.peer import floor_py, peer_pack
from game.engine.content import Content
from game.packs.loader import load_content
from game.tools.sim_run import Batch, play_batch

PEER = Path(__file__).resolve().parent / "peer"


def peer_content(folder: Path) -> tuple[dict, Path]:
    """The peer-shaped content as data (for the bare loop) and as a pack folder (for the engine)."""
    text = subprocess.run(
        [sys.executable, str(PEER / "gen_peer_ir.py"), "json"], check=True, capture_output=True, text=True
    ).stdout
    data_file = folder / "peer_content.json"
    data_file.write_text(text, encoding="utf-8")
    pack = folder / "peer_pack"
    with contextlib.redirect_stdout(io.StringIO()):  # it says what it wrote
        peer_pack.main([str(data_file), str(pack)])
    events = pack / "events.toml"
    events.write_text(events.read_text(encoding="utf-8").replace(ANY_DAY, ANY_DAY + REPEATABLE), encoding="utf-8")
    return json.loads(text), pack


ANY_DAY = "weight = 1\n"
REPEATABLE = "repeatable = true\n"
"""The peer content draws any event again the next day at its full weight (only ``once`` events do not come
back), as the bare loop does. Since peer_pack.py was written the format waits ten days before an event comes
back and lowers its weight each time it was seen, unless the event is ``repeatable``: so every event of the
pack is marked ``repeatable`` (after its ``weight = 1``), which says the loop's rule in the format's words.
Without it the engine plays other lives than the loop (more events rejected per draw)."""


def engine_seconds(content: Content, lives: int) -> float:
    """CPU seconds for ``lives`` lives played the way ``citizen simulate`` plays them (random policy)."""
    start = time.process_time()
    play_batch(content, Batch("peer", 0, lives, 1, None, "random"))
    return time.process_time() - start


def floor_seconds(data: dict, events: list, lives: int) -> float:
    start = time.process_time()
    floor_py.play(data, events, lives)
    return time.process_time() - start


WHERE = {
    "drawing the event": ("selection.py", "draw"),
    "eligibility": ("selection.py", "is_eligible"),
    "views and lock reasons": ("life.py", "prompt"),
    "effects": ("effects.py", "apply"),
}


def where_the_time_goes(content: Content, lives: int) -> str:
    """Shares of the engine's time (cumulative, from cProfile) in the parts the issue names."""
    profile = cProfile.Profile()
    profile.enable()
    play_batch(content, Batch("peer", 0, lives, 1, None, "random"))
    profile.disable()
    stats = pstats.Stats(profile).stats  # type: ignore[attr-defined]
    total = max(ct for (_f, _l, _n), (_cc, _nc, _tt, ct, _callers) in stats.items())
    shares = []
    for label, (file, name) in WHERE.items():
        cumulative = sum(ct for (f, _l, n), (_cc, _nc, _tt, ct, _callers) in stats.items() if f.endswith(file) and n == name)
        shares.append(f"{label} {cumulative / total:.0%}")
    return ", ".join(shares)


def run(quick: bool = False) -> list[Figure]:
    lives = 100 if quick else 300
    pairs = 3 if quick else 7
    with tempfile.TemporaryDirectory() as tmp:
        data, pack = peer_content(Path(tmp))
        content = load_content([pack])
    events = floor_py.build(data)
    result = paired(lambda: engine_seconds(content, lives), lambda: floor_seconds(data, events, lives), pairs)
    engine_rate, floor_rate = lives / result.a, lives / result.b
    where = where_the_time_goes(content, lives // 3)
    return [
        Figure(
            "engine: peer-shaped pack, in-process (simulate's loop)",
            engine_rate,
            "lives/s",
            budget=1000,
            budget_kind="value_at_least",
            note=f"{lives} lives × {pairs} interleaved pairs, CPU time; 200 events, 60 days",
        ),
        Figure(
            "engine vs the bare Python loop: time per life",
            result.a / lives * 1e6,
            "µs",
            result.b / lives * 1e6,
            f"the bare loop (bench/peer/floor_py.py), {floor_rate:,.0f} lives/s",
            3.0,
            note=f"median of {pairs} engine/bare-loop pair ratios; where the engine's time goes: {where}",
            paired_ratio=result.ratio,
        ),
    ]
