"""Saves that never lose a life: versioned JSON, atomic writes, backups, replay check.

Persistence only: no UI, no game rules. The format is described in docs/saves.md.

Public API::

    store = SaveStore(paths.default_saves_dir())     # or SaveStore(Path("workshop/class-3a"))
    store.save("ana", life, player="Ana")            # crash-safe; keeps ana.json.1 … .3
    store.autosave(life, slot=slot, player="Ana")    # the same, into the life's own slot
    store.list() -> [SaveInfo]                       # newest first; unreadable ones carry .problem
    store.latest() -> SaveInfo | None                # what "Continue" loads
    loaded = store.load("ana", content)              # replays and checks; never writes
    loaded.life                                      # the checked Life, or None if loaded.changed:
    loaded.describe_changes()                        #   "rongcheng (1.0 → 1.1)", then ask the player:
    loaded.from_snapshot() / loaded.replay_now()     #   continue as saved, or replay under new packs
    loaded.save_as                                   # the slot to keep saving into (never the old file
                                                     #   when it came from a backup or changed packs)
    store.backups("ana") -> [SaveInfo]               # offer these when a load fails
    store.load("ana", content, backup=1)
    store.delete("ana")                              # the file and its backups; confirm first
    store.free_name("Ana") -> "ana-2"                # a new slot for a new life
    read_save(path) -> SaveFile                      # decoded, checked, not replayed (debrief: .log)
                                                     #   older formats come up to date (saves/migrations.py)
    safe_slot_name("../../etc") -> "etc"

Every failure is a :class:`SaveError` whose message names the file and what
is wrong; no file is changed by a failed load.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.saves.atomic import BACKUPS
from game.saves.errors import SaveError
from game.saves.format import FORMAT, FORMAT_VERSION, PackRef, SaveFile
from game.saves.info import SaveInfo
from game.saves.names import AUTOSAVE, safe_slot_name
from game.saves.store import SaveStore, load_file, read_save

if TYPE_CHECKING:
    from game.saves.loading import LoadedSave, PackChange

_LAZY = {"LoadedSave", "PackChange"}
"""Names from :mod:`game.saves.loading`, which imports the engine: loaded on first use,
so that listing saves (the title's Continue) does not wait for the engine."""


def __getattr__(name: str) -> object:
    if name in _LAZY:
        from game.saves import loading

        return getattr(loading, name)
    raise AttributeError(f"module 'game.saves' has no attribute {name!r}")


__all__ = [
    "AUTOSAVE",
    "BACKUPS",
    "FORMAT",
    "FORMAT_VERSION",
    "LoadedSave",
    "PackChange",
    "PackRef",
    "SaveError",
    "SaveFile",
    "SaveInfo",
    "SaveStore",
    "load_file",
    "read_save",
    "safe_slot_name",
]
