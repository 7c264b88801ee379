"""`citizen` draws the title before it loads the packs; broken packs still end in one clear message."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.app import App

from game.cli import main
from game.tui import app as tui


@pytest.fixture
def headless(monkeypatch: pytest.MonkeyPatch) -> list[tui.CitizenApp]:
    """Run the real `citizen` path headless, stopping once the packs are loaded (or failed)."""
    started: list[tui.CitizenApp] = []
    original = tui.CitizenApp.after_first_screen

    def after_first_screen(self: tui.CitizenApp) -> None:
        started.append(self)
        self.loaded_before_title = self.session.content_loaded  # type: ignore[attr-defined]
        original(self)
        if self.pack_error is None:
            self.exit(0)

    monkeypatch.setattr(tui.CitizenApp, "after_first_screen", after_first_screen)
    monkeypatch.setattr(tui.CitizenApp, "run", lambda self, **kw: App.run(self, headless=True, size=(100, 30)))
    return started


def test_the_title_comes_before_the_packs(headless, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CITIZEN_SAVES", str(tmp_path))
    assert main([]) == 0
    app = headless[0]
    assert app.loaded_before_title is False  # type: ignore[attr-defined]
    assert app.session.content_loaded and app.session.content.scenarios


def test_broken_packs_behind_the_title_are_one_clear_message(headless, monkeypatch, tmp_path: Path, capsys) -> None:
    broken = tmp_path / "packs" / "bad"
    broken.mkdir(parents=True)
    (broken / "pack.toml").write_text('[pack]\nid = "bad"\nname = "Bad"\n')
    (broken / "world.toml").write_text('[stats.money]\nname = "Money"\nmax = "lots"\n')
    monkeypatch.setenv("CITIZEN_CONTENT", str(tmp_path / "packs"))
    monkeypatch.setenv("CITIZEN_SAVES", str(tmp_path / "saves"))
    assert main([]) == 1
    err = capsys.readouterr().err
    assert "world.toml:3: error: `max` must be a number" in err
    assert "the packs have errors" in err and "Traceback" not in err
