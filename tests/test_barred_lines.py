"""Fix 7: what a list or a grade bars is said once per cause, naming every privilege it bars."""

from __future__ import annotations

from game import present
from game.engine.content import Content
from game.engine.life import Life
from game.engine.state import Setup
from game.packs.loader import load_content
from game.play import views as view
from tests.conftest import FIXTURE_PACKS


def test_eight_privileges_one_list_bars_are_one_line() -> None:
    content: Content = load_content([FIXTURE_PACKS / "court_like"])
    life = Life(content, Setup("court", 1))
    lines = view.privileges_barred(life, present.Display())
    assert len(lines) == 1
    line = lines[0]
    assert line.startswith("On the Court list of dishonest judgment defaulters — barred from Bank loans at normal terms, ")
    for name in ("Buying property", "Company director", "Flights", "Golf and country clubs", "High-speed rail"):
        assert name in line
    assert line.count("lifted only when you are off the list") == 1


def test_a_single_bar_reads_as_before(mini: Content) -> None:
    life = Life(mini, Setup("life", 1))
    life.choose("fine")  # grade D bars the train
    lines = view.privileges_barred(life, present.Display())
    assert len(lines) == 1 and lines[0].startswith("Grade D — barred from High-speed rail (City score)")
