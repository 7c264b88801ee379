"""``citizen validate [PATH…]``: every problem in the packs, one line each, with file and line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from game import paths
from game.packs.loader import validate
from game.packs.problems import shown
from game.packs.resolve import with_dependencies


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("validate", help="check packs for errors (file:line: error: message)")
    p.add_argument(
        "paths",
        nargs="*",
        type=Path,
        help="pack folders, folders of packs, or workshop files (default: all installed packs); "
        "the packs they depend on are found among the installed ones",
    )
    p.add_argument("-q", "--quiet", action="store_true", help="print nothing when there are no problems")
    p.add_argument("--all", action="store_true", help="also list each error that follows from another (folded by default)")
    p.add_argument("--deep", action="store_true", help="also simulate lives and warn about events never fired and dead ends")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    workshops = [p for p in args.paths if p.suffix == ".toml" and p.name != "pack.toml" and not p.is_dir()]
    if workshops:
        from game.tools.workshop_check import run_workshops

        return run_workshops(workshops, [p for p in args.paths if p not in workshops], args.quiet)
    targets = with_dependencies(args.paths) if args.paths else paths.default_pack_paths()
    content, problems = validate(targets, check_translations=True)
    if args.deep and content is not None:
        from game.tools.deep_check import deep_problems

        problems = [*problems, *deep_problems(content)]
    for line in shown(problems, everything=args.all):
        print(line)
    errors = sum(1 for p in problems if p.severity == "error")
    warnings = len(problems) - errors
    if not args.quiet or errors:
        if content is not None:
            rules = sum(len(s.rules) for s in content.systems.values())
            counts = (
                f"{len(content.packs)} packs, {len(content.events)} events, {rules} rules, {len(content.scenarios)} scenarios"
            )
            print(
                f"ok: {counts}" + (f"; {warnings} warning(s)" if warnings else ""), file=sys.stderr if args.quiet else sys.stdout
            )
        else:
            print(f"{errors} error(s), {warnings} warning(s)", file=sys.stderr)
    return 1 if errors else 0
