"""The debrief as Markdown that reads well in a plain editor: tables, text bars and sparklines."""

from __future__ import annotations

from game import __version__, present
from game.reports.cohort import ClassReport
from game.reports.debrief import Debrief
from game.reports.life import LifeReport, RecordLine, Series
from game.reports.myths_render import myths_markdown
from game.reports.words import cause_of_moment, label_of, span_text, unreached_prompts
from game.strings import S

BLOCKS = "▁▂▃▄▅▆▇█"


def md(text: object) -> str:
    """Pack text made safe inside Markdown: no HTML, no table breaks, no accidental formatting."""
    out = str(text).replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")
    for ch in "*_`[]<>":
        out = out.replace(ch, "\\" + ch)
    return out


def sparkline(values: list[float]) -> str:
    if not values:
        return ""
    lo, hi = min(values), max(values)
    if hi == lo:
        return BLOCKS[3] * len(values)
    return "".join(BLOCKS[round((v - lo) / (hi - lo) * (len(BLOCKS) - 1))] for v in values)


def text_bar(count: int, total: int, width: int = 20) -> str:
    filled = round(width * count / total) if total else 0
    return "█" * filled + "·" * (width - filled)


def table(heads: list[str], rows: list[list[object]]) -> list[str]:
    out = ["| " + " | ".join(md(h) for h in heads) + " |", "|" + "|".join("---" for _ in heads) + "|"]
    out += ["| " + " | ".join(md(c) for c in row) + " |" for row in rows]
    return [*out, ""]


def prompts(texts: list[str]) -> list[str]:
    return [f"> **{md(S['report_discuss'])}** {md(t)}" for t in texts] + ([""] if texts else [])


def render_markdown(debrief: Debrief) -> str:
    """The whole report as Markdown."""
    title = S["report_title"].format(title=debrief.title)
    n = len(debrief.lives)
    scenario = debrief.lives[0].scenario_name if debrief.lives else ""
    players = S["report_n_players"].format(n=n) if n != 1 else S["report_one_player"]
    out = [f"# {md(title)}", "", md(S["report_subtitle"].format(scenario=scenario, players=players)), ""]
    if debrief.settings:
        out += [f"## {md(S['report_settings'])}", ""]
        out += [f"- {md(k)}: {md(v)}" for k, v in debrief.settings] + [""]
    if debrief.cohort is not None:
        out += _class(debrief, debrief.cohort)
    for life in debrief.lives:
        out += _life(debrief, life)
    out += myths_markdown(debrief.myths, md)
    general, unreached = debrief.prompts.general(), unreached_prompts(debrief)
    if general or unreached:
        out += [f"## {md(S['report_discussion'])}", ""]
        out += prompts(general)
        out += [f"> **{md(S['report_discuss'])}** {md(text)} ({md(about)})" for about, text in unreached]
        out.append("")
    out += ["---", "", md(S["report_footer"].format(version=__version__)), ""]
    return "\n".join(out)


def _class(debrief: Debrief, cohort: ClassReport) -> list[str]:
    n = cohort.players
    out = [f"## {md(S['report_class'])}", "", f"### {md(S['report_tiers'])}", ""]
    for system, rows in cohort.tiers.items():
        out += [f"**{md(cohort.system_names[system])}**", "", "```"]
        width = max([len(name) for _, name, _ in rows] + [len(S["report_not_enrolled"])])
        lines = [(name, count) for _tid, name, count in rows]
        if cohort.not_enrolled.get(system):
            lines.append((S["report_not_enrolled"], cohort.not_enrolled[system]))
        out += [f"{tid:>{width}} {text_bar(count, n)} {count:>3} ({round(100 * count / n)}%)" for tid, count in lines]
        out += ["```", ""]
    out += [f"### {md(S['report_stance'])}", "", md(S["report_stance_note"]), ""]
    out += [md(S["report_stance_total"].format(safe=cohort.safe_total, defiant=cohort.defiant_total)), ""]
    out += table(
        [S["report_col_player"], S["report_col_safe"], S["report_col_defiant"]],
        [[s.player, s.safe, s.defiant] for s in cohort.stances],
    )
    out += [f"## {md(S['report_choices'])}", "", md(S["report_choices_note"]), ""]
    for ev in cohort.events:
        out += [f"### {md(ev.title)}", "", md(S["report_event_meta"].format(day=ev.first_day, n=ev.players, total=n)), ""]
        out += table(
            [S["report_col_choice"], S["report_col_taken"], S["report_col_share"], ""],
            [[c.label, c.count, f"{round(c.share * 100)}%", text_bar(c.count, ev.players)] for c in ev.choices],
        )
        out += prompts(debrief.prompts.for_event_only(ev.event))
        for c in ev.choices:
            out += prompts(debrief.prompts.for_choice(ev.event, c.choice))
    out += [f"## {md(S['report_losses'])}", ""]
    if cohort.losses:
        heads = [S["report_col_player"], S["report_col_privilege"], S["report_col_day"], S["report_col_why"]]
        out += table(heads, [[x.player, x.moment.name, x.moment.day, cause_of_moment(x.moment)] for x in cohort.losses])
    else:
        out += [md(S["report_losses_none"]), ""]
    for privilege in sorted({x.moment.privilege for x in cohort.losses}):
        out += prompts(debrief.prompts.for_privilege(privilege))
    out += [f"## {md(S['report_movers'])}", "", md(S["report_movers_note"]), ""]
    heads = [S["report_col_choice"], S["report_col_taken"], S["report_col_mean"], S["report_col_rules"]]
    out += table(heads, [[m.text, m.taken, present.signed(round(m.mean, 1)), "; ".join(m.rules)] for m in cohort.movers])
    for system, rule in sorted({(r.system, r.rule) for life in cohort.lives for r in life.records if not r.shadow}):
        out += prompts(debrief.prompts.for_rule(system, rule))
    return out


