"""The draw's search over fixed prefix sums gives exactly what the Fenwick tree with the rejected taken out gives."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from game.engine.selection import Fenwick


class _Index:
    """Just what find_without reads."""

    def __init__(self, units: list[int]) -> None:
        from itertools import accumulate

        self.units = units
        self.prefix = list(accumulate(units))


def tree_answer(units: list[int], removed: list[int], target: int) -> int:
    tree = Fenwick(units)
    for j in removed:
        tree.add(j, -units[j])
    return tree.find(target)


def search_answer(units: list[int], removed: list[int], target: int) -> int:
    from game.engine.selection import EventIndex

    return EventIndex.find_without(_Index(units), target, sorted(removed))  # the draw keeps them in order  # type: ignore[arg-type]


@settings(max_examples=400, deadline=None)
@given(st.data())
def test_the_search_equals_the_tree(data) -> None:
    units = data.draw(st.lists(st.integers(1, 5000), min_size=1, max_size=60))
    removed = data.draw(st.lists(st.integers(0, len(units) - 1), unique=True, max_size=len(units) - 1))
    left = sum(units) - sum(units[j] for j in removed)
    target = data.draw(st.integers(0, left + 3))  # a few past the end, as rounding may give
    assert search_answer(units, removed, target) == tree_answer(units, removed, target)


def test_the_search_never_lands_on_a_rejected_event_when_weight_is_left() -> None:
    rng = random.Random(4)
    for _ in range(2000):
        units = [rng.choice((1000, 2000, 5000)) for _ in range(rng.randint(2, 40))]
        removed = rng.sample(range(len(units)), rng.randint(0, len(units) - 1))
        left = sum(units) - sum(units[j] for j in removed)
        target = rng.randrange(left)
        assert search_answer(units, removed, target) not in removed


@settings(max_examples=400, deadline=None)
@given(st.data())
def test_the_tree_less_what_a_draw_takes_equals_the_tree_taken_from(data) -> None:
    """Past many rejections a draw searches the shared tree less its own ``taken``: the tree's own answer."""
    units = data.draw(st.lists(st.integers(1, 5000), min_size=1, max_size=60))
    removed = data.draw(st.lists(st.integers(0, len(units) - 1), unique=True, max_size=len(units) - 1))
    left = sum(units) - sum(units[j] for j in removed)
    target = data.draw(st.integers(0, left + 3))
    shared = Fenwick(units)
    before = list(shared.tree)
    taken: dict[int, int] = {}
    for j in removed:
        shared.take(taken, j, units[j])
    assert shared.find_taken(target, taken) == tree_answer(units, removed, target)
    assert shared.tree == before, "the shared tree is never changed"


def test_lives_share_one_index_that_never_changes_and_content_holds_none(builtin) -> None:
    import dataclasses

    from game.engine.life import Life
    from game.engine.selection import EventIndex
    from game.engine.state import Setup

    assert "cache" not in {f.name for f in dataclasses.fields(builtin)}
    scenario = next(iter(builtin.scenarios))
    first, second = Life(builtin, Setup(scenario, 1)), Life(builtin, Setup(scenario, 2))
    assert first.index is second.index is EventIndex.for_scenario(builtin, builtin.scenarios[scenario])
    tree, prefix = list(first.index.tree.tree), list(first.index.prefix)
    for life in (first, second):
        while (view := life.prompt()) is not None:
            open_ids = [v.choice.id for v in view.choices if v.lock is None]
            if not open_ids:
                break
            life.choose(open_ids[-1])
    assert (first.index.tree.tree, first.index.prefix) == (tree, prefix)


def reference_draw(index, life):  # type: ignore[no-untyped-def]
    """The draw by its definition, with none of the shortcuts: weighted among the eligible, each rejected event
    taken out of a tree of its own (one random number per look), every choice of a candidate looked at."""
    from game.engine.repetition import fade
    from game.engine.selection import WEIGHT_UNITS, is_eligible

    seen, spaced, rng = life.state.event_count, life.setup.spaced, life.rng
    computed = []
    for event, factor in index.computed:
        w = float(event.weight.eval(life)) * factor
        if w > 0 and is_eligible(life, event):
            computed.append((event, w * fade(event, seen.get(event.id, 0), spaced)))
    extra = sum(w for _, w in computed)
    tree = Fenwick(index.units)
    while tree.total > 0 or extra > 0:
        fixed_total = tree.total / WEIGHT_UNITS
        roll = rng.random() * (fixed_total + extra)
        if roll >= fixed_total:
            roll -= fixed_total
            for event, w in computed:
                if roll < w:
                    return event
                roll -= w
            return computed[-1][0]
        i = tree.find(int(roll * WEIGHT_UNITS))
        event = index.fixed[i]
        if is_eligible(life, event):
            keep = fade(event, seen.get(event.id, 0), spaced)
            if keep >= 1.0 or rng.random() < keep:
                return event
            continue
        tree.add(i, -index.units[i])
    return None


def test_the_draw_plays_the_lives_its_definition_plays(builtin, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Lives of every built-in scenario and of the simulation test pack (hundreds of events, many rejected per
    draw, so the tree fallback runs too), on the fast path, with the index's draw and with the reference draw."""
    from pathlib import Path

    from game.engine.selection import EventIndex
    from game.engine.state import Setup
    from game.packs.loader import load_content
    from game.tools.sim_run import play_life

    sim = load_content([Path(__file__).resolve().parent / "packs" / "sim"])
    lives = [(builtin, scenario, seed) for scenario in builtin.scenarios for seed in range(6)]
    lives += [(sim, scenario, seed) for scenario in sim.scenarios for seed in range(25)]
    fast = [play_life(content, Setup(scenario, seed), "random") for content, scenario, seed in lives]
    monkeypatch.setattr(EventIndex, "draw", reference_draw)
    slow = [play_life(content, Setup(scenario, seed), "random") for content, scenario, seed in lives]

    def outcome(r):  # type: ignore[no-untyped-def]
        return (r.day, r.events, r.taken, r.goals, r.history, r.ending)

    assert [outcome(r) for r in fast] == [outcome(r) for r in slow]
