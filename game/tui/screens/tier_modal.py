"""A tier change as a moment of its own: the new grade, and what was gained and lost."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from game.play.views import TierChange
from game.strings import S
from game.tui.screens.alive import alive
from game.tui.widgets.badge import badge


class TierModal(ModalScreen[None]):
    """Says the grade changed, and what that gave and took."""

    CSS_PATH = "tier_modal.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,enter,space", "close", S["tier_modal_ok"])]

    def __init__(self, change: TierChange) -> None:
        super().__init__()
        self.change = change

    def compose(self) -> ComposeResult:
        c = self.change
        title = Text(f"{c.system}\n", style="bold")
        title.append_text(badge(c.old))
        title.append("  →  ")
        title.append_text(badge(c.new))
        body = Text(S["tier_modal_up" if c.up else "tier_modal_down"], style="bold")
        if c.gained:
            body.append("\n\n" + S["tier_modal_gained"], style="bold")
            body.append("".join(f"\n  + {name}" for name in c.gained))
        if c.lost:
            body.append("\n\n" + S["tier_modal_lost"], style="bold")
            body.append("".join(f"\n  − {name}" for name in c.lost))
        if not c.gained and not c.lost:
            body.append("\n\n" + S["tier_modal_nothing"])
        with Vertical(id="tier-box", classes="up" if c.up else "down"):
            yield Static(title, id="tier-title")
            yield Static(body, id="tier-body")
            yield Button(S["tier_modal_ok"], id="tier-ok", variant="primary")

    def on_mount(self) -> None:
        if not alive(self):
            return  # closed by a quick key before it was shown
        self.query_one("#tier-ok", Button).focus()

    def on_button_pressed(self) -> None:
        self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)
