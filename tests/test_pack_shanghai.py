"""The Shanghai pack: a city whose score prices the same acts differently, bins that
warn before they fine, and bands that bring perks but no penalties."""

from __future__ import annotations

import random
from pathlib import Path

from game.engine.content import Content
from game.engine.life import Life
from game.engine.scoring import update_tier
from game.engine.state import Setup
from game.packs.loader import validate

CONTENT = Path(__file__).resolve().parent.parent / "content"


def kitchen(content: Content, seed: int = 3) -> Life:
    life = Life(content, Setup("shanghai_kitchen", seed))
    life.drain_notices()
    return life


def visible(life: Life, event: str) -> list[str]:
    ev = life.content.events[event]
    return [c.id for c in ev.choices if c.show_if is None or c.show_if.eval(life)]


def test_shanghai_validates_with_core_alone() -> None:
    content, problems = validate([CONTENT / "core", CONTENT / "shanghai"])
    assert content is not None, [str(p) for p in problems]
    assert not [p for p in problems if p.severity == "error"]
    assert content.scenarios["shanghai_kitchen"].city == "shanghai"


def test_the_same_act_costs_differently_in_each_city(builtin: Content) -> None:
    municipal = builtin.systems["municipal"].rules
    civic = builtin.systems["shanghai_civic"].rules
    assert municipal["jaywalking"].points.eval(None) != civic["jaywalking"].points.eval(None)
    assert "caring_for_parents" in municipal and "caring_for_parents" not in civic
    assert "unsorted_waste" in civic and "unsorted_waste" not in municipal
    assert all(r.source.strip() for r in civic.values())


def test_bands_bring_perks_but_no_penalties(builtin: Content) -> None:
    system = builtin.systems["shanghai_civic"]
    assert all(not t.revoke for t in system.tiers)
    life = kitchen(builtin)
    assert life.state.tiers["shanghai_civic"] == "fair" and "sh_free_rentals" not in life.state.privileges
    life.state.scores["shanghai_civic"] = 650
    update_tier(life, "shanghai_civic", "test")
    assert "sh_free_rentals" in life.state.privileges


def test_a_first_mistake_brings_a_notice_and_only_the_third_a_fine(builtin: Content) -> None:
    ev = builtin.events["sh_bin_station"]
    by_id = {c.id: c for c in ev.choices}
    for first in ("dump", "dump_again"):
        for outcome in by_id[first].outcomes:
            assert not outcome.effects.record and all(stat != "money" for stat, _ in outcome.effects.stats)
    assert any("unsorted_waste" in o.effects.record for o in by_id["dump_third"].outcomes)
    life = kitchen(builtin)
    assert [c for c in visible(life, "sh_bin_station") if c.startswith("dump")] == ["dump"]
    life.state.flags.add("sh_notice")
    assert [c for c in visible(life, "sh_bin_station") if c.startswith("dump")] == ["dump_again"]
    life.state.flags.add("sh_notice2")
    assert [c for c in visible(life, "sh_bin_station") if c.startswith("dump")] == ["dump_third"]


def test_the_metro_discount_needs_697_points(builtin: Content) -> None:
    life = kitchen(builtin)
    twenty = next(c for c in builtin.events["sh_metro_card"].choices if c.id == "twenty")
    lock = life.lock_of(twenty)
    assert lock is not None and lock.kind == "compare" and lock.args["value"] == 697
    life.state.scores["shanghai_civic"] = 697
    assert life.lock_of(twenty) is None


def test_random_kitchen_lives_have_no_empty_day_and_sort_rubbish(builtin: Content) -> None:
    sorted_bags = 0
    for seed in range(10):
        life = Life(builtin, Setup("shanghai_kitchen", seed * 1_000_003 + 17))
        chooser = random.Random(seed)
        while (view := life.prompt()) is not None:
            life.choose(chooser.choice([v.choice.id for v in view.choices if v.lock is None]))
        assert not life.state.quiet_days and life.state.day == life.state.length
        sorted_bags += life.state.event_count.get("sh_bin_station", 0)
    assert sorted_bags > 0


def test_the_district_inspection_is_the_kitchen_hands_climax(builtin) -> None:
    """Day 26 of 30 brings the inspectors, every time; what the player can show depends on the month behind it."""
    for seed in range(10):
        life = Life(builtin, Setup("shanghai_kitchen", seed))
        chooser = random.Random(seed)
        while (view := life.prompt()) is not None:
            if view.event.id == "sh_district_inspection":
                assert life.state.day == 26
                shown = {v.choice.id for v in view.choices}
                assert ("show_account" in shown) == bool(life.state.event_count.get("sh_green_account"))
                assert ("kitchen_truth" in shown) == ("sh_kitchen_mixed" in life.state.flags)
            life.choose(chooser.choice([v.choice.id for v in view.choices if v.lock is None]))
        assert life.state.event_count.get("sh_district_inspection") == 1, seed
