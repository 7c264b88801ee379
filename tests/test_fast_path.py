"""The headless fast path (simulate, replay) plays exactly the lives the full path (the TUI's) plays."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from game.engine.content import Content
from game.engine.life import Life, replay
from game.engine.model import ChoiceError
from game.engine.state import Setup
from game.packs.loader import load_content
from game.tools.sim_run import POLICIES, choose, life_seed, play_life

PEER_LIKE = Path(__file__).resolve().parent / "packs" / "sim"


def full_path(content: Content, setup: Setup, policy: str) -> tuple[Life, list, set, set]:
    """A life played as the TUI plays it: a view with lock reasons per choice, notices drained each step."""
    rng = random.Random(setup.seed)
    compliance = rng.random() if policy == "mixed" else 0.0
    life = Life(content, setup)
    notices = life.drain_notices()
    offered, enabled = set(), set()
    while (view := life.prompt()) is not None:
        open_choices = []
        for cv in view.choices:
            offered.add((view.event.id, cv.choice.id))
            if cv.lock is None:
                enabled.add((view.event.id, cv.choice.id))
                open_choices.append(cv.choice)
        if not open_choices:
            break
        notices += life.choose(choose(policy, life, open_choices, rng, compliance).id)
    return life, notices, offered, enabled


@pytest.mark.parametrize("policy", POLICIES)
def test_simulate_plays_the_same_lives_as_the_full_path(builtin: Content, policy: str) -> None:
    for scenario in builtin.scenarios:
        for i in range(6):
            setup = Setup(scenario, life_seed(11, i))
            fast = play_life(builtin, setup, policy)
            life, notices, offered, enabled = full_path(builtin, Setup(scenario, setup.seed), policy)
            state = life.state
            assert notices, "the full path hears what happens"
            assert (fast.day, fast.events, fast.goals, fast.ending) == (
                state.day,
                dict(state.event_count),
                dict(state.goals),
                state.ending,
            ), (scenario, setup.seed)
            assert (fast.offered, fast.enabled) == (offered, enabled)
            again = replay(builtin, Setup(scenario, setup.seed), [(e, c) for _d, e, c in state.log]).life
            assert again.state == state, (scenario, setup.seed)
            assert again.state.records == state.records and again.state.log == state.log


def test_the_fast_path_and_the_full_path_end_in_equal_states(builtin: Content) -> None:
    """Every field of the final state, including records, scores, history and the generator's state."""
    for scenario in builtin.scenarios:
        for seed in range(8):
            chooser = random.Random(seed)
            full, fast = (
                Life(builtin, Setup(scenario, seed, days=30)),
                Life(builtin, Setup(scenario, seed, days=30), listen=False),
            )
            while (view := full.prompt()) is not None:
                open_ids = [v.choice.id for v in view.choices if v.lock is None]
                assert [(c.id, ok) for c, ok in fast.choices_now()] == [(v.choice.id, v.lock is None) for v in view.choices]
                if not open_ids:
                    break
                pick = chooser.choice(open_ids)
                full.choose(pick)
                assert fast.choose(pick) == []
            assert fast.state == full.state, (scenario, seed)


def test_the_fast_path_refuses_what_the_full_path_refuses(mini: Content) -> None:
    scenario = next(iter(mini.scenarios))
    life = Life(mini, Setup(scenario, 1), listen=False)
    with pytest.raises(ChoiceError, match="offers no choice"):
        life.choose("no_such_choice")
    locked = [c for c, ok in life.choices_now() if not ok]
    for choice in locked:
        with pytest.raises(ChoiceError, match="locked"):
            life.choose(choice.id)


def test_a_sim_pack_life_is_the_same_both_ways() -> None:
    content = load_content([PEER_LIKE])
    for scenario in content.scenarios:
        for seed in range(20):
            fast = play_life(content, Setup(scenario, seed), "random")
            life, _notices, offered, enabled = full_path(content, Setup(scenario, seed), "random")
            assert (fast.events, fast.day, fast.offered, fast.enabled) == (
                dict(life.state.event_count),
                life.state.day,
                offered,
                enabled,
            )
