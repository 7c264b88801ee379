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

    return EventIndex.find_without(_Index(units), target, removed)  # type: ignore[arg-type]


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
