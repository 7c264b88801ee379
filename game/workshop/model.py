"""A loaded workshop and what it changes: the Setup of each player's life, and the Display."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from game.engine.content import PREMISE_SETTING, Content
from game.engine.state import Setup
from game.present import Display
from game.saves.names import name_key
from game.workshop.schema import PER_PLAYER, PromptDef, WorkshopDef


@dataclass(frozen=True)
class Workshop:
    """A workshop file read and converted (see :mod:`game.workshop.schema`)."""

    path: Path
    spec: WorkshopDef

    @property
    def folder(self) -> Path:
        return self.path.resolve().parent

    @property
    def title(self) -> str:
        return self.spec.title

    @property
    def id(self) -> str:
        """A stable id for saves: a slug of the title and a short hash of it."""
        slug = re.sub(r"[^a-z0-9]+", "-", self.spec.title.lower()).strip("-")[:40] or "workshop"
        return f"{slug}-{hashlib.sha256(self.spec.title.encode()).hexdigest()[:6]}"

    @property
    def saves_dir(self) -> Path:
        """Where the players' saves go: ``saves`` relative to the workshop file."""
        return (self.folder / self.spec.saves).resolve()

    @property
    def prompts(self) -> list[PromptDef]:
        return list(self.spec.prompts)

    def scenario(self, content: Content) -> str:
        return self.spec.scenario or next(iter(content.scenarios))

    def seed_for(self, player: str) -> int:
        """The shared seed, or one derived from the player's name (the same name, however spelled, gives the same life:
        "Wang Fang" and "wang_fang" are one seat, see :func:`game.saves.names.name_key`)."""
        if self.spec.seed != PER_PLAYER:
            return int(self.spec.seed)
        digest = hashlib.sha256(f"{self.spec.title}\0{name_key(player)}".encode()).hexdigest()
        return int(digest[:12], 16) % 1_000_000_000 + 1

    def settings(self) -> dict[str, object]:
        out: dict[str, object] = dict(self.spec.settings)
        if self.spec.appeals is not None:
            out["appeals"] = self.spec.appeals
        if self.spec.premise is not None:
            out[PREMISE_SETTING] = self.spec.premise
        return out

    def rule_overrides(self) -> dict[str, float]:
        return {f"{system}.{rule}": points for system, rules in self.spec.overrides.items() for rule, points in rules.items()}

    def setup(self, content: Content, player: str = "") -> Setup:
        """The Setup of ``player``'s life in this workshop."""
        return Setup(
            self.scenario(content),
            self.seed_for(player),
            self.spec.days,
            settings=self.settings(),
            rule_overrides=self.rule_overrides(),
        )

    def display(self) -> Display:
        """What players are shown: score visibility and whether the rules are disclosed."""
        scores = self.spec.scores
        table = {"*": scores} if isinstance(scores, str) else dict(scores or {})
        return Display(scores=table, disclosed=self.spec.disclosed)

    def meta(self) -> dict[str, str]:
        """What a save records about its workshop."""
        return {"workshop": self.id, "workshop_title": self.spec.title}
