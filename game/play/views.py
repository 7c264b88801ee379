"""What a front end shows of a life, as plain typed values: the day, the choices with their locks, the record, the end.

Pure functions, no Textual, no Rich: each turns a life and a :class:`~game.present.Display`
into rows the TUI's widgets and the plain mode only lay out, with the visibility policy
(scores shown, tier only or hidden; rules disclosed or not) applied here, once. All wording
comes from :mod:`game.present` and :mod:`game.strings`; pack text is kept as written here
and made safe by the front end that shows it (``safe_text``).
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from game import present
from game.engine.content import PREMISE_SETTING
from game.engine.scoring import privilege_lock
from game.engine.state import Setup
from game.play.fill import fill, filler
from game.play.shown_stats import life_stats
from game.present import Display, Visibility
from game.safe_text import to_plain
from game.strings import S, plural

if TYPE_CHECKING:
    from game.engine.content import Content, Scenario
    from game.engine.life import Life
    from game.engine.model import LockReason, Notice, Record

DEFAULT_TIER_COLOURS = ("#2e7d32", "#558b2f", "#9e9d24", "#f9a825", "#ef6c00", "#c62828")
"""Colours for tiers that name none, best first."""


@dataclass(frozen=True)
class TierBand:
    """One tier of a system: its id, shown name, lowest score and colour (a valid ``#rrggbb``)."""

    id: str
    name: str
    min: float
    colour: str


@dataclass(frozen=True)
class SystemRow:
    """One enrolled system in the status panel. ``mode``: shown, tier or hidden."""

    id: str
    name: str
    mode: Visibility
    score: float
    tier: TierBand | None
    up: str
    down: str
    history: tuple[float, ...]
    shown: str = ""
    """The score in the system's own unit ('4.80' for a rating kept as 480)."""
    tier_name: str = ""
    """The tier's shown name (its id when the system has no such tier)."""


@dataclass(frozen=True)
class GoalRow:
    """A goal of the life: its text (pack text, plain), its line with the deadline or outcome, and where it stands."""

    text: str
    line: str
    state: str  # open | met | missed
    day: int = 0
    """The day it was met (0: not met)."""


def safe_colour(value: str, fallback: str) -> str:
    """A pack's colour if it is a plain ``#rgb``/``#rrggbb`` hex, else ``fallback``."""
    text = value.strip()
    if len(text) in (4, 7) and text.startswith("#") and all(c in "0123456789abcdefABCDEF" for c in text[1:]):
        return text
    return fallback


def tier_bands(content: Content, system: str) -> list[TierBand]:
    """The tiers of a system, best first, each with a colour."""
    tiers = content.systems[system].tiers
    bands = []
    for i, tier in enumerate(tiers):
        # spread the default colours over the tiers, best green, worst red
        pick = round(i * (len(DEFAULT_TIER_COLOURS) - 1) / max(1, len(tiers) - 1))
        colour = safe_colour(tier.color, DEFAULT_TIER_COLOURS[pick])
        bands.append(TierBand(tier.id, present.tier_name(content, system, tier.id), tier.min, colour))
    return bands


def score_unit(content: Content, system: str) -> Callable[[float], str]:
    """Writes a score of ``system`` in its own unit (a passenger rating kept as 480 is '4.80')."""
    return functools.partial(present.score_text, content, system)


def band_of(content: Content, system: str, tier_id: str) -> TierBand | None:
    return next((b for b in tier_bands(content, system) if b.id == tier_id), None)


def system_rows(life: Life, display: Display, *, shadow: bool = False) -> list[SystemRow]:
    """Enrolled systems (or the comparison ones) as the player may see them."""
    content, state = life.content, life.state
    rows = []
    for system in state.shadow if shadow else state.enrolled:
        mode = Visibility.SHOWN if shadow else display.mode(content, system)
        if mode is Visibility.HIDDEN:
            continue
        score = state.scores.get(system, 0)
        up, down = present.tier_distances(content, system, score)
        rows.append(
            SystemRow(
                id=system,
                name=present.name_of(content, "system", system),
                mode=mode,
                score=score,
                tier=band_of(content, system, state.tiers.get(system, "")),
                up=S["tier_up"].format(
                    points=present.score_text(content, system, up[1]), tier=present.tier_name(content, system, up[0])
                )
                if up
                else S["tier_top"],
                down=S["tier_down"].format(
                    points=present.score_text(content, system, down[1]), tier=present.tier_name(content, system, down[0])
                )
                if down
                else S["tier_bottom"],
                history=score_series(life, system),
                shown=present.score_text(content, system, score),
                tier_name=present.tier_name(content, system, state.tiers.get(system, "")),
            )
        )
    return rows


def score_series(life: Life, system: str) -> tuple[float, ...]:
    """The score at the start, at the end of each day so far, and now (while the life goes on)."""
    state = life.state
    start = life.scenario.scores.get(system, life.content.systems[system].start)
    now = () if state.ended else (state.scores.get(system, 0),)
    return (start, *state.history.get(system, []), *now)


def stat_lines(life: Life) -> list[str]:
    """'Money ¥2500' for every stat of this life (:func:`~game.play.shown_stats.life_stats`, or moved from its start)
    the player may see."""
    content = life.content
    own = life_stats(content, life.scenario)
    return [
        f"{present.name_of(content, 'stat', k)} {present.stat_value(content, k, v)}"
        for k, v in life.state.stats.items()
        if k in content.stats and not content.stats[k].hidden and (k in own or v != content.stats[k].start)
    ]


def privileges_held(life: Life) -> list[str]:
    return sorted(present.name_of(life.content, "privilege", p) for p in life.state.privileges)


def privileges_barred(life: Life, display: Display) -> list[str]:
    """Privileges the citizen would hold but for a tier or a list, with the reason (as far as ``display`` shows it):
    one line per reason, so ten privileges one list bars take one line, not ten."""
    state = life.state
    barred = sorted(state.base_privileges - state.privileges)
    return present.barred_lines(life.content, [privilege_lock(life, p) for p in barred], display)


@dataclass(frozen=True)
class LossRow:
    """A spell without a privilege the citizen had: its name, first day, length, and whether it lasts to the end."""

    privilege: str
    start: int
    days: int
    open: bool


def privileges_lost(life: Life) -> list[LossRow]:
    """Each spell without a privilege the citizen had, in order."""
    spans = present.privilege_spans(life.state.privilege_log, life.state.day)
    return [LossRow(present.name_of(life.content, "privilege", s.privilege), s.start, s.days, s.open) for s in spans]


def list_names(life: Life) -> list[str]:
    return [present.name_of(life.content, "list", x) for x in sorted(life.state.lists)]


def goal_rows(life: Life) -> list[GoalRow]:
    """The scenario's goals with their deadlines and where they stand."""
    state = life.state
    rows = []
    for goal in life.scenario.goals:
        text = to_plain(fill(life, goal.text))
        day = state.goals.get(goal.id, 0)
        if day > 0:
            rows.append(GoalRow(text, S["goal_done"].format(text=text, day=day), "met", day))
        elif day < 0:
            rows.append(GoalRow(text, S["goal_failed"].format(text=text), "missed"))
        else:
            terms = present.goal_terms(life.content, goal)
            rows.append(GoalRow(text, S["goal_open"].format(text=text, by=min(goal.by, state.length)) + terms, "open"))
    return rows


def epilogue(life: Life) -> list[str]:
    """What became of it: the scenario's endings this life earned, as pack text (empty before the end)."""
    return [fill(life, e.text) for e in life.epilogue()]


def date_line(life: Life) -> str:
    """Today's date: 'Wed 6 Mar 2019'."""
    return present.date_of(life.scenario.start_date, life.state.day)


def day_line(life: Life) -> str:
    """'Day 3 of 30 · Wed 6 Mar 2019 · 27 days left'."""
    state = life.state
    date = present.date_of(life.scenario.start_date, state.day)
    left = state.length - state.day
    if left <= 0:
        return S["day_last"].format(day=state.day, length=state.length, date=date)
    return plural("day_bar", left).format(day=state.day, length=state.length, date=date, left=left)


# -- the waiting event --------------------------------------------------------------


@dataclass(frozen=True)
class ChoiceRow:
    """One visible choice: its id, label (pack text), and its lock with the lock's words (None and '' when open)."""

    id: str
    label: str
    lock: LockReason | None
    lock_text: str


@dataclass(frozen=True)
class PromptView:
    """The event waiting for a choice on ``day``, after ``turn`` choices: title and text (pack text) and its choices."""

    event_id: str
    day: int
    turn: int
    title: str
    text: str
    choices: tuple[ChoiceRow, ...]

    def row(self, choice_id: str) -> ChoiceRow | None:
        return next((row for row in self.choices if row.id == choice_id), None)


def prompt_view(life: Life, display: Display) -> PromptView | None:
    """The waiting event with its visible choices, locked ones with their reason (None: no event waits)."""
    prompt = life.prompt()
    if prompt is None:
        return None
    rows = tuple(
        ChoiceRow(cv.choice.id, fill(life, cv.choice.label, display), cv.lock, _lock_text(life, cv.lock, display))
        for cv in prompt.choices
    )
    event = prompt.event
    return PromptView(event.id, prompt.day, len(life.state.log), event.title, fill(life, event.text, display), rows)


def _lock_text(life: Life, lock: LockReason | None, display: Display) -> str:
    """The words of a lock, the writer's ``locked_text`` filled in ("" for an open choice)."""
    if lock is None:
        return ""
    if lock.detail:
        lock = dataclasses.replace(lock, detail=fill(life, lock.detail, display))
    return present.lock_text(life.content, lock, display)


def notice_text(life: Life, notice: Notice, display: Display) -> str:
    """What one notice says ('' if nothing shown), its pack text filled in for the day it was said."""
    return present.notice_text(life.content, notice, display, filler(life, display, notice.data.get("day")))


def notice_lines(life: Life, notices: list[Notice], display: Display) -> list[str]:
    """What ``notices`` say, in order, as far as ``display`` shows them (a new day's notice is left out: the day is shown)."""
    lines = []
    for notice in notices:
        if notice.kind != "day" and (text := notice_text(life, notice, display)):
            lines.append(text)
    return lines


# -- the record ---------------------------------------------------------------------


@dataclass(frozen=True)
class RecordRow:
    """One score change as the player may read it. An undisclosed rule shows '?' for rule, points and score."""

    day: int
    system_id: str
    system: str
    disclosed: bool
    """Whether the system's rules are shown (a comparison system's always are)."""
    rule: str
    points: str
    score: str
    """The score after it, or '?' when the display shows no score for the system."""
    cause: str
    source: str
    shadow: bool
    record: Record


def record_row(content: Content, display: Display, record: Record, fill_text: present.Fill | None = None) -> RecordRow:
    """``record`` as the player may read it under ``display`` (``fill_text`` fills in the pack text of its cause)."""
    system = present.name_of(content, "system", record.system)
    cause = present.cause_text(content, record.cause, fill_text)
    if not display.rules_shown(content, record.system) and not record.shadow:
        undisclosed = S["record_undisclosed"]
        return RecordRow(record.day, record.system, system, False, undisclosed, "?", "?", cause, "", record.shadow, record)
    rule = content.systems[record.system].rules.get(record.rule)
    source = to_plain(rule.source) if rule and rule.source else S["no_source"]
    shown = record.shadow or display.mode(content, record.system) is Visibility.SHOWN
    return RecordRow(
        record.day,
        record.system,
        system,
        True,
        present.rule_name(content, record.system, record.rule),
        present.signed_score(content, record.system, record.points),
        present.score_text(content, record.system, record.score) if shown else "?",
        cause,
        source,
        record.shadow,
        record,
    )


def record_rows(life: Life, display: Display, *, shadows: bool = False) -> list[RecordRow]:
    """The life's records (and the comparison systems' with ``shadows``), hidden systems' left out."""
    content = life.content
    return [
        record_row(content, display, r, filler(life, display, r.day))
        for r in life.state.records
        if (shadows or not r.shadow) and (r.shadow or display.mode(content, r.system) is not Visibility.HIDDEN)
    ]


# -- a grade changes ----------------------------------------------------------------


@dataclass(frozen=True)
class TierChange:
    """What a grade change shows: the system, the old and new tier, and privileges gained and lost."""

    system: str
    old: TierBand | None
    new: TierBand | None
    up: bool
    gained: tuple[str, ...]
    lost: tuple[str, ...]


def tier_change(life: Life, display: Display, notice: Notice) -> TierChange | None:
    """The change a ``tier`` notice announces, or None for other notices and hidden systems."""
    if notice.kind != "tier":
        return None
    content, d = life.content, notice.data
    system = d["system"]
    if display.mode(content, system) is Visibility.HIDDEN:
        return None
    sysdef = content.systems[system]
    return TierChange(
        system=present.name_of(content, "system", system),
        old=band_of(content, system, d["old"]),
        new=band_of(content, system, d["new"]),
        up=sysdef.tier_index(d["new"]) < sysdef.tier_index(d["old"]),
        gained=tuple(present.name_of(content, "privilege", p) for p in d.get("gained", ())),
        lost=tuple(_lost_name(life, p) for p in d.get("lost", ())),
    )


def _lost_name(life: Life, privilege: str) -> str:
    """A lost privilege's name, marked when only the premise as reported takes it."""
    name = present.name_of(life.content, "privilege", privilege)
    reported = privilege_lock(life, privilege).args.get("reported")
    return f"{name} {S['mark_as_reported']}" if reported else name


# -- a new life ---------------------------------------------------------------------


def premise_of(scenario: Scenario, defaults: Setup | None) -> str:
    """The premise a new life of ``scenario`` starts with: the one asked for, else the scenario's ('reported' if none)."""
    wanted = (defaults.settings if defaults else {}).get(PREMISE_SETTING) or scenario.settings.get(PREMISE_SETTING)
    return "documented" if wanted == "documented" else "reported"


def new_setup(scenario: str, seed: int, days: int, premise: str, defaults: Setup | None = None) -> Setup:
    """The setup of a new life, keeping what ``defaults`` set besides (a workshop's settings and rule changes)."""
    settings = dict(defaults.settings) if defaults else {}
    settings[PREMISE_SETTING] = premise
    return Setup(scenario, seed, days, settings=settings, rule_overrides=dict(defaults.rule_overrides) if defaults else {})