def _series_line(s: Series) -> str:
    label = s.name + (f" ({S['report_shadow']})" if s.shadow else "")
    values = [v for _, v in s.points]
    return f"- {md(label)}: {present.number(s.final)} ({md(s.final_tier)})  `{sparkline(values)}`"


def _record_inline(r: RecordLine) -> str:
    return f"{present.signed(round(r.points, 1))} {md(r.rule_name)} ({md(r.system_name)})"


def _life(debrief: Debrief, life: LifeReport) -> list[str]:
    single = debrief.single is not None
    meta = S["report_life_meta"].format(scenario=life.scenario_name, seed=life.seed, day=life.last_day, length=life.length)
    out = [f"## {md(S['report_life_of'].format(player=label_of(life)))}", "", md(meta), ""]
    if life.ended_early:
        out += [f"**{md(S['report_ended_early'].format(day=life.last_day))}** {md(life.ending)}", ""]
    if life.goals:
        out += [f"### {md(S['report_goals'])}", ""]
        for g in life.goals:
            state = S["report_goal_met"].format(day=g.day) if g.met else S["report_goal_missed"]
            out.append(f"- {'✓' if g.met else '✗'} {md(g.text)}: {md(state)}")
        out.append("")
    out += [f"### {md(S['report_scores'])}", ""] + [_series_line(s) for s in life.series] + [""]
    out += [f"### {md(S['report_privileges'])}", ""]
    if life.moments:
        for m in life.moments:
            key = "report_priv_regained" if m.held else "report_priv_lost"
            out.append(f"- {md(S[key].format(day=m.day, privilege=m.name, why=cause_of_moment(m)))}")
        out += [""] + [f"- {md(span_text(debrief.content, span))}" for span in life.spans] + [""]
        if single:
            for privilege in dict.fromkeys(m.privilege for m in life.moments if not m.held):
                out += prompts(debrief.prompts.for_privilege(privilege))
    else:
        out += [md(S["report_priv_none"]), ""]
    out += [f"### {md(S['report_timeline'])}", ""]
    for day in life.days:
        out.append(f"**{md(S['report_day'].format(day=day.day, date=day.date))}**")
        out.append("")
        out += [f"- {md(S['report_overnight'])}: {_record_inline(r)}" for r in day.overnight]
        out += [
            f"- {md(S['report_priv_regained_short' if m.held else 'report_priv_lost_short'].format(privilege=m.name))}"
            for m in day.privileges
        ]
        if day.quiet and not day.steps:
            out.append(f"- {md(S['report_quiet'])}")
        for step in day.steps:
            recs = ", ".join(_record_inline(r) for r in step.records)
            out.append(f"- {md(step.event_title)} → **{md(step.choice_label)}**" + (f" — {recs}" if recs else ""))
            out += [
                f"  - {md(S['report_priv_regained_short' if m.held else 'report_priv_lost_short'].format(privilege=m.name))}"
                for m in step.moments
            ]
        out.append("")
        if single:
            for step in day.steps:
                out += prompts(debrief.prompts.for_event(step.event, step.choice))
    out += [f"### {md(S['report_record'])}", ""]
    heads = [S[k] for k in ("report_col_day", "report_col_system", "report_col_rule", "report_col_points", "report_col_score",
                            "report_col_cause", "report_col_source")]  # fmt: skip
    rows = [[r.day, r.system_name + (f" ({S['report_shadow']})" if r.shadow else ""), r.rule_name,
             present.signed(round(r.points, 1)), present.number(r.score), r.cause_text, r.source or S["no_source"]]
            for r in life.records]  # fmt: skip
    out += table(heads, rows) if rows else [md(S["report_no_records"]), ""]
    if single:
        for system, rule in sorted({(r.system, r.rule) for r in life.records}):
            out += prompts(debrief.prompts.for_rule(system, rule))
    return out
