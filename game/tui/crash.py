"""An unexpected error inside the app: save the life, log the traceback, leave with one line instead of a traceback.

Textual calls ``App._handle_exception`` for any exception a handler, a timer or
a worker lets out, and prints a Rich traceback when the app stops. The app
hands that call here (see ``CitizenApp._handle_exception``): the life is saved
first (when it is sound, see :func:`game.crash_report.sound`), the traceback
goes to a log file, and the one line Textual prints on exit says where the
log is. The exit code is :data:`game.crash_report.CRASH_CODE`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text

from game.crash_report import CRASH_CODE, crash_line, save_if_sound, write_log

if TYPE_CHECKING:
    from pathlib import Path

    from textual.app import App

    from game.play import Session


def handle_crash(app: App[int], session: Session, error: Exception, log: Path | None) -> Path:
    """Save, log and stop ``app`` after ``error``; returns the log. With ``log`` (an earlier error's), only keep it stopping."""
    if log is None:
        saved_as = ""
        if session.saves is not None and session.slot and save_if_sound(session.life, session.autosave):
            saved_as = session.slot
        log = write_log(error, session.life, saved_as)
        app.exit(return_code=CRASH_CODE)
        app.panic(Text(crash_line(log, saved_as)))  # printed once the terminal is restored (wrapped to its width)
    if app._exception is None:  # as Textual does: App.run_test raises it again, so tests see the error
        app._exception = error
        app._exception_event.set()
    return log
