"""The packs a user has: built-in, the user's packs folder, and folders named on the command line.

Used by ``citizen packs`` (the list) and by ``citizen simulate --pack`` (a pack
plus the installed packs it depends on). Reading goes through the loader's own
reader; nothing here parses TOML itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from game import paths
from game.packs.loader import discover_packs
from game.packs.problems import Problems
from game.packs.reader import read_pack


@dataclass(frozen=True)
class PackEntry:
    """One pack folder as found, before layering."""

    path: Path
    where: str  # "built-in", "user" or "extra"
    id: str
    name: str
    version: str
    languages: tuple[str, ...]
    depends: tuple[str, ...]
    events: int
    rules: int
    scenarios: tuple[str, ...]
    read_errors: int


def read_entry(folder: Path, where: str) -> PackEntry:
    """Read one pack folder (errors are counted, not raised)."""
    problems = Problems()
    source = read_pack(folder, problems)
    meta = source.meta
    return PackEntry(
        path=folder,
        where=where,
        id=source.id,
        name=meta.name if meta else "",
        version=meta.version if meta else "",
        languages=tuple(meta.languages) if meta else (),
        depends=tuple(meta.depends) if meta else (),
        events=len(source.events),
        rules=len(source.sections.get("rules", {})),
        scenarios=tuple(source.sections.get("scenarios", {})),
        read_errors=len(problems.errors),
    )


def find_packs(extra: list[Path] | None = None) -> list[PackEntry]:
    """Every pack folder: built-in first, then the user's packs folder, then ``extra``."""
    roots: list[tuple[Path, str]] = [(paths.builtin_content(), "built-in")]
    user = paths.user_packs()
    if user.is_dir():
        roots.append((user, "user"))
    roots.extend((Path(p), "extra") for p in extra or [])
    entries: list[PackEntry] = []
    seen: set[Path] = set()
    for root, where in roots:
        for folder in discover_packs([root]):
            if folder.resolve() not in seen:
                seen.add(folder.resolve())
                entries.append(read_entry(folder, where))
    return entries


def with_dependencies(wanted: list[PackEntry], available: list[PackEntry]) -> list[Path]:
    """The folders of ``wanted`` and of every pack they depend on (directly or not), dependencies first.

    A dependency that is not installed is left out; loading then reports it
    with its file and line.
    """
    by_id: dict[str, PackEntry] = {}
    for entry in available:
        by_id.setdefault(entry.id, entry)
    for entry in wanted:
        by_id[entry.id] = entry  # the folder named on the command line wins over an installed copy
    out: list[Path] = []
    done: set[str] = set()

    def visit(entry: PackEntry) -> None:
        if entry.id in done:
            return
        done.add(entry.id)
        for dep in entry.depends:
            if dep in by_id:
                visit(by_id[dep])
        out.append(entry.path)

    for entry in wanted:
        visit(entry)
    return out
