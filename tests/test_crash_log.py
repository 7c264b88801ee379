"""Crash logs: private folder, exclusive unique names, no link followed, and never a traceback when the folder is not ours."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

import pytest

from game.crash_log import crash_folder, write_crash_log


@pytest.fixture
def state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CITIZEN_STATE", str(tmp_path / "state"))
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    return tmp_path / "state" / "crashes"


def test_logs_are_private_and_never_share_a_name(state: Path) -> None:
    paths = {write_crash_log(f"crash {i}") for i in range(20)}  # all in the same second
    assert len(paths) == 20 and all(p.parent == state for p in paths)
    assert stat.S_IMODE(os.stat(state).st_mode) == 0o700
    assert all(stat.S_IMODE(os.stat(p).st_mode) == 0o600 for p in paths)
    assert sorted(p.read_text(encoding="utf-8") for p in paths) == sorted(f"crash {i}" for i in range(20))
    assert crash_folder() == state


def test_a_planted_link_is_never_followed(state: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("precious", encoding="utf-8")
    state.mkdir(parents=True)
    monkeypatch.setattr("secrets.token_hex", lambda n: "fixed")  # the attacker guesses the name
    monkeypatch.setattr("os.getpid", lambda: 1)
    import datetime as dt

    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    (state / f"crash-{stamp}-1-fixed.log").symlink_to(victim)
    path = write_crash_log("details")
    assert victim.read_text(encoding="utf-8") == "precious"
    assert path.read_text(encoding="utf-8") == "details" and not path.is_symlink()


def test_a_folder_of_someone_else_gives_a_private_temporary_file(state: Path, tmp_path: Path) -> None:
    state.mkdir(parents=True)
    os.chown(state, 12345, 12345)  # the tests run as root: give the folder away
    path = write_crash_log("details")
    assert path.parent == tmp_path / "tmp" and path.read_text(encoding="utf-8") == "details"
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600


def test_a_linked_folder_is_not_used(state: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    state.parent.mkdir(parents=True)
    state.symlink_to(elsewhere)
    path = write_crash_log("details")
    assert path.parent == tmp_path / "tmp" and not any(elsewhere.iterdir())


def test_writing_a_log_never_raises(state: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    state.parent.mkdir(parents=True)
    state.write_text("not a folder", encoding="utf-8")
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "missing"))
    assert write_crash_log("details") == Path(os.devnull)
