"""A score-over-days chart drawn in block characters, on bands coloured by tier."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from rich.color import Color
from rich.console import RenderableType
from rich.style import Style
from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from game import present
from game.play.views import TierBand

BLOCKS = " ▁▂▃▄▅▆▇█"
NAME_WIDTH = 12
"""A tier's name in the label column is cut to this many characters."""

Unit = Callable[[float], str]
"""Writes a score in its system's own unit."""


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


def edge_rows(bands: Sequence[TierBand], lo: float, hi: float, rows: int) -> dict[int, TierBand]:
    """The row (0 at the top) in which each band's lowest score lies, for the bands that begin inside the chart.

    A row spans scores from its bottom (included) up to its top; a threshold on the chart's
    top edge lies above every row (that band is not drawn). Two thresholds in one row: the higher one.
    """
    step = (hi - lo) / rows
    found: dict[int, TierBand] = {}
    for band in bands:  # best first: the higher threshold of a row comes first
        x = (hi - band.min) / step
        if abs(x - round(x)) < 1e-9:
            x = round(x)
        row = math.ceil(x) - 1
        if 0 <= row < rows:
            found.setdefault(row, band)
    return found


def labels(bands: Sequence[TierBand], lo: float, hi: float, rows: int, unit: Unit) -> list[str]:
    """The label of each row: a band's name and its threshold ('AA ≥1030') in the row where that band begins,
    the chart's top score alone on the top row when no band begins there; every label as wide as the widest."""
    edges = edge_rows(bands, lo, hi, rows)
    name_w = max((len(b.name[:NAME_WIDTH]) for b in edges.values()), default=0)
    cells = {r: (b.name[:NAME_WIDTH], "≥" + unit(b.min)) for r, b in edges.items()}
    if 0 not in cells:
        cells[0] = ("", unit(hi))
    number_w = max(len(n) for _, n in cells.values())
    return [f"{cells[r][0]:<{name_w}} {cells[r][1]:>{number_w}} " if r in cells else "" for r in range(rows)]


def draw(
    values: Sequence[float], bands: Sequence[TierBand], width: int, height: int, *, dark: bool = True, unit: Unit = present.number
) -> Text:
    """The chart as Rich text: a label column (each tier's name at its threshold) then the bars.

    ``unit`` writes a score in the system's own unit (a rating kept as 480 is '4.80').
    """
    if not values or height < 2:
        return Text("")
    lo, hi = value_range(values, bands)
    plot_h = height - 1
    row_labels = labels(bands, lo, hi, plot_h, unit)
    label_w = max(len(label) for label in row_labels)
    plot_w = width - label_w
    if plot_w < 2:
        return Text("")
    cols = columns(values, plot_w)
    step = (hi - lo) / plot_h
    backdrop = "#000000" if dark else "#ffffff"
    out = Text(no_wrap=True, overflow="crop")
    for r in range(plot_h):
        top = hi - r * step
        bottom = top - step
        band = band_at(bands, (top + bottom) / 2)
        out.append(f"{row_labels[r]:<{label_w}}", style="dim")
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
    out.append(" " * label_w + first + " " * max(1, len(cols) - len(first) - len(last)) + last, style="dim")
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

    def __init__(
        self, values: Sequence[float] = (), bands: Sequence[TierBand] = (), unit: Unit = present.number, **kwargs: str | None
    ) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.unit = unit
        """Writes a score in the system's own unit."""
        self.set_reactive(TierChart.values, tuple(values))
        self.set_reactive(TierChart.bands, tuple(bands))

    def render(self) -> RenderableType:
        dark = getattr(self.app.current_theme, "dark", True)
        return draw(self.values, self.bands, self.size.width, self.size.height, dark=dark, unit=self.unit)
