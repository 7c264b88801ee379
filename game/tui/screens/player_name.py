"""A workshop's first question: the player's name (or seat number), which also names their save."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from game.play import safe_slot_name
from game.strings import S
from game.tui.labels import label
from game.workshop.codes import MAX_TYPED


class PlayerNameScreen(ModalScreen[str | None]):
    """Dismisses with the name typed (None: Escape, to leave the workshop)."""

    DEFAULT_CSS = """
    PlayerNameScreen {
        align: center middle;
        #name-box { width: 60; height: auto; padding: 1 2; border: thick $primary; background: $surface; }
        #name-title { text-style: bold; padding-bottom: 1; }
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", label("key_close"))]

    def __init__(self, title: str) -> None:
        super().__init__()
        self.workshop_title = title

    def compose(self) -> ComposeResult:
        with Vertical(id="name-box"):
            yield Static(Text(S["workshop_welcome"].format(title=self.workshop_title)), id="name-title")
            yield Label(S["workshop_ask_name"].strip())
            yield Input(id="player-name", max_length=60)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        name = event.value.strip()
        if not safe_slot_name(name):
            self.notify(S["workshop_bad_name"].format(name=name), severity="error", markup=False)
            return
        self.dismiss(name)

    def action_cancel(self) -> None:
        self.dismiss(None)


class SeatCodeScreen(ModalScreen[str | None]):
    """A returning player's seat code: dismisses with what was typed (None: Escape, back to the name)."""

    DEFAULT_CSS = """
    SeatCodeScreen {
        align: center middle;
        #code-box { width: 60; height: auto; padding: 1 2; border: thick $primary; background: $surface; }
        #code-title { padding-bottom: 1; }
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", label("key_close"))]

    def __init__(self, name: str) -> None:
        super().__init__()
        self.player = name

    def compose(self) -> ComposeResult:
        with Vertical(id="code-box"):
            yield Static(Text(S["seat_code_title"].format(name=self.player)), id="code-title")
            yield Label(Text(S["seat_code_ask"].format(name=self.player).strip()))
            yield Input(id="seat-code", max_length=MAX_TYPED, password=True)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)
