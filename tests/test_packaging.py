"""The wheel ships the whole game: every package and every built-in pack file."""

from __future__ import annotations

import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _declared_packages() -> list[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return list(config["tool"]["setuptools"]["packages"])


def test_every_package_folder_is_declared() -> None:
    """pyproject.toml lists packages by name; a new folder under game/ must be added there."""
    on_disk = {
        ".".join(folder.relative_to(ROOT).parts)
        for folder in [ROOT / "game", *(ROOT / "game").rglob("*")]
        if folder.is_dir() and folder.name != "__pycache__" and any(folder.glob("*.py"))
    }
    missing = on_disk - set(_declared_packages())
    assert not missing, f"add these to [tool.setuptools] packages in pyproject.toml: {sorted(missing)}"


@pytest.mark.slow
def test_wheel_contains_every_builtin_pack_file(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", str(ROOT), "-w", str(tmp_path)],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("aaa_citizen-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    content = ROOT / "content"
    expected = {"game/builtin_content/" + path.relative_to(content).as_posix() for path in content.rglob("*") if path.is_file()}
    assert expected, "no built-in pack files found in content/"
    assert expected <= names, f"missing from the wheel: {sorted(expected - names)[:10]}"
    assert "game/cli.py" in names
    assert any(name.endswith(".tcss") for name in names)
    templates = ROOT / "game" / "reports" / "templates"
    shipped = {"game/reports/templates/" + path.name for path in templates.iterdir() if path.is_file()}
    assert shipped and shipped <= names, f"debrief templates missing from the wheel: {sorted(shipped - names)}"
