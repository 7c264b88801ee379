"""Acts: a scenario's day ranges with their own pools and weights (on the coast pack, tests/packs/coast)."""

from __future__ import annotations

from collections import Counter

import pytest

from game.engine.life import Life
from game.engine.state import Setup
from game.packs.loader import load_content
from tests.conftest import assert_replays, refused_at

SCENARIO = """
[scenarios.coast]
name = "On the coast"
days = 12
events_per_day = [1, 1]
world = ["coast:drawn"]  # not the events the set-pieces tests stage
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
pool = ["coast:storm"]
"""


def days_of(content, seeds: range) -> dict[str, Counter]:
    seen: dict[str, Counter] = {}
    for seed in seeds:
        life = Life(content, Setup("coast", seed))
        while (view := life.prompt()) is not None:
            seen.setdefault(view.event.id, Counter())[life.state.day] += 1
            life.choose("ok")
    return seen


def test_an_acts_pool_is_drawn_only_in_its_days(coast) -> None:
    seen = days_of(load_content([coast(SCENARIO.format(acts=ACTS))]), range(200))
    assert set(seen["storm"]) == set(range(8, 13))  # every day of its act, and no other
    assert set(seen["calm"]) == set(range(1, 13))  # events no act pools are drawn any day
    assert not set(seen["calm"]) - set(range(1, 13))


def test_an_acts_weights_apply_only_in_its_days(coast) -> None:
    gulls = days_of(load_content([coast(SCENARIO.format(acts=ACTS))]), range(300))["gull"]
    early, late = sum(gulls[d] for d in range(1, 6)), sum(gulls[d] for d in range(6, 13))
    assert early > 5 * late > 0  # weight 0.02 × 40 in days 1–5, 0.02 after (and shared with the storm in 8–12)


def test_without_acts_the_pool_is_drawn_any_day(coast) -> None:
    seen = days_of(load_content([coast(SCENARIO.format(acts=""))]), range(100))
    assert min(seen["storm"]) < 8


def test_a_life_with_acts_replays_exactly(coast) -> None:
    life = Life(load_content([coast(SCENARIO.format(acts=ACTS))]), Setup("coast", 7))
    while life.prompt() is not None:
        life.choose("ok")
    assert_replays(life)


@pytest.mark.parametrize(
    ("acts", "message", "key"),
    [
        ('[[scenarios.coast.acts]]\nid = "a"\ndays = [5, 14]', "act 'a' of scenario 'coast' runs days 5–14", "days"),
        (
            '[[scenarios.coast.acts]]\nid = "a"\ndays = [1, 6]\n[[scenarios.coast.acts]]\nid = "b"\ndays = [6, 9]',
            "act 'b' (days 6–9) overlaps act 'a' (days 1–6)",
            "days",
        ),
        (
            '[[scenarios.coast.acts]]\nid = "a"\ndays = [1, 6]\npool = ["coast:fog"]',
            "pool 'coast:fog' of act 'a' has no event",
            "pool",
        ),
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
def test_bad_acts_are_refused_with_file_and_line(coast, acts: str, message: str, key: str) -> None:
    assert refused_at(coast(SCENARIO.format(acts=acts)), "scenarios.toml", message).startswith(key)
