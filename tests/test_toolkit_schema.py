"""``citizen schema``: the JSON Schema accepts every built-in pack file and rejects wrong ones."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import tomli

from game.cli import main
from game.tools.schema_cmd import FILES, PACK_KINDS, schemas

jsonschema = pytest.importorskip("jsonschema", reason="jsonschema is in the test extra: pip install -e '.[test]'")

ROOT = Path(__file__).resolve().parent.parent
GOOD_PACKS = [ROOT / "content", *(ROOT / "tests" / "packs" / name for name in ("mini", "sim"))]
PACK_FILES = sorted(
    path for folder in GOOD_PACKS for path in folder.rglob("*.toml") if "lang" not in path.relative_to(folder).parts
)
"""Pack files, not translations: ``lang/<code>.toml`` has its own format, checked by ``citizen translate check``."""


def validator(kind: str):
    schema = schemas()[kind]
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.fixture(scope="module")
def validators() -> dict:
    return {kind: validator(kind) for kind in FILES}


def kind_of(path: Path) -> str:
    return "pack" if path.name == "pack.toml" else "content"


@pytest.mark.parametrize("path", PACK_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_pack_file_is_accepted(validators, path: Path) -> None:
    data = tomli.loads(path.read_text(encoding="utf-8"))
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validators[kind_of(path)].iter_errors(data)]
    assert errors == []


@pytest.mark.parametrize(
    ("kind", "text", "where"),
    [
        ("content", '[stats.money]\nname = "Money"\nstrat = 5\n', "stats/money"),  # a misspelt key
        ("content", '[stats.money]\nname = "Money"\nmax = "a lot"\n', "stats/money/max"),  # a wrong type
        ("content", '[stats.Money]\nname = "Money"\n', "stats"),  # an id that is not lower case
        ("content", '[pack]\nid = "x"\nname = "X"\n', ""),  # [pack] outside pack.toml
        ("content", '[[event]]\nid = "e"\ntitle = "T"\ntext = "x"\n[[event.choice]]\nlabel = "no id"\n', "event/0/choice/0"),
        ("content", '[systems.s]\nname = "S"\nvisibility = "secret"\n', "systems/s/visibility"),
        ("pack", '[stats.money]\nname = "Money"\n', ""),  # pack.toml without [pack]
        ("pack", '[pack]\nid = "x"\n', "pack"),  # [pack] without its name
    ],
)
def test_wrong_files_are_rejected(validators, kind: str, text: str, where: str) -> None:
    errors = list(validators[kind].iter_errors(tomli.loads(text)))
    assert errors, f"accepted: {text!r}"
    assert any("/".join(map(str, e.absolute_path)) == where for e in errors), [e.message for e in errors]


def test_cli_writes_both_files_and_prints_one(tmp_path: Path, capsys) -> None:
    assert main(["schema", "--out", str(tmp_path / "schema")]) == 0
    written = sorted(p.name for p in (tmp_path / "schema").iterdir())
    assert written == sorted(FILES[kind] for kind in PACK_KINDS)
    assert json.loads((tmp_path / "schema" / "pack.schema.json").read_text())["$defs"]["PackFile"]["required"] == ["pack"]
    capsys.readouterr()
    assert main(["schema", "--kind", "content"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert "pack" not in printed["$defs"]["PackFile"]["properties"] and "event" in printed["$defs"]["PackFile"]["properties"]


def test_cli_refuses_a_file_as_out_folder(tmp_path: Path, capsys) -> None:
    target = tmp_path / "notes.txt"
    target.write_text("keep me")
    assert main(["schema", "--out", str(target)]) == 2
    assert "is a file" in capsys.readouterr().err and target.read_text() == "keep me"
