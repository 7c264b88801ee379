"""The history chart's label column: each tier named at its own threshold (fix 6), scores in their own unit."""

from __future__ import annotations

import re

from game import present
from game.engine.content import Content
from game.play import views as view
from game.play.views import TierBand
from game.tui.widgets.tier_chart import draw, edge_rows

RONGCHENG = [
    TierBand("AAA", "AAA", 1050, "#2e7d32"),
    TierBand("AA", "AA", 1030, "#558b2f"),
    TierBand("A", "A", 960, "#9e9d24"),
    TierBand("B", "B", 850, "#f9a825"),
    TierBand("D", "D", 0, "#c62828"),
]


def label_column(values: list[float], bands: list[TierBand], width: int = 60, height: int = 12, **kw) -> list[str]:
    *lines, axis = draw(values, bands, width, height, **kw).plain.splitlines()
    bars_from = axis.index("0")  # the day axis starts beneath the first bar
    return [" ".join(line[:bars_from].split()) for line in lines]


def test_a_tier_is_named_beside_its_own_threshold_never_the_next_one() -> None:
    labels = label_column([995, 1000, 1010, 1035, 1040], RONGCHENG)
    named = [label for label in labels if re.match(r"[A-Z]", label)]
    assert "AA ≥1030" in named and "A ≥960" in named
    assert not any(label.startswith("AA") and "1050" in label for label in labels)  # the bug: 'AA 1050'
    assert labels[0] == "1050"  # the chart's top: a number only, no tier beside it


def test_every_tier_on_the_chart_is_named_once_at_the_row_where_it_begins() -> None:
    rows = edge_rows(RONGCHENG, 960, 1050, 9)
    assert {band.id: row for row, band in rows.items()} == {"AA": 1, "A": 8}
    assert edge_rows(RONGCHENG, 960, 1050, 9).get(0) is None  # 1050 is the top edge: above every row


def test_ratings_are_labelled_in_stars(builtin: Content) -> None:
    bands = view.tier_bands(builtin, "ride_rating")
    unit = view.score_unit(builtin, "ride_rating")
    labels = " ".join(label_column([470, 486, 455, 452], bands, unit=unit))
    assert "≥4.50" in labels and "≥4.80" in labels
    assert "480" not in labels and "450" not in labels
    assert present.score_text(builtin, "ride_rating", 452) == "4.52"


def test_the_record_and_the_debrief_chart_show_ratings_in_stars(builtin: Content) -> None:
    from game.engine.model import Record
    from game.present import Display
    from game.reports import svg
    from game.reports.life import Series
    from game.reports.life import TierBand as ReportBand
    from game.tui.screens.record import record_cells

    record = Record(3, "ride_rating", "ride_late", -8, 472, "")
    cells = record_cells(builtin, Display(), record)
    assert (cells[3], cells[4]) == ("-0.08", "4.72")

    bands = [ReportBand(b.id, b.name, b.min, 500, b.colour) for b in view.tier_bands(builtin, "ride_rating")]
    series = Series("ride_rating", "Passenger rating", [(0, 480), (1, 472)], bands, 472, "r45", 472, 480)
    chart = svg.score_chart([series], 2, (400, 500), unit=view.score_unit(builtin, "ride_rating"))
    assert ">4.00</text>" in chart and ">5.00</text>" in chart and ">500</text>" not in chart
    assert "4.8 and up" in chart  # the bands are named as the player sees them, not by their ids ('r48')
