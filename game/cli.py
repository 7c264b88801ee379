"""The ``citizen`` command: parses arguments and hands over to one tool module.

Each subcommand lives in ``game/tools/<name>.py`` with ``add_parser(sub)``;
modules are imported here only as needed, so ``citizen validate`` never
imports Textual. With no subcommand, ``citizen`` starts the game.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import sys
import tempfile
import traceback
from pathlib import Path

from game import __version__
from game.config import ConfigError
from game.safe_text import guard_streams
from game.strings import S
from game.tools.common import CliError

COMMANDS = {
    "play": "play",
    "saves": "saves",
    "validate": "validate",
    "simulate": "simulate",
    "schema": "schema_cmd",
    "new-pack": "new_pack",
    "packs": "packs_cmd",
    "workshop": "workshop_cmd",
    "debrief": "debrief",
    "serve": "serve",
    "config": "config_cmd",
}
"""Each subcommand and its module under game.tools, in the order ``--help`` lists them."""


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser; with ``only``, just that subcommand's module is imported (the others stay unloaded)."""
    parser = argparse.ArgumentParser(
        prog="citizen",
        description="AAA Citizen: live a citizen's days under a social credit score.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for command, module in COMMANDS.items():
        if only is None or command == only:
            importlib.import_module(f"game.tools.{module}").add_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if not argv or (argv[0].startswith("-") and argv[0] not in ("-h", "--help", "--version")):
        argv = ["play", *argv]
    parser = build_parser(argv[0] if argv[0] in COMMANDS else None)
    with guard_streams():
        return _run(parser, argv)


def _run(parser: argparse.ArgumentParser, argv: list[str]) -> int:
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except CliError as exc:
        print(f"citizen: error: {exc}", file=sys.stderr)
        return exc.code
    except ConfigError as exc:
        print(f"citizen: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception:
        log = write_crash_log(traceback.format_exc())
        print(S["crash_command"].format(log=log), file=sys.stderr)
        return 70


def write_crash_log(details: str) -> Path:
    """Write a traceback to a log file the user can send us; return its path."""
    folder = Path(tempfile.gettempdir()) / "aaa-citizen"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"crash-{dt.datetime.now():%Y%m%d-%H%M%S}.log"
    path.write_text(details, encoding="utf-8")
    return path


if __name__ == "__main__":
    sys.exit(main())
