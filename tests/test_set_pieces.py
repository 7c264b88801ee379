"""Set pieces: events a scenario always stages, on a fixed day or when a condition first holds."""

from __future__ import annotations

import pytest

from game.engine.life import Life, replay
from game.engine.state import Setup
from game.packs.loader import load_content
from game.packs.problems import PackError

EVENTS = """
[[event]]
id = "calm"
cooldown = 1  # may come back the next day (a hub of this test)
title = "A calm day"
text = "Nothing happens."
tags = ["everyday"]
[[event.choice]]
id = "ok"
label = "Fine"
text = "Fine."
[[event.choice]]
id = "save"
label = "Put money by"
text = "The jar fills."
stats = { coins = 1 }

[[event]]
id = "arrival"
title = "You arrive"
text = "The ferry leaves you on the quay."
weight = 0
[[event.choice]]
id = "ok"
label = "Walk up the hill"
text = "The town looks down at you."

[[event]]
id = "boat"
title = "The boat is for sale"
text = "Old Piet names his price."
weight = 0
[[event.choice]]
id = "ok"
label = "Shake his hand"
text = "It is yours."
"""

SCENARIO = """
[stats.coins]
name = "Coins"

[scenarios.coast]
name = "On the coast"
days = 10
events_per_day = [1, 1]
world = ["t"]
[scenarios.coast.character]
name = "Ana"
{pieces}
"""

PIECES = """
[[scenarios.coast.set_pieces]]
event = "arrival"
day = 1

[[scenarios.coast.set_pieces]]
event = "boat"
when = "stat.coins >= 3"
days = [4, 10]
"""


def coast(write_pack, pieces: str = PIECES):
    return write_pack("t", {"events.toml": EVENTS, "scenarios.toml": SCENARIO.format(pieces=pieces)})


def play(content, seed: int, choice: str) -> Life:
    life = Life(content, Setup("coast", seed))
    while (view := life.prompt()) is not None:
        life.choose(choice if any(v.choice.id == choice for v in view.choices) else "ok")
    return life


def test_the_opening_always_comes_first_and_the_climax_when_its_condition_first_holds(write_pack) -> None:
    content = load_content([coast(write_pack)])
    for seed in range(30):
        saver = play(content, seed, "save")
        assert saver.state.log[0][:2] == (1, "arrival")
        boat = [day for day, event, _ in saver.state.log if event == "boat"]
        assert boat == [4]  # coins reach 3 on day 3 (days 1–3 are arrival + calm, calm, calm): the first morning allowed
        spender = play(content, seed, "ok")
        assert spender.state.event_count.get("arrival") == 1 and "boat" not in spender.state.event_count


def test_a_life_with_set_pieces_replays_exactly(write_pack) -> None:
    content = load_content([coast(write_pack)])
    life = play(content, 3, "save")
    again = replay(content, Setup("coast", 3), [(e, c) for _d, e, c in life.state.log]).life
    assert again.state.log == life.state.log and again.state.rng == life.state.rng


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
def test_bad_set_pieces_are_refused_with_file_and_line(write_pack, pieces: str, message: str, key: str) -> None:
    folder = coast(write_pack, pieces)
    with pytest.raises(PackError) as caught:
        load_content([folder])
    lines = (folder / "scenarios.toml").read_text(encoding="utf-8").splitlines()
    found = [p for p in caught.value.problems if message in p.message]
    assert found, caught.value.problems
    assert found[0].file.endswith("scenarios.toml") and lines[found[0].line - 1].startswith(key), (found[0], lines)


def test_a_set_piece_outside_the_world_is_refused(write_pack) -> None:
    scenario = SCENARIO.replace('world = ["t"]', 'world = ["t:everyday"]').format(
        pieces='[[scenarios.coast.set_pieces]]\nevent = "arrival"\nday = 1'
    )
    folder = write_pack("t", {"events.toml": EVENTS, "scenarios.toml": scenario})
    with pytest.raises(PackError) as caught:
        load_content([folder])
    assert any("set piece 'arrival' is outside the world of scenario 'coast'" in p.message for p in caught.value.problems)
