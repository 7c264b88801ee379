"""A player's seat in a workshop: their unfinished life, or a new one, and the save slot named after them.

Used by the plain game and the TUI alike; it calls the save layer, never a UI.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.engine.content import Content
from game.engine.life import Life
from game.saves import SaveError, SaveInfo, SaveStore, safe_slot_name
from game.saves.names import name_key
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

    Names are compared folded (:func:`~game.saves.names.name_key`): "Wang Fang", "wang_fang"
    and "Wang-Fang!" are one seat, and the seat keeps the name as first typed.

    Raises:
        SaveError: the name has no letter or digit.
    """
    slot = safe_slot_name(name)
    if not slot:
        raise SaveError(S["workshop_bad_name"].format(name=name))
    note = ""
    earlier = unfinished_life(workshop, store, name)
    if earlier is not None:
        player = earlier.player or name
        try:
            loaded = store.load(earlier.name, content)
            life = loaded.life if loaded.life is not None else loaded.from_snapshot()
            keep = earlier.name if loaded.life is not None else loaded.save_as
            return Seat(life, keep, player, True, S["workshop_resumed"].format(name=player, day=life.state.day))
        except SaveError as exc:
            note = S["workshop_resume_failed"].format(error=exc.message)
    return Seat(Life(content, workshop.setup(content, name)), store.free_name(slot), name, False, note)


def unfinished_life(workshop: Workshop, store: SaveStore, name: str) -> SaveInfo | None:
    """The newest save of this workshop, of a life not over, whose player (or slot) is ``name`` folded; else None.

    Finding it by the player's name, not only by the slot, keeps one seat one life: a
    second life begun after the first ended ("wang-fang-2") is found again too.
    """
    key, slot = name_key(name), safe_slot_name(name)
    for info in store.list():  # newest first
        if info.ok and not info.ended and info.workshop == workshop.id and (name_key(info.player) == key or info.name == slot):
            return info
    return None
