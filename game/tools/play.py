"""``citizen play``: start a life in the TUI, or in plain text with ``--plain``."""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

from game.engine.content import Content
from game.engine.life import Life
from game.engine.state import Setup
from game.tools.common import CliError, load_for_cli, pick_scenario


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("play", help="play a life (the TUI, or --plain for text)")
    add_play_arguments(p)
    p.set_defaults(run=run)


def add_play_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--plain", action="store_true", help="plain text on stdout, choices by number on stdin")
    p.add_argument("--scenario", metavar="ID", help="the scenario to live (default: the first one)")
    p.add_argument("--seed", type=int, metavar="N", help="the seed that fixes every random draw (default: random)")
    p.add_argument("--days", type=int, metavar="N", help="the length of the life in days (default: the scenario's)")
    p.add_argument("--pack", action="append", type=Path, default=[], metavar="PATH", help="load another pack (repeatable)")


def new_setup(content: Content, args: argparse.Namespace) -> Setup:
    scenario = pick_scenario(content, args.scenario)
    if args.days is not None and not 1 <= args.days <= 365:
        raise CliError(f"--days must be between 1 and 365, not {args.days}")
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(1, 1_000_000)
    return Setup(scenario, seed, args.days)


def run(args: argparse.Namespace) -> int:
    content = load_for_cli(args.pack)
    setup = new_setup(content, args)
    if not args.plain:
        from game.tui.app import run_app

        return run_app(content, setup)
    from game.tools.plain import PlainGame

    game = PlainGame(Life(content, setup), sys.stdout)
    game.intro()
    game.play(sys.stdin)
    return 0
