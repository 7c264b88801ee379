"""``citizen play --plain`` saves as it goes; ``--continue`` and ``--load`` go on; ``citizen saves`` lists."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from game.saves import read_save
from tests.conftest import FIXTURE_PACKS, ROOT


@pytest.fixture
def citizen(tmp_path: Path):
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "CITIZEN_CONTENT": str(FIXTURE_PACKS / "mini"),
        "CITIZEN_PACKS": str(tmp_path / "no-packs"),
        "CITIZEN_SAVES": str(tmp_path / "saves"),
    }

    def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "game", *args], input=stdin, capture_output=True, text=True, timeout=60, env=env, cwd=ROOT
        )

    return run


def test_continue_goes_on_exactly_where_input_ended(citizen, tmp_path: Path) -> None:
    first = citizen("play", "--plain", "--seed", "7", "--player", "Ana", stdin="1\n2\n")
    assert first.returncode == 0, first.stderr
    assert "Input ended" in first.stdout
    assert f"Saved as 'ana' in {tmp_path / 'saves'}" in first.stderr and "--continue" in first.stderr
    assert len(read_save(tmp_path / "saves" / "ana.json").log) == 2

    second = citizen("play", "--plain", "--continue", stdin="1\n2\n2\n")
    assert second.returncode == 0, second.stderr
    assert "Going on with the save 'ana' from day" in second.stdout
    assert "now saves as" not in second.stdout  # the same slot goes on
    assert "Traceback" not in second.stderr

    whole = citizen("play", "--plain", "--seed", "7", "--save-as", "whole", stdin="1\n2\n1\n2\n2\n")
    assert whole.returncode == 0, whole.stderr
    resumed, straight = read_save(tmp_path / "saves" / "ana.json"), read_save(tmp_path / "saves" / "whole.json")
    assert len(resumed.log) == 5 and resumed.player == "Ana"
    assert resumed.state == straight.state  # two sittings, the same life as one

    listed = citizen("saves")
    assert listed.returncode == 0
    assert "ana · Ana · A test life · day" in listed.stdout and "whole · no name" in listed.stdout
    assert citizen("saves", "check", "ana").stdout.startswith("ok: ")


def test_a_finished_life_is_saved_and_not_continued(citizen, tmp_path: Path) -> None:
    done = citizen("play", "--plain", "--seed", "3", stdin="1\n" * 40)
    assert "The end of this life" in done.stdout
    assert read_save(tmp_path / "saves" / "life.json").state.ended
    again = citizen("play", "--plain", "--continue")
    assert again.returncode == 1
    assert "no unfinished life is saved in" in again.stderr


def test_flag_mistakes_are_one_clear_message(citizen, tmp_path: Path) -> None:
    for args, message in [
        (("--continue", "--seed", "3"), "--continue and --load go on with a saved life"),
        (("--backup", "1"), "--backup N needs --load NAME"),
        (("--load", "nobody"), "no save named 'nobody'"),
        (("--load", "../.."), "cannot be a save name"),
        (("--continue",), "no unfinished life is saved"),
    ]:
        result = citizen("play", "--plain", *args)
        assert result.returncode != 0, args
        assert message in result.stderr, (args, result.stderr)
        assert "Traceback" not in result.stderr
    assert not (tmp_path / "saves").exists() or not any((tmp_path / "saves").iterdir())


def test_no_save_leaves_no_file(citizen, tmp_path: Path) -> None:
    result = citizen("play", "--plain", "--seed", "3", "--no-save", stdin="1\n")
    assert result.returncode == 0 and "Saved as" not in result.stderr
    assert not (tmp_path / "saves").exists()


def test_the_list_names_scenarios_and_grades_and_leaves_no_empty_field(tmp_path, builtin) -> None:
    """Saves are listed with the game's names, and a life without a score says so instead of '·  ·'."""
    from game.saves import SaveInfo
    from game.tools.saves import row
    from game.tui.screens.load import info_text

    court = SaveInfo(name="x", path=tmp_path / "x.json", scenario="court_defaulter", day=2, length=30)
    for line in (row(court), row(court, builtin), info_text(builtin, court)):
        assert "·  ·" not in line and "no score" in line, line
    worker = SaveInfo(name="y", path=tmp_path / "y.json", scenario="rongcheng_worker", grades={"municipal": "A"})
    listed = row(worker, builtin)
    assert "A worker in Rongcheng" in listed and "Rongcheng social credit A" in listed and "municipal" not in listed
