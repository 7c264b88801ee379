"""The TUI's shell stays a shell: screens ask the app through typed messages or actions, never untyped calls."""

from __future__ import annotations

import ast
from pathlib import Path

TUI = Path(__file__).resolve().parents[1] / "game" / "tui"


def test_no_screen_or_widget_calls_the_app_past_the_type_checker():
    offenders = [
        f"{path.relative_to(TUI)}:{number}"
        for path in sorted(TUI.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if "type: ignore[attr-defined]" in line
    ]
    assert offenders == []


def test_no_tui_module_is_mixed_into_the_app():
    """The app's helpers are plain objects it owns: CitizenApp's only base is Textual's App."""
    tree = ast.parse((TUI / "app.py").read_text(encoding="utf-8"))
    (app,) = [node for node in tree.body if isinstance(node, ast.ClassDef) and node.name == "CitizenApp"]
    assert [ast.unparse(base) for base in app.bases] == ["App[int]"]
