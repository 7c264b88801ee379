"""Every kind of lock says how to open it and how far away that is ("needs grade AA — you are A, 12 points short").

A small pack: a Ladder score whose grades gate a rebate (from AA), bar the rail at D,
and a list that bars it whatever the grade; choices locked by a grade, a score, money
and the list. Hidden numbers stay hidden (see test_present_hidden.py for the rest).
"""

from __future__ import annotations

import io

import pytest

from game.engine.content import Content
from game.engine.life import Life
from game.engine.model import LockReason
from game.engine.scoring import update_privileges, update_tier
from game.engine.state import Setup
from game.packs.loader import load_content
from game.play import Session
from game.present import Display, lock_text
from game.tools.plain import PlainGame

PACK = """
[stats.money]
name = "Money"
start = 100
unit = "¥"
max = 10000

[privileges.rail]
name = "High-speed rail"

[privileges.rebate]
name = "Heating rebate"
default = false

[cities.town]
name = "Town"

[systems.ladder]
name = "Ladder"
start = 1000
min = 0
max = 1200
tiers = [
  { id = "AA", min = 1030, grant = ["rebate"] },
  { id = "A", min = 960 },
  { id = "C", min = 600 },
  { id = "D", min = 0, revoke = ["rail"] },
]

[rules.ladder.fine]
points = -450

[lists.court]
name = "Court list"
revoke = ["rail"]

[scenarios.life]
name = "A life"
city = "town"
systems = ["ladder"]
days = 5
events_per_day = [1, 1]

[scenarios.life.character]
name = "Tester"

[[event]]
id = "hub"
title = "Hub"
text = "Choose."

[[event.choice]]
id = "rebate"
label = "Claim the rebate"
requires = ["rebate"]

[[event.choice]]
id = "rail"
label = "Take the train"
requires = ["rail"]

[[event.choice]]
id = "club"
label = "Join the club"
enable_if = "at_least('ladder', 'AA')"

[[event.choice]]
id = "loan"
label = "Take the loan"
enable_if = "score.ladder >= 1010"

[[event.choice]]
id = "car"
label = "Buy a car"
enable_if = "stat.money >= 500"

[[event.choice]]
id = "spree"
label = "Go on a spree"
enable_if = "stat.money <= 40"

[[event.choice]]
id = "clean"
label = "Clean slate office"
enable_if = "not listed('court')"

[[event.choice]]
id = "fine"
label = "Get fined"
record = ["fine"]
"""


@pytest.fixture(scope="module")
def ladder(tmp_path_factory: pytest.TempPathFactory) -> Content:
    folder = tmp_path_factory.mktemp("ladder")
    (folder / "pack.toml").write_text('[pack]\nid = "ladder"\nname = "Ladder"\n', encoding="utf-8")
    (folder / "world.toml").write_text(PACK, encoding="utf-8")
    return load_content([folder])


def _life(content: Content, score: float) -> Life:
    life = Life(content, Setup("life", 1))
    life.state.scores["ladder"] = score
    update_tier(life, "ladder", "test")
    return life


def _lock(life: Life, choice_id: str) -> LockReason:
    view = life.prompt()
    assert view is not None
    lock = next(cv.lock for cv in view.choices if cv.choice.id == choice_id)
    assert lock is not None, choice_id
    return lock


def test_a_grade_perk_says_the_grade_and_the_points(ladder: Content) -> None:
    life = _life(ladder, 1018)
    assert lock_text(ladder, _lock(life, "rebate")) == "Heating rebate needs grade AA in Ladder — you are A, 12 points short"


def test_a_grade_condition_says_the_points(ladder: Content) -> None:
    life = _life(ladder, 1018)
    lock = _lock(life, "club")
    assert lock.args["short"] == 12
    assert lock_text(ladder, lock) == "Needs grade AA or better in Ladder — you are A, 12 points short"
    assert lock_text(ladder, lock, Display({"ladder": "tier"})) == "Needs grade AA or better in Ladder (you are A)"
    assert lock_text(ladder, lock, Display({"ladder": "hidden"})) == "Needs a better standing in Ladder"


def test_a_grade_ban_says_which_grade_lifts_it_and_how_far(ladder: Content) -> None:
    life = _life(ladder, 555)
    lock = _lock(life, "rail")
    assert lock.args["unlock"] == "C" and lock.args["short"] == 45
    assert lock_text(ladder, lock) == "Grade D — barred from High-speed rail (Ladder); lifted at grade C, 45 points short"
    assert lock_text(ladder, lock, Display({"ladder": "tier"})).endswith("; lifted at grade C")
    assert lock_text(ladder, lock, Display({"ladder": "hidden"})) == "Barred from High-speed rail by Ladder"


def test_a_list_ban_says_how_it_lifts(ladder: Content) -> None:
    life = _life(ladder, 1000)
    life.state.lists.add("court")
    update_privileges(life, "test")
    assert lock_text(ladder, _lock(life, "rail")) == (
        "On the Court list — barred from High-speed rail; lifted only when you are off the list"
    )
    assert lock_text(ladder, _lock(life, "clean")) == "Not for people on the Court list; open again once you are off it"


def test_scores_and_stats_say_how_far(ladder: Content) -> None:
    life = _life(ladder, 1000)
    assert lock_text(ladder, _lock(life, "loan")) == "Needs Ladder at least 1010 (you have 1000, 10 short)"
    assert lock_text(ladder, _lock(life, "car")) == "Needs Money at least ¥500 (you have ¥100, ¥400 short)"
    assert lock_text(ladder, _lock(life, "spree")) == "Needs Money at most ¥40 (you have ¥100, ¥60 too many)"
    assert lock_text(ladder, _lock(life, "loan"), Display({"ladder": "hidden"})) == "Depends on your standing in Ladder"


def test_plain_mode_says_the_distance_too(ladder: Content) -> None:
    life = _life(ladder, 1018)
    out = io.StringIO()
    PlainGame(Session.of(life), out).play(io.StringIO("1\n"))
    text = out.getvalue()
    assert "[locked] Claim the rebate — Heating rebate needs grade AA in Ladder — you are A, 12 points short" in text
    assert "Join the club — Needs grade AA or better in Ladder — you are A, 12 points short" in text
