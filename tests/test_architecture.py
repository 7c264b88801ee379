"""The layer contracts and the types hold: import-linter and mypy run as part of the suite."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import grimp
from importlinter.cli import lint_imports

ROOT = Path(__file__).resolve().parent.parent


def test_import_contracts_are_kept() -> None:
    """The contracts in pyproject.toml ([tool.importlinter]): engine at the bottom, front ends on top."""
    assert lint_imports(config_filename=str(ROOT / "pyproject.toml"), no_cache=True, no_logo=True) == 0


def test_the_engine_imports_only_the_standard_library() -> None:
    graph = grimp.build_graph("game", include_external_packages=True)
    engine = {m for m in graph.modules if m == "game.engine" or m.startswith("game.engine.")}
    outside = {
        imported.split(".")[0] if not imported.startswith("game.") else imported
        for module in engine
        for imported in graph.find_modules_directly_imported_by(module)
        if imported not in engine
    }
    assert sorted(m for m in outside if m.startswith("game") or m not in sys.stdlib_module_names) == []


def test_mypy_finds_no_errors() -> None:
    """mypy as configured in pyproject.toml ([tool.mypy]: strict on engine, packs, play and saves)."""
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--no-error-summary", "--cache-dir", str(ROOT / ".mypy_cache")],
        cwd=ROOT, capture_output=True, text=True, timeout=900,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
