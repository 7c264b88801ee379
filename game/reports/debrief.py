"""A whole debrief: the lives, the class comparison, the prompts and what the players were shown."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from game import present
from game.engine.content import PREMISE_SETTING, Content
from game.engine.life import Life
from game.reports.cohort import ClassReport, class_report
from game.reports.life import LifeReport, Series, life_report
from game.reports.myths import MythReport, myth_reports
from game.reports.premises import PremiseLife, class_lines, premise_comparisons
from game.reports.prompts import Prompts
from game.reports.svg import y_range
from game.safe_text import to_plain
from game.strings import S


@dataclass(frozen=True)
class Played:
    """One life to debrief: the life (replayed from its save), who played it, the save's name."""

    life: Life
    player: str = ""
    name: str = ""


@dataclass
class Debrief:
    """What every renderer (HTML, Markdown, terminal) draws."""

    title: str
    content: Content
    lives: list[LifeReport]
    cohort: ClassReport | None
    prompts: Prompts = field(default_factory=Prompts)
    settings: list[tuple[str, str]] = field(default_factory=list)
    language: str = "en"
    myths: list[MythReport] = field(default_factory=list)
    """The packs' myth-and-fact deck, each myth with the moments these lives met it."""
    grades_only: frozenset[str] = frozenset()
    """Systems whose exact scores the report leaves out (``*``: every system): the class saw only grades."""
    summary_only: bool = False
    """The class summary alone, without a page per player."""
    ranges: dict[str, tuple[float, float]] = field(default_factory=dict)
    """Each system's score scale, shared by every player's chart (so the charts compare)."""
    premises: list[PremiseLife] = field(default_factory=list)
    """With ``both_premises``: each life replayed under the other premise, and what changed."""

    @property
    def premises_class(self) -> list[str]:
        """The class under both premises at a glance (several lives only)."""
        return class_lines(self.premises) if len(self.premises) > 1 else []

    @property
    def single(self) -> LifeReport | None:
        return self.lives[0] if len(self.lives) == 1 else None


def settings_lines(
    setup_like: object | None = None, *, scores: object = None, disclosed: bool | None = None, content: Content | None = None
) -> list[tuple[str, str]]:
    """What the players were shown and what the facilitator changed, as (label, value) lines; with ``content``,
    settings and rules by their names, not their ids."""
    out: list[tuple[str, str]] = []
    if isinstance(scores, str):
        out.append((S["report_set_scores"], S[f"report_scores_{scores}"]))
    elif isinstance(scores, dict) and scores:
        out.append((S["report_set_scores"], ", ".join(f"{k}: {S[f'report_scores_{v}']}" for k, v in sorted(scores.items()))))
    if disclosed is not None:
        out.append((S["report_set_disclosed"], S["report_yes" if disclosed else "report_no"]))
    settings = getattr(setup_like, "settings", {}) or {}
    for key, value in sorted(settings.items()):
        shown = S["report_yes"] if value is True else S["report_no"] if value is False else str(value)
        setting = content.settings.get(key) if content is not None else None
        label = S["report_set_setting"].format(setting=to_plain(setting.name) if setting else key)
        if key == PREMISE_SETTING and f"premises_{value}" in S:  # the words of the new-life screen, not 'reported'
            label, shown = S["new_premise"], S[f"premises_{value}"]
        out.append((label, shown))
    overrides = getattr(setup_like, "rule_overrides", {}) or {}
    for key, points in sorted(overrides.items()):
        out.append((S["report_set_override"].format(rule=_rule_label(content, key)), f"{points:+g}"))
    return out


def _rule_label(content: Content | None, key: str) -> str:
    """'Jaywalking caught on camera (Rongcheng social credit)' for 'municipal.jaywalking' (the id if unknown)."""
    system, _, rule = key.partition(".")
    if content is None or system not in content.systems or rule not in content.systems[system].rules:
        return key
    return f"{present.rule_name(content, system, rule)} ({present.name_of(content, 'system', system)})"


def _natural(text: str) -> list[object]:
    """'Player 2' before 'Player 10'."""
    return [(0, int(part), "") if part.isdigit() else (1, 0, part) for part in re.split(r"(\d+)", text.casefold()) if part]


def build_debrief(
    content: Content,
    played: list[Played],
    *,
    title: str = "",
    prompts: Prompts | None = None,
    settings: list[tuple[str, str]] | None = None,
    language: str = "en",
    grades_only: frozenset[str] = frozenset(),
    summary_only: bool = False,
    both_premises: bool = False,
) -> Debrief:
    """Compute the debrief of ``played`` (one life, or a class when there are several); with ``both_premises``
    also each life under the other premise (:mod:`game.reports.premises`)."""
    lives = [life_report(p.life, p.player, p.name) for p in played]
    lives.sort(key=lambda r: (_natural(r.player), _natural(r.name)))
    cohort = class_report(content, lives) if len(lives) > 1 else None
    if not title:
        title = lives[0].scenario_name if lives else S["game_title"]
    ordered = sorted(played, key=lambda p: (_natural(p.player), _natural(p.name)))
    myths = myth_reports(content, [(p.player or p.name, p.life) for p in ordered])
    return Debrief(
        title,
        content,
        lives,
        cohort,
        prompts or Prompts(),
        settings or [],
        language,
        myths,
        grades_only,
        summary_only and cohort is not None,
        _scales(lives),
        premise_comparisons(content, ordered) if both_premises else [],
    )


def _scales(lives: list[LifeReport]) -> dict[str, tuple[float, float]]:
    """One y-axis per system, wide enough for every player's line."""
    by_system: dict[str, list[Series]] = {}
    for life in lives:
        for s in life.series:
            by_system.setdefault(s.system, []).append(s)
    return {system: y_range(series) for system, series in by_system.items()}
