"""Moving city mid-life: the `move` effect, and the same act priced by the new city's table."""

from __future__ import annotations

from game.engine.life import Life, replay
from game.engine.state import Setup
from game.packs.loader import load_content, validate
from game.present import notice_text

WORLD = """
[stats.money]
name = "Money"
start = 100

[cities.harbour]
name = "Harbour Town"

[cities.hill]
name = "Hill City"

[acts.litter]
name = "Littering"
source = "test"

[systems.harbour_score]
name = "Harbour score"
start = 100
tiers = [{ id = "A", min = 100 }, { id = "B", min = 0 }]

[rules.harbour_score.litter]
points = -5
source = "test"

[systems.hill_score]
name = "Hill score"
start = 50
tiers = [{ id = "A", min = 50 }, { id = "B", min = 0 }]

[rules.hill_score.litter]
points = -20
source = "test"

[scenarios.life]
name = "A life"
city = "harbour"
systems = ["harbour_score"]
optional_systems = ["hill_score"]
days = 6
events_per_day = [1, 1]
character = { name = "Ann" }

[[event]]
id = "litter_harbour"
repeatable = true
title = "A wrapper by the harbour"
text = "t"
when = 'in_city("harbour")'
source = "test"
[[event.choice]]
id = "drop"
label = "Drop it"
text = "t"
record = ["litter"]
[[event.choice]]
id = "move"
label = "Take the job in Hill City"
text = "t"
move = "hill"
leave = ["harbour_score"]
enrol = ["hill_score"]

[[event]]
id = "litter_hill"
repeatable = true
title = "A wrapper on the hill"
text = "t"
when = 'in_city("hill")'
source = "test"
[[event.choice]]
id = "drop"
label = "Drop it"
text = "t"
record = ["litter"]
[[event.choice]]
id = "keep"
label = "Keep it"
text = "t"
"""


def test_a_move_changes_the_city_the_events_and_the_rule_table(write_pack) -> None:
    content = load_content([write_pack("t", {"world.toml": WORLD})])
    life = Life(content, Setup("life", 3))
    life.drain_notices()
    assert life.prompt().event.id == "litter_harbour"
    first = life.choose("drop")
    assert [(n.data["record"].system, n.data["record"].points) for n in first if n.kind == "score"] == [("harbour_score", -5)]
    notices = life.choose("move")
    move = next(n for n in notices if n.kind == "move")
    assert move.data == {"city": "hill", "from": "harbour"}
    assert notice_text(content, move) == "You move to Hill City. Its rules apply from today."
    assert life.state.city == "hill" and life.state.enrolled == ["hill_score"]
    # The same act, now priced by the new city's table; the harbour's events no longer come.
    assert life.prompt().event.id == "litter_hill"
    after = life.choose("drop")
    assert [(n.data["record"].system, n.data["record"].points) for n in after if n.kind == "score"] == [("hill_score", -20)]
    while (view := life.prompt()) is not None:
        assert view.event.id == "litter_hill"
        life.choose("keep")
    again = replay(content, life.setup, [(e, c) for _, e, c in life.state.log]).life
    assert again.state.city == "hill" and again.state.records == life.state.records


def test_a_move_to_an_unknown_city_is_refused_with_its_place(write_pack) -> None:
    _, problems = validate([write_pack("t", {"world.toml": WORLD.replace('move = "hill"', 'move = "atlantis"')})])
    errors = [str(p) for p in problems if p.severity == "error"]
    assert any("world.toml:" in e and "atlantis" in e for e in errors), errors


def test_an_event_only_a_move_reaches_is_not_reported_as_unreachable(write_pack) -> None:
    _, problems = validate([write_pack("t", {"world.toml": WORLD})])
    assert not [str(p) for p in problems if p.severity == "error"]
