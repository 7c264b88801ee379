"""A player's seat in a workshop: their unfinished life, or a new one, and the save slot named after them.

Used by the plain game and the TUI alike; it calls the save layer, never a UI.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from game.engine.content import Content
from game.engine.life import Life
from game.saves import SaveError, SaveInfo, SaveStore, read_save, safe_slot_name
from game.saves.names import name_key
from game.strings import S
from game.workshop import codes
from game.workshop.model import Workshop


class SeatCodeError(SaveError):
    """The code typed is not the seat's: nothing was loaded or written."""


@dataclass
class Seat:
    """The life, the slot it saves into, the player's name; ``resumed`` when an earlier life goes on.

    ``note`` says what the player should be told (a life resumed, or why it could not be).
    ``code`` is a new seat code to show the player ('' when they have one already), and
    ``meta`` what the first save of the seat must carry (the code's hash), None to keep the file's.
    """

    life: Life
    slot: str
    player: str
    resumed: bool = False
    note: str = ""
    code: str = ""
    meta: dict[str, Any] | None = None


def seat_for(workshop: Workshop, content: Content, store: SaveStore, name: str, code: str = "") -> Seat:
    """The player's unfinished life in this workshop, or a new one in a free slot named after them.

    Names are compared folded (:func:`~game.saves.names.name_key`): "Wang Fang", "wang_fang"
    and "Wang-Fang!" are one seat, and the seat keeps the name as first typed. A player who
    has a seat code (:func:`needs_code`) must give it as ``code``; one who has none is given one.

    Raises:
        SeatCodeError: the player has a seat code and ``code`` is not it (nothing was read or written).
        SaveError: the name has no letter or digit.
    """
    slot = safe_slot_name(name)
    if not slot:
        raise SaveError(S["workshop_bad_name"].format(name=name))
    stored = seat_code_hash(workshop, store, name)
    if stored and not codes.matches(code, stored):
        raise SeatCodeError(S["seat_code_wrong"].format(name=name))
    fresh = "" if stored else codes.new_code()
    code_meta = {codes.META_KEY: stored or codes.hashed(fresh)}
    note = ""
    earlier = unfinished_life(workshop, store, name)
    if earlier is not None:
        player = earlier.player or name
        try:
            loaded = store.load(earlier.name, content)
            life = loaded.life if loaded.life is not None else loaded.from_snapshot()
            keep = earlier.name if loaded.life is not None else loaded.save_as
            meta = None if stored and keep == earlier.name else {**loaded.save.meta, **code_meta}
            said = S["workshop_resumed"].format(name=player, day=life.state.day)
            return Seat(life, keep, player, True, said, fresh, meta)
        except SaveError as exc:
            note = S["workshop_resume_failed"].format(error=exc.message)
    return Seat(Life(content, workshop.setup(content, name)), store.free_name(slot), name, False, note, fresh, code_meta)


def needs_code(workshop: Workshop, store: SaveStore, name: str) -> bool:
    """Whether ``name`` has a seat in this workshop already, so that taking it again asks for its code."""
    return bool(seat_code_hash(workshop, store, name))


def player_saves(workshop: Workshop, store: SaveStore, name: str) -> list[SaveInfo]:
    """Every readable save of this workshop whose player (or slot) is ``name`` folded, newest first."""
    key, slot = name_key(name), safe_slot_name(name)
    return [i for i in store.list() if i.ok and i.workshop == workshop.id and (name_key(i.player) == key or i.name == slot)]


def seat_code_hash(workshop: Workshop, store: SaveStore, name: str) -> str:
    """The hash of the seat code of ``name`` in this workshop (from their newest save that has one); '' if none."""
    for info in player_saves(workshop, store, name):
        try:
            stored = read_save(info.path).meta.get(codes.META_KEY)
        except SaveError:
            continue
        if codes.is_hash(stored):
            return str(stored)
    return ""


def unfinished_life(workshop: Workshop, store: SaveStore, name: str) -> SaveInfo | None:
    """The newest save of this workshop, of a life not over, whose player (or slot) is ``name`` folded; else None.

    Finding it by the player's name, not only by the slot, keeps one seat one life: a
    second life begun after the first ended ("wang-fang-2") is found again too.
    """
    return next((info for info in player_saves(workshop, store, name) if not info.ended), None)


def reset_code(workshop: Workshop, store: SaveStore, name: str) -> tuple[str, list[str]]:
    """Give ``name`` a new seat code (the facilitator's ``citizen workshop reset-code``): (the code, the slots changed).

    Every save of the player in this workshop gets the new code's hash in its ``meta``; each
    is locked first, and nothing else in it changes.

    Raises:
        SaveError: the player has no save here, one of their lives is open in a game, or a save cannot be rewritten.
    """
    saves = player_saves(workshop, store, name)
    if not saves:
        raise SaveError(S["seat_code_no_seat"].format(name=name, folder=store.folder))
    code = codes.new_code()
    stored = codes.hashed(code)
    locks = [store.lock(info.name) for info in saves]
    try:
        for lock in locks:
            lock.take()
        for info in saves:
            store.update_meta(info.name, {codes.META_KEY: stored})
    finally:
        for lock in locks:
            lock.release()
    return code, [info.name for info in saves]
