"""The end of a life: goals, final grades, the whole run, what was locked, other rules, the record."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from game import present
from game.play import views
from game.play.fill import fill
from game.present import Display, Visibility
from game.reports.prompts import Prompts
from game.reports.short import end_debrief
from game.safe_text import styled, to_plain
from game.strings import S, plural
from game.tui.labels import label
from game.tui.messages import Ask, AsksTheApp, ask_key
from game.tui.screens.history import charts
from game.tui.widgets.badge import badge

if TYPE_CHECKING:
    from game.engine.life import Life


def grades_text(rows: list[views.SystemRow]) -> Text:
    out = Text()
    for row in rows:
        out.append(f"\n{row.name}  ")
        if row.mode is Visibility.SHOWN:
            out.append((row.shown or present.number(row.score)) + " ")
        out.append_text(badge(row.tier))
    return out


def lost_text(life: Life) -> Text:
    """Each privilege lost, from which day and for how long (present.privilege_spans)."""
    spans = present.privilege_spans(life.state.privilege_log, life.state.day)
    if not spans:
        return Text(S["lost_none"])
    lines = [
        plural("lost_line", span.days)
        .format(
            privilege=present.name_of(life.content, "privilege", span.privilege),
            start=span.start,
            days=span.days,
            until=S["lost_until_end"] if span.open else "",
        )
        .strip()
        for span in spans
    ]
    return Text("\n".join(lines))


def record_text(life: Life, display: Display) -> Text:
    """Every record the player may read, with the source of its rule."""
    content = life.content
    lines = []
    for record in life.state.records:
        if record.shadow or display.mode(content, record.system) is Visibility.HIDDEN:
            continue
        if not display.rules_shown(content, record.system):
            lines.append(
                S["day_n"].format(day=record.day)
                + ": "
                + S["score_moved_opaque"].format(system=present.name_of(content, "system", record.system))
            )
            continue
        rule = content.systems[record.system].rules.get(record.rule)
        lines.append(
            S["record_line"]
            .format(
                day=record.day,
                points=present.signed_score(content, record.system, record.points),
                rule=present.rule_name(content, record.system, record.rule),
                system=present.name_of(content, "system", record.system),
                source=to_plain(rule.source) if rule and rule.source else S["no_source"],
            )
            .strip()
        )
    return Text("\n".join(lines))


def sources_text(life: Life, display: Display) -> Text:
    """Where what happened in this life comes from: each rule, lost privilege and event once, with its
    reliability; for a system whose rules are secret, what is publicly known about it."""
    from game import notes

    content, state = life.content, life.state
    events = list(dict.fromkeys(event for _day, event, _choice in state.log))
    out = Text()
    for note in notes.life_sources(content, state.records, state.privilege_log, events, display):
        out.append(note.heading, style="bold")
        out.append(f"  ({S['note_reliability'].format(level=note.reliability)})\n", style="italic")
        out.append(note.text + "\n\n")
    known = notes.secret_systems_lines(content, state.enrolled, display)
    if known:
        out.append("\n".join(known) + "\n")
    return out


class EndScreen(AsksTheApp, Screen):
    """What this life came to."""

    CSS_PATH = "end.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        ask_key("r", Ask.RECORD, label("key_record")),
        ask_key("h", Ask.HISTORY, label("key_history")),
        ask_key("n", Ask.NEW_LIFE, label("key_new_life")),
        ask_key("t", Ask.TITLE, label("key_title")),
        ask_key("q", Ask.QUIT, label("key_quit")),
    ]

    def __init__(self, life: Life, display: Display, prompts: Prompts | None = None) -> None:
        super().__init__()
        self.life = life
        self.shown = display
        self.prompts = prompts

    def compose(self) -> ComposeResult:
        life, state = self.life, self.life.state
        yield Static(Text(f"{S['end_title']} · {S['end_day'].format(day=state.day, length=state.length)}"), id="end-bar")
        with VerticalScroll(id="end-body"):
            if state.ending:
                yield Static(styled(fill(life, state.ending, self.shown)), id="ending")
            told = views.epilogue(life)
            if told:
                yield Static(S["end_epilogue"], classes="heading")
                yield Static(Text("\n\n").join(styled(text) for text in told), id="epilogue")
            if rows := views.system_rows(life, self.shown):  # a life no score follows (the court list's) has none
                yield Static(S["end_final"], classes="heading")
                yield Static(grades_text(rows))
            if life.scenario.goals:
                yield Static(S["end_goals"], classes="heading")
                for goal in views.goal_rows(life):
                    yield Static(Text(goal.line), classes=f"goal-{goal.state}")
            debrief = end_debrief(life, self.prompts)
            yield Static(Text(debrief[0]), classes="heading")
            yield Static(Text("\n".join(debrief[1:])), id="end-debrief")
            yield Static(S["end_lost"], classes="heading")
            yield Static(lost_text(life))
            yield Static(S["end_chart"], classes="heading")
            yield from charts(life, self.shown)
            yield Static(S["end_compare"], classes="heading")
            if state.shadow:
                yield Static(grades_text(views.system_rows(life, self.shown, shadow=True)))
                yield from charts(life, self.shown, shadow=True)
            else:
                yield Static(S["end_compare_none"], classes="note")
            shown = [
                r for r in state.records if not r.shadow and self.shown.mode(life.content, r.system) is not Visibility.HIDDEN
            ]
            yield Static(Text(plural("end_record", len(shown)).format(n=len(shown))), classes="heading")
            yield Static(record_text(life, self.shown), id="end-record")
            yield Static(S["end_sources"], classes="heading")
            yield Static(sources_text(life, self.shown), id="end-sources")
        yield Footer()
