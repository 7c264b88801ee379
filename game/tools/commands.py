"""The ``citizen`` subcommands and the parser that knows them (used by :mod:`game.cli` and by
``citizen completion``, which generates its scripts from the whole parser)."""

from __future__ import annotations

import argparse
import importlib

from game import __version__
from game.cli_parser import CitizenParser

COMMANDS = {
    "play": ("play", "play a life (the TUI, or --plain for text)"),
    "saves": ("saves", "list, check or delete saved lives"),
    "validate": ("validate", "check packs for errors (file:line: error: message)"),
    "simulate": ("simulate", "play many lives headless: events never fired, dead ends, balance"),
    "schema": ("schema_cmd", "write JSON Schema for pack files (editor completion)"),
    "new-pack": ("new_pack", "create a new pack folder with one example of every feature"),
    "ids": ("ids", "list every id a pack can use, with names (and rules' points per system)"),
    "lsp": ("lsp", "language server for pack TOML (diagnostics, completion, hover, definition) on stdio"),
    "packs": ("packs_cmd", "list the packs found, with their size and whether each validates"),
    "workshop": ("workshop_cmd", "set up a workshop for a class (workshop new|seats|reset-code)"),
    "debrief": ("debrief", "the debrief report of saved lives (a class's, or one)"),
    "serve": ("serve", "serve the game to web browsers (a workshop's room)"),
    "dashboard": ("dashboard_cmd", "follow a workshop while the class plays (read-only: who is where, grades, prompts)"),
    "translate": ("translate", "translate packs: extract strings, check translations, show how far they are"),
    "config": ("config_cmd", "show the settings file and what is set (theme, language, saves, scenario)"),
    "completion": ("completion", "print a shell completion script: completion bash|zsh|fish"),
}
"""Each subcommand → its module under game.tools and its one-line help, in the order ``--help`` lists them.

The help is here so that ``citizen --help`` imports no command's module; the
module's own ``add_parser`` says the same (tests/test_cli_conventions.py checks).
"""

TOP_LEVEL_FLAGS = ("-h", "--help", "-V", "--version")


def build_parser(only: str | None = None, *, full: bool = False) -> argparse.ArgumentParser:
    """The parser. Only ``only``'s module is imported (every command's with ``full``); the other
    subcommands are registered by name and help alone, enough for ``--help`` and did-you-mean."""
    parser = CitizenParser(
        prog="citizen",
        description="AAA Citizen: live a citizen's days under a social credit score.",
        epilog="With no command, or with only play's options, citizen plays. 'citizen COMMAND --help' for more.",
    )
    parser.add_argument("-V", "--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for command, (module, summary) in COMMANDS.items():
        if full or command == only:
            importlib.import_module(f"game.tools.{module}").add_parser(sub)
        else:
            sub.add_parser(command, help=summary, add_help=False)
    return parser
