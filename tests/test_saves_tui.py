"""``citizen play --continue`` / ``--load NAME`` in the TUI: the app opens the save at once (Pilot)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from game.cli import main
from game.engine.content import Content
from game.engine.life import Life
from game.engine.state import Setup
from game.packs.loader import load_content
from game.saves import SaveStore
from game.tui.run import make_app
from game.tui.screens.ask import AskScreen
from game.tui.screens.day import DayScreen
from tests.conftest import FIXTURE_PACKS
from tests.test_saves import play

SIZE = (100, 32)


async def test_open_save_goes_on_with_the_saved_life(mini: Content, tmp_path: Path) -> None:
    store = SaveStore(tmp_path)
    life = play(Life(mini, Setup("life", 6)), 3)
    store.save("ana", life, player="Ana")
    app = make_app(mini, saves=store, open_save=("ana", 0))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, DayScreen)
        assert app.session.life.state == life.state


async def test_open_save_from_a_backup_goes_on_in_a_new_slot(mini: Content, tmp_path: Path) -> None:
    store = SaveStore(tmp_path)
    life = Life(mini, Setup("life", 6))
    for _ in range(3):
        store.save("ana", play(life, 1))
    app = make_app(mini, saves=store, open_save=("ana", 1))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, DayScreen)
        assert len(app.session.life.state.log) == 2
        assert app.session.slot == "ana-2"


async def test_open_save_asks_when_the_packs_changed(tmp_path: Path) -> None:
    world = Path(shutil.copytree(FIXTURE_PACKS / "mini", tmp_path / "mini"))
    store = SaveStore(tmp_path / "saves")
    store.save("ana", play(Life(load_content([world]), Setup("life", 6)), 3))
    (world / "world.toml").write_text((world / "world.toml").read_text().replace("points = -60", "points = -70"))
    app = make_app(load_content([world]), saves=store, open_save=("ana", 0))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, AskScreen)


def test_the_cli_checks_the_save_before_the_screen_changes(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("CITIZEN_CONTENT", str(FIXTURE_PACKS / "mini"))
    monkeypatch.setenv("CITIZEN_PACKS", str(tmp_path / "no-packs"))
    saves = ["--saves", str(tmp_path / "saves")]
    assert main(["play", "--continue", *saves]) == 1
    assert "no unfinished life is saved" in capsys.readouterr().err
    store = SaveStore(tmp_path / "saves")
    life = Life(load_content([FIXTURE_PACKS / "mini"]), Setup("life", 6))
    for _ in range(2):
        store.save("ana", play(life, 1))
    store.path("ana").write_bytes(b"{")
    assert main(["play", "--load", "ana", *saves]) == 1
    err = capsys.readouterr().err
    assert "the save file is damaged" in err and "citizen play --load ana --backup 1" in err and "--plain" not in err
    assert main(["play", "--continue", "--no-save", *saves]) == 2
    assert "cannot go with --no-save" in capsys.readouterr().err


@pytest.mark.parametrize("flag", [["--continue"], ["--load", "ana"]])
def test_the_cli_hands_the_save_to_the_app(flag: list[str], mini: Content, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("CITIZEN_CONTENT", str(FIXTURE_PACKS / "mini"))
    monkeypatch.setenv("CITIZEN_PACKS", str(tmp_path / "no-packs"))
    store = SaveStore(tmp_path / "saves")
    store.save("ana", play(Life(mini, Setup("life", 6)), 2))
    seen = {}

    def fake_run_app(content, setup, **kwargs) -> int:
        seen.update(kwargs, setup=setup)
        return 0

    monkeypatch.setattr("game.tui.run.run_app", fake_run_app)
    assert main(["play", *flag, "--saves", str(store.folder)]) == 0
    assert seen["open_save"] == ("ana", 0) and seen["setup"] is None
    assert seen["saves"].folder == store.folder
