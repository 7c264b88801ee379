"""The UI string table and the code agree: every key used exists, every key is used.

A key is used when the code (or a report template, as ``S.key``) names it as a string (``S["key"]``, or the key kept in a
table or picked by a condition); keys built at run time (``"cause_" + kind``) count
by their prefix.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from game.strings import PLURALS, S

GAME = Path(__file__).resolve().parent.parent / "game"


def _is_table(node: ast.expr) -> bool:
    return isinstance(node, ast.Name) and node.id == "S"


def _scan() -> tuple[set[str], set[str], set[str]]:
    """(every string constant, every literal key looked up in S, every prefix of a key built at run time)."""
    constants: set[str] = set()
    looked_up: set[str] = set()
    prefixes: set[str] = set()
    for path in GAME.rglob("*.py"):
        if path.name == "strings.py" and path.parent == GAME:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            key: ast.expr | None = None
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                constants.add(node.value)
            if isinstance(node, ast.Subscript) and _is_table(node.value):
                key = node.slice
            elif (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and _is_table(node.func.value)
                and node.func.attr == "get"
                and node.args
            ):
                key = node.args[0]
            if isinstance(key, ast.Constant) and isinstance(key.value, str):
                looked_up.add(key.value)
            elif isinstance(key, ast.BinOp) and isinstance(key.left, ast.Constant) and isinstance(key.left.value, str):
                prefixes.add(key.left.value)
            elif isinstance(key, ast.JoinedStr) and key.values and isinstance(key.values[0], ast.Constant):
                prefixes.add(str(key.values[0].value))
    for path in GAME.rglob("*.j2"):  # the report templates: S.key, and keys quoted in S[...]
        text = path.read_text(encoding="utf-8")
        named = re.findall(r"\bS\.([a-z_0-9]+)", text)
        looked_up.update(named)
        constants.update(named, re.findall(r'"([a-z_0-9]+)"', text))
    return constants, looked_up, prefixes


def test_every_key_looked_up_is_in_the_table() -> None:
    _constants, looked_up, _prefixes = _scan()
    assert sorted(looked_up - set(S)) == []


def test_every_key_in_the_table_is_used() -> None:
    constants, _looked_up, prefixes = _scan()
    unused = [k for k in [*S, *PLURALS] if k not in constants and not any(k.startswith(p) for p in prefixes)]
    assert unused == [], "keys in game/strings.py that no code uses"


def test_every_plural_asked_for_is_in_the_plural_table() -> None:
    """``plural("key", n)`` names a key of PLURALS (the forms for one and for more)."""
    asked = set()
    for path in GAME.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            is_plural = isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "plural"
            if is_plural and node.args and isinstance(node.args[0], ast.Constant):  # type: ignore[attr-defined]
                asked.add(node.args[0].value)  # type: ignore[attr-defined]
    assert asked and asked <= set(PLURALS)
