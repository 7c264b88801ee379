"""Notes where players look: the note behind a lock or an event, and the myth-and-fact deck.

Both are modal; Escape closes them. Pack text arrives plain (see :mod:`game.notes`)
and is shown literally, never as markup.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from game.notes import Note, reliability_words
from game.safe_text import to_plain
from game.strings import S
from game.tui.labels import label

if TYPE_CHECKING:
    from game.engine.content import Myth


def note_text(note: Note) -> Text:
    """A note: its heading, its reliability, and its text."""
    out = Text(note.heading, style="bold")
    out.append("\n" + S["note_reliability"].format(level=note.reliability), style="italic")
    out.append("\n" + note.text)
    return out


def myth_text(myth: Myth) -> Text:
    """A myth card: the claim, how reliable it is, what the sources say, and the sources."""
    out = Text(S["myth_claim"].format(claim=to_plain(myth.claim)), style="bold")
    out.append("\n" + S["myth_reliability"].format(level=reliability_words(myth.reliability)), style="italic")
    out.append("\n" + S["myth_fact"].format(fact=to_plain(myth.fact)))
    out.append("\n" + S["myth_sources"])
    for source in myth.sources:
        out.append("\n" + S["myth_source"].format(source=to_plain(source)))
    return out


class NoteScreen(ModalScreen[str | None]):
    """The notes behind a lock or an event. M opens the myth about it, if the deck has one."""

    CSS_PATH = "notes.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,w", "close", label("key_close")),
        Binding("m", "myth", label("key_myths")),
    ]

    def __init__(self, title: str, notes: list[Note], myths: list[Myth] | None = None) -> None:
        super().__init__()
        self.title_text = title
        self.notes = notes
        self.myths = myths or []

    def compose(self) -> ComposeResult:
        with Vertical(classes="note-box"):
            yield Static(Text(S["note_title"]), classes="note-title")
            if self.title_text:  # what the notes are about, where their headings do not say it
                yield Static(Text(self.title_text), id="note-about")
            with VerticalScroll():
                for note in self.notes:
                    yield Static(note_text(note), classes="note-item")
                if not self.notes:
                    yield Static(S["note_none"], classes="note-item")
                for myth in self.myths:
                    yield Static(Text(S["note_myth_hint"].format(claim=to_plain(myth.claim)), style="bold"), classes="note-item")
            yield Button(S["key_close"], id="note-close")

    def on_button_pressed(self) -> None:
        self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)

    def action_myth(self) -> None:
        if self.myths:
            self.dismiss(self.myths[0].id)


class MythScreen(ModalScreen[None]):
    """The myth-and-fact deck; ``focus`` puts one myth first; ``intro`` opens with the words for a new player."""

    CSS_PATH = "notes.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,m", "close", label("key_close"))]

    def __init__(self, myths: list[Myth], focus: str | None = None, intro: bool = True) -> None:
        super().__init__()
        self.myths = sorted(myths, key=lambda m: m.id != focus)  # the myth asked for first, the rest in order
        self.intro = intro

    def compose(self) -> ComposeResult:
        with Vertical(classes="note-box"):
            yield Static(Text(S["myths_title"]), classes="note-title")
            with VerticalScroll(id="myths"):
                if self.intro:
                    yield Static(Text(S["myths_intro"]), classes="note-item")
                for myth in self.myths:
                    yield Static(myth_text(myth), classes="note-item", id=f"myth-{myth.id}")
                if not self.myths:
                    yield Static(S["myths_none"], classes="note-item")
            yield Button(S["key_close"], id="myths-close")

    def on_button_pressed(self) -> None:
        self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)
