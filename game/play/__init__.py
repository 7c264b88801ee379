"""Play: the one place that drives a life for any front end (the TUI and the plain mode).

No Textual, no Rich. A front end renders what a :class:`Session` holds and
sends the player's choices and requests through it; the session calls the
engine and the save layer, so neither front end does.

Public API::

    session = Session(content, display, saves, player="Ana")  # content may be a loader (title first)
    notices = session.start(setup)                 # a new life in a fresh slot
    opening = session.open("ana")                  # load a save (raises SaveError: one clear message)
    if opening.goes_on: session.go_on(opening, opening.life)
    else: ask about opening.changes, then session.go_on(opening, opening.snapshot())
          or replayed = opening.replay(); session.go_on(opening, replayed.life)
    notices = session.choose(choice_id)            # autosaves at the end of a day (or after every choice)
    session.autosave() / session.save_as("name") / session.delete("name")
    session.continuable() / session.saved() / session.backups("name")
"""

from __future__ import annotations

from game.play.session import Opening, Session
from game.saves import SaveError, SaveInfo, SaveStore, safe_slot_name

__all__ = ["Opening", "SaveError", "SaveInfo", "SaveStore", "Session", "safe_slot_name"]
