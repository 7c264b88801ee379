"""What a list of saves shows about each one, without replaying it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from game.saves.format import SaveFile

EPOCH = dt.datetime.fromtimestamp(0, dt.UTC)


@dataclass(frozen=True)
class SaveInfo:
    """One save file as a Load screen or ``citizen saves`` lists it.

    ``grades`` maps each enrolled system to its tier id (word it with
    game.present). ``backup`` is 0 for the save itself, n for ``NAME.json.n``.
    ``problem`` is set, and the other fields are empty, when the file cannot be read.
    """

    name: str
    path: Path
    player: str = ""
    scenario: str = ""
    day: int = 0
    length: int = 0
    grades: dict[str, str] = field(default_factory=dict)
    scores: dict[str, float] = field(default_factory=dict)
    saved_at: dt.datetime = EPOCH
    ended: bool = False
    choices: int = 0
    workshop: str = ""
    backup: int = 0
    problem: str = ""

    @property
    def ok(self) -> bool:
        return not self.problem

    @classmethod
    def of(cls, name: str, path: Path, save: SaveFile, backup: int = 0) -> SaveInfo:
        state = save.state
        return cls(
            name=name,
            path=path,
            player=save.player,
            scenario=save.setup.scenario,
            day=state.day,
            length=state.length,
            grades={s: state.tiers.get(s, "") for s in state.enrolled},
            scores={s: state.scores[s] for s in state.enrolled if s in state.scores},
            saved_at=save.when(),
            ended=state.ended,
            choices=len(save.state.log),
            workshop=save.workshop,
            backup=backup,
        )
