"""Key descriptions that know their string key, so the footer and the palette follow a language switch.

Textual reads a screen's ``BINDINGS`` when the class is made; :func:`label` gives a description that
carries its key (and format arguments), and :func:`relabel` rebuilds every binding of the game's
screens in the language now spoken (the title screen's language switch calls it).
"""

from __future__ import annotations

import dataclasses

from textual.app import App
from textual.binding import Binding
from textual.dom import DOMNode

from game.strings import S


class Label(str):
    """A binding's description, with the key of :data:`game.strings.S` it was made from."""

    key: str
    args: dict[str, object]


def label(key: str, **args: object) -> Label:
    """``S[key]`` (formatted with ``args``) as a :class:`Label`."""
    text = Label(S[key].format(**args) if args else S[key])
    text.key, text.args = key, args
    return text


def _classes(root: type) -> list[type]:
    found: list[type] = []
    todo: list[type] = [root]
    while todo:
        sub: type
        for sub in todo.pop().__subclasses__():
            found.append(sub)
            todo.append(sub)
    return found


def relabel(app: App[int]) -> None:
    """Every binding made with :func:`label` in the language now spoken: in the classes of the game and in the
    screens and app that already run."""
    game = [c for c in _classes(DOMNode) if c.__module__.startswith("game.")]
    # Textual keeps the merged bindings per class (made when the class is) and a copy per running node
    for cls in game:
        if "BINDINGS" in cls.__dict__:
            setattr(cls, "BINDINGS", [_again(b) for b in cls.__dict__["BINDINGS"]])  # noqa: B010
    for cls in game:
        setattr(cls, "_merged_bindings", getattr(cls, "_merge_bindings")())  # noqa: B009, B010
    if not app.is_running:
        return
    for node in [app, *app.screen_stack]:
        merged = getattr(type(node), "_merged_bindings", None)
        if merged is not None:
            node._bindings = merged.copy()
    app.refresh_bindings()


def _again(binding: object) -> object:
    if isinstance(binding, Binding) and isinstance(binding.description, Label):
        return dataclasses.replace(binding, description=label(binding.description.key, **binding.description.args))
    return binding
