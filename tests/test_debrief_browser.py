"""The HTML debrief opened in headless Chromium: the screenshot shows the charts.

Skipped, with a message, where Chromium is not installed (``.ci/run`` installs
Debian's ``chromium`` so CI always runs it).
"""

from __future__ import annotations

import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest
from debrief_helpers import make_class

from game import cli

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
LINE = (0x1F, 0x3A, 0x93)  # the first chart line colour (game.reports.svg.LINES[0])
BAR_GREEN = (0x2E, 0x7D, 0x32)  # the "safe" bar


def browser() -> str | None:
    return next((path for name in BROWSERS if (path := shutil.which(name))), None)


def read_png(path: Path) -> tuple[int, int, list[bytes]]:
    """Width, height and the unfiltered rows (RGB or RGBA, 8 bits) of a PNG."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat = 8, b""
    width = height = channels = 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        body = data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and colour in (2, 6), (depth, colour)
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    rows: list[bytes] = []
    prev = bytearray(stride)
    for y in range(height):
        kind = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b = prev[i]
            c = prev[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + a) & 255
            elif kind == 2:
                line[i] = (line[i] + b) & 255
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line) if channels == 3 else bytes(v for j, v in enumerate(line) if j % 4 != 3))
        prev = line
    return width, height, rows


def count_near(rows: list[bytes], colour: tuple[int, int, int], tolerance: int = 40) -> int:
    n = 0
    for row in rows:
        for i in range(0, len(row), 3):
            if all(abs(row[i + k] - colour[k]) <= tolerance for k in range(3)):
                n += 1
    return n


def test_screenshot_shows_the_charts(tmp_path: Path) -> None:
    exe = browser()
    if exe is None:
        pytest.skip("Chromium not found (install Debian's 'chromium'; .ci/run does): the HTML debrief is not screenshotted")
    workshop = make_class(tmp_path / "room")
    html = tmp_path / "report.html"
    assert cli.main(["debrief", str(workshop.saves_dir), "--html", str(html)]) == 0
    shot = tmp_path / "shot.png"
    cmd = [
        exe,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--hide-scrollbars",
        "--no-first-run",
        f"--user-data-dir={tmp_path / 'profile'}",
        "--window-size=1100,2600",
        f"--screenshot={shot}",
        html.resolve().as_uri(),
    ]
    result = subprocess.run(cmd, capture_output=True, timeout=90, check=False)
    assert shot.is_file(), result.stderr.decode(errors="replace")[-2000:]
    assert shot.stat().st_size > 20_000  # a blank page compresses to a few KiB
    width, height, rows = read_png(shot)
    assert (width, height) == (1100, 2600)  # the summary table of 30, then the charts
    colours = {row[i : i + 3] for row in rows[::7] for i in range(0, len(row), 21)}
    assert len(colours) > 40, "the page looks uniform"
    assert count_near(rows, LINE) > 800, "no score lines drawn"
    assert count_near(rows, BAR_GREEN, 20) > 2000, "no tier or safe/defiant bars drawn"
