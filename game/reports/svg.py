"""Inline SVG charts for the HTML debrief: scores with tier bands, tier distributions, choice shares.

Every text that reaches the SVG passes through :func:`html.escape`; colours
from packs are used only when they are plain hex or letters.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from html import escape

from game.reports.life import Series, TierBand

PALETTE = ["#2e7d32", "#7cb342", "#c0ca33", "#fdd835", "#fb8c00", "#e53935", "#8e24aa", "#3949ab"]
LINES = ["#1f3a93", "#b71c1c", "#00695c", "#6a1b9a", "#e65100", "#37474f", "#ad1457", "#2e7d32", "#0277bd", "#8d6e63"]
DASHES = ["", "9 4", "2 3"]
"""Line patterns, so that a class of 30 has 30 lines a legend can tell apart, in colour and in print."""
_SAFE_COLOUR = re.compile(r"^(#[0-9a-fA-F]{3,8}|[a-zA-Z]{3,20})$")


def colour(value: str, index: int) -> str:
    """A pack's tier colour if it is safe to put in an attribute, else one from the palette."""
    return value if value and _SAFE_COLOUR.match(value) else PALETTE[index % len(PALETTE)]


def _fmt(x: float) -> str:
    return f"{x:.1f}".rstrip("0").rstrip(".")


def line_style(index: int, total: int) -> tuple[str, str]:
    """The (colour, dash pattern) of the ``index``-th of ``total`` players' lines."""
    if total <= len(LINES):
        return LINES[index], ""
    return LINES[index % len(LINES)], DASHES[(index // len(LINES)) % len(DASHES)]


def y_range(series: Sequence[Series]) -> tuple[float, float]:
    """The score range to draw: what the lines reach, padded, within the system's bounds."""
    lo = min(s.lowest for s in series)
    hi = max(s.highest for s in series)
    bands = series[0].bands
    floor = min((b.low for b in bands), default=lo)
    ceiling = max((b.high for b in bands), default=hi)
    pad = max((hi - lo) * 0.3, 20.0)
    return max(floor, lo - pad), min(ceiling, hi + pad)


def score_chart(
    series: Sequence[Series],
    length: int,
    scale: tuple[float, float] | None = None,
    *,
    title: str = "",
    width: int = 720,
    height: int = 260,
    numbers: bool = True,
    unit: Callable[[float], str] | None = None,
) -> str:
    """Score lines (one per life, in the palette's colours) over days 0..length, on the system's tier bands."""
    lines = [(s, s.name, (LINES[i % len(LINES)], "")) for i, s in enumerate(series)]
    return class_chart(lines, length, scale, title=title, width=width, height=height, numbers=numbers, unit=unit)


def class_chart(
    lines: Sequence[tuple[Series, str, tuple[str, str]]],
    length: int,
    scale: tuple[float, float] | None = None,
    *,
    title: str = "",
    width: int = 720,
    height: int = 260,
    numbers: bool = True,
    unit: Callable[[float], str] | None = None,
) -> str:
    """Score lines over days 0..length on the tier bands: each (series, label, (colour, dash)), the label as
    its tooltip. ``scale`` is the (low, high) of the y-axis (default: what these lines reach); without
    ``numbers`` the axis shows only the grades, for a class that never saw exact scores. ``unit`` writes
    the axis's scores in the system's own unit (a rating kept as 480 is '4.80'; default: whole numbers)."""
    if not lines:
        return ""
    series = [s for s, _, _ in lines]
    left, right, top, bottom = (56 if numbers else 14), 110, 28, 34
    lo, hi = scale or y_range(series)
    if hi <= lo:
        hi = lo + 1
    span_x = max(length, 1)

    def x(day: float) -> float:
        return left + (width - left - right) * day / span_x

    def y(score: float) -> float:
        return top + (height - top - bottom) * (hi - score) / (hi - lo)

    out = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(title)}</title>",
    ]
    out += _bands(series[0].bands, lo, hi, x(0), x(span_x), y)
    out.append(f'<rect x="{left}" y="{top}" width="{width - left - right}" height="{height - top - bottom}" class="frame"/>')
    for tick in _day_ticks(length):
        out.append(f'<text x="{_fmt(x(tick))}" y="{height - bottom + 18}" class="axis" text-anchor="middle">{tick}</text>')
    if numbers:
        for value in (lo, hi):
            shown = unit(round(value)) if unit else str(round(value))
            out.append(f'<text x="{left - 6}" y="{_fmt(y(value) + 4)}" class="axis" text-anchor="end">{escape(shown)}</text>')
    dots = len(lines) <= 6
    for s, label, (stroke, dash) in lines:
        pts = " ".join(f"{_fmt(x(d))},{_fmt(y(v))}" for d, v in s.points)
        pattern = f' stroke-dasharray="{dash}"' if dash else ""
        cls = "line" if len(lines) <= 12 else "line thin"
        out.append(f'<polyline points="{pts}" class="{cls}" stroke="{stroke}"{pattern}><title>{escape(label)}</title></polyline>')
        if dots:
            for d, v in s.points:
                out.append(f'<circle cx="{_fmt(x(d))}" cy="{_fmt(y(v))}" r="2.6" fill="{stroke}"/>')
    out.append("</svg>")
    return "\n".join(out)


