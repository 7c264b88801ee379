"""A question with a few answers, as a modal: dismisses with the id of the answer (None: Escape)."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from game.tui.labels import label
from game.tui.screens.alive import alive


class AskScreen(ModalScreen[str | None]):
    """``answers``: (id, label) pairs, the first one focused."""

    CSS_PATH = "ask.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", label("key_close"))]

    def __init__(self, title: str, text: str, answers: list[tuple[str, str]]) -> None:
        super().__init__()
        self.title_text = title
        self.text = text
        self.answers = answers

    def compose(self) -> ComposeResult:
        with Vertical(id="ask-box"):
            yield Static(Text(self.title_text, style="bold"), id="ask-title")
            yield Static(Text(self.text), id="ask-text")
            with Horizontal(id="ask-buttons"):
                for ident, label in self.answers:
                    yield Button(Text(label), id=f"ask-{ident}")

    def on_mount(self) -> None:
        if not alive(self):
            return  # closed by a quick key before it was shown
        self.query(Button).first().focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss((event.button.id or "").removeprefix("ask-"))

    def action_cancel(self) -> None:
        self.dismiss(None)
