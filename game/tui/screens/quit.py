"""Asks before quitting a life that cannot be saved."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from game.strings import S
from game.tui.screens.alive import alive


class QuitScreen(ModalScreen[bool]):
    """Dismisses with True to quit."""

    CSS_PATH = "quit.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,n", "stay", S["quit_no"]), Binding("y", "leave", S["quit_yes"])]

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        with Vertical(id="quit-box"):
            yield Static(S["quit_title"], id="quit-title")
            yield Static(Text(self.text))
            with Horizontal(id="quit-buttons"):
                yield Button(S["quit_yes"], id="quit-yes", variant="error")
                yield Button(S["quit_no"], id="quit-no", variant="primary")

    def on_mount(self) -> None:
        if not alive(self):
            return  # closed by a quick key before it was shown
        self.query_one("#quit-no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "quit-yes")

    def action_stay(self) -> None:
        self.dismiss(False)

    def action_leave(self) -> None:
        self.dismiss(True)
