"""The status panel: scores with tier badges and sparklines, stats (money first in sight), goals, what is barred
(one line per cause), lists and privileges."""

from __future__ import annotations

from dataclasses import dataclass, field

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.reactive import reactive
from textual.widgets import Sparkline, Static

from game import present
from game.play.views import GoalRow, SystemRow
from game.present import Visibility
from game.strings import S
from game.tui.widgets.badge import badge

SPARK_DAYS = 14
"""How many recent days the sparklines show."""


@dataclass(frozen=True)
class Status:
    """Everything the panel shows (see :mod:`game.play.views`)."""

    systems: tuple[SystemRow, ...] = ()
    stats: tuple[str, ...] = ()
    held: tuple[str, ...] = ()
    barred: tuple[str, ...] = ()
    lists: tuple[str, ...] = ()
    goals: tuple[GoalRow, ...] = field(default_factory=tuple)


def system_line(row: SystemRow) -> Text:
    """'Rongcheng social credit  1000  A' (or only the badge for tier-only systems)."""
    text = Text(row.name, style="bold")
    text.append("\n")
    if row.mode is Visibility.SHOWN:
        text.append((row.shown or present.number(row.score)) + " ")
    text.append_text(badge(row.tier))
    if row.mode is Visibility.SHOWN:
        text.append(f"\n{row.up}\n{row.down}", style="dim")
    return text


class StatusPanel(VerticalScroll):
    """Shows a :class:`Status`; rebuilt whenever it changes."""

    status: reactive[Status] = reactive(Status, recompose=True)
    """What is shown."""

    def compose(self) -> ComposeResult:
        s = self.status
        if s.systems:
            yield Static(S["status_scores"], classes="heading")
        for row in s.systems:
            yield Static(system_line(row), classes="system")
            if row.mode is Visibility.SHOWN and len(row.history) > 1:
                yield Sparkline(list(row.history[-SPARK_DAYS:]), classes="spark")
        if s.stats:
            yield Static(S["status_stats"], classes="heading")
            yield Static(Text(" · ".join(s.stats)))
        if s.goals:
            yield Static(S["status_goals"], classes="heading")
            for goal in s.goals:
                yield Static(Text(goal.line), classes=f"goal goal-{goal.state}")
        if s.barred:
            yield Static(S["status_barred"], classes="heading barred")
            yield Static(Text("\n".join(s.barred)), classes="barred")
        if s.lists:
            yield Static(S["status_lists"], classes="heading")
            yield Static(Text("\n".join(s.lists)), classes="lists")
        yield Static(S["status_privileges"], classes="heading")
        yield Static(Text(", ".join(s.held) or S["status_none"]))
