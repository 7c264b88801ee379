"""The event card: the event's title and text, its choices, and what the last choice did."""

from __future__ import annotations

from rich.console import Console, ConsoleOptions, RenderResult
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from game.safe_text import styled
from game.strings import S
from game.tui.messages import ChoiceMade, LockedChoiceTried


class ChoiceRow:
    """One visible choice as the card shows it: label (pack text) and lock reason (or '')."""

    def __init__(self, choice_id: str, label: str, reason: str) -> None:
        self.choice_id = choice_id
        self.label = label
        self.reason = reason


class ChoicePrompt:
    """'1. Cross anyway', or a locked one with its reason beneath, as an option of the list.

    The number stands in a column of its own, so a long label (or reason) wraps
    beneath its own first word, never under the number: each choice reads as one.
    ``str()`` gives the plain text.
    """

    def __init__(self, n: int, row: ChoiceRow) -> None:
        self.number = Text(f"{n}. ", style="bold")
        self.label = styled(row.label)
        if row.reason:
            self.label.append(f"  [{S['locked_mark']}]", style="italic")
            self.label.append("\n")
            self.label.append(row.reason, style="italic")

    def __str__(self) -> str:
        return self.number.plain + self.label.plain

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        grid = Table.grid()
        grid.add_column(width=len(self.number), no_wrap=True)
        grid.add_column(ratio=1, overflow="fold")
        grid.add_row(self.number, self.label)
        yield grid


class ChoiceList(OptionList):
    """The choices of the event: arrows and Enter, or number keys (bound on the screen)."""

    rows: list[ChoiceRow]
    event_id = ""
    turn = -1
    """How many choices the life had made when these were shown (sent with the choice, to spot stale keys)."""

    def set_choices(self, event_id: str, rows: list[ChoiceRow], turn: int) -> None:
        self.event_id = event_id
        self.turn = turn
        self.rows = rows
        self.clear_options()
        self.add_options(
            Option(ChoicePrompt(n, row), id=row.choice_id, disabled=bool(row.reason)) for n, row in enumerate(rows, start=1)
        )
        first_open = next((i for i, row in enumerate(rows) if not row.reason), None)
        self.highlighted = first_open

    def action_select(self) -> None:
        """Enter or a click: take the highlighted choice at once.

        OptionList would post OptionSelected and take it a message later, so a
        number key typed just after Enter could overtake it; picking here keeps
        the keys in the order they were typed.
        """
        if self.highlighted is not None:
            self.pick(self.highlighted + 1)

    def pick(self, n: int) -> None:
        """Take choice number ``n`` (1-based), or say why it is locked."""
        rows = getattr(self, "rows", [])
        if not 1 <= n <= len(rows):
            return
        row = rows[n - 1]
        if row.reason:
            self.post_message(LockedChoiceTried(row.reason, row.choice_id))
        else:
            self.post_message(ChoiceMade(self.event_id, row.choice_id, self.turn))


class EventCard(VerticalScroll):
    """Title, text and choices of the waiting event, and the notices of the last choice."""

    def compose(self) -> ComposeResult:
        yield Static(id="event-title")
        yield Static(id="event-text")
        yield ChoiceList(id="choices")
        yield Static(id="today")

    def show(self, event_id: str, title: str, text: str, rows: list[ChoiceRow], today: list[str | Text], turn: int) -> None:
        """Show an event (pack text, made safe here) and the lines of what just happened; ``turn`` see :class:`ChoiceList`."""
        self.query_one("#event-title", Static).update(styled(title))
        self.query_one("#event-text", Static).update(styled(text))
        self.query_one(ChoiceList).set_choices(event_id, rows, turn)
        self.show_today(today)
        self.scroll_home(animate=False)

    def show_today(self, lines: list[str | Text]) -> None:
        today = self.query_one("#today", Static)
        if not lines:
            today.update("")
            today.display = False
            return
        body = Text(S["today_header"], style="bold")
        for line in lines:
            body.append("\n• ")
            body.append(line)
        today.update(body)
        today.display = True
