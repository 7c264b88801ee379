"""The TUI's shell stays a shell: screens ask the app through typed messages or actions, never untyped calls."""

from __future__ import annotations

import ast
from pathlib import Path

from game.engine.content import Content

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


PLAIN = TUI.parent / "tools" / "plain.py"


def test_no_front_end_reaches_past_the_play_layer_at_run_time():
    """The TUI and the plain mode drive a life through game.play: no save layer, and the engine only for types."""
    offenders = [
        f"{path.relative_to(TUI.parent)}: {module}"
        for path in [*sorted(TUI.rglob("*.py")), PLAIN]
        for module in _runtime_imports(ast.parse(path.read_text(encoding="utf-8")))
        if module in ("game.engine", "game.saves") or module.startswith(("game.engine.", "game.saves."))
    ]
    assert offenders == []


def test_the_plain_game_chooses_only_through_the_session():
    """No ``.choose(`` in plain mode but the session's, and no ``life.prompt()``: it renders game.play's views."""
    tree = ast.parse(PLAIN.read_text(encoding="utf-8"))
    calls = [ast.unparse(node.func) for node in ast.walk(tree) if isinstance(node, ast.Call)]
    assert [c for c in calls if c.endswith((".choose", ".prompt")) and c != "self.session.choose"] == []


APP_LINES_LIMIT = 150


def test_the_app_shell_stays_under_150_lines():
    """New requests go into messages.Ask and tui/routes.py, new flows into a helper: app.py only routes."""
    lines = len((TUI / "app.py").read_text(encoding="utf-8").splitlines())
    assert lines < APP_LINES_LIMIT, f"game/tui/app.py has {lines} lines; move the new work into a helper it routes to"


def _screen_bindings() -> list[tuple[str, str]]:
    """(screen module, binding action) for every Binding/ask_key written in a screen or widget module."""
    found = []
    for path in sorted(TUI.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and ast.unparse(node.func) in ("Binding", "ask_key") and len(node.args) >= 2:
                found.append((str(path.relative_to(TUI)), ast.unparse(node.func) + ":" + ast.unparse(node.args[1])))
    return found


def test_screens_ask_the_app_by_message_not_by_its_actions():
    """A screen's key asks with ask_key (a Request the app routes); ``app.X`` names only Textual's own App actions."""
    from textual.app import App

    offenders = []
    for module, action in _screen_bindings():
        kind, _, text = action.partition(":")
        name = text.strip("'\"").split("(")[0]
        if kind == "Binding" and name.startswith("app.") and not hasattr(App, "action_" + name.removeprefix("app.")):
            offenders.append(f"{module}: {text}")
        if kind == "Binding" and name == "ask":
            offenders.append(f"{module}: {text} (use ask_key)")
    assert offenders == []


def _asking_screens() -> list[type]:
    """Every screen class in game/tui/screens with a key that asks the app (an ``ask(...)`` action)."""
    import importlib
    import inspect

    from textual.binding import Binding
    from textual.screen import Screen

    from game.tui.messages import Ask

    found = []
    for path in sorted((TUI / "screens").glob("*.py")):
        module = importlib.import_module(f"game.tui.screens.{path.stem}")
        for _name, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, Screen) and cls.__module__ == module.__name__:
                bindings = [b for b in cls.BINDINGS if isinstance(b, Binding)]
                if any(Ask.of_action(b.action) for b in bindings):
                    found.append(cls)
    return found


def test_every_request_has_a_route_and_every_asking_screen_can_ask(mini: Content) -> None:
    from game.tui.messages import Ask, AsksTheApp
    from game.tui.run import make_app

    assert set(make_app(mini).routes) == set(Ask)
    screens = _asking_screens()
    assert {cls.__name__ for cls in screens} >= {"TitleScreen", "DayScreen", "EndScreen"}
    assert [cls.__name__ for cls in screens if not issubclass(cls, AsksTheApp)] == []


async def test_a_key_on_a_screen_reaches_its_route_through_one_message(mini: Content) -> None:
    """Each asking key of the day screen, pressed, arrives at the app's route as its Request (and nowhere else)."""
    from textual.binding import Binding

    from game.engine.state import Setup
    from game.tui.messages import Ask
    from game.tui.run import make_app
    from game.tui.screens.day import DayScreen

    app = make_app(mini, Setup("life", 1), start=True)
    asked: list[Ask] = []
    app.routes = {ask: (lambda ask=ask: asked.append(ask)) for ask in Ask}
    keys = {b.key: ask for b in DayScreen.BINDINGS if isinstance(b, Binding) and (ask := Ask.of_action(b.action))}
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, DayScreen)
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        await pilot.press("f1", "ctrl+t")
        await pilot.pause()
    assert asked == [*keys.values(), Ask.HELP, Ask.THEME]
