"""The debrief of one life, computed from the engine's state: what the renderers draw.

Plain data with ids and pack text already made plain (:func:`game.safe_text.to_plain`);
each renderer escapes it for its medium. Nothing here changes the life.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from game import present
from game.engine.content import PREMISE_SETTING, Content
from game.engine.life import Life
from game.engine.model import Record
from game.notes import Note, life_sources
from game.play.fill import fill
from game.present import Display
from game.reports.other_rules import other_rules_lines, other_rules_sections
from game.safe_text import to_plain
from game.strings import S


@dataclass(frozen=True)
class TierBand:
    """One tier of a system: scores from ``low`` up to ``high``."""

    id: str
    name: str
    low: float
    high: float
    color: str


@dataclass(frozen=True)
class Series:
    """A system's score over the life: ``points[i]`` is (day, score); day 0 is the start."""

    system: str
    name: str
    points: list[tuple[int, float]]
    bands: list[TierBand]
    final: float
    final_tier: str
    lowest: float
    highest: float
    shadow: bool = False
    final_shown: str = ""
    """The final score in the system's own unit ('4.80' for a rating kept as 480)."""
    final_tier_name: str = ""
    """The final grade as players see it ('4.8 and up', not its id 'r48')."""


@dataclass(frozen=True)
class RecordLine:
    """One score change with everything the debrief says about it."""

    day: int
    system: str
    system_name: str
    rule: str
    rule_name: str
    points: float
    score: float
    cause: str
    cause_text: str
    source: str
    shadow: bool


@dataclass(frozen=True)
class Step:
    """One choice in the timeline, with the score changes it caused."""

    day: int
    event: str
    event_title: str
    choice: str
    choice_label: str
    records: list[RecordLine]
    moments: list[PrivilegeMoment] = field(default_factory=list)

    @property
    def key(self) -> str:
        return f"{self.event}/{self.choice}"


@dataclass(frozen=True)
class Day:
    """A day of the life: its date, the choices made, what happened overnight before it, and the
    privilege changes no choice caused (grades recomputed overnight)."""

    day: int
    date: str
    steps: list[Step]
    overnight: list[RecordLine]
    privileges: list[PrivilegeMoment]
    quiet: bool


@dataclass(frozen=True)
class PrivilegeMoment:
    """A privilege lost or regained on a day, and why."""

    day: int
    privilege: str
    name: str
    held: bool
    cause: str
    cause_text: str


@dataclass(frozen=True)
class GoalLine:
    id: str
    text: str
    met: bool
    day: int


@dataclass
class LifeReport:
    """Everything the debrief shows about one life."""

    player: str
    name: str
    scenario: str
    scenario_name: str
    seed: int
    length: int
    last_day: int
    ended_early: bool
    ending: str
    days: list[Day]
    series: list[Series]
    records: list[RecordLine]
    moments: list[PrivilegeMoment]
    spans: list[present.LossSpan]
    goals: list[GoalLine]
    log: list[tuple[int, str, str]] = field(default_factory=list)
    other_rules: list[str] = field(default_factory=list)
    """What each comparison system did with this life, in words (:mod:`game.reports.other_rules`)."""
    other_rules_sections: list[list[str]] = field(default_factory=list)
    """The same, one list per comparison system: its heading, then its lines."""
    epilogue: list[str] = field(default_factory=list)
    """The scenario's endings this life earned, as plain text (:meth:`game.engine.life.Life.epilogue`)."""
    unfinished: bool = False
    """The player stopped before the life ended: ``last_day`` is the day they stopped on."""
    premise: str = ""
    """How the life was played, as reported or as documented, in words ('' when the packs declare no premise):
    the same class can be compared under both."""
    sources: list[Note] = field(default_factory=list)
    """Where what happened comes from: each rule recorded, privilege lost and event met, once, with its reliability."""

    def steps(self) -> list[Step]:
        return [s for d in self.days for s in d.steps]

    def final_tier(self, system: str) -> str:
        return next((s.final_tier for s in self.series if s.system == system and not s.shadow), "")


def cause_words(content: Content, cause: str) -> str:
    """'A red light: Cross anyway' for ``red_light/cross``; the overnight rule's id for ``daily:x``."""
    if cause.startswith("daily:"):
        return cause.removeprefix("daily:").replace("_", " ")
    parts = cause.split("/")
    event = content.events.get(parts[0])
    if event is None:
        return cause
    choice = next((c for c in event.choices if len(parts) > 1 and c.id == parts[1]), None)
    title = to_plain(event.title)
    return f"{title}: {to_plain(choice.label)}" if choice else title


def record_line(content: Content, r: Record) -> RecordLine:
    rule = content.systems[r.system].rules.get(r.rule)
    return RecordLine(
        r.day,
        r.system,
        present.name_of(content, "system", r.system),
        r.rule,
        present.rule_name(content, r.system, r.rule),
        r.points,
        r.score,
        r.cause,
        cause_words(content, r.cause),
        to_plain(rule.source) if rule and rule.source else "",
        r.shadow,
    )


