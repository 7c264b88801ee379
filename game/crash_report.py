"""An internal error while a life is played: save the life if it is sound, log the traceback, say where in one line.

Shared by the TUI (:mod:`game.tui.crash`) and the plain game (:mod:`game.tools.play`).
The log file is written by :func:`game.crash_log.write_crash_log`, like every other
internal error of ``citizen``.
"""

from __future__ import annotations

import json
import platform
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from game import __version__
from game.strings import S

if TYPE_CHECKING:
    from game.engine.life import Life

CRASH_CODE = 70
"""The exit code after an internal error (EX_SOFTWARE, as ``citizen`` returns for any other)."""


def sound(life: Life) -> bool:
    """Whether ``life`` is what its own choices make it.

    An error in the middle of a choice can leave the state half changed; such a
    life is not saved over the last good save.
    """
    from game.engine.life import replay

    try:
        again = replay(life.content, life.setup, [(event, choice) for _day, event, choice in life.state.log])
        return again.life.state == life.state
    except Exception:
        return False


def save_if_sound(life: Life | None, save: Callable[[], bool]) -> bool:
    """Call ``save`` (True when it saved) if ``life`` is sound; never raises. True when the life was saved."""
    if life is None or not sound(life):
        return False
    try:
        return save()
    except Exception:
        return False


def write_log(error: BaseException, life: Life | None, saved_as: str) -> Path:
    """Write the traceback, with what is needed to replay the life, to a log file; return its path."""
    lines = [
        f"AAA Citizen {__version__} · Python {sys.version.split()[0]} · {platform.platform()}",
        f"saved as: {saved_as or '(not saved)'}",
    ]
    if life is not None:
        setup = life.setup
        lines.append(f"life: scenario {setup.scenario!r}, seed {setup.seed}, days {setup.days}, day {life.state.day}")
        lines.append("choices: " + json.dumps(life.state.log))
    details = "\n".join(lines) + "\n\n" + "".join(traceback.format_exception(error))
    from game.crash_log import write_crash_log

    return write_crash_log(details)


def crash_line(log: Path, saved_as: str) -> str:
    """The one line the player sees: where the log is, and whether the life was saved."""
    if saved_as:
        return S["crash_saved"].format(name=saved_as, log=log)
    return S["crash_unsaved"].format(log=log)
