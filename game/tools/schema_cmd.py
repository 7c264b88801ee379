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
import os
import sys
import tempfile
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
    p.set_defaults(run=run)


def schemas() -> dict[str, dict]:
    """The JSON Schema of each kind of file: ``pack`` for pack.toml, ``content`` for a pack's others, ``workshop``."""
    from game.workshop.schema import json_schema as workshop_schema

    base = json_schema()
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


def write_schemas(folder: Path, kinds: list[str] | None = None) -> list[Path]:
    """Write the schema files into ``folder`` (created if needed); each file is replaced whole or not at all."""
    if folder.exists() and not folder.is_dir():
        raise CliError(f"{folder} is a file, not a folder; give --out a folder")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CliError(f"cannot create {folder}: {exc.strerror}") from None
    written = []
    for kind, doc in schemas().items():
        if kind not in (kinds or PACK_KINDS):
            continue
        target = folder / FILES[kind]
        _atomic_write(target, json.dumps(doc, indent=2, ensure_ascii=False) + "\n")
        written.append(target)
    return written


def _atomic_write(target: Path, text: str) -> None:
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.chmod(tmp, 0o666 & ~current_umask())  # mkstemp makes private files; these are ordinary ones
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise CliError(f"cannot write {target}: {exc.strerror}") from None


def current_umask() -> int:
    """The process umask (read by setting it and putting it back)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def run(args: argparse.Namespace) -> int:
    if args.out is None:
        json.dump(schemas()[args.kind or "content"], sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
        return 0
    for path in write_schemas(args.out, [args.kind] if args.kind else None):
        print(f"wrote {path}")
    return 0
