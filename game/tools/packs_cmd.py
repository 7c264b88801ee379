"""``citizen packs``: the packs found (built-in, the user's folder, ``--pack``), and whether each validates.

Each pack is validated together with the packs it depends on, so a pack is
"valid" when it would load for play. ``--json`` prints a list of objects with
the keys ``id``, ``version``, ``languages``, ``events``, ``rules``,
``scenarios``, ``valid`` (and ``name``, ``depends``, ``where``, ``path``,
``errors``).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from game.packs.loader import validate
from game.packs.reader import display_path
from game.tools.common import CliError
from game.tools.pack_index import PackEntry, find_packs, with_dependencies


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("packs", help="list the packs found, with their size and whether each validates")
    p.add_argument(
        "--pack", action="append", type=Path, default=[], metavar="PATH", help="also list this pack folder (repeatable)"
    )
    p.add_argument("--json", action="store_true", help="print a JSON list instead of a table")
    p.set_defaults(run=run)


def describe(entries: list[PackEntry]) -> list[dict]:
    """One JSON-ready object per pack, validated with its dependencies."""
    out = []
    for entry in entries:
        _, problems = validate(with_dependencies([entry], entries))
        errors = sum(1 for p in problems if p.severity == "error")
        out.append(
            {
                "id": entry.id,
                "name": entry.name,
                "version": entry.version,
                "languages": list(entry.languages),
                "depends": list(entry.depends),
                "events": entry.events,
                "rules": entry.rules,
                "scenarios": len(entry.scenarios),
                "valid": errors == 0,
                "errors": errors,
                "where": entry.where,
                "path": display_path(entry.path),
            }
        )
    return out


def run(args: argparse.Namespace) -> int:
    for path in args.pack:
        if not (path / "pack.toml").is_file() and not any(path.glob("*/pack.toml")):
            raise CliError(f"--pack {path}: no pack.toml there or in its subfolders")
    rows = describe(find_packs(args.pack))
    if not rows:
        from game import paths

        raise CliError(
            f"no packs found: the built-in packs should be in {paths.builtin_content()}; "
            "reinstall the game, or set CITIZEN_CONTENT to a folder of packs",
            code=1,
        )
    if args.json:
        json.dump(rows, sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
        return 0
    from rich import box
    from rich.table import Table
    from rich.text import Text

    from game.safe_text import console

    table = Table(box=box.SIMPLE_HEAD, caption="counts: the pack's own declarations; valid: loads with its dependencies")
    for header in ("id", "version", "lang", "events", "rules", "scen.", "from", "valid"):
        table.add_column(header, no_wrap=True)
    for row in rows:
        valid = Text("yes", style="green") if row["valid"] else Text(f"no ({row['errors']})", style="bold red")
        table.add_row(
            Text(row["id"]),
            Text(row["version"]),
            Text(", ".join(row["languages"])),
            str(row["events"]),
            str(row["rules"]),
            str(row["scenarios"]),
            Text(row["where"]),
            valid,
        )
    console().print(table)
    if not all(row["valid"] for row in rows):
        print("run 'citizen validate PATH' on a pack to see its errors with file and line")
    return 0
