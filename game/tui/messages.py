"""Messages widgets post up to their screen, and screens up to the app, which routes them (see :mod:`game.tui.app`).

A screen asks the app for something in one of two ways: a message with what it needs
(:class:`StartLife`, :class:`OpenMyths`, :class:`LifeOver`, :class:`DeleteSave`), or,
from a key, a :class:`Request` for one of the things in :class:`Ask`. A key binding that
asks is made by :func:`ask_key` and handled by :meth:`AsksTheApp.action_ask`; every
message to the app derives from :class:`ToApp`, and the app routes them all in one
method (``CitizenApp.route``).
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import TYPE_CHECKING, Protocol

from textual.actions import parse
from textual.binding import Binding
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


class ToApp(Message):
    """A message a screen posts for the app to route (it bubbles up to the app)."""


class Ask(StrEnum):
    """What a key on a screen can ask the app for. The palette's help for it is ``S["cmd_help_" + value]`` if there is one."""

    NEW_LIFE = "new_life"
    TITLE = "title"
    CONTINUE = "continue_life"
    LOAD = "load"
    SAVE_AS = "save_as"
    QUIT = "quit"
    HELP = "help"
    MYTHS = "myths"
    RECORD = "record"
    HISTORY = "history"
    FRIENDS = "friends"
    RULE_BOOK = "rule_book"
    THEME = "theme"
    LANGUAGE = "language"

    @classmethod
    def of_action(cls, action: str) -> Ask | None:
        """What the binding action ``action`` asks for (None: it is a screen's own action)."""
        _namespace, name, parameters = parse(action)
        return cls(str(parameters[0])) if name == "ask" and parameters else None


class Request(ToApp):
    """A screen asks the app for ``ask`` (a key pressed, a menu entry picked, a palette command)."""

    def __init__(self, ask: Ask) -> None:
        super().__init__()
        self.ask = ask


def ask_key(keys: str, ask: Ask, description: str, *, show: bool = True) -> Binding:
    """A key binding of a screen that asks the app for ``ask`` (the screen needs :class:`AsksTheApp`)."""
    return Binding(keys, f"ask({ask.value!r})", description, show=show)


class _Posts(Protocol):
    def post_message(self, message: Message) -> bool: ...


class AsksTheApp:
    """For a screen with :func:`ask_key` bindings: the action that posts their :class:`Request`."""

    def action_ask(self: _Posts, what: str) -> None:
        self.post_message(Request(Ask(what)))


class DeleteSave(ToApp):
    """The player confirmed deleting the save ``name`` (and its backups); the app does it, then calls ``refresh``."""

    def __init__(self, name: str, refresh: Callable[[], None]) -> None:
        super().__init__()
        self.name = name
        self.refresh_list = refresh


class StartLife(ToApp):
    """The player set up a new life; the app starts it (then opens the myth-and-fact deck with ``myths_first``)."""

    def __init__(self, setup: Setup, myths_first: bool = False) -> None:
        super().__init__()
        self.setup = setup
        self.myths_first = myths_first


class OpenMyths(ToApp):
    """Open the myth-and-fact deck, at the myth ``focus`` (None: from its start, with the introduction)."""

    def __init__(self, focus: str | None = None) -> None:
        super().__init__()
        self.focus = focus


class LifeOver(ToApp):
    """The life ended and nothing is left to show on the day screen; the app shows the end."""
