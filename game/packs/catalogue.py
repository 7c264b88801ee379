"""Every id the loaded packs offer, with its display name, origin and a one-line summary.

One catalogue serves ``citizen ids``, ``docs/core-reference.md``, the id enums
of ``citizen schema --ids`` and the language server's completion, hover and
go-to-definition, so they always agree. Built from the layered declarations
(see :func:`game.packs.loader.inspect`), which keep each item's file and line.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

from game.packs import schema
from game.packs.layers import Layered
from game.packs.reader import Item

KINDS = (
    "stats",
    "privileges",
    "systems",
    "tiers",
    "acts",
    "rules",
    "lists",
    "characters",
    "settings",
    "cities",
    "events",
    "scenarios",
    "flags",
    "goals",
)
"""The kinds of id, in the order they are listed."""


@dataclass(frozen=True)
class Entry:
    """One id: what it is called, where it is declared, and what it does in a line."""

    kind: str
    id: str
    name: str
    pack: str
    file: str  # as the loader showed it
    line: int
    where: str  # "core/acts.toml:115": stable, relative to the pack's parent folder
    detail: str = ""
    source: str = ""
    reliability: str = ""


@dataclass
class Catalogue:
    """Entries by kind, then by id."""

    entries: dict[str, dict[str, Entry]] = field(default_factory=lambda: {k: {} for k in KINDS})

    def of(self, kind: str) -> dict[str, Entry]:
        return self.entries.get(kind, {})

    def find(self, ident: str) -> list[Entry]:
        """Every entry with this id, of any kind."""
        return [e[ident] for e in self.entries.values() if ident in e]

    def packs(self) -> set[str]:
        return {e.pack for kind in self.entries.values() for e in kind.values()}


def _n(value: float) -> str:
    """A number as a writer would type it: 1000000, not 1e+06."""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _number(value: Any) -> str:
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int | float):
        return f"{value:+g}"
    return f"= {value}"


def _points(rule: schema.RuleDef) -> str:
    limits = []
    if rule.cooldown:
        limits.append(f"every {rule.cooldown} days at most")
    if rule.limit:
        limits.append(f"{rule.limit} times" + (f" per {rule.limit_days} days" if rule.limit_days else ""))
    if rule.reported_only:
        limits.append("reported only")
    return _number(rule.points) + (f" ({', '.join(limits)})" if limits else "")


class _Builder:
    def __init__(self, layered: Layered) -> None:
        self.layered = layered
        self.folders = {s.id: os.path.abspath(s.path) for s in layered.packs}
        self.catalogue = Catalogue()

    def where(self, item: Item, line: int | None = None) -> str:
        folder = self.folders.get(item.pack)
        absolute = os.path.abspath(item.origin.file)
        shown = os.path.relpath(absolute, os.path.dirname(folder)) if folder else item.origin.file
        return f"{shown.replace(os.sep, '/')}:{item.origin.line if line is None else line}"

    def add(self, kind: str, ident: str, item: Item, name: str, detail: str = "", line: int | None = None) -> None:
        value = item.value
        self.catalogue.entries[kind][ident] = Entry(
            kind,
            ident,
            name,
            item.pack,
            item.origin.file,
            item.origin.line if line is None else line,
            self.where(item, line),
            detail,
            getattr(value, "source", "") or "",
            getattr(value, "reliability", "") or "",
        )

    def build(self) -> Catalogue:
        sections = self.layered.sections
        rules_by_act: dict[str, list[str]] = {}
        for key, item in sections.get("rules", {}).items():
            system, rule = key.split(".", 1)
            rules_by_act.setdefault(rule, []).append(f"{system} {_points(item.value)}")
        grants: dict[str, list[str]] = {}
        for key, item in sections.get("systems", {}).items():
            v = item.value
            tiers = sorted(v.tiers, key=lambda t: -t.min)
            self.add(
                "systems",
                key,
                item,
                v.name,
                f"{_n(v.min)}–{_n(v.max)}, starts at {_n(v.start)}, {v.visibility}; grades " + ", ".join(t.id for t in tiers),
            )
            for t in tiers:
                changes = [f"grants {', '.join(t.grant)}"] if t.grant else []
                changes += [f"grants from here up {', '.join(t.grant_up)}"] if t.grant_up else []
                changes += [f"revokes {', '.join(t.revoke)}"] if t.revoke else []
                self.add("tiers", f"{key}.{t.id}", item, t.name or t.id, "; ".join([f"from {_n(t.min)}", *changes]))
                for p in t.grant + t.grant_up:
                    grants.setdefault(p, []).append(f"{key} {t.id}{'+' if p in t.grant_up else ''}")
        for key, item in sections.get("stats", {}).items():
            v = item.value
            hidden = ", hidden" if v.hidden else ""
            unit = f" {v.unit}" if v.unit else ""
            self.add("stats", key, item, v.name, f"{_n(v.min)}–{_n(v.max)}, starts at {_n(v.start)}{unit}{hidden}")
        for key, item in sections.get("privileges", {}).items():
            v = item.value
            held = "held from the start" if v.default else "not held until granted"
            by = f"; granted by {', '.join(grants[key])}" if key in grants else ""
            self.add("privileges", key, item, v.name, held + by)
        for key, item in sections.get("acts", {}).items():
            v = item.value
            priced = "; ".join(rules_by_act.get(key, [])) or "no system prices it"
            self.add("acts", key, item, v.name, f"{v.category + ': ' if v.category else ''}{priced}")
        for key, item in sections.get("rules", {}).items():
            system, rule = key.split(".", 1)
            if rule in self.catalogue.entries["rules"]:
                continue
            act = sections.get("acts", {}).get(rule)
            name = item.value.name or (act.value.name if act else "") or rule.replace("_", " ").capitalize()
            self.add("rules", rule, item, name, "; ".join(rules_by_act[rule]))
        for key, item in sections.get("lists", {}).items():
            v = item.value
            self.add("lists", key, item, v.name, f"{v.kind} list{', public' if v.public else ''}")
        for key, item in sections.get("characters", {}).items():
            v = item.value
            scores = ", ".join(f"{s} {_n(n)}" for s, n in v.scores.items())
            self.add("characters", key, item, v.name, v.relation + (f"; {scores}" if scores else ""))
        for key, item in sections.get("settings", {}).items():
            d = item.value.default
            shown = str(d).lower() if isinstance(d, bool) else _n(d) if isinstance(d, int | float) else f'"{d}"'
            self.add("settings", key, item, item.value.name, f"default {shown}")
        for key, item in sections.get("cities", {}).items():
            self.add("cities", key, item, item.value.name)
        flags: dict[str, tuple[Item, list[str]]] = {}
        for key, item in self.layered.events.items():
            v = item.value
            parts = [f"when {v.when}"] if v.when else []
            if v.days:
                parts.append(f"days {v.days[0]}–{v.days[1]}")
            parts.append("choices " + ", ".join(ch.id for ch in v.choices))
            self.add("events", key, item, v.title, "; ".join(parts))
            for ch in v.choices:
                for block in (ch, *ch.outcomes):
                    for flag in block.flags:
                        flags.setdefault(flag, (item, []))[1].append(f"{key}/{ch.id}")
        for key, item in sections.get("scenarios", {}).items():
            v = item.value
            systems = ", ".join(v.systems) or "no system"
            self.add("scenarios", key, item, v.name, f"{v.days} days{' in ' + v.city if v.city else ''}; {systems}")
            for flag in v.flags:
                flags.setdefault(flag, (item, []))[1].append(f"scenario {key}")
            for g in v.goals:
                terms = [
                    f"when {g.when}" if g.when else "",
                    f"grade {g.grade}" if g.grade else "",
                    f"after {', '.join(g.after)}" if g.after else "",
                ]
                self.add("goals", g.id, item, g.text, f"{key}: {'; '.join(t for t in terms if t)}")
        for flag, (item, setters) in sorted(flags.items()):
            self.add("flags", flag, item, flag, "set by " + ", ".join(sorted(set(setters))))
        for kind in self.catalogue.entries:
            self.catalogue.entries[kind] = dict(sorted(self.catalogue.entries[kind].items()))
        return self.catalogue


def build_catalogue(layered: Layered) -> Catalogue:
    """The catalogue of everything ``layered`` declares."""
    return _Builder(layered).build()