def tier_bands(content: Content, system: str) -> list[TierBand]:
    sysdef = content.systems[system]
    bands: list[TierBand] = []
    high = sysdef.max
    for tier in sysdef.tiers:  # highest first
        low = max(tier.min, sysdef.min)
        if high > low or not bands:
            bands.append(TierBand(tier.id, present.tier_name(content, system, tier.id), low, high, tier.color))
        high = low
    return bands


def _series(life: Life, system: str, shadow: bool) -> Series:
    content, state = life.content, life.state
    sysdef = content.systems[system]
    history = state.history.get(system, [])
    done = max((len(h) for h in state.history.values()), default=0)
    first = done - len(history) + 1
    start = life.scenario.scores.get(system, sysdef.start)
    points = [(0, float(start))] if first == 1 else []
    points += [(first + i, float(v)) for i, v in enumerate(history)]
    now = float(state.scores.get(system, start))
    if not points or points[-1][0] < state.day:
        points.append((state.day, now))  # the score now, on the day the life stopped
    values = [v for _, v in points] or [now]
    tier = sysdef.tier_for(now)
    return Series(
        system,
        present.name_of(content, "system", system),
        points,
        tier_bands(content, system),
        now,
        tier.id if tier else "",
        min(values),
        max(values),
        shadow,
        present.score_text(content, system, now),
        present.tier_name(content, system, tier.id) if tier else "",
    )


def life_report(life: Life, player: str = "", name: str = "") -> LifeReport:
    """The debrief of ``life`` (finished or not)."""
    content, state = life.content, life.state
    records = [record_line(content, r) for r in state.records]
    by_cause: dict[tuple[int, str], list[RecordLine]] = {}
    for rec in records:
        if not rec.shadow:
            key = "/".join(rec.cause.split("/")[:2])
            by_cause.setdefault((rec.day, key), []).append(rec)
    moments = [
        PrivilegeMoment(day, p, present.name_of(content, "privilege", p), held, cause, _moment_cause(content, cause))
        for day, p, held, cause in state.privilege_log
        if cause != "start"
    ]
    steps_by_day: dict[int, list[Step]] = {}
    for i, (day, event_id, choice_id) in enumerate(state.log):
        later = any(d == day and e == event_id and c == choice_id for d, e, c in state.log[i + 1 :])
        key = f"{event_id}/{choice_id}"
        recs = [] if later else by_cause.get((day, key), [])
        caused = [] if later else [m for m in moments if m.day == day and "/".join(m.cause.split("/")[:2]) == key]
        event = content.events.get(event_id)
        choice = next((c for c in event.choices if c.id == choice_id), None) if event else None
        steps_by_day.setdefault(day, []).append(
            Step(
                day,
                event_id,
                to_plain(event.title) if event else event_id,
                choice_id,
                to_plain(fill(life, choice.label, day=day)) if choice else choice_id,
                recs,
                caused,
            )
        )
    overnight: dict[int, list[RecordLine]] = {}
    for rec in records:
        if rec.cause.startswith("daily:") and not rec.shadow:
            overnight.setdefault(rec.day, []).append(rec)
    days = [
        Day(
            d,
            present.date_of(life.scenario.start_date, d),
            steps_by_day.get(d, []),
            overnight.get(d, []),
            [m for m in moments if m.day == d and not any(m in st.moments for st in steps_by_day.get(d, []))],
            d in state.quiet_days,
        )
        for d in range(1, state.day + 1)
    ]
    series = [_series(life, s, False) for s in state.enrolled] + [_series(life, s, True) for s in state.shadow]
    goals = [
        GoalLine(g.id, to_plain(fill(life, g.text)), state.goals.get(g.id, 0) > 0, abs(state.goals.get(g.id, 0)))
        for g in life.scenario.goals
    ]
    return LifeReport(
        player=player,
        name=name,
        scenario=life.scenario.id,
        scenario_name=to_plain(life.scenario.name),
        seed=life.setup.seed,
        length=state.length,
        last_day=state.day,
        ended_early=state.ended and state.day < state.length,
        ending=to_plain(fill(life, state.ending)),
        days=days,
        series=series,
        records=records,
        moments=moments,
        spans=present.privilege_spans(state.privilege_log, state.day),
        goals=goals,
        log=[(d, e, c) for d, e, c in state.log],
        other_rules=other_rules_lines(life.content, state),
        epilogue=[to_plain(fill(life, e.text)) for e in life.epilogue()],
        other_rules_sections=other_rules_sections(life.content, state),
        unfinished=not state.ended,
        premise=_premise_words(life),
        sources=life_sources(
            life.content, state.records, state.privilege_log, list(dict.fromkeys(e for _d, e, _c in state.log)), Display()
        ),
    )


def _premise_words(life: Life) -> str:
    if PREMISE_SETTING not in life.content.settings:
        return ""
    return S[f"report_premise_{'reported' if life.as_reported else 'documented'}"]


def _moment_cause(content: Content, cause: str) -> str:
    if cause in ("night", "start"):
        return cause
    return cause_words(content, cause)
