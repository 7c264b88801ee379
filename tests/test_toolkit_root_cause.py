"""`citizen validate` puts the root cause first, folds what follows from it, and says the fix in plain words."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.cli import main
from game.packs.loader import validate

WORLD = """
[cities.suzhou]
name = "Suzhou"

[stats.tea]
name = "Tea"

[systems.osmanthus]
name = "Osmanthus points"
start = 100
min = 0
max = 200
tiers = [
  { id = "good", min = 100 },
  { id = "fair", min = "50" },
  { id = "low", min = 0 },
]
"""
RULES = "".join(f"\n[rules.osmanthus.act_{i}]\npoints = {i}\n" for i in range(12))
ACTS = "".join(f'\n[acts.act_{i}]\nname = "Act {i}"\n' for i in range(12))
EVENTS = """
[[event]]
id = "canal"
title = "The canal"
text = "Nets by the canal."
when = 'in_city("suzhou") and score.osmanthus > 50 and tier.osmanthus == "good"'

[[event.choice]]
id = "help"
label = "Help"
record = ["act_1"]
schedule = [{ event = "canal_after", after = 1 }]

[[event]]
id = "canal_after"
title = "Afterwards"
text = "Dry nets."
colour = "blue"

[[event.choice]]
id = "rest"
label = "Rest"
stats = { tae = 1 }
"""
SCENARIO = """
[scenarios.clerk]
name = "A clerk"
city = "suzhou"
systems = ["osmanthus"]
compare = ["osmanthus"]
days = 5
[scenarios.clerk.character]
name = "Wen"
"""


def run(capsys, *argv: str) -> tuple[int, list[str]]:
    code = main(["validate", *argv])
    out = capsys.readouterr()
    return code, out.out.splitlines()


@pytest.fixture
def suzhou(write_pack) -> Path:
    return write_pack(
        "suzhou",
        {"world.toml": WORLD + ACTS + RULES, "events.toml": EVENTS, "scenarios.toml": SCENARIO},
    )


def test_a_string_in_a_tier_table_comes_first_with_its_cascade_folded(suzhou: Path, capsys) -> None:
    code, lines = run(capsys, str(suzhou))
    assert code == 1
    first = lines[0]
    assert first.endswith("world.toml:13: error: `min` must be a number; remove the quotes around 50"), lines
    assert lines[1].strip().startswith("… and ") and "more that follow from this" in lines[1]
    follow = int(lines[1].split("and ")[1].split(" ")[0])
    assert follow >= 15  # 12 rules, the scenario's systems and compare, three expressions
    assert not any("unknown score system" in line for line in lines)
    # --all lists them, indented under their cause
    _, everything = run(capsys, "--all", str(suzhou))
    folded = [line for line in everything if line.startswith("    ") and "osmanthus" in line]
    assert len(folded) == follow


def test_an_unknown_key_keeps_the_item_so_its_other_problems_show_and_nothing_knocks_on(suzhou: Path, capsys) -> None:
    _, lines = run(capsys, "--all", str(suzhou))
    text = "\n".join(lines)
    assert "unknown key 'colour'" in text
    assert "unknown stat 'tae' (did you mean 'tea'?)" in text  # checked although the event had an unknown key
    assert "unknown event 'canal_after'" not in text


def test_errors_are_grouped_by_file_and_ordered_by_line(suzhou: Path, capsys) -> None:
    _, lines = run(capsys, str(suzhou))
    assert "more that follow from this" in lines[1]  # the one cause comes first; the rest follow in reading order
    places = [(line.split(":")[0], int(line.split(":")[1])) for line in lines[2:] if ": error:" in line]
    files = [f for f, _ in places]
    assert files == sorted(files)
    for name in set(files):
        numbers = [n for f, n in places if f == name]
        assert numbers == sorted(numbers)


def test_syntax_and_encoding_errors_come_before_everything_else(write_pack, capsys) -> None:
    broken = EVENTS.replace('title = "Afterwards"', 'title = "Afterwards')
    pack = write_pack(
        "tea",
        {
            "a_world.toml": WORLD.replace('"50"', "50") + ACTS + RULES + SCENARIO.replace("suzhou", "hangzhou"),
            "events.toml": broken,
            "z_latin.toml": '[stats.caf\xe9]\nname = "Caf\xe9"\n'.encode("latin-1"),
        },
    )
    _, lines = run(capsys, str(pack))
    assert "events.toml:16: error: TOML syntax error: a quoted text is not closed on this line" in lines[0], lines
    assert "z_latin.toml:1: error: file is not valid UTF-8 (byte 0xe9); save it as UTF-8" in lines[1], lines
    assert "unknown city 'hangzhou'" in "\n".join(lines[2:])


def test_errors_about_ids_a_broken_file_declared_follow_from_it(write_pack) -> None:
    pack = write_pack(
        "tea",
        {
            "world.toml": WORLD.replace('"50"', "50") + ACTS + RULES + SCENARIO,
            "events.toml": EVENTS.replace("tae", "tea").replace('colour = "blue"\n', ""),
            "more.toml": '[[event]]\nid = "later"\ntitle = "Later\n',
            "uses.toml": (
                '[[event]]\nid = "user"\ntitle = "U"\ntext = "U"\nwhen = \'fired("later")\'\n'
                '[[event.choice]]\nid = "a"\nlabel = "A"\nschedule = [{ event = "later", after = 1 }]\n'
            ),
        },
    )
    _, problems = validate([pack])
    syntax = next(p for p in problems if "TOML syntax error" in p.message)
    followers = [p for p in problems if p.cause == syntax]
    assert {p.message.split(" in expression")[0] for p in followers} == {"unknown event 'later'"}
    assert len(followers) == 2


def test_a_missing_dependency_folds_the_unknown_ids_of_its_pack(write_pack, capsys) -> None:
    pack = write_pack("tea", {"events.toml": EVENTS.replace('colour = "blue"\n', "")}, depends=["jiangsu_world"])
    code, lines = run(capsys, str(pack))
    assert code == 1
    assert "depends on 'jiangsu_world', which is not installed" in lines[0]
    assert "more that follow from this" in lines[1]
    assert len([line for line in lines if not line.startswith(" ") and ": error:" in line]) == 1


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        (
            '[[event]]\nid = "e"\ntitle = "T"\ntext = "T"\ncooldown = "3"\n[[event.choice]]\nid = "a"\nlabel = "A"\n',
            "`cooldown` must be a whole number of days; remove the quotes around 3",
        ),
        ('[stats.x]\nname = "X"\nhidden = "true"\n', "`hidden` must be true or false; remove the quotes around true"),
        ("[stats.x]\nname = 5\n", '`name` must be text in quotes; put it in quotes: "5"'),
        ('[stats.x]\nname = "X"\nmax = "lots"\n', "`max` must be a number"),
        ('[pack]\nid = "t"\nname = "T"\ndepends = "core"\n', '`depends` must be a list in [ ]; put it in brackets: ["core"]'),
        ('[stats.X]\nname = "X"\n', "id 'X' must be at most 64 lower case letters"),
        ('[stats.x]\ntitle = "X"\n', "unknown key 'title'"),
        ('[stats.x]\ndescription = "X"\n', "missing required key 'name': add name = …"),
    ],
)
def test_type_errors_name_the_key_and_the_fix(write_pack, toml: str, message: str) -> None:
    files = {"pack.toml": toml} if toml.startswith("[pack]") else {"bad.toml": toml}
    pack = write_pack("t", files)
    _, problems = validate([pack])
    assert any(message in p.message for p in problems), [p.message for p in problems]
