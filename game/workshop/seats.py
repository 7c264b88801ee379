"""A player's seat in a workshop: their unfinished life, or a new one, and the save slot named after them.

Used by the plain game and the TUI alike; it calls the save layer, never a UI.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.engine.content import Content
from game.engine.life import Life
from game.saves import SaveError, SaveStore, safe_slot_name
from game.strings import S
from game.workshop.model import Workshop


@dataclass
class Seat:
    """The life, the slot it saves into, the player's name; ``resumed`` when an earlier life goes on.

    ``note`` says what the player should be told (a life resumed, or why it could not be).
    """

    life: Life
    slot: str
    player: str
    resumed: bool = False
    note: str = ""


def seat_for(workshop: Workshop, content: Content, store: SaveStore, name: str) -> Seat:
    """The player's unfinished life in this workshop, or a new one in a free slot named after them.

    Raises:
        SaveError: the name has no letter or digit.
    """
    slot = safe_slot_name(name)
    if not slot:
        raise SaveError(S["workshop_bad_name"].format(name=name))
    note = ""
    if store.exists(slot):
        info = store.info(slot)
        if info.ok and not info.ended and info.workshop == workshop.id:
            try:
                loaded = store.load(slot, content)
                life = loaded.life if loaded.life is not None else loaded.from_snapshot()
                keep = slot if loaded.life is not None else loaded.save_as
                return Seat(life, keep, name, True, S["workshop_resumed"].format(name=name, day=life.state.day))
            except SaveError as exc:
                note = S["workshop_resume_failed"].format(error=exc.message)
        slot = store.free_name(slot)
    return Seat(Life(content, workshop.setup(content, name)), slot, name, False, note)
