"""``citizen schema``: JSON Schema for pack files, for completion and checks in editors.

Generated from :mod:`game.packs.schema`, the definitions the loader converts
every file with, so the editor and ``citizen validate`` agree on keys and types.
Two kinds of pack file: ``pack.toml`` (must hold ``[pack]``) and every other
``.toml`` of a pack (must not); and, with ``--kind workshop``, a workshop file
(from :mod:`game.workshop.schema`). A file points at its schema with a first line
such as ``#:schema ./schema/content.schema.json`` (Taplo, Even Better TOML).
"""

from __future__ import annotations

import argparse
import copy
import json
import sys
from pathlib import Path

from game.packs.schema import json_schema
from game.tools.common import CliError

DRAFT = "https://json-schema.org/draft/2020-12/schema"
FILES = {"pack": "pack.schema.json", "content": "content.schema.json", "workshop": "workshop.schema.json"}
"""Kind of file → the name of its schema file."""
PACK_KINDS = ("pack", "content")
"""What ``--out`` writes without ``--kind``: a pack's schemas."""


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("schema", help="write JSON Schema for pack files (editor completion)")
    p.add_argument("--out", type=Path, metavar="DIR", help=f"write {' and '.join(FILES[k] for k in PACK_KINDS)} into DIR")
    p.add_argument(
        "--kind",
        choices=list(FILES),
        help="only this kind: pack (pack.toml), content (other pack files) or workshop (a workshop file); printed if no --out",
    )
    p.add_argument(
        "--ids", action="store_true", help="offer the known ids (installed packs, or --pack and its dependencies) as values"
    )
    p.add_argument("--pack", action="append", type=Path, default=[], metavar="PATH", help="with --ids: this pack's ids too")
    p.set_defaults(run=run)


_EFFECTS = ("ChoiceDef", "OutcomeDef", "DailyDef")
ID_FIELDS: dict[tuple[str, str], str] = {
    **{(d, "record"): "rules" for d in _EFFECTS},
    **{(d, f): "privileges" for d in (*_EFFECTS, "ListDef", "TierDef", "ScenarioDef") for f in ("grant", "revoke")},
    ("TierDef", "grant_up"): "privileges",
    ("ChoiceDef", "requires"): "privileges",
    **{(d, f): "lists" for d in _EFFECTS for f in ("enlist", "delist")},
    ("ScenarioDef", "lists"): "lists",
    **{(d, f): "characters" for d in _EFFECTS for f in ("befriend", "unfriend")},
    ("ScenarioDef", "friends"): "characters",
    ("EventDef", "character"): "characters",
    **{(d, f): "systems" for d in _EFFECTS for f in ("enrol", "leave")},
    **{("ScenarioDef", f): "systems" for f in ("systems", "optional_systems", "compare")},
    **{(d, f): "flags" for d in _EFFECTS for f in ("flags", "unflag")},
    ("ScenarioDef", "flags"): "flags",
    ("ScheduleDef", "event"): "events",
    ("ScenarioDef", "city"): "cities",
}
"""Schema fields whose values are ids of a kind (strings or lists of them)."""
ID_KEYS: dict[tuple[str, str], str] = {
    **{(d, "stats"): "stats" for d in (*_EFFECTS, "ScenarioDef")},
    **{(d, "character_scores"): "characters" for d in _EFFECTS},
    ("ScenarioDef", "scores"): "systems",
    ("ScenarioDef", "settings"): "settings",
    ("CharacterDef", "scores"): "systems",
    ("CharacterDef", "drift"): "systems",
}
"""Schema tables whose keys are ids of a kind."""


def with_ids(doc: dict, known: dict[str, list[str]]) -> dict:
    """``doc`` with the known ids offered: as enums for id values, as properties for id keys (editors complete both)."""
    defs = doc["$defs"]

    def offer(schema: dict, ids: list[str]) -> dict:
        return {"anyOf": [{"enum": ids}, schema]} if ids else schema

    for (name, prop), kind in ID_FIELDS.items():
        field = defs.get(name, {}).get("properties", {}).get(prop)
        if field is None:
            continue
        if field.get("type") == "array":
            field["items"] = offer(field["items"], known.get(kind, []))
        else:
            defs[name]["properties"][prop] = {**offer({k: v for k, v in field.items() if k != "default"}, known.get(kind, []))}
    for (name, prop), kind in ID_KEYS.items():
        field = defs.get(name, {}).get("properties", {}).get(prop)
        if field is not None and known.get(kind):
            field["properties"] = {i: field["additionalProperties"] for i in known[kind]}
    return doc


def known_ids(packs: list[Path]) -> dict[str, list[str]]:
    """Ids by kind from the catalogue; rules and acts together under ``rules``."""
    from game.tools.ids import load_catalogue

    catalogue = load_catalogue(packs)
    known = {kind: list(catalogue.of(kind)) for kind in ("stats", "privileges", "lists", "characters", "systems")}
    known |= {kind: list(catalogue.of(kind)) for kind in ("flags", "events", "cities", "settings")}
    known["rules"] = sorted(set(catalogue.of("rules")) | set(catalogue.of("acts")))
    return known


def schemas(known: dict[str, list[str]] | None = None) -> dict[str, dict]:
    """The JSON Schema of each kind of file: ``pack`` for pack.toml, ``content`` for a pack's others, ``workshop``;
    with ``known`` (ids by kind), those ids are offered as values in the pack files."""
    from game.workshop.schema import json_schema as workshop_schema

    base = json_schema()
    if known:
        base = with_ids(base, known)
    out: dict[str, dict] = {"workshop": workshop_schema()}
    for kind in PACK_KINDS:
        doc = copy.deepcopy(base)
        root = doc["$defs"]["PackFile"]
        if kind == "pack":
            root["properties"]["pack"] = {"$ref": "#/$defs/PackMeta"}
            root["required"] = ["pack"]
            root["title"] = "pack.toml of an AAA Citizen pack"
        else:
            del root["properties"]["pack"]
            del doc["$defs"]["PackMeta"]
            root["title"] = "A content file of an AAA Citizen pack"
        out[kind] = {"$schema": DRAFT, **doc}
    return out


def write_schemas(folder: Path, kinds: list[str] | None = None, known: dict[str, list[str]] | None = None) -> list[Path]:
    """Write the schema files into ``folder`` (created if needed); each file is replaced whole or not at all."""
    if folder.exists() and not folder.is_dir():
        raise CliError(f"{folder} is a file, not a folder; give --out a folder")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CliError(f"cannot create {folder}: {exc.strerror}") from None
    written = []
    for kind, doc in schemas(known).items():
        if kind not in (kinds or PACK_KINDS):
            continue
        target = folder / FILES[kind]
        _atomic_write(target, json.dumps(doc, indent=2, ensure_ascii=False) + "\n")
        written.append(target)
    return written


def _atomic_write(target: Path, text: str) -> None:
    from game.text_files import replace_text

    try:
        replace_text(target, text)
    except OSError as exc:
        raise CliError(f"cannot write {target}: {exc.strerror}") from None




def run(args: argparse.Namespace) -> int:
    if args.pack and not args.ids:
        raise CliError("--pack goes with --ids (the schema itself is the same for every pack)")
    known = known_ids(args.pack) if args.ids else None
    if args.out is None:
        json.dump(schemas(known)[args.kind or "content"], sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
        return 0
    for path in write_schemas(args.out, [args.kind] if args.kind else None, known):
        print(f"wrote {path}")
    return 0
