"""The plain-text game: the whole life on stdout, choices by number from stdin.

For scripts, tests and screen readers. It plays through the same
:class:`game.play.Session` and renders the same views (:mod:`game.play.views`,
worded by :mod:`game.present`) as the TUI, so a seed and a list of choices give
the same life in both, shown under the same visibility policy.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TextIO

from game import present
from game.play import views
from game.play.fill import fill
from game.present import Display, Visibility
from game.reports.other_rules import other_rules_lines
from game.safe_text import SafeStream, to_plain
from game.strings import S, plural

if TYPE_CHECKING:
    from game.engine.content import Content
    from game.engine.life import Life
    from game.engine.model import LockReason, Notice
    from game.play import Session


class PlainGame:
    """Plays the life of ``session`` in text. ``after_choice`` is called after every choice (the session has autosaved)."""

    def __init__(self, session: Session, out: TextIO, after_choice: Callable[[], None] | None = None) -> None:
        self.session = session
        self.out = out if isinstance(out, SafeStream) else SafeStream(out)  # its one way out, cleaned
        self.after_choice = after_choice
        self._shown_day = 0

    @property
    def life(self) -> Life:
        """The life being played (live reload may swap it in the session)."""
        assert self.session.life is not None
        return self.session.life

    @property
    def content(self) -> Content:
        return self.life.content

    @property
    def display(self) -> Display:
        return self.session.display

    def say(self, text: str = "") -> None:
        self.out.write(text + "\n")

    def intro(self) -> None:
        sc = self.life.scenario
        ch = sc.character
        self.say(
            S["life_header"].format(
                title=S["game_title"], scenario=to_plain(sc.name), seed=self.life.setup.seed, days=self.life.state.length
            )
        )
        if sc.description:
            self.say(to_plain(sc.description))
        self.say(
            S["you_are"]
            .format(name=to_plain(ch["name"]), age=ch["age"], job=to_plain(ch["job"]), home=to_plain(ch["home"]))
            .strip()
        )
        if sc.goals:
            self.say(S["goals_header"])
            for goal in sc.goals:
                length = self.life.state.length
                terms = present.goal_terms(self.content, goal)
                text = to_plain(fill(self.life, goal.text, self.display))
                self.say(S["goal_line"].format(text=text, by=min(goal.by, length)) + terms)
        if self.content.myths:
            self.say(S["myths_intro_plain"])
        self.say(S["plain_rules_hint"])

    def status(self) -> None:
        life = self.life
        self.say()
        self.say(S["day_header"].format(day=life.state.day, length=life.state.length, date=views.date_line(life)))
        for row in views.system_rows(life, self.display):
            if row.mode is Visibility.SHOWN:
                self.say(S["score_line"].format(system=row.name, score=row.shown, tier=row.tier_name))
            else:
                self.say(S["score_tier_only"].format(system=row.name, tier=row.tier_name))
        stats = views.stat_lines(life)
        if stats:
            self.say(" · ".join(stats))
        lists = views.list_names(life)
        if lists:
            self.say(S["lists_line"].format(lists=", ".join(lists)))

    def show_event(self, view: views.PromptView) -> None:
        if view.day != self._shown_day:
            self._shown_day = view.day
            self.status()
        self.say()
        self.say(to_plain(view.title))
        self.say(to_plain(view.text))
        from game import notes

        for myth in notes.myths_for_event(self.content, view.event_id):
            self.say(S["myth_here_plain"].format(claim=to_plain(myth.claim)))
            self.say(S["myth_here_fact"].format(fact=to_plain(myth.fact)))
        for n, row in enumerate(view.choices, start=1):
            label = to_plain(row.label)
            if row.lock is None:
                self.say(S["choice_line"].format(n=n, label=label))
            else:
                self.say(S["locked_choice_line"].format(n=n, label=label, reason=row.lock_text))

    def show_notices(self, notices: list[Notice], days_ended: list[str] | None = None) -> None:
        """Each notice's line; where a day ended, that day in one line, ``days_ended`` (:mod:`game.play.day_summary`)."""
        from game import notes

        summaries = iter(days_ended or [])
        part: list[Notice] = []
        for notice in [*notices, None]:
            if notice is not None and notice.kind != "day":
                part.append(notice)
                continue
            for line in views.notice_lines(self.life, part, self.display):
                self.say(f"  · {line}")
            part = []
            if notice is not None and (summary := next(summaries, None)):
                self.say(f"  = {summary}")
        for summary in summaries:  # the life's last day
            self.say(f"  = {summary}")
        records = [n.data["record"] for n in notices if n.kind == "score"]
        for note in notes.reported_rule_notes(self.content, records, self.display):  # what the ‡ mark stands for
            self.say(f"  {S['mark']} {note.heading} ({S['note_reliability'].format(level=note.reliability)}): {note.text}")

    def play(self, lines: TextIO) -> bool:
        """Play until the life ends (True) or input ends (False)."""
        self.show_notices(self.session.drain_notices())
        while (view := views.prompt_view(self.life, self.display)) is not None:
            self.show_event(view)
            choice_id = self._read_choice(view, lines)
            if choice_id is None:
                self.say()
                self.say(S["input_ended"].format(day=self.life.state.day))
                return False
            notices = self.session.choose(choice_id)
            self.show_notices(notices, self.session.days_ended)
            if self.after_choice:
                self.after_choice()
        self.summary()
        return True

    def _read_choice(self, view: views.PromptView, lines: TextIO) -> str | None:
        count = len(view.choices)
        while True:
            self.out.write(S["prompt"].format(n=count))
            self.out.flush()
            line = lines.readline()
            if not line:
                return None
            if not _typed_at_a_terminal(lines):  # a terminal has echoed it already; a script's input has not
                self.out.write(line if line.endswith("\n") else line + "\n")
            text = line.strip()
            if text.casefold() in {S["plain_cmd_rules"].casefold(), "rules"}:  # the word in the player's language, or English
                self.say_rule_book()
                continue
            if not text.isdigit() or not 1 <= int(text) <= count:
                self.say(S["bad_choice"].format(n=count))
                continue
            picked = view.choices[int(text) - 1]
            if picked.lock is not None:
                self.say(S["locked_choice"].format(reason=picked.lock_text))
                self.say_notes(picked.lock)
                continue
            return picked.id

    def say_rule_book(self) -> None:
        """The rule book of this life (the ``rules`` command)."""
        from game.play.rule_book import rule_book
        from game.tools.plain_rule_book import rule_book_lines

        for line in rule_book_lines(rule_book(self.life, self.display)):
            self.say(line)

    def say_notes(self, lock: LockReason) -> None:
        """Where a lock comes from: its notes with their reliability, and the myths about it."""
        from game import notes

        for note in notes.lock_notes(self.content, lock, self.display):
            self.say(f"  {note.heading} ({S['note_reliability'].format(level=note.reliability)}): {note.text}")
        for myth in notes.myths_for_lock(self.content, lock):
            self.say("  " + S["myth_claim"].format(claim=to_plain(myth.claim)))
            self.say("  " + S["myth_fact"].format(fact=to_plain(myth.fact)))

    def summary(self) -> None:
        """The end of the life: final grades, goals, privileges lost, the record, and the other rules' outcome."""
        life, content = self.life, self.content
        state = life.state
        self.say()
        self.say(S["end_header"].format(day=state.day))
        if state.ending:
            self.say(to_plain(fill(life, state.ending, self.display)))
        told = views.epilogue(life)
        if told:
            self.say(S["epilogue_header"])
            for text in told:
                self.say("  " + to_plain(text))
        for system in views.system_rows(life, self.display):
            if system.mode is Visibility.SHOWN:
                self.say(S["final_score"].format(system=system.name, score=system.shown, tier=system.tier_name))
            else:
                self.say(S["final_tier_only"].format(system=system.name, tier=system.tier_name))
        goals = views.goal_rows(life)
        if goals:
            self.say(S["goals_result"])
            for goal in goals:
                key = "goal_result_met" if goal.day > 0 else "goal_result_missed"
                self.say(S[key].format(text=goal.text, day=goal.day))
        spans = views.privileges_lost(life)
        if spans:
            self.say(S["lost_header"])
            for span in spans:
                until = S["lost_until_end"] if span.open else ""
                line = plural("lost_line", span.days)
                self.say(line.format(privilege=span.privilege, start=span.start, days=span.days, until=until))
        else:
            self.say(S["lost_none"])
        rows = [row for row in views.record_rows(life, self.display) if row.disclosed]
        self.say(plural("records_header", len(rows)).format(n=len(rows)))
        for row in rows:
            self.say(S["record_line"].format(day=row.day, points=row.points, rule=row.rule, system=row.system, source=row.source))
        compare = views.system_rows(life, self.display, shadow=True)
        if compare:
            self.say(S["compare_header"])
            for system in compare:
                self.say(S["compare_line"].format(system=system.name, score=system.shown, tier=system.tier_name))
            for line in other_rules_lines(content, state):
                self.say(line)


def _typed_at_a_terminal(lines: TextIO) -> bool:
    try:
        return lines.isatty()
    except (AttributeError, ValueError):
        return False
