"""Repetition under control: the default gap, per-event gaps, routines, and weights that fall once seen."""

from __future__ import annotations

import json
from itertools import pairwise

from game.engine.content import Content
from game.engine.life import Life, replay
from game.engine.repetition import DEFAULT_GAP, FADE
from game.engine.state import Setup
from game.packs.loader import load_content
from game.saves import SaveStore

WORLD = """
[scenarios.s]
name = "S"
days = {days}
events_per_day = [1, 1]
[scenarios.s.character]
name = "N"

[[event]]
id = "chore"
repeatable = true
title = "A chore"
text = "Every day."
[[event.choice]]
id = "ok"
label = "OK"

[[event]]
id = "visit"
title = "A visit"
text = "Now and then."
weight = {weight}
{visit_extra}
[[event.choice]]
id = "ok"
label = "OK"
"""


def world(write_pack, *, days: int = 30, weight: float = 50, visit_extra: str = "") -> Content:
    text = WORLD.format(days=days, weight=weight, visit_extra=visit_extra)
    return load_content([write_pack("rep", {"w.toml": text})])


def days_of(life: Life, event_id: str) -> list[int]:
    return [day for day, e, _ in life.state.log if e == event_id]


def live(content: Content, seed: int, **setup: object) -> Life:
    life = Life(content, Setup("s", seed, **setup))  # type: ignore[arg-type]
    while life.prompt() is not None:
        life.choose("ok")
    return life


def test_the_default_gap_stops_an_event_from_returning_within_it(write_pack) -> None:
    content = world(write_pack)  # the visit outweighs the chore fifty to one: only the gap holds it back
    returns = []
    for seed in range(1, 40):
        days = days_of(live(content, seed), "visit")
        gaps = [b - a for a, b in pairwise(days)]
        assert all(g >= DEFAULT_GAP for g in gaps), (seed, days)
        returns += gaps
    assert DEFAULT_GAP in returns, "it does come back once the gap is over"


def test_without_spacing_the_same_event_comes_back_the_next_day(write_pack) -> None:
    content = world(write_pack)
    gaps = []
    for seed in range(1, 10):
        days = days_of(live(content, seed, spaced=False), "visit")
        gaps += [b - a for a, b in pairwise(days)]
    assert 1 in gaps


def test_an_event_sets_its_own_gap_and_a_routine_comes_back_the_next_day(write_pack) -> None:
    content = world(write_pack, visit_extra="cooldown = 3")
    visit_gaps, chore_gaps = [], []
    for seed in range(1, 40):
        life = live(content, seed)
        days = days_of(life, "visit")
        visit_gaps += [b - a for a, b in pairwise(days)]
        chores = days_of(life, "chore")
        chore_gaps += [b - a for a, b in pairwise(chores)]
    assert min(visit_gaps) == 3
    assert 1 in chore_gaps


def test_a_seen_event_keeps_a_falling_share_of_its_weight(write_pack) -> None:
    # Equal weights, no gap beyond the day (cooldown = 1): on day 2, after one sighting of the visit,
    # its faded weight is FADE against the chore's 1, so it is drawn with chance FADE / (FADE + 1).
    content = world(write_pack, days=2, weight=1, visit_extra="cooldown = 1")
    lives = [live(content, seed) for seed in range(1, 3001)]
    after_visit = [life for life in lives if life.state.log[0][1] == "visit"]
    again = sum(1 for life in after_visit if life.state.log[1][1] == "visit") / len(after_visit)
    expected = FADE / (FADE + 1)
    assert abs(again - expected) < 0.04, (again, expected)
    after_chore = [life for life in lives if life.state.log[0][1] == "chore"]
    chore_again = sum(1 for life in after_chore if life.state.log[1][1] == "chore") / len(after_chore)
    assert abs(chore_again - 0.5) < 0.04, "a routine keeps its whole weight"


def test_over_a_life_the_fading_event_is_met_less_than_without_fading(write_pack) -> None:
    content = world(write_pack, days=20, weight=1, visit_extra="cooldown = 1")
    spaced = sum(len(days_of(live(content, seed), "visit")) for seed in range(1, 201)) / 200
    unspaced = sum(len(days_of(live(content, seed, spaced=False), "visit")) for seed in range(1, 201)) / 200
    assert 9 < unspaced < 11  # one in two of twenty days
    assert spaced < unspaced / 2, (spaced, unspaced)


def test_a_spaced_life_replays_exactly(write_pack) -> None:
    content = world(write_pack, weight=2)
    life = live(content, 7)
    again = replay(content, life.setup, [(e, c) for _, e, c in life.state.log]).life
    assert again.state == life.state


def test_a_format_2_save_goes_on_without_spacing(write_pack, tmp_path) -> None:
    content = world(write_pack)
    life = Life(content, Setup("s", 3, spaced=False))
    for _ in range(5):
        life.choose("ok")
    store = SaveStore(tmp_path / "saves")
    info = store.save("old", life)
    doc = json.loads(info.path.read_text(encoding="utf-8"))
    doc["version"] = 2
    del doc["setup"]["spaced"]
    info.path.write_text(json.dumps(doc), encoding="utf-8")
    loaded = store.load("old", content)
    assert loaded.life is not None and not loaded.changed
    assert loaded.life.setup.spaced is False and loaded.life.state == life.state


def test_simulate_counts_routines_apart(write_pack, capsys) -> None:
    from game.cli import main

    folder = write_pack("rep", {"w.toml": WORLD.format(days=30, weight=1, visit_extra="cooldown = 1")})
    assert main(["simulate", "--pack", str(folder), "--runs", "20", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)["scenarios"]["s"]
    # the chore fills most of the 30 days; the visit, fading, comes a handful of times
    assert report["routine_repeats"]["median"] > 15
    assert 2 <= report["max_repeats"]["median"] < 10
    assert [r["event"] for r in report["repeated_often"]] == ["visit"]
    assert main(["simulate", "--pack", str(folder), "--runs", "5"]) == 0
    out = capsys.readouterr().out
    assert "Most repeated event in a life: median" in out and "routines apart: median" in out
    assert "more than twice in a life: visit" in out
