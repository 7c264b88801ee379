"""The facilitator's dashboard: a read-only live view of a workshop's saves folder (``citizen dashboard``).

It follows the folder with file events (``watchfiles``: the operating system
says which save changed, and only that file is read again) and shows one row
per seat, the class's grades now, who has stopped, and the discussion prompts
whose moment someone has reached. It never writes a file. Twice per idle limit
(at most once a minute) it looks at the clock again, to say who has stopped (no
file is read for that).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import work
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import DataTable, Footer, Header, Static

from game import present
from game.safe_text import to_plain
from game.strings import S
from game.tui.labels import label
from game.tui.themes import set_up_themes
from game.workshop.room import Room, SeatLine

IDLE_MINUTES = 3.0


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class DashboardApp(App[int]):
    """The room of ``workshop`` as its players' saves change; ``idle``: minutes without a save that count as stopped."""

    CSS = """
    #dash-body { height: 1fr; }
    #seats { width: 2fr; height: 1fr; }
    #side { width: 1fr; min-width: 34; padding: 0 1; border-left: solid $primary; }
    #side Static { margin-bottom: 1; }
    .dash-title { text-style: bold; color: $accent; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", label("key_quit")),
        Binding("ctrl+t", "cycle_theme", label("key_theme"), show=False),
    ]

    def __init__(self, room: Room, *, idle: float = IDLE_MINUTES, theme: str | None = None, watch: bool = True) -> None:
        super().__init__()
        self.room = room
        self.idle = idle
        self.start_theme = theme
        self.follow = watch
        self.title = S["dash_title"].format(title=room.workshop.title)
        self.sub_title = str(room.folder)

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="dash-body"):
            yield DataTable(id="seats", cursor_type="row", zebra_stripes=True)
            with VerticalScroll(id="side"):
                yield Static(id="grades")
                yield Static(id="stopped")
                yield Static(id="prompts")
        yield Footer()

    def on_mount(self) -> None:
        set_up_themes(self, self.start_theme, remember=False)
        self.room.scan()
        self.refresh_view()
        self.set_interval(max(5.0, min(60.0, self.idle * 30)), self.refresh_side)  # twice per idle limit
        if self.follow:
            self.follow_saves()

    @work(exclusive=True, group="follow")
    async def follow_saves(self) -> None:
        """Read a save again whenever the system says it changed (and only then)."""
        from watchfiles import awatch

        folder = self.room.folder
        folder_to_watch = folder if folder.is_dir() else folder.parent
        async for changes in awatch(folder_to_watch, debounce=300, step=100, recursive=False):
            paths = [Path(p) for _change, p in changes]
            if folder_to_watch != folder and folder.is_dir():  # the saves folder appeared: start following it
                self.room.scan()
                self.refresh_view()
                self.follow_saves()
                return
            if self.room.update(paths):
                self.refresh_view()

    # -- drawing -------------------------------------------------------------------
    def refresh_view(self) -> None:
        self.refresh_table()
        self.refresh_side()

    def refresh_table(self) -> None:
        table = self.query_one("#seats", DataTable)
        systems = self.room.systems()
        table.clear(columns=True)
        table.add_column(S["dash_col_player"], key="player")
        table.add_column(S["dash_col_day"], key="day")
        for system in systems:
            table.add_column(Text(to_plain(present.name_of(self.room.content, "system", system))), key=f"grade:{system}")
        table.add_column(S["dash_col_goals"], key="goals")
        table.add_column(S["dash_col_lock"], key="lock")
        for line in self.room.lines():
            table.add_row(*self.row(line, systems), key=str(line.path))

    def row(self, line: SeatLine, systems: list[str]) -> list[Text]:
        if line.problem:
            return [Text(to_plain(line.player)), Text(S["dash_unreadable"], style="red"), *[Text("") for _ in systems],
                    Text(""), Text(to_plain(line.problem))]  # fmt: skip
        day = S["dash_ended"].format(day=line.day) if line.ended else S["dash_day"].format(day=line.day, length=line.length)
        grades = [Text(line.grades.get(s, "") or "—") for s in systems]
        goals = f"{line.goals_met}/{line.goals}"
        return [Text(to_plain(line.player)), Text(day), *grades, Text(goals), Text(to_plain(line.last_lock) or "—")]

    def refresh_side(self) -> None:
        room = self.room
        parts = Text(S["dash_grades"], style="bold")
        for system in room.systems():
            parts.append("\n" + to_plain(present.name_of(room.content, "system", system)) + "\n", style="italic")
            total = max(1, len(room.seats))
            for tier_id, _name, count in room.distribution(system):
                bar = "█" * round(20 * count / total)
                parts.append(f"  {tier_id:>4} {bar:<20} {count}\n")
        if not room.seats:
            parts.append("\n" + S["dash_nobody"].format(folder=room.folder))
        self.query_one("#grades", Static).update(parts)
        stopped = Text(S["dash_stopped"].format(minutes=f"{self.idle:g}"), style="bold")
        idle = room.stopped(now(), self.idle)
        for line in idle:
            minutes = round(line.idle_minutes(now()))
            stopped.append("\n" + S["dash_stopped_line"].format(player=to_plain(line.player), minutes=minutes, day=line.day))
        if not idle:
            stopped.append("\n" + S["dash_stopped_none"])
        self.query_one("#stopped", Static).update(stopped)
        prompts = Text(S["dash_prompts"], style="bold")
        reached = room.reached_prompts()
        for p in reached:
            about = f" ({to_plain(p.about)})" if p.about else ""
            prompts.append("\n• " + to_plain(p.text))
            prompts.append(S["dash_prompt_reached"].format(about=about, n=p.players), style="dim")
        if not reached:
            prompts.append("\n" + S["dash_prompts_none"])
        self.query_one("#prompts", Static).update(prompts)

    def action_cycle_theme(self) -> None:
        from game.tui.themes import THEMES

        names = list(THEMES)
        self.theme = names[(names.index(self.theme) + 1) % len(names)] if self.theme in names else names[0]
