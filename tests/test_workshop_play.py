"""``citizen play --workshop FILE`` in plain mode: the name first, one save per player, named safely."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from game.saves import SaveStore, read_save
from game.tools.common import CliError
from game.tools.workshop_play import play_plain, read_name
from game.workshop import open_workshop
from game.workshop.seats import seat_for

WORLD = Path(__file__).resolve().parent / "packs" / "workshop_world"
WORKSHOP = """\
title = "Room 7"
seed = 11
days = 3
[[prompt]]
text = "What would you have done without the appeals office?"
"""


@pytest.fixture
def room(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CITIZEN_CONTENT", str(WORLD))
    monkeypatch.setenv("CITIZEN_PACKS", str(tmp_path / "none"))
    path = tmp_path / "room" / "workshop.toml"
    path.parent.mkdir()
    path.write_text(WORKSHOP, encoding="utf-8")
    return path


def run_plain(path: Path, lines: str) -> tuple[int, str]:
    workshop, content = open_workshop(path)
    out = io.StringIO()
    code = play_plain(workshop, content, SaveStore(workshop.saves_dir), io.StringIO(lines), out, save=True)
    return code, out.getvalue()


def code_of(out: str) -> str:
    """The seat code a new player was shown."""
    found = re.search(r"Your seat code is (\d{3}-\d{3})\.", out)
    assert found, out
    return found.group(1)


def test_the_first_line_is_the_name_and_the_save_is_named_safely(room: Path) -> None:
    code, out = run_plain(room, "../../Ann O'Neil\n" + "1\n" * 10)
    assert code == 0
    assert "Your name (or seat number): ../../Ann O'Neil" in out
    saves = sorted(p.name for p in (room.parent / "saves").iterdir() if p.suffix == ".json")
    assert saves == ["ann-o-neil.json"]
    save = read_save(room.parent / "saves" / "ann-o-neil.json")
    workshop, _ = open_workshop(room)
    assert save.player == "../../Ann O'Neil" and save.workshop == workshop.id
    assert save.setup.seed == 11 and save.setup.days == 3 and save.state.ended
    assert "Debrief" in out and "Think about: What would you have done without the appeals office?" in out
    assert not (room.parent.parent / "ann-o-neil.json").exists()


def test_one_file_per_player_and_a_returning_player_goes_on(room: Path) -> None:
    bo = code_of(run_plain(room, "Bo\n1\n")[1])
    cy = code_of(run_plain(room, "Cy\n" + "1\n" * 10)[1])
    folder = room.parent / "saves"
    assert sorted(p.name for p in folder.glob("*.json")) == ["bo.json", "cy.json"]
    day = read_save(folder / "bo.json").state.day
    code, out = run_plain(room, f"bo\n{bo}\n" + "2\n" * 10)
    assert code == 0 and f"Welcome back, Bo: your life goes on from day {day}." in out  # the seat keeps the name as first typed
    assert sorted(p.name for p in folder.glob("*.json")) == ["bo.json", "cy.json"]
    assert read_save(folder / "bo.json").state.ended
    code, out = run_plain(room, f"Cy\n{cy}\n" + "1\n" * 10)  # Cy's life is over: a new one in a new file, same code
    assert sorted(p.name for p in folder.glob("*.json")) == ["bo.json", "cy-2.json", "cy.json"]


def test_a_name_without_letters_is_asked_again(room: Path) -> None:
    out = io.StringIO()
    assert read_name(io.StringIO("\n../..\n  Dee  \n"), out) == "Dee"
    assert out.getvalue().count("cannot name a save") == 2
    with pytest.raises(CliError, match="no name was given"):
        read_name(io.StringIO(""), io.StringIO())


def test_seat_for_a_new_player_uses_the_workshop_setup(room: Path) -> None:
    workshop, content = open_workshop(room)
    seat = seat_for(workshop, content, SaveStore(workshop.saves_dir), "Eve")
    assert (seat.slot, seat.player, seat.resumed) == ("eve", "Eve", False)
    assert seat.life.setup.seed == 11 and seat.life.state.length == 3


def test_cli_plain_workshop_in_a_subprocess(room: Path) -> None:
    env = {**os.environ, "CITIZEN_CONTENT": str(WORLD), "CITIZEN_PACKS": str(room.parent / "none")}
    cmd = [sys.executable, "-m", "game", "play", "--plain", "--workshop", str(room)]
    result = subprocess.run(cmd, input="Fay\n" + "1\n" * 10, capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "Workshop: Room 7" in result.stdout and "=== The end of this life" in result.stdout
    assert f"Saved as 'fay' in {room.parent / 'saves'}" in result.stderr
    bad = subprocess.run([*cmd, "--seed", "4"], capture_output=True, text=True, env=env, timeout=60, input="")
    assert bad.returncode == 2 and "leave out --seed" in bad.stderr
    none = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=60, input="")
    assert none.returncode == 1 and "no name was given" in none.stderr and "Traceback" not in none.stderr


def test_names_that_differ_in_case_width_spaces_or_punctuation_are_one_seat(room: Path) -> None:
    seat_code = code_of(run_plain(room, "Wang Fang\n1\n")[1])
    folder = room.parent / "saves"
    day = read_save(folder / "wang-fang.json").state.day
    for spelling in ("wang fang", "wang_fang", "Wang-Fang!", "\uff37\uff41\uff4e\uff47\u3000\uff26\uff41\uff4e\uff47"):
        workshop, content = open_workshop(room)
        seat = seat_for(workshop, content, SaveStore(workshop.saves_dir), spelling, seat_code)
        assert (seat.slot, seat.player, seat.resumed) == ("wang-fang", "Wang Fang", True), spelling
        assert seat.note == f"Welcome back, Wang Fang: your life goes on from day {day}."
    assert sorted(p.name for p in folder.glob("*.json")) == ["wang-fang.json"]
    assert read_save(folder / "wang-fang.json").player == "Wang Fang"
    per_player = room.with_name("per-player.toml")
    per_player.write_text(WORKSHOP.replace("seed = 11", 'seed = "per_player"'), encoding="utf-8")
    workshop, _ = open_workshop(per_player)  # one seat, one life: the same seed however the name is spelled
    assert workshop.seed_for("Wang Fang") == workshop.seed_for("wang_fang") == workshop.seed_for(" WANG-FANG! ")
    assert workshop.seed_for("Wang Fang") != workshop.seed_for("Wang Fan")


def test_a_second_life_after_the_first_ended_is_found_again_whatever_the_spelling(room: Path) -> None:
    seat_code = code_of(run_plain(room, "Wang Fang\n" + "1\n" * 10)[1])  # the first life ends
    folder = room.parent / "saves"
    assert read_save(folder / "wang-fang.json").state.ended
    _, out = run_plain(room, f"wang_fang\n{seat_code}\n1\n")  # a new life, in a new file, with the same seat code
    assert "Your seat code is" not in out
    assert sorted(p.name for p in folder.glob("*.json")) == ["wang-fang-2.json", "wang-fang.json"]
    day = read_save(folder / "wang-fang-2.json").state.day
    # before, the seat looked only at wang-fang.json and split into a third file
    code, out = run_plain(room, f"WANG FANG\n{seat_code}\n")
    assert code == 0 and f"Welcome back, wang_fang: your life goes on from day {day}." in out
    assert sorted(p.name for p in folder.glob("*.json")) == ["wang-fang-2.json", "wang-fang.json"]


def test_the_same_player_in_two_games_at_once_is_refused_and_nothing_is_overwritten(room: Path) -> None:
    from game.play import Session

    bo = code_of(run_plain(room, "Bo\n1\n")[1])
    folder = room.parent / "saves"
    workshop, content = open_workshop(room)
    store = SaveStore(workshop.saves_dir)
    seat = seat_for(workshop, content, store, "Bo", bo)
    first = Session(content, saves=store, player=seat.player)
    first.resume(seat.life, seat.slot, workshop=workshop.id)  # Bo's game is open
    before = (folder / "bo.json").read_bytes()
    with pytest.raises(CliError) as refused:
        run_plain(room, f"bo\n{bo}\n" + "2\n" * 10)
    why = f"the life 'bo' is open in another game (saves folder {folder}); close it there, or start a new life"
    assert str(refused.value) == why
    assert (folder / "bo.json").read_bytes() == before
    first.close()
    assert run_plain(room, f"bo\n{bo}\n" + "2\n" * 10)[0] == 0
    assert read_save(folder / "bo.json").state.ended
