"""What the commands share: loading packs with a clear error, picking a scenario."""

from __future__ import annotations

import difflib
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from game import paths
from game.packs.problems import PackError, shown

if TYPE_CHECKING:
    from game.engine.content import Content


class CliError(Exception):
    """A user error: printed as one message, exit code ``code``."""

    def __init__(self, message: str, code: int = 2) -> None:
        super().__init__(message)
        self.code = code


def load_for_cli(extra: list[Path] | None = None) -> Content:
    """Load ``extra`` with the packs it depends on (or, with no ``extra``, the installed packs);
    on errors print them all and exit 1."""
    from game.packs.loader import load_content  # here, so that commands which never load packs start fast

    try:
        return load_content(pack_folders(extra))
    except PackError as exc:
        raise pack_error(exc) from None


def pack_folders(extra: list[Path] | None) -> list[Path]:
    """What a command loads: the named packs with their dependencies, else every installed pack."""
    if not extra:
        return paths.default_pack_paths()
    from game.packs.resolve import with_dependencies

    return with_dependencies(extra)


def pack_error(exc: PackError) -> CliError:
    """Print every problem of the packs; the error to raise after them."""
    for line in shown(exc.problems):
        print(line, file=sys.stderr)
    return CliError("the packs have errors (listed above); fix them or run 'citizen validate'", 1)


def pick_scenario(content: Content, wanted: str | None) -> str:
    if not content.scenarios:
        raise CliError("no scenario is installed: add a pack with a [scenarios.ID] table", 1)
    if wanted is None:
        return next(iter(content.scenarios))
    if wanted not in content.scenarios:
        close = difflib.get_close_matches(wanted, list(content.scenarios), n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        raise CliError(f"unknown scenario '{wanted}'{hint}; known: {', '.join(content.scenarios)}")
    return wanted


def workshop_language(lang_flag: str | None) -> Callable[[str], str]:
    """What a workshop's command gives :func:`game.workshop.load.open_workshop`: speak ``--lang`` if given,
    else the workshop's ``language`` (else the settings and the locale), from now on."""

    def choose(workshop_language: str) -> str:
        from game import config
        from game.strings import use_language

        chosen = config.language(lang_flag, workshop_language).value or "en"
        use_language(chosen)
        return chosen

    return choose
