"""A workshop in the Textual game: the name first, the save named after it, the short debrief at the end."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from textual.widgets import Input, Static

from game.saves import SaveStore, read_save
from game.tui.messages import Ask, Request
from game.tui.run import make_app
from game.tui.screens.ask import AskScreen
from game.tui.screens.day import DayScreen
from game.tui.screens.end import EndScreen
from game.tui.screens.player_name import PlayerNameScreen, SeatCodeScreen
from game.tui.screens.tier_modal import TierModal
from game.workshop import open_workshop

WORLD = Path(__file__).resolve().parent / "packs" / "workshop_world"


@pytest.fixture
def room(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("CITIZEN_CONTENT", str(WORLD))
    monkeypatch.setenv("CITIZEN_PACKS", str(tmp_path / "none"))
    path = tmp_path / "workshop.toml"
    path.write_text(
        'title = "Room 9"\nseed = 8\ndays = 3\nscores = "tier"\n[[prompt]]\ntext = "Who checks the checkers?"\n',
        encoding="utf-8",
    )
    workshop, content = open_workshop(path)
    store = SaveStore(workshop.saves_dir)
    return workshop, content, store


def app_for(room):
    workshop, content, store = room
    return make_app(content, display=workshop.display(), saves=store, workshop=workshop)


async def type_name(pilot, name: str, code: str = "") -> str:
    """Type the name (and ``code`` if the seat asks for one); close the box of a new seat code and return it."""
    assert isinstance(pilot.app.screen, PlayerNameScreen)
    pilot.app.screen.query_one(Input).value = name
    await pilot.press("enter")
    await pilot.pause()
    if isinstance(pilot.app.screen, SeatCodeScreen):
        pilot.app.screen.query_one(Input).value = code
        await pilot.press("enter")
        await pilot.pause()
    if isinstance(pilot.app.screen, AskScreen):
        shown = re.search(r"\d{3}-\d{3}", str(pilot.app.screen.query_one("#ask-text", Static).render()))
        assert shown is not None
        await pilot.press("enter")
        await pilot.pause()
        return shown.group(0)
    return ""


async def test_the_name_comes_first_and_names_the_save(room) -> None:
    workshop, _, store = room
    app = app_for(room)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await type_name(pilot, "   ")  # no letters: asked again
        assert isinstance(app.screen, PlayerNameScreen)
        await type_name(pilot, "Ann Lee")
        assert isinstance(app.screen, DayScreen)
        assert app.session.slot == "ann-lee" and app.session.workshop == workshop.id
        save = read_save(workshop.saves_dir / "ann-lee.json")
        assert save.player == "Ann Lee" and save.setup.seed == 8 and save.workshop == workshop.id
        assert app.session.display.scores == {"*": "tier"}
    assert [i.name for i in store.list()] == ["ann-lee"]


async def test_a_returning_player_goes_on_and_the_end_shows_the_debrief(room) -> None:
    workshop, _, _ = room
    app = app_for(room)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        code = await type_name(pilot, "Bo")
        await pilot.press("1")
        await pilot.pause()
        day = app.session.life.state.day
        steps = len(app.session.life.state.log)
        await app.action_quit()
    app = app_for(room)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await type_name(pilot, "bo", code)
        assert app.session.slot == "bo" and len(app.session.life.state.log) == steps and app.session.life.state.day == day
        for _ in range(30):
            if isinstance(app.screen, EndScreen):
                break
            if isinstance(app.screen, TierModal):
                await pilot.press("enter")
            else:
                await pilot.press("1")
            await pilot.pause()
        assert isinstance(app.screen, EndScreen)
        text = str(app.screen.query_one("#end-debrief", Static).render())
        assert "Of your" in text and "Think about: Who checks the checkers?" in text
    assert read_save(workshop.saves_dir / "bo.json").state.ended


async def test_escape_at_the_name_leaves(room) -> None:
    app = app_for(room)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
    assert app.return_value == 0


async def test_a_workshop_player_cannot_open_or_delete_other_saves(room) -> None:
    from game.tui.screens.load import LoadScreen

    _, _, store = room
    app = app_for(room)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await type_name(pilot, "Bo")
    app = app_for(room)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await type_name(pilot, "Cy")
        app.route(Request(Ask.LOAD))
        app.route(Request(Ask.CONTINUE))
        await pilot.pause()
        assert not isinstance(app.screen, LoadScreen) and app.session.slot == "cy"
        assert any("their own life only" in n.message for n in app._notifications)
    assert sorted(i.name for i in store.list()) == ["bo", "cy"]
