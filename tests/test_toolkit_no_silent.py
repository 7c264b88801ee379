"""No silent mistakes: each slip a writer makes on purpose here is named, with its place and a fix."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.cli import main
from game.packs.loader import validate
from game.packs.resolve import with_dependencies

ROOT = Path(__file__).resolve().parent.parent
HARBOUR = ROOT / "docs" / "examples" / "harbour"

PACK = '[pack]\nid = "suzhou"\nname = "Suzhou"\ndepends = ["core"]\n'
WORLD = """
[cities.suzhou]
name = "Suzhou"

[systems.osmanthus]
name = "Osmanthus points"
start = 100
min = 0
max = 200
tiers = [{ id = "good", min = 100 }, { id = "low", min = 0 }]

[rules.osmanthus.volunteering]
points = 5

[rules.osmanthus.blood_donaton]
points = 20
"""
EVENTS = """
[[event]]
id = "sz_canal"
title = "The canal clean-up"
text = "Neighbours gather by the canal with nets."
weight = 40
when = 'in_city("suzhou")'

[[event.choice]]
id = "help"
label = "Help"
record = ["volunteering"]

[[event.choice]]
id = "give_blood"
label = "Give blood at the van"
record = ["blood_donation"]
"""
SCENARIO = """
[scenarios.sz_clerk]
name = "A clerk in Suzhou"
city = "suzhou"
systems = ["osmanthus"]
days = 8
events_per_day = [1, 1]
flags = ["married", "no_job", "planning_wedding", "promotion_applied"]
settings = { appeals = false, misrecords = 0, informants = false }

[scenarios.sz_clerk.character]
name = "Wen"
"""


@pytest.fixture
def suzhou(write_pack, monkeypatch, tmp_path: Path) -> Path:
    monkeypatch.setenv("CITIZEN_PACKS", str(tmp_path / "no-user-packs"))
    return write_pack("suzhou", {"pack.toml": PACK, "world.toml": WORLD, "events.toml": EVENTS, "scenarios.toml": SCENARIO})


def problems_of(folder: Path, **files: str) -> list[str]:
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    _, problems = validate(with_dependencies([folder]))
    return [str(p) for p in problems if "suzhou" in p.file and "reliability" not in p.message]


def test_a_rule_for_an_act_nobody_records_is_warned_with_its_did_you_mean(suzhou: Path) -> None:
    found = problems_of(suzhou)
    assert found == [
        f"{suzhou / 'world.toml'}:15: warning: rule 'blood_donaton' of 'osmanthus': no event records 'blood_donaton', "
        "so it never scores (did you mean 'blood_donation'?)"
    ]


def test_simulate_lists_the_rules_no_life_recorded(suzhou: Path, capsys) -> None:
    assert main(["simulate", "--pack", str(suzhou), "--runs", "20", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["rules"] == {"in_play": 2, "never_recorded": ["osmanthus/blood_donaton"]}


def test_strict_judges_the_pack_being_written_not_its_dependency(suzhou: Path, capsys) -> None:
    fixed = WORLD.replace("blood_donaton", "blood_donation")
    (suzhou / "world.toml").write_text(fixed, encoding="utf-8")
    assert main(["simulate", "--pack", str(suzhou), "--runs", "40", "--strict", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["events"]["never_fired"] == []
    # the scenario switches core's wedding and promotion arcs off: reported apart, not failing --strict
    assert {"wedding_day", "promotion_interview"} <= set(report["events"]["never_fired_dependencies"]) | set(
        report["events"]["out_of_play"]
    )
    assert report["events"]["never_fired_dependencies"]


def test_the_guides_example_passes_strict(capsys) -> None:
    assert main(["simulate", "--pack", str(HARBOUR), "--strict", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["events"]["never_fired"] == [] and report["rules"]["never_recorded"] == []


def test_replacing_a_dependencys_id_needs_override(suzhou: Path) -> None:
    core_event = '[[event]]\nid = "phone_scam"\ntitle = "T"\ntext = "T"\n[[event.choice]]\nid = "a"\nlabel = "A"\n'
    found = problems_of(suzhou, **{"override.toml": core_event})
    assert any(
        "override.toml:1: error: event 'phone_scam' replaces the one of pack 'core'" in p and "add override = true" in p
        for p in found
    ), found
    found = problems_of(suzhou, **{"override.toml": core_event.replace('title = "T"', 'title = "T"\noverride = true')})
    assert not any("override.toml" in p for p in found), found
    found = problems_of(suzhou, **{"override.toml": '[stats.sz_tea]\nname = "Tea"\noverride = true\n'})
    assert any("override.toml:3: warning: stat 'sz_tea' says override = true, but no pack" in p for p in found), found


def test_two_stats_or_privileges_with_one_display_name_are_warned(suzhou: Path) -> None:
    found = problems_of(
        suzhou,
        **{"names.toml": '[stats.sz_money]\nname = "Money"\n\n[privileges.sz_flights]\nname = "Flights"\n'},
    )
    assert any("names.toml:2: warning: stat 'sz_money' shows the same name as 'money'" in p for p in found), found
    assert any("privilege 'sz_flights' shows the same name as 'flights'" in p for p in found), found


def test_a_flag_only_ever_unset_is_warned(suzhou: Path) -> None:
    events = EVENTS.replace('record = ["volunteering"]', 'record = ["volunteering"]\nflags = ["sz_helped"]')
    events += (
        '\n[[event]]\nid = "sz_forget"\ntitle = "F"\ntext = "F"\n[[event.choice]]\nid = "a"\nlabel = "A"\nunflag = ["sz_helpd"]\n'
    )
    found = problems_of(suzhou, **{"events.toml": events})
    assert any("warning: flag 'sz_helpd' is unset here but nothing sets it (did you mean 'sz_helped'?)" in p for p in found), (
        found
    )
