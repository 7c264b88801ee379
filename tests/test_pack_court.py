"""The court pack: a list, not a score. How one gets on it, what it bars, how one gets off."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from game.engine.life import Life
from game.engine.state import Setup
from game.packs.loader import load_content, validate

CONTENT = Path(__file__).resolve().parent.parent / "content"
PACKS = [CONTENT / "core", CONTENT / "court"]
BARRED = {"flights", "high_speed_rail", "luxury_hotels", "private_school", "buy_property", "new_car", "holiday_travel"}


@pytest.fixture(scope="module")
def court():
    return load_content(PACKS)


@pytest.fixture(scope="module")
def whole_court(court):
    """The defaulter's life with the whole court pack in its world: the arcs of getting on the list too."""
    scenario = court.scenarios["court_defaulter"]
    scenarios = {**court.scenarios, "court_defaulter": replace(scenario, world=(*scenario.world, ("court", "")))}
    return replace(court, scenarios=scenarios)


def _at(life: Life, event: str, choice: str) -> None:
    life.state.current = event
    life.choose(choice)


def _until(life: Life, day: int) -> None:
    """Take the first open choice of each event until ``day`` has begun."""
    while life.state.day < day and (view := life.prompt()) is not None:
        life.choose(next(v.choice.id for v in view.choices if v.lock is None))


def test_validates_with_core_only(court) -> None:
    content, problems = validate(PACKS)
    assert content is not None and [p for p in problems if p.severity == "error"] == []
    assert court.systems == {}
    assert len([e for e in court.events.values() if e.pack == "court"]) >= 15


def test_the_scenario_starts_on_the_list_and_the_list_bars_travel(court) -> None:
    life = Life(court, Setup("court_defaulter", seed=1))
    assert life.state.lists == {"court_blacklist"} and life.state.enrolled == []
    assert not BARRED & life.state.privileges
    train = next(c for c in court.events["court_train_refused"].choices if c.id == "g_train")
    lock = life.lock_of(train)
    assert lock.kind == "list_revokes" and lock.args == {"privilege": "high_speed_rail", "list": "court_blacklist"}


def test_paying_deletes_the_entry_a_few_days_later(court) -> None:
    life = Life(court, Setup("court_defaulter", seed=2))
    life.state.stats["money"] = 250_000
    _at(life, "settle_debt", "pay")
    assert life.state.stats["court_debt"] == 0 and life.state.stats["money"] == 50_000
    assert "court_blacklist" in life.state.lists, "deletion takes a few working days"
    paid_on = life.state.day
    _until(life, paid_on + 4)
    assert life.state.event_count.get("court_delisted") == 1
    assert "court_blacklist" not in life.state.lists
    assert life.state.privileges >= BARRED


def test_the_defaulter_never_meets_the_arcs_of_getting_on_the_list(court) -> None:
    life = Life(court, Setup("court_defaulter", seed=1))
    for arc in ("arc_court_entry", "arc_court_correction"):
        events = [e for e in court.events.values() if arc in e.tags]
        assert events and not any(e.id in life.index.world for e in events)


def test_refusing_a_judgment_lists_you_and_declaring_honestly_does_not(whole_court) -> None:
    court = whole_court
    refuse = Life(court, Setup("court_defaulter", seed=3))
    refuse.state.lists.clear()
    refuse.state.stats["court_debt"] = 5000
    _at(refuse, "court_summons", "refuse")
    _until(refuse, refuse.state.day + 3)
    assert "court_blacklist" in refuse.state.lists

    honest = Life(court, Setup("court_defaulter", seed=3))
    honest.state.lists.clear()
    honest.state.stats["court_debt"] = 5000
    _at(honest, "court_summons", "declare")
    assert "court_restricted" in honest.state.flags and "court_blacklist" not in honest.state.lists
    assert [e for _d, e in honest.state.scheduled] == ["court_restriction_test"]


def test_a_wrong_listing_can_be_corrected(whole_court) -> None:
    court = whole_court
    corrected = 0
    for seed in range(10):
        life = Life(court, Setup("court_defaulter", seed=seed))
        life.state.lists.clear()
        life.state.stats["court_debt"] = 0
        _at(life, "court_wrong_listing", "apply")
        assert "court_blacklist" in life.state.lists
        _at(life, "court_correction_filed", "wait")
        _at(life, "court_correction_result", "in_person")
        corrected += "court_blacklist" not in life.state.lists
    assert corrected >= 8


def test_the_sons_place_is_kept_by_paying(court) -> None:
    life = Life(court, Setup("court_defaulter", seed=5))
    life.state.stats["money"] = 210_000
    _at(life, "court_son_suspended", "pay")
    assert {"court_paid"} <= life.state.flags
    _until(life, life.state.day + 4)
    assert "court_blacklist" not in life.state.lists
    assert life.state.goals.get("court_goal_off_list", 0) > 0


def test_the_enforcement_review_is_the_late_climax_and_a_way_off_the_list(builtin) -> None:
    """Still listed on day 23, the father faces the judge on day 24; paying there takes his name off."""
    import random

    reviewed = 0
    for seed in range(20):
        life = Life(builtin, Setup("court_defaulter", seed))
        chooser = random.Random(seed)
        while (view := life.prompt()) is not None:
            if view.event.id == "court_enforcement_review":
                assert life.state.day == 24 and life.listed("court_blacklist")
                life.state.stats["money"] = life.state.stats["court_debt"]  # raised every yuan in time
                life.choose("pay")
                reviewed += 1
                continue
            life.choose(chooser.choice([v.choice.id for v in view.choices if v.lock is None]))
        if life.state.event_count.get("court_enforcement_review"):
            assert life.state.goals.get("court_goal_off_list", 0) > 0, seed
    assert reviewed
