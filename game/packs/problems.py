"""Problems found in packs: what, where (file and line), and how bad; root causes first.

A file that cannot be read or parsed, an item that cannot be converted, a
dependency that is missing: each makes ids vanish, and every later "unknown
…" error about those ids *follows from* it. :meth:`Problems.fold` folds such
errors under their cause, and :func:`arrange` puts file errors first, then the
rest grouped by file and ordered by line, errors others follow from before the rest, and errors before warnings.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from game.safe_text import visible

MAX_SHOWN = 200
"""Problems printed at most (root causes, each with its count of followers); the rest are counted in one line."""


@dataclass(frozen=True, order=True)
class Problem:
    """One problem in a pack file. ``line`` is 0 when the TOML does not tell.

    ``first`` marks a problem with the file itself (syntax, encoding, size):
    it is shown before the rest. ``cause`` is the problem this one follows from.
    """

    file: str
    line: int
    message: str
    severity: str = "error"
    first: bool = field(default=False, compare=False)
    cause: Problem | None = field(default=None, compare=False, repr=False)

    def __str__(self) -> str:
        shown = visible(self.file)  # a file name with a newline or an escape in it is shown, not obeyed or split
        where = f"{shown}:{self.line}" if self.line else shown
        return f"{where}: {self.severity}: {self.message}"


_UNKNOWN = re.compile(r"\bunknown [a-z][a-z ]* '([^']+)'|\bsystem '([^']+)' has no tier")


@dataclass
class Problems:
    """Collects problems; loading fails if any is an error.

    ``vanished`` maps an id that was declared but could not be loaded to the
    problem that lost it; ``lost_packs`` maps a pack folder (as shown) to the
    problem that left its dependencies out. With ``keep_warnings`` false,
    warnings are dropped (loading for play shows none): checks that would
    only warn may skip the work of finding the line.
    """

    items: list[Problem] = field(default_factory=list)
    vanished: dict[str, Problem] = field(default_factory=dict)
    lost_packs: dict[str, Problem] = field(default_factory=dict)
    keep_warnings: bool = True

    def error(self, file: str, line: int, message: str, *, first: bool = False) -> Problem:
        problem = Problem(file, line, message, "error", first)
        self.items.append(problem)
        return problem

    def warning(self, file: str, line: int, message: str) -> Problem:
        problem = Problem(file, line, message, "warning")
        if self.keep_warnings:
            self.items.append(problem)
        return problem

    def lost(self, idents: str | Iterable[str], because: Problem) -> None:
        """Say that ``idents`` (an id or ids) were declared but not loaded because of ``because``."""
        for ident in [idents] if isinstance(idents, str) else idents:
            if ident:
                self.vanished.setdefault(ident, because)

    def fold(self) -> None:
        """Give each "unknown …" error about a vanished id (or in a pack missing a dependency) its cause."""
        if not self.vanished and not self.lost_packs:
            return
        folded: list[Problem] = []
        for problem in self.items:
            cause = self._cause_of(problem)
            folded.append(replace(problem, cause=cause) if cause is not None and cause is not problem else problem)
        self.items = folded

    def _cause_of(self, problem: Problem) -> Problem | None:
        if problem.severity != "error" or problem.first:
            return None
        match = _UNKNOWN.search(problem.message)
        if match is None:
            return None
        ident = match.group(1) or match.group(2)
        if ident in self.vanished:
            return self.vanished[ident]
        for folder, cause in self.lost_packs.items():
            if problem.file.startswith(folder):
                return cause
        return None

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.items if p.severity == "warning"]

    def __bool__(self) -> bool:
        return bool(self.items)


def _rank(problem: Problem, causes: frozenset[Problem] = frozenset()) -> tuple[int, str, int, str]:
    """File errors, then errors others follow from, then other errors, then warnings; each by file and line."""
    group = 0 if problem.first else 1 if problem in causes else 2 if problem.severity == "error" else 3
    return (group, problem.file, problem.line, problem.message)


def arrange(problems: list[Problem]) -> list[tuple[Problem, list[Problem]]]:
    """Each problem that follows from no other, in reading order, with those that follow from it."""
    unique = list(dict.fromkeys(problems))
    causes = {p for p in unique if p.cause is None}
    followers: dict[Problem, list[Problem]] = {}
    roots: list[Problem] = []
    for problem in unique:
        cause = problem.cause
        while cause is not None and cause.cause is not None:
            cause = cause.cause
        if cause is None or cause not in causes:
            roots.append(replace(problem, cause=None) if cause is not None else problem)
        else:
            followers.setdefault(cause, []).append(problem)
    leading = frozenset(followers)
    ordered = sorted(set(roots), key=lambda p: _rank(p, leading))
    return [(root, sorted(followers.get(root, []), key=_rank)) for root in ordered]


def shown(problems: Iterable[Problem], limit: int = MAX_SHOWN, everything: bool = False) -> list[str]:
    """The lines to print: root causes first, each followed by a count of what follows from it
    (with ``everything``, by those problems themselves, indented); at most ``limit`` of them, then
    one line counting the rest."""
    lines: list[str] = []
    arranged = arrange(list(problems))
    for root, followers in arranged[:limit]:
        lines.append(str(root))
        if not followers:
            continue
        if everything:
            lines.extend(f"    {p}" for p in followers)
        else:
            more = "1 more that follows" if len(followers) == 1 else f"{len(followers)} more that follow"
            lines.append(f"    … and {more} from this (citizen validate --all shows them)")
    if len(arranged) > limit:
        rest = [p for root, followers in arranged[limit:] for p in (root, *followers)]
        errors = sum(1 for p in rest if p.severity == "error")
        lines.append(f"... and {len(rest)} more ({errors} error(s), {len(rest) - errors} warning(s)); fix these first")
    return lines


class PackError(Exception):
    """Packs that cannot be loaded; ``problems`` says every reason with its place, root causes first."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = [p for root, followers in arrange(problems) for p in (root, *followers)]
        self.lines = shown(problems)
        roots = [root for root, _ in arrange(problems)]
        first = roots[0] if roots else "unknown problem"
        more = f" (and {len(self.problems) - 1} more)" if len(self.problems) > 1 else ""
        super().__init__(f"{first}{more}")
