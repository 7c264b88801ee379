"""Acts: a scenario's day ranges with their own pools and weights."""

from __future__ import annotations

from collections import Counter

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
tags = ["calm"]
[[event.choice]]
id = "ok"
label = "Fine"
text = "Fine."

[[event]]
id = "storm"
cooldown = 1  # may come back the next day (a hub of this test)
title = "A storm"
text = "The sea rises."
tags = ["storm"]
[[event.choice]]
id = "ok"
label = "Hold on"
text = "You hold on."

[[event]]
id = "gull"
cooldown = 1  # may come back the next day (a hub of this test)
title = "A gull"
text = "A gull lands."
weight = 0.02
[[event.choice]]
id = "ok"
label = "Look"
text = "It looks back."
"""

SCENARIO = """
[scenarios.coast]
name = "On the coast"
days = 12
events_per_day = [1, 1]
world = ["t"]
[scenarios.coast.character]
name = "Ana"
{acts}
"""

ACTS = """
[[scenarios.coast.acts]]
id = "settling_in"
days = [1, 5]
weights = { gull = 40 }

[[scenarios.coast.acts]]
id = "the_storm"
days = [8, 12]
pool = ["t:storm"]
"""


def coast(write_pack, acts: str = ACTS):
    return write_pack("t", {"events.toml": EVENTS, "scenarios.toml": SCENARIO.format(acts=acts)})


def days_of(content, seeds: range) -> dict[str, Counter]:
    seen: dict[str, Counter] = {}
    for seed in seeds:
        life = Life(content, Setup("coast", seed))
        while (view := life.prompt()) is not None:
            seen.setdefault(view.event.id, Counter())[life.state.day] += 1
            life.choose("ok")
    return seen


def test_an_acts_pool_is_drawn_only_in_its_days(write_pack) -> None:
    seen = days_of(load_content([coast(write_pack)]), range(200))
    assert set(seen["storm"]) == set(range(8, 13))  # every day of its act, and no other
    assert set(seen["calm"]) == set(range(1, 13))  # events no act pools are drawn any day
    assert not set(seen["calm"]) - set(range(1, 13))


def test_an_acts_weights_apply_only_in_its_days(write_pack) -> None:
    gulls = days_of(load_content([coast(write_pack)]), range(300))["gull"]
    early, late = sum(gulls[d] for d in range(1, 6)), sum(gulls[d] for d in range(6, 13))
    assert early > 5 * late > 0  # weight 0.02 × 40 in days 1–5, 0.02 after (and shared with the storm in 8–12)


def test_without_acts_the_pool_is_drawn_any_day(write_pack) -> None:
    seen = days_of(load_content([coast(write_pack, acts="")]), range(100))
    assert min(seen["storm"]) < 8


def test_a_life_with_acts_replays_exactly(write_pack) -> None:
    content = load_content([coast(write_pack)])
    life = Life(content, Setup("coast", 7))
    while life.prompt() is not None:
        life.choose("ok")
    again = replay(content, Setup("coast", 7), [(e, c) for _d, e, c in life.state.log]).life
    assert again.state.log == life.state.log and again.state.rng == life.state.rng


@pytest.mark.parametrize(
    ("acts", "message", "key"),
    [
        ('[[scenarios.coast.acts]]\nid = "a"\ndays = [5, 14]', "act 'a' of scenario 'coast' runs days 5–14", "days"),
        (
            '[[scenarios.coast.acts]]\nid = "a"\ndays = [1, 6]\n[[scenarios.coast.acts]]\nid = "b"\ndays = [6, 9]',
            "act 'b' (days 6–9) overlaps act 'a' (days 1–6)",
            "days",
        ),
        ('[[scenarios.coast.acts]]\nid = "a"\ndays = [1, 6]\npool = ["t:fog"]', "pool 't:fog' of act 'a' has no event", "pool"),
        (
            '[[scenarios.coast.acts]]\nid = "a"\ndays = [1, 6]\nweights = { stom = 2 }',
            "weights 'stom', which is neither an event nor a tag in the world of scenario 'coast' (did you mean 'storm'?)",
            "weights",
        ),
        (
            '[[scenarios.coast.acts]]\nid = "a"\ndays = [1, 6]\nweights = { calm = 0, storm = 0, gull = 0 }',
            "scenario 'coast' has no event its world can draw on days 1–6",
            "world",
        ),
    ],
)
def test_bad_acts_are_refused_with_file_and_line(write_pack, acts: str, message: str, key: str) -> None:
    folder = coast(write_pack, acts)
    with pytest.raises(PackError) as caught:
        load_content([folder])
    lines = (folder / "scenarios.toml").read_text(encoding="utf-8").splitlines()
    found = [p for p in caught.value.problems if message in p.message]
    assert found, caught.value.problems
    assert found[0].file.endswith("scenarios.toml")
    assert lines[found[0].line - 1].startswith(key), (found[0].line, lines)
