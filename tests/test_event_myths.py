"""An event tied to a myth offers the myth card where the player meets it (issue 16): the `myth` tag is read.

A myth of the deck names its events; an event tagged ``myth`` must be named by one (validated). The day
screen marks such an event and M opens that myth's card; plain mode prints the claim and the fact under
the event; the debrief's myth section counts the moment.
"""

from __future__ import annotations

from game import notes
from game.engine.content import Content
from game.engine.life import Life
from game.engine.state import Setup
from game.packs.loader import validate
from game.reports.debrief import Played, build_debrief
from game.reports.markdown_report import render_markdown
from game.strings import S
from game.tui.run import make_app
from game.tui.screens.day import DayScreen
from game.tui.screens.notes import MythScreen
from tests.conftest import plain_played

HEADLINE = "else_facebook_headline"


def _at_the_headline(builtin: Content) -> Life:
    """The mirror life with the Facebook headline waiting (as if drawn this morning)."""
    life = Life(builtin, Setup("elsewhere_mirror", 1))
    life.state.current = HEADLINE
    life.state.event_count[HEADLINE] = 1
    return life


def test_every_event_tagged_myth_is_tied_to_a_myth(builtin: Content) -> None:
    tagged = {e.id for e in builtin.events.values() if "myth" in e.tags}
    assert HEADLINE in tagged
    for event_id in tagged:
        assert notes.myths_for_event(builtin, event_id), event_id
    [myth] = notes.myths_for_event(builtin, HEADLINE)
    assert myth.id == "posts_lower_your_score" and myth.sources


def test_a_myth_tag_no_myth_names_is_an_error(write_pack) -> None:
    pack = """
[myths.m]
claim = "C"
fact = "F"
reliability = "disputed"
sources = ["A source."]

[[event]]
id = "rumour"
title = "A rumour"
text = "Someone says something."
tags = ["myth"]

[[event.choice]]
id = "ok"
label = "OK"
"""
    _, problems = validate([write_pack("p", {"world.toml": pack})])
    errors = [p.message for p in problems if p.severity == "error"]
    assert any("event 'rumour' is tagged 'myth' but no myth of the deck names it" in m for m in errors), errors
    tied = pack.replace('sources = ["A source."]', 'sources = ["A source."]\nevents = ["rumour"]')
    _, problems = validate([write_pack("q", {"world.toml": tied})])
    assert not any("tagged 'myth'" in p.message for p in problems)


def test_plain_mode_prints_the_myth_under_the_event(builtin: Content) -> None:
    text = plain_played(_at_the_headline(builtin), "")
    assert "⚑ A common claim comes up here: What you post online lowers your credit score." in text
    assert "What the sources say: No source shows a score reading people's posts." in text


async def test_the_day_screen_marks_it_and_m_opens_that_card(builtin: Content) -> None:
    app = make_app(builtin, Setup("elsewhere_mirror", 1), start=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        while not isinstance(app.screen, DayScreen):
            await pilot.press("escape")
            await pilot.pause()
        life = app.session.life
        assert life is not None
        life.state.current = HEADLINE
        app.screen.show_life([])
        await pilot.pause()
        assert S["myth_here_mark"] in str(app.screen.query_one("#event-text").render())
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, MythScreen)
        assert app.screen.myths[0].id == "posts_lower_your_score", "the card of the event's myth comes first"


def test_the_debrief_counts_the_moment(builtin: Content) -> None:
    life = _at_the_headline(builtin)
    life.choose("check")
    debrief = build_debrief(builtin, [Played(life, "Ana")])
    myth = next(m for m in debrief.myths if m.id == "posts_lower_your_score")
    assert [(m.player, m.day) for m in myth.moments] == [("Ana", 1)]
    assert "'Your posts could hurt your credit'" in myth.moments[0].text
    assert "Ana, day 1: 'Your posts could hurt your credit'" in render_markdown(debrief)
