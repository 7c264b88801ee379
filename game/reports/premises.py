"""The same lives under both premises: each life's choices replayed as reported and as documented.

A life was played under one premise (the press's picture, where a low city grade
bars trains, or the documented system, where only the court's list does); its
choices are replayed under the other with the engine's one replay
(:func:`game.engine.life.replay`, partial: a choice that no longer fits stops
it, and both sides are then compared up to there). What changed is said in
words: grades, privileges locked, rules counted, and each choice the life was
offered that one premise locked and the other left open, with what locked it
and how reliable that is. Plain data, pack text made plain.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from game import present
from game.engine.content import PREMISE_SETTING
from game.engine.life import Life, replay
from game.engine.model import ChoiceError, EventView, LockReason
from game.notes import reliability_words
from game.reports.life import cause_words
from game.strings import S

if TYPE_CHECKING:
    from game.engine.content import Choice, Content, Event
    from game.engine.state import Setup
    from game.reports.debrief import Played

REPORTED, DOCUMENTED = "reported", "documented"


@dataclass(frozen=True)
class ChoiceLock:
    """A choice the life was offered that one premise locked and the other left open, on the days it came."""

    days: tuple[int, ...]
    choice: str
    """'Event: choice label'."""
    locked: str
    """The premise that locked it, in words ('as reported')."""
    open: str
    """The premise that left it open, in words."""
    why: str
    """The lock's reason, as the player read it (the ‡ mark where only the premise as reported locks it)."""
    reliability: str
    """How reliable the rule, grade or list that locked it is, in words."""

    @property
    def day_list(self) -> str:
        """'9', or '30 and 40'."""
        return present.list_words([str(day) for day in self.days], len(self.days))

    @property
    def when(self) -> str:
        """'Day 9', or 'Days 30 and 40'."""
        return S["premises_day" if len(self.days) == 1 else "premises_days"].format(days=self.day_list)

    @property
    def line(self) -> str:
        """The whole of it in one sentence (terminal and Markdown)."""
        return S["premises_choice_lock"].format(
            when=self.when, choice=self.choice, locked=self.locked, open=self.open, why=self.why, reliability=self.reliability
        )


@dataclass(frozen=True)
class PremiseLife:
    """One life under both premises: which it was played under, how far the other followed it, and what changed."""

    player: str
    played: str
    """The premise it was played under, in words."""
    replayed: int
    total: int
    stopped: str
    """Where the other premise parted from the life ('' when it followed every choice)."""
    changes: list[str]
    """What differed, one sentence each (as reported first, then as documented); empty: nothing."""
    locked: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset())
    """The privileges locked at some point, as reported and as documented (names)."""
    choice_locks: tuple[ChoiceLock, ...] = ()
    """The choices locked under one premise only, in the order the life first met them."""


def _grouped(outcomes: dict[str, tuple]) -> dict[tuple, list[str]]:
    """Names with the same outcome together, in the order of their first name (a grade that takes eight
    privileges at once is one line, not eight)."""
    groups: dict[tuple, list[str]] = {}
    for name in sorted(outcomes):
        groups.setdefault(outcomes[name], []).append(name)
    return groups


def _names(names: list[str]) -> str:
    """Every name, in words: a teacher reads them all, so none is folded into 'and 3 more'."""
    return present.list_words(names, len(names))


def class_lines(premises: list[PremiseLife]) -> list[str]:
    """The class at a glance: for the privileges locked in some life, in how many lives under each premise
    (privileges with the same counts on one line)."""
    names = {name for p in premises for side in p.locked for name in side}
    counts = {name: tuple(sum(1 for p in premises if name in p.locked[side]) for side in (0, 1)) for name in names}
    return [
        S["premises_class_lock"].format(privilege=_names(group), reported=reported, documented=documented, n=len(premises))
        for (reported, documented), group in _grouped(counts).items()
    ]


