"""The manners of the ``citizen`` parser: did-you-mean for commands, choices and flags, and every
error shown with the usage of the subcommand it is about (``citizen --sead`` shows ``play``'s)."""

from __future__ import annotations

import argparse
import difflib
import re
import sys
from typing import NoReturn

_INVALID_CHOICE = re.compile(r"argument (?P<name>\S+): invalid choice: '(?P<word>[^']*)' \(choose from (?P<choices>.*)\)$")


class CitizenParser(argparse.ArgumentParser):
    """An ArgumentParser whose errors suggest the closest command or choice (its subcommands are of this class too)."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {suggest_choice(message)}\n")


def suggest_choice(message: str) -> str:
    """argparse's 'invalid choice' message in plain words, with the closest choice; other messages unchanged."""
    match = _INVALID_CHOICE.match(message)
    if match is None:
        return message
    choices = [c.strip().strip("'") for c in match.group("choices").split(", ")]
    word, name = match.group("word"), match.group("name")
    close = difflib.get_close_matches(word, choices, n=1)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    what = "command" if name in ("COMMAND", "ACTION") else f"value for {name}"
    return f"unknown {what} '{word}'{hint}; choose from {', '.join(choices)}"


def parse(parser: argparse.ArgumentParser, argv: list[str]) -> argparse.Namespace:
    """Parse ``argv``; an unknown flag or a stray argument is reported by the subcommand it was given to,
    with its usage and the closest flag it has."""
    args, extras = parser.parse_known_args(argv)
    if extras:
        target = chosen_parser(parser, args)
        word = extras[0]
        if word.startswith("-") and word != "-":
            flag = word.split("=", 1)[0]
            close = difflib.get_close_matches(flag, option_strings(target), n=1, cutoff=0.6)
            hint = f" (did you mean {close[0]}?)" if close else ""
            target.error(f"unknown option {flag}{hint}; '{target.prog} --help' lists them")
        target.error(f"unexpected argument '{word}'; '{target.prog} --help' says what it takes")
    return args


def chosen_parser(parser: argparse.ArgumentParser, args: argparse.Namespace) -> argparse.ArgumentParser:
    """The innermost (sub)parser ``args`` went through, e.g. that of ``citizen saves check``."""
    while True:
        action = subcommands(parser)
        chosen = getattr(args, action.dest, None) if action is not None else None
        if action is None or chosen not in action.choices:
            return parser
        parser = action.choices[chosen]


def subcommands(parser: argparse.ArgumentParser) -> argparse._SubParsersAction | None:
    return next((a for a in parser._actions if isinstance(a, argparse._SubParsersAction)), None)


def option_strings(parser: argparse.ArgumentParser) -> list[str]:
    return [o for action in parser._actions for o in action.option_strings if action.help != argparse.SUPPRESS]
