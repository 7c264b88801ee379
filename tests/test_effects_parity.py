"""One definition per effect: the schema, the compiled form, the builder, the engine and the reference table agree.

A field added to the pack schema alone would load and silently do nothing;
these tests fail instead, and name the place that was not told.
"""

from __future__ import annotations

import ast
import dataclasses
import re
from pathlib import Path

from game.engine import content as compiled
from game.packs import schema
from game.packs.loader import load_content
from tests.conftest import FIXTURE_PACKS

ROOT = Path(__file__).resolve().parent.parent
SCHEMA_FIELDS = list(schema.Effects.__struct_fields__)

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
flags = ["f"]
unflag = ["g"]
grant = ["train"]
revoke = ["poster"]
enlist = ["blacklist"]
delist = ["blacklist"]
befriend = ["pal"]
unfriend = ["pal"]
character_scores = { pal = { city = 5 } }
schedule = [{ event = "everything", after = 1 }]
move = "town"
enrol = ["shadow"]
leave = ["shadow"]
end = "The end."
"""
"""A choice with every effect key set (the test below fails when a key is missing here)."""


def test_the_schema_and_the_compiled_effects_have_the_same_fields() -> None:
    assert [f.name for f in dataclasses.fields(compiled.Effects)] == SCHEMA_FIELDS


def test_the_builder_fills_every_effect(write_pack) -> None:
    written = {m.group(1) for m in re.finditer(r"^(\w+) = ", EVERY_EFFECT.split("[[event.choice]]")[1], re.M)}
    assert set(SCHEMA_FIELDS) <= written, "add the new effect to EVERY_EFFECT"
    pack = write_pack("fx", {"events.toml": EVERY_EFFECT}, depends=["mini"])
    effects = load_content([FIXTURE_PACKS / "mini", pack]).events["everything"].choices[0].effects
    assert [name for name in SCHEMA_FIELDS if not getattr(effects, name)] == [], "fields the builder left empty"


def test_the_engine_applies_every_effect() -> None:
    tree = ast.parse((ROOT / "game" / "engine" / "effects.py").read_text(encoding="utf-8"))
    read = {
        n.attr
        for n in ast.walk(tree)
        if isinstance(n, ast.Attribute) and isinstance(n.value, ast.Name) and n.value.id == "effects"
    }
    assert [name for name in SCHEMA_FIELDS if name not in read] == [], "fields engine/effects.py never reads"


def test_the_reference_table_lists_every_effect_once() -> None:
    text = (ROOT / "docs" / "pack-format.md").read_text(encoding="utf-8")
    section = text.split("## Effects", 1)[1].split("\n## ", 1)[0]
    keys = [k for row in re.findall(r"^\| (`[^|]+`) \|", section, re.M) for k in re.findall(r"`(\w+)`", row)]
    assert keys == SCHEMA_FIELDS, "docs/pack-format.md's Effects table, in the order they are applied"


def test_the_writers_guide_links_to_the_reference_table() -> None:
    text = (ROOT / "docs" / "writing-packs.md").read_text(encoding="utf-8")
    section = text.split("## Effects", 1)[1].split("\n## ", 1)[0]
    assert "pack-format.md#effects" in section
    assert "| `record` |" not in section, "one table of effects, in docs/pack-format.md"
