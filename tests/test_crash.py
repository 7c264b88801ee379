"""An internal error never shows the player a traceback: the life is saved, the details go to a log, one line says where."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from game import crash_report
from game.engine.content import Content
from game.engine.life import Life
from game.engine.state import Setup
from game.play import Session
from game.saves import SaveStore
from game.tools import play
from game.tools.plain import PlainGame
from game.tui.run import make_app
from game.tui.screens.day import DayScreen

SIZE = (100, 32)


@pytest.fixture
def logs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Crash logs go into this folder (game.crash_log writes under CITIZEN_STATE in tests)."""
    monkeypatch.setenv("CITIZEN_STATE", str(tmp_path / "state"))
    return tmp_path / "state" / "crashes"


def only_log(logs: Path) -> str:
    files = list(logs.glob("crash-*.log"))
    assert len(files) == 1, files
    return files[0].read_text(encoding="utf-8")


async def test_an_error_in_the_tui_saves_logs_and_says_one_line(
    mini: Content, tmp_path: Path, logs: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    store = SaveStore(tmp_path / "saves")
    app = make_app(mini, Setup("life", 1), saves=store, start=True)
    with pytest.raises(RuntimeError, match="the day screen broke"):  # run_test raises it again, for tests only
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.press("2", "enter")  # praise (grade A: a modal, closed): day 1 ends, so the life is saved
            await pilot.pause()
            assert isinstance(app.screen, DayScreen)
            capsys.readouterr()

            def broken(self: DayScreen, n: int) -> None:
                raise RuntimeError("the day screen broke")

            monkeypatch.setattr(DayScreen, "action_pick", broken)
            assert [i.day for i in store.list()] == [2]
            await pilot.press("1")
            await pilot.pause()
    assert app.return_code == crash_report.CRASH_CODE
    [info] = store.list()
    assert info.name == app.session.slot
    loaded = store.load(info.name, mini)
    assert loaded.life is not None and loaded.life.state.log == [(1, "hub", "praise")]
    text = only_log(logs)
    assert "RuntimeError: the day screen broke" in text and "Traceback (most recent call last)" in text
    assert "in broken" in text, "the frame that raised"
    assert '"praise"' in text, "the log names the choices, to replay the life"
    err = capsys.readouterr().err
    assert app.crash_log is not None and app.crash_log.parent == logs
    lines = [line for line in err.splitlines() if line.strip()]
    said = "".join(line.strip() for line in lines)  # a narrow console may wrap the one line
    assert f"your life is saved as '{info.name}'" in said
    assert str(app.crash_log) in said
    assert "Traceback" not in err and "RuntimeError" not in err


async def test_an_error_in_the_middle_of_a_choice_keeps_the_last_good_save(
    mini: Content, tmp_path: Path, logs: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    store = SaveStore(tmp_path / "saves")
    app = make_app(mini, Setup("life", 1), saves=store, start=True)
    original = Session.choose

    def half_done(self: Session, choice_id: str) -> list:
        assert self.life is not None
        self.life.state.log.append([self.life.state.day, "hub", choice_id])  # the log says more than happened
        raise RuntimeError("the engine broke half-way")

    with pytest.raises(RuntimeError):
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.press("2", "enter")
            await pilot.pause()
            monkeypatch.setattr(Session, "choose", half_done)
            await pilot.press("2")
            await pilot.pause()
    monkeypatch.setattr(Session, "choose", original)
    assert app.return_code == crash_report.CRASH_CODE
    [info] = store.list()
    assert store.load(info.name, mini).life.state.log == [(1, "hub", "praise")], "the half-done life was not saved over it"
    assert "RuntimeError: the engine broke half-way" in only_log(logs)
    err = capsys.readouterr().err
    assert "internal error" in err and "saved as" not in err


def test_an_error_in_plain_mode_saves_first_and_says_one_line(
    mini: Content, tmp_path: Path, logs: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    store = SaveStore(tmp_path / "saves")
    life = Life(mini, Setup("life", 1, days=5))
    calls = 0
    original = PlainGame.show_notices

    def broken(self: PlainGame, notices: list, *days_ended: list) -> None:
        nonlocal calls
        calls += 1
        if calls == 3:  # the morning, the first choice, then the second choice breaks while it is told
            raise KeyError("no such notice")
        original(self, notices, *days_ended)

    monkeypatch.setattr(PlainGame, "show_notices", broken)
    monkeypatch.setattr(sys, "stdin", io.StringIO("2\n1\n1\n"))
    session = Session(mini, saves=store, every_choice=True)
    session.resume(life, "mine")
    code = play.play_plain(session, None, store, save=True)
    assert code == crash_report.CRASH_CODE
    saved = store.load("mine", mini).life
    assert saved is not None and saved.state.log == [(1, "hub", "praise"), (2, "hub", "fine")], "the life as it was"
    assert "KeyError: 'no such notice'" in only_log(logs)
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1, err
    assert "your life is saved as 'mine'" in err[0] and str(logs) in err[0]


def test_a_life_is_sound_only_when_its_choices_explain_it(mini: Content) -> None:
    life = Life(mini, Setup("life", 1))
    life.choose("praise")
    assert crash_report.sound(life)
    life.state.scores["city"] += 1
    assert not crash_report.sound(life)
    assert not crash_report.save_if_sound(life, lambda: True)
    assert not crash_report.save_if_sound(None, lambda: True)


def test_any_other_internal_error_of_citizen_is_one_line_and_a_log(
    logs: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from game import cli
    from game.tools import validate

    def broken(args: object) -> int:
        raise ZeroDivisionError("a bug in validate")

    monkeypatch.setattr(validate, "run", broken)
    assert cli.main(["validate", "-q", "content"]) == crash_report.CRASH_CODE
    assert "ZeroDivisionError: a bug in validate" in only_log(logs)
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "internal error" in err[0] and str(logs) in err[0], err
