"""Core pack behaviour: it validates alone, and its workshop settings do what they say."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from game.engine.life import Life
from game.engine.state import Setup
from game.packs.loader import load_content, validate

CORE = Path(__file__).resolve().parent.parent / "content" / "core"

# A tiny city that prices one core act, so records can be counted.
TOWN = {
    "world.toml": """
    [cities.town]
    name = "Town"

    [systems.town_score]
    name = "Town score"
    start = 100
    max = 200
    tiers = [{ id = "ok", min = 0 }]

    [rules.town_score.jaywalking]
    points = -5

    [rules.town_score.running_red_light]
    points = -10

    [scenarios.town_life]
    name = "A life in town"
    city = "town"
    systems = ["town_score"]
    days = 30

    [scenarios.town_life.character]
    name = "Someone"
    """
}


@pytest.fixture
def town(write_pack):
    return load_content([CORE, write_pack("town", TOWN, depends=["core"])])


def test_core_validates_alone_and_records_only_its_own_acts() -> None:
    content, problems = validate([CORE])
    assert problems == []
    assert content is not None and not content.systems
    assert len(content.events) >= 45


def test_core_characters_carry_no_scores() -> None:
    content = load_content([CORE])
    assert {"mother", "li_wei"} <= set(content.characters)
    assert all(not c.scores and not c.drift for c in content.characters.values())


def _force(life: Life, event: str) -> None:
    life.state.current = event


def _play_until(life: Life, event: str) -> None:
    """Take the first open choice of every event until ``event`` is waiting."""
    while (view := life.prompt()) is not None and view.event.id != event:
        life.choose(next(c for c in view.choices if c.lock is None).choice.id)
    assert view is not None, f"{event} never came"


def _appeal(town, odds: float) -> int:
    life = Life(town, Setup("town_life", seed=11, settings={"appeal_odds": odds}))
    _force(life, "misrecord_camera")
    life.choose("appeal")
    _play_until(life, "camera_appeal_office")
    life.choose("queue")
    _play_until(life, "camera_appeal_ruling")
    life.choose("read")
    return sum(1 for r in life.state.records if r.rule == "jaywalking")


def test_an_appeal_that_succeeds_leaves_no_record_and_one_that_fails_makes_it(town) -> None:
    assert _appeal(town, 1.0) == 0
    assert _appeal(town, 0.0) == 1


def test_appeal_choices_are_hidden_when_appeals_are_off(town) -> None:
    for appeals, expected in ((True, True), (False, False)):
        life = Life(town, Setup("town_life", seed=3, settings={"appeals": appeals}))
        _force(life, "misrecord_camera")
        ids = {c.choice.id for c in life.prompt().choices}
        assert ("appeal" in ids) is expected
        assert {"pay", "ignore"} <= ids


def _fired(town, settings: dict, events: set[str], lives: int = 25) -> int:
    count = 0
    for i in range(lives):
        life = Life(town, Setup("town_life", seed=97 + 7919 * i, settings=settings))
        pick = random.Random(i)
        while (view := life.prompt()) is not None:
            life.choose(pick.choice([c for c in view.choices if c.lock is None]).choice.id)
        count += sum(life.state.event_count.get(e, 0) for e in events)
    return count


def test_misrecords_and_informants_can_be_switched_off(town) -> None:
    wrong = {"misrecord_camera", "misrecord_bill", "misrecord_namesake"}
    informers = {"information_gatherer", "informed_on"}
    assert _fired(town, {"misrecords": 0, "informants": False}, wrong | informers) == 0
    assert _fired(town, {"misrecords": 3}, wrong) > 0
    assert _fired(town, {}, informers) > 0


def test_camera_coverage_decides_whether_a_red_light_is_caught(town) -> None:
    caught = {}
    for cameras in (0.0, 1.0):
        life = Life(town, Setup("town_life", seed=5, settings={"cameras": cameras}))
        _force(life, "amber_light")
        life.choose("speed")
        caught[cameras] = [r.points for r in life.state.records if r.rule == "running_red_light"]
    assert caught == {0.0: [], 1.0: [-10]}
