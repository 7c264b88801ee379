"""The game's themes: Textual's dark and light, and a high-contrast one of our own."""

from __future__ import annotations

from textual.app import App
from textual.theme import Theme

HIGH_CONTRAST = Theme(
    name="citizen-high-contrast",
    primary="#ffff00",
    secondary="#00ffff",
    accent="#ffff00",
    warning="#ffaa00",
    error="#ff5555",
    success="#55ff55",
    foreground="#ffffff",
    background="#000000",
    surface="#000000",
    panel="#1a1a1a",
    dark=True,
    luminosity_spread=0.05,
    text_alpha=1.0,
)

THEMES: dict[str, tuple[str, str]] = {
    "textual-dark": ("cmd_theme_dark", "textual-dark"),
    "textual-light": ("cmd_theme_light", "textual-light"),
    HIGH_CONTRAST.name: ("cmd_theme_contrast", HIGH_CONTRAST.name),
}
"""Theme name → (its strings key, its Textual name), in the order Ctrl+T cycles them."""


def register_themes(app: App) -> None:
    app.register_theme(HIGH_CONTRAST)
