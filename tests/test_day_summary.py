"""The end of each day in one line (issue 15): what moved and why, the same in the TUI and the plain mode."""

from __future__ import annotations

import io

from game.engine.content import Content
from game.engine.life import Life
from game.engine.state import Setup
from game.play import Session
from game.present import Display
from game.tools.plain import PlainGame
from game.tui.run import make_app
from game.tui.widgets.event_card import EventCard

FINED = "Day 1 in one line: City score -60 (Fine -60), now grade D; lost High-speed rail."


def test_a_day_that_ends_is_summed_up_with_its_reasons(mini: Content) -> None:
    session = Session(mini)
    session.start(Setup("life", 1))
    assert session.days_ended == []
    session.choose("fine")
    assert session.days_ended == [FINED]
    session.choose("praise")
    assert session.days_ended == ["Day 2 in one line: City score +60 (Praise +60), now grade B; gained High-speed rail."]


def test_stats_lists_and_friends_are_in_the_line(mini: Content) -> None:
    session = Session(mini)
    session.start(Setup("life", 1))
    session.choose("list")
    assert "put on the Blacklist" in session.days_ended[0]


def test_what_the_display_hides_stays_unsaid(mini: Content) -> None:
    lines = {}
    for mode, display in {
        "hidden": Display(scores={"*": "hidden"}),
        "tier": Display(scores={"*": "tier"}),
        "opaque": Display(disclosed=False),
    }.items():
        session = Session(mini, display)
        session.start(Setup("life", 1))
        session.choose("fine")
        lines[mode] = session.days_ended[0]
    assert lines["hidden"] == "Day 1 in one line: lost High-speed rail."
    tier = "Day 1 in one line: City score moved (its reasons are not disclosed), now grade D; lost High-speed rail."
    assert lines["tier"] == tier
    assert "-60" not in lines["opaque"] and "Fine" not in lines["opaque"] and "not disclosed" in lines["opaque"]


def test_an_opaque_score_that_moved_is_said_to_have_moved(builtin: Content) -> None:
    """Sesame shows only its grade: the day's line says it moved, never by how much or why (as the notices do)."""
    session = Session(builtin)
    session.start(Setup("sesame_renter", 11))
    assert session.life is not None
    for _ in range(40):
        prompt = session.life.prompt()
        assert prompt is not None
        session.choose(next(cv.choice.id for cv in prompt.choices if cv.lock is None))
        if any("Sesame Credit moved (its reasons are not disclosed)" in line for line in session.days_ended):
            return
    raise AssertionError("no day said that Sesame Credit moved")


def test_the_plain_mode_says_the_same_line(mini: Content) -> None:
    out = io.StringIO()
    PlainGame(Session.of(Life(mini, Setup("life", 1))), out).play(io.StringIO("1\n"))
    assert f"  = {FINED}" in out.getvalue()


def test_the_last_day_of_a_life_is_summed_up_too(mini: Content) -> None:
    session = Session(mini)
    session.start(Setup("life", 1, days=1))
    session.choose("fine")
    assert session.life is not None and session.life.ended
    assert session.days_ended == [FINED]


async def test_the_day_screen_shows_the_line_where_the_next_day_begins(mini: Content) -> None:
    app = make_app(mini, Setup("life", 1), start=True)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("1")
        await pilot.pause()
        while app.screen.__class__.__name__ == "TierModal":
            await pilot.press("enter")
            await pilot.pause()
        today = str(app.screen.query_one(EventCard).query_one("#today").render())
        assert today.rstrip().endswith(FINED)  # after what the choice did; day 2 itself is in the bar above
