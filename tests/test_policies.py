"""simulate's careful (compliant) and defiant citizens choose by what a choice means: the points it records in the
systems the citizen is enrolled in, the lists it leads onto or off, and the stance its writer declared. So in every
built-in scenario, the court's too, where no score is kept, careful and defiant lives end measurably apart."""

from __future__ import annotations

import random
import statistics

import pytest

from game.engine.content import Content
from game.engine.life import Life
from game.engine.state import Setup
from game.tools.sim_run import choose, life_seed, valence

LIVES = 60


def standing(life: Life) -> float:
    """Where a life ends, as the authorities would see it: each score's grade, from 0 (the lowest) to 1 (the highest),
    less one for each black list the citizen is on, plus one for each red list."""
    total = 0.0
    for system_id in life.state.enrolled:
        tiers = life.content.systems[system_id].tiers
        if len(tiers) > 1 and system_id in life.state.tiers:
            rank = [t.id for t in tiers].index(life.state.tiers[system_id])  # 0 is the highest tier
            total += 1 - rank / (len(tiers) - 1)
    for list_id in life.state.lists:
        total += 1 if life.content.lists[list_id].kind == "red" else -1
    return total


def play(content: Content, scenario: str, policy: str, index: int) -> Life:
    setup = Setup(scenario, life_seed(7, index))
    life, rng = Life(content, setup, listen=False), random.Random(setup.seed)
    while life.state.current is not None:
        open_choices = [choice for choice, can_take in life.choices_now() if can_take]
        if not open_choices:
            break
        life.take_open(choose(policy, life, open_choices, rng, 0.0))
    return life


@pytest.mark.parametrize(
    "scenario",
    [
        "rongcheng_worker",
        "rongcheng_villager",
        "court_defaulter",
        "shenzhen_shopper",
        "shanghai_kitchen",
        "sesame_renter",
        "elsewhere_mirror",
    ],
)
def test_careful_and_defiant_lives_end_apart_in_every_scenario(builtin: Content, scenario: str) -> None:
    """At least a quarter of the grade range apart on average (measured: 0.35 in Hangzhou, 0.4 in Shanghai, more
    elsewhere; the court's careful debtor ends off the list, the defiant one on it)."""
    careful = [standing(play(builtin, scenario, "compliant", i)) for i in range(LIVES)]
    defiant = [standing(play(builtin, scenario, "defiant", i)) for i in range(LIVES)]
    assert statistics.mean(careful) - statistics.mean(defiant) >= 0.25, (statistics.mean(careful), statistics.mean(defiant))


def test_every_builtin_scenario_is_in_the_test(builtin: Content) -> None:
    listed = test_careful_and_defiant_lives_end_apart_in_every_scenario.pytestmark[0].args[1]
    assert sorted(listed) == sorted(builtin.scenarios)


def test_a_life_under_no_score_is_read_by_its_declared_stances(builtin: Content) -> None:
    """Before: the court's debtor is enrolled in nothing, every choice weighed 0, and both policies chose at random."""
    life = Life(builtin, Setup("court_defaulter", 1), listen=False)
    summons = {c.id: c for c in builtin.events["court_summons"].choices}
    assert valence(life, summons["pay"]) > 0 and valence(life, summons["declare"]) > 0
    assert valence(life, summons["hide"]) < 0 and valence(life, summons["refuse"]) < 0
    picked = {choose("compliant", life, list(summons.values()), random.Random(s), 0.0).id for s in range(20)}
    assert picked <= {"pay", "declare"}
    picked = {choose("defiant", life, list(summons.values()), random.Random(s), 0.0).id for s in range(20)}
    assert picked <= {"hide", "refuse"}


def test_a_list_weighs_by_its_kind(builtin: Content) -> None:
    """Off a black list is what the authorities want; onto one, what they punish."""
    life = Life(builtin, Setup("court_defaulter", 1), listen=False)
    delisted = next(c for c in builtin.events["court_delisted"].choices if c.id == "quiet")
    listed = next(c for c in builtin.events["court_listed"].choices if c.id == "dont_look")
    assert valence(life, delisted) > 0 > valence(life, listed)
