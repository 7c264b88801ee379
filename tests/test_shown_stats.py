"""A life's status panel lists its own stats, not every stat the packs declare (found playing the kitchen hand:
'Children 0 · Judgment debt ¥0 · Volunteer hours 0h' on a cook's panel)."""

from __future__ import annotations

from game.engine.content import Content
from game.engine.life import Life
from game.engine.state import Setup
from game.play import views
from game.play.shown_stats import life_stats


def _names(life: Life) -> set[str]:
    return {line.rsplit(" ", 1)[0] for line in views.stat_lines(life)}


def test_the_kitchen_hand_does_not_carry_the_court_lifes_stats(builtin: Content) -> None:
    names = _names(Life(builtin, Setup("shanghai_kitchen", 1)))
    assert {"Money", "Stress"} <= names
    assert not {"Judgment debt", "Children", "Volunteer hours"} & names


def test_the_court_life_shows_its_debt_and_its_son(builtin: Content) -> None:
    names = _names(Life(builtin, Setup("court_defaulter", 1)))
    assert {"Judgment debt", "Children", "Money"} <= names


def test_a_stat_the_scenario_never_touches_still_shows_once_it_has_moved(builtin: Content) -> None:
    life = Life(builtin, Setup("shanghai_kitchen", 1))
    assert "volunteer_hours" not in life_stats(builtin, life.scenario)
    life.state.stats["volunteer_hours"] = 4
    assert "Volunteer hours" in _names(life)
