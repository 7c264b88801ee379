"""``citizen completion bash|zsh|fish``: a shell completion script, generated from the parser by ``shtab``.

Every subcommand, flag and choice completes, as does a path wherever one is
expected; the script is generated from the same parser ``citizen`` runs, so it
never falls behind the commands.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

SHELLS = ("bash", "zsh", "fish")

INSTALL = {
    "bash": "citizen completion bash > ~/.local/share/bash-completion/completions/citizen",
    "zsh": "citizen completion zsh > ~/.zfunc/_citizen   # with fpath+=~/.zfunc before compinit in ~/.zshrc",
    "fish": "citizen completion fish > ~/.config/fish/completions/citizen.fish",
}


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "completion",
        help="print a shell completion script: completion bash|zsh|fish",
        description="Print a completion script for your shell. Install it with:\n  " + "\n  ".join(INSTALL.values()),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("shell", choices=SHELLS, help="the shell to complete in")
    p.set_defaults(run=run)


def script(shell: str) -> str:
    """The completion script for ``shell``, from the whole ``citizen`` parser."""
    import shtab

    from game.tools.commands import build_parser

    parser = build_parser(full=True)
    _complete_paths(parser, shtab)
    return shtab.complete(parser, shell=shell)


def _complete_paths(parser: argparse.ArgumentParser, shtab: object) -> None:
    """Complete file names for every argument that takes a path (folders for DIR)."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in dict.fromkeys(action.choices.values()):
                _complete_paths(child, shtab)
        elif action.type is Path:
            action.complete = shtab.DIRECTORY if action.metavar == "DIR" else shtab.FILE  # type: ignore[attr-defined]


def run(args: argparse.Namespace) -> int:
    sys.stdout.write(script(args.shell))
    return 0
