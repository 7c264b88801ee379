"""One definition per effect: game/engine/effects.py's KINDS is the schema, the compiled form, the engine and the docs.

Each kind of effect is one entry. These tests fail when an entry is not whole: a key
missing from the pack schema, a kind the builder leaves empty, a kind that changes
nothing when applied, or docs/pack-format.md's Effects table out of step with the table.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path

import pytest

from game.engine import effects as fx
from game.engine.content import Content
from game.engine.life import Life
from game.engine.state import Setup, State
from game.packs import schema
from game.packs.expr import constant
from game.packs.loader import load_content
from tests.conftest import FIXTURE_PACKS

ROOT = Path(__file__).resolve().parent.parent
KEYS = [kind.key for kind in fx.KINDS]

EVERY_EFFECT = """\
[[event]]
reliability = "invented"
id = "everything"
title = "Everything"
text = "Every effect at once."
weight = 1

[[event.choice]]
id = "all"
label = "All of it"
record = ["fine"]
stats = { money = -5 }
stat_multiply = { money = 0.5 }
flags = ["f"]
unflag = ["g"]
grant = ["poster"]
revoke = ["train"]
enlist = ["blacklist"]
delist = ["blacklist"]
befriend = ["pal"]
unfriend = ["pal"]
character_scores = { pal = { city = 5 } }
schedule = [{ event = "hub", after = 1 }]
move = "town"
enrol = ["city"]
leave = ["city"]
end = "The end."
"""
"""A choice with every kind of effect set (the tests below fail when a kind is missing here)."""

UNDONE_FIRST: dict[str, Callable[[State], None]] = {
    "unflag": lambda state: state.flags.add("g"),
    "delist": lambda state: state.lists.add("blacklist"),
    "unfriend": lambda state: state.friends.add("pal"),
    "move": lambda state: setattr(state, "city", "elsewhere"),
    "enrol": lambda state: state.enrolled.remove("city"),
}
"""What a kind undoes, done first in the life it is applied to (so that applying it changes something)."""


@pytest.fixture
def everything(write_pack) -> tuple[Content, fx.Effects]:
    pack = write_pack("fx", {"events.toml": EVERY_EFFECT}, depends=["mini"])
    content = load_content([FIXTURE_PACKS / "mini", pack])
    return content, content.events["everything"].choices[0].effects


def test_the_schema_has_one_field_per_kind_for_every_block_of_effects() -> None:
    for block in (schema.Effects, schema.ChoiceDef, schema.OutcomeDef, schema.DailyDef):
        assert [f for f in block.__struct_fields__ if f in schema.Effects.__struct_fields__] == KEYS


def test_every_kind_is_written_in_the_test_choice() -> None:
    written = {line.split(" = ")[0] for line in EVERY_EFFECT.split("[[event.choice]]")[1].splitlines() if " = " in line}
    assert [key for key in KEYS if key not in written] == [], "add the new effect to EVERY_EFFECT"


def test_the_builder_compiles_every_kind(everything) -> None:
    _content, effects = everything
    assert [kind.key for kind, _value in effects.steps] == KEYS, "kinds the builder left empty"
    assert [key for key in KEYS if not getattr(effects, key)] == []


def test_the_builder_checks_the_ids_of_every_kind_that_names_some(write_pack) -> None:
    """An id that names nothing is an error at its key, for every kind whose ids name something."""
    from game.packs.loader import validate

    named = [kind for kind in fx.KINDS if kind.names]
    typos = {'"fine"': '"fnie"', '"poster"': '"postr"', '"train"': '"trian"', '"blacklist"': '"blaklist"', '"pal"': '"pla"'}
    typos |= {"pal =": "pla =", '"hub", after': '"hbu", after', '"town"': '"twon"', '"city"]': '"ctiy"]', "money =": "mony ="}
    typo = EVERY_EFFECT
    for right, wrong in typos.items():
        typo = typo.replace(right, wrong)
    pack = write_pack("fx", {"events.toml": typo}, depends=["mini"])
    _content, problems = validate([FIXTURE_PACKS / "mini", pack])
    line_of = {line.split(" = ")[0]: n for n, line in enumerate(typo.splitlines(), 1) if " = " in line}
    said = {(p.line, p.message.split(" '")[0]) for p in problems if p.severity == "error"}
    assert [kind.key for kind in named if (line_of[kind.key], f"unknown {kind.what}") not in said] == []


@pytest.mark.parametrize("kind", fx.KINDS, ids=lambda kind: kind.key)
def test_every_kind_changes_the_life_it_is_applied_to(everything, kind: fx.Kind) -> None:
    content, effects = everything
    life = Life(content, Setup("life", 1))
    if kind.key in UNDONE_FIRST:
        UNDONE_FIRST[kind.key](life.state)
    before = copy.deepcopy(life.state)
    fx.apply(life, fx.Effects(**{kind.key: getattr(effects, kind.key)}), "test")
    assert life.state != before, f"applying {kind.key} alone changed nothing"


def test_stat_multiply_scales_a_stat_after_it_is_added_to_and_keeps_its_bounds(everything) -> None:
    content, effects = everything
    life = Life(content, Setup("life", 1))
    fx.apply(life, fx.Effects(stats=effects.stats, stat_multiply=effects.stat_multiply), "test")
    assert life.state.stats["money"] == round((100 - 5) * 0.5)
    life = Life(content, Setup("life", 1))  # a huge factor stops at the stat's ceiling
    fx.apply(life, fx.Effects(stat_multiply=(("money", constant(1e12)),)), "test")
    assert life.state.stats["money"] == content.stats["money"].max


def test_the_reference_table_is_the_registry() -> None:
    text = (ROOT / "docs" / "pack-format.md").read_text(encoding="utf-8")
    section = text.split("## Effects", 1)[1].split("\n## ", 1)[0]
    table = "\n".join(line for line in section.splitlines() if line.startswith("|"))
    assert table == fx.reference_table(), (
        "docs/pack-format.md's Effects table differs from game/engine/effects.py's KINDS; paste in the output of\n"
        "python -c 'from game.engine.effects import reference_table; print(reference_table())'"
    )


def test_the_writers_guide_links_to_the_reference_table() -> None:
    text = (ROOT / "docs" / "writing-packs.md").read_text(encoding="utf-8")
    section = text.split("## Effects", 1)[1].split("\n## ", 1)[0]
    assert "pack-format.md#effects" in section
    assert "| `record` |" not in section, "one table of effects, in docs/pack-format.md"
