"""``citizen packs``: every pack found, with its counts, and whether it loads with its dependencies."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from game.cli import main

PACKS = Path(__file__).resolve().parent / "packs"
KEYS = {"id", "version", "languages", "events", "rules", "scenarios", "valid"}


@pytest.fixture
def installed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Built-in: mini and sim; the user's folder: a pack that needs mini, and one whose dependency is missing."""
    builtin = tmp_path / "content"
    for name in ("mini", "sim"):
        shutil.copytree(PACKS / name, builtin / name)
    user = tmp_path / "user"
    (user / "addon").mkdir(parents=True)
    (user / "addon" / "pack.toml").write_text(
        '[pack]\nid = "addon"\nname = "Add-on"\nversion = "2.0.0"\nlanguages = ["en", "sv"]\ndepends = ["mini"]\n'
        '[[event]]\nid = "extra"\ntitle = "Extra"\ntext = "Uses mini\'s money."\nwhen = "stat.money > 0"\n'
        '[[event.choice]]\nid = "ok"\nlabel = "OK"\n'
    )
    (user / "orphan").mkdir()
    (user / "orphan" / "pack.toml").write_text('[pack]\nid = "orphan"\nname = "Orphan"\ndepends = ["nowhere"]\n')
    monkeypatch.setenv("CITIZEN_CONTENT", str(builtin))
    monkeypatch.setenv("CITIZEN_PACKS", str(user))
    return tmp_path


def listing(capsys, *argv: str) -> dict[str, dict]:
    assert main(["packs", "--json", *argv]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert all(set(row) >= KEYS for row in rows)
    return {row["id"]: row for row in rows}


def test_lists_builtin_and_user_packs_with_counts(installed: Path, capsys) -> None:
    rows = listing(capsys)
    assert list(rows) == ["mini", "sim", "addon", "orphan"]
    assert {k: rows["sim"][k] for k in KEYS} == {
        "id": "sim",
        "version": "1.0.0",
        "languages": ["en"],
        "events": 5,
        "rules": 2,
        "scenarios": 2,
        "valid": True,
    }
    assert rows["mini"]["where"] == "built-in" and rows["addon"]["where"] == "user"
    assert rows["addon"]["languages"] == ["en", "sv"] and rows["addon"]["events"] == 1
    assert rows["addon"]["valid"] is True  # validated together with mini, which it needs
    assert rows["orphan"]["valid"] is False and rows["orphan"]["errors"] == 1


def test_pack_option_adds_a_folder(installed: Path, capsys, write_pack) -> None:
    folder = write_pack("broken", {"a.toml": "[stats.x]\nnmae = 'X'\n"})
    rows = listing(capsys, "--pack", str(folder))
    assert rows["broken"]["where"] == "extra" and rows["broken"]["valid"] is False


def test_table_and_bad_path(installed: Path, capsys) -> None:
    assert main(["packs"]) == 0
    out = capsys.readouterr().out
    assert "addon" in out and "2.0.0" in out and "en, sv" in out and "no (1)" in out
    assert main(["packs", "--pack", str(installed / "nothing")]) == 2
    assert "no pack.toml" in capsys.readouterr().err


def test_packs_with_no_packs_found_is_an_error(tmp_path, monkeypatch, capsys) -> None:
    """An install without its packs must not look like success."""
    from game.cli import main

    empty = tmp_path / "empty"
    empty.mkdir()
    monkeypatch.setenv("CITIZEN_CONTENT", str(empty))
    monkeypatch.setenv("CITIZEN_PACKS", str(tmp_path / "none"))
    assert main(["packs"]) == 1
    assert "no packs found" in capsys.readouterr().err
