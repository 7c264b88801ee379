"""The plain-text game: the whole life on stdout, choices by number from stdin.

For scripts, tests and screen readers. It calls the same engine and the same
wording (:mod:`game.present`) as the TUI, so a seed and a list of choices give
the same life in both.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO

from game import present
from game.engine.content import Content
from game.engine.life import Life
from game.engine.model import EventView, LockReason, Notice
from game.present import Display, Visibility
from game.reports.other_rules import other_rules_lines
from game.safe_text import SafeStream, to_plain
from game.strings import S, plural


class PlainGame:
    """Plays one life in text. ``after_choice`` is called after every choice (for autosave)."""

    def __init__(
        self,
        life: Life,
        out: TextIO,
        display: Display | None = None,
        after_choice: Callable[[Life], None] | None = None,
    ) -> None:
        self.life = life
        self.content: Content = life.content
        self.out = out if isinstance(out, SafeStream) else SafeStream(out)  # its one way out, cleaned
        self.display = display or Display()
        self.after_choice = after_choice
        self._shown_day = 0

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
                self.say(S["goal_line"].format(text=to_plain(goal.text), by=min(goal.by, self.life.state.length)))
        if self.content.myths:
            self.say(S["myths_intro_plain"])

    def status(self) -> None:
        state = self.life.state
        length = state.length
        self.say()
        self.say(
            S["day_header"].format(
                day=state.day,
                length=length,
                date=present.date_of(self.life.scenario.start_date, state.day),
            )
        )
        for system_id in state.enrolled:
            mode = self.display.mode(self.content, system_id)
            name = present.name_of(self.content, "system", system_id)
            tier = present.tier_name(self.content, system_id, state.tiers.get(system_id, ""))
            if mode is Visibility.SHOWN:
                score = present.score_text(self.content, system_id, state.scores[system_id])
                self.say(S["score_line"].format(system=name, score=score, tier=tier))
            elif mode is Visibility.TIER:
                self.say(S["score_tier_only"].format(system=name, tier=tier))
        stats = [
            f"{present.name_of(self.content, 'stat', k)} {present.stat_value(self.content, k, v)}"
            for k, v in state.stats.items()
            if not self.content.stats[k].hidden
        ]
        if stats:
            self.say(" · ".join(stats))
        if state.lists:
            self.say(
                S["lists_line"].format(lists=", ".join(present.name_of(self.content, "list", x) for x in sorted(state.lists)))
            )

    def show_event(self, view: EventView) -> None:
        if view.day != self._shown_day:
            self._shown_day = view.day
            self.status()
        self.say()
        self.say(to_plain(view.event.title))
        self.say(to_plain(view.event.text))
        for n, cv in enumerate(view.choices, start=1):
            label = to_plain(cv.choice.label)
            if cv.lock is None:
                self.say(S["choice_line"].format(n=n, label=label))
            else:
                reason = present.lock_text(self.content, cv.lock, self.display)
                self.say(S["locked_choice_line"].format(n=n, label=label, reason=reason))

    def show_notices(self, notices: list[Notice]) -> None:
        from game import notes

        for notice in notices:
            if notice.kind == "day":
                continue
            text = present.notice_text(self.content, notice, self.display)
            if text:
                self.say(f"  · {text}")
        records = [n.data["record"] for n in notices if n.kind == "score"]
        for note in notes.reported_rule_notes(self.content, records, self.display):  # what the ‡ mark stands for
            self.say(f"  {S['mark']} {note.heading} ({S['note_reliability'].format(level=note.reliability)}): {note.text}")

    def play(self, lines: TextIO) -> bool:
        """Play until the life ends (True) or input ends (False)."""
        self.show_notices(self.life.drain_notices())
        while (view := self.life.prompt()) is not None:
            self.show_event(view)
            choice_id = self._read_choice(view, lines)
            if choice_id is None:
                self.say()
                self.say(S["input_ended"].format(day=self.life.state.day))
                return False
            self.show_notices(self.life.choose(choice_id))
            if self.after_choice:
                self.after_choice(self.life)
        self.summary()
        return True

    def _read_choice(self, view: EventView, lines: TextIO) -> str | None:
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
            if not text.isdigit() or not 1 <= int(text) <= count:
                self.say(S["bad_choice"].format(n=count))
                continue
            picked = view.choices[int(text) - 1]
            if picked.lock is not None:
                self.say(S["locked_choice"].format(reason=present.lock_text(self.content, picked.lock, self.display)))
                self.say_notes(picked.lock)
                continue
            return picked.choice.id

    def say_notes(self, lock: LockReason) -> None:
        """Where a lock comes from: its notes with their reliability, and the myths about it."""
        from game import notes

        for note in notes.lock_notes(self.content, lock, self.display):
            self.say(f"  {note.heading} ({S['note_reliability'].format(level=note.reliability)}): {note.text}")
        for myth in notes.myths_for_lock(self.content, lock):
            self.say("  " + S["myth_claim"].format(claim=to_plain(myth.claim)))
            self.say("  " + S["myth_fact"].format(fact=to_plain(myth.fact)))

    def summary(self) -> None:
        """The end of the life: final grades, goals, privileges lost, the record."""
        state, content = self.life.state, self.content
        self.say()
        self.say(S["end_header"].format(day=state.day))
        if state.ending:
            self.say(to_plain(state.ending))
        for system_id in state.enrolled:
            mode = self.display.mode(content, system_id)
            name = present.name_of(content, "system", system_id)
            tier = present.tier_name(content, system_id, state.tiers.get(system_id, ""))
            if mode is Visibility.SHOWN:
                score = present.score_text(content, system_id, state.scores[system_id])
                self.say(S["final_score"].format(system=name, score=score, tier=tier))
            elif mode is Visibility.TIER:
                self.say(S["final_tier_only"].format(system=name, tier=tier))
        if self.life.scenario.goals:
            self.say(S["goals_result"])
            for goal in self.life.scenario.goals:
                day = state.goals.get(goal.id, 0)
                key = "goal_result_met" if day > 0 else "goal_result_missed"
                self.say(S[key].format(text=to_plain(goal.text), day=day))
        spans = present.privilege_spans(state.privilege_log, state.day)
        if spans:
            self.say(S["lost_header"])
            for span in spans:
                self.say(
                    plural("lost_line", span.days).format(
                        privilege=present.name_of(content, "privilege", span.privilege),
                        start=span.start,
                        days=span.days,
                        until=S["lost_until_end"] if span.open else "",
                    )
                )
        else:
            self.say(S["lost_none"])
        shown = [r for r in state.records if not r.shadow and self.display.rules_shown(content, r.system)]
        self.say(plural("records_header", len(shown)).format(n=len(shown)))
        for record in shown:
            rule = content.systems[record.system].rules.get(record.rule)
            self.say(
                S["record_line"].format(
                    day=record.day,
                    points=present.signed(record.points),
                    rule=present.rule_name(content, record.system, record.rule),
                    system=present.name_of(content, "system", record.system),
                    source=to_plain(rule.source) if rule and rule.source else S["no_source"],
                )
            )
        if state.shadow:
            self.say(S["compare_header"])
            for system_id in state.shadow:
                self.say(
                    S["compare_line"].format(
                        system=present.name_of(content, "system", system_id),
                        score=present.score_text(content, system_id, state.scores[system_id]),
                        tier=present.tier_name(content, system_id, state.tiers.get(system_id, "")),
                    )
                )
            for line in other_rules_lines(content, state):
                self.say(line)


def _typed_at_a_terminal(lines: TextIO) -> bool:
    try:
        return lines.isatty()
    except (AttributeError, ValueError):
        return False
