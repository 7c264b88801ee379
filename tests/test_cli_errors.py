"""The last line of defence of `citizen`: an unexpected error is logged, and the user gets one line."""

from __future__ import annotations

from pathlib import Path

import pytest

from game import cli
from game.tools import validate


def test_an_internal_error_is_one_line_and_a_log(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    def broken(args: object) -> int:
        raise RuntimeError("a bug in the command")

    monkeypatch.setattr(validate, "run", broken)
    assert cli.main(["validate"]) == 70
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and "Traceback" not in err
    assert err.startswith("citizen: an internal error stopped the command; the details are in ")
    log = Path(err.rsplit(" ", 1)[1])
    assert "RuntimeError: a bug in the command" in log.read_text(encoding="utf-8")


def test_a_wrong_flag_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["simulate", "--runs", "many"])
    assert exit_info.value.code == 2
    assert "invalid int value: 'many'" in capsys.readouterr().err
