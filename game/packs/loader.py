"""The loader's front door: find pack folders, read them, layer them, compile them.

:func:`load_content` fails fast with :class:`PackError`; :func:`validate`
collects every problem instead (the ``citizen validate`` behaviour).
"""

from __future__ import annotations

import gc
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from game.packs import content_cache
from game.packs.cache import cache_folder
from game.packs.problems import PackError, Problem, Problems
from game.packs.reader import display_path

if TYPE_CHECKING:
    from game.engine.content import Content
    from game.packs.layers import Layered


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


def validate(
    paths: Iterable[Path], *, language: str | None = None, check_translations: bool = False, warnings: bool = True
) -> tuple[Content | None, list[Problem]]:
    """Read and check the packs under ``paths``; return the content (if no errors) and every problem
    (without warnings when ``warnings`` is false).

    ``language``: put the packs' translations into that language (``game.packs.translations``;
    a missing or stale one leaves the source text). ``check_translations``: also report the
    problems of every translation file (``citizen validate``).

    The cyclic garbage collector is paused while loading: the loader makes many
    objects and few cycles, and the collector's passes over them took more than
    half of the load time. (Freezing them out of its sight afterwards was
    tried, and leaked every load's cyclic garbage: see docs/performance.md.)
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        content, problems, _layered = inspect(paths, language=language, check_translations=check_translations, warnings=warnings)
        return content, problems
    finally:
        if was_enabled:
            gc.enable()


def inspect(
    paths: Iterable[Path], *, language: str | None = None, check_translations: bool = False, warnings: bool = True
) -> tuple[Content | None, list[Problem], Layered]:
    """Like :func:`validate`, and also every declaration with its origin (for ``citizen ids`` and the language server)."""
    from game.packs.build import Builder  # the build path: a load from the compiled-content cache needs none of it
    from game.packs.cache import read_pack
    from game.packs.layers import layer, order_packs
    from game.packs.reliability import check_reliability
    from game.paths import is_shipped

    problems = Problems(keep_warnings=warnings)
    folders = discover_packs(paths, problems)
    sources = [read_pack(folder, problems) for folder in folders]
    ordered = order_packs(sources, problems)
    layered = layer(ordered, problems)
    if check_translations:
        from game.packs.translations import check_all

        check_all(layered, problems)
    if language and any(p.meta and language not in p.meta.languages[:1] for p in ordered):
        from game.packs.translations import apply

        apply(layered, language)
    content = Builder(layered, problems).build()
    check_reliability(layered, problems, frozenset(s.id for s in ordered if is_shipped(s.path)))
    problems.fold()
    return (None if problems.errors else content), problems.items, layered


def load_content(paths: Iterable[Path], language: str | None = None) -> Content:
    """Load the packs under ``paths`` for play, in ``language`` (default: the game's, ``game.strings.language()``)
    where their translations have it.

    Unchanged packs come from the compiled-content cache (:mod:`game.packs.content_cache`);
    a load without errors is kept there.

    Raises:
        PackError: if any pack has an error; it lists every problem.
    """
    if language is None:
        from game.strings import language as current

        language = current()
    paths = list(paths)
    key = content_cache.key_of(discover_packs(paths), language) if cache_folder() is not None else None
    cached = content_cache.load(key) if key else None
    if cached is not None:
        return cached
    was_enabled = gc.isenabled()
    gc.disable()  # as in validate()
    try:
        content, problems, layered = inspect(paths, language=language, warnings=False)  # play shows no warnings
        if content is not None and key:
            from game.packs.build import names_of

            content_cache.store(key, content, names_of(layered))
    finally:
        if was_enabled:
            gc.enable()
    if content is None:
        raise PackError([p for p in problems if p.severity == "error"])
    return content
