"""One game at a time per save slot: a second game on an open life is refused, and nothing is overwritten."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from game.engine.content import Content
from game.engine.state import Setup
from game.play import Session
from game.saves import SaveError, SaveStore, read_save
from tests.conftest import FIXTURE_PACKS, ROOT


def in_use(folder: Path, name: str) -> str:
    return f"the life '{name}' is open in another game (saves folder {folder}); close it there, or start a new life"


def test_a_second_session_on_an_open_life_is_refused_until_the_first_closes(mini: Content, tmp_path: Path) -> None:
    store = SaveStore(tmp_path)
    first = Session(mini, saves=store, player="Ana")
    first.start(Setup("life", 5))
    first.choose("fine")
    saved = (tmp_path / "ana.json").read_bytes()

    second = Session(mini, saves=store, player="Ana")
    opening = second.open("ana")  # reading is fine; going on to write it is not
    with pytest.raises(SaveError) as refused:
        second.go_on(opening, opening.snapshot())
    assert refused.value.message == in_use(tmp_path, "ana")
    assert second.slot == "" and second.life is None
    with pytest.raises(SaveError, match="is open in another game"):
        store.delete("ana")
    assert (tmp_path / "ana.json").read_bytes() == saved

    assert (tmp_path / ".ana.lock").is_file()  # the lock file is hidden and is never a save
    assert store.names() == ["ana"] and [i.name for i in store.list()] == ["ana"]

    first.close()
    assert not (tmp_path / ".ana.lock").exists()  # released locks leave no file behind
    second.go_on(opening, opening.snapshot())
    assert second.slot == "ana"
    second.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ana.json"]


def test_new_lives_of_one_player_at_once_get_slots_of_their_own(mini: Content, tmp_path: Path) -> None:
    store = SaveStore(tmp_path)
    one, two = Session(mini, saves=store, player="Ana"), Session(mini, saves=store, player="Ana")
    one.start(Setup("life", 1))
    two.start(Setup("life", 2))  # neither has saved yet: the open slot still counts as taken
    assert (one.slot, two.slot) == ("ana", "ana-2")
    one.choose("fine")
    two.choose("fine")
    assert read_save(tmp_path / "ana.json").setup.seed == 1 and read_save(tmp_path / "ana-2.json").setup.seed == 2


def test_save_as_moves_the_lock_to_the_new_slot(mini: Content, tmp_path: Path) -> None:
    store = SaveStore(tmp_path)
    session = Session(mini, saves=store, player="Ana")
    session.start(Setup("life", 1))
    session.choose("fine")
    session.save_as("Other")
    assert session.slot == "other"
    store.lock("ana").take().release()  # the old slot is free again
    with pytest.raises(SaveError, match="'other' is open in another game"):
        store.lock("other").take()


@pytest.fixture
def citizen_env(tmp_path: Path) -> dict[str, str]:
    return {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "CITIZEN_CONTENT": str(FIXTURE_PACKS / "mini"),
        "CITIZEN_PACKS": str(tmp_path / "no-packs"),
        "CITIZEN_SAVES": str(tmp_path / "saves"),
    }


def citizen(env: dict[str, str], *args: str, stdin: str = "") -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "game", *args]
    return subprocess.run(cmd, input=stdin, capture_output=True, text=True, timeout=60, env=env, cwd=ROOT)


def test_two_processes_on_one_save_never_overwrite_each_other(citizen_env: dict[str, str], tmp_path: Path) -> None:
    folder = tmp_path / "saves"
    assert citizen(citizen_env, "play", "--plain", "--seed", "7", "--player", "Ana", stdin="1\n").returncode == 0
    cmd = [sys.executable, "-m", "game", "play", "--plain", "--load", "ana"]
    first = subprocess.Popen(
        cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=citizen_env, cwd=ROOT
    )
    try:
        deadline = time.monotonic() + 30
        while not (folder / ".ana.lock").exists():  # the first game holds the life and waits for a choice
            assert first.poll() is None and time.monotonic() < deadline
            time.sleep(0.05)
        saved = (folder / "ana.json").read_bytes()

        for mode in (["--plain"], []):  # plain, and the TUI (refused before its screen opens)
            second = citizen(citizen_env, "play", *mode, "--load", "ana", stdin="2\n2\n")
            assert second.returncode == 1, second.stderr
            assert second.stderr.strip() == "citizen: error: " + in_use(folder, "ana")
        cont = citizen(citizen_env, "play", "--plain", "--continue", stdin="2\n")
        assert cont.returncode == 1 and "is open in another game" in cont.stderr
        assert (folder / "ana.json").read_bytes() == saved

        _, err = first.communicate("2\n", timeout=60)
        assert first.returncode == 0, err
    finally:
        if first.poll() is None:
            first.kill()
            first.wait()
    assert len(read_save(folder / "ana.json").log) == 2  # the first game's choices, and only those
    assert sorted(p.name for p in folder.iterdir()) == ["ana.json", "ana.json.1"]  # no lock file left
    again = citizen(citizen_env, "play", "--plain", "--load", "ana", stdin="1\n")
    assert again.returncode == 0, again.stderr
