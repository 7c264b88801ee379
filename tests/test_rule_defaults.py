"""A rule without its own name, category, description or source takes them from its act."""

from __future__ import annotations

from game.packs.loader import load_content


def test_rule_text_defaults_to_its_act(write_pack) -> None:
    folder = write_pack(
        "p",
        {
            "world.toml": """
            [acts.charity_roundup]
            name = "Rounded up for charity"
            category = "charity"
            description = "Small change given at checkout."
            source = "Where the act comes from."

            [systems.shop]
            name = "Shop score"
            tiers = [{ id = "all", min = 0 }]

            [rules.shop.charity_roundup]
            points = 3

            [rules.shop.own_words]
            points = 1
            name = "In its own words"
            source = "Its own source."
            """
        },
    )
    rules = load_content([folder]).systems["shop"].rules
    borrowed = rules["charity_roundup"]
    assert (borrowed.name, borrowed.category, borrowed.description, borrowed.source) == (
        "Rounded up for charity",
        "charity",
        "Small change given at checkout.",
        "Where the act comes from.",
    )
    own = rules["own_words"]
    assert (own.name, own.category, own.source) == ("In its own words", "", "Its own source.")
