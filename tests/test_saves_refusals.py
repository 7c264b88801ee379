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
