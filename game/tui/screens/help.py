"""Help: the keys, what grades and privileges mean, and where the rules come from."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from game.strings import S
from game.tui.labels import label


class HelpScreen(ModalScreen[None]):
    """Opened with F1 or ?; Escape closes it."""

    CSS_PATH = "help.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,f1,question_mark", "close", label("key_close"))]

    def compose(self) -> ComposeResult:
        with Vertical(id="help-box"):
            yield Static(S["help_title"], id="help-title")
            with VerticalScroll():
                yield Static(S["help_text"], id="help-text")  # fixed text from the strings table
            yield Button(S["key_close"], id="help-close")

    def on_button_pressed(self) -> None:
        self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)
