"""The debrief as a short Rich summary in the terminal (when no output file is asked for)."""

from __future__ import annotations

from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from game import present
from game.reports.cohort import ClassReport
from game.reports.debrief import Debrief
from game.reports.life import LifeReport
from game.reports.short import short_debrief
from game.reports.words import cause_of_moment
from game.strings import S


def render_terminal(debrief: Debrief, console: Console, hint_paths: str = "") -> None:
    """Print the summary: the class figures, or one life's debrief."""
    console.print(Text(S["report_title"].format(title=debrief.title), style="bold"))
    for key, value in debrief.settings:
        console.print(Text(f"  {key}: {value}", style="dim"))
    if debrief.cohort is not None:
        console.print(_class(debrief.cohort))
    elif debrief.single is not None:
        console.print(_life(debrief.single))
        for line in short_debrief(debrief.single, debrief.prompts):
            console.print(Text(line))
    if debrief.premises:
        console.print(_premises(debrief))
    if hint_paths:
        console.print(Text(S["report_term_hint"].format(paths=hint_paths), style="dim"))


def _premises(debrief: Debrief) -> Group:
    """Each life under both premises: what changed."""
    parts: list[RenderableType] = [Text(S["report_premises"], style="bold"), Text(S["report_premises_note"])]
    parts += [Text(f"  {line}") for line in debrief.premises_class]
    for p in debrief.premises:
        parts.append(Text(S["report_premises_player"].format(player=p.player, premise=p.played), style="bold"))
        if p.stopped:
            parts.append(Text(f"  {p.stopped}", style="dim"))
        parts += [Text(f"  • {line}") for line in p.changes]
        if not p.changes and not p.choice_locks:
            parts.append(Text(f"  {S['premises_same']}", style="dim"))
        if p.choice_locks:
            parts.append(Text(f"  {S['report_premises_choices']}", style="bold"))
            parts += [Text(f"    • {lock.line}") for lock in p.choice_locks]
    return Group(*parts)


def _class(cohort: ClassReport) -> Group:
    n = cohort.players
    parts: list[RenderableType] = []
    for system, rows in cohort.tiers.items():
        table = Table(title=Text(S["report_tiers_of"].format(system=cohort.system_names[system])), title_justify="left")
        table.add_column(S["report_col_final"])
        table.add_column(S["report_col_taken"], justify="right")
        table.add_column("")
        lines = [(name, count) for _tid, name, count in rows]
        if cohort.not_enrolled.get(system):
            lines.append((S["report_not_enrolled"], cohort.not_enrolled[system]))
        for tid, count in lines:
            table.add_row(Text(tid), str(count), Text("█" * round(30 * count / n) if n else "", style="cyan"))
        parts.append(table)
    events = Table(title=S["report_term_top_events"], title_justify="left")
    events.add_column(S["report_col_day"], justify="right")
    events.add_column("")
    events.add_column(S["report_col_choice"])
    for ev in cohort.events[:12]:
        shares = ", ".join(f"{c.label} {round(c.share * 100)}%" for c in ev.choices if c.count)
        events.add_row(str(ev.first_day), Text(ev.title), Text(shares))
    parts.append(events)
    if cohort.losses:
        losses = Table(title=S["report_losses"], title_justify="left")
        for head in (S["report_col_player"], S["report_col_privilege"], S["report_col_day"], S["report_col_why"]):
            losses.add_column(head)
        for loss in cohort.losses[:20]:
            moment = loss.moment
            losses.add_row(Text(loss.player), Text(moment.name), str(moment.day), Text(cause_of_moment(moment)))
        parts.append(losses)
    movers = Table(title=S["report_movers"], title_justify="left")
    movers.add_column(S["report_col_choice"])
    movers.add_column(S["report_col_taken"], justify="right")
    movers.add_column(S["report_col_mean"], justify="right")
    for m in cohort.movers[:8]:
        style = "red" if m.mean < 0 else "green"
        movers.add_row(Text(m.text), str(m.taken), Text(present.signed(round(m.mean, 1)), style=style))
    parts.append(movers)
    parts.append(Text(S["report_stance_total"].format(safe=cohort.safe_total, defiant=cohort.defiant_total)))
    return Group(*parts)


def _life(life: LifeReport) -> Group:
    parts: list[RenderableType] = [Text(S["report_life_of"].format(player=life.player or life.name), style="bold")]
    for s in life.series:
        score = s.final_shown or present.number(s.final)
        parts.append(Text(S["report_term_final"].format(system=s.name, score=score, tier=s.final_tier_name or s.final_tier)))
    for g in life.goals:
        state = S["report_goal_met"].format(day=g.day) if g.met else S["report_goal_missed"]
        parts.append(Text(f"{'✓' if g.met else '✗'} {g.text}: {state}"))
    if life.epilogue:
        parts.append(Text(S["report_epilogue"], style="bold"))
        parts.extend(Text(line) for line in life.epilogue)
    return Group(*parts)
