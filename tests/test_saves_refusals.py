"""Saves that cannot be changed say so in one line, and the game never writes what it could not read back."""

from __future__ import annotations

from pathlib import Path

import pytest

from game import cli


def test_deleting_in_a_read_only_folder_is_a_clear_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    monkeypatch.setenv("CITIZEN_SAVES", str(tmp_path / "saves"))
    (tmp_path / "saves").mkdir()
    (tmp_path / "saves" / "ana.json").write_text("{}", encoding="utf-8")

    def refuse(self: Path, missing_ok: bool = False) -> None:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "unlink", refuse)
    assert cli.main(["saves", "delete", "ana", "--yes"]) == 1
    err = capsys.readouterr().err
    assert "ana.json: cannot delete it: Permission denied; check the folder's permissions" in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_a_state_that_does_not_round_trip_is_never_written(mini, tmp_path: Path) -> None:
    from game.engine.life import Life
    from game.engine.state import Setup
    from game.saves import SaveError, SaveStore

    store = SaveStore(tmp_path)
    life = Life(mini, Setup("life", 1))
    store.save("ana", life)
    life.choose(life.prompt().choices[0].choice.id)
    store.save("ana", life)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    life.state.scores["city"] = float("nan")
    with pytest.raises(SaveError, match=r"wrong shape|cannot be saved faithfully"):
        store.save("ana", life)
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before  # the save and its backups untouched


def test_plain_play_into_head_leaves_quietly_and_keeps_the_life(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    from tests.conftest import FIXTURE_PACKS, ROOT

    env = {**os.environ, "PYTHONPATH": str(ROOT), "CITIZEN_CONTENT": str(FIXTURE_PACKS / "mini"), "CITIZEN_SAVES": str(tmp_path)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "game", "play", "--plain", "--seed", "2", "--save-as", "piped"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        cwd=ROOT,
    )
    assert proc.stdout is not None and proc.stdin is not None and proc.stderr is not None
    proc.stdout.readline()
    proc.stdout.close()  # like `| head -1`
    proc.stdin.write(b"1\n" * 40)
    proc.stdin.close()
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == 0
    assert err == ""
    assert (tmp_path / "piped.json").is_file()


@pytest.mark.parametrize("signame", ["SIGTERM", "SIGHUP"])
def test_a_terminated_tui_keeps_every_choice_and_restores_the_terminal(tmp_path: Path, signame: str) -> None:
    import os
    import pty
    import select
    import signal
    import subprocess
    import sys
    import time

    from game.saves import read_save
    from tests.conftest import FIXTURE_PACKS, ROOT

    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "CITIZEN_CONTENT": str(FIXTURE_PACKS / "mini"),
        "CITIZEN_SAVES": str(tmp_path),
        "TERM": "xterm-256color",
        "COLUMNS": "100",
        "LINES": "30",
    }
    main, child = pty.openpty()
    os.set_blocking(main, False)
    proc = subprocess.Popen(
        [sys.executable, "-m", "game", "play", "--seed", "1", "--scenario", "life"],
        stdin=child,
        stdout=child,
        stderr=child,
        env=env,
        cwd=ROOT,
        start_new_session=True,
    )
    os.close(child)
    screen = b""

    def read_for(seconds: float) -> None:
        nonlocal screen
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if select.select([main], [], [], 0.1)[0]:
                try:
                    screen += os.read(main, 65536)
                except OSError:
                    return

    def wait_for(text: bytes, seconds: float = 30) -> None:
        deadline = time.monotonic() + seconds
        while text not in screen and time.monotonic() < deadline:
            read_for(0.3)

    try:
        wait_for(b"New life")
        os.write(main, b"\r")  # New life
        wait_for(b"Start this life")
        os.write(main, b"\x13")  # Ctrl+S: start
        wait_for(b"Choose what to test")
        os.write(main, b"2")  # one choice, then the signal
        deadline = time.monotonic() + 20
        while not (tmp_path / "life.json").exists() and time.monotonic() < deadline:
            read_for(0.3)
        proc.send_signal(getattr(signal, signame))
        proc.wait(timeout=30)
        read_for(1)
    finally:
        if proc.poll() is None:
            proc.kill()
        os.close(main)
    assert len(read_save(tmp_path / "life.json").state.log) == 1
    assert b"\x1b[?1049l" in screen  # the alternate screen was left
    assert b"Traceback" not in screen


def test_meta_stays_when_a_loaded_life_is_saved_again(mini, tmp_path: Path) -> None:
    from game.engine.life import Life
    from game.engine.state import Setup
    from game.saves import SaveStore, read_save

    store = SaveStore(tmp_path)
    life = Life(mini, Setup("life", 1))
    store.save("ana", life, meta={"class": "9b"})
    loaded = store.load("ana", mini)
    again = loaded.life
    assert again is not None
    again.choose(again.prompt().choices[0].choice.id)
    store.autosave(again, slot="ana")  # as the game saves: no meta given
    assert read_save(tmp_path / "ana.json").meta == {"class": "9b"}


def test_stale_temporary_files_of_any_save_are_cleaned(mini, tmp_path: Path) -> None:
    import os
    import time

    from game.engine.life import Life
    from game.engine.state import Setup
    from game.saves import SaveStore

    old = time.time() - 3600
    left = [tmp_path / ".other.json.123.tmp", tmp_path / ".ana.json.456.bak.tmp"]
    fresh = tmp_path / ".busy.json.789.tmp"  # another game may be writing it right now
    for path in [*left, fresh]:
        path.write_bytes(b"{")
    for path in left:
        os.utime(path, (old, old))
    SaveStore(tmp_path).save("ana", Life(mini, Setup("life", 1)))
    assert not any(p.exists() for p in left) and fresh.exists()
