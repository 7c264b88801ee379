"""A score-over-days chart drawn in block characters, on bands coloured by tier."""

from __future__ import annotations

from collections.abc import Sequence

from rich.color import Color
from rich.console import RenderableType
from rich.style import Style
from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from game import present
from game.play.views import TierBand

BLOCKS = " ▁▂▃▄▅▆▇█"
LABEL_WIDTH = 11


def blend(colour: str, towards: str, amount: float) -> str:
    """``colour`` moved ``amount`` (0–1) of the way to ``towards``, as #rrggbb."""
    a, b = Color.parse(colour).get_truecolor(), Color.parse(towards).get_truecolor()
    mixed = [round(x + (y - x) * amount) for x, y in zip(a, b, strict=True)]
    return "#{:02x}{:02x}{:02x}".format(*mixed)


def value_range(values: Sequence[float], bands: Sequence[TierBand]) -> tuple[float, float]:
    """The scores the chart spans: the values, the floor of the lowest tier they reach, the next tier up."""
    lo, hi = min(values), max(values)
    floor = next((b.min for b in bands if b.min <= lo), lo)  # bands run best first
    ceiling = min((b.min for b in bands if b.min > hi), default=hi)
    lo, hi = min(lo, floor), max(hi, ceiling)
    if hi - lo < 1:
        hi = lo + 1
    return lo, hi


def band_at(bands: Sequence[TierBand], score: float) -> TierBand | None:
    return next((b for b in bands if score >= b.min), bands[-1] if bands else None)


def columns(values: Sequence[float], width: int) -> list[float]:
    """One value per column: each day repeated to fill (at most 3 wide), or days sampled to fit."""
    if not values or width <= 0:
        return []
    if len(values) <= width:
        repeat = max(1, min(3, width // len(values)))
        return [v for v in values for _ in range(repeat)]
    return [values[min(len(values) - 1, round(i * (len(values) - 1) / (width - 1)))] for i in range(width)]


def draw(values: Sequence[float], bands: Sequence[TierBand], width: int, height: int, *, dark: bool = True) -> Text:
    """The chart as Rich text: a label column (tier names, thresholds) then the bars."""
    if not values or width <= LABEL_WIDTH + 2 or height < 2:
        return Text("")
    lo, hi = value_range(values, bands)
    plot_w, plot_h = width - LABEL_WIDTH, height - 1
    cols = columns(values, plot_w)
    step = (hi - lo) / plot_h
    backdrop = "#000000" if dark else "#ffffff"
    out = Text(no_wrap=True, overflow="crop")
    named: set[str] = set()
    for r in range(plot_h):
        top = hi - r * step
        bottom = top - step
        band = band_at(bands, (top + bottom) / 2)
        label = ""
        if band is not None and band.id not in named:
            named.add(band.id)
            label = band.name[:4]
        edge = next((b.min for b in bands if bottom <= b.min < top), None)
        number = present.number(round(edge)) if edge is not None else (present.number(round(hi)) if r == 0 else "")
        out.append(f"{label:<4}{number:>6} ", style="dim")
        bg = blend(band.colour, backdrop, 0.75) if band else None
        for value in cols:
            if value >= top:
                glyph = BLOCKS[-1]
            elif value <= bottom:
                glyph = " "
            else:
                glyph = BLOCKS[max(1, min(8, round((value - bottom) / step * 8)))]
            own = band_at(bands, value)
            out.append(glyph, style=Style(color=own.colour if own else None, bgcolor=bg))
        out.append(" " * (plot_w - len(cols)), style=Style(bgcolor=bg))
        out.append("\n")
    first, last = "0", str(len(values) - 1)
    out.append(" " * LABEL_WIDTH + first + " " * max(1, len(cols) - len(first) - len(last)) + last, style="dim")
    return out


class TierChart(Widget):
    """Shows ``values`` (a score at each day's end) over the system's tier bands."""

    DEFAULT_CSS = """
    TierChart { height: 12; width: 1fr; }
    """

    values: reactive[tuple[float, ...]] = reactive(tuple)
    """The scores, one per day."""
    bands: reactive[tuple[TierBand, ...]] = reactive(tuple)
    """The system's tiers, best first."""

    def __init__(self, values: Sequence[float] = (), bands: Sequence[TierBand] = (), **kwargs: str | None) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.set_reactive(TierChart.values, tuple(values))
        self.set_reactive(TierChart.bands, tuple(bands))

    def render(self) -> RenderableType:
        dark = getattr(self.app.current_theme, "dark", True)
        return draw(self.values, self.bands, self.size.width, self.size.height, dark=dark)
