"""``citizen simulate``: play many lives headless and report what fires, what never does, and where lives stall.

Lives run through the same engine as the game (:mod:`game.tools.sim_run`); the
figures come from :mod:`game.tools.sim_report`; the tables from
:mod:`game.tools.sim_render`. ``--json`` prints the report as JSON for CI.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from game import paths
from game.engine.content import Content
from game.packs.loader import discover_packs, load_content
from game.packs.problems import PackError, shown
from game.packs.resolve import with_dependencies
from game.tools.common import CliError, pick_scenario
from game.tools.pack_index import read_entry
from game.tools.sim_balance import policies_for
from game.tools.sim_balance import rows as balance_rows
from game.tools.sim_report import Tally, strict_failures
from game.tools.sim_run import POLICIES, batches, run_batches
from game.tools.sim_tally import RunTally, ScenarioTally


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("simulate", help="play many lives headless: events never fired, dead ends, balance")
    p.add_argument("--scenario", metavar="ID|all", help="scenario to simulate (default: the --pack packs' scenarios, else all)")
    p.add_argument("--runs", type=int, default=200, metavar="N", help="lives per scenario (default: 200)")
    p.add_argument("--days", type=int, metavar="N", help="length of each life in days (default: the scenario's)")
    p.add_argument("--seed", type=int, default=1, metavar="S", help="base seed; life i's seed derives from it (default: 1)")
    p.add_argument("--policy", choices=POLICIES, default="random", help="how simulated citizens choose (default: random)")
    p.add_argument(
        "--pack",
        action="append",
        type=Path,
        default=[],
        metavar="PATH",
        help="simulate this pack with its dependencies (repeatable)",
    )
    p.add_argument("--json", action="store_true", help="print the report as JSON (documented in docs/writing-packs.md)")
    p.add_argument("--jobs", type=int, default=1, metavar="N", help="processes to spread lives over (same results as 1)")
    p.add_argument("--strict", action="store_true", help="exit 1 on never-fired events, dead ends or stuck lives")
    p.add_argument(
        "--cover",
        action="store_true",
        help="steer --runs lives toward events and choices not yet reached; report what stayed unreachable",
    )
    p.set_defaults(run=run)


def load_paths(targets: list[Path]) -> Content:
    """Load exactly these pack folders; on errors print them all and stop with exit code 1."""
    try:
        return load_content(targets)
    except PackError as exc:
        for line in shown(exc.problems):
            print(line, file=sys.stderr)
        raise CliError("the packs have errors (listed above); fix them, then simulate again", 1) from None


def resolve_packs(extra: list[Path]) -> tuple[list[Path], list[str] | None, set[str] | None]:
    """Folders to load, the scenarios the named packs declare, and their ids (None, None: no pack named)."""
    if not extra:
        return paths.default_pack_paths(), None, None
    for path in extra:
        if not path.exists():
            raise CliError(f"--pack {path}: no such folder")
    folders = discover_packs(extra)
    if not folders:
        raise CliError(f"--pack {' '.join(map(str, extra))}: no pack.toml found there; make one with 'citizen new-pack NAME'")
    wanted = [read_entry(folder, "extra") for folder in folders]
    return with_dependencies(extra), [s for entry in wanted for s in entry.scenarios], {entry.id for entry in wanted}


def pick_scenarios(content: Content, wanted: str | None, from_packs: list[str] | None) -> list[str]:
    if wanted is None and from_packs:
        return [s for s in from_packs if s in content.scenarios]
    if wanted is None or wanted == "all":
        if not content.scenarios:
            raise CliError("no scenario to simulate: add a [scenarios.ID] table to a pack", 1)
        return list(content.scenarios)
    return [pick_scenario(content, wanted)]


def check_numbers(args: argparse.Namespace) -> None:
    if not 1 <= args.runs <= 1_000_000:
        raise CliError(f"--runs must be between 1 and 1000000, not {args.runs}")
    if args.days is not None and not 1 <= args.days <= 365:
        raise CliError(f"--days must be between 1 and 365, not {args.days}")
    if not 1 <= args.jobs <= 256:
        raise CliError(f"--jobs must be between 1 and 256, not {args.jobs}")


def simulate(
    content: Content,
    folders: list[Path],
    scenarios: list[str],
    args: argparse.Namespace,
    progress=None,
    own: set[str] | None = None,
) -> dict:
    """Run the lives and return the report (see :mod:`game.tools.sim_report`); ``own``: the packs named."""
    settings = {"seed": args.seed, "policy": args.policy, "days": args.days}
    tally = Tally(content, scenarios, settings, own)
    todo = batches(scenarios, args.runs, args.seed, args.days, args.policy)
    for partial in run_batches(content, folders, todo, args.jobs, progress):
        tally.merge(partial)
    report = tally.report()
    by_policy: dict[str, RunTally] = {args.policy: tally.totals}
    for policy, wanted in other_policies(content, scenarios, args.policy).items():
        more = RunTally()
        todo = batches(wanted, args.runs, args.seed, args.days, policy)
        for partial in run_batches(content, folders, todo, args.jobs, progress):
            more.merge(partial)
        by_policy[policy] = more
    for scenario_id in scenarios:
        scenario = content.scenarios[scenario_id]
        tallies = {p: by_policy[p].scenarios.get(scenario_id, ScenarioTally()) for p in policies_for(scenario, args.policy)}
        report["scenarios"][scenario_id]["balance"] = balance_rows(scenario, tallies)
    return report


def other_policies(content: Content, scenarios: list[str], policy: str) -> dict[str, list[str]]:
    """Policies other than ``policy`` that balance targets name → the scenarios that need lives played with them."""
    out: dict[str, list[str]] = {}
    for scenario_id in scenarios:
        for other in policies_for(content.scenarios[scenario_id], policy)[1:]:
            out.setdefault(other, []).append(scenario_id)
    return out


def run_cover(content: Content, scenarios: list[str], args: argparse.Namespace, own: set[str] | None) -> int:
    """``--cover``: the covering lives' report; with ``--strict``, exit 1 if anything stayed unreached."""
    from game.safe_text import to_plain
    from game.tools.sim_cover import cover, render_cover

    report = cover(content, scenarios, args.runs, args.seed, args.days, own)
    if args.json:
        json.dump(report, sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        print("\n".join(to_plain(line) for line in render_cover(report)))
    left = sum(len(s["unreached"]) for s in report["scenarios"].values())
    if args.strict and left:
        print(f"citizen simulate: strict: {left} event(s) or choice(s) never reached", file=sys.stderr)
        return 1
    return 0


def run(args: argparse.Namespace) -> int:
    check_numbers(args)
    folders, from_packs, own = resolve_packs(args.pack)
    content = load_paths(folders)
    scenarios = pick_scenarios(content, args.scenario, from_packs)
    if args.cover:
        return run_cover(content, scenarios, args, own)
    total = args.runs * (len(scenarios) + sum(len(s) for s in other_policies(content, scenarios, args.policy).values()))
    if sys.stderr.isatty():
        from game.tools.sim_render import progress_bar

        with progress_bar(total) as advance:
            report = simulate(content, folders, scenarios, args, advance, own)
    else:
        report = simulate(content, folders, scenarios, args, own=own)
    if args.json:
        json.dump(report, sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        from game.tools.sim_render import render

        render(report, content)
    failures = strict_failures(report)
    if args.strict and failures:
        for line in unmet_targets(report):
            print(f"citizen simulate: balance: {line}", file=sys.stderr)
        print(f"citizen simulate: strict: {'; '.join(failures)}", file=sys.stderr)
        return 1
    return 0


def unmet_targets(report: dict) -> list[str]:
    """Each missed balance target as one line, measured beside target."""
    from game.tools.sim_balance import describe

    return [describe(s, row) for s, data in report["scenarios"].items() for row in data.get("balance", []) if not row["ok"]]