def premise_comparisons(content: Content, played: list[Played]) -> list[PremiseLife]:
    """Each life of ``played`` beside its replay under the other premise ([] when the packs declare no premise)."""
    if PREMISE_SETTING not in content.settings:
        return []
    return [_compare(content, p.life, p.player or p.name) for p in played]


def _compare(content: Content, life: Life, player: str) -> PremiseLife:
    premise = REPORTED if life.as_reported else DOCUMENTED
    other = DOCUMENTED if premise == REPORTED else REPORTED
    choices = [(event, choice) for _day, event, choice in life.state.log]
    setup = replace(life.setup, settings={**life.setup.settings, PREMISE_SETTING: other})
    theirs = replay(content, setup, choices, partial=True)
    ours = life if theirs.complete else replay(content, life.setup, choices[: theirs.replayed]).life
    stopped = "" if theirs.complete else S["premises_stopped"].format(n=theirs.replayed + 1, total=len(choices))
    lives = {premise: ours, other: theirs.life}
    locked = tuple(
        frozenset(present.name_of(content, "privilege", p) for p in _first_lost(lives[side])) for side in (REPORTED, DOCUMENTED)
    )
    return PremiseLife(
        player,
        S[f"premises_{premise}"],
        theirs.replayed,
        len(choices),
        stopped,
        _changes(content, lives[REPORTED], lives[DOCUMENTED]),
        (locked[0], locked[1]),
        _choice_locks(content, {premise: life.setup, other: setup}, choices),
    )


def _choice_locks(content: Content, setups: dict[str, Setup], choices: list[tuple[str, str]]) -> tuple[ChoiceLock, ...]:
    """Walk the life's choices under both premises side by side and keep each choice offered under both that one
    locked and the other did not; up to and including the choice where the two part (the one the other premise
    locked, most often). The same choice locked for the same reason on several days is one :class:`ChoiceLock`."""
    lives = {side: Life(content, setups[side], listen=False) for side in (REPORTED, DOCUMENTED)}
    found: dict[tuple[str, str, str, str], tuple[list[int], str]] = {}
    for event_id, choice_id in choices:
        views = {side: life.prompt() for side, life in lives.items()}
        reported, documented = views[REPORTED], views[DOCUMENTED]
        if reported is None or documented is None or not reported.event.id == documented.event.id == event_id:
            break
        for side, locked_by, left_open in ((REPORTED, reported, documented), (DOCUMENTED, documented, reported)):
            for choice, lock in _locked_only_in(locked_by, left_open):
                why = present.lock_text(content, _without_distance(lock))
                key = (side, event_id, choice.id, why)
                if key not in found:
                    found[key] = ([], _reliability_of(content, locked_by.event, choice, lock))
                found[key][0].append(locked_by.day)
        try:
            for life in lives.values():
                life.choose(choice_id)
        except ChoiceError:
            break
    return tuple(
        ChoiceLock(
            tuple(days),
            cause_words(content, f"{event_id}/{choice_id}"),
            S[f"premises_{side}"],
            S[f"premises_{DOCUMENTED if side == REPORTED else REPORTED}"],
            why,
            reliability,
        )
        for (side, event_id, choice_id, why), (days, reliability) in found.items()
    )


def _locked_only_in(locked_by: EventView, left_open: EventView) -> list[tuple[Choice, LockReason]]:
    """The choices ``locked_by`` shows locked that ``left_open`` shows open (a choice one of them hides is left out)."""
    open_there = {view.choice.id for view in left_open.choices if view.lock is None}
    return [(view.choice, view.lock) for view in locked_by.choices if view.lock is not None and view.choice.id in open_there]


def _without_distance(lock: LockReason) -> LockReason:
    """A grade's ban without how far the grade that lifts it is (it differs from day to day; the ban does not)."""
    if lock.kind != "tier_revokes":
        return lock
    return LockReason(lock.kind, {k: v for k, v in lock.args.items() if k not in ("unlock", "short")}, lock.detail)


