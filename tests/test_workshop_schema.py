"""The workshop file's JSON Schema: written by ``workshop new`` and named on its first line; it accepts
the file ``workshop new`` writes and rejects what the loader rejects."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import tomli

from game import cli
from game.packs.problems import Problems
from game.workshop.load import read_workshop
from game.workshop.schema import json_schema

WORLD = Path(__file__).resolve().parent / "packs" / "workshop_world"


@pytest.fixture
def new_workshop(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Path:
    monkeypatch.setenv("CITIZEN_CONTENT", str(WORLD))
    monkeypatch.setenv("CITIZEN_PACKS", str(tmp_path / "no-user-packs"))
    path = tmp_path / "room" / "workshop.toml"
    assert cli.main(["workshop", "new", str(path)]) == 0
    capsys.readouterr()
    return path


def schema_named_by(path: Path) -> dict:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("#:schema ")
    return json.loads((path.parent / first.removeprefix("#:schema ")).read_text(encoding="utf-8"))


def test_workshop_new_writes_the_schema_and_names_it(new_workshop: Path) -> None:
    schema = schema_named_by(new_workshop)
    assert schema == json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    data = tomli.loads(new_workshop.read_text(encoding="utf-8"))
    jsonschema.validate(data, schema, cls=jsonschema.Draft202012Validator)
    assert not list((new_workshop.parent).glob("*.json"))  # nothing beside the file that looks like a save


@pytest.mark.parametrize(
    "change",
    [
        {"sead": 3},
        {"seed": "every_player"},
        {"days": 0},
        {"scores": "visible"},
        {"scores": {"City": "tier"}},
        {"disclosed": "yes"},
        {"prompt": [{"event": "street"}]},
        {"prompt": [{"text": "Why?", "rule": "not a rule"}]},
        {"overrides": {"city": {"fine": "-30"}}},
    ],
)
def test_the_schema_rejects_what_the_loader_rejects(new_workshop: Path, change: dict) -> None:
    data = {**tomli.loads(new_workshop.read_text(encoding="utf-8")), **change}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema_named_by(new_workshop), cls=jsonschema.Draft202012Validator)
    import tomli_w

    wrong = new_workshop.with_name("wrong.toml")
    wrong.write_text(tomli_w.dumps(data), encoding="utf-8")
    problems = Problems()
    workshop, _ = read_workshop(wrong, problems)
    assert workshop is None and problems.errors


def test_citizen_schema_prints_the_workshop_kind_and_leaves_it_out_of_a_packs_folder(tmp_path: Path, capsys) -> None:
    assert cli.main(["schema", "--kind", "workshop"]) == 0
    assert json.loads(capsys.readouterr().out)["$defs"]["WorkshopDef"]["title"] == "An AAA Citizen workshop file"
    assert cli.main(["schema", "--out", str(tmp_path / "schema")]) == 0
    assert sorted(p.name for p in (tmp_path / "schema").iterdir()) == ["content.schema.json", "pack.schema.json"]
