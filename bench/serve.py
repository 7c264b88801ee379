"""Serve: resident memory of ``citizen serve`` with browser sessions open (each runs its own game)."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from bench.measure import Figure

ROOT = Path(__file__).resolve().parent.parent
SESSIONS = 10


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def tree_rss_kib(root: int) -> int:
    """Resident memory of a process and all its descendants, in KiB (Linux /proc)."""
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as handle:
                    fields = handle.read().rsplit(")", 1)[1].split()
                parents[int(entry)] = int(fields[1])
            except OSError:
                continue
    family, todo = set(), [root]
    while todo:
        pid = todo.pop()
        family.add(pid)
        todo.extend(child for child, parent in parents.items() if parent == pid and child not in family)
    total = 0
    for pid in family:
        try:
            with open(f"/proc/{pid}/status") as handle:
                total += next(int(line.split()[1]) for line in handle if line.startswith("VmRSS:"))
        except (OSError, StopIteration):
            continue
    return total


async def open_sessions(port: int, count: int, settle: float) -> list:
    """Open ``count`` browser sessions (websockets) and wait until each game has drawn its first screen."""
    import aiohttp

    client = aiohttp.ClientSession()
    sockets = []
    for _ in range(count):
        ws = await client.ws_connect(f"http://127.0.0.1:{port}/ws?width=120&height=40")
        sockets.append(ws)
    deadline = time.monotonic() + settle
    seen = [0] * count
    while time.monotonic() < deadline and min(seen) < 5000:
        for i, ws in enumerate(sockets):
            try:
                msg = await ws.receive(timeout=0.2)
            except TimeoutError:
                continue
            if msg.type in (aiohttp.WSMsgType.TEXT, aiohttp.WSMsgType.BINARY):
                seen[i] += len(msg.data)
    return [client, *sockets]


async def close(handles: list) -> None:
    client, *sockets = handles
    for ws in sockets:
        await ws.close()
    await client.close()


def run(quick: bool = False) -> list[Figure]:
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "game", "serve", "--port", str(port)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2).read()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        idle = tree_rss_kib(proc.pid)

        async def measure() -> tuple[int, int]:
            one = await open_sessions(port, 1, 20)
            with_one = tree_rss_kib(proc.pid)
            more = await open_sessions(port, SESSIONS - 1, 40)
            with_all = tree_rss_kib(proc.pid)
            await close(one)
            await close(more)
            return with_one, with_all

        with_one, with_all = asyncio.run(measure())
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=20)
    per_session = (with_all - idle) / SESSIONS / 1024
    return [
        Figure(
            f"serve: {SESSIONS} browser sessions (RSS of the server and its games)",
            with_all / 1024,
            "MiB",
            idle / 1024,
            "the idle server",
            None,
            "none",
            note=f"{per_session:.1f} MiB per extra session (each browser runs its own game process); one session: "
            f"{with_one / 1024:.0f} MiB",
        ),
    ]
