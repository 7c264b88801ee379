"""game.play: the one session both front ends drive a life through."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from game.engine.content import Content
from game.engine.life import Life
from game.engine.state import Setup
from game.packs.loader import load_content
from game.play import Session
from game.saves import SaveStore
from game.tui.messages import Ask, Request
from game.tui.run import make_app
from game.tui.screens.ask import AskScreen
from game.tui.screens.load import LoadScreen
from tests.conftest import FIXTURE_PACKS

SIZE = (100, 30)


def first_open(session: Session) -> str:
    view = session.life.prompt() if session.life else None
    assert view is not None
    return next(v.choice.id for v in view.choices if v.lock is None)


@pytest.mark.parametrize("every_choice", [False, True])
def test_autosave_comes_at_the_end_of_a_day_or_after_every_choice(builtin: Content, tmp_path: Path, every_choice: bool) -> None:
    store = SaveStore(tmp_path)
    session = Session(builtin, saves=store, player="Ana", every_choice=every_choice)
    session.start(Setup(next(iter(builtin.scenarios)), 3))
    assert session.slot == "ana" and not store.exists("ana")
    saved_after = []
    while session.life is not None and not session.life.ended and len(saved_after) < 12:
        day = session.life.state.day
        session.choose(first_open(session))
        saved_after.append((session.life.state.day != day, store.exists("ana")))
        (tmp_path / "ana.json").unlink(missing_ok=True)  # the session holds the slot: store.delete would be refused
    assert any(not new_day for new_day, _ in saved_after), "the test needs a choice that stays in the same day"
    for new_day, saved in saved_after:
        assert saved == (every_choice or new_day)


def test_a_save_whose_packs_changed_asks_and_goes_on_in_a_new_slot(tmp_path: Path) -> None:
    world = Path(shutil.copytree(FIXTURE_PACKS / "mini", tmp_path / "packs" / "mini"))
    store = SaveStore(tmp_path / "saves")
    life = Life(load_content([world]), Setup("life", 9))
    for choice in ("fine", "praise"):
        life.choose(choice)
    store.save("ana", life, player="Ana")
    events = world / "events.toml"
    events.write_text(events.read_text(encoding="utf-8").replace('label = "Get fined"', 'label = "Pay a fine"'), encoding="utf-8")

    session = Session(load_content([world]), saves=store)
    opening = session.open("ana")
    assert not opening.goes_on and opening.life is None
    assert "mini" in opening.changes and opening.slot != "ana"
    replayed = opening.replay()
    assert replayed.complete and replayed.life.state.log == life.state.log
    session.go_on(opening, opening.snapshot())
    assert session.life is not None and session.life.state == life.state
    assert (session.slot, session.player) == (opening.slot, "Ana")
    session.choose(first_open(session))
    assert session.autosave() and store.exists(opening.slot)


async def test_deleting_on_the_load_screen_goes_through_the_app(mini: Content, tmp_path: Path) -> None:
    store = SaveStore(tmp_path)
    store.save("ana", Life(mini, Setup("life", 2)), player="Ana")
    store.save("bo", Life(mini, Setup("life", 3)), player="Bo")
    app = make_app(mini, saves=store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.route(Request(Ask.LOAD))
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, LoadScreen) and len(screen.rows) == 2
        doomed = screen.rows[0].name
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, AskScreen)
        app.screen.dismiss("yes")
        await pilot.pause()
        assert app.screen is screen and [r.name for r in screen.rows] == [n for n in ("ana", "bo") if n != doomed]
    assert not store.exists(doomed) and len(store.names()) == 1
