"""Goals that wait on other goals, or ask for a grade by a deadline; shown as such on the goals display."""

from __future__ import annotations

import pytest

from game import present
from game.engine.life import Life, replay
from game.engine.state import Setup
from game.packs.loader import load_content
from game.packs.problems import PackError
from game.play import views as view

PACK = """
[systems.civic]
name = "Civic score"
start = 100
max = 200
tiers = [{{ id = "A", min = 130 }}, {{ id = "B", min = 0 }}]

[acts.good]
name = "A good deed"

[rules.civic.good]
points = 10

[[event]]
id = "day"
cooldown = 1  # may come back the next day (a hub of this test)
title = "A day"
text = "What now?"
[[event.choice]]
id = "good"
label = "Do good"
text = "Done."
record = ["good"]
flags = ["did_good"]
[[event.choice]]
id = "rest"
label = "Rest"
text = "Rested."

[scenarios.town]
name = "Town"
systems = ["civic"]
days = 6
events_per_day = [1, 1]
[scenarios.town.character]
name = "Ana"

[[scenarios.town.goals]]
id = "start"
text = "Do a good deed"
when = "flag.did_good"
by = 2

[[scenarios.town.goals]]
id = "reach_a"
text = "Be grade A by day 4"
grade = "civic:A"
by = 4

[[scenarios.town.goals]]
id = "{last_id}"
text = "Keep going"
after = [{after}]
when = "day >= 5"
"""


def town(write_pack, after: str = '"start", "reach_a"', last_id: str = "keep"):
    return write_pack("t", {"all.toml": PACK.format(after=after, last_id=last_id)})


def live(content, choice: str) -> Life:
    life = Life(content, Setup("town", 1))
    while life.prompt() is not None:
        life.choose(choice)
    return life


def test_a_goal_waits_for_the_goals_before_it_and_a_grade_by_its_day(write_pack) -> None:
    content = load_content([town(write_pack)])
    doer = live(content, "good")  # +10 a day from 100: A (130) on day 3
    assert doer.state.goals == {"start": 1, "reach_a": 3, "keep": 5}
    idler = live(content, "rest")
    assert idler.state.goals["start"] == -2 and idler.state.goals["keep"] == -3  # missed with what it needed
    assert idler.state.goals["reach_a"] < 0
    again = replay(content, Setup("town", 1), [(e, c) for _d, e, c in doer.state.log]).life
    assert again.state.goals == doer.state.goals


def test_the_goals_display_says_what_a_goal_waits_on(write_pack) -> None:
    content = load_content([town(write_pack)])
    life = Life(content, Setup("town", 1))
    lines = [row.line for row in view.goal_rows(life)]
    assert lines[1] == "○ Be grade A by day 4 (by day 4) — needs grade A in Civic score"
    assert lines[2] == "○ Keep going (by day 6) — after: Do a good deed, Be grade A by day 4"
    goals = content.scenarios["town"].goals
    assert present.goal_terms(content, goals[0]) == ""


@pytest.mark.parametrize(
    ("after", "last_id", "message"),
    [
        ('"strat"', "keep", "goal 'keep' comes after unknown goal 'strat' (did you mean 'start'?)"),
        ('"keep"', "keep", "goal 'keep' comes after unknown goal 'keep'; a goal can only come after goals written before it"),
    ],
)
def test_bad_goal_terms_are_refused_at_their_line(write_pack, after: str, last_id: str, message: str) -> None:
    folder = town(write_pack, after, last_id)
    with pytest.raises(PackError) as caught:
        load_content([folder])
    lines = (folder / "all.toml").read_text(encoding="utf-8").splitlines()
    found = [p for p in caught.value.problems if message in p.message]
    assert found and lines[found[0].line - 1].startswith("after"), caught.value.problems


@pytest.mark.parametrize(
    ("grade", "message"),
    [
        ("civic:AA", "goal 'reach_a' asks for grade 'AA', which system 'civic' does not have (did you mean 'A'?)"),
        ("civics:A", "unknown score system of scenario 'town' 'civics'"),
    ],
)
def test_a_bad_grade_is_refused_at_its_line(write_pack, grade: str, message: str) -> None:
    folder = write_pack("t", {"all.toml": PACK.format(after='"start"', last_id="keep").replace('"civic:A"', f'"{grade}"')})
    with pytest.raises(PackError) as caught:
        load_content([folder])
    lines = (folder / "all.toml").read_text(encoding="utf-8").splitlines()
    found = [p for p in caught.value.problems if message in p.message]
    assert found and lines[found[0].line - 1].startswith("grade"), caught.value.problems
