"""Problems found in packs: what, where (file and line), and how bad."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

MAX_SHOWN = 200
"""Problems printed at most; the rest are counted in one line."""


@dataclass(frozen=True, order=True)
class Problem:
    """One problem in a pack file. ``line`` is 0 when the TOML does not tell."""

    file: str
    line: int
    message: str
    severity: str = "error"

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.severity}: {self.message}"


@dataclass
class Problems:
    """Collects problems; loading fails if any is an error."""

    items: list[Problem] = field(default_factory=list)

    def error(self, file: str, line: int, message: str) -> None:
        self.items.append(Problem(file, line, message, "error"))

    def warning(self, file: str, line: int, message: str) -> None:
        self.items.append(Problem(file, line, message, "warning"))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.items if p.severity == "warning"]

    def __bool__(self) -> bool:
        return bool(self.items)


class PackError(Exception):
    """Packs that cannot be loaded; ``problems`` says every reason with its place."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(set(problems), key=lambda p: (p.file, p.line, p.message))
        first = self.problems[0] if self.problems else "unknown problem"
        more = f" (and {len(self.problems) - 1} more)" if len(self.problems) > 1 else ""
        super().__init__(f"{first}{more}")


def shown(problems: Iterable[Problem], limit: int = MAX_SHOWN) -> list[str]:
    """The problems as lines in file and line order: at most ``limit``, then one line counting the rest."""
    ordered = sorted(set(problems), key=lambda p: (p.file, p.line, p.message))
    lines = [str(p) for p in ordered[:limit]]
    if len(ordered) > limit:
        rest = ordered[limit:]
        errors = sum(1 for p in rest if p.severity == "error")
        lines.append(f"... and {len(rest)} more ({errors} error(s), {len(rest) - errors} warning(s)); fix these first")
    return lines
