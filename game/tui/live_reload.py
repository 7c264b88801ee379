"""Live reload in the app (``citizen play --watch --pack PATH``): a timer asks the watcher, the app swaps the life.

The watching, validating and replaying are in :mod:`game.tools.watch` (no UI);
here only the glue: poll once a second, put the new content and life into the
session, redraw the day screen, and say what happened in a notification.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.tools.watch import LiveReload, describe

if TYPE_CHECKING:
    from textual.app import App

    from game.play import Session

INTERVAL = 1.0
"""Seconds between two looks at the pack files."""


def start_watching(app: App[int], session: Session, live: LiveReload) -> None:
    """Check the watched packs every :data:`INTERVAL` seconds while the app runs."""
    app.set_interval(INTERVAL, lambda: check(app, session, live), name="live-reload")


def check(app: App[int], session: Session, live: LiveReload) -> None:
    """One look: if a pack changed, reload it into ``session`` and show the outcome."""
    result = live.poll(session.life)
    if result is None:
        return
    if result.content is not None:
        session.content = result.content
        if result.life is not None:
            session.life = result.life
        from game.tui.screens.day import DayScreen

        if isinstance(app.screen, DayScreen) and session.life is not None and not session.life.ended:
            app.screen.show_life([])
        app.notify("\n".join(describe(result)), markup=False, timeout=6)
    else:
        app.notify("\n".join(describe(result)), severity="error", markup=False, timeout=20)
