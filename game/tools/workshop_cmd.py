"""``citizen workshop new FILE``: write a commented workshop file that validates."""

from __future__ import annotations

import argparse
from pathlib import Path

from game.tools.common import CliError, load_for_cli, pick_scenario


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("workshop", help="set up a workshop for a class (workshop new FILE)")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    new = actions.add_parser("new", help="write a commented example workshop file")
    new.add_argument("file", type=Path, help="the file to write, e.g. class1/workshop.toml")
    new.add_argument("--scenario", metavar="ID", help="the scenario everyone lives (default: the first one)")
    new.add_argument("--seed", type=int, default=2019, metavar="N", help="the shared seed (default: 2019)")
    new.add_argument("--force", action="store_true", help="overwrite the file if it exists")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from game.workshop.example import example_text

    path: Path = args.file
    if path.suffix != ".toml":
        raise CliError(f"{path}: a workshop file must end in .toml (for example {path.with_suffix('.toml')})")
    if path.exists() and not args.force:
        raise CliError(f"{path} already exists; choose another name, or pass --force to overwrite it", 1)
    if path.exists() and path.is_dir():
        raise CliError(f"{path} is a folder; give a file name such as {path / 'workshop.toml'}")
    content = load_for_cli()
    scenario = pick_scenario(content, args.scenario)
    if not 0 <= args.seed <= 2**53:
        raise CliError("--seed must be between 0 and 2^53")
    text = example_text(content, str(path), scenario, args.seed, f"{path.parent / 'saves'}/")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)
    except OSError as exc:
        raise CliError(f"cannot write {path}: {exc.strerror or exc}", 1) from None
    print(f"wrote {path}")
    from game.tools.schema_cmd import write_schemas
    from game.workshop.schema import SCHEMA_FILE

    for schema in write_schemas(path.parent / Path(SCHEMA_FILE).parent, ["workshop"]):
        print(f"wrote {schema} (for completion in editors)")
    print(f"next: edit it, then 'citizen validate {path}' and 'citizen play --workshop {path}'")
    return 0
