"""Load-time refusals: every value that could not be played is an error with FILE:LINE, and no pack is slow to refuse."""

from __future__ import annotations

import time
import tracemalloc
from pathlib import Path

import pytest

from game import cli
from game.packs.loader import validate

WORLD = """
[stats.money]
name = "Money"
max = 1000

[systems.city]
name = "City"
max = 200
tiers = [{ id = "A", min = 100 }, { id = "D", min = 0 }]

[rules.city.fine]
points = -10

[characters.pal]
name = "Pal"
scores = { city = 10 }

[scenarios.life]
name = "Life"
systems = ["city"]
days = 5
start_date = "2019-03-04"

[scenarios.life.character]
name = "Me"
"""
EVENT = """
[[event]]
id = "hub"
title = "Hub"
text = "Text"
weight = 1

[[event.choice]]
id = "ok"
label = "OK"
"""

HANG = 60
"""Seconds that mean "it hangs": a guard against the quadratic and endless cases these tests were written for,
not a measure of speed (that is bench/'s, in ratios; a loaded machine must not fail these)."""


def problems_of(write_pack, world: str = WORLD, events: str = EVENT, **extra: str | bytes) -> list[str]:
    folder = write_pack("t", {"world.toml": world, "events.toml": events, **extra})
    return [str(p) for p in validate([folder])[1] if p.severity == "error"]


def test_the_base_pack_is_valid(write_pack) -> None:
    assert problems_of(write_pack) == []


@pytest.mark.parametrize("value", ["inf", "-inf", "nan", "1e308", "-2e12", "10000000000000"])
@pytest.mark.parametrize(
    ("old", "where"),
    [
        ("weight = 1", "events.toml:6"),
        ("points = -10", "world.toml:12"),
        ("max = 1000", "world.toml:4"),
        ("max = 200", "world.toml:8"),
        ("scores = { city = 10 }", "world.toml:16"),
    ],
)
def test_numbers_must_be_finite_and_bounded(write_pack, value: str, old: str, where: str) -> None:
    new = old.replace("10", value) if "city" in old else old.split("=")[0] + f"= {value}"
    found = problems_of(write_pack, WORLD.replace(old, new), EVENT.replace(old, new))
    assert any(where in p and "must be finite" in p for p in found), found


def test_expressions_are_type_checked(write_pack) -> None:
    events = EVENT.replace("weight = 1", "weight = 1\nwhen = '[\"a\"] < [1]'")
    found = problems_of(write_pack, events=events)
    assert any("events.toml:" in p and "a list can only follow 'in'" in p for p in found), found


@pytest.mark.parametrize(
    "schedules",
    [
        ['schedule = [{ event = "hub", after = 0 }]'],
        ['schedule = [{ event = "other", after = 0 }]', 'schedule = [{ event = "hub", after = 0 }]'],
    ],
)
def test_same_day_follow_up_loops_are_refused(write_pack, schedules: list[str]) -> None:
    events = EVENT.replace('label = "OK"', 'label = "OK"\n' + schedules[0])
    if len(schedules) > 1:
        events += EVENT.replace('id = "hub"', 'id = "other"').replace('label = "OK"', 'label = "OK"\n' + schedules[1])
    found = problems_of(write_pack, events=events)
    assert any("events.toml:" in p and "after = 0 make a loop" in p for p in found), found


def test_a_follow_up_after_one_day_may_come_back(write_pack) -> None:
    events = EVENT.replace('label = "OK"', 'label = "OK"\nschedule = [{ event = "hub", after = 1 }]')
    assert problems_of(write_pack, events=events) == []


@pytest.mark.parametrize("date", ["9999-12-31", "2019-02-30", "0001-01-01", "2019-3-4"])
def test_start_dates_stay_on_the_calendar(write_pack, date: str) -> None:
    found = problems_of(write_pack, WORLD.replace("2019-03-04", date))
    said = ("is not a day of the calendar", "a date must be written YYYY-MM-DD, from 1900 to 2099")
    assert any("world.toml:22" in p and any(s in p for s in said) for p in found), found


@pytest.mark.parametrize("key", ["a" * 65, "money\\n", "Money"])
def test_table_keys_follow_the_id_rules(write_pack, key: str) -> None:
    found = problems_of(write_pack, WORLD + f'\n[stats."{key}"]\nname = "x"\n')
    assert any("world.toml:" in p and "at most 64 lower case letters" in p for p in found), found


