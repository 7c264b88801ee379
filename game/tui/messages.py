"""Messages widgets post up to their screen (widgets never call the engine)."""

from __future__ import annotations

from collections.abc import Callable

from textual.message import Message


class ChoiceMade(Message):
    """The player took a choice that was open in event ``event_id`` after ``turn`` choices.

    Stale (and ignored) once another choice was made: keys pressed faster than
    the screen changes each mean the event they were pressed on, even when the
    next event has the same id.
    """

    def __init__(self, event_id: str, choice_id: str, turn: int) -> None:
        super().__init__()
        self.event_id = event_id
        self.choice_id = choice_id
        self.turn = turn


class LockedChoiceTried(Message):
    """The player tried the locked choice ``choice_id``; ``reason`` says why it is locked."""

    def __init__(self, reason: str, choice_id: str = "") -> None:
        super().__init__()
        self.reason = reason
        self.choice_id = choice_id


class DeleteSave(Message):
    """The player confirmed deleting the save ``name`` (and its backups); the app does it, then calls ``refresh``."""

    def __init__(self, name: str, refresh: Callable[[], None]) -> None:
        super().__init__()
        self.name = name
        self.refresh_list = refresh
