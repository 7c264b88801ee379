"""``citizen validate workshop.toml``: check workshop files (and their packs) like packs."""

from __future__ import annotations

import sys
from pathlib import Path

from game.packs.loader import validate
from game.packs.problems import shown


def run_workshops(workshops: list[Path], packs: list[Path], quiet: bool) -> int:
    """Check each workshop file, then any pack folders given beside them; print FILE:LINE problems."""
    from game.workshop import validate_workshop

    errors = 0
    for path in workshops:
        workshop, content, problems = validate_workshop(path)
        for line in shown(problems):
            print(line)
        count = sum(1 for p in problems if p.severity == "error")
        errors += count
        warnings = len(problems) - count
        if content is not None and workshop is not None:
            if not quiet:
                scenario = workshop.scenario(content)
                extra = f"; {warnings} warning(s)" if warnings else ""
                n = len(content.packs)
                print(f"ok: workshop '{workshop.title}' ({scenario}, {n} packs){extra}; saves go to {workshop.saves_dir}")
        else:
            print(f"{path}: {count} error(s), {warnings} warning(s)", file=sys.stderr)
    if packs:
        _content, problems = validate(packs)
        for line in shown(problems):
            print(line)
        errors += sum(1 for p in problems if p.severity == "error")
    return 1 if errors else 0
