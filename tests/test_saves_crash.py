"""A process killed at any instant while saving leaves a loadable save, never older than its backups.

The saving processes are forked from the test (a fresh interpreter per kill
costs 0.2 s or more; a fork costs milliseconds), then killed with SIGKILL.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import time
from pathlib import Path

import pytest

from game.engine.content import Content
from game.engine.life import Life
from game.engine.state import Setup
from game.saves import BACKUPS, SaveStore, read_save

KILLS = 60


def counter(path: Path) -> int:
    return read_save(path).meta["counter"]


def save_forever(content: Content, folder: Path, start: int, ready: int) -> None:
    """The child: play and save in a loop, saying "r" once the first save is written."""
    store = SaveStore(folder)
    count = start
    life = Life(content, Setup("life", count))
    while True:
        view = life.prompt()
        if view is None:
            life = Life(content, Setup("life", count))
            continue
        choices = [c for c in view.choices if c.lock is None]
        life.choose(choices[count % len(choices)].choice.id)
        count += 1
        store.save("life", life, meta={"counter": count})
        if count == start + 1:
            os.write(ready, b"r")


def start_saver(content: Content, folder: Path, start: int) -> tuple[int, int]:
    """Fork a process that saves in a loop; return its pid once it has saved once, and the pipe to close."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child never returns into pytest
        code = 1
        try:
            os.close(read)
            save_forever(content, folder, start, write)
        finally:
            os._exit(code)
    os.close(write)
    assert os.read(read, 1) == b"r", "the saving process died before its first save"
    return pid, read


@pytest.mark.skipif(not hasattr(os, "fork") or not hasattr(signal, "SIGKILL"), reason="needs POSIX fork and signals")
def test_sigkill_at_random_instants_never_loses_the_save(mini: Content, tmp_path: Path) -> None:
    store = SaveStore(tmp_path / "saves")
    rng = random.Random(20190305)
    last = 0
    for kill in range(KILLS):
        pid, pipe = start_saver(mini, store.folder, last + 1)
        time.sleep(rng.uniform(0, 0.02))  # a save takes about a millisecond: this lands in every phase of it
        os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        os.close(pipe)
        assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, "the saver stopped on its own"
        loaded = store.load("life", mini)  # replays and checks against the snapshot
        assert loaded.life is not None
        now = counter(store.path("life"))
        assert now > last, f"kill {kill}: the save went back from {last} to {now}"
        backups = [counter(store.path("life", n)) for n in range(1, BACKUPS + 1) if store.path("life", n).exists()]
        assert backups == sorted(backups, reverse=True), f"kill {kill}: backups out of order {backups}"
        assert all(now >= b for b in backups), f"kill {kill}: save {now} is older than a backup {backups}"
        last = now


class Crash(BaseException):
    """Stands for the process dying: no handler of the save layer catches it."""


class DieAt:
    """Wraps the save layer's writes and renames; raises :class:`Crash` at operation number ``step``."""

    def __init__(self, step: int, replace, write) -> None:
        self.step, self.count = step, 0
        self.real_replace, self.real_write = replace, write

    def _tick(self) -> None:
        self.count += 1
        if self.count == self.step:
            raise Crash

    def replace(self, src, dst) -> None:
        self._tick()
        self.real_replace(src, dst)

    def write(self, path: Path, data: bytes, **options) -> Path:
        self._tick()
        half = self.real_write(path, data[: len(data) // 2], **options)
        self._tick()  # die with a temporary file written halfway
        half.unlink()
        return self.real_write(path, data, **options)


def test_a_crash_between_any_two_steps_leaves_a_save(mini: Content, tmp_path: Path, monkeypatch) -> None:
    """Die at each file operation of a save in turn (and halfway through each write): old or new, never neither."""
    from game.saves import atomic

    template = SaveStore(tmp_path / "template")
    life = Life(mini, Setup("life", 1))
    for n in range(1, 5):
        template.save("life", life, meta={"counter": n})
    replace, write = atomic.os.replace, atomic.write_temporary
    for step in range(1, 100):
        store = SaveStore(Path(shutil.copytree(template.folder, tmp_path / f"step{step}")))
        die = DieAt(step, replace, write)
        monkeypatch.setattr(atomic.os, "replace", die.replace)
        monkeypatch.setattr(atomic, "write_temporary", die.write)
        try:
            store.save("life", life, meta={"counter": 5})
            crashed = False
        except Crash:
            crashed = True
        finally:
            monkeypatch.setattr(atomic.os, "replace", replace)
            monkeypatch.setattr(atomic, "write_temporary", write)
        now = counter(store.path("life"))
        assert now == (4 if crashed else 5), f"step {step}"
        assert store.load("life", mini).life is not None
        backups = [counter(store.path("life", n)) for n in range(1, BACKUPS + 1) if store.path("life", n).exists()]
        assert backups == sorted(backups, reverse=True) and all(now >= b for b in backups), f"step {step}: {now}, {backups}"
        if not crashed:
            break
    # write the new file (2 points), move .2 and .1 up, copy the old file (2), rename the copy, rename the new file
    assert step - 1 == 8, "every write and rename of a save was interrupted once"
