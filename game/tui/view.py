"""What the screens show, gathered from the engine's state as plain data.

Pure functions, no Textual: each turns content, state and a
:class:`~game.present.Display` into rows the widgets only lay out. All wording
comes from :mod:`game.present` and :mod:`game.strings`; pack text is kept as
written here and made safe by the widget that shows it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from game import present
from game.engine.content import Content
from game.engine.scoring import privilege_lock
from game.present import Display, Visibility
from game.strings import S, plural

if TYPE_CHECKING:
    from game.engine.life import Life

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


@dataclass(frozen=True)
class GoalRow:
    text: str
    line: str
    state: str  # open | met | missed


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
    """'Money ¥2500' for every stat the player may see."""
    content = life.content
    return [
        f"{present.name_of(content, 'stat', k)} {present.stat_value(content, k, v)}"
        for k, v in life.state.stats.items()
        if k in content.stats and not content.stats[k].hidden
    ]


def privileges_held(life: Life) -> list[str]:
    return sorted(present.name_of(life.content, "privilege", p) for p in life.state.privileges)


def privileges_barred(life: Life, display: Display) -> list[str]:
    """Privileges the citizen would hold but for a tier or a list, each with the reason (as far as ``display`` shows it)."""
    state = life.state
    barred = sorted(state.base_privileges - state.privileges)
    return [present.lock_text(life.content, privilege_lock(life, p), display) for p in barred]


def list_names(life: Life) -> list[str]:
    return [present.name_of(life.content, "list", x) for x in sorted(life.state.lists)]


def goal_rows(life: Life) -> list[GoalRow]:
    """The scenario's goals with their deadlines and where they stand."""
    state = life.state
    rows = []
    for goal in life.scenario.goals:
        text = present.goal_text(life.content, goal.id)
        day = state.goals.get(goal.id, 0)
        if day > 0:
            rows.append(GoalRow(text, S["goal_done"].format(text=text, day=day), "met"))
        elif day < 0:
            rows.append(GoalRow(text, S["goal_failed"].format(text=text), "missed"))
        else:
            rows.append(GoalRow(text, S["goal_open"].format(text=text, by=min(goal.by, state.length)), "open"))
    return rows


def day_line(life: Life) -> str:
    """'Day 3 of 30 · Wed 6 Mar 2019 · 27 days left'."""
    state = life.state
    date = present.date_of(life.scenario.start_date, state.day)
    left = state.length - state.day
    if left <= 0:
        return S["day_last"].format(day=state.day, length=state.length, date=date)
    return plural("day_bar", left).format(day=state.day, length=state.length, date=date, left=left)
