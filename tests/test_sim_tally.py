"""Streaming simulate: lives are added up as they come, medians are exact, partial tallies merge to the same report."""

from __future__ import annotations

import pickle
import statistics
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from game.engine.state import Setup
from game.packs.loader import load_content
from game.tools.sim_report import Tally
from game.tools.sim_run import Batch, batches, life_seed, play_batch, play_life, tally_batch
from game.tools.sim_tally import RunTally, median_of

CONTENT = Path(__file__).resolve().parent.parent / "content"


@pytest.fixture(scope="module")
def builtin():
    return load_content([CONTENT])


@given(st.lists(st.one_of(st.integers(-50, 50), st.sampled_from([0.5, 12.25, -3.75])), min_size=1, max_size=60))
def test_median_of_a_histogram_is_the_median_of_its_values(values: list[float]) -> None:
    assert median_of(Counter(values)) == statistics.median(values)


def test_median_of_nothing_is_none() -> None:
    assert median_of(Counter()) is None


def test_merged_partial_tallies_give_the_report_of_every_life_added_one_by_one(builtin) -> None:
    """What --jobs N does (a tally per batch, merged in order) equals adding every life to one tally."""
    scenarios = list(builtin.scenarios)
    settings = {"seed": 3, "policy": "mixed", "days": 12}
    todo = batches(scenarios, 8, 3, 12, "mixed", size=3)
    one_by_one = Tally(builtin, scenarios, settings)
    for batch in todo:
        for result in play_batch(builtin, batch):
            one_by_one.add([result])
    merged = Tally(builtin, scenarios, settings)
    for batch in todo:
        merged.merge(pickle.loads(pickle.dumps(tally_batch(builtin, batch))))  # as it comes back from a worker
    assert merged.report() == one_by_one.report()
    assert merged.report()["runs"] == 8 * len(scenarios)


def test_a_tally_does_not_grow_with_the_number_of_lives(builtin) -> None:
    """The tally keeps counts, not lives: each further life adds a small fraction of what keeping it would."""
    scenario = next(iter(builtin.scenarios))
    lives = [play_life(builtin, Setup(scenario, life_seed(1, i), 20), "random") for i in range(240)]

    def size_after(count: int) -> int:
        return len(pickle.dumps(RunTally().add(lives[:count])))

    per_life = (size_after(240) - size_after(60)) / 180
    one_life = min(len(pickle.dumps(life)) for life in lives)
    assert per_life < one_life / 10, (per_life, one_life)


def test_a_batch_tally_counts_its_lives(builtin) -> None:
    scenario = next(iter(builtin.scenarios))
    tally = tally_batch(builtin, Batch(scenario, 0, 5, 1, 10, "random"))
    assert tally.lives == 5 and tally.scenarios[scenario].runs == 5