def _bands(bands: list[TierBand], lo: float, hi: float, x0: float, x1: float, y: Callable[[float], float]) -> list[str]:
    out = []
    for i, band in enumerate(bands):
        top, bottom = min(band.high, hi), max(band.low, lo)
        if top <= bottom:
            continue
        fill = colour(band.color, i)
        h = y(bottom) - y(top)
        out.append(
            f'<rect x="{_fmt(x0)}" y="{_fmt(y(top))}" width="{_fmt(x1 - x0)}" height="{_fmt(h)}" '
            f'fill="{fill}" class="band"><title>{escape(band.name)}</title></rect>'
        )
        if h >= 12:
            label = escape(_clip(band.name or band.id, 12))
            out.append(f'<text x="{_fmt(x1 + 6)}" y="{_fmt(y(top) + h / 2 + 5)}" class="tier">{label}</text>')
    return out


def _day_ticks(length: int) -> list[int]:
    if length <= 10:
        return list(range(0, length + 1))
    step = 5 if length <= 40 else 10 if length <= 100 else 30
    ticks = list(range(0, length + 1, step))
    return ticks if ticks[-1] == length else [*ticks, length]


def bar_chart(rows: Sequence[tuple[str, int, str]], total: int, *, title: str = "", width: int = 560) -> str:
    """Horizontal bars: (label, count, colour) each, as a share of ``total``."""
    row_h, left, right = 36, 170, 120
    height = row_h * len(rows) + 10
    out = [
        f'<svg class="bars" viewBox="0 0 {width} {height}" role="img" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(title)}</title>",
    ]
    for i, (label, count, fill) in enumerate(rows):
        top = 5 + i * row_h
        share = count / total if total else 0.0
        w = (width - left - right) * share
        out.append(f'<text x="{left - 8}" y="{top + 19}" class="label" text-anchor="end">{escape(_clip(label, 20))}</text>')
        out.append(f'<rect x="{left}" y="{top + 4}" width="{_fmt(max(w, 0.5))}" height="{row_h - 10}" fill="{fill}"/>')
        out.append(f'<text x="{_fmt(left + w + 6)}" y="{top + 19}" class="value">{count} · {round(share * 100)}%</text>')
    out.append("</svg>")
    return "\n".join(out)


def share_bar(parts: Sequence[tuple[str, float]], *, title: str = "", width: int = 720) -> str:
    """One stacked bar of shares (label, share 0..1), each part labelled with its percentage."""
    height = 34
    out = [
        f'<svg class="share" viewBox="0 0 {width} {height}" role="img" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(title)}</title>",
    ]
    x = 0.0
    for i, (label, share) in enumerate(parts):
        w = width * share
        if w <= 0:
            continue
        fill = LINES[i % len(LINES)]
        out.append(f'<rect x="{_fmt(x)}" y="2" width="{_fmt(w)}" height="30" fill="{fill}"><title>{escape(label)}</title></rect>')
        if w > 44:
            out.append(f'<text x="{_fmt(x + w / 2)}" y="22" class="in" text-anchor="middle">{round(share * 100)}%</text>')
        x += w
    out.append("</svg>")
    return "\n".join(out)


def _clip(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"
