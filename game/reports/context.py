"""What the debrief templates are given: the :class:`~game.reports.debrief.Debrief` and the helpers they call.

Both media get the same names (``d``, ``S``, ``summary_rows``, ``label``, ``cause``...);
HTML gets the charts as ready-made SVG, Markdown gets sparklines and text bars.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from game import __version__, present
from game.reports import svg
from game.reports.debrief import Debrief
from game.reports.life import LifeReport, Series
from game.reports.myths import MythReport
from game.reports.templating import markup
from game.reports.words import cause_of_moment, label_of, span_text, unreached_prompts
from game.strings import S

BLOCKS = "▁▂▃▄▅▆▇█"
MAX_MYTH_MOMENTS = 12
"""Moments listed per myth; the rest are counted."""


@dataclass(frozen=True)
class SummaryRow:
    """One player's line in the class summary."""

    life: LifeReport
    label: str
    series: dict[str, Series | None]
    goals_met: int
    goals: int
    lost: int
    safe: int
    defiant: int


def summary_rows(debrief: Debrief) -> list[SummaryRow]:
    cohort = debrief.cohort
    if cohort is None:
        return []
    stances = {id(life): stance for life, stance in zip(cohort.lives, cohort.stances, strict=True)}
    rows = []
    for life in debrief.lives:
        enrolled = {s.system: s for s in life.series if not s.shadow}
        stance = stances[id(life)]
        rows.append(
            SummaryRow(
                life,
                label_of(life),
                {system: enrolled.get(system) for system in cohort.system_names},
                sum(1 for g in life.goals if g.met),
                len(life.goals),
                sum(1 for m in life.moments if not m.held),
                stance.safe,
                stance.defiant,
            )
        )
    return rows


def subtitle(debrief: Debrief) -> str:
    scenario = debrief.lives[0].scenario_name if debrief.lives else ""
    n = len(debrief.lives)
    players = S["report_n_players"].format(n=n) if n != 1 else S["report_one_player"]
    return S["report_subtitle"].format(scenario=scenario, players=players)


def sparkline(series: Series) -> str:
    values = [v for _, v in series.points]
    if not values:
        return ""
    lo, hi = min(values), max(values)
    if hi == lo:
        return BLOCKS[3] * len(values)
    return "".join(BLOCKS[round((v - lo) / (hi - lo) * (len(BLOCKS) - 1))] for v in values)


def text_bar(count: int, total: int, width: int = 20) -> str:
    filled = round(width * count / total) if total else 0
    return "█" * filled + "·" * (width - filled)


def percent(count: int, total: int) -> str:
    return f"{round(100 * count / total) if total else 0}%"


def shows_score(debrief: Debrief, system: str) -> bool:
    """Whether the report shows exact scores of ``system`` (not when the class saw only grades)."""
    return system not in debrief.grades_only and "*" not in debrief.grades_only


def myth_moments(myth: MythReport) -> tuple[list[str], int]:
    """The moments of ``myth`` in words (at most :data:`MAX_MYTH_MOMENTS`), and how many more there are."""
    texts = [
        S["report_myth_moment" if m.day else "report_myth_moment_life"].format(player=m.player, day=m.day, text=m.text)
        for m in myth.moments
    ]
    return texts[:MAX_MYTH_MOMENTS], max(0, len(texts) - MAX_MYTH_MOMENTS)


def context(debrief: Debrief) -> dict[str, object]:
    """Everything both templates may use."""
    cohort = debrief.cohort

    def shown(system: str) -> bool:
        return shows_score(debrief, system)

    return {
        "d": debrief,
        "S": S,
        "version": __version__,
        "subtitle": subtitle(debrief),
        "summary_rows": summary_rows(debrief),
        "general": debrief.prompts.general(),
        "unreached": unreached_prompts(debrief),
        "lost_privileges": sorted({loss.moment.privilege for loss in cohort.losses}) if cohort else [],
        "recorded_rules": sorted({(r.system, r.rule) for life in debrief.lives for r in life.records if not r.shadow}),
        "label": label_of,
        "cause": cause_of_moment,
        "span_text": lambda span: span_text(debrief.content, span),
        "number": present.number,
        "signed": lambda value: present.signed(round(value, 1)),
        "score": lambda system, value: present.score_text(debrief.content, system, value),
        "signed_score": lambda system, value: present.signed_score(debrief.content, system, value),
        "shows_score": shown,
        "shows_any_score": lambda life: any(shown(s.system) for s in life.series),
        "lost_of": lambda life: list(dict.fromkeys(m.privilege for m in life.moments if not m.held)),
        "rules_of": lambda life: sorted({(r.system, r.rule) for r in life.records}),
        "sparkline": sparkline,
        "text_bar": text_bar,
        "percent": percent,
        "myth_moments": myth_moments,
    }


def html_context(debrief: Debrief) -> dict[str, object]:
    """The context, plus the SVG charts (on one score scale per system, shared by every player)."""
    out = context(debrief)
    cohort = debrief.cohort
    players = [label_of(life) for life in debrief.lives]
    styles = [svg.line_style(i, len(players)) for i in range(len(players))]

    def shown(system: str) -> bool:
        return shows_score(debrief, system)

    def class_chart(system: str) -> str:
        assert cohort is not None
        lines = []
        for life, style in zip(debrief.lives, styles, strict=True):
            lines += [(s, label_of(life), style) for s in life.series if s.system == system and not s.shadow]
        length = max(life.length for life in debrief.lives)
        title = S["report_trajectories"].format(system=cohort.system_names[system])
        unit = functools.partial(present.score_text, debrief.content, system)
        return svg.class_chart(lines, length, debrief.ranges.get(system), title=title, numbers=shown(system), unit=unit)

    def life_chart(series: Series, life: LifeReport, title: str) -> str:
        scale = debrief.ranges.get(series.system)
        unit = functools.partial(present.score_text, debrief.content, series.system)
        return svg.score_chart([series], life.length, scale, title=title, height=220, numbers=shown(series.system), unit=unit)

    def tier_bars(system: str) -> str:
        assert cohort is not None
        name = cohort.system_names[system]
        bars = [
            (tier, count, svg.colour(_band_colour(debrief, system, tid), i))
            for i, (tid, tier, count) in enumerate(cohort.tiers[system])
        ]
        if cohort.not_enrolled.get(system):
            bars.append((S["report_not_enrolled"], cohort.not_enrolled[system], "#9e9e9e"))
        return svg.bar_chart(bars, cohort.players, title=S["report_tiers_of"].format(system=name))

    def stance_bars() -> str:
        assert cohort is not None
        total = cohort.safe_total + cohort.defiant_total
        rows = [(S["report_col_safe"], cohort.safe_total, "#2e7d32"), (S["report_col_defiant"], cohort.defiant_total, "#c62828")]
        return svg.bar_chart(rows, total, title=S["report_stance"])

    out.update(
        class_chart=markup(class_chart),
        life_chart=markup(life_chart),
        tier_bars=markup(tier_bars),
        stance_bars=markup(stance_bars),
        share_bar=markup(lambda ev: svg.share_bar([(c.label, c.share) for c in ev.choices], title=ev.title)),
        choice_colour=lambda i: svg.LINES[i % len(svg.LINES)],
        legend=[(label, colour, dash) for label, (colour, dash) in zip(players, styles, strict=True)],
    )
    return out


def _band_colour(debrief: Debrief, system: str, tier: str) -> str:
    for life in debrief.lives:
        for s in life.series:
            if s.system == system:
                return next((b.color for b in s.bands if b.id == tier), "")
    return ""
