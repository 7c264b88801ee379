"""Shown instead of the game while the terminal is smaller than the game needs."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Static

from game.strings import S
from game.tui.screens.alive import alive


class TooSmallScreen(Screen):
    """Says how large the terminal must be; the app removes it once it is."""

    CSS_PATH = "too_small.tcss"

    def __init__(self, width: int, height: int) -> None:
        super().__init__()
        self.need = (width, height)

    def compose(self) -> ComposeResult:
        yield Static(id="too-small")

    def on_mount(self) -> None:
        self.update_size()

    def on_resize(self) -> None:
        self.update_size()

    def update_size(self) -> None:
        if not alive(self):
            return  # already taken away: the terminal grew again before this was shown
        w, h = self.app.size
        self.query_one("#too-small", Static).update(
            Text(S["too_small"].format(width=self.need[0], height=self.need[1], now_w=w, now_h=h))
        )
