"""The facilitator's view of a workshop while it is played: one line per seat, read from the saves.

Saves are read (and checked) but never replayed and never written: a save is
small and decoding it takes a millisecond, so the room can follow a class of
thirty as their files change. :class:`Room` keeps what it last read of each
file; the dashboard tells it which files changed (file events) and asks it
what to show. Nothing here uses a clock: the caller passes ``now``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from game import present
from game.engine.content import Content
from game.safe_text import to_plain
from game.saves import SaveError, read_save
from game.workshop.model import Workshop


@dataclass(frozen=True)
class SeatLine:
    """What the room shows about one player's save."""

    path: Path
    player: str
    day: int
    length: int
    ended: bool
    grades: dict[str, str]
    """Enrolled system → tier id."""
    goals_met: int
    goals: int
    last_lock: str
    """The last privilege the player lost, with its day ('' if none)."""
    saved_at: dt.datetime
    events: frozenset[str]
    rules: frozenset[str]
    """``system.rule`` of every record."""
    lost: frozenset[str]
    problem: str = ""

    def idle_minutes(self, now: dt.datetime) -> float:
        return max(0.0, (now - self.saved_at).total_seconds() / 60)


@dataclass(frozen=True)
class ReachedPrompt:
    """A discussion prompt and how many players have reached its moment (0 for a general one)."""

    text: str
    about: str
    players: int


def seat_line(path: Path, workshop: Workshop, content: Content) -> SeatLine | None:
    """The line of the save at ``path`` (a line with its ``problem`` if it cannot be read; None if it belongs
    to another workshop or is gone)."""
    try:
        save = read_save(path)
    except SaveError as exc:
        if not path.exists():
            return None
        return _broken(path, exc.message.removeprefix(f"{path}: "))
    if save.workshop and save.workshop != workshop.id:
        return None
    state = save.state
    scenario = content.scenarios.get(save.setup.scenario)
    lost = [(day, privilege) for day, privilege, held, cause in state.privilege_log if not held and cause != "start"]
    last_lock = ""
    if lost:
        day, privilege = lost[-1]
        last_lock = f"{present.name_of(content, 'privilege', privilege)} (day {day})"
    return SeatLine(
        path=path,
        player=save.player or path.stem,
        day=state.day,
        length=state.length,
        ended=state.ended,
        grades={s: state.tiers.get(s, "") for s in state.enrolled},
        goals_met=sum(1 for v in state.goals.values() if v > 0),
        goals=len(scenario.goals) if scenario is not None else len(state.goals),
        last_lock=last_lock,
        saved_at=save.when(),
        events=frozenset(e for _, e, _ in state.log),
        rules=frozenset(f"{r.system}.{r.rule}" for r in state.records if not r.shadow),
        lost=frozenset(p for _, p in lost),
    )


def _natural(text: str) -> list[tuple[int, int, str]]:
    return [(0, int(part), "") if part.isdigit() else (1, 0, part) for part in re.split(r"(\d+)", text.casefold()) if part]


def _broken(path: Path, problem: str) -> SeatLine:
    empty: frozenset[str] = frozenset()
    epoch = dt.datetime.fromtimestamp(0, dt.UTC)
    return SeatLine(path, path.stem, 0, 0, False, {}, 0, 0, "", epoch, empty, empty, empty, problem)


class Room:
    """The seats of one workshop, as last read from its saves folder."""

    def __init__(self, workshop: Workshop, content: Content) -> None:
        self.workshop = workshop
        self.content = content
        self.seats: dict[Path, SeatLine] = {}
        self.prompts = workshop.prompts

    @property
    def folder(self) -> Path:
        return self.workshop.saves_dir

    @staticmethod
    def is_save(path: Path) -> bool:
        """A save file (not a backup ``.json.1``, not a write in progress ``.NAME.json.*.tmp``)."""
        return path.suffix == ".json" and not path.name.startswith(".")

    def scan(self) -> None:
        """Read every save of the folder (at start)."""
        if self.folder.is_dir():
            self.update(p for p in self.folder.iterdir() if self.is_save(p))

    def update(self, paths: object) -> bool:
        """Read the saves at ``paths`` again (a changed, new or deleted file); True if anything changed."""
        changed = False
        for path in paths:  # type: ignore[attr-defined]
            path = Path(path)
            if not self.is_save(path) or path.parent.resolve() != self.folder.resolve():
                continue
            line = seat_line(path, self.workshop, self.content)
            if line is None:
                changed |= self.seats.pop(path, None) is not None
            elif self.seats.get(path) != line:
                self.seats[path] = line
                changed = True
        return changed

    def lines(self) -> list[SeatLine]:
        """The seats, by player name ('Seat 2' before 'Seat 10')."""
        return sorted(self.seats.values(), key=lambda s: (_natural(s.player), s.path.name))

    def systems(self) -> list[str]:
        """Every system someone is enrolled in, in the order the packs define them."""
        seen = {s for line in self.seats.values() for s in line.grades}
        return [s for s in self.content.systems if s in seen]

    def distribution(self, system: str) -> list[tuple[str, str, int]]:
        """(tier id, tier name, players now in it) for every tier of ``system``, highest first."""
        counts = Counter(line.grades.get(system, "") for line in self.seats.values())
        tiers = self.content.systems[system].tiers
        return [(t.id, present.tier_name(self.content, system, t.id), counts.get(t.id, 0)) for t in tiers]

    def stopped(self, now: dt.datetime, minutes: float) -> list[SeatLine]:
        """Players whose unfinished life has not been saved for more than ``minutes``, longest first."""
        idle = [s for s in self.seats.values() if not s.ended and not s.problem and s.idle_minutes(now) > minutes]
        return sorted(idle, key=lambda s: s.saved_at)

    def reached_prompts(self) -> list[ReachedPrompt]:
        """The workshop's prompts whose moment at least one player has reached, most reached first; the
        general ones once a player has finished."""
        seats = list(self.seats.values())
        out: list[ReachedPrompt] = []
        for p in self.prompts:
            if p.event:
                n = sum(1 for s in seats if p.event in s.events)
                about = self._title(p.event)
            elif p.rule:
                n = sum(1 for s in seats if p.rule in s.rules or any(r.endswith(f".{p.rule}") for r in s.rules))
                about = p.rule
            elif p.privilege:
                n = sum(1 for s in seats if p.privilege in s.lost)
                about = present.name_of(self.content, "privilege", p.privilege)
            else:
                n = sum(1 for s in seats if s.ended)
                about = ""
            if n:
                out.append(ReachedPrompt(p.text, about, n))
        return sorted(out, key=lambda r: -r.players)

    def _title(self, event_id: str) -> str:
        event = self.content.events.get(event_id)
        return to_plain(event.title) if event else event_id