def _reliability_of(content: Content, event: Event, choice: Choice, lock: LockReason) -> str:
    """How reliable what locked ``choice`` is, in words: the grade (or its system), the list, the privilege that is
    missing; for a lock by a stat, a friend or the writer's words, the choice's own (or its event's)."""
    a = lock.args
    level = ""
    system_id = a.get("system") or (a.get("id") if a.get("namespace") in ("score", "tier") else None)
    system = content.systems.get(system_id or "")
    if system is not None:
        tier = next((t for t in system.tiers if t.id == a.get("tier")), None)
        level = (tier.reliability if tier is not None else "") or system.reliability
    elif lock.kind in ("list_revokes", "listed", "not_listed") and a.get("list") in content.lists:
        level = content.lists[a["list"]].reliability
    elif lock.kind == "privilege_missing" and a.get("privilege") in content.privileges:
        level = content.privileges[a["privilege"]].reliability
    return reliability_words(level or choice.reliability or event.reliability)


def _changes(content: Content, reported: Life, documented: Life) -> list[str]:
    lives = (content, reported, documented)
    return [*_grades(*lives), *_locks(*lives), *_rules(*lives)]


def _grade(content: Content, life: Life, system: str) -> str:
    if system not in life.state.enrolled:
        return S["report_not_enrolled"]
    tier = present.tier_name(content, system, life.state.tiers.get(system, ""))
    return S["premises_grade_at"].format(tier=tier, score=present.score_text(content, system, life.state.scores.get(system, 0)))


def _grades(content: Content, reported: Life, documented: Life) -> list[str]:
    out = []
    systems = dict.fromkeys([*reported.state.enrolled, *documented.state.enrolled])
    for system in systems:
        a, b = _grade(content, reported, system), _grade(content, documented, system)
        if a != b:
            out.append(S["premises_grade"].format(system=present.name_of(content, "system", system), reported=a, documented=b))
    return out


def _first_lost(life: Life) -> dict[str, int]:
    """Each privilege the life lost at some point (not at its start), with the first day."""
    lost: dict[str, int] = {}
    for day, privilege, held, cause in life.state.privilege_log:
        if not held and cause != "start":
            lost.setdefault(privilege, day)
    return lost


def _lock_words(day: int | None) -> str:
    return S["premises_locked_from"].format(day=day) if day is not None else S["premises_never_locked"]


def _locks(content: Content, reported: Life, documented: Life) -> list[str]:
    """Privileges locked on other days (or only) under one premise; those with the same days on one line."""
    a, b = _first_lost(reported), _first_lost(documented)
    days = {
        present.name_of(content, "privilege", privilege): (a.get(privilege), b.get(privilege))
        for privilege in set(a) | set(b)
        if a.get(privilege) != b.get(privilege)
    }
    return [
        S["premises_lock"].format(privilege=_names(group), reported=_lock_words(on[0]), documented=_lock_words(on[1]))
        for on, group in _grouped(days).items()
    ]


def _points_by_rule(life: Life) -> dict[tuple[str, str], float]:
    points: dict[tuple[str, str], float] = {}
    for record in life.state.records:
        if not record.shadow:
            key = (record.system, record.rule)
            points[key] = points.get(key, 0) + record.points
    return points


def _rule_words(content: Content, system: str, points: float | None) -> str:
    return present.signed_score(content, system, points) if points is not None else S["premises_not_counted"]


def _rules(content: Content, reported: Life, documented: Life) -> list[str]:
    a, b = _points_by_rule(reported), _points_by_rule(documented)
    out = []
    for system, rule in sorted(set(a) | set(b)):
        pa, pb = a.get((system, rule)), b.get((system, rule))
        if pa != pb:
            out.append(
                S["premises_rule"].format(
                    rule=present.rule_name(content, system, rule),
                    system=present.name_of(content, "system", system),
                    reported=_rule_words(content, system, pa),
                    documented=_rule_words(content, system, pb),
                )
            )
    return out
