"""Set pieces: events a scenario always stages, on a fixed day or when a condition first holds (on the coast pack,
tests/packs/coast, whose arrival and boat nothing draws)."""

from __future__ import annotations

import pytest

from game.engine.life import Life
from game.engine.state import Setup
from game.packs.loader import load_content
from tests.conftest import assert_replays, refused_at

SCENARIO = """
[scenarios.coast]
name = "On the coast"
days = 10
events_per_day = [1, 1]
world = {world}
[scenarios.coast.character]
name = "Ana"
{pieces}
"""

WORLD = '["coast:calm", "coast:staged"]'
"""Calm days only, and the two events to stage."""

PIECES = """
[[scenarios.coast.set_pieces]]
event = "arrival"
day = 1

[[scenarios.coast.set_pieces]]
event = "boat"
when = "stat.coins >= 3"
days = [4, 10]
"""


def play(content, seed: int, choice: str) -> Life:
    life = Life(content, Setup("coast", seed))
    while (view := life.prompt()) is not None:
        life.choose(choice if any(v.choice.id == choice for v in view.choices) else "ok")
    return life


def test_the_opening_always_comes_first_and_the_climax_when_its_condition_first_holds(coast) -> None:
    content = load_content([coast(SCENARIO.format(world=WORLD, pieces=PIECES))])
    for seed in range(30):
        saver = play(content, seed, "save")
        assert saver.state.log[0][:2] == (1, "arrival")
        boat = [day for day, event, _ in saver.state.log if event == "boat"]
        assert boat == [4]  # coins reach 3 on day 3 (days 1–3 are arrival + calm, calm, calm): the first morning allowed
        spender = play(content, seed, "ok")
        assert spender.state.event_count.get("arrival") == 1 and "boat" not in spender.state.event_count


def test_a_life_with_set_pieces_replays_exactly(coast) -> None:
    assert_replays(play(load_content([coast(SCENARIO.format(world=WORLD, pieces=PIECES))]), 3, "save"))


@pytest.mark.parametrize(
    ("pieces", "message", "key"),
    [
        (
            '[[scenarios.coast.set_pieces]]\nevent = "arival"\nday = 1',
            "unknown event 'arival' (did you mean 'arrival'?)",
            "event",
        ),
        (
            '[[scenarios.coast.set_pieces]]\nevent = "arrival"\nday = 11',
            "set piece 'arrival' is on day 11, outside the life's 10",
            "day",
        ),
        ('[[scenarios.coast.set_pieces]]\nevent = "boat"\nwhen = "day > 2"\ndays = [5, 12]', "on days 5–12, outside", "days"),
        ('[[scenarios.coast.set_pieces]]\nevent = "arrival"', "needs either day = N or when", "[[scenarios"),
        ('[[scenarios.coast.set_pieces]]\nevent = "boat"\nwhen = "stat.coin >= 3"', "coin", "when"),
    ],
)
def test_bad_set_pieces_are_refused_with_file_and_line(coast, pieces: str, message: str, key: str) -> None:
    assert refused_at(coast(SCENARIO.format(world=WORLD, pieces=pieces)), "scenarios.toml", message).startswith(key)


def test_a_set_piece_outside_the_world_is_refused(coast) -> None:
    scenario = SCENARIO.format(world='["coast:calm"]', pieces='[[scenarios.coast.set_pieces]]\nevent = "arrival"\nday = 1')
    refused_at(coast(scenario), "scenarios.toml", "set piece 'arrival' is outside the world of scenario 'coast'")
