"""Every string of the packs a translation may replace, keyed by id and field, found from the schema.

A field is translatable when its type carries :data:`game.packs.schema.TRANSLATABLE` (``Text``,
``ShortText`` and a stat's unit do), so a field added to the schema later is picked up by itself.

A string's **key** is the item's TOML path with ids for list items:
``event.red_light.title``, ``event.red_light.choice.cross.label``,
``event.red_light.choice.cross.outcome.0.text`` (an outcome without an id: its position),
``systems.municipal.tiers.AAA.name``, ``scenarios.worker.goals.promotion.text``,
``scenarios.worker.character.job``, ``rules.municipal.jaywalking.name``, ``myths.trains.sources.1``.
Text is never a key: a fixed typo keeps the key, and the source hash says the text changed.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, TypeVar

import msgspec
import msgspec.inspect as mi

from game.packs import schema
from game.packs.layers import Layered
from game.packs.reader import Item

StructT = TypeVar("StructT", bound=msgspec.Struct)


@dataclass(frozen=True)
class Field:
    """How one field of a struct holds translatable text: ``text``, ``texts`` (a list of them),
    ``struct`` (a nested table), ``structs`` (a list of tables, keyed by id or position)."""

    name: str
    key: str
    kind: str
    struct: type | None = None


@dataclass(frozen=True)
class Source:
    """One translatable string of the layered packs: its text, the item it belongs to, and where."""

    key: str
    text: str
    item: Item
    path: str
    """The TOML path below the item (``choice[1].outcome[0].text``), for the line of the source."""
    prefix: str = ""
    """The item's own key (``event.red_light``)."""

    @property
    def file(self) -> str:
        return self.item.origin.file

    @property
    def line(self) -> int:
        return self.item.origin.at(self.path)

    @property
    def pack(self) -> str:
        return self.item.pack


def _translatable(info: Any) -> bool:
    return isinstance(info, mi.Metadata) and bool((info.extra or {}).get("translatable")) and isinstance(info.type, mi.StrType)


def _struct_of(info: Any) -> type | None:
    if isinstance(info, mi.Metadata):
        info = info.type
    if isinstance(info, mi.StructType):
        return info.cls
    if isinstance(info, mi.UnionType):  # X | None
        structs = [t.cls for t in info.types if isinstance(t, mi.StructType)]
        others = [t for t in info.types if not isinstance(t, mi.StructType | mi.NoneType)]
        if len(structs) == 1 and not others:
            return structs[0]
    return None


@functools.cache
def fields_of(struct: type) -> tuple[Field, ...]:
    """The fields of ``struct`` that hold translatable text, directly or below."""
    info = mi.type_info(struct)
    assert isinstance(info, mi.StructType)
    found: list[Field] = []
    for f in info.fields:
        kind, inner = "", None
        tp = f.type.type if isinstance(f.type, mi.Metadata) and not _translatable(f.type) else f.type
        if _translatable(tp):
            kind = "text"
        elif isinstance(tp, mi.ListType) and _translatable(tp.item_type):
            kind = "texts"
        elif isinstance(tp, mi.ListType) and (inner := _struct_of(tp.item_type)):
            kind = "structs"
        elif inner := _struct_of(tp):
            kind = "struct"
        if kind and (kind in ("text", "texts") or (inner and fields_of(inner))):
            found.append(Field(f.name, f.encode_name, kind, inner))
    return tuple(found)


def strings_of(value: msgspec.Struct, key: str = "", path: str = "") -> Iterator[tuple[str, str, str]]:
    """(key, TOML path, text) of every non-empty translatable string in ``value``."""
    for f in fields_of(type(value)):
        got = getattr(value, f.name)
        here_key, here_path = f"{key}.{f.key}" if key else f.key, f"{path}.{f.key}" if path else f.key
        if f.kind == "text":
            if got:
                yield here_key, here_path, got
        elif f.kind == "texts":
            for i, text in enumerate(got):
                if text:
                    yield f"{here_key}.{i}", f"{here_path}[{i}]", text
        elif f.kind == "struct":
            if got is not None:
                yield from strings_of(got, here_key, here_path)
        else:
            for i, child in enumerate(got):
                yield from strings_of(child, f"{here_key}.{_list_key(child, i)}", f"{here_path}[{i}]")


def _list_key(child: Any, index: int) -> str:
    ident = getattr(child, "id", "")
    return ident if isinstance(ident, str) and ident else str(index)


def translated(value: StructT, texts: dict[str, str], key: str = "") -> StructT:
    """A copy of ``value`` with each string whose key is in ``texts`` replaced (``value`` itself if none is)."""
    changes: dict[str, Any] = {}
    for f in fields_of(type(value)):
        got = getattr(value, f.name)
        here = f"{key}.{f.key}" if key else f.key
        if f.kind == "text":
            if here in texts and got:
                changes[f.name] = texts[here]
        elif f.kind == "texts":
            new = [texts.get(f"{here}.{i}", text) if text else text for i, text in enumerate(got)]
            if new != got:
                changes[f.name] = new
        elif f.kind == "struct":
            if got is not None and (new_child := translated(got, texts, here)) is not got:
                changes[f.name] = new_child
        else:
            new_list = [translated(child, texts, f"{here}.{_list_key(child, i)}") for i, child in enumerate(got)]
            if any(a is not b for a, b in zip(new_list, got, strict=True)):
                changes[f.name] = new_list
    return msgspec.structs.replace(value, **changes) if changes else value


def items_of(layered: Layered) -> Iterator[tuple[str, Item]]:
    """Every layered item with its key prefix (``stats.money``, ``rules.municipal.jaywalking``, ``event.red_light``)."""
    for section, table in layered.sections.items():
        for ident, item in table.items():
            yield f"{section}.{ident}", item
    for prefix, table in (("event", layered.events), ("daily", layered.daily)):
        for ident, item in table.items():
            yield f"{prefix}.{ident}", item


def sources(layered: Layered) -> dict[str, Source]:
    """Every translatable string of the layered packs, by key, in the order of the packs' files."""
    found: dict[str, Source] = {}
    for prefix, item in items_of(layered):
        for key, path, text in strings_of(item.value, prefix):
            found[key] = Source(key, text, item, path, prefix)
    return found


def translatable_fields() -> dict[str, tuple[str, ...]]:
    """Each section of a pack file → the keys below an item that a translation may replace (for docs and tests)."""
    out: dict[str, tuple[str, ...]] = {}

    def walk(struct: type, prefix: str) -> Iterator[str]:
        for f in fields_of(struct):
            here = f"{prefix}.{f.key}" if prefix else f.key
            if f.kind == "text":
                yield here
            elif f.kind == "texts":
                yield f"{here}.N"
            elif f.struct is not None:
                yield from walk(f.struct, here if f.kind == "struct" else f"{here}.ID")

    for section, struct in schema.SECTION_TYPES.items():
        if section != "pack":
            out[section] = tuple(walk(struct, ""))
    return out
