"""The debrief as one self-contained HTML file: inline CSS and SVG, no script, no network.

Readable on a projector (large type, strong contrast) and printable (each
section on its own page). All pack text is escaped with :func:`html.escape`.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from game import __version__, present
from game.reports.cohort import ClassReport
from game.reports.debrief import Debrief
from game.reports.life import LifeReport, PrivilegeMoment, RecordLine
from game.reports.myths_render import myths_html
from game.reports.svg import LINES, bar_chart, colour, score_chart, share_bar
from game.reports.words import cause_of_moment, label_of, span_text, unreached_prompts
from game.strings import S

CSS = """
:root { --ink: #111; --muted: #555; --line: #bbb; --bg: #fff; --accent: #1f3a93; --bad: #b71c1c; --good: #1b5e20; }
* { box-sizing: border-box; }
html { font-size: 18px; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--bg);
       margin: 0 auto; max-width: 1100px; padding: 1.5rem; line-height: 1.45; }
h1 { font-size: 2.1rem; margin: 0 0 .3rem; }
h2 { font-size: 1.6rem; border-bottom: 3px solid var(--accent); padding-bottom: .2rem; margin-top: 2.2rem; }
h3 { font-size: 1.25rem; margin: 1.4rem 0 .4rem; }
.meta { color: var(--muted); }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .92rem; }
th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: #eef0f6; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.neg { color: var(--bad); font-weight: 600; }
.pos { color: var(--good); font-weight: 600; }
.prompt { border-left: 6px solid #f9a825; background: #fff8e1; padding: .5rem .8rem; margin: .6rem 0; font-size: 1.05rem; }
.prompt b { color: #8d6e00; }
svg { width: 100%; height: auto; display: block; margin: .4rem 0 1rem; }
svg text { font-family: inherit; }
svg .axis { font-size: 13px; fill: #333; }
svg .tier { font-size: 14px; font-weight: 700; fill: #222; }
svg .band { opacity: .22; }
svg .frame { fill: none; stroke: #888; stroke-width: 1; }
svg .line { fill: none; stroke-width: 3; stroke-linejoin: round; }
svg .faint { stroke-width: 1.6; opacity: .45; }
svg .label, svg .value { font-size: 17px; fill: #222; }
svg .in { font-size: 14px; fill: #fff; font-weight: 700; }
.legend span { display: inline-block; margin-right: 1rem; }
.legend i { display: inline-block; width: .9rem; height: .9rem; margin-right: .3rem; vertical-align: -2px; }
.day { border-left: 4px solid var(--line); padding: .1rem .8rem; margin: .4rem 0; }
.day h4 { margin: .2rem 0; font-size: 1rem; }
.day ul { margin: .2rem 0 .3rem 1.1rem; padding: 0; }
.settings td:first-child { width: 40%; }
.grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(420px, 1fr)); gap: 0 1.5rem; }
footer { color: var(--muted); font-size: .8rem; margin-top: 3rem; }
@media print {
  html { font-size: 12pt; }
  body { max-width: none; padding: 0; }
  section.page { break-before: page; page-break-before: always; }
  section.page:first-of-type { break-before: auto; page-break-before: auto; }
  .event, .day, table tr, svg { break-inside: avoid; page-break-inside: avoid; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
}
"""


_NUM = ' class="num"'


def e(text: object) -> str:
    return escape(str(text), quote=True)


def render_html(debrief: Debrief) -> str:
    """The whole report as an HTML document."""
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{e(debrief.language)}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{e(S['report_title'].format(title=debrief.title))}</title>",
        f"<style>{CSS}</style></head><body>",
        "<header>",
        f"<h1>{e(S['report_title'].format(title=debrief.title))}</h1>",
        f'<p class="meta">{e(_subtitle(debrief))}</p>',
        "</header>",
    ]
    if debrief.settings:
        parts.append(f"<h3>{e(S['report_settings'])}</h3><table class='settings'>")
        parts += [f"<tr><td>{e(k)}</td><td>{e(v)}</td></tr>" for k, v in debrief.settings]
        parts.append("</table>")
    if debrief.cohort is not None:
        parts += _class(debrief, debrief.cohort)
    for life in debrief.lives:
        parts += _life(debrief, life)
    parts += myths_html(debrief.myths)
    parts += _discussion(debrief)
    parts.append(f"<footer>{e(S['report_footer'].format(version=__version__))}</footer></body></html>")
    return "\n".join(parts) + "\n"


def _subtitle(debrief: Debrief) -> str:
    scenario = debrief.lives[0].scenario_name if debrief.lives else ""
    n = len(debrief.lives)
    return S["report_subtitle"].format(
        scenario=scenario, players=S["report_n_players"].format(n=n) if n != 1 else S["report_one_player"]
    )


def _prompts(texts: list[str]) -> list[str]:
    return [f'<div class="prompt"><b>{e(S["report_discuss"])}</b> {e(t)}</div>' for t in texts]


def _class(debrief: Debrief, cohort: ClassReport) -> list[str]:
    n = cohort.players
    out = [f'<section class="page"><h2>{e(S["report_class"])}</h2>']
    out.append(f"<h3>{e(S['report_tiers'])}</h3><div class='grid'>")
    for system, rows in cohort.tiers.items():
        name = cohort.system_names[system]
        bars = [(name, count, colour(_band_colour(cohort, system, tid), i)) for i, (tid, name, count) in enumerate(rows)]
        if cohort.not_enrolled.get(system):
            bars.append((S["report_not_enrolled"], cohort.not_enrolled[system], "#9e9e9e"))
        out.append(f"<div><h4>{e(name)}</h4>")
        out.append(bar_chart(bars, n, title=S["report_tiers_of"].format(system=name)))
        out.append("</div>")
    out.append("</div>")
    for system, name in cohort.system_names.items():
        series = [s for life in cohort.lives for s in life.series if s.system == system and not s.shadow]
        length = max(life.length for life in cohort.lives)
        title = S["report_trajectories"].format(system=name)
        out.append(f"<h3>{e(title)}</h3>")
        out.append(score_chart(series, length, title=title))
    out.append(f"<h3>{e(S['report_stance'])}</h3><p>{e(S['report_stance_note'])}</p>")
    total = cohort.safe_total + cohort.defiant_total
    out.append(
        bar_chart(
            [(S["report_col_safe"], cohort.safe_total, "#2e7d32"), (S["report_col_defiant"], cohort.defiant_total, "#c62828")],
            total,
            title=S["report_stance"],
        )
    )
    out.append(
        _table(
            [S["report_col_player"], S["report_col_safe"], S["report_col_defiant"]],
            [[s.player, s.safe, s.defiant] for s in cohort.stances],
            {1, 2},
        )
    )
    out.append("</section>")
    out.append(f'<section class="page"><h2>{e(S["report_choices"])}</h2><p>{e(S["report_choices_note"])}</p>')
    for ev in cohort.events:
        out.append(f'<div class="event"><h3>{e(ev.title)}</h3>')
        out.append(f'<p class="meta">{e(S["report_event_meta"].format(day=ev.first_day, n=ev.players, total=n))}</p>')
        out.append(share_bar([(c.label, c.share) for c in ev.choices], title=ev.title))
        legend = "".join(
            f'<span><i style="background:{LINES[i % len(LINES)]}"></i>{e(c.label)}: {c.count} ({round(c.share * 100)}%)</span>'
            for i, c in enumerate(ev.choices)
        )
        out.append(f'<p class="legend">{legend}</p>')
        out += _prompts(debrief.prompts.for_event_only(ev.event))
        for c in ev.choices:
            out += _prompts(debrief.prompts.for_choice(ev.event, c.choice))
        out.append("</div>")
    out.append("</section>")
    out.append(f'<section class="page"><h2>{e(S["report_losses"])}</h2>')
    if cohort.losses:
        loss_rows = [[loss.player, loss.moment.name, loss.moment.day, cause_of_moment(loss.moment)] for loss in cohort.losses]
        out.append(
            _table([S["report_col_player"], S["report_col_privilege"], S["report_col_day"], S["report_col_why"]], loss_rows, {2})
        )
    else:
        out.append(f"<p>{e(S['report_losses_none'])}</p>")
    for privilege in sorted({loss.moment.privilege for loss in cohort.losses}):
        out += _prompts(debrief.prompts.for_privilege(privilege))
    out.append(f"<h2>{e(S['report_movers'])}</h2><p>{e(S['report_movers_note'])}</p>")
    mover_rows = [[m.text, m.taken, _signed_html(m.mean), "; ".join(m.rules)] for m in cohort.movers]
    out.append(
        _table(
            [S["report_col_choice"], S["report_col_taken"], S["report_col_mean"], S["report_col_rules"]],
            mover_rows,
            {1, 2},
            raw={2},
        )
    )
    recorded = sorted({(r.system, r.rule) for life in cohort.lives for r in life.records if not r.shadow})
    for system, rule in recorded:
        out += _prompts(debrief.prompts.for_rule(system, rule))
    out.append("</section>")
    return out


def _band_colour(cohort: ClassReport, system: str, tier: str) -> str:
    for life in cohort.lives:
        for s in life.series:
            if s.system == system:
                return next((b.color for b in s.bands if b.id == tier), "")
    return ""


def _life(debrief: Debrief, life: LifeReport) -> list[str]:
    prompts = debrief.prompts
    out = [f'<section class="page life"><h2>{e(S["report_life_of"].format(player=label_of(life)))}</h2>']
    meta = S["report_life_meta"].format(scenario=life.scenario_name, seed=life.seed, day=life.last_day, length=life.length)
    out.append(f'<p class="meta">{e(meta)}</p>')
    if life.ended_early:
        out.append(f"<p><b>{e(S['report_ended_early'].format(day=life.last_day))}</b> {e(life.ending)}</p>")
    if life.goals:
        out.append(f"<h3>{e(S['report_goals'])}</h3><ul>")
        for g in life.goals:
            state = S["report_goal_met"].format(day=g.day) if g.met else S["report_goal_missed"]
            out.append(f"<li>{'✓' if g.met else '✗'} {e(g.text)}: {e(state)}</li>")
        out.append("</ul>")
    out.append(f"<h3>{e(S['report_scores'])}</h3>")
    for s in life.series:
        label = s.name + (f" ({S['report_shadow']})" if s.shadow else "")
        out.append(f"<h4>{e(label)}: {e(present.number(s.final))} ({e(s.final_tier)})</h4>")
        out.append(score_chart([s], life.length, title=label, height=220))
    out.append(f"<h3>{e(S['report_privileges'])}</h3>")
    if life.moments:
        out.append("<ul>")
        for m in life.moments:
            key = "report_priv_regained" if m.held else "report_priv_lost"
            line = S[key].format(day=m.day, privilege=m.name, why=cause_of_moment(m))
            out.append(f"<li>{e(line)}</li>")
        out.append("</ul>")
        out.append("<ul>" + "".join(f"<li>{e(span_text(debrief.content, span))}</li>" for span in life.spans) + "</ul>")
        for privilege in dict.fromkeys(m.privilege for m in life.moments if not m.held):
            out += _prompts(prompts.for_privilege(privilege)) if debrief.single else []
    else:
        out.append(f"<p>{e(S['report_priv_none'])}</p>")
    out.append(f"<h3>{e(S['report_timeline'])}</h3>")
    for day in life.days:
        out.append(f'<div class="day"><h4>{e(S["report_day"].format(day=day.day, date=day.date))}</h4><ul>')
        for rec in day.overnight:
            out.append(f"<li>{e(S['report_overnight'])}: {_record_inline(rec)}</li>")
        out += [_moment_item(m) for m in day.privileges]
        if day.quiet and not day.steps:
            out.append(f"<li>{e(S['report_quiet'])}</li>")
        for step in day.steps:
            recs = ", ".join(_record_inline(r) for r in step.records)
            out.append(f"<li>{e(step.event_title)} → <b>{e(step.choice_label)}</b>{' — ' + recs if recs else ''}</li>")
            out += [_moment_item(m) for m in step.moments]
        out.append("</ul>")
        if debrief.single:
            for step in day.steps:
                out += _prompts(prompts.for_event(step.event, step.choice))
        out.append("</div>")
    out.append(f"<h3>{e(S['report_record'])}</h3>")
    rows = []
    seen_rules: set[tuple[str, str]] = set()
    for r in life.records:
        rows.append([r.day, r.system_name + (f" ({S['report_shadow']})" if r.shadow else ""), r.rule_name, _signed_html(r.points),
                     present.number(r.score), r.cause_text, r.source or S["no_source"]])  # fmt: skip
        seen_rules.add((r.system, r.rule))
    heads = [S[k] for k in ("report_col_day", "report_col_system", "report_col_rule", "report_col_points", "report_col_score",
                            "report_col_cause", "report_col_source")]  # fmt: skip
    out.append(_table(heads, rows, {0, 3, 4}, raw={3}) if rows else f"<p>{e(S['report_no_records'])}</p>")
    if debrief.single:
        for system, rule in sorted(seen_rules):
            out += _prompts(prompts.for_rule(system, rule))
    out.append("</section>")
    return out


def _discussion(debrief: Debrief) -> list[str]:
    general = debrief.prompts.general()
    unreached = _unreached(debrief)
    if not general and not unreached:
        return []
    out = [f'<section class="page"><h2>{e(S["report_discussion"])}</h2>']
    out += _prompts(general)
    for about, text in unreached:
        out.append(f'<div class="prompt"><b>{e(S["report_discuss"])}</b> {e(text)} <i>({e(about)})</i></div>')
    out.append("</section>")
    return out


def _unreached(debrief: Debrief) -> list[tuple[str, str]]:
    """Tied prompts whose moment no life reached (so they are not lost)."""
    return unreached_prompts(debrief)


def _moment_item(m: PrivilegeMoment) -> str:
    key = "report_priv_regained_short" if m.held else "report_priv_lost_short"
    cls = "pos" if m.held else "neg"
    return f'<li class="{cls}">{e(S[key].format(privilege=m.name))}</li>'


def _record_inline(rec: RecordLine) -> str:
    return f"{_signed_html(rec.points)} {e(rec.rule_name)} ({e(rec.system_name)})"


def _signed_html(value: float) -> str:
    cls = "neg" if value < 0 else "pos" if value > 0 else "zero"
    return f'<span class="{cls}">{e(present.signed(round(value, 1)))}</span>'


def _table(heads: list[str], rows: Sequence[Sequence[object]], numeric: set[int], raw: set[int] | None = None) -> str:
    raw = raw or set()
    head = "".join(f"<th{_NUM if i in numeric else ''}>{e(h)}</th>" for i, h in enumerate(heads))
    body = []
    for row in rows:
        cells = "".join(f"<td{_NUM if i in numeric else ''}>{v if i in raw else e(v)}</td>" for i, v in enumerate(row))
        body.append(f"<tr>{cells}</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
