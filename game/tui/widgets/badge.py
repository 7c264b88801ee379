"""A tier badge: the tier's name on its colour."""

from __future__ import annotations

from rich.color import Color
from rich.style import Style
from rich.text import Text

from game.play.views import TierBand


def readable_on(colour: str) -> str:
    """Black or white, whichever reads better on ``colour``."""
    r, g, b = Color.parse(colour).get_truecolor()
    return "#000000" if (0.299 * r + 0.587 * g + 0.114 * b) > 150 else "#ffffff"


def badge(band: TierBand | None) -> Text:
    """' AA ' on the tier's colour ('?' if the tier is unknown)."""
    if band is None:
        return Text(" ? ", style="reverse")
    return Text(f" {band.name} ", style=Style(color=readable_on(band.colour), bgcolor=band.colour, bold=True))
