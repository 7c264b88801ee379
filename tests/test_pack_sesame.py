"""The Sesame pack: an opaque, opt-in score; perks at the counter; friends on the dial."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from game.engine.life import Life
from game.engine.state import Setup
from game.packs.loader import load_content, validate

CONTENT = Path(__file__).resolve().parent.parent / "content"
PACKS = [CONTENT / "core", CONTENT / "sesame"]
FACTORS = {"credit history", "ability to pay", "personal details", "behaviour and preferences", "relationships"}


@pytest.fixture(scope="module")
def sesame():
    return load_content(PACKS)


def _at(life: Life, event: str, choice: str) -> None:
    life.state.current = event
    life.choose(choice)


def _next_night(life: Life) -> None:
    """Take the first open choice until the day changes (the night's daily rules have run)."""
    day = life.state.day
    while life.state.day == day and (view := life.prompt()) is not None:
        life.choose(next(v.choice.id for v in view.choices if v.lock is None))


def test_validates_with_core_only_and_keeps_the_bands(sesame) -> None:
    content, problems = validate(PACKS)
    assert content is not None and [p for p in problems if p.severity == "error"] == []
    system = sesame.systems["sesame"]
    assert (system.min, system.max, system.visibility) == (350, 950, "opaque")
    assert [(t.id, t.min) for t in system.tiers] == [
        ("excellent", 700),
        ("very_good", 650),
        ("good", 600),
        ("fair", 550),
        ("poor", 350),
    ]
    assert {r.category for r in system.rules.values()} == FACTORS
    assert len([e for e in sesame.events.values() if e.pack == "sesame"]) >= 25


def test_joining_is_the_players_choice(sesame) -> None:
    life = Life(sesame, Setup("sesame_renter", seed=3))
    assert life.state.enrolled == []
    _at(life, "sesame_invite", "decline")
    assert life.state.enrolled == []
    _at(life, "ses_colleague_score", "join")
    assert life.state.enrolled == ["sesame"] and life.state.tiers["sesame"] == "fair"


def test_perks_open_at_the_reported_thresholds(sesame) -> None:
    life = Life(sesame, Setup("sesame_renter", seed=5))
    _at(life, "sesame_invite", "join")
    flat = next(c for c in sesame.events["ses_flat_viewing"].choices if c.id == "deposit_free")
    hotel = next(c for c in sesame.events["ses_credit_stay"].choices if c.id == "credit_stay")
    lock = life.lock_of(flat)
    assert lock is not None and lock.kind == "privilege_tier" and "650" in lock.detail
    assert (lock.args["tier"], lock.args["now"], lock.args["short"]) == ("very_good", "fair", 70)
    life.state.scores["sesame"] = 655
    _next_night(life)  # tiers are recomputed overnight
    assert life.state.tiers["sesame"] == "very_good"
    assert life.lock_of(flat) is None and life.lock_of(hotel) is None
    assert "visa_fast_track" not in life.state.privileges


def test_nappies_and_games_are_priced_the_way_the_director_said(sesame) -> None:
    life = Life(sesame, Setup("sesame_renter", seed=7))
    _at(life, "sesame_invite", "join")
    life.state.stats["money"] = 5000
    _at(life, "weekend_shopping", "both")
    points = {r.rule: r.points for r in life.state.records}
    assert points["diapers"] > 0 > points["gaming_binge"]


def test_dropping_a_low_scored_friend_lifts_you_and_keeping_her_pulls(sesame) -> None:
    keep = Life(sesame, Setup("sesame_renter", seed=9))
    _at(keep, "sesame_invite", "join")
    keep.state.friends = {"ses_zhou_min"}
    keep.state.char_scores["ses_zhou_min"]["sesame"] = 500
    _next_night(keep)
    assert any(r.rule == "low_score_friends" and r.cause == "daily:friends_pull" for r in keep.state.records)

    drop = Life(sesame, Setup("sesame_renter", seed=9))
    _at(drop, "sesame_invite", "join")
    drop.state.char_scores["ses_zhou_min"]["sesame"] = 500
    _at(drop, "ses_flatmate_drop", "unfriend")
    drop.state.friends = {"ses_chen_jing"}
    drop.state.char_scores["ses_chen_jing"]["sesame"] = 720
    _next_night(drop)
    rules = {r.rule for r in drop.state.records}
    assert "high_score_friends" in rules and "low_score_friends" not in rules


def test_inviting_li_wei_gives_him_a_poor_score(sesame) -> None:
    life = Life(sesame, Setup("sesame_renter", seed=11))
    _at(life, "sesame_invite", "join")
    assert life.char_score("li_wei", "sesame") == 0
    _at(life, "ses_li_wei_join", "invite")
    assert life.char_score("li_wei", "sesame") == 520
    assert sesame.systems["sesame"].tier_for(520).id == "poor"


def test_li_wei_counts_on_the_dial_once_invited_even_beside_rongcheng(builtin) -> None:
    """With every pack loaded Li Wei carries rongcheng's municipal score; Sesame still counts him only once he joins."""
    life = Life(builtin, Setup("sesame_renter", seed=11))
    assert builtin.characters["li_wei"].scores.keys() == {"municipal"}
    _at(life, "sesame_invite", "join")
    assert "li_wei" in life.state.friends and life.char_score("li_wei", "sesame") == 0
    others = [life.char_score(f, "sesame") for f in sorted(life.state.friends) if f != "li_wei"]
    assert life.friends_mean("sesame") == sum(others) / len(others)
    _at(life, "ses_li_wei_join", "invite")
    assert life.char_score("li_wei", "sesame") == 520
    others = [life.char_score(f, "sesame") for f in sorted(life.state.friends) if f != "li_wei"]  # friends drift at night
    assert life.friends_mean("sesame") == (sum(others) + 520) / (len(others) + 1)


def test_the_flat_hunt_moves_on_instead_of_repeating_one_flat(builtin) -> None:
    """Keep looking leads to a cheaper room, then to the last week; no viewing comes round a third time."""
    reached_last_week = 0
    for seed in range(40):
        life = Life(builtin, Setup("sesame_renter", seed))
        chooser = random.Random(seed)
        while (view := life.prompt()) is not None:
            ids = [v.choice.id for v in view.choices if v.lock is None]
            life.choose("keep_looking" if "keep_looking" in ids else chooser.choice(ids))
        counts = life.state.event_count
        assert counts.get("ses_flat_viewing", 0) <= 2 and counts.get("ses_flat_viewing_2", 0) <= 1, (seed, counts)
        if counts.get("ses_flat_last_week"):
            reached_last_week += 1
            if "ses_flat_last_week/sublet" in life.state.chosen:
                assert "ses_new_flat" not in life.state.flags  # a sublet is not a lease of your own
    assert reached_last_week
