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


def serve_room(tmp_path: Path, log: bool = True) -> tuple[Path, int, subprocess.Popen[bytes]]:
    """Start ``citizen serve`` on a free port for a workshop 'Room 12' in ``tmp_path/room``; its output is piped
    (stdout and stderr together) when ``log``, else dropped. The caller stops it (``os.killpg``)."""
    workshop = tmp_path / "room" / "workshop.toml"
    workshop.parent.mkdir()
    workshop.write_text('title = "Room 12"\nseed = 3\n', encoding="utf-8")
    port = free_port()
    cmd = [sys.executable, "-m", "game", "serve", "--workshop", str(workshop), "--port", str(port)]
    stdout, stderr = (subprocess.PIPE, subprocess.STDOUT) if log else (subprocess.DEVNULL, subprocess.DEVNULL)
    return workshop, port, subprocess.Popen(cmd, env=env(), stdout=stdout, stderr=stderr, start_new_session=True)


def test_serve_answers_on_loopback_and_stops(tmp_path: Path) -> None:
    _, port, proc = serve_room(tmp_path)
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


def test_a_browser_gets_its_own_workshop_game(tmp_path: Path) -> None:
    """Through the websocket a browser uses: the game asks the name, and the player's save appears."""
    app = pytest.importorskip("game.tui.run", reason="the Textual game is not installed")
    import asyncio
    import inspect
    import re

    aiohttp = pytest.importorskip("aiohttp")
    if "workshop" not in inspect.signature(app.make_app).parameters:
        pytest.skip("the TUI does not seat workshop players yet")
    workshop, port, proc = serve_room(tmp_path, log=False)

    async def browse() -> str:
        seen = ""
        url = f"http://127.0.0.1:{port}/ws?width=100&height=30"
        async with aiohttp.ClientSession() as session, session.ws_connect(url) as ws:
            deadline = time.monotonic() + 40
            typed = False
            while time.monotonic() < deadline:
                try:
                    msg = await ws.receive(timeout=1)
                except TimeoutError:
                    msg = None
                if msg is not None and msg.type in (aiohttp.WSMsgType.TEXT, aiohttp.WSMsgType.BINARY):
                    data = msg.data if isinstance(msg.data, str) else msg.data.decode("utf-8", "replace")
                    seen += re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", data)
                if not typed and "Your name" in seen:
                    await ws.send_json(["stdin", "Zoe\r"])
                    typed = True
                if typed and (workshop.parent / "saves" / "zoe.json").exists():
                    break
                if typed and "Day 1" in seen and msg is None:
                    await ws.send_json(["stdin", "1"])
        return seen

    try:
        fetch(f"http://127.0.0.1:{port}/", time.monotonic() + 30)
        seen = asyncio.run(browse())
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=20)
    assert "Your name" in seen and "Room 12" in seen
    assert (workshop.parent / "saves" / "zoe.json").exists(), seen[-2000:]


def test_the_room_has_a_cap_and_static_lists_no_folder(tmp_path: Path) -> None:
    """Past --max-players the page and the game's connection say the room is full; /static/ lists nothing."""
    import asyncio

    from aiohttp.test_utils import TestClient, TestServer

    from game.tools.serve_page import FocusServer

    server = FocusServer("true", host="127.0.0.1", port=0, title="t", max_players=2, seats_folder=tmp_path / "seats")

    async def visit() -> tuple[int, int, int, str, int, int]:
        async with TestClient(TestServer(await server._make_app())) as client:
            listing = (await client.get("/static/")).status
            folder = (await client.get("/static/css")).status
            page = (await client.get("/")).status
            held = [server.seats.take(), server.seats.take()]  # two games running
            assert None not in held and server.seats.take() is None
            full = await client.get("/")
            socket = (await client.get("/ws")).status
            for seat in held:
                seat.release()
            assert server.seats.taken() == 0
            return listing, folder, page, await full.text(), full.status, socket

    listing, folder, page, text, full, socket = asyncio.run(visit())
    assert listing in (403, 404) and folder in (403, 404)
    assert page == 200
    assert full == 503 and socket == 503 and "The room is full: 2 games are running" in text


