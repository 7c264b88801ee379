"""`citizen lsp` fed what no editor would send: broken framing stops it with one line; a bad body is answered.

Driven over stdio in a subprocess, as an editor would. The framing cases (a Content-Length too large,
negative, not a number, missing; a header line with no end; a body cut short) cannot be recovered from,
so the server leaves with one line on stderr and exit code 1, without reading the announced body.
Bodies that are not JSON, not JSON-RPC, or whose parameters do not fit are answered with a JSON-RPC
error (id null where no id can be read, the request's id where it can), and the server goes on
to answer the next request. Neither kind prints a traceback, echoes a control byte or writes a crash log.
"""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from game.lsp.framing import FramingError, GuardedInput
from game.safe_text import is_clean

INITIALIZE = {"jsonrpc": "2.0", "id": 99, "method": "initialize", "params": {"processId": None, "capabilities": {}}}


def frame(body: bytes | dict) -> bytes:
    data = body if isinstance(body, bytes) else json.dumps(body).encode()
    return b"Content-Length: %d\r\n\r\n" % len(data) + data


def start_lsp(tmp_path: Path) -> subprocess.Popen[bytes]:
    env = dict(os.environ, CITIZEN_PACKS=str(tmp_path / "no-packs"), CITIZEN_STATE=str(tmp_path / "state"))
    pipe = subprocess.PIPE
    return subprocess.Popen([sys.executable, "-m", "game", "lsp"], stdin=pipe, stdout=pipe, stderr=pipe, cwd=tmp_path, env=env)


def run_lsp(data: bytes, tmp_path: Path) -> subprocess.CompletedProcess[bytes]:
    proc = start_lsp(tmp_path)
    out, err = proc.communicate(data, timeout=60)
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)


def messages(stdout: bytes) -> list[dict]:
    """The JSON-RPC messages the server wrote, read by their own Content-Length."""
    out = []
    rest = stdout
    while rest:
        head, _, rest = rest.partition(b"\r\n\r\n")
        length = int(next(h for h in head.split(b"\r\n") if h.startswith(b"Content-Length:")).split(b":")[1])
        out.append(json.loads(rest[:length]))
        rest = rest[length:]
    return out


def assert_quiet(stderr: str, tmp_path: Path) -> None:
    assert "Traceback" not in stderr and "internal error" not in stderr
    assert is_clean(stderr)
    assert not (tmp_path / "state" / "crashes").exists(), "a client's mistake is not a crash"


FRAMING = {
    "too large": (b"Content-Length: 99999999999\r\n\r\n{}", "more than the 16 MiB"),
    "just past the cap": (b"Content-Length: %d\r\n\r\n{}" % (16 * 1024 * 1024 + 1), "more than the 16 MiB"),
    "negative": (b"Content-Length: -5\r\n\r\n{}", "'-5' is not a number of bytes"),
    "not a number": (b"Content-Length: 1e3\r\n\r\n{}", "'1e3' is not a number of bytes"),
    "no Content-Length": (b"Content-Type: text/plain\r\n\r\n{}", "has no Content-Length header"),
    "not a header, with escapes": (b"hello \x1b]0;owned\x07 world\r\n\r\n", "is not a header line"),
    "an endless header line": (b"Content-Length: 2" + b" " * 100_000, "longer than 1024 bytes"),
    "body cut short": (b"Content-Length: 500\r\n\r\n{}", "ended inside a message (2 of 500 bytes)"),
}


def test_broken_framing_stops_the_server_with_one_line(tmp_path: Path) -> None:
    """One server per case, all at once (each takes a second and a half to start)."""
    running = {name: start_lsp(tmp_path) for name in FRAMING}
    for name, proc in running.items():
        data, expected = FRAMING[name]
        out, err = proc.communicate(data, timeout=60)
        stderr = err.decode()
        assert proc.returncode == 1, (name, stderr)
        assert out == b"", name
        [line] = stderr.splitlines()
        assert line.startswith("citizen: error: lsp: ") and expected in line, (name, line)
        assert "start it from an editor's LSP client" in line
        assert_quiet(stderr, tmp_path)


def test_a_good_message_after_a_refusable_size_is_never_reached(tmp_path: Path) -> None:
    """The cap is checked on the header: the server does not wait to read 16 MiB it will refuse."""
    body = b"x" * (16 * 1024 * 1024 + 10)
    done = run_lsp(b"Content-Length: %d\r\n\r\n" % len(body) + body + frame(INITIALIZE), tmp_path)
    assert done.returncode == 1 and messages(done.stdout) == []


def test_bad_bodies_are_answered_and_the_server_goes_on(tmp_path: Path) -> None:
    data = b"".join(
        [
            frame(b'{"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {'),  # cut short: not JSON
            frame(b'{"jsonrpc":"2.0","method":"x\xff\xfe"}'),  # not UTF-8
            frame(b"[" * 50_000 + b"]" * 50_000),  # nested past any stack
            frame(b"[]"),  # JSON, not a message
            frame(b"42"),
            frame({"id": 5, "method": "initialize"}),  # no "jsonrpc"
            frame({"jsonrpc": "2.0", "id": 7, "method": "textDocument/hover", "params": 3}),  # params of no use
            frame({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": "\x1b]52;c;b3duZWQ=\x07"}),
            b"\r\n",  # a stray blank line between messages is harmless
            frame(INITIALIZE),
        ]
    )
    done = run_lsp(data, tmp_path)
    stderr = done.stderr.decode()
    assert done.returncode == 0, stderr
    answers = messages(done.stdout)
    codes = [(m.get("id"), m["error"]["code"]) for m in answers if "error" in m]
    assert codes == [(None, -32700), (None, -32700), (None, -32700), (None, -32600), (None, -32600), (None, -32600), (7, -32602)]
    # and the server still works: the last request is answered
    [initialized] = [m for m in answers if m.get("id") == 99]
    assert initialized["result"]["serverInfo"]["name"] == "citizen-lsp"
    assert not any(m.get("method") == "window/showMessage" for m in answers)
    lines = stderr.splitlines()
    assert lines and all(line.startswith("citizen lsp: ") for line in lines), stderr
    assert all(len(line) < 400 for line in lines)
    assert_quiet(stderr, tmp_path)


def read_all(data: bytes) -> list[bytes]:
    """What pygls would get from :class:`GuardedInput`: header lines up to a blank one, then the body."""
    guarded = GuardedInput(io.BytesIO(data))
    got: list[bytes] = []
    length = 0
    while line := guarded.readline():
        got.append(line)
        if line.startswith(b"Content-Length: "):
            length = int(line.split(b":")[1])
        elif line == b"\r\n" and length:
            got.append(guarded.read(length))
            length = 0
    return got


def test_the_guard_hands_pygls_one_spelling_and_refuses_the_rest() -> None:
    assert read_all(b"content-length:2\nContent-Type: x\r\n\r\n{}") == [
        b"Content-Length: 2\r\n",
        b"Content-Type: x\r\n",
        b"\r\n",
        b"{}",
    ]
    for data, expected in [
        (b"Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}", "two different Content-Length headers (2 and 3)"),
        ("Content-Length: ١٢\r\n\r\n{}".encode(), "is not a number of bytes"),
        (b"Content-Length: 5\r\n", "ended inside a message's headers"),
        (b"X-A: 1\r\n" * 40, "more than 32 header lines"),
    ]:
        with pytest.raises(FramingError, match=re.escape(expected)):
            read_all(data)
