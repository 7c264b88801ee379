"""A single rule can be reported-only: played as documented it does not apply; where it bites it is marked ‡ and
opens its note (issue 16)."""

from __future__ import annotations

from pathlib import Path

import pytest

from game import notes
from game.engine.content import Content
from game.engine.life import Life
from game.engine.scoring import record_rule
from game.engine.state import Setup
from game.packs.loader import load_content, validate
from game.present import Display, record_text
from game.strings import S
from game.tui.run import make_app
from game.tui.screens.notes import NoteScreen
from tests.conftest import PackWriter, plain_played

WORLD = """
[settings.premise]
name = "Premise"
default = "reported"

[cities.town]
name = "Town"

[systems.city]
name = "City score"
start = 1000
max = 1200
reliability = "invented"
tiers = [{ id = "A", min = 900 }, { id = "D", min = 0 }]

[rules.city.ticket]
points = -5
source = "A ticket cost about 5 points (a magazine, seen through a summary)."
reliability = "second_hand"
reported_only = true

[rules.city.fine]
points = -20
source = "The published table."
reliability = "official_document"

[scenarios.life]
name = "A life"
city = "town"
systems = ["city"]
days = 3
events_per_day = [1, 1]
reliability = "invented"

[scenarios.life.character]
name = "Tester"

[[event]]
id = "road"
repeatable = true
title = "The road"
text = "A camera."
reliability = "invented"

[[event.choice]]
id = "speed"
label = "Speed"
record = ["ticket", "fine"]

[[event.choice]]
id = "slow"
label = "Drive slowly"
"""


@pytest.fixture
def town(write_pack: PackWriter) -> Content:
    return load_content([write_pack("town", {"world.toml": WORLD})])


def _life(content: Content, premise: str) -> Life:
    return Life(content, Setup("life", 1, settings={"premise": premise}))


def test_a_reported_only_rule_applies_only_as_reported(town: Content) -> None:
    reported, documented = _life(town, "reported"), _life(town, "documented")
    reported.choose("speed")
    documented.choose("speed")
    assert [(r.rule, r.points) for r in reported.state.records] == [("ticket", -5), ("fine", -20)]
    assert [(r.rule, r.points) for r in documented.state.records] == [("fine", -20)], "documented: only the published fine"


def test_where_it_bites_it_is_marked_and_opens_its_note(town: Content) -> None:
    life = _life(town, "reported")
    life.choose("speed")
    ticket, fine = life.state.records
    assert record_text(town, ticket, Display()).endswith(S["mark_as_reported"])
    assert S["mark_as_reported"] not in record_text(town, fine, Display())
    [note] = notes.reported_rule_notes(town, [ticket, fine])
    assert note.heading == "As reported, not documented: Ticket (City score)"
    assert "seen through a summary" in note.text and note.reliability == S["reliability_second_hand"]
    assert notes.reported_rule_notes(town, [ticket], Display({"city": "tier"})) == [], "undisclosed rules stay unsaid"


def test_plain_mode_prints_the_note_under_the_mark(town: Content) -> None:
    text = plain_played(_life(town, "reported"), "1\n")
    assert "-5 Ticket (City score) → 995 ‡ as reported" in text
    assert "‡ As reported, not documented: Ticket (City score) (Reliability: second-hand: seen only through a summary)" in text


async def test_w_opens_the_note_of_the_rule_that_just_bit(town: Content, tmp_path: Path) -> None:
    app = make_app(town, Setup("life", 1), start=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("1")
        await pilot.pause()
        assert any(S["reported_rule_hint"] in str(w.render()) for w in app.screen.query("#today"))
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, NoteScreen)
        headings = [n.heading for n in app.screen.notes]
        assert headings[0] == "As reported, not documented: Ticket (City score)"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ('source = "A ticket cost about 5 points (a magazine, seen through a summary)."\n', "reported_only but has no source"),
        ('reliability = "second_hand"\nreported_only', "its reliability is official_document"),
    ],
)
def test_a_reported_only_rule_must_say_what_was_reported(write_pack: PackWriter, change: str, message: str) -> None:
    world = WORLD.replace(change, "" if "source" in change else 'reliability = "official_document"\nreported_only')
    _, problems = validate([write_pack("town", {"world.toml": world})])
    assert any(p.severity == "error" and message in p.message for p in problems), [p.message for p in problems]


def test_without_the_premise_setting_it_is_a_warning(write_pack: PackWriter) -> None:
    world = WORLD.replace('[settings.premise]\nname = "Premise"\ndefault = "reported"\n', "")
    _, problems = validate([write_pack("town", {"world.toml": world})])
    assert any(p.severity == "warning" and "no pack declares the setting 'premise'" in p.message for p in problems)


BUILT_IN_REPORTED = {
    "municipal.traffic_ticket",
    "municipal.running_red_light",
    "municipal.drunk_driving",
    "municipal.heroic_act",
    "sesame.gaming_binge",
}


def test_the_built_in_rules_reported_but_not_documented_are_marked(builtin: Content) -> None:
    marked = {f"{s.id}.{r.id}" for s in builtin.systems.values() for r in s.rules.values() if r.reported_only}
    assert marked == BUILT_IN_REPORTED
    worker = Life(builtin, Setup("rongcheng_worker", 1, settings={"premise": "documented"}))
    before = worker.state.scores["municipal"]
    record_rule(worker, "drunk_driving", "test")
    assert worker.state.scores["municipal"] == before, "as documented, drunk driving does not drop you to grade C"
    worker = Life(builtin, Setup("rongcheng_worker", 1))
    record_rule(worker, "drunk_driving", "test")
    assert worker.state.scores["municipal"] == before - 200
