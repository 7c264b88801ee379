"""Live reload: a changed pack is validated, the life replayed as far as it fits, a broken pack kept out."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from game.cli import main
from game.engine.life import Life
from game.engine.state import Setup
from game.packs.loader import load_content
from game.tools.watch import LiveReload, carry_over, describe

WORLD = """
[scenarios.s]
name = "S"
days = 5
events_per_day = [1, 1]
[scenarios.s.character]
name = "N"
[[event]]
id = "a"
repeatable = true
title = "A"
text = "Every day."
[[event.choice]]
id = "x"
label = "{label}"
[[event.choice]]
id = "y"
label = "Why"
"""


def save(path: Path, text: str, tick: int) -> None:
    """Write ``text`` and move the file's time on, so a change is seen even within one clock tick."""
    path.write_text(text, encoding="utf-8")
    stamp = 1_700_000_000 + tick
    os.utime(path, (stamp, stamp))


@pytest.fixture
def pack(write_pack) -> Path:
    folder = write_pack("w", {"world.toml": WORLD.format(label="Ex")})
    save(folder / "world.toml", WORLD.format(label="Ex"), 0)
    return folder


def played(content, choices: list[str]) -> Life:
    life = Life(content, Setup("s", 7))
    for choice in choices:
        life.choose(choice)
    return life


def test_carry_over_replays_every_choice_that_still_fits(mini) -> None:
    life = Life(mini, Setup("life", 3))
    for _ in range(6):
        view = life.prompt()
        life.choose(next(cv.choice.id for cv in view.choices if cv.lock is None))
    again, replayed = carry_over(life, mini)
    assert replayed == 6 and again.state == life.state


def test_carry_over_stops_where_a_choice_is_gone(pack: Path) -> None:
    life = played(load_content([pack]), ["x", "y", "x"])
    save(pack / "world.toml", WORLD.format(label="Ex").replace('id = "y"\nlabel = "Why"', 'id = "z"\nlabel = "Zed"'), 1)
    again, replayed = carry_over(life, load_content([pack]))
    assert replayed == 1 and [c for _, _, c in again.state.log] == ["x"]
    assert again.prompt().event.id == "a"


def test_live_reload_swaps_in_good_content_and_keeps_out_bad(pack: Path) -> None:
    live = LiveReload([pack], [pack])
    life = played(load_content([pack]), ["x", "y"])
    assert live.poll(life) is None  # nothing changed yet

    save(pack / "world.toml", WORLD.format(label="Ex, reworded"), 1)
    result = live.poll(life)
    assert result is not None and result.ok and (result.replayed, result.total) == (2, 2)
    assert result.life.prompt().choices[0].choice.label == "Ex, reworded"
    assert describe(result) == ["Packs reloaded: all 2 choices replayed under the new content."]
    assert live.poll(result.life) is None  # one change, one reload

    save(pack / "world.toml", WORLD.format(label="Ex") + "\n[[event]\n", 2)
    broken = live.poll(result.life)
    assert broken is not None and not broken.ok and broken.life is None
    lines = describe(broken)
    assert lines[0].startswith("The packs have errors") and "world.toml:" in lines[1] and "TOML syntax error" in lines[1]

    (pack / "world.toml").unlink()
    save(pack / "other.toml", WORLD.format(label="Back").replace("scenarios.s", "scenarios.t"), 3)
    gone = live.poll(result.life)
    assert not gone.ok and "scenario 's' is gone" in describe(gone)[1]


def test_plain_mode_reloads_between_choices(pack: Path, capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    class Typist(io.StringIO):
        """Answers 1 each time; while thinking about the second answer, the writer saves the pack."""

        calls = 0

        def readline(self, *_: object) -> str:
            Typist.calls += 1
            if Typist.calls == 1:
                save(pack / "world.toml", WORLD.format(label="Ex, after the edit"), 5)
            return "1\n" if Typist.calls <= 5 else ""

    monkeypatch.setattr("sys.stdin", Typist())
    monkeypatch.setenv("CITIZEN_CONTENT", str(pack))  # no other packs: the watched one is loaded once
    monkeypatch.setenv("CITIZEN_PACKS", str(pack.parent / "no-user-packs"))
    argv = ["play", "--plain", "--watch", "--pack", str(pack), "--scenario", "s", "--seed", "1", "--no-save"]
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert "~ Packs reloaded: all 1 choices replayed under the new content." in out
    before, after = out.split("~ Packs reloaded")
    assert "1. Ex\n" in before and "1. Ex, after the edit" in after


def test_watch_needs_a_pack(capsys) -> None:
    assert main(["play", "--plain", "--watch", "--no-save"]) == 2
    assert "--watch needs --pack" in capsys.readouterr().err
