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
