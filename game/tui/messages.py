"""Messages widgets post up to their screen, and screens up to the app, which routes them (see :mod:`game.tui.app`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from game.engine.state import Setup


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


class StartLife(Message):
    """The player set up a new life; the app starts it (then opens the myth-and-fact deck with ``myths_first``)."""

    def __init__(self, setup: Setup, myths_first: bool = False) -> None:
        super().__init__()
        self.setup = setup
        self.myths_first = myths_first


class OpenMyths(Message):
    """Open the myth-and-fact deck, at the myth ``focus`` (None: from its start, with the introduction)."""

    def __init__(self, focus: str | None = None) -> None:
        super().__init__()
        self.focus = focus


class LifeOver(Message):
    """The life ended and nothing is left to show on the day screen; the app shows the end."""
