"""``citizen serve``: a real server on a free loopback port, fetched over HTTP, then stopped."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from game import cli
from game.tools.serve import play_command

WORLD = Path(__file__).resolve().parent / "packs" / "workshop_world"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def env() -> dict[str, str]:
    return {**os.environ, "CITIZEN_CONTENT": str(WORLD), "CITIZEN_PACKS": "/nonexistent-user-packs", "NO_COLOR": "1"}


def fetch(url: str, deadline: float) -> str:
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                assert response.status == 200
                return response.read().decode("utf-8")
        except (urllib.error.URLError, ConnectionError):
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def test_serve_answers_on_loopback_and_stops(tmp_path: Path) -> None:
    workshop = tmp_path / "room" / "workshop.toml"
    workshop.parent.mkdir()
    workshop.write_text('title = "Room 12"\nseed = 3\n', encoding="utf-8")
    port = free_port()
    cmd = [sys.executable, "-m", "game", "serve", "--workshop", str(workshop), "--port", str(port)]
    proc = subprocess.Popen(cmd, env=env(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        page = fetch(f"http://127.0.0.1:{port}/", time.monotonic() + 30)
        assert "textual" in page.lower() and f"ws://127.0.0.1:{port}/ws" in page
        assert "AAA Citizen — Room 12" in page
        script = fetch(f"http://127.0.0.1:{port}/static/js/textual.js", time.monotonic() + 5)
        assert len(script) > 1000
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        out, _ = proc.communicate(timeout=20)
    assert proc.returncode is not None
    text = out.decode(errors="replace")
    assert f"Open http://127.0.0.1:{port} in a web browser" in text
    with pytest.raises(urllib.error.URLError):
        urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1)


def test_each_browser_runs_the_workshop_game(tmp_path: Path) -> None:
    command = play_command(tmp_path / "w s.toml")
    assert command.startswith(sys.executable) or command.startswith("'")
    assert command.endswith(f"play --workshop '{(tmp_path / 'w s.toml').resolve()}'")
    assert play_command(None).endswith("-m game play")


def test_a_busy_port_is_a_clear_error(capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        assert cli.main(["serve", "--port", str(port)]) == 1
    assert f"cannot listen on 127.0.0.1:{port}" in capsys.readouterr().err


def test_a_bad_workshop_is_refused_before_serving(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    monkeypatch.setenv("CITIZEN_CONTENT", str(WORLD))
    bad = tmp_path / "w.toml"
    bad.write_text('title = "x"\n', encoding="utf-8")
    assert cli.main(["serve", "--workshop", str(bad), "--port", str(free_port())]) == 1
    err = capsys.readouterr().err
    assert f"{bad}:1: error: missing required key 'seed'" in err


def test_bad_port(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["serve", "--port", "70000"]) == 2
    assert "--port must be between 1 and 65535" in capsys.readouterr().err
