"""Every claim says how far the real world backs it: the ``reliability`` field and its checks."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from game import paths
from game.engine.content import Content
from game.engine.reliability import LEVELS
from game.packs.loader import validate
from game.packs.schema import json_schema

CONTENT = Path(__file__).resolve().parent.parent / "content"

PACK = """
[privileges.train]
name = "Train"
reliability = "official_document"

[systems.city]
name = "City"
reliability = "invented"
start = 100
tiers = [{ id = "A", min = 0 }]

[rules.city.fine]
points = -10

[scenarios.s]
name = "S"
reliability = "invented"
systems = ["city"]
[scenarios.s.character]
name = "Someone"

[[event]]
id = "e"
title = "E"
text = "Text"
reliability = "reportd"
[[event.choice]]
id = "a"
label = "A"
record = ["fine"]
"""


def _items(content: Content) -> list[tuple[str, str]]:
    """(what, reliability) for every item that must carry one."""
    out = [(f"privilege {k}", v.reliability) for k, v in content.privileges.items()]
    out += [(f"system {k}", v.reliability) for k, v in content.systems.items()]
    out += [(f"rule {s.id}.{k}", r.reliability) for s in content.systems.values() for k, r in s.rules.items()]
    out += [(f"list {k}", v.reliability) for k, v in content.lists.items()]
    out += [(f"scenario {k}", v.reliability) for k, v in content.scenarios.items()]
    out += [(f"event {k}", v.reliability) for k, v in content.events.items()]
    out += [(f"daily {d.id}", d.reliability) for d in content.daily]
    return out


def test_every_builtin_item_has_a_known_reliability(builtin: Content) -> None:
    items = _items(builtin)
    assert len(items) > 400
    assert [what for what, value in items if value not in LEVELS] == []


def test_builtin_content_uses_the_whole_scale_honestly(builtin: Content) -> None:
    used = {value for _what, value in _items(builtin)}
    assert {"official_document", "reported", "second_hand", "disputed", "opinion", "invented"} <= used
    assert builtin.privileges["fast_internet"].reliability == "opinion"  # a forecast in commentary, not a report
    assert builtin.privileges["high_speed_rail"].reliability == "official_document"  # the court's provisions


def test_a_writers_pack_gets_warnings_with_line_and_hint(write_pack) -> None:
    folder = write_pack("p", {"world.toml": PACK})
    content, problems = validate([folder])
    assert content is not None  # warnings only: a writer's first pack still loads
    found = {p.message: (p.severity, p.line) for p in problems}
    missing = next(m for m in found if m.startswith("rule 'city.fine' has no reliability"))
    assert found[missing][0] == "warning"
    unknown = next(m for m in found if m.startswith("unknown reliability 'reportd'"))
    assert "did you mean 'reported'?" in unknown
    assert found[unknown] == ("warning", PACK.splitlines().index('reliability = "reportd"') + 1)


def test_loading_for_play_drops_warnings_and_keeps_errors(write_pack) -> None:
    folder = write_pack("p", {"world.toml": PACK})
    content, problems = validate([folder], warnings=False)
    assert content is not None and problems == []  # play never shows warnings, so their lines are not looked up
    broken = write_pack("q", {"world.toml": PACK.replace('record = ["fine"]', 'record = ["fien"]')})
    content, problems = validate([broken], warnings=False)
    assert content is None and [p.severity for p in problems] == ["error"]


def test_a_rule_inherits_its_acts_reliability(write_pack) -> None:
    text = PACK.replace('reliability = "reportd"', 'reliability = "reported"') + (
        '\n[acts.fine]\nname = "A fine"\nreliability = "reported"\n'
    )
    content, problems = validate([write_pack("p", {"world.toml": text})])
    assert problems == []
    assert content is not None and content.systems["city"].rules["fine"].reliability == "reported"


def test_a_shipped_pack_missing_a_value_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shipped = tmp_path / "content"
    shutil.copytree(CONTENT / "core", shipped / "core")
    privileges = shipped / "core" / "privileges.toml"
    text = privileges.read_text(encoding="utf-8")
    privileges.write_text(text.replace('reliability = "opinion"\n', "", 1), encoding="utf-8")
    monkeypatch.setattr(paths, "shipped_content", lambda: shipped)
    content, problems = validate([shipped / "core"])
    assert content is None
    errors = [p for p in problems if p.severity == "error"]
    assert len(errors) == 1 and errors[0].message.startswith("privilege 'fast_internet' has no reliability")


def test_citizen_validate_passes_the_builtin_packs(capsys: pytest.CaptureFixture[str]) -> None:
    from game.cli import main

    assert main(["validate", str(CONTENT)]) == 0
    assert "warning" not in capsys.readouterr().out


def test_the_json_schema_lists_the_values() -> None:
    text = json.dumps(json_schema())
    assert all(f'"{level}"' in text for level in LEVELS)
