"""The rule book: each enrolled system's published rule table and grade table, each row with its note.

It only renders :func:`game.play.rule_book.rule_book` (the plain mode's ``rules``
command renders the same book). Pack text arrives plain and is shown literally.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from game.play.rule_book import GradeRow, RuleBook, RuleRow, SystemBook, reliability_label
from game.strings import S
from game.tui.labels import label


def source_line(reliability: str, source: str) -> Text:
    """A row's note: its reliability, then where it comes from (dim, beneath the row)."""
    out = Text()
    out.append("   " + reliability_label(reliability), style="italic")
    out.append(" " + source, style="dim")
    return out


def rule_text(row: RuleRow) -> Text:
    """'−30  Taking part in pyramid selling · commerce · once every 30 days', then its note."""
    out = Text()
    out.append(f"{row.points:>7}  ", style="bold")
    out.append(row.act)
    for part in row.details:
        out.append(f" · {part}", style="dim")
    if row.marks:  # the ‡ mark in bold, then 'not applied' in italics
        mark, *more = row.marks
        out.append(f"  {mark}", style="bold")
        for words in more:
            out.append(f" {words}", style="italic")
    if row.description:
        out.append("\n          " + row.description)
    out.append("\n")
    out.append_text(source_line(row.reliability, row.source))
    return out


def grade_text(row: GradeRow, as_reported: bool) -> Text:
    """'AA from 1030: grants … · bars …', the citizen's grade marked, then its note."""
    out = Text()
    out.append(row.tier, style="bold reverse" if row.current else "bold")
    if row.starts:
        out.append(f" {row.starts}")
    if row.current:
        out.append(f"  {S['rulebook_you']}", style="bold")
    for line in row.lines(as_reported):
        out.append("\n   " + line)
    out.append("\n")
    out.append_text(source_line(row.reliability, row.note))
    return out


def system_heading(book: SystemBook) -> Text:
    out = Text()
    out.append(book.name, style="bold underline")
    out.append(f" — {book.standing}", style="bold")
    if book.description:
        out.append("\n" + book.description)
    out.append("\n")
    out.append_text(source_line(book.reliability, book.source))
    return out


class RuleBookScreen(ModalScreen[None]):
    """Opened with B (or from the palette); Escape closes it."""

    CSS_PATH = "rule_book.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,b", "close", label("key_close"))]

    def __init__(self, book: RuleBook) -> None:
        super().__init__()
        self.book = book

    def compose(self) -> ComposeResult:
        book = self.book
        with Vertical(id="rulebook-box"):
            yield Static(Text(S["rulebook_title"]), id="rulebook-title")
            with VerticalScroll(id="rulebook-body"):
                yield Static(Text(S["rulebook_premise_reported" if book.as_reported else "rulebook_premise_documented"]))
                for system in book.systems:
                    yield Static(system_heading(system), classes="rulebook-system")
                    yield Static(Text(S["rulebook_grades"], style="bold"), classes="rulebook-part")
                    for grade in system.grades:
                        yield Static(grade_text(grade, book.as_reported), classes="rulebook-row")
                    if system.opaque:
                        yield Static(Text("\n".join(system.known)), classes="rulebook-known")
                    elif system.withheld:
                        yield Static(Text(S["rulebook_withheld"]), classes="rulebook-known")
                    else:
                        yield Static(Text(S["rulebook_rules"], style="bold"), classes="rulebook-part")
                        for rule in system.rules:
                            yield Static(rule_text(rule), classes="rulebook-row")
                if not book.systems:
                    yield Static(Text(S["rulebook_none"]))
            yield Button(S["key_close"], id="rulebook-close")

    def on_mount(self) -> None:
        self.query_one("#rulebook-body", VerticalScroll).focus()

    def on_button_pressed(self) -> None:
        self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)
