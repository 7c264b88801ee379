"""The consumption pack: a company's member score that prices shopping, and that you can leave."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.engine.life import Life
from game.engine.state import Setup
from game.packs.loader import load_content, validate

CONTENT = Path(__file__).resolve().parent.parent / "content"
PACKS = [CONTENT / "core", CONTENT / "court", CONTENT / "consumption"]


@pytest.fixture(scope="module")
def shop():
    return load_content(PACKS)


def test_validates_with_its_dependencies_only() -> None:
    """Core, and the court for the arcs of getting onto the list that the shopper's life holds."""
    content, problems = validate(PACKS)
    assert [p for p in problems if p.severity == "error"] == []
    assert content is not None and set(content.systems) == {"loyalty"}
    assert len([e for e in content.events.values() if e.pack == "consumption"]) >= 15


def _at(life: Life, event: str, choice: str) -> None:
    life.state.current = event
    life.choose(choice)


def test_green_buys_are_rewarded_and_luxury_on_credit_is_read_as_impulsive(shop) -> None:
    life = Life(shop, Setup("shenzhen_shopper", seed=2))
    _at(life, "con_green_basket", "green")
    _at(life, "con_singles_day", "instalments")
    points = {r.rule: r.points for r in life.state.records}
    assert points["climate_smart_groceries"] > 0
    assert points["impulse_luxury_credit"] < 0


def test_leaving_the_app_drops_its_perks_and_the_app_courts_you_back(shop) -> None:
    life = Life(shop, Setup("shenzhen_shopper", seed=4))
    assert life.state.tiers["loyalty"] == "silver"
    assert "member_discount" in life.state.privileges
    _at(life, "con_delete_app", "delete")
    assert "loyalty" not in life.state.enrolled
    assert "member_discount" not in life.state.privileges
    _at(life, "con_come_back", "rejoin")
    assert "loyalty" in life.state.enrolled
    assert "member_discount" in life.state.privileges


def test_the_electric_car_grants_green_plate_priority(shop) -> None:
    life = Life(shop, Setup("shenzhen_shopper", seed=6))
    lane = next(c for c in shop.events["con_ev_lane"].choices if c.id == "lane")
    assert life.lock_of(lane) is not None
    _at(life, "con_ev_showroom", "buy")
    assert life.lock_of(lane) is None
    assert {"ev_purchase", "low_carbon_purchase"} <= {r.rule for r in life.state.records}


def test_singles_day_is_the_shoppers_climax_on_11_november(builtin) -> None:
    from game.present import date_of

    event = builtin.events["con_singles_day"]
    scenario = builtin.scenarios["shenzhen_shopper"]
    assert event.first_day == event.last_day and date_of(scenario.start_date, event.first_day).startswith("Mon 11 Nov")
    assert event.first_day > scenario.days * 2 // 3  # in the last third
    for seed in range(5):
        life = Life(builtin, Setup("shenzhen_shopper", seed))
        while (view := life.prompt()) is not None:
            if view.event.id == "con_singles_day":
                assert life.state.day == event.first_day
            life.choose(next(v.choice.id for v in view.choices if v.lock is None))
        assert life.state.event_count.get("con_singles_day") == 1, seed
