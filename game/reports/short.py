"""A short debrief of one life, in a few plain lines: for the end screen of the TUI and plain mode.

The lines are plain text (pack text already made plain); a Textual or Rich
caller shows them as :class:`rich.text.Text`, never as markup.
"""

from __future__ import annotations

from game import present
from game.engine.life import Life
from game.reports.cohort import defiant_choices
from game.reports.life import LifeReport, RecordLine, life_report
from game.reports.prompts import Prompts
from game.reports.words import cause_of_moment
from game.strings import S, plural


def end_debrief(life: Life, prompts: Prompts | None = None) -> list[str]:
    """The short debrief of ``life``, computed by the same code as the full report."""
    return short_debrief(life_report(life), prompts)


def short_debrief(report: LifeReport, prompts: Prompts | None = None) -> list[str]:
    """Costliest and best-paid choices (with the rule's source), privileges lost, safe/defiant count, prompts."""
    lines: list[str] = [S["short_header"]]
    totals: dict[tuple[str, str], list[RecordLine]] = {}
    for step in report.steps():
        for rec in step.records:
            totals.setdefault((step.key, rec.system), []).append(rec)
    ranked = sorted(totals.items(), key=lambda kv: (sum(r.points for r in kv[1]), kv[0]))
    if ranked and sum(r.points for r in ranked[0][1]) < 0:
        lines += _choice_line("short_costliest", ranked[0][1])
    if ranked and sum(r.points for r in ranked[-1][1]) > 0:
        lines += _choice_line("short_best", ranked[-1][1])
    losses = [m for m in report.moments if not m.held]
    for m in losses[:4]:
        lines.append(S["short_lost"].format(privilege=m.name, day=m.day, why=cause_of_moment(m)))
    if len(losses) > 4:  # name every one: a lost privilege is never left out, nor named twice
        named = {m.name for m in losses[:4]}  # lost again later (off a list, then on it again): named once
        rest = [name for name in dict.fromkeys(m.name for m in losses[4:]) if name not in named]
    if len(losses) > 4 and rest:
        lines.append(plural("short_lost_more", len(rest)).format(n=len(rest), privileges=", ".join(rest)))
    regained = [m for m in report.moments if m.held]
    if not losses and regained:  # barred from the start (a list, a grade), and free of it later
        names = list(dict.fromkeys(m.name for m in regained))
        lines.append(S["short_regained"].format(privileges=present.list_words(names, len(names)), day=regained[0].day))
    elif not losses:
        lines.append(S["short_no_loss"])
    defiant = defiant_choices([report])
    keys = [f"{e}/{c}" for _, e, c in report.log]
    bad = sum(1 for k in keys if k in defiant)
    lines.append(S["short_stance"].format(n=len(keys), defiant=bad, safe=len(keys) - bad))
    recorded = sum(1 for r in report.records if not r.shadow)
    lines.append(plural("short_records", recorded).format(n=recorded))
    lines += report.other_rules
    if prompts is not None:
        lost = {m.privilege for m in losses}
        rules = {(r.system, r.rule) for r in report.records}
        texts = [t for p in sorted(lost) for t in prompts.for_privilege(p)]
        texts += [t for s, r in sorted(rules) for t in prompts.for_rule(s, r)]
        texts += prompts.general()
        lines += [S["short_prompt"].format(text=t) for t in dict.fromkeys(texts)][:3]
    return lines


def _choice_line(key: str, records: list[RecordLine]) -> list[str]:
    first = min(records, key=lambda r: r.points) if key == "short_costliest" else max(records, key=lambda r: r.points)
    points = present.signed(round(sum(r.points for r in records), 1))
    out = [S[key].format(choice=first.cause_text, points=points, system=first.system_name, rule=first.rule_name)]
    if first.source:
        out.append(S["short_source"].format(source=first.source))
    return out
