"""A tier change as a moment of its own: the new grade, and what was gained and lost."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from game import present
from game.engine.model import Notice
from game.engine.scoring import privilege_lock
from game.present import Display, Visibility
from game.strings import S
from game.tui import view
from game.tui.screens.alive import alive
from game.tui.widgets.badge import badge

if TYPE_CHECKING:
    from game.engine.life import Life


@dataclass(frozen=True)
class TierChange:
    """What the modal shows: the system, the old and new tier, and privileges gained and lost."""

    system: str
    old: view.TierBand | None
    new: view.TierBand | None
    up: bool
    gained: tuple[str, ...]
    lost: tuple[str, ...]


def tier_change(life: Life, display: Display, notice: Notice) -> TierChange | None:
    """The change a ``tier`` notice announces, or None for other notices and hidden systems."""
    if notice.kind != "tier":
        return None
    content, d = life.content, notice.data
    system = d["system"]
    if display.mode(content, system) is Visibility.HIDDEN:
        return None
    sysdef = content.systems[system]
    return TierChange(
        system=present.name_of(content, "system", system),
        old=view.band_of(content, system, d["old"]),
        new=view.band_of(content, system, d["new"]),
        up=sysdef.tier_index(d["new"]) < sysdef.tier_index(d["old"]),
        gained=tuple(present.name_of(content, "privilege", p) for p in d.get("gained", ())),
        lost=tuple(_lost_name(life, p) for p in d.get("lost", ())),
    )


def _lost_name(life: Life, privilege: str) -> str:
    """A lost privilege's name, marked when only the premise as reported takes it."""
    name = present.name_of(life.content, "privilege", privilege)
    reported = privilege_lock(life, privilege).args.get("reported")
    return f"{name} {S['mark_as_reported']}" if reported else name


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
