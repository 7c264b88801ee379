"""`citizen lsp` over stdio: initialize, a file with an error opened, completion, hover and definition."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

WORLD = """\
[cities.suzhou]
name = "Suzhou"

[systems.osmanthus]
name = "Osmanthus points"
start = 100
min = 0
max = 200
tiers = [{ id = "good", min = 100 }, { id = "low", min = 0 }]

[rules.osmanthus.volunteering]
points = 5
source = "Invented for the test."
"""
EVENTS = """\
[[event]]
id = "sz_canal"
title = "The canal clean-up"
text = "Nets by the canal."
when = 'in_city("suzhou") and stat.money > 10'

[[event.choice]]
id = "help"
label = "Help"
record = ["volunteering"]
schedule = [{ event = "sz_after" }]
stats = { stres = 1 }

[[event]]
id = "sz_after"
title = "Afterwards"
text = "Dry nets."

[[event.choice]]
id = "rest"
label = "Rest"
"""


class Client:
    """A language client that speaks JSON-RPC with Content-Length framing to a child process."""

    def __init__(self, cwd: Path) -> None:
        env = dict(os.environ, CITIZEN_PACKS=str(cwd / "no-user-packs"))
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "game", "lsp"], cwd=cwd, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE
        )
        self.next_id = 0
        self.notifications: list[dict] = []

    def send(self, message: dict) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode()
        assert self.proc.stdin is not None
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def read(self) -> dict:
        assert self.proc.stdout is not None
        length = 0
        while (line := self.proc.stdout.readline().strip()) != b"":
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":")[1])
        return json.loads(self.proc.stdout.read(length))

    def request(self, method: str, params: dict) -> object:
        self.next_id += 1
        self.send({"id": self.next_id, "method": method, "params": params})
        while True:
            message = self.read()
            if message.get("id") == self.next_id and "method" not in message:
                assert "error" not in message, message
                return message["result"]
            self.notifications.append(message)

    def notify(self, method: str, params: dict) -> None:
        self.send({"method": method, "params": params})

    def diagnostics_for(self, uri: str, timeout: float = 60) -> list[dict]:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            for message in self.notifications:
                if message.get("method") == "textDocument/publishDiagnostics" and message["params"]["uri"] == uri:
                    return message["params"]["diagnostics"]
            self.notifications.append(self.read())
        raise AssertionError(f"no diagnostics for {uri}")

    def close(self) -> None:
        try:
            self.request("shutdown", {})
            self.notify("exit", {})
            self.proc.wait(timeout=10)
        finally:
            if self.proc.poll() is None:
                self.proc.kill()


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    folder = tmp_path / "suzhou"
    folder.mkdir()
    (folder / "pack.toml").write_text('[pack]\nid = "suzhou"\nname = "Suzhou"\ndepends = ["core"]\n', encoding="utf-8")
    (folder / "world.toml").write_text(textwrap.dedent(WORLD), encoding="utf-8")
    (folder / "events.toml").write_text(EVENTS, encoding="utf-8")
    return folder


def position(text: str, needle: str, offset: int = 0) -> dict:
    before = text[: text.index(needle) + offset]
    return {"line": before.count("\n"), "character": len(before.split("\n")[-1])}


def test_the_language_server_answers_over_stdio(pack: Path, tmp_path: Path) -> None:
    client = Client(tmp_path)
    try:
        result = client.request("initialize", {"processId": None, "rootUri": tmp_path.as_uri(), "capabilities": {}})
        capabilities = result["capabilities"]
        assert capabilities["hoverProvider"] and capabilities["definitionProvider"] and capabilities["completionProvider"]
        client.notify("initialized", {})

        events = pack / "events.toml"
        uri = events.as_uri()
        client.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "toml", "version": 1, "text": EVENTS}})
        diagnostics = client.diagnostics_for(uri)
        [problem] = [d for d in diagnostics if d["severity"] == 1]
        assert problem["message"] == "unknown stat 'stres' (did you mean 'stress'?)"
        assert problem["range"]["start"] == {"line": EVENTS[: EVENTS.index("stats = {")].count("\n"), "character": 0}
        assert problem["source"] == "citizen validate"

        # completion where `record` takes an act: the pack's rule and core's acts
        at = position(EVENTS, 'record = ["', len('record = ["'))
        items = client.request("textDocument/completion", {"textDocument": {"uri": uri}, "position": at})["items"]
        labels = {i["label"] for i in items}
        assert {"volunteering", "blood_donation", "littering"} <= labels
        # and in an expression, after `stat.`: core's stats
        at = position(EVENTS, "stat.money", len("stat."))
        items = client.request("textDocument/completion", {"textDocument": {"uri": uri}, "position": at})["items"]
        assert {"money", "stress"} <= {i["label"] for i in items}

        # hover on a rule: its points per system, its source
        at = position(EVENTS, "volunteering", 3)
        shown = client.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": at})
        text = shown["contents"]["value"]
        assert "osmanthus +5" in text and "Invented for the test." in text and "Volunteer" in text

        # definition: an event in this file, and a stat of core's across packs
        at = position(EVENTS, 'event = "sz_after"', len('event = "sz_'))
        [place] = client.request("textDocument/definition", {"textDocument": {"uri": uri}, "position": at})
        header = EVENTS[: EVENTS.index('id = "sz_after"')].count("\n") - 1  # the [[event]] line above the id
        assert place["uri"] == uri and place["range"]["start"]["line"] == header
        at = position(EVENTS, "stat.money", len("stat.m"))
        [place] = client.request("textDocument/definition", {"textDocument": {"uri": uri}, "position": at})
        assert place["uri"].endswith("/core/stats.toml")
    finally:
        client.close()
