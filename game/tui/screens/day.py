"""The day screen: the event card, the status panel, and every change as it happens."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Footer, Static

from game import notes, present
from game.play import Session, views
from game.play.fill import filler
from game.play.views import tier_change
from game.strings import S
from game.tui.labels import label
from game.tui.messages import Ask, AsksTheApp, ChoiceMade, LifeOver, LockedChoiceTried, OpenMyths, Request, ask_key
from game.tui.screens.alive import alive
from game.tui.screens.tier_modal import TierModal
from game.tui.widgets.event_card import ChoiceList, ChoiceRow, EventCard
from game.tui.widgets.status_panel import Status, StatusPanel

if TYPE_CHECKING:
    from game.engine.model import Notice


class DayScreen(AsksTheApp, Screen):
    """One day of the life: choose, and watch the numbers move."""

    CSS_PATH = "day.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        *(Binding(str(n), f"pick({n})", label("key_choose", n=n), show=False) for n in range(1, 10)),
        Binding("w", "why", label("key_why")),
        Binding("m", "myth_here", label("key_myths"), show=False),
        ask_key("r", Ask.RECORD, label("key_record")),
        ask_key("b", Ask.RULE_BOOK, label("key_rule_book")),
        ask_key("h", Ask.HISTORY, label("key_history")),
        ask_key("f", Ask.FRIENDS, label("key_friends")),
        ask_key("s", Ask.SAVE_AS, label("key_save")),
        ask_key("q", Ask.QUIT, label("key_quit")),
    ]

    def __init__(self, session: Session, notices: list[Notice] | None = None) -> None:
        super().__init__()
        self.session = session
        self.first_notices = notices or []
        self.pending: list[TierModal] = []
        self.last_locked = ""
        """The locked choice the player tried last: W opens its note."""
        self.reported_notes: list[notes.Note] = []
        """The notes of the reported-only rules (marked ‡) the last choice set off: W opens them with the event's."""

    def compose(self) -> ComposeResult:
        yield Static(id="day-bar")
        with Horizontal(id="day-body"):
            yield EventCard(id="card")
            yield StatusPanel(id="status")
        yield Footer()

    def on_mount(self) -> None:
        if alive(self):
            self.show_life(self.first_notices)

    def show_life(self, notices: list[Notice], days_ended: list[str] | None = None) -> None:
        """Show the waiting event, the status, and the lines of ``notices`` (each day that ended
        summed up in its one line, ``days_ended``, where the next day begins)."""
        life = self.session.life
        assert life is not None
        display = self.session.display
        self.query_one("#day-bar", Static).update(Text(f"{S['game_title']} · {views.day_line(life)}"))
        self.query_one(StatusPanel).status = Status(
            systems=tuple(views.system_rows(life, display)),
            stats=tuple(views.stat_lines(life)),
            held=tuple(views.privileges_held(life)),
            barred=tuple(views.privileges_barred(life, display)),
            lists=tuple(views.list_names(life)),
            goals=tuple(views.goal_rows(life)),
        )
        shown = list(notices)
        while shown and shown[-1].kind == "day":
            shown.pop()  # a new day that has only begun is in the bar at the top
        summaries = iter(days_ended or [])
        lines: list[str | Text] = []
        for n in shown:
            if n.kind == "day" and (summary := next(summaries, None)):
                lines.append(Text(summary, style="bold"))
            if line := self.notice_line(n):
                lines.append(line)
        lines += [Text(summary, style="bold") for summary in summaries]  # the life's last day
        if self.reported_notes and notices:
            lines.append(S["reported_rule_hint"])
        prompt = views.prompt_view(life, display)
        card = self.query_one(EventCard)
        if prompt is None:
            card.show_today(lines)
            return
        rows = [ChoiceRow(row.id, row.label, row.lock_text) for row in prompt.choices]
        self.last_locked = ""
        text = prompt.text
        if notes.myths_for_event(self.session.content, prompt.event_id):  # a common claim comes up here: M opens its card
            text = f"{text}\n\n{S['myth_here_mark']}"
        card.show(prompt.event_id, prompt.title, text, rows, lines, turn=prompt.turn)
        card.query_one(ChoiceList).focus()

    def notice_line(self, notice: Notice) -> str:
        if notice.kind == "day":
            return S["day_n"].format(day=notice.data["day"])
        life = self.session.life
        if life is None:
            return present.notice_text(self.session.content, notice, self.session.display)
        return views.notice_text(life, notice, self.session.display)

    def action_myth_here(self) -> None:
        """M: the card of the myth the waiting event is tied to, else the whole deck."""
        life = self.session.life
        prompt = views.prompt_view(life, self.session.display) if life is not None else None
        myths = notes.myths_for_event(self.session.content, prompt.event_id) if prompt is not None else []
        self.post_message(OpenMyths(myths[0].id) if myths else Request(Ask.MYTHS))

    def action_pick(self, n: int) -> None:
        self.query_one(ChoiceList).pick(n)

    @on(LockedChoiceTried)
    def _locked(self, message: LockedChoiceTried) -> None:
        text = f"{S['locked_choice'].format(reason=message.reason)}\n{S['locked_choice_why']}"
        self.notify(text, severity="warning", markup=False)
        self.last_locked = message.choice_id

    def action_why(self) -> None:
        """The note behind the highlighted choice's lock, or behind the event (and the ‡ rules that just bit)
        when the choice is open."""
        from game.safe_text import to_plain
        from game.tui.screens.notes import NoteScreen

        life = self.session.life
        content, display = self.session.content, self.session.display
        prompt = views.prompt_view(life, display) if life is not None else None
        if prompt is None:
            return
        choices = self.query_one(ChoiceList)
        rows = getattr(choices, "rows", [])
        index = choices.highlighted
        chosen = rows[index].choice_id if index is not None and 0 <= index < len(rows) else None
        if any(row.choice_id == self.last_locked and row.reason for row in rows):
            chosen = self.last_locked  # the locked choice just tried (a locked option cannot be highlighted)
        row = prompt.row(chosen) if chosen else None
        if row is not None and row.lock is not None:
            lock = row.lock
            screen = NoteScreen(row.lock_text, notes.lock_notes(content, lock, display), notes.myths_for_lock(content, lock))
        else:
            event_note = notes.event_note(content, prompt.event_id)
            about = "" if event_note else to_plain(prompt.title)  # the event's note names the event itself
            screen = NoteScreen(about, [*self.reported_notes, *([event_note] if event_note else [])])
        self.app.push_screen(screen, self._after_note)

    def _after_note(self, myth_id: str | None) -> None:
        if myth_id:
            self.post_message(OpenMyths(myth_id))

    @on(ChoiceMade)
    def _chosen(self, message: ChoiceMade) -> None:
        life = self.session.life
        if life is None or not alive(self) or message.turn != len(life.state.log):
            return  # a key pressed twice quickly: the choice was for an event already answered
        prompt = views.prompt_view(life, self.session.display)
        if prompt is None or prompt.event_id != message.event_id:
            return
        row = prompt.row(message.choice_id)
        if row is None or row.lock is not None:
            return
        notices = self.session.choose(message.choice_id)
        records = [n.data["record"] for n in notices if n.kind == "score"]
        self.reported_notes = notes.reported_rule_notes(self.session.content, records, self.session.display)
        self.announce(notices)
        self.show_life(notices, self.session.days_ended)
        self.pending = [TierModal(change) for n in notices if (change := tier_change(life, self.session.display, n))]
        self.next_moment()

    def announce(self, notices: list[Notice]) -> None:
        """Each score change as a notification: what, how much, and why."""
        content, display = self.session.content, self.session.display
        for notice in notices:
            if notice.kind != "score":
                continue
            text = present.notice_text(content, notice, display)
            if text:
                record = notice.data["record"]
                life = self.session.life
                cause = present.cause_text(content, record.cause, filler(life, display, record.day) if life else None)
                warn = notice.data["record"].points < 0
                self.notify(text, title=cause, markup=False, severity="warning" if warn else "information")

    def next_moment(self, _result: object = None) -> None:
        """Show the next tier-change modal; when none is left and the life is over, the end."""
        if self.pending:
            self.app.push_screen(self.pending.pop(0), self.next_moment)
        elif self.session.life is not None and self.session.life.ended:
            self.post_message(LifeOver())
