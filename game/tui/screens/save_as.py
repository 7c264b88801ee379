"""Save as: ask for a name for this life's save."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from game.strings import S
from game.tui.labels import label


class SaveAsScreen(ModalScreen[str | None]):
    """Dismisses with the name typed (None: Escape)."""

    CSS_PATH = "save_as.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", label("key_close"))]

    def __init__(self, suggestion: str) -> None:
        super().__init__()
        self.suggestion = suggestion

    def compose(self) -> ComposeResult:
        with Vertical(id="save-box"):
            yield Static(S["save_title"], id="save-title")
            yield Label(S["save_name"])
            yield Input(value=self.suggestion, id="save-name", max_length=40)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        name = event.value.strip()
        if not name:
            self.notify(S["save_bad_name"], severity="error", markup=False)
            return
        self.dismiss(name)

    def action_cancel(self) -> None:
        self.dismiss(None)
