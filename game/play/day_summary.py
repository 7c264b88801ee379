"""The end of each day in one line: what moved, and why.

A :class:`DayTally` is fed the notices of a life as they come (the first
morning's, then each choice's); when a day ends (the next day's ``day`` notice,
or the end of the life) it gives that day's line: each visible score's net
change with the rules that moved it and any new grade, each visible stat's net
change, privileges lost or gained, lists joined or left, friends made or dropped. Scores and rules the
display hides stay unsaid. Both front ends show the same line; no Textual, no Rich.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from game import present
from game.present import Display, Visibility
from game.strings import S

if TYPE_CHECKING:
    from game.engine.content import Content
    from game.engine.model import Notice, Record

REASONS = 2
"""At most this many rules are named for one score's change; the rest are counted."""


@dataclass
class _Day:
    """What one day moved so far."""

    day: int
    records: list[Record] = field(default_factory=list)
    tiers: dict[str, tuple[str, str]] = field(default_factory=dict)  # system → (first old, last new)
    stats: dict[str, float] = field(default_factory=dict)  # stat → net change
    lost: list[str] = field(default_factory=list)
    gained: list[str] = field(default_factory=list)
    lists: dict[str, bool] = field(default_factory=dict)  # list → on at the end of the day
    friends: dict[str, bool] = field(default_factory=dict)  # character → a friend at the end of the day


class DayTally:
    """Gathers a life's notices day by day and words each day that ends (see the module docstring)."""

    def __init__(self, content: Content, display: Display, day: int = 1) -> None:
        self.content = content
        self.display = display
        self._today = _Day(day)

    def add(self, notices: list[Notice], *, life_over: bool = False) -> list[str]:
        """Take ``notices``; return the lines of the days they ended (the last day too, with ``life_over``)."""
        lines = []
        for notice in notices:
            if notice.kind == "day" and notice.data["day"] != self._today.day:
                lines.append(self.line())
                self._today = _Day(notice.data["day"])
            else:
                self._take(notice)
        if life_over:
            lines.append(self.line())
            self._today = _Day(self._today.day + 1)
        return lines

    def _take(self, notice: Notice) -> None:
        today, d = self._today, notice.data
        if notice.kind == "score" and not d["record"].shadow:
            today.records.append(d["record"])
        elif notice.kind == "tier":
            old = today.tiers.get(d["system"], (d["old"], ""))[0]
            today.tiers[d["system"]] = (old, d["new"])
        elif notice.kind == "stat":
            today.stats[d["stat"]] = today.stats.get(d["stat"], 0) + d["delta"]
        elif notice.kind == "privilege":
            (today.gained if d["held"] else today.lost).append(d["privilege"])
        elif notice.kind == "list":
            today.lists[d["list"]] = d["on"]
        elif notice.kind == "friend":
            today.friends[d["character"]] = d["friend"]

    def line(self) -> str:
        """The line of the day so far: 'Day 3 in one line: …' ('… nothing moved' on a quiet day)."""
        today = self._today
        moves = [*self._score_moves(), *self._stat_moves(), *self._privilege_moves(), *self._list_moves(), *self._friend_moves()]
        if not moves:
            return S["day_summary_nothing"].format(day=today.day)
        return S["day_summary"].format(day=today.day, moves="; ".join(moves))

    def _score_moves(self) -> list[str]:
        content, display, today = self.content, self.display, self._today
        systems = list(dict.fromkeys([*(r.system for r in today.records), *today.tiers]))
        moves = []
        for system in systems:
            if system not in content.systems or display.mode(content, system) is Visibility.HIDDEN:
                continue
            name = present.name_of(content, "system", system)
            records = [r for r in today.records if r.system == system]
            old, new = today.tiers.get(system, ("", ""))
            grade = S["day_summary_grade"].format(tier=present.tier_name(content, system, new)) if new and new != old else ""
            if not records:
                if new and new != old:
                    moves.append(S["day_summary_tier_only"].format(system=name, tier=present.tier_name(content, system, new)))
                continue
            if not display.rules_shown(content, system):
                moves.append(S["day_summary_undisclosed"].format(system=name) + grade)
                continue
            net = sum(r.points for r in records)
            moves.append(
                S["day_summary_score"].format(
                    system=name, points=present.signed_score(content, system, net), why=self._reasons(system, records)
                )
                + grade
            )
        return moves

    def _reasons(self, system: str, records: list[Record]) -> str:
        """'Late rent −10, Red light −5' (the largest first; more than :data:`REASONS` counted)."""
        by_rule: dict[str, float] = {}
        for record in records:
            by_rule[record.rule] = by_rule.get(record.rule, 0) + record.points
        ranked = sorted(by_rule.items(), key=lambda item: -abs(item[1]))
        words = [
            f"{present.rule_name(self.content, system, rule)} {present.signed_score(self.content, system, points)}"
            for rule, points in ranked
        ]
        return present.list_words(words, REASONS) if len(words) > REASONS else ", ".join(words)

    def _stat_moves(self) -> list[str]:
        content = self.content
        moves = []
        for stat, delta in self._today.stats.items():
            shown = content.stats.get(stat)
            if shown is None or shown.hidden or round(delta, 2) == 0:
                continue
            amount = present.stat_value(content, stat, abs(round(delta, 2)))
            moves.append(f"{present.name_of(content, 'stat', stat)} {'-' if delta < 0 else '+'}{amount}")
        return moves

    def _privilege_moves(self) -> list[str]:
        today, content = self._today, self.content
        lost = [p for p in dict.fromkeys(today.lost) if p not in today.gained]
        gained = [p for p in dict.fromkeys(today.gained) if p not in today.lost]
        moves = []
        if lost:
            names = [present.name_of(content, "privilege", p) for p in lost]
            moves.append(S["day_summary_lost"].format(privileges=present.list_words(names, len(names))))
        if gained:
            names = [present.name_of(content, "privilege", p) for p in gained]
            moves.append(S["day_summary_gained"].format(privileges=present.list_words(names, len(names))))
        return moves

    def _friend_moves(self) -> list[str]:
        return [
            S["day_summary_friend" if on else "day_summary_unfriend"].format(
                character=present.name_of(self.content, "character", who)
            )
            for who, on in self._today.friends.items()
        ]

    def _list_moves(self) -> list[str]:
        return [
            S["day_summary_listed" if on else "day_summary_delisted"].format(list=present.name_of(self.content, "list", x))
            for x, on in self._today.lists.items()
        ]
