"""The small engine changes the simulator relies on: dead ends are days that wanted an event and got none."""

from __future__ import annotations

from game.engine.life import Life
from game.engine.selection import EventIndex
from game.engine.state import Setup
from game.packs.loader import load_content

WORLD = """
[cities.here]
name = "Here"
[cities.there]
name = "There"
[scenarios.s]
name = "S"
city = "here"
days = 4
events_per_day = [{low}, 1]
[scenarios.s.character]
name = "N"
[scenarios.s2]
name = "S2"
city = "there"
days = 1
[scenarios.s2.character]
name = "M"
[[event]]
id = "later"
repeatable = true
title = "Later"
text = "From day 2."
when = "day >= 2"
[[event.choice]]
id = "ok"
label = "OK"
[[event]]
id = "elsewhere"
title = "Elsewhere"
text = "Only there."
when = "in_city(\\"there\\") and day >= 1"
[[event.choice]]
id = "ok"
label = "OK"
"""


def test_a_quiet_first_day_does_not_end_the_life(write_pack) -> None:
    content = load_content([write_pack("q", {"w.toml": WORLD.format(low=1)})])
    life = Life(content, Setup("s", 1))
    view = life.prompt()
    assert view is not None and view.event.id == "later" and view.day == 2
    assert life.state.quiet_days == [1]
    while life.prompt() is not None:
        life.choose("ok")
    assert life.state.ended and life.state.day == 4


def test_a_day_that_wants_no_event_is_not_a_dead_end(write_pack) -> None:
    content = load_content([write_pack("q", {"w.toml": WORLD.format(low=0)})])
    for seed in range(1, 30):
        life = Life(content, Setup("s", seed))
        while life.prompt() is not None:
            life.choose("ok")
        assert life.state.quiet_days in ([], [1])  # day 1 is a dead end only when it drew a target of 1
        if life.state.quiet_days == [1]:
            break
    else:
        raise AssertionError("no seed drew an event for day 1")


def test_the_index_lists_the_events_a_scenario_can_ever_see(write_pack) -> None:
    content = load_content([write_pack("q", {"w.toml": WORLD.format(low=1)})])
    index = EventIndex.for_scenario(content, content.scenarios["s"])
    assert [e.id for e in index.candidates] == ["later"]
