"""Which pack folders to load for the packs a writer names: those packs and what they depend on.

Every command that takes a pack (``validate P``, ``simulate --pack P``,
``play --pack P``, a workshop's ``packs``) asks :func:`with_dependencies`, so
they all load the same set: the named packs first in their own right, and each
``depends`` found among the installed packs (built-in, then the user's packs
folder) unless a named folder has that id. Only ``pack.toml`` is read here; a
dependency that is nowhere to be found is left out, and loading then reports it
with its file and line.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import tomli

from game import paths
from game.packs.loader import discover_packs
from game.packs.reader import MAX_FILE_BYTES


@dataclass(frozen=True)
class Manifest:
    """The id and dependencies of one pack folder, from its pack.toml."""

    folder: Path
    id: str
    depends: tuple[str, ...]


def read_manifest(folder: Path) -> Manifest:
    """Read ``[pack]`` of ``folder/pack.toml``; a broken manifest gives the folder's name and no dependencies
    (loading the folder reports what is wrong with it)."""
    meta: object = {}
    manifest = folder / "pack.toml"
    try:
        if manifest.stat().st_size <= MAX_FILE_BYTES:
            meta = tomli.loads(manifest.read_bytes().decode("utf-8-sig")).get("pack", {})
    except (OSError, UnicodeDecodeError, tomli.TOMLDecodeError, RecursionError):
        meta = {}
    if not isinstance(meta, dict):
        meta = {}
    raw_id = meta.get("id")
    pack_id = raw_id if isinstance(raw_id, str) else folder.name
    raw = meta.get("depends")
    depends = tuple(d for d in raw if isinstance(d, str)) if isinstance(raw, list) else ()
    return Manifest(folder, pack_id, depends)


def installed_roots() -> list[Path]:
    """Where installed packs live: the built-in packs, then the user's packs folder."""
    roots = [paths.builtin_content()]
    user = paths.user_packs()
    if user.is_dir():
        roots.append(user)
    return roots


def installed() -> dict[str, Manifest]:
    """Every installed pack by id; the first found wins (built-in before the user's)."""
    found: dict[str, Manifest] = {}
    for folder in discover_packs(installed_roots()):
        manifest = read_manifest(folder)
        found.setdefault(manifest.id, manifest)
    return found


def with_dependencies(named: Iterable[Path]) -> list[Path]:
    """The folders under ``named`` and every installed pack they depend on (directly or not), dependencies first.

    ``named`` may hold pack folders and folders of packs; a path that is neither
    is kept as it is, so that loading reports it.
    """
    named = [Path(p) for p in named]
    folders = discover_packs(named)
    kept_as_is = [p for p in named if not (p / "pack.toml").is_file() and not any(p.glob("*/pack.toml"))]
    wanted = [read_manifest(f) for f in folders]
    by_id: dict[str, Manifest] = {m.id: m for m in reversed(wanted)}  # a named folder wins over an installed copy
    available: dict[str, Manifest] | None = None
    out: list[Path] = []
    done: set[str] = set()

    def visit(manifest: Manifest) -> None:
        nonlocal available
        if manifest.id in done:
            return
        done.add(manifest.id)
        for dep in manifest.depends:
            if dep not in by_id:
                if available is None:
                    available = installed()
                if dep not in available:
                    continue
                by_id[dep] = available[dep]
            visit(by_id[dep])
        out.append(manifest.folder)

    for manifest in wanted:
        visit(manifest)
    for folder in folders:  # two folders with one id: keep both, so loading names the clash
        if folder not in out:
            out.append(folder)
    return [*kept_as_is, *out]
