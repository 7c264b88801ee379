"""``citizen new-pack``: the scaffold validates, simulates cleanly, and points editors at its schema."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import tomli

from game.cli import main
from game.packs.loader import load_content
from game.tools.new_pack import pack_id

FIXTURE_PACKS = Path(__file__).resolve().parent / "packs"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    parent = tmp_path_factory.mktemp("packs")
    assert main(["new-pack", "demo", "--dir", str(parent)]) == 0
    return parent / "demo"


def test_new_pack_validates_and_simulates_strictly(demo: Path, capsys) -> None:
    assert main(["validate", str(demo)]) == 0
    assert main(["simulate", "--pack", str(demo), "--runs", "200", "--strict"]) == 0
    out = capsys.readouterr().out
    assert "1 packs, 9 events, 4 rules, 1 scenarios" in out
    assert "every event in play fired" in out


def test_every_toml_file_names_a_schema_that_accepts_it(demo: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    import json

    files = sorted(demo.rglob("*.toml"))
    assert len(files) == 5
    for path in files:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        match = re.fullmatch(r"#:schema (\S+)", first)
        assert match, f"{path.name} does not start with a #:schema directive"
        schema = json.loads((path.parent / match.group(1)).read_text(encoding="utf-8"))
        jsonschema.validate(tomli.loads(path.read_text(encoding="utf-8")), schema)


def test_its_ids_do_not_clash_with_another_world(demo: Path) -> None:
    content = load_content([FIXTURE_PACKS / "mini", demo])
    assert "demo_life" in content.scenarios and "money" in content.stats and "demo_money" in content.stats


def test_an_existing_folder_is_never_touched(tmp_path: Path, capsys) -> None:
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("keep")
    assert main(["new-pack", "mine", "--dir", str(tmp_path)]) == 2
    assert "already exists" in capsys.readouterr().err
    assert [p.name for p in (tmp_path / "mine").iterdir()] == ["notes.txt"]
    assert [p.name for p in tmp_path.iterdir()] == ["mine"]  # no half-written staging folder left behind


def test_names_become_ids(tmp_path: Path, capsys) -> None:
    assert pack_id("My Harbour-Town") == "my_harbour_town"
    assert main(["new-pack", "2nd", "--dir", str(tmp_path)]) == 2
    assert "start the name with a letter" in capsys.readouterr().err
    assert main(["new-pack", "Old Town", "--dir", str(tmp_path)]) == 0
    assert main(["validate", str(tmp_path / "Old Town")]) == 0
    assert 'id = "old_town"' in (tmp_path / "Old Town" / "pack.toml").read_text()
