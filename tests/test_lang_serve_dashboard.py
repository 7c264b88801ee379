"""``citizen serve --lang`` and ``citizen dashboard --lang``: the server, every browser's game and the
facilitator's dashboard speak the language asked for, before a workshop's own ``language``."""

from __future__ import annotations

import asyncio
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from debrief_helpers import MINI
from textual.widgets import DataTable

from game import cli
from game.strings import S, use_language
from game.tools.serve import play_command
from game.tui.dashboard import DashboardApp

WORLD = Path(__file__).resolve().parent / "packs" / "workshop_world"


@pytest.fixture(autouse=True)
def _english_after() -> Iterator[None]:
    yield
    use_language("en")


def said(code: str, key: str) -> str:
    """The string ``key`` of the game's table in ``code``."""
    use_language(code)
    try:
        return S[key]
    finally:
        use_language("en")


def test_every_browsers_game_is_told_the_language(tmp_path: Path) -> None:
    assert play_command(None, language="sv").endswith("-m game play --lang sv")
    workshop = (tmp_path / "w.toml").resolve()
    assert play_command(tmp_path / "w.toml", "light", dashboard=True, language="nl").endswith(
        f"dashboard --workshop {workshop} --theme light --lang nl"
    )
    assert "--lang" not in play_command(None)  # left to each game: the workshop's language, the settings, the locale


def test_serve_refuses_a_language_it_does_not_have(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["serve", "--lang", "de", "--port", "1"]) == 2
    assert "--lang: language 'de' is not available; available: en, sv, nl" in capsys.readouterr().err


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _screen_of_a_browser(port: int, wanted: str, seconds: float = 40.0) -> str:
    """What a browser connected to the server is shown, until ``wanted`` appears (or time runs out)."""
    aiohttp = pytest.importorskip("aiohttp")

    async def browse() -> str:
        seen = ""
        url = f"http://127.0.0.1:{port}/ws?width=120&height=40"
        deadline = time.monotonic() + seconds
        while True:  # the server may not listen yet
            try:
                async with aiohttp.ClientSession() as session, session.ws_connect(url) as ws:
                    while wanted not in seen and time.monotonic() < deadline:
                        try:
                            msg = await ws.receive(timeout=1)
                        except TimeoutError:
                            continue
                        if msg.type in (aiohttp.WSMsgType.TEXT, aiohttp.WSMsgType.BINARY):
                            data = msg.data if isinstance(msg.data, str) else msg.data.decode("utf-8", "replace")
                            seen += re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", data)
                        elif msg.type in (aiohttp.WSMsgType.CLOSED, aiohttp.WSMsgType.ERROR):
                            break
                    return seen
            except aiohttp.ClientError:
                if time.monotonic() > deadline:
                    return seen
                await asyncio.sleep(0.2)

    return asyncio.run(browse())


def _serve(tmp_path: Path, *args: str) -> tuple[subprocess.Popen[bytes], int]:
    port = _free_port()
    env = {**os.environ, "CITIZEN_CONTENT": str(WORLD), "CITIZEN_PACKS": "/nonexistent-user-packs", "NO_COLOR": "1"}
    cmd = [sys.executable, "-m", "game", "serve", "--port", str(port), *args]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True, cwd=tmp_path)
    return proc, port


def _stop(proc: subprocess.Popen[bytes]) -> str:
    os.killpg(proc.pid, signal.SIGTERM)
    out, _ = proc.communicate(timeout=20)
    return out.decode(errors="replace")


def test_serve_speaks_the_language_and_so_does_each_browsers_game(tmp_path: Path) -> None:
    """The server's own words, and the title screen a browser gets, in Swedish."""
    proc, port = _serve(tmp_path, "--lang", "sv")
    try:
        screen = _screen_of_a_browser(port, said("sv", "menu_new"))
    finally:
        out = _stop(proc)
    assert said("sv", "serve_open").split("{", 1)[0] in out, out
    assert said("sv", "menu_new") in screen, screen[-2000:]
    assert said("en", "menu_new") not in screen


def test_serve_lang_wins_over_the_workshops_language_in_the_browser(tmp_path: Path) -> None:
    """A Swedish workshop served with --lang nl: the browser's game asks for the player's name in Dutch."""
    workshop = tmp_path / "room" / "workshop.toml"
    workshop.parent.mkdir()
    workshop.write_text('title = "Lokaal 12"\nseed = 3\nlanguage = "sv"\n', encoding="utf-8")
    proc, port = _serve(tmp_path, "--workshop", str(workshop), "--lang", "nl")
    asked = said("nl", "workshop_ask_name").strip().rstrip(":")
    try:
        screen = _screen_of_a_browser(port, asked)
    finally:
        _stop(proc)
    assert asked in screen, screen[-2000:]
    assert said("sv", "workshop_ask_name").strip().rstrip(":") not in screen


RUN = DashboardApp.run
WORKSHOP = 'title = "Klass 9B"\npacks = ["{mini}"]\nscenario = "life"\nseed = 7\ndays = 8\nlanguage = "{language}"\n'


def _dashboard_words(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, language: str, *flags: str) -> dict[str, Any]:
    """Run ``citizen dashboard`` headless and read its title and its table's column names."""
    path = tmp_path / "class" / "workshop.toml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(WORKSHOP.format(mini=MINI.as_posix(), language=language), encoding="utf-8")
    seen: dict[str, Any] = {}

    def headless(self: DashboardApp, **_: object) -> object:
        async def look(pilot: Any) -> None:
            await pilot.pause()
            table = self.query_one("#seats", DataTable)
            seen["title"] = self.title
            seen["columns"] = [str(column.label) for column in table.columns.values()]
            self.exit(0)

        return RUN(self, headless=True, size=(140, 40), auto_pilot=look)

    monkeypatch.setattr(DashboardApp, "run", headless)
    assert cli.main(["dashboard", "--workshop", str(path), *flags]) == 0
    return seen


def test_dashboard_speaks_the_workshops_language_unless_lang_says_another(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    swedish = _dashboard_words(monkeypatch, tmp_path, "sv")
    assert swedish["title"] == said("sv", "dash_title").format(title="Klass 9B")
    assert said("sv", "dash_col_player") in swedish["columns"]
    dutch = _dashboard_words(monkeypatch, tmp_path, "sv", "--lang", "nl")
    assert dutch["title"] == said("nl", "dash_title").format(title="Klass 9B")
    assert said("nl", "dash_col_player") in dutch["columns"] and said("sv", "dash_col_player") not in dutch["columns"]
    english = _dashboard_words(monkeypatch, tmp_path, "nl", "--lang", "en")
    assert said("en", "dash_col_player") in english["columns"]