def test_max_players_must_be_sensible(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["serve", "--max-players", "0"]) == 2
    assert "--max-players must be between 1 and 1000" in capsys.readouterr().err


def status_of(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


def test_two_servers_on_one_workshop_share_one_cap(tmp_path: Path) -> None:
    """Two ``citizen serve`` processes on the same workshop count their games together, and a killed one gives its seat back."""
    import asyncio

    aiohttp = pytest.importorskip("aiohttp")
    workshop = tmp_path / "room" / "workshop.toml"
    workshop.parent.mkdir()
    workshop.write_text('title = "Room 14"\nseed = 3\n', encoding="utf-8")
    ports = [free_port(), free_port()]
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "game", "serve", "--workshop", str(workshop), "--port", str(port), "--max-players", "1"],
            env=env(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        for port in ports
    ]
    first, second = (f"http://127.0.0.1:{port}" for port in ports)

    async def play_on_first_and_look_at_second() -> tuple[int, int, int]:
        async with aiohttp.ClientSession() as session, session.ws_connect(f"{first}/ws?width=80&height=24") as ws:
            await ws.receive(timeout=30)  # the game of the first server has started: its seat is held
            page = await asyncio.to_thread(status_of, f"{second}/")
            async with session.get(f"{second}/ws") as refused:
                socket_status = refused.status
            os.killpg(procs[0].pid, signal.SIGKILL)  # the first server dies with its game running
            procs[0].wait(timeout=20)
        deadline = time.monotonic() + 20
        again = 0
        while time.monotonic() < deadline and again != 200:
            again = await asyncio.to_thread(status_of, f"{second}/")
            await asyncio.sleep(0.2)
        return page, socket_status, again

    try:
        for url in (first, second):
            fetch(f"{url}/", time.monotonic() + 30)
        page, socket_status, again = asyncio.run(play_on_first_and_look_at_second())
    finally:
        for proc in procs:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)
                proc.wait(timeout=20)
    assert page == 503 and socket_status == 503  # the room is full although the second server runs no game
    assert again == 200  # the dead server's seat is free again
    assert sorted(p.name for p in (workshop.parent / "saves" / ".serve").iterdir()) == ["seat-01.lock"]


def test_requests_nobody_sends_by_accident_are_one_log_line_each(tmp_path: Path) -> None:
    """A static path too long for the file system was an internal error (500) with a traceback and its locals in
    the facilitator's terminal; a 100 KB header printed aiohttp's traceback too. Now: 404, 400, one line each."""
    import http.client

    _, port, proc = serve_room(tmp_path)
    try:
        fetch(f"http://127.0.0.1:{port}/", time.monotonic() + 30)
        statuses = []
        for path, headers in [("/static/" + "a" * 5000, {}), ("/", {"X-Big": "b" * 100_000}), ("/static/%1b]0;x%07", {})]:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            connection.request("GET", path, headers=headers)
            statuses.append(connection.getresponse().status)
            connection.close()
        assert statuses == [404, 400, 404]
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        out, _ = proc.communicate(timeout=20)
    text = out.decode(errors="replace")
    log = [line for line in text.splitlines() if "HTTP/1." in line or "Error" in line]
    assert log and all(line.startswith("citizen serve: ") and len(line) < 400 for line in log), text
    assert "Traceback" not in text and "╭" not in text and "\x1b]0;x" not in text
    assert not (Path(os.environ["CITIZEN_STATE"]) / "crashes").exists() or not any(
        "LineTooLong" in p.read_text() for p in (Path(os.environ["CITIZEN_STATE"]) / "crashes").iterdir()
    ), "a client's mistake is not a crash"
