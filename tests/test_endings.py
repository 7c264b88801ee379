"""Endings: epilogue texts a scenario chooses by condition at the end of the life, told everywhere the end is."""

from __future__ import annotations

import subprocess
import sys

import pytest

from game.engine.life import Life, replay
from game.engine.state import Setup
from game.packs.loader import load_content
from game.packs.problems import PackError
from game.reports.debrief import Played, build_debrief
from game.reports.html_report import render_html
from game.reports.markdown_report import render_markdown

PACK = """
[stats.coins]
name = "Coins"

[[event]]
id = "day"
cooldown = 1  # may come back the next day (a hub of this test)
title = "A day"
text = "What now?"
[[event.choice]]
id = "save"
label = "Save"
text = "The jar fills."
stats = {{ coins = 1 }}
[[event.choice]]
id = "spend"
label = "Spend"
text = "The jar empties."

[scenarios.coast]
name = "On the coast"
days = 3
events_per_day = [1, 1]
[scenarios.coast.character]
name = "Ana"

[[scenarios.coast.endings]]
id = "evening"
text = "The ferry's lights go out one by one."

[[scenarios.coast.endings]]
id = "boat"
when = "stat.coins >= 3"
text = "You bought Old Piet's boat <b>[bold]</b>."

[[scenarios.coast.endings]]
id = "{second_id}"
when = "{second_when}"
text = "The jar is empty; the sea is not."
"""


def coast(write_pack, second_id: str = "nothing", second_when: str = "stat.coins == 0"):
    return write_pack("t", {"all.toml": PACK.format(second_id=second_id, second_when=second_when)})


def lived(content, choice: str) -> Life:
    life = Life(content, Setup("coast", 1))
    while life.prompt() is not None:
        assert life.epilogue() == []
        life.choose(choice)
    return life


def test_endings_are_chosen_by_what_happened(write_pack) -> None:
    content = load_content([coast(write_pack)])
    assert [e.id for e in lived(content, "save").epilogue()] == ["evening", "boat"]
    assert [e.id for e in lived(content, "spend").epilogue()] == ["evening", "nothing"]
    life = lived(content, "save")
    again = replay(content, Setup("coast", 1), [(e, c) for _d, e, c in life.state.log]).life
    assert again.epilogue() == life.epilogue()


def test_the_debrief_tells_the_epilogue_literally(write_pack) -> None:
    content = load_content([coast(write_pack)])
    debrief = build_debrief(content, [Played(lived(content, "save"), "Ana", "ana")])
    html, md = render_html(debrief), render_markdown(debrief)
    assert "What became of it" in html and "The ferry&#39;s lights go out" in html
    assert "Old Piet&#39;s boat &lt;b&gt;[bold]&lt;/b&gt;" in html
    assert "What became of it" in md and "You bought Old Piet's boat" in md


def test_plain_mode_tells_the_epilogue() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "game", "play", "--plain", "--scenario", "court_defaulter", "--seed", "2", "--days", "3"],
        input="1\n" * 30,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    end = result.stdout.split("What became of it:")[1]
    assert "The workshop is quiet" in end and "You check the lock twice" in end


@pytest.mark.parametrize(
    ("second_id", "second_when", "message", "key"),
    [
        ("boat", "stat.coins == 0", "scenario 'coast' has two endings with id 'boat'", "id"),
        ("nothing", "stat.coin == 0", "coin", "when"),
    ],
)
def test_bad_endings_are_refused_with_file_and_line(write_pack, second_id: str, second_when: str, message: str, key: str) -> None:
    folder = coast(write_pack, second_id, second_when)
    with pytest.raises(PackError) as caught:
        load_content([folder])
    lines = (folder / "all.toml").read_text(encoding="utf-8").splitlines()
    found = [p for p in caught.value.problems if message in p.message]
    assert found and lines[found[0].line - 1].startswith(key), (caught.value.problems, lines)
