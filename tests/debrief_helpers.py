"""Shared by the debrief tests: a workshop over the mini world, and 30 saved random lives of it."""

from __future__ import annotations

import random
from pathlib import Path

from game.engine.life import Life
from game.saves import SaveStore
from game.workshop import Workshop, open_workshop

MINI = Path(__file__).resolve().parent / "packs" / "mini"
PLAYERS = 30

WORKSHOP = """\
title = "Mini class"
packs = ["{mini}"]
scenario = "life"
seed = 4242
days = 8
scores = "tier"
disclosed = true

[overrides.city]
fine = -70

[[prompt]]
text = "Why did you gamble?"
event = "hub"
choice = "gamble"

[[prompt]]
text = "What does a hub mean to you?"
event = "hub"

[[prompt]]
text = "Is a fine of 70 fair?"
rule = "city.fine"

[[prompt]]
text = "What did the train mean to you?"
privilege = "train"

[[prompt]]
text = "What would you change?"

[[prompt]]
text = "Nobody takes this path."
rule = "city.capped"
"""


def random_life(workshop: Workshop, content, player: str, rng: random.Random, *, finish: bool = True) -> Life:
    """A life of ``player`` with random open choices (to the end, or stopping part-way)."""
    life = Life(content, workshop.setup(content, player))
    life.drain_notices()
    steps = 10_000 if finish else rng.randint(1, 6)
    while steps and (view := life.prompt()) is not None:
        life.choose(rng.choice([cv for cv in view.choices if cv.lock is None]).choice.id)
        steps -= 1
    return life


def make_class(folder: Path, players: int = PLAYERS) -> Workshop:
    """Write the workshop file into ``folder`` and save ``players`` random lives into its saves folder."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "workshop.toml"
    path.write_text(WORKSHOP.format(mini=MINI.as_posix()), encoding="utf-8")
    workshop, content = open_workshop(path)
    store = SaveStore(workshop.saves_dir)
    for i in range(players):
        name = f"Player {i + 1}"
        life = random_life(workshop, content, name, random.Random(i), finish=i % 10 != 9)
        store.save(name, life, player=name, workshop=workshop.id, meta=workshop.meta())
    return workshop
