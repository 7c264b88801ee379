"""A scenario that sets settings keeps its own id (regression: a loop variable once shadowed it)."""

from __future__ import annotations

from game.engine.life import Life
from game.engine.state import Setup
from game.packs.loader import load_content


def test_scenario_with_settings_keeps_its_id(write_pack) -> None:
    folder = write_pack(
        "p",
        {
            "world.toml": """
            [stats.money]
            name = "Money"
            [settings.appeals]
            name = "Appeals"
            default = true
            [settings.odds]
            name = "Odds"
            default = 0.2
            [[event]]
            id = "e"
            title = "E"
            text = "E."
            [[event.choice]]
            id = "a"
            label = "A"
            [scenarios.life]
            name = "A life"
            settings = { appeals = false, odds = 0.5 }
            [scenarios.life.character]
            name = "Someone"
            """
        },
    )
    content = load_content([folder])
    assert content.scenarios["life"].id == "life"
    life = Life(content, Setup("life", 1))
    assert life.state.scenario == "life"
    assert life.state.settings == {"appeals": False, "odds": 0.5}
