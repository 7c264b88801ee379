"""``citizen dashboard --workshop FILE``: the facilitator's live, read-only view of a workshop being played.

See :mod:`game.tui.dashboard` (the screen) and :mod:`game.workshop.room` (what it
reads from the saves). ``citizen serve --dashboard --workshop FILE`` shows it in a browser.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from game import config
from game.tools.common import CliError


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("dashboard", help="follow a workshop while the class plays (read-only: who is where, grades, prompts)")
    p.add_argument(
        "--workshop", type=Path, metavar="FILE", required=True, help="the workshop file (its saves folder is followed)"
    )
    p.add_argument(
        "--idle", type=float, default=3.0, metavar="MINUTES", help="minutes without a save that count as stopped (default 3)"
    )
    p.add_argument("--theme", metavar="NAME", help=f"the colours: {', '.join(config.THEMES)}")
    p.add_argument(
        "--lang",
        metavar="CODE",
        help="the language: en, sv or nl (default: the workshop's, $CITIZEN_LANGUAGE, the config file's, "
        "else $LC_ALL/$LC_MESSAGES/$LANG)",
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.idle <= 0:
        raise CliError(f"--idle must be more than 0 minutes, not {args.idle:g}")
    from game.tools.workshop_play import open_for_cli

    workshop, content = open_for_cli(args.workshop, args.lang)
    theme = config.setting("theme", args.theme).value
    from game.tui.dashboard import DashboardApp
    from game.workshop.room import Room

    app = DashboardApp(Room(workshop, content), idle=args.idle, theme=theme)
    result = app.run()
    return result if isinstance(result, int) else app.return_code or 0
