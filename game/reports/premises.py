"""The same lives under both premises: each life's choices replayed as reported and as documented.

A life was played under one premise (the press's picture, where a low city grade
bars trains, or the documented system, where only the court's list does); its
choices are replayed under the other with the engine's one replay
(:func:`game.engine.life.replay`, partial: a choice that no longer fits stops
it, and both sides are then compared up to there). What changed is said in
words: grades, privileges locked, rules counted. Plain data, pack text made plain.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from game import present
from game.engine.content import PREMISE_SETTING
from game.engine.life import Life, replay
from game.strings import S

if TYPE_CHECKING:
    from game.engine.content import Content
    from game.reports.debrief import Played

REPORTED, DOCUMENTED = "reported", "documented"


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


def class_lines(premises: list[PremiseLife]) -> list[str]:
    """The class at a glance: for each privilege locked in some life, in how many lives under each premise."""
    names = sorted({name for p in premises for side in p.locked for name in side})
    n = len(premises)
    return [
        S["premises_class_lock"].format(
            privilege=name,
            reported=sum(1 for p in premises if name in p.locked[0]),
            documented=sum(1 for p in premises if name in p.locked[1]),
            n=n,
        )
        for name in names
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
    )


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
    a, b = _first_lost(reported), _first_lost(documented)
    out = []
    for privilege in sorted(set(a) | set(b)):
        if a.get(privilege) != b.get(privilege):
            out.append(
                S["premises_lock"].format(
                    privilege=present.name_of(content, "privilege", privilege),
                    reported=_lock_words(a.get(privilege)),
                    documented=_lock_words(b.get(privilege)),
                )
            )
    return out


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
