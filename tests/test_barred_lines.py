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


def test_a_life_that_began_barred_is_not_told_it_kept_every_privilege(write_pack) -> None:
    """The court life starts on the list: its short debrief says what was won back, not 'You kept every privilege'."""
    from game.reports.short import end_debrief

    folder = write_pack(
        "began_barred",
        {
            "world.toml": (FIXTURE_PACKS / "court_like" / "world.toml").read_text(encoding="utf-8")
            + '\n[[event.choice]]\nid = "pay"\nlabel = "Pay the judgment"\ndelist = ["court_blacklist"]\n'
        },
    )
    life = Life(load_content([folder]), Setup("court", 1))
    life.drain_notices()
    life.choose("pay")
    lines = end_debrief(life)
    assert "You kept every privilege." not in lines
    assert any(line.startswith("You lost no privilege, and won back Bank loans at normal terms, ") for line in lines)
