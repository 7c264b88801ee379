"""The ``citizen`` command: parses arguments and hands over to one tool module.

Each subcommand lives in ``game/tools/<name>.py`` with ``add_parser(sub)``;
only the module of the command being run is imported, so ``citizen --help``
and ``citizen validate`` start fast. With no subcommand, ``citizen`` starts the game.
"""

from __future__ import annotations

import argparse
import sys

from game.cli_parser import parse
from game.config import ConfigError
from game.safe_text import guard_streams, leave_quietly
from game.strings import S
from game.tools.commands import COMMANDS, TOP_LEVEL_FLAGS, build_parser
from game.tools.common import CliError

__all__ = ["COMMANDS", "build_parser", "main"]


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if not argv or (argv[0].startswith("-") and argv[0] not in TOP_LEVEL_FLAGS):
        argv = ["play", *argv]
    parser = build_parser(argv[0] if argv[0] in COMMANDS else None)
    with guard_streams():
        return _run(parser, argv)


def _run(parser: argparse.ArgumentParser, argv: list[str]) -> int:
    args = parse(parser, argv)
    try:
        _speak(args)
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
        leave_quietly()
        return 0
    except Exception:
        import traceback  # only on a crash, as the crash log: neither is on the way to --help

        from game.crash_log import write_crash_log

        log = write_crash_log(traceback.format_exc())
        print(S["crash_command"].format(log=log), file=sys.stderr)
        return 70


def _speak(args: argparse.Namespace) -> None:
    """Choose the language (``--lang``, ``CITIZEN_LANGUAGE``, the config file, the locale; a workshop's
    is chosen where the workshop is read). A broken setting stops only a command that has ``--lang``."""
    from game import config
    from game.strings import use_language

    flag = getattr(args, "lang", None) if args.command in LANGUAGE_COMMANDS else None
    try:
        chosen = config.language(flag)
    except ConfigError:
        if args.command in LANGUAGE_COMMANDS:
            raise
        return
    use_language(chosen.value or "en")


LANGUAGE_COMMANDS = ("play", "saves", "debrief", "serve", "dashboard", "workshop")
"""Commands that speak the chosen language (all but ``saves`` take ``--lang``); ``translate``'s ``--lang``
names the language to translate into, not the game's."""


if __name__ == "__main__":
    sys.exit(main())
