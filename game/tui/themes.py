"""The game's themes: Textual's dark, a light one and a high-contrast one of our own; the chosen one is remembered."""

from __future__ import annotations

from textual.app import App
from textual.theme import Theme

from game import config
from game.strings import S

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

LIGHT = Theme(
    name="citizen-light",
    primary="#004578",
    secondary="#0178D4",
    accent="#9a4500",
    warning="#7f5200",
    error="#a02848",
    success="#1e6b38",
    foreground="#1F1F1F",
    background="#E0E0E0",
    surface="#D8D8D8",
    panel="#D0D0D0",
    dark=False,
    luminosity_spread=0.15,
    text_alpha=0.95,
    variables={"footer-key-foreground": "#004578"},
)
"""Textual's light theme with colours dark enough to read as text on its pale grey (contrast ≥ 4.5:1,
tested): its own orange headings and green and red words were under 2:1."""

STRING_KEYS = {"dark": "cmd_theme_dark", "light": "cmd_theme_light", "high-contrast": "cmd_theme_contrast"}

THEMES: dict[str, tuple[str, str]] = {textual: (STRING_KEYS[short], short) for short, textual in config.THEMES.items()}
"""Textual theme name → (its strings key, the name players write), in the order Ctrl+T cycles them."""


def set_up_themes(app: App, theme: str | None, *, remember: bool) -> None:
    """Make our themes known to ``app``, start in ``theme`` (None: Textual's default), and ``remember`` changes."""
    app.register_theme(LIGHT)
    app.register_theme(HIGH_CONTRAST)
    if theme:
        app.theme = textual_theme(theme)
    if remember:
        remember_changes(app)


def textual_theme(name: str) -> str:
    """The Textual theme of a theme given by the name players write (or by its Textual name)."""
    return config.THEMES[config.theme_name(name, "theme")]


def remember_changes(app: App) -> None:
    """From now on, write the theme into the config file whenever it changes (Ctrl+T, the palette).

    Not in a browser: there the app runs for someone else on the server's
    account (``citizen serve``), whose settings are not the player's.
    """
    if app.is_web:
        return
    shown = [app.theme]  # the theme the app starts in: its signal comes later, and is not a choice

    def changed(theme: Theme) -> None:
        short = THEMES.get(theme.name, ("", ""))[1]
        if not short or theme.name == shown[0]:
            return
        shown[0] = theme.name
        try:
            config.remember("theme", short)
        except config.ConfigError as exc:
            app.notify(S["theme_not_remembered"].format(error=exc), severity="warning", markup=False)

    app.theme_changed_signal.subscribe(app, changed)


def next_theme(current: str) -> str:
    """The theme after ``current`` in :data:`THEMES` (the first after the last, or after one not ours)."""
    names = list(THEMES)
    return names[(names.index(current) + 1) % len(names)] if current in names else names[0]


def cycle_theme(app: App) -> None:
    """Ctrl+T: the next theme."""
    app.theme = next_theme(app.theme)
