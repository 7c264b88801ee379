"""The loader's front door: find pack folders, read them, layer them, compile them.

:func:`load_content` fails fast with :class:`PackError`; :func:`validate`
collects every problem instead (the ``citizen validate`` behaviour).
"""

from __future__ import annotations

import gc
from collections.abc import Iterable
from pathlib import Path

from game.engine.content import Content
from game.packs.build import Builder
from game.packs.cache import read_pack
from game.packs.layers import Layered, layer, order_packs
from game.packs.problems import PackError, Problem, Problems
from game.packs.reader import display_path
from game.packs.reliability import check_reliability
from game.paths import is_shipped


def discover_packs(paths: Iterable[Path], problems: Problems | None = None) -> list[Path]:
    """Pack folders under ``paths``: each path is a pack (has pack.toml) or a folder of packs."""
    found: list[Path] = []
    for path in paths:
        path = Path(path)
        if (path / "pack.toml").is_file():
            found.append(path)
        elif path.is_dir():
            children = sorted(p.parent for p in path.glob("*/pack.toml"))
            if not children and problems is not None:
                problems.error(display_path(path), 0, "no packs here: expected pack.toml in this folder or its subfolders")
            found.extend(children)
        elif problems is not None:
            problems.error(display_path(path), 0, "no such pack folder")
    unique: list[Path] = []
    for p in found:
        if p.resolve() not in {u.resolve() for u in unique}:
            unique.append(p)
    return unique


def validate(paths: Iterable[Path]) -> tuple[Content | None, list[Problem]]:
    """Read and check the packs under ``paths``; return the content (if no errors) and every problem.

    The cyclic garbage collector is paused while loading: the loader makes many
    objects and few cycles, and the collector's passes over them took more than
    half of the load time. (Freezing them out of its sight afterwards was
    tried, and leaked every load's cyclic garbage: see docs/performance.md.)
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _validate(paths)
    finally:
        if was_enabled:
            gc.enable()


def _validate(paths: Iterable[Path]) -> tuple[Content | None, list[Problem]]:
    content, problems, _layered = inspect(paths)
    return content, problems


def inspect(paths: Iterable[Path]) -> tuple[Content | None, list[Problem], Layered]:
    """Like :func:`validate`, and also every declaration with its origin (for ``citizen ids`` and the language server)."""
    problems = Problems()
    folders = discover_packs(paths, problems)
    sources = [read_pack(folder, problems) for folder in folders]
    ordered = order_packs(sources, problems)
    layered = layer(ordered, problems)
    content = Builder(layered, problems).build()
    check_reliability(layered, problems, frozenset(s.id for s in ordered if is_shipped(s.path)))
    problems.fold()
    return (None if problems.errors else content), problems.items, layered


def load_content(paths: Iterable[Path]) -> Content:
    """Load the packs under ``paths`` for play.

    Raises:
        PackError: if any pack has an error; it lists every problem.
    """
    content, problems = validate(paths)
    if content is None:
        raise PackError([p for p in problems if p.severity == "error"])
    return content
