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


def _runtime_imports(tree: ast.AST) -> list[str]:
    """The modules ``tree`` imports when it runs (imports under ``if TYPE_CHECKING:`` are for the type checker only)."""
    found: list[str] = []
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING":
            found += [name for child in node.orelse for name in _runtime_imports(ast.Module([child], []))]
            continue
        if isinstance(node, ast.ImportFrom) and node.module:
            found.append(node.module)
        elif isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        found += _runtime_imports(node)
    return found


def test_no_tui_module_reaches_past_the_play_layer_at_run_time():
    """The TUI drives a life through game.play: it never imports the save layer, nor the engine's Life but for types."""
    offenders = [
        f"{path.relative_to(TUI)}: {module}"
        for path in sorted(TUI.rglob("*.py"))
        for module in _runtime_imports(ast.parse(path.read_text(encoding="utf-8")))
        if module == "game.engine.life" or module == "game.saves" or module.startswith("game.saves.")
    ]
    assert offenders == []
