"""Grades and perks made explicit: `grant_up`, the warning for a one-grade perk, and locks that name the grade."""

from __future__ import annotations

from pathlib import Path

from game.engine.life import Life
from game.engine.scoring import update_tier
from game.engine.state import Setup
from game.packs.loader import load_content, validate
from game.present import Display, lock_text

WORLD = """
[privileges.garden]
name = "Free garden admission"
default = false

[systems.osmanthus]
name = "Osmanthus points"
start = 88
min = 0
max = 200
tiers = [
  { id = "gold", min = 150, name = "Gold" },
  { id = "silver", min = 100, name = "Silver", {GRANT} = ["garden"] },
  { id = "bronze", min = 0, name = "Bronze" },
]

[[event]]
id = "gate"
title = "The garden gate"
text = "A turnstile reads your card."

[[event.choice]]
id = "enter"
label = "Walk in free"
requires = ["garden"]

[[event.choice]]
id = "pay"
label = "Buy a ticket"

[scenarios.s]
name = "S"
systems = ["osmanthus"]
days = 3
[scenarios.s.character]
name = "Wen"
"""


def pack(write_pack, grant: str) -> Path:
    return write_pack(grant, {"world.toml": WORLD.replace("{GRANT}", grant)})


def test_a_perk_granted_by_one_grade_only_is_warned(write_pack) -> None:
    _, problems = validate([pack(write_pack, "grant")])
    assert [p.message for p in problems if "reliability" not in p.message] == [
        "tier 'silver' of 'osmanthus' grants 'garden' at that grade only: grades 'gold' above it do not hold it; "
        "write grant_up = [\"garden\"] to grant it from 'silver' up"
    ]


def test_grant_up_holds_the_perk_from_that_grade_up(write_pack) -> None:
    folder = pack(write_pack, "grant_up")
    content, problems = validate([folder])
    assert [p for p in problems if "reliability" not in p.message] == [] and content is not None
    life = Life(content, Setup("s", seed=1))
    held = {}
    for score in (50, 120, 170):
        life.state.scores["osmanthus"] = score
        update_tier(life, "osmanthus", "test")
        held[life.state.tiers["osmanthus"]] = "garden" in life.state.privileges
    assert held == {"bronze": False, "silver": True, "gold": True}


def test_the_lock_names_the_grade_and_the_distance(write_pack) -> None:
    content = load_content([pack(write_pack, "grant_up")])
    life = Life(content, Setup("s", seed=1))
    enter = content.events["gate"].choices[0]
    lock = life.lock_of(enter)
    assert lock is not None and lock.kind == "privilege_tier"
    assert lock_text(content, lock) == (
        "Free garden admission needs grade Silver or better in Osmanthus points — you are Bronze, 12 points short"
    )
    # a display that shows the grade but not the points keeps the points unsaid; a hidden one says neither
    assert lock_text(content, lock, Display({"osmanthus": "tier"})) == (
        "Free garden admission needs grade Silver or better in Osmanthus points — you are Bronze"
    )
    hidden = lock_text(content, lock, Display({"osmanthus": "hidden"}))
    assert hidden == "Free garden admission needs a better standing in Osmanthus points"
    assert "12" not in hidden and "Silver" not in hidden and "Bronze" not in hidden


def test_a_one_grade_perk_tells_a_higher_grade_it_is_for_that_grade_only(write_pack) -> None:
    content = load_content([pack(write_pack, "grant")])
    life = Life(content, Setup("s", seed=1))
    life.state.scores["osmanthus"] = 170
    update_tier(life, "osmanthus", "test")
    lock = life.lock_of(content.events["gate"].choices[0])
    assert lock_text(content, lock) == "Free garden admission comes with grade Silver of Osmanthus points only — you are Gold"
