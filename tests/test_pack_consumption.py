"""The consumption pack: a company's member score that prices shopping, and that you can leave."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.engine.life import Life
from game.engine.state import Setup
from game.packs.loader import load_content, validate

CONTENT = Path(__file__).resolve().parent.parent / "content"
PACKS = [CONTENT / "core", CONTENT / "consumption"]


@pytest.fixture(scope="module")
def shop():
    return load_content(PACKS)


def test_validates_with_core_only() -> None:
    content, problems = validate(PACKS)
    assert problems == []
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
