"""The facilitator's dashboard follows a workshop's saves folder as players save (file events), read-only."""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import random
import time
from pathlib import Path

import pytest
from debrief_helpers import MINI, random_life

from game import cli
from game.saves import SaveStore
from game.tui.dashboard import DashboardApp
from game.workshop import open_workshop
from game.workshop.room import Room

WORKSHOP = """\
title = "Dashboard class"
packs = ["{mini}"]
scenario = "life"
seed = 7
days = 8

[[prompt]]
text = "What does a hub mean to you?"
event = "hub"

[[prompt]]
text = "What did the train mean to you?"
privilege = "train"

[[prompt]]
text = "Nobody reaches this."
rule = "city.capped"
"""


@pytest.fixture
def room(tmp_path: Path) -> Room:
    path = tmp_path / "class" / "workshop.toml"
    path.parent.mkdir()
    path.write_text(WORKSHOP.format(mini=MINI.as_posix()), encoding="utf-8")
    workshop, content = open_workshop(path)
    return Room(workshop, content)


def save_player(room: Room, name: str, seed: int, *, finish: bool) -> None:
    life = random_life(room.workshop, room.content, name, random.Random(seed), finish=finish)
    SaveStore(room.workshop.saves_dir).save(name, life, player=name, workshop=room.workshop.id, meta=room.workshop.meta())


def table_rows(app: DashboardApp) -> dict[str, list[str]]:
    table = app.query_one("#seats")
    return {str(table.get_row_at(i)[0]): [str(c) for c in table.get_row_at(i)] for i in range(table.row_count)}


async def wait_for(pilot, condition, seconds: float = 15.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the dashboard did not follow the saves"
        await pilot.pause(0.1)


async def test_the_dashboard_follows_saves_as_they_appear(room: Room) -> None:
    app = DashboardApp(room, idle=3)
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        assert table_rows(app) == {}
        assert "Nobody has started yet" in str(app.query_one("#grades").render())
        await asyncio.sleep(0.3)  # the watcher is up
        save_player(room, "Ann", 1, finish=False)
        await wait_for(pilot, lambda: "Ann" in table_rows(app))
        save_player(room, "Bo", 2, finish=True)
        save_player(room, "Cy", 3, finish=False)
        await wait_for(pilot, lambda: {"Ann", "Bo", "Cy"} <= set(table_rows(app)))
        rows = table_rows(app)
        assert rows["Bo"][1].startswith("ended")
        for name in ("Ann", "Cy"):
            line = next(s for s in room.seats.values() if s.player == name)
            assert rows[name][1] == f"{line.day} of 8"
            assert rows[name][2] == line.grades["city"]
        grades = str(app.query_one("#grades").render())
        assert "Grades now" in grades and "City score" in grades
        counts = [int(ln.split()[-1]) for ln in grades.splitlines() if ln.startswith("  ") and ln.split()[-1].isdigit()]
        assert sum(counts) == 3
        prompts = str(app.query_one("#prompts").render())
        assert "What does a hub mean to you?" in prompts and "reached by 3" in prompts
        assert "Nobody reaches this." not in prompts
        (room.workshop.saves_dir / "ann.json").unlink()  # a save deleted: its row goes
        await wait_for(pilot, lambda: "Ann" not in table_rows(app))


async def test_who_has_stopped_and_a_broken_save(room: Room) -> None:
    save_player(room, "Dee", 4, finish=False)
    save_player(room, "Eve", 5, finish=False)
    folder = room.workshop.saves_dir
    (folder / "zed.json").write_text("{not json", encoding="utf-8")
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    dee = folder / "dee.json"
    data = dee.read_text(encoding="utf-8")
    old = (dt.datetime.now(dt.UTC) - dt.timedelta(minutes=9)).isoformat()
    import json

    doc = json.loads(data)
    doc["saved_at"] = old
    dee.write_text(json.dumps(doc), encoding="utf-8")
    before["dee.json"] = dee.read_bytes()
    app = DashboardApp(room, idle=3, watch=False)
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        stopped = str(app.query_one("#stopped").render())
        assert "Dee: 9 min" in stopped and "Eve" not in stopped
        assert table_rows(app)["zed"][1] == "unreadable"
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before  # read-only


def test_dashboard_needs_a_good_workshop(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["dashboard", "--workshop", str(tmp_path / "none.toml")]) == 1
    assert "no such workshop file" in capsys.readouterr().err
    assert cli.main(["dashboard", "--workshop", str(tmp_path / "none.toml"), "--idle", "0"]) == 2
    assert "--idle must be more than 0" in capsys.readouterr().err


def test_serve_can_show_the_dashboard(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from game.tools.serve import play_command

    assert play_command(tmp_path / "w.toml", "light", dashboard=True).endswith(
        f"dashboard --workshop {(tmp_path / 'w.toml').resolve()} --theme light"
    )
    assert cli.main(["serve", "--dashboard"]) == 2
    assert "--dashboard shows a workshop" in capsys.readouterr().err
    assert os.environ.get("CITIZEN_CONFIG")  # the settings file of the tests, not the player's
