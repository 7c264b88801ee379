"""``python -m bench [--quick] [--only NAME…]``: measure, print a table, write bench/results.json.

Every figure is compared with a reference measured in the same run (these
machines are shared and noisy). Where a figure has a reference, A and B run
interleaved (A B A B …) and the ratio shown is the median of the pairs' ratios
(bench/pairs.py); whole processes are timed by their own CPU time.
"""

from __future__ import annotations

import argparse
import compileall
import importlib
import json
import platform
import sys
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

from bench.measure import Figure

SUITES = ["peer_engine", "content", "engine", "saves", "debrief", "tui", "memory", "serve", "soak"]
"""Modules of bench/ with ``run(quick) -> list[Figure]``, in the order they run."""

RESULTS = Path(__file__).resolve().parent / "results.json"
GAME = Path(__file__).resolve().parent.parent / "game"


def compile_like_an_install() -> None:
    """Compile the game's modules to bytecode beside them, as installing the game does (pip compiles a wheel's
    modules): a shell that sets ``PYTHONDONTWRITEBYTECODE`` (these machines do) would otherwise have every
    process of a checkout compile every game module from source, while Textual's modules, the reference's,
    come compiled; the start-up and memory figures would then measure Python's compiler."""
    compileall.compile_dir(GAME, quiet=1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer runs (for a smoke test)")
    parser.add_argument("--only", nargs="*", choices=SUITES, help="run only these suites")
    parser.add_argument("--out", type=Path, default=RESULTS, help="where to write the JSON results")
    args = parser.parse_args(argv)
    console = Console(width=max(Console().width, 140))
    figures: list[Figure] = []
    started = time.perf_counter()
    compile_like_an_install()
    failed: dict[str, str] = {}
    for name in args.only or SUITES:
        with console.status(f"measuring {name}…"):
            try:
                figures.extend(importlib.import_module(f"bench.{name}").run(quick=args.quick))
            except Exception as exc:  # one suite failing must not lose the others' figures (a run takes minutes)
                failed[name] = f"{type(exc).__name__}: {exc}"
                console.print(f"[red]bench: {name} failed:[/red] {failed[name]}", markup=True, highlight=False)
    table = Table(title="AAA Citizen benchmarks")
    for column in ("figure", "value", "reference", "ratio", "budget", "ok"):
        table.add_column(column, justify="left" if column == "figure" else "right")
    for f in figures:
        budget = (
            ""
            if f.budget is None
            else (
                f"≤ {f.budget:g}×"
                if f.budget_kind == "ratio_at_most"
                else f"≥ {f.budget:g} {f.unit}"
                if f.budget_kind == "value_at_least"
                else f"≤ {f.budget:g} {f.unit}"
            )
        )
        table.add_row(
            f.name + (f"\n[dim]{f.note}[/dim]" if f.note else ""),
            f"{f.value:,.1f} {f.unit}",
            f"{f.reference:,.1f} {f.unit}\n[dim]{f.reference_name}[/dim]" if f.reference else "",
            f"{f.ratio:.2f}×" if f.ratio is not None else "",
            budget,
            {True: "[green]yes[/green]", False: "[red]NO[/red]", None: ""}[f.ok],
        )
    console.print(table)
    elapsed = time.perf_counter() - started
    document = {
        "when": time.strftime("%Y-%m-%d %H:%M:%S"),
        "python": sys.version.split()[0],
        "machine": platform.machine(),
        "seconds": round(elapsed, 1),
        "quick": args.quick,
        "figures": [f.to_dict() for f in figures],
        "failed": failed,
    }
    args.out.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")
    console.print(f"{len(figures)} figures in {elapsed:.0f} s; written to {args.out}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
