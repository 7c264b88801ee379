"""SIGTERM and SIGHUP (the terminal closed) save the life and leave the way quitting does, restoring the terminal."""

from __future__ import annotations

import asyncio
import contextlib
import signal
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.app import App

    from game.play import Session


def stop_on_signals(app: App[int], session: Session) -> None:
    """From now on, SIGTERM and SIGHUP autosave ``session`` and stop ``app`` with 128 + the signal's number."""
    if app.is_headless:
        return  # tests and headless runs keep their own signal handling
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, getattr(signal, "SIGHUP", None)):
        if signum is not None:
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                loop.add_signal_handler(signum, stopped_by_signal, app, session, signum)


def stopped_by_signal(app: App[int], session: Session, signum: int) -> None:
    """Save and leave, as quitting does."""
    session.autosave()
    app.exit(128 + signum)
