"""Seat codes: a returning workshop player proves the seat is theirs (plain, TUI, the facilitator's commands)."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from textual.widgets import Input

from game.play import Session
from game.saves import SaveStore, read_save
from game.tools.common import CliError
from game.tools.workshop_play import play_plain
from game.tui.run import make_app
from game.tui.screens.player_name import PlayerNameScreen, SeatCodeScreen
from game.workshop import codes, open_workshop
from game.workshop.seats import SeatCodeError, needs_code, reset_code, seat_for

WORLD = Path(__file__).resolve().parent / "packs" / "workshop_world"


@pytest.fixture
def room(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CITIZEN_CONTENT", str(WORLD))
    monkeypatch.setenv("CITIZEN_PACKS", str(tmp_path / "none"))
    path = tmp_path / "room" / "workshop.toml"
    path.parent.mkdir()
    path.write_text('title = "Room 3"\nseed = 5\ndays = 3\n', encoding="utf-8")
    return path


def run_plain(path: Path, lines: str) -> str:
    workshop, content = open_workshop(path)
    out = io.StringIO()
    assert play_plain(workshop, content, SaveStore(workshop.saves_dir), io.StringIO(lines), out, save=True) == 0
    return out.getvalue()


def code_of(out: str) -> str:
    found = re.search(r"Your seat code is (\d{3}-\d{3})\.", out)
    assert found, out
    return found.group(1)


def folder_bytes(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_codes_are_six_digits_read_aloud_and_kept_only_hashed() -> None:
    code = codes.new_code()
    assert re.fullmatch(r"\d{3}-\d{3}", code)
    stored = codes.hashed(code)
    assert code.replace("-", "") not in stored and codes.is_hash(stored)
    for typed in (code, code.replace("-", " "), code.replace("-", ""), f"  {code}  "):
        assert codes.matches(typed, stored), typed
    wrong = f"{(int(code.replace('-', '')) + 1) % 10**6:06d}"
    assert not codes.matches(wrong, stored)
    assert codes.hashed(code) != stored  # salted
    for bad in ("", "nonsense", "pbkdf2-sha256$1$00$00", stored.replace("$", "$$"), stored[:-2] + "zz"):
        assert not codes.matches(code, bad)
    assert not codes.matches("1" * 100_000, stored)  # a paste is refused before hashing
    assert not codes.matches("١٢٣٤٥٦", codes.hashed("123456"))  # digits of other scripts are not a code


def test_a_new_player_is_given_a_code_and_a_returning_one_must_give_it(room: Path) -> None:
    out = run_plain(room, "Wang Fang\n1\n")
    code = code_of(out)
    folder = room.parent / "saves"
    save = read_save(folder / "wang-fang.json")
    assert codes.matches(code, save.meta[codes.META_KEY]) and code not in (folder / "wang-fang.json").read_text()
    workshop, content = open_workshop(room)
    store = SaveStore(workshop.saves_dir)
    assert needs_code(workshop, store, "wang_fang") and not needs_code(workshop, store, "Li Wei")
    before = folder_bytes(folder)
    with pytest.raises(CliError, match="was wrong 3 times; ask your teacher"):
        run_plain(room, "wang fang\n000-000\n\n" + "9" * 100_000 + "\n1\n")
    with pytest.raises(SeatCodeError, match="That is not the seat code of 'WANG FANG'; nothing was opened or changed"):
        seat_for(workshop, content, store, "WANG FANG", "")
    assert folder_bytes(folder) == before  # wrong codes touch nothing
    out = run_plain(room, f"wang fang\n{code.replace('-', ' ')}\n" + "1\n" * 10)
    assert "Welcome back, Wang Fang" in out and "Your seat code is" not in out
    assert read_save(folder / "wang-fang.json").state.ended
    assert codes.matches(code, read_save(folder / "wang-fang.json").meta[codes.META_KEY])


def test_a_seat_saved_before_codes_gets_one_when_its_player_returns(room: Path) -> None:
    workshop, content = open_workshop(room)
    store = SaveStore(workshop.saves_dir)
    seat = seat_for(workshop, content, store, "Old Timer")
    old = Session(content, saves=store, player=seat.player)
    old.resume(seat.life, seat.slot, workshop=workshop.id)
    old.autosave()  # no meta: as a save made before seat codes
    old.close()
    assert not needs_code(workshop, store, "Old Timer")
    code = code_of(run_plain(room, "old timer\n1\n"))
    assert needs_code(workshop, store, "Old Timer")
    assert codes.matches(code, read_save(store.path("old-timer")).meta[codes.META_KEY])


def test_the_facilitator_lists_seats_and_resets_a_code(room: Path) -> None:
    first = code_of(run_plain(room, "Bo\n" + "1\n" * 10))  # an ended life
    run_plain(room, f"bo\n{first}\n1\n")  # and a second one, bo-2
    code_of(run_plain(room, "Cy\n1\n"))
    env = {**os.environ, "CITIZEN_CONTENT": str(WORLD), "CITIZEN_PACKS": str(room.parent / "none")}
    cli = [sys.executable, "-m", "game", "workshop"]
    seats = subprocess.run([*cli, "seats", str(room)], capture_output=True, text=True, env=env, timeout=60)
    assert seats.returncode == 0, seats.stderr
    rows = seats.stdout.splitlines()
    assert rows[0].split()[:2] == ["player", "save"] and len(rows) == 3
    bo, cy = rows[1].split(), rows[2].split()
    assert (bo[0], bo[1], bo[-1]) == ("bo", "bo-2", "yes") and (cy[0], cy[1], cy[-1]) == ("Cy", "cy", "yes")
    reset = subprocess.run([*cli, "reset-code", str(room), "BO"], capture_output=True, text=True, env=env, timeout=60)
    assert reset.returncode == 0, reset.stderr
    new = re.search(r"is (\d{3}-\d{3}) \(the old one no longer works\)\. Saves changed: (.*)$", reset.stdout)
    assert new and sorted(new.group(2).split(", ")) == ["bo", "bo-2"]
    workshop, content = open_workshop(room)
    store = SaveStore(workshop.saves_dir)
    with pytest.raises(SeatCodeError):
        seat_for(workshop, content, store, "Bo", first)
    assert seat_for(workshop, content, store, "Bo", new.group(1)).slot == "bo-2"
    nobody = subprocess.run([*cli, "reset-code", str(room), "Dee"], capture_output=True, text=True, env=env, timeout=60)
    assert nobody.returncode == 1 and "no player named 'Dee'" in nobody.stderr and "Traceback" not in nobody.stderr


def test_a_code_is_not_reset_while_the_player_is_in_a_game(room: Path) -> None:
    code = code_of(run_plain(room, "Bo\n1\n"))
    workshop, content = open_workshop(room)
    store = SaveStore(workshop.saves_dir)
    seat = seat_for(workshop, content, store, "Bo", code)
    game = Session(content, saves=store, player=seat.player)
    game.resume(seat.life, seat.slot, workshop=workshop.id)
    before = folder_bytes(room.parent / "saves")
    with pytest.raises(Exception, match="the life 'bo' is open in another game"):
        reset_code(workshop, store, "Bo")
    game.close()
    assert {k: v for k, v in folder_bytes(room.parent / "saves").items() if not k.endswith(".lock")} == {
        k: v for k, v in before.items() if not k.endswith(".lock")
    }


async def test_the_tui_asks_the_code_and_a_wrong_one_changes_nothing(room: Path) -> None:
    code = code_of(run_plain(room, "Ann\n1\n"))
    workshop, content = open_workshop(room)
    store = SaveStore(workshop.saves_dir)
    before = folder_bytes(workshop.saves_dir)
    app = make_app(content, display=workshop.display(), saves=store, workshop=workshop)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.screen.query_one(Input).value = "ann"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SeatCodeScreen) and app.screen.query_one(Input).password
        for _ in range(2):
            app.screen.query_one(Input).value = "111-111"
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, SeatCodeScreen)
        assert any("That is not the seat code of 'ann'" in n.message for n in app._notifications)
        app.screen.query_one(Input).value = "111-111"
        await pilot.press("enter")  # the third wrong code: back to the name
        await pilot.pause()
        assert isinstance(app.screen, PlayerNameScreen) and app.session.life is None
        assert folder_bytes(workshop.saves_dir) == before
        app.screen.query_one(Input).value = "Ann"
        await pilot.press("enter")
        await pilot.pause()
        app.screen.query_one(Input).value = code
        await pilot.press("enter")
        await pilot.pause()
        assert app.session.slot == "ann" and app.session.life is not None and len(app.session.life.state.log) == 1
