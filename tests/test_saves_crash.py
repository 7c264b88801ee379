"""A process killed at any instant while saving leaves a loadable save, never older than its backups."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from game.engine.content import Content
from game.saves import BACKUPS, SaveStore, read_save
from tests.conftest import FIXTURE_PACKS, ROOT

KILLS = 60

CHILD = """
import sys
from pathlib import Path
from game.packs.loader import load_content
from game.engine.life import Life
from game.engine.state import Setup
from game.saves import SaveStore

content = load_content([Path(sys.argv[1])])
store = SaveStore(Path(sys.argv[2]))
counter = int(sys.argv[3])
life = Life(content, Setup("life", counter))
print("ready", flush=True)
while True:
    view = life.prompt()
    if view is None:
        life = Life(content, Setup("life", counter))
        continue
    choices = [c for c in view.choices if c.lock is None]
    life.choose(choices[counter % len(choices)].choice.id)
    counter += 1
    store.save("life", life, meta={"counter": counter})
"""


def counter(path: Path) -> int:
    return read_save(path).meta["counter"]


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")
def test_sigkill_at_random_instants_never_loses_the_save(mini: Content, tmp_path: Path) -> None:
    store = SaveStore(tmp_path / "saves")
    rng = random.Random(20190305)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    last = 0
    started = time.monotonic()
    for kill in range(KILLS):
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(FIXTURE_PACKS / "mini"), str(store.folder), str(last + 1)],
            stdout=subprocess.PIPE,
            env=env,
        )
        assert child.stdout is not None and child.stdout.readline() == b"ready\n"
        time.sleep(rng.uniform(0, 0.03))
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
        child.stdout.close()
        if not store.path("life").exists():
            assert kill == 0, "once written, the save must exist at every instant"
            continue
        loaded = store.load("life", mini)  # replays and checks against the snapshot
        assert loaded.life is not None
        now = counter(store.path("life"))
        assert now >= last, f"kill {kill}: the save went back from {last} to {now}"
        backups = [counter(store.path("life", n)) for n in range(1, BACKUPS + 1) if store.path("life", n).exists()]
        assert backups == sorted(backups, reverse=True), f"kill {kill}: backups out of order {backups}"
        assert all(now >= b for b in backups), f"kill {kill}: save {now} is older than a backup {backups}"
        last = now
    assert last > KILLS, "the children should have saved many times"
    assert time.monotonic() - started < 30
