"""`citizen ids`: every id a pack can use, its own and its dependencies', from one catalogue."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.cli import main
from game.packs.catalogue import KINDS
from game.tools.ids import load_catalogue, markdown

ROOT = Path(__file__).resolve().parent.parent
CORE = ROOT / "content" / "core"
REFERENCE = ROOT / "docs" / "core-reference.md"

FILES = {
    "pack.toml": '[pack]\nid = "suzhou"\nname = "Suzhou"\ndepends = ["core"]\n',
    "world.toml": """
[cities.suzhou]
name = "Suzhou"

[stats.sz_tea]
name = "Tea leaves"

[privileges.sz_garden]
name = "Free garden admission"
default = false

[systems.osmanthus]
name = "Osmanthus points"
start = 100
min = 0
max = 200
tiers = [{ id = "silver", min = 100, name = "Silver", grant_up = ["sz_garden"] }, { id = "low", min = 0 }]

[rules.osmanthus.volunteering]
points = 5
cooldown = 2

[[event]]
id = "sz_canal"
title = "The canal clean-up"
text = "Nets."
when = 'in_city("suzhou")'

[[event.choice]]
id = "help"
label = "Help"
record = ["volunteering"]
flags = ["sz_helped"]
""",
}


@pytest.fixture
def suzhou(write_pack, monkeypatch, tmp_path: Path) -> Path:
    monkeypatch.setenv("CITIZEN_PACKS", str(tmp_path / "no-user-packs"))
    return write_pack("suzhou", FILES)


def test_ids_lists_own_and_dependency_ids_with_names(suzhou: Path, capsys) -> None:
    assert main(["ids", "--pack", str(suzhou), "stats"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "stats (8):"
    assert any(line.split()[:2] == ["money", "Money"] and "[core]" in line for line in lines)
    assert any(line.split()[0] == "sz_tea" and "Tea leaves  [suzhou]" in line for line in lines)


def test_rules_show_their_points_per_system(suzhou: Path, capsys) -> None:
    assert main(["ids", "--pack", str(suzhou), "--json"]) == 0
    ids = json.loads(capsys.readouterr().out)
    assert set(ids) == set(KINDS)
    assert ids["rules"]["volunteering"]["detail"] == "osmanthus +5 (every 2 days at most)"
    assert ids["acts"]["volunteering"]["pack"] == "core"
    assert "osmanthus +5" in ids["acts"]["volunteering"]["detail"]
    assert ids["privileges"]["sz_garden"]["detail"] == "not held until granted; granted by osmanthus silver+"
    assert ids["events"]["sz_canal"]["where"] == "suzhou/world.toml:23"
    assert ids["flags"]["sz_helped"]["detail"] == "set by sz_canal/help"
    assert "phone_scam" in ids["events"]


def test_an_unknown_kind_is_one_clear_message(capsys) -> None:
    assert main(["ids", "rule"]) == 2
    assert "unknown kind 'rule' (did you mean 'rules'?)" in capsys.readouterr().err


def test_the_core_reference_is_generated_from_core_and_current() -> None:
    expected = markdown(load_catalogue([CORE]), list(KINDS), "Reference: the ids of core") + "\n"
    assert REFERENCE.read_text(encoding="utf-8") == expected, (
        "docs/core-reference.md is out of date: run citizen ids --pack content/core --markdown > docs/core-reference.md"
    )


def test_schema_offers_the_known_ids_to_editors(suzhou: Path, capsys) -> None:
    assert main(["schema", "--ids", "--pack", str(suzhou)]) == 0
    doc = json.loads(capsys.readouterr().out)
    defs = doc["$defs"]
    record = defs["ChoiceDef"]["properties"]["record"]["items"]["anyOf"][0]["enum"]
    assert "volunteering" in record and "blood_donation" in record
    event = defs["ScheduleDef"]["properties"]["event"]["anyOf"][0]["enum"]
    assert "sz_canal" in event and "phone_scam" in event
    assert {"money", "sz_tea"} <= set(defs["ChoiceDef"]["properties"]["stats"]["properties"])
    assert main(["schema", "--pack", str(suzhou)]) == 2
