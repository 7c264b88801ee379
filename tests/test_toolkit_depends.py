"""A pack's `depends` are found among the installed packs by every command that takes a pack."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from game.cli import main
from game.packs.resolve import with_dependencies
from game.workshop import open_workshop

ROOT = Path(__file__).resolve().parent.parent
CORE = ROOT / "content" / "core"

SUZHOU = {
    "pack.toml": """
        [pack]
        id = "suzhou"
        name = "Suzhou civic points"
        depends = ["core"]
    """,
    "world.toml": """
        [cities.suzhou]
        name = "Suzhou"

        [systems.osmanthus]
        name = "Osmanthus points"
        start = 100
        min = 0
        max = 200
        tiers = [{ id = "good", min = 100 }, { id = "low", min = 0 }]

        [rules.osmanthus.volunteering]
        points = 5
    """,
    "events.toml": """
        [[event]]
        id = "sz_canal"
        title = "The canal clean-up"
        text = "Neighbours gather by the canal with nets."
        when = 'in_city("suzhou")'

        [[event.choice]]
        id = "help"
        label = "Help"
        record = ["volunteering"]
        stats = { stress = -1 }

        [[event.choice]]
        id = "skip"
        label = "Stay home"
    """,
    "scenarios.toml": """
        [scenarios.sz_clerk]
        name = "A clerk in Suzhou"
        city = "suzhou"
        systems = ["osmanthus"]
        days = 5
        events_per_day = [1, 1]

        [scenarios.sz_clerk.character]
        name = "Wen"
        age = 30
        job = "Clerk"
        home = "A flat by the canal"
    """,
}


def write(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(textwrap.dedent(text), encoding="utf-8")
    return folder


@pytest.fixture
def suzhou(tmp_path: Path) -> Path:
    return write(tmp_path / "suzhou", SUZHOU)


def test_validate_outside_the_checkout_finds_core_without_naming_it(suzhou: Path, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("CITIZEN_CONTENT",)}
    env["CITIZEN_PACKS"] = str(tmp_path / "no-user-packs")
    done = subprocess.run(
        [sys.executable, "-m", "game", "validate", "suzhou"], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "ok: 2 packs" in done.stdout
    assert "error" not in done.stdout + done.stderr


def test_every_command_loads_the_same_set(suzhou: Path, tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("CITIZEN_PACKS", str(tmp_path / "no-user-packs"))
    folders = with_dependencies([suzhou])
    assert [f.name for f in folders] == ["core", "suzhou"]  # dependencies first, nothing else
    assert main(["simulate", "--pack", str(suzhou), "--runs", "3", "--json"]) == 0
    assert '"sz_clerk"' in capsys.readouterr().out
    monkeypatch.setattr("sys.stdin", __import__("io").StringIO(""))
    assert main(["play", "--plain", "--pack", str(suzhou), "--scenario", "sz_clerk", "--seed", "2", "--no-save"]) == 0
    assert "A clerk in Suzhou" in capsys.readouterr().out
    workshop = tmp_path / "class.toml"
    workshop.write_text('title = "Class"\nscenario = "sz_clerk"\nseed = 4\npacks = ["./suzhou"]\n', encoding="utf-8")
    _workshop, content = open_workshop(workshop)
    assert [p.id for p in content.packs] == ["core", "suzhou"]


def test_a_dependency_in_the_user_packs_folder_is_found(tmp_path: Path, monkeypatch, capsys) -> None:
    user = tmp_path / "user-packs"
    files = {k: v.replace('"core"', '"tea"') if k == "pack.toml" else v for k, v in SUZHOU.items()}
    files["world.toml"] = files["world.toml"].replace("[rules.osmanthus.volunteering]\npoints = 5", "")
    tea = write(user / "tea", {"pack.toml": '[pack]\nid = "tea"\nname = "Tea"\ndepends = ["core"]\n'})
    assert tea.is_dir()
    mine = write(tmp_path / "mine", files)
    monkeypatch.setenv("CITIZEN_PACKS", str(user))
    assert [f.name for f in with_dependencies([mine])] == ["core", "tea", "mine"]
    monkeypatch.chdir(tmp_path)
    assert main(["validate", "mine"]) == 0
    assert "ok: 3 packs" in capsys.readouterr().out


def test_a_missing_dependency_is_named_once_with_where_packs_are_looked_for(tmp_path: Path, monkeypatch, capsys) -> None:
    files = dict(SUZHOU, **{"pack.toml": '[pack]\nid = "suzhou"\nname = "S"\ndepends = ["core", "jiangsu"]\n'})
    pack = write(tmp_path / "suzhou", files)
    monkeypatch.setenv("CITIZEN_PACKS", str(tmp_path / "no-user-packs"))
    monkeypatch.chdir(tmp_path)
    assert main(["validate", str(pack)]) == 1
    out = capsys.readouterr().out
    assert "depends on 'jiangsu'" in out
