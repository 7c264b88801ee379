"""History: each system's score over the days, on bands coloured by tier."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from game import present
from game.play import views
from game.present import Display, Visibility
from game.strings import S, plural
from game.tui.labels import label
from game.tui.widgets.tier_chart import TierChart

if TYPE_CHECKING:
    from game.engine.life import Life


def charts(life: Life, display: Display, *, shadow: bool = False) -> ComposeResult:
    """A heading and a chart for each system the player may see (tier-only systems: just the grade)."""
    for row in views.system_rows(life, display, shadow=shadow):
        days = len(row.history) - 1
        yield Static(Text(plural("history_system", days).format(system=row.name, n=days)), classes="chart-title")
        if row.mode is not Visibility.SHOWN:
            tier = present.tier_name(life.content, row.id, row.tier.id) if row.tier else "?"
            yield Static(Text(S["history_tier_only"].format(tier=tier)), classes="chart-note")
            continue
        unit = views.score_unit(life.content, row.id)
        yield TierChart(row.history, views.tier_bands(life.content, row.id), unit, classes="chart")


class HistoryScreen(Screen):
    """Charts of the life so far (the last value is today's score)."""

    CSS_PATH = "history.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "app.pop_screen", label("key_back"))]

    def __init__(self, life: Life, display: Display) -> None:
        super().__init__()
        self.life = life
        self.shown = display

    def compose(self) -> ComposeResult:
        yield Static(S["history_title"], id="history-title")
        shown = [r for r in views.system_rows(self.life, self.shown) if r.mode is Visibility.SHOWN]
        with VerticalScroll(id="history-body", classes="single" if len(shown) == 1 else ""):
            yield from charts(self.life, self.shown)
            if not self.life.state.history or not any(self.life.state.history.values()):
                yield Static(S["history_empty"], classes="chart-note")
        yield Footer()
