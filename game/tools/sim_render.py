"""Rich tables and a progress bar for ``citizen simulate`` (the report itself is built in sim_report).

Pack text (names, endings) goes into ``Text`` objects through
:func:`game.safe_text.to_plain`, so nothing a pack says is read as markup.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table
from rich.text import Text

from game.engine.content import Content
from game.safe_text import console as safe_console
from game.safe_text import to_plain


@contextmanager
def progress_bar(total: int) -> Iterator[Callable[[int], None]]:
    """A progress bar on stderr; yields a function that advances it by a number of lives."""
    columns = (TextColumn("simulating"), BarColumn(), MofNCompleteColumn(), TextColumn("lives"), TimeRemainingColumn())
    with Progress(*columns, console=safe_console(stderr=True), transient=True) as progress:
        task = progress.add_task("lives", total=total)
        yield lambda n: progress.advance(task, n)


def _pct(share: float) -> str:
    return f"{share * 100:.1f}%"


def _name(content: Content, table: str, ident: str) -> Text:
    item = getattr(content, table).get(ident)
    return Text(f"{to_plain(item.name)} ({ident})" if item is not None else ident)


def render(report: dict, content: Content, console: Console | None = None) -> None:
    """Print the report as tables."""
    console = console or safe_console()
    events, choices = report["events"], report["choices"]
    console.print(
        Text(
            f"{report['runs']} lives · policy {report['policy']} · seed {report['seed']} · "
            f"{events['fired']} of {events['in_play']} events in play fired · {report['dead_ends']} dead-end day(s) · "
            f"{report['stuck']} stuck · {report['ended_early']} ended early",
            style="bold",
        )
    )
    _events_table(console, report)
    _list(console, "Events that never fired", events["never_fired"], "red", "every event in play fired at least once")
    if events["out_of_play"]:
        _list(console, "Events out of play (need another city or system)", events["out_of_play"], "dim", "")
    _list(
        console, "Choices never offered (their event fired, but they were always hidden)", choices["never_offered"], "yellow", ""
    )
    _list(console, "Choices always locked", choices["always_locked"], "yellow", "")
    _list(console, "Rules never recorded (no life scored them)", report["rules"]["never_recorded"], "yellow", "")
    if events["never_fired_dependencies"] or choices["always_locked_dependencies"] or choices["never_offered_dependencies"]:
        console.print(Text("In the packs yours depends on (not counted by --strict):", style="bold dim"))
        _list(console, "  Events that never fired", events["never_fired_dependencies"], "dim", "")
        _list(console, "  Choices never offered", choices["never_offered_dependencies"], "dim", "")
        _list(console, "  Choices always locked", choices["always_locked_dependencies"], "dim", "")
    if report["dead_end_days"]:
        table = Table("scenario", "day", "lives", title="Dead ends: days with no eligible event", title_style="bold red")
        for row in report["dead_end_days"]:
            runs = report["scenarios"][row["scenario"]]["runs"]
            table.add_row(Text(row["scenario"]), str(row["day"]), f"{row['lives']} ({_pct(row['lives'] / runs)})")
        console.print(table)
    if report["stuck_at"]:
        table = Table("scenario", "event", "day", "lives", title="Stuck: every visible choice was locked", title_style="bold red")
        for row in report["stuck_at"]:
            table.add_row(Text(row["scenario"]), Text(row["event"]), str(row["day"]), str(row["lives"]))
        console.print(table)
    for scenario_id, data in report["scenarios"].items():
        _scenario(console, content, scenario_id, data)


def _list(console: Console, title: str, ids: list[str], style: str, empty: str) -> None:
    if ids:
        console.print(Text(f"{title} ({len(ids)}):", style=f"bold {style}"))
        console.print(Text("  " + ", ".join(ids)))
    elif empty:
        console.print(Text(f"{title}: none ({empty}).", style="green"))


def _events_table(console: Console, report: dict) -> None:
    table = Table("event", "fired", "lives", "share of lives", title="Events fired")
    rows = sorted(report["events"]["table"].items(), key=lambda kv: (-kv[1]["lives"], kv[0]))
    for event_id, row in rows:
        style = (
            "red"
            if event_id in report["events"]["never_fired"]
            else "dim"
            if event_id in report["events"]["never_fired_dependencies"]
            else ("dim" if not row["fired"] else "")
        )
        table.add_row(Text(event_id, style=style), str(row["fired"]), str(row["lives"]), _pct(row["share"]))
    console.print(table)


def _trajectory(points: list[list]) -> str:
    """A few days of the median score: the first, the last and about six between."""
    if not points:
        return ""
    step = max(1, len(points) // 6)
    picked = points[::step]
    if picked[-1] is not points[-1]:
        picked.append(points[-1])
    return "  ".join(f"d{day}: {score:g}" for day, score in picked)


def _median(value: float | None) -> str:
    return "—" if value is None else f"{value:g}"


def _world_and_repeats(console: Console, data: dict) -> None:
    """Where the events came from, and how often the most repeated one fired in a life (routines apart)."""
    fired = ", ".join(f"{pack} {n}" for pack, n in data["events_by_pack"].items()) or "none"
    console.print(Text(f"World: {', '.join(data['world_pools'])} · events fired by pack: {fired}"))
    repeats, routines = data["max_repeats"], data["routine_repeats"]
    console.print(
        Text(
            f"Most repeated event in a life: median {_median(repeats['median'])}, max {repeats['max']} "
            f"(routines apart: median {_median(routines['median'])}, max {routines['max']})"
        )
    )
    often = data["repeated_often"][:5]
    if often:
        console.print(Text("  more than twice in a life: " + ", ".join(f"{r['event']} ({_pct(r['share'])})" for r in often)))


def _scenario(console: Console, content: Content, scenario_id: str, data: dict) -> None:
    scenario = content.scenarios[scenario_id]
    console.rule(Text(f"{to_plain(scenario.name)} ({scenario_id}): {data['runs']} lives of {data['length']} days"))
    _world_and_repeats(console, data)
    table = Table("system", "final grades (share of lives)", "median score by day", title="Scores")
    for system, tiers in data["tiers"].items():
        grades = "  ".join(f"{row['tier'] or 'not enrolled'} {_pct(row['share'])}" for row in tiers)
        table.add_row(_name(content, "systems", system), Text(grades), Text(_trajectory(data["median_score"].get(system, []))))
    console.print(table)
    if data["privileges_lost"]:
        table = Table("privilege", "lost in", "median day", title="Privileges lost")
        for privilege, row in data["privileges_lost"].items():
            table.add_row(_name(content, "privileges", privilege), _pct(row["share"]), f"{row['median_day']:g}")
        console.print(table)
    else:
        console.print(Text("No privilege was lost in any life."))
    if data["goals"]:
        table = Table("goal", "met in", "median day met", title="Goals")
        goals = {g.id: g for g in scenario.goals}
        for goal_id, row in data["goals"].items():
            label = Text(f"{to_plain(goals[goal_id].text)} ({goal_id})")
            table.add_row(label, _pct(row["share"]), "—" if row["median_day"] is None else f"{row['median_day']:g}")
        console.print(table)
    if data.get("balance"):
        table = Table("measure", "policy", "target", "measured", "", title="Balance targets")
        for row in data["balance"]:
            bounds = row["target"]
            if "min" in bounds and "max" in bounds:
                wanted = f"{bounds['min']:g}–{bounds['max']:g}"
            else:
                wanted = f"≥ {bounds['min']:g}" if "min" in bounds else f"≤ {bounds['max']:g}"
            way = f" {row['direction']}" if row.get("direction", "both") != "both" else ""
            by = f" ({row['by']})" if row.get("by") else ""
            mark = Text("ok" if row["ok"] else "MISSED", style="green" if row["ok"] else "bold red")
            what = f"{row['measure']} {row[row['measure']]}{way}"
            table.add_row(what, row["policy"], wanted, f"{row['measured']:g}{by}", mark)
        console.print(table)
    early = data["ended_early"]
    if early["lives"]:
        console.print(Text(f"Ended early: {_pct(early['share'])} of lives (median day {early['median_day']:g})"))
        for row in early["endings"][:5]:
            console.print(Text(f"  {row['lives']}× {to_plain(row['text'])[:100]}"))
    else:
        console.print(Text("No life ended early."))
