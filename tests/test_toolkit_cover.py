"""`citizen simulate --cover` reaches a choice random lives almost never reach, and says what stays out of reach."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from game.cli import main

WORLD = """
[stats.coins]
name = "Coins"
min = 0
max = 20

[[event]]
id = "day_job"
repeatable = true
title = "Another day at the stall"
text = "Customers come and go."
weight = 3

[[event.choice]]
id = "work"
label = "Work hard"
stats = { coins = 1 }

[[event.choice]]
id = "slack"
label = "Slack off"
stats = { coins = -1 }

[[event.choice]]
id = "treat"
label = "Buy everyone tea"
stats = { coins = -2 }

[[event]]
id = "vault"
repeatable = true
title = "The vault"
text = "The bank's door is open."

[[event.choice]]
id = "open"
label = "Open a savings account"
enable_if = "stat.coins >= 9"

[[event.choice]]
id = "fortune"
label = "Buy the golden key"
enable_if = "stat.coins >= 50"

[[event.choice]]
id = "leave"
label = "Walk on"

[scenarios.s]
name = "S"
days = 10
events_per_day = [2, 2]
[scenarios.s.character]
name = "Wen"
"""


@pytest.fixture
def bank(write_pack, monkeypatch, tmp_path: Path) -> Path:
    monkeypatch.setenv("CITIZEN_PACKS", str(tmp_path / "no-user-packs"))
    return write_pack("bank", {"world.toml": WORLD})


def test_random_lives_almost_never_open_the_account(bank: Path, capsys) -> None:
    assert main(["simulate", "--pack", str(bank), "--runs", "300", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    # nine net coins from a three-way walk in ten days: next to never at random
    assert report["scenarios"]["s"]["events"]["vault"] > 100
    assert "vault/open" in report["choices"]["always_locked"]


def test_cover_reaches_it_and_reports_the_impossible_one_with_the_nearest_state(bank: Path, capsys) -> None:
    assert main(["simulate", "--pack", str(bank), "--cover", "--runs", "40", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)["scenarios"]["s"]
    assert report["choices"]["taken"] == report["choices"]["total"] - 1
    [unreached] = report["unreached"]
    assert (unreached["kind"], unreached["id"]) == ("choice", "vault/fortune")
    [failing] = unreached["nearest"]["failing"]
    assert re.fullmatch(r"stat\.coins >= 50 \(was (\d+)\)", failing) and int(failing.split("was ")[1][:-1]) >= 9


def test_cover_text_and_strict(bank: Path, capsys) -> None:
    assert main(["simulate", "--pack", str(bank), "--cover", "--runs", "40", "--strict"]) == 1
    captured = capsys.readouterr()
    assert captured.out.startswith("s: 40 covering lives reached 2 of 2 events and took 5 of 6 choices\n")
    assert "never reached: choice vault/fortune — nearest: seed" in captured.out
    assert "stat.coins >= 50 (was" in captured.out
    assert "1 event(s) or choice(s) never reached" in captured.err
