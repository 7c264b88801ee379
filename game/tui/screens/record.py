"""The record: every score change in a table, filterable by system, each with its rule's source."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, DataTable, Footer, Select, Static

from game.notes import reliability_words, secret_systems_lines
from game.play.views import RecordRow, record_row
from game.safe_text import styled, to_plain
from game.strings import S
from game.tui.labels import label
from game.tui.screens.alive import SafeSelect, alive

if TYPE_CHECKING:
    from game.engine.content import Content
    from game.engine.model import Record
    from game.present import Display

ALL = "*"
COLUMNS = (("day", 3), ("system", 12), ("rule", 22), ("points", 6), ("score", 5), ("cause", 24), ("source", 60))
"""The ledger's columns and their widths (the detail view shows everything in full)."""


def record_cells(content: Content, display: Display, record: Record) -> tuple[str, ...]:
    """Day, system, rule, points, score, cause, source: undisclosed parts as the display says (see :func:`views.record_row`)."""
    row = record_row(content, display, record)
    return (str(row.day), row.system, row.rule, row.points, row.score, row.cause, row.source)


def detail_text(
    content: Content, display: Display, record: Record, cause: str = "", overrides: Mapping[str, float] | None = None
) -> Text:
    """The long form of a record: the rule, its points, why (``cause``: its words as the ledger shows them, pack
    text filled in), and where the rule comes from; that a workshop changed its points (``overrides``, the life's
    'system.rule' → points), since its source speaks of the rule as the pack has it."""
    cells = record_cells(content, display, record)
    if cause:
        cells = (*cells[:5], cause, *cells[6:])
    out = Text(S["record_detail_title"].format(rule=cells[2], system=cells[1], day=record.day), style="bold")
    if cells[3] != "?":
        out.append("\n" + S["record_detail_points"].format(points=cells[3], score=cells[4]))
    out.append("\n" + S["record_detail_cause"].format(cause=cells[5]))
    if record.shadow:
        out.append("\n" + S["record_detail_shadow"], style="italic")
    rule = content.systems[record.system].rules.get(record.rule)
    if rule is None or cells[3] == "?":
        return out
    if f"{record.system}.{record.rule}" in (overrides or {}):
        out.append("\n" + S["record_detail_override"], style="italic")
    if rule.reported_only:
        out.append("\n" + S["record_detail_reported"], style="italic")
    if rule.category:
        out.append("\n" + S["record_detail_category"].format(category=to_plain(rule.category)))
    if rule.description:
        out.append("\n\n")
        out.append_text(styled(rule.description))
    out.append("\n\n" + S["record_detail_source"], style="bold")
    out.append("\n" + S["note_reliability"].format(level=reliability_words(rule.reliability)), style="italic")
    out.append("\n")
    out.append_text(styled(rule.source) if rule.source else Text(S["no_source"]))
    return out


class RecordDetail(ModalScreen[None]):
    """One record, with the rule's real-world note."""

    CSS_PATH = "record.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,enter", "app.pop_screen", label("key_close"))]

    def __init__(self, text: Text) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        with Vertical(id="detail-box"):
            with VerticalScroll():
                yield Static(self.text, id="detail-text")
            yield Button(S["key_close"], id="detail-close")

    def on_button_pressed(self) -> None:
        self.dismiss(None)


class RecordScreen(Screen):
    """The ledger. Enter on a row opens its detail."""

    CSS_PATH = "record.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", label("key_back")),
        Binding("tab", "focus_next", label("key_filter"), show=False),
    ]

    def __init__(
        self,
        content: Content,
        rows: list[RecordRow],
        display: Display,
        enrolled: Sequence[str] = (),
        overrides: Mapping[str, float] | None = None,
    ) -> None:
        super().__init__()
        self.content = content
        self.shown = display
        self.rows = rows
        """The records the player may read (see :func:`game.play.views.record_rows`)."""
        self.enrolled = enrolled
        """The systems the citizen is in: a secret one is explained even before it has recorded anything."""
        self.overrides = overrides or {}
        """The rules the workshop changed ('system.rule' → points): their details say so."""

    def compose(self) -> ComposeResult:
        names = {r.system_id: r.system for r in self.rows}
        systems = sorted(names)
        options = [(Text(S["record_all"]), ALL)] + [(Text(names[s]), s) for s in systems]
        yield Static(S["record_title"], id="record-title")
        yield SafeSelect(options, value=ALL, allow_blank=False, id="record-filter")
        yield DataTable(id="ledger", cursor_type="row", zebra_stripes=True)
        yield Static(S["record_empty"], id="record-empty")
        known = secret_systems_lines(self.content, [*self.enrolled, *systems], self.shown)
        if known:  # what is publicly known about a system whose rules are secret
            yield Static(Text("\n".join(known)), id="record-opaque")
        yield Footer()

    def on_mount(self) -> None:
        if not alive(self):
            return  # closed by a quick key before it was shown
        table = self.query_one(DataTable)
        for key, width in COLUMNS:
            table.add_column(Text(S[f"record_col_{key}"]), key=key, width=width)
        self.fill(ALL)
        table.focus()

    def fill(self, system: str) -> None:
        table = self.query_one(DataTable)
        table.clear()
        for i, row in enumerate(self.rows):
            if system in (ALL, row.system_id):
                cells = (str(row.day), row.system, row.rule, row.points, row.score, row.cause, row.source)
                table.add_row(*(Text(c, no_wrap=True, overflow="ellipsis") for c in cells), key=str(i))
        self.query_one("#record-empty").display = table.row_count == 0

    @on(Select.Changed, "#record-filter")
    def _filter(self, event: Select.Changed) -> None:
        self.fill(str(event.value))

    @on(DataTable.RowSelected, "#ledger")
    def _detail(self, event: DataTable.RowSelected) -> None:
        row = self.rows[int(str(event.row_key.value))]
        self.app.push_screen(RecordDetail(detail_text(self.content, self.shown, row.record, row.cause, self.overrides)))
