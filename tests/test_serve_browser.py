"""``citizen serve`` in a real (headless) browser: the page gives the game the keyboard at once, so a
player's name typed before any click reaches the game; and ``--theme light`` reaches every browser."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from cdp import CHROMIUM, Browser, free_port

from game.tools.serve_page import FOCUS_SCRIPT

WORLD = Path(__file__).resolve().parent / "packs" / "workshop_world"

pytestmark = pytest.mark.slow


def serve(workshop: Path, port: int, *options: str) -> subprocess.Popen:
    env = {**os.environ, "CITIZEN_CONTENT": str(WORLD), "CITIZEN_PACKS": "/nonexistent-user-packs"}
    cmd = [sys.executable, "-m", "game", "serve", "--workshop", str(workshop), "--port", str(port), *options]
    return subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)


async def play_without_clicking(url: str, name: str, saves: Path) -> tuple[str, object]:
    """Open the page, type a name without clicking, and wait for the player's save; the focused element."""
    async with Browser() as page:
        await page.open(url)
        deadline = time.monotonic() + 60
        while not await page.evaluate("document.body.classList.contains('-first-byte')"):
            assert time.monotonic() < deadline, "the game never drew"
            await asyncio.sleep(0.2)
        await asyncio.sleep(1.0)  # the name screen follows the title
        focused = await page.evaluate("document.activeElement && document.activeElement.tagName")
        await page.type(name + "\r")
        while not (saves / f"{name.lower()}.json").exists():
            assert time.monotonic() < deadline, "the typed name never reached the game"
            await asyncio.sleep(0.2)
        background = await page.evaluate("getComputedStyle(document.querySelector('.xterm-screen') || document.body).color")
        return str(focused), background


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium not found (install Debian's 'chromium'; .ci/run does)")
def test_a_name_typed_before_any_click_reaches_the_game(tmp_path: Path) -> None:
    workshop = tmp_path / "room" / "workshop.toml"
    workshop.parent.mkdir()
    workshop.write_text('title = "Room 12"\nseed = 3\n', encoding="utf-8")
    port = free_port()
    proc = serve(workshop, port, "--theme", "light")
    try:
        focused, _ = asyncio.run(play_without_clicking(f"http://127.0.0.1:{port}/", "Zoe", workshop.parent / "saves"))
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.communicate(timeout=20)
    assert focused == "TEXTAREA"  # xterm.js's keyboard


def test_the_page_carries_the_focus_script() -> None:
    from aiohttp import web

    from game.tools.serve_page import focus_the_terminal

    class Request:
        path = "/"

    async def page(_request: object) -> web.Response:
        return web.Response(text="<html><body><div id='terminal'></div></body></html>", content_type="text/html")

    response = asyncio.run(focus_the_terminal(Request(), page))  # type: ignore[arg-type]
    assert response.text.endswith(FOCUS_SCRIPT + "</body></html>")
    Request.path = "/static/js/textual.js"
    assert FOCUS_SCRIPT not in asyncio.run(focus_the_terminal(Request(), page)).text  # type: ignore[arg-type]
