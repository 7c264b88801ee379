"""Fix 14: the people screen has one name, lists only this life's characters, and reads as words."""

from __future__ import annotations

from textual.widgets import DataTable, Footer, Static

from game.engine.content import Content
from game.engine.state import Setup
from game.play.cast import cast
from game.strings import S
from game.tui.run import make_app
from game.tui.screens.friends import FriendsScreen


def test_each_life_has_its_own_cast(builtin: Content) -> None:
    names = {sid: {builtin.characters[w].name for w in cast(builtin, sc)} for sid, sc in builtin.scenarios.items()}
    assert {"Zheng Yu", "Zheng Bo"} <= names["court_defaulter"]
    assert not {"Li Wei", "Chen Yu", "Manager Sun"} & names["court_defaulter"]  # the worker's people
    assert {"Li Wei", "Chen Yu"} <= names["rongcheng_worker"]
    assert not {"Zheng Yu", "Zheng Bo", "Zhou Min"} & names["rongcheng_worker"]  # the court's and Sesame's
    assert {"Zhou Min", "Chen Jing"} <= names["sesame_renter"]


def test_a_friend_made_in_this_life_is_listed_whatever_the_world(builtin: Content) -> None:
    court = builtin.scenarios["court_defaulter"]
    assert "li_wei" in cast(builtin, court, {"li_wei"})


async def test_the_people_screen_is_named_alike_in_footer_and_title_and_reads_as_words(builtin: Content) -> None:
    app = make_app(builtin, Setup("court_defaulter", 4), start=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.screen.query_one(Footer)
        footer = {active.binding.description for active in app.screen.active_bindings.values() if active.binding.show}
        assert S["friends_title"] in footer
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, FriendsScreen)
        assert str(app.screen.query_one("#friends-title", Static).render()) == S["friends_title"]
        table = app.screen.query_one(DataTable)
        rows = [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]
        listed = {row[0] for row in rows}
        assert "Zheng Yu" in listed and "Li Wei" not in listed
        headings = [str(column.label) for column in table.columns.values()]
        assert headings[:3] == ["Name", "Who they are", "Counted as your friend"]
