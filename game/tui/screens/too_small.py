"""Shown instead of the game while the terminal is smaller than the game needs."""

from __future__ import annotations

from rich.text import Text
from textual.app import App, ComposeResult
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


MIN_SIZE = (80, 24)
"""The smallest terminal the game is laid out for (columns, rows)."""


def too_small(width: int, height: int) -> bool:
    """Whether a terminal of ``width`` × ``height`` is smaller than :data:`MIN_SIZE`."""
    return width < MIN_SIZE[0] or height < MIN_SIZE[1]


def covered(app: App[int]) -> bool:
    """Whether the too-small message shows (it stays the top screen while it does)."""
    return bool(app.screen_stack) and isinstance(app.screen_stack[-1], TooSmallScreen)


def fit(app: App[int], width: int | None = None, height: int | None = None) -> None:
    """Cover the game with the message while the terminal (now ``width`` × ``height``) is too small; uncover it after."""
    small = too_small(width or app.size.width, height or app.size.height)
    if small and not covered(app):
        app.push_screen(TooSmallScreen(*MIN_SIZE))
    elif not small and covered(app):
        app.pop_screen()
