"""Words for what the engine hands out: notices, locks, scores, dates.

Shared by the plain mode, the TUI and the reports so that all three say the
same thing. All fixed wording comes from :mod:`game.strings`; pack text passes
through :mod:`game.safe_text`. Nothing here changes the game.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from game.safe_text import to_plain
from game.strings import S, language

if TYPE_CHECKING:
    from game.engine.content import Content, Goal
    from game.engine.model import LockReason, Notice, Record


class Visibility(StrEnum):
    """How much of a score the player sees (the workshop file's words)."""

    SHOWN = "shown"
    """The number and the grade."""
    TIER = "tier"
    """The grade only."""
    HIDDEN = "hidden"
    """Nothing: the system is not shown at all."""


@dataclass(frozen=True)
class Display:
    """How much the player is shown. ``scores`` overrides each system's :class:`Visibility`
    (``"*"``: every system); ``disclosed`` says whether rule names and points are shown
    for opaque systems. Every front end asks :meth:`mode`, never compares words."""

    scores: Mapping[str, str] = field(default_factory=dict)
    disclosed: bool | None = None

    def mode(self, content: Content, system: str) -> Visibility:
        if system in self.scores:
            return Visibility(self.scores[system])
        if "*" in self.scores:
            return Visibility(self.scores["*"])
        return Visibility.TIER if content.systems[system].visibility == "opaque" else Visibility.SHOWN

    def rules_shown(self, content: Content, system: str) -> bool:
        if self.disclosed is not None:
            return self.disclosed
        return content.systems[system].visibility != "opaque" and self.mode(content, system) is Visibility.SHOWN


def name_of(content: Content, kind: str, ident: str) -> str:
    """The display name of an id (a system, privilege, list, stat, character, ...)."""
    tables: dict[str, Mapping[str, Any]] = {
        "system": content.systems,
        "privilege": content.privileges,
        "list": content.lists,
        "stat": content.stats,
        "character": content.characters,
        "city": content.cities,
    }
    item = tables.get(kind, {}).get(ident)
    return to_plain(item.name) if item is not None else ident


def rule_name(content: Content, system: str, rule: str) -> str:
    found = content.systems[system].rules.get(rule)
    return to_plain(found.name) if found else rule


def tier_name(content: Content, system: str, tier: str) -> str:
    for t in content.systems[system].tiers:
        if t.id == tier:
            return to_plain(t.name or t.id)
    return tier


Fill = Callable[[str], str]
"""Fills in the placeholders of a pack text (``{weekday}``, ``{stat:money}``) for one life and day."""


def _as_written(text: str) -> str:
    return text


def date_of(start_date: str, day: int) -> str:
    """'Mon 4 Mar 2019' for day 1 of a life that starts on 2019-03-04."""
    try:
        date = dt.date.fromisoformat(start_date) + dt.timedelta(days=day - 1)
    except ValueError:
        return S["day_n"].format(day=day)
    code = language()
    if code == "en":  # Babel's "EEE d MMM y" in English, without importing Babel for it
        return f"{date:%a} {date.day} {date:%b %Y}"
    from babel.dates import format_date

    return str(format_date(date, "EEE d MMM y", locale=code))


def weekday_name(date: dt.date) -> str:
    """The weekday of ``date`` as the language writes it: 'Saturday', 'lördag', 'zaterdag'."""
    code = language()
    if code == "en":
        return f"{date:%A}"
    from babel.dates import format_date

    return str(format_date(date, "EEEE", locale=code))


def long_date(date: dt.date) -> str:
    """``date`` written out as the language does in a sentence: '5 October 2019', '5 oktober 2019'."""
    code = language()
    if code == "en":
        return f"{date.day} {date:%B %Y}"
    from babel.dates import format_date

    return str(format_date(date, "d MMMM y", locale=code))


def number(value: float) -> str:
    """A number as the language writes it: ``5000`` in English, ``5 000`` in Swedish, ``5.000`` in Dutch."""
    code = language()
    if code == "en":
        return f"{value:g}" if isinstance(value, float) else str(value)
    from babel.numbers import format_decimal

    return str(format_decimal(value, locale=code, decimal_quantization=False))


def signed(value: float) -> str:
    text = number(value)
    return text if value < 0 else f"+{text}"


def score_text(content: Content, system_id: str, value: float) -> str:
    """A score (or points) in the system's own unit: a passenger rating of 480 is '4.80'."""
    system = content.systems.get(system_id)
    if system is None or system.scale == 1:
        return number(value)
    if language() == "en":
        return f"{value * system.scale:.{system.decimals}f}"
    from babel.numbers import format_decimal

    pattern = "#,##0" + ("." + "0" * system.decimals if system.decimals else "")
    return str(format_decimal(round(value * system.scale, system.decimals), format=pattern, locale=language()))


def signed_score(content: Content, system_id: str, value: float) -> str:
    """Points in the system's own unit, with their sign: '-0.08'."""
    text = score_text(content, system_id, value)
    return text if value < 0 else f"+{text}"


def stat_value(content: Content, stat: str, value: float) -> str:
    unit = content.stats[stat].unit if stat in content.stats else ""
    shown = number(round(value, 2))
    return _money(unit, shown) if unit in ("¥", "$", "€", "£") else f"{shown}{unit}"


def _money(symbol: str, amount: str) -> str:
    """An amount with its currency symbol first, in every language, as the packs' texts and their translations
    write money (¥800, ¥1 000, ¥1.000), so one sentence never shows both ¥800 and 1 910 ¥ (Swedish CLDR puts the
    symbol last, Dutch after a space); the digits are grouped as the language groups them (:func:`number`)."""
    return f"{symbol}{amount}"


def _hidden(content: Content, display: Display, system: str) -> bool:
    return system in content.systems and display.mode(content, system) is Visibility.HIDDEN


def lock_text(content: Content, reason: LockReason, display: Display | None = None, *, privilege: str = "") -> str:
    """Why a choice is locked, in one line. Grades and scores the ``display`` hides stay unsaid.

    ``privilege``: the words for the barred privilege, when they are not its name (several, for :func:`barred_lines`).
    """
    display = display or Display()
    a = reason.args
    kind = reason.kind
    barred = privilege or (name_of(content, "privilege", a["privilege"]) if "privilege" in a else "")
    if kind == "tier_revokes" and _hidden(content, display, a["system"]):
        text = S["lock_tier_revokes_hidden"].format(
            privilege=barred, system=name_of(content, "system", a["system"])
        )
    elif kind == "tier_revokes":
        text = S["lock_tier_revokes"].format(
            tier=tier_name(content, a["system"], a["tier"]),
            privilege=barred,
            system=name_of(content, "system", a["system"]),
        ) + _lifted_text(content, a, display)
    elif kind == "list_revokes":
        text = (
            S["lock_list_revokes"].format(
                list=name_of(content, "list", a["list"]), privilege=barred
            )
            + S["unlock_list"]
        )
    elif kind == "privilege_tier":
        text = _privilege_tier_text(content, a, display)
    elif kind == "privilege_missing" and a.get("join"):
        text = S["lock_privilege_join"].format(
            privilege=name_of(content, "privilege", a["privilege"]), system=name_of(content, "system", a["join"])
        )
    elif kind == "privilege_missing":
        key = "lock_privilege_nowhere" if a.get("none") else "lock_privilege_missing"
        text = S[key].format(privilege=name_of(content, "privilege", a["privilege"]))
    elif kind == "listed":
        text = S["lock_listed"].format(list=name_of(content, "list", a["list"]))
    elif kind == "not_listed":
        text = S["lock_not_listed"].format(list=name_of(content, "list", a["list"]))
    elif kind == "tier" and _hidden(content, display, a["system"]):
        text = S["lock_tier_hidden"].format(system=name_of(content, "system", a["system"]))
    elif kind == "tier":
        short = a.get("short")
        key = "lock_tier_short" if short and display.mode(content, a["system"]) is Visibility.SHOWN else "lock_tier"
        text = S[key].format(
            tier=tier_name(content, a["system"], a["tier"]),
            system=name_of(content, "system", a["system"]),
            now=tier_name(content, a["system"], a["now"]) if a["now"] else S["not_enrolled"],
            short=score_text(content, a["system"], short or 0),
        )
    elif kind == "friend":
        key = "lock_not_friend" if a.get("negated") else "lock_friend"
        text = S[key].format(character=name_of(content, "character", a["character"]))
    elif kind == "compare" and a["namespace"] in ("score", "tier") and a["id"] in content.systems:
        text = _standing_text(content, a, display)
    elif kind == "compare":
        text = _compare_text(content, a)
    else:
        text = to_plain(reason.detail) if reason.detail else S["lock_other"]
        return text
    if reason.detail:
        text = f"{text} — {to_plain(reason.detail)}"
    if a.get("reported"):
        text = f"{text} {S['mark_as_reported']}"
    return text


def _lifted_text(content: Content, a: dict, display: Display) -> str:
    """How far the grade that lifts a tier's ban is: '; lifted at grade C, 45 points short' ('' where the
    display hides the grade, or for a lock built without the distance)."""
    if "unlock" not in a:
        return ""
    mode = display.mode(content, a["system"])
    if mode is Visibility.HIDDEN:
        return ""
    if not a["unlock"]:
        return S["unlock_no_tier"].format(system=name_of(content, "system", a["system"]))
    tier = tier_name(content, a["system"], a["unlock"])
    if mode is Visibility.SHOWN:
        return S["unlock_tier"].format(tier=tier, short=score_text(content, a["system"], a["short"]))
    return S["unlock_tier_grade"].format(tier=tier)


def barred_lines(content: Content, locks: Sequence[LockReason], display: Display | None = None) -> list[str]:
    """Why each privilege is barred, one line per cause: privileges a list or the same grade bars (and the same
    grade would lift) are named together ('On the Court list … — barred from Bank loans, Buying property and Flights; …')."""
    groups: dict[tuple[object, ...], list[LockReason]] = {}
    for lock in locks:
        key: tuple[object, ...]
        if lock.kind in ("tier_revokes", "list_revokes"):
            key = (lock.kind, *sorted((k, repr(v)) for k, v in lock.args.items() if k != "privilege"))
        else:
            key = (id(lock),)  # any other lock stands alone
        groups.setdefault(key, []).append(lock)
    lines = []
    for group in groups.values():
        names = sorted(name_of(content, "privilege", lock.args["privilege"]) for lock in group if "privilege" in lock.args)
        lines.append(lock_text(content, group[0], display, privilege=list_words(names, len(names)) if len(group) > 1 else ""))
    return lines


def list_words(items: Sequence[str], shown: int = 4) -> str:
    """'a, b and c'; past ``shown`` items, 'a, b, c, d and 3 more'."""
    if len(items) <= 1:
        return "".join(items)
    if len(items) > shown:
        return S["list_and"].format(first=", ".join(items[:shown]), last=S["list_more"].format(n=len(items) - shown))
    return S["list_and"].format(first=", ".join(items[:-1]), last=items[-1])


def _privilege_tier_text(content: Content, a: dict, display: Display) -> str:
    """A perk a grade grants: the grade and, where the display shows points, how far off it is."""
    mode = display.mode(content, a["system"])
    names = {
        "privilege": name_of(content, "privilege", a["privilege"]),
        "system": name_of(content, "system", a["system"]),
        "tier": tier_name(content, a["system"], a["tier"]),
        "now": tier_name(content, a["system"], a["now"]) if a["now"] else S["not_enrolled"],
        "up": S["grade_and_above"] if a.get("up") else "",
        "short": number(a["short"]),
    }
    if mode == "hidden":
        return S["lock_privilege_tier_hidden"].format(**names)
    if not a["short"]:
        return S["lock_privilege_tier_only"].format(**names)
    key = "lock_privilege_tier" if mode == "shown" else "lock_privilege_tier_grade"
    return S[key].format(**names)


def _standing_text(content: Content, a: dict, display: Display) -> str:
    """A comparison with a system's score: the numbers only where the display shows them."""
    mode = display.mode(content, a["id"])
    if mode is Visibility.SHOWN or (mode is Visibility.TIER and a["namespace"] == "tier"):
        return _compare_text(content, a)
    return S["lock_standing"].format(system=name_of(content, "system", a["id"]))


def _compare_text(content: Content, a: dict) -> str:
    space, ident, op, value, now = a["namespace"], a["id"], a["op"], a["value"], a["now"]
    if space == "stat":
        label = name_of(content, "stat", ident)
        shown_value, shown_now = stat_value(content, ident, value), stat_value(content, ident, now or 0)
    elif space in ("score", "tier"):
        label = name_of(content, "system", ident)
        shown_value, shown_now = number(value), number(now) if now is not None else "?"
    else:
        label, shown_value, shown_now = ident, number(value) if not isinstance(value, str) else value, str(now)
    words = S["op_" + {"<": "lt", "<=": "le", ">": "gt", ">=": "ge", "==": "eq", "!=": "ne"}[op]]
    gap = _gap(op, value, now)
    if gap is None or space == "tier":
        return S["lock_compare"].format(label=label, op=words, value=shown_value, now=shown_now)
    if space == "stat":
        shown_gap = stat_value(content, ident, gap)
    else:
        shown_gap = score_text(content, ident, gap) if space == "score" else number(gap)
    key = "lock_compare_short" if op in (">", ">=") else "lock_compare_over"
    return S[key].format(label=label, op=words, value=shown_value, now=shown_now, short=shown_gap, over=shown_gap)


def _gap(op: str, value: object, now: object) -> float | None:
    """How far ``now`` is from meeting ``op value``: points short (``>``, ``>=``) or too many (``<``, ``<=``);
    None for equality tests and anything not a number."""
    numbers = (int, float)
    if op not in (">", ">=", "<", "<=") or not isinstance(value, numbers) or not isinstance(now, numbers):
        return None
    if isinstance(value, bool) or isinstance(now, bool):
        return None
    strict = 1 if op in (">", "<") and float(value).is_integer() and float(now).is_integer() else 0
    gap = value - now + strict if op in (">", ">=") else now - value + strict
    return round(gap, 2) if gap > 0 else None


def record_text(content: Content, record: Record, display: Display) -> str:
    """One score change as the player may see it."""
    system = name_of(content, "system", record.system)
    mode = display.mode(content, record.system)
    if mode is Visibility.HIDDEN:
        return ""
    if not display.rules_shown(content, record.system):
        return S["score_moved_opaque"].format(system=system)
    text = S["score_change"].format(
        points=signed_score(content, record.system, record.points),
        rule=rule_name(content, record.system, record.rule),
        system=system,
        score=score_text(content, record.system, record.score) if mode is Visibility.SHOWN else "?",
    )
    return f"{text} {S['mark_as_reported']}" if reported_only(content, record) else text


def reported_only(content: Content, record: Record) -> bool:
    """Whether the rule behind ``record`` is reported, not documented (it applies only as reported)."""
    rule = content.systems[record.system].rules.get(record.rule) if record.system in content.systems else None
    return rule is not None and rule.reported_only


def notice_text(content: Content, notice: Notice, display: Display | None = None, fill: Fill | None = None) -> str:
    """One notice in one line ('' for those the player is not shown). ``fill`` fills in the placeholders of the
    pack text it says (the play layer's :func:`game.play.fill.filler`; without it they are shown as written)."""
    display = display or Display()
    fill = fill or _as_written
    d = notice.data
    kind = notice.kind
    if kind == "score":
        return record_text(content, d["record"], display)
    if kind == "tier":
        if display.mode(content, d["system"]) is Visibility.HIDDEN:
            return ""
        text = S["tier_change"].format(
            system=name_of(content, "system", d["system"]),
            old=tier_name(content, d["system"], d["old"]),
            new=tier_name(content, d["system"], d["new"]),
        )
        return text
    if kind == "privilege":
        name = name_of(content, "privilege", d["privilege"])
        if d["held"]:
            return S["privilege_gained"].format(privilege=name)
        return S["privilege_lost"].format(privilege=name, why=by_text(content, d.get("by"), display))
    if kind == "list":
        return S["list_on" if d["on"] else "list_off"].format(list=name_of(content, "list", d["list"]))
    if kind == "stat":
        stat = content.stats.get(d["stat"])
        if stat is not None and stat.hidden:
            return ""
        return S["stat_change"].format(
            stat=name_of(content, "stat", d["stat"]),
            delta=signed(round(d["delta"], 2)),
            value=stat_value(content, d["stat"], d["value"]),
        )
    if kind == "text":
        return to_plain(fill(d["text"]))
    if kind == "friend":
        return S["friend_on" if d["friend"] else "friend_off"].format(character=name_of(content, "character", d["character"]))
    if kind == "move":
        return S["moved_city"].format(city=name_of(content, "city", d["city"]))
    if kind == "enrol":
        return S["enrolled" if d["enrolled"] else "left_system"].format(system=name_of(content, "system", d["system"]))
    if kind == "goal":
        return S["goal_met" if d["met"] else "goal_missed"].format(goal=goal_text(content, d["goal"], fill))
    if kind == "quiet":
        return S["quiet_day"]
    if kind == "end":
        return to_plain(fill(d["text"])) if d["text"] else ""
    return ""


def by_text(content: Content, by: tuple | list | None, display: Display | None = None) -> str:
    """What revoked a privilege: '(grade D, Rongcheng social credit)' or '(Court list …)'.

    A system whose scores the ``display`` hides is named without the grade: '(by City score)'.
    """
    if not by:
        return ""
    if by[0] == "tier" and _hidden(content, display or Display(), by[1]):
        return S["by_tier_hidden"].format(system=name_of(content, "system", by[1]))
    if by[0] == "tier":
        text = S["by_tier"].format(tier=tier_name(content, by[1], by[2]), system=name_of(content, "system", by[1]))
        return f"{text} {S['mark_as_reported']}" if len(by) > 3 and by[3] else text
    return S["by_list"].format(list=name_of(content, "list", by[1]))


def goal_text(content: Content, goal_id: str, fill: Fill | None = None) -> str:
    for scenario in content.scenarios.values():
        for goal in scenario.goals:
            if goal.id == goal_id:
                return to_plain((fill or _as_written)(goal.text))
    return goal_id


def goal_terms(content: Content, goal: Goal) -> str:
    """What a goal waits on, for the goals display: " — after: X; needs grade AA in Y" ("" if nothing).

    The day is not repeated: the goal's own line already says "by day 20"."""
    terms = []
    if goal.after:
        terms.append(S["goal_after"].format(goals=", ".join(goal_text(content, g) for g in goal.after)))
    if goal.grade:
        terms.append(
            S["goal_grade"].format(
                grade=tier_name(content, goal.system, goal.grade),
                system=name_of(content, "system", goal.system),
            )
        )
    return S["goal_terms"].format(terms="; ".join(terms)) if terms else ""


@dataclass(frozen=True)
class LossSpan:
    """A stretch of days without a privilege. ``open``: still without it at the end."""

    privilege: str
    start: int
    days: int
    open: bool


def privilege_spans(log: Sequence[tuple[int, str, bool, str]], last_day: int) -> list[LossSpan]:
    """Spans of lost privileges from the engine's privilege log ((day, privilege, held, cause))."""
    lost_since: dict[str, int] = {}
    spans: list[LossSpan] = []
    for day, privilege, held, _cause in log:
        if not held and privilege not in lost_since:
            lost_since[privilege] = day
        elif held and privilege in lost_since:
            start = lost_since.pop(privilege)
            spans.append(LossSpan(privilege, start, day - start, False))
    for privilege, start in lost_since.items():
        spans.append(LossSpan(privilege, start, last_day - start + 1, True))
    return sorted(spans, key=lambda s: (s.start, s.privilege))


def tier_distances(content: Content, system: str, score: float) -> tuple[tuple[str, float] | None, tuple[str, float] | None]:
    """How far the next tier up and the next tier down are: ``((tier, points to gain), (tier, points to lose))``.

    Points to lose count the drop itself: at 50 in a tier starting at 50, losing 1 point drops a tier.
    """
    tiers = content.systems[system].tiers
    current = content.systems[system].tier_for(score)
    if current is None:
        return None, None
    i = tiers.index(current)
    up = (tiers[i - 1].id, tiers[i - 1].min - score) if i > 0 else None
    down = None
    if i + 1 < len(tiers):
        margin = score - current.min
        down = (tiers[i + 1].id, margin + 1 if float(margin).is_integer() else margin)
    return up, down


def cause_text(content: Content, cause: str, fill: Fill | None = None) -> str:
    """Where a record came from, in words: 'A red light: Cross anyway' or the overnight rule's text (``fill``: as
    for :func:`notice_text`)."""
    fill = fill or _as_written
    if cause.startswith("daily:"):
        ident = cause.removeprefix("daily:")
        rule = next((d for d in content.daily if d.id == ident), None)
        # a rule without words is told as "Overnight": its id is not for the player's eyes
        return S["cause_daily"].format(rule=to_plain(fill(rule.text))) if rule and rule.text else S["cause_night"]
    parts = cause.split("/")
    event = content.events.get(parts[0])
    if event is None:
        return S.get("cause_" + cause, cause)
    choice = next((c for c in event.choices if len(parts) > 1 and c.id == parts[1]), None)
    if choice is None:
        return to_plain(event.title)
    return S["cause_choice"].format(event=to_plain(event.title), choice=to_plain(fill(choice.label)))