def test_an_id_ending_in_a_newline_is_no_twin(write_pack) -> None:
    found = problems_of(write_pack, events=EVENT.replace('id = "ok"', 'id = "ok\\n"'))
    assert any("events.toml:" in p and "an id must be lower case" in p for p in found), found


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("version", "1" * 65),
        ("license", "x" * 201),
        ("languages", '["' + "e" * 40 + '"]'),
        ("languages", '["en\\u001b]0;x"]'),
    ],
)
def test_pack_strings_have_limits(write_pack, field: str, value: str) -> None:
    value = value if value.startswith("[") else f'"{value}"'
    pack = f'[pack]\nid = "t"\nname = "T"\n{field} = {value}\n'
    found = problems_of(write_pack, **{"pack.toml": pack})
    assert any("pack.toml:" in p for p in found), found


def test_a_long_unit_is_refused(write_pack) -> None:
    found = problems_of(write_pack, WORLD.replace('name = "Money"', 'name = "Money"\nunit = "' + "¥" * 17 + '"'))
    assert any("world.toml:4" in p for p in found), found


def test_links_in_a_loop_deep_folders_and_unreadable_files_are_clear_errors(write_pack, monkeypatch) -> None:
    folder = write_pack("t", {"world.toml": WORLD, "events.toml": EVENT})
    (folder / "loop.toml").symlink_to(folder / "loop.toml")
    deep = folder
    for _ in range(40):
        deep = deep / "d"
    deep.mkdir(parents=True)
    (deep / "x.toml").write_text("", encoding="utf-8")
    found = [str(p) for p in validate([folder])[1]]
    assert any("loop.toml" in p and "leads nowhere or in a loop" in p for p in found), found
    assert any("nested deeper" in p for p in found), found

    real_open = Path.open

    def refuse(self: Path, *args, **kwargs):
        if self.name == "events.toml":
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refuse)
    found = [str(p) for p in validate([folder])[1]]
    assert any("events.toml: error: cannot read this file: permission denied" in p for p in found), found


def test_a_huge_header_line_is_located_in_linear_time(write_pack) -> None:
    world = "[" + " " * 400_000 + "stats.money]\nname = 'x'\nbogus = 1\n"
    started = time.perf_counter()
    found = problems_of(write_pack, world)
    assert time.perf_counter() - started < HANG  # it was more than a minute when locating was quadratic
    assert any("world.toml:3" in p and "bogus" in p for p in found), found


def test_thirteen_thousand_errors_are_quick_and_capped(write_pack, capsys) -> None:
    world = "".join(f"[stats.s{i}]\nname = 'x{i}'\nbogus = 1\n" for i in range(13_000))
    folder = write_pack("t", {"world.toml": world})
    started = time.perf_counter()
    assert cli.main(["validate", str(folder)]) == 1
    assert time.perf_counter() - started < HANG  # it was more than a minute when locating was quadratic
    out, err = capsys.readouterr()
    assert len(out.splitlines()) == 201
    assert "... and 12800 more (12800 error(s), 0 warning(s))" in out
    assert "13000 error(s)" in err


def test_a_huge_workshop_file_is_refused_before_it_is_read(tmp_path: Path, capsys) -> None:
    huge = tmp_path / "class.toml"
    with huge.open("wb") as f:
        f.truncate(200 * 2**20)  # sparse: 200 MB that take no disk
    tracemalloc.start()
    try:
        assert cli.main(["validate", str(huge)]) == 1
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 32 * 2**20, f"{peak} bytes: the file was read"
    assert "a workshop file may be at most" in capsys.readouterr().out


def test_a_huge_save_is_refused_before_it_is_read(tmp_path: Path) -> None:
    from game.saves import SaveError, read_save

    huge = tmp_path / "big.json"
    with huge.open("wb") as f:
        f.truncate(200 * 2**20)
    with pytest.raises(SaveError, match="larger than a save can be"):
        read_save(huge)


def test_follow_ups_cannot_multiply_without_end(write_pack) -> None:
    """Each choice schedules its event twenty times: the queue and the days stay bounded."""
    from game.engine.life import Life
    from game.engine.limits import MAX_EVENTS_PER_DAY, MAX_PENDING_FOLLOW_UPS
    from game.engine.state import Setup
    from game.packs.loader import load_content

    many = ", ".join('{ event = "hub", after = 1 }' for _ in range(20))
    events = EVENT.replace('label = "OK"', f'label = "OK"\nschedule = [{many}]')
    folder = write_pack("t", {"world.toml": WORLD, "events.toml": events})
    life = Life(load_content([folder]), Setup("life", 1))
    while not life.state.ended:
        life.choose("ok")
        assert len(life.state.scheduled) <= MAX_PENDING_FOLLOW_UPS
        assert len(life.state.today_events) <= MAX_EVENTS_PER_DAY
