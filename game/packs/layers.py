"""Order packs by their dependencies and layer them into one set of declarations.

A later pack overrides an earlier one by id, but only if it depends on it
(directly or not): two unrelated packs declaring the same id is a collision.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from game import paths
from game.packs.problems import Problems
from game.packs.reader import Item, PackSource, display_path

SINGULAR = {
    "stats": "stat",
    "privileges": "privilege",
    "systems": "score system",
    "acts": "act",
    "rules": "rule",
    "lists": "list",
    "characters": "character",
    "settings": "setting",
    "cities": "city",
    "scenarios": "scenario",
}
"""How messages name one item of each section."""


@dataclass
class Layered:
    """All declarations after layering, each with its origin."""

    packs: list[PackSource]
    sections: dict[str, dict[str, Item]] = field(default_factory=dict)
    events: dict[str, Item] = field(default_factory=dict)
    daily: dict[str, Item] = field(default_factory=dict)


def order_packs(sources: list[PackSource], problems: Problems) -> list[PackSource]:
    """Topological order by ``depends``; missing and circular dependencies are errors."""
    by_id: dict[str, PackSource] = {}
    for source in sources:
        if source.meta is None:
            continue
        if source.id in by_id:
            other = by_id[source.id]
            problems.error(
                source.meta_origin.file if source.meta_origin else display_path(source.path),
                source.meta_origin.line if source.meta_origin else 0,
                f"pack id '{source.id}' is also used by {display_path(other.path)}; give one of them another id",
            )
            continue
        by_id[source.id] = source
    ordered: list[PackSource] = []
    state: dict[str, str] = {}
    for source in sources:
        if source.meta is not None and by_id.get(source.id) is source:
            _visit(source.id, [], by_id, state, ordered, problems)
    return ordered


def _visit(
    pack_id: str,
    chain: list[str],
    by_id: dict[str, PackSource],
    state: dict[str, str],
    ordered: list[PackSource],
    problems: Problems,
) -> None:
    """Put ``pack_id`` after its dependencies. (Not a closure: one that calls itself is a reference cycle, which kept
    every pack read alive until the collector's next full pass.)"""
    if state.get(pack_id) == "done":
        return
    source = by_id[pack_id]
    if state.get(pack_id) == "visiting":
        cycle = " → ".join([*chain[chain.index(pack_id) :], pack_id])
        origin = source.meta_origin
        problems.error(origin.file if origin else "", origin.at("depends") if origin else 0, f"circular depends: {cycle}")
        return
    state[pack_id] = "visiting"
    for dep in source.meta.depends if source.meta else []:
        if dep not in by_id:
            origin = source.meta_origin
            missing = problems.error(
                origin.file if origin else "",
                origin.at("depends") if origin else 0,
                f"pack '{pack_id}' depends on '{dep}', which is not installed: put its folder in the user packs "
                f"folder ({display_path(paths.user_packs())}) or name it beside this pack, or remove the dependency",
            )
            problems.lost_packs.setdefault(display_path(source.path) + os.sep, missing)
            continue
        _visit(dep, [*chain, pack_id], by_id, state, ordered, problems)
    state[pack_id] = "done"
    ordered.append(source)


def ancestors(ordered: list[PackSource]) -> dict[str, set[str]]:
    """Each pack id → every pack it depends on, directly or not."""
    deps: dict[str, set[str]] = {}
    for source in ordered:  # dependencies come first, so theirs are known
        seen: set[str] = set()
        for dep in source.meta.depends if source.meta else []:
            seen.add(dep)
            seen |= deps.get(dep, set())
        deps[source.id] = seen
    return deps


def layer(ordered: list[PackSource], problems: Problems) -> Layered:
    """Merge packs in order; report collisions between unrelated packs."""
    ancestors_of = ancestors(ordered)
    result = Layered(ordered)

    def put(table: dict[str, Item], key: str, item: Item, what: str) -> None:
        previous = table.get(key)
        says_override = bool(getattr(item.value, "override", False))
        if previous is not None and previous.pack not in ancestors_of.get(item.pack, set()):
            problems.error(
                item.origin.file,
                item.origin.line,
                f"{what} '{key}' is also declared by pack '{previous.pack}' ({previous.origin.file}:{previous.origin.line}); "
                f"rename it, or make pack '{item.pack}' depend on '{previous.pack}' to override it",
            )
            return
        if previous is not None and not says_override:
            problems.error(
                item.origin.file,
                item.origin.line,
                f"{what} '{key}' replaces the one of pack '{previous.pack}' ({previous.origin.file}:{previous.origin.line}): "
                "add override = true if you mean to replace it, or give yours another id",
            )
        elif previous is None and says_override:
            problems.warning(
                item.origin.file,
                item.origin.at("override"),
                f"{what} '{key}' says override = true, but no pack it depends on declares '{key}': remove override",
            )
        table[key] = item

    for source in ordered:
        for section, entries in source.sections.items():
            table = result.sections.setdefault(section, {})
            for key, item in entries.items():
                item.pack = source.id
                put(table, key, item, SINGULAR.get(section, section))
        for kind, items, listed in (("event", source.events, result.events), ("daily rule", source.daily, result.daily)):
            seen: dict[str, Item] = {}
            for item in items:
                item.pack = source.id
                if item.value.id in seen:
                    first = seen[item.value.id].origin
                    problems.error(
                        item.origin.file,
                        item.origin.line,
                        f"{kind} id '{item.value.id}' is used twice in this pack (first at {first.file}:{first.line})",
                    )
                    continue
                seen[item.value.id] = item
                put(listed, item.value.id, item, kind)
    return result
