"""A folder of saves: ``NAME.json`` per slot, with backups ``NAME.json.1`` … ``.3``."""

from __future__ import annotations

import builtins
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import msgspec

from game.safe_text import clean
from game.saves import atomic
from game.saves.errors import SaveError
from game.saves.format import SaveFile, decode, encode, encode_file
from game.saves.info import SaveInfo
from game.saves.locks import SlotLock
from game.saves.names import AUTOSAVE, checked_slot_name

if TYPE_CHECKING:
    from game.engine.content import Content
    from game.engine.life import Life
    from game.saves import loading

MAX_PLAYER = 60
MAX_SAVE_BYTES = 32 * 2**20
"""A year of choices takes well under 1 MiB; anything past this is not a save."""
SUFFIX = ".json"


def read_save(path: Path) -> SaveFile:
    """Read and check one save file without replaying it (for reports such as the debrief).

    Raises:
        SaveError: the file is missing, unreadable, damaged or of the wrong shape.
    """
    try:
        size = path.stat().st_size
        with path.open("rb") as f:  # the size is checked before reading, and no more than the limit is read
            data = b"" if size > MAX_SAVE_BYTES else f.read(MAX_SAVE_BYTES + 1)
        if max(size, len(data)) > MAX_SAVE_BYTES:
            limit = MAX_SAVE_BYTES // 2**20
            raise SaveError(f"{path}: the file is larger than a save can be ({limit} MiB); it is not a save", path)
    except FileNotFoundError:
        raise SaveError(f"{path}: no such save file", path) from None
    except OSError as exc:
        raise SaveError(f"{path}: cannot read the save: {exc.strerror or exc}", path) from None
    return decode(data, path)


def load_file(path: Path, content: Content, *, name: str = "", backup: int = 0) -> loading.LoadedSave:
    """Read ``path``, replay its choices under ``content`` and check them against its snapshot.

    When the packs are unchanged the result's ``life`` is the checked life; when
    they (or the game) changed, ``life`` is None and the caller chooses between
    ``from_snapshot()`` and ``replay_now()``. Nothing is ever written.

    Raises:
        SaveError: the file is bad, needs packs that are not installed, or disagrees with its replay.
    """
    from game.saves import loading  # the engine comes in only when a save is loaded

    save = read_save(path)
    name = name or path.name.split(".")[0]
    info = SaveInfo.of(name, path, save, backup)
    changes = loading.pack_changes(content, save, path)
    fresh_slot = bool(changes) or backup > 0
    if not changes:
        try:
            life = loading.verified_life(content, save, path)
            return loading.LoadedSave(info, save, content, life, save_as=name if not fresh_slot else "")
        except SaveError:
            if not loading.game_changed(save):
                raise
    return loading.LoadedSave(info, save, content, None, changes, loading.game_changed(save) if not changes else "")


def _meta_of(path: Path) -> dict[str, Any]:
    """The ``meta`` of the save at ``path``; empty when there is none or it cannot be read."""
    if not path.is_file():
        return {}
    try:
        return dict(read_save(path).meta)
    except SaveError:
        return {}


def _same_life(path: Path, save: SaveFile) -> bool:
    """True if ``path`` already holds this life as ``save`` would write it (apart from when, and by which version).

    A save in an older format counts as the same life, so it is rewritten in the
    current format only when the player has gone on.
    """
    try:
        old = decode(path.read_bytes(), path)
    except (OSError, SaveError):
        return False
    return (old.player, old.workshop, old.meta, old.packs, old.setup, old.state) == (
        save.player, save.workshop, save.meta, save.packs, save.setup, save.state
    )  # fmt: skip


class SaveStore:
    """The saves in one folder. Every method that writes is crash-safe; loading never writes."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)

    def path(self, name: str, backup: int = 0) -> Path:
        """The file of slot ``name`` (or of its ``backup``-th backup). Raises SaveError for a name with no letters.

        ``name`` is made safe with :func:`safe_slot_name`, unless a save file of exactly
        that name is already in the folder (one copied in by hand, say ``Ana B.json``).
        """
        path = self.folder / (self._existing(name) or checked_slot_name(name) + SUFFIX)
        return atomic.backup_path(path, backup) if backup else path

    def _existing(self, name: str) -> str:
        """``name + ".json"`` if that is a plain file name already in the folder, else ""."""
        file = name + SUFFIX
        if not name or name.startswith(".") or Path(file).name != file or "\\" in name or "/" in name:
            return ""
        return file if (self.folder / file).is_file() else ""

    def exists(self, name: str) -> bool:
        return self.path(name).is_file()

    def names(self) -> builtins.list[str]:
        """Every slot that has a save file, sorted."""
        if not self.folder.is_dir():
            return []
        return sorted(p.name[: -len(SUFFIX)] for p in self.folder.glob("*" + SUFFIX) if not p.name.startswith("."))

    def info(self, name: str, backup: int = 0) -> SaveInfo:
        """What a list shows about one save; ``problem`` says why when it cannot be read."""
        path = self.path(name, backup)
        try:
            return SaveInfo.of(name, path, read_save(path), backup)
        except SaveError as exc:
            return SaveInfo(name, path, backup=backup, problem=exc.message)

    def list(self) -> list[SaveInfo]:
        """Every save, newest first; unreadable ones last, with their ``problem``."""
        infos = [self.info(n) for n in self.names()]
        return sorted(infos, key=lambda i: (i.ok, i.saved_at), reverse=True)

    def latest(self, *, playable: bool = False) -> SaveInfo | None:
        """The most recently saved readable save (with ``playable``, of a life not yet over), or None."""
        return next((i for i in self.list() if i.ok and not (playable and i.ended)), None)

    def backups(self, name: str) -> builtins.list[SaveInfo]:
        """The backups of ``name`` that exist, newest (``.1``) first, each with its ``problem`` if unreadable."""
        return [self.info(name, n) for n in range(1, atomic.BACKUPS + 1) if self.path(name, n).is_file()]

    def save(
        self, name: str, life: Life, *, player: str = "", workshop: str = "", meta: dict[str, Any] | None = None
    ) -> SaveInfo:
        """Write ``life`` to slot ``name`` (sanitised), keeping the previous versions as backups.

        Raises:
            SaveError: the name has no letters or digits, or the file cannot be written.
        """
        path = self.path(name)
        player = clean(player).strip()[:MAX_PLAYER]
        if meta is None:  # what others put in the slot's ``meta`` stays there
            meta = _meta_of(path)
        data = encode(life, player=player, workshop=workshop, meta=meta)
        save = decode(data, path)
        if save.state != life.state or save.setup != life.setup:  # a NaN, say: never replace a good save with one that differs
            why = "a value does not survive being written; nothing was changed"
            raise SaveError(f"{path}: this life cannot be saved faithfully ({why})", path)
        if not _same_life(path, save):  # saving an unchanged life again would push a backup out for nothing
            atomic.write_atomic(path, data)
        return SaveInfo.of(path.name[: -len(SUFFIX)], path, save)

    def autosave(
        self, life: Life, *, slot: str = AUTOSAVE, player: str = "", workshop: str = "", meta: dict[str, Any] | None = None
    ) -> SaveInfo:
        """:meth:`save` into ``slot`` (``autosave`` unless the life has a slot of its own)."""
        return self.save(slot, life, player=player, workshop=workshop, meta=meta)

    def update_meta(self, name: str, changes: dict[str, Any]) -> None:
        """Set keys of slot ``name``'s ``meta`` (a seat code's hash), changing nothing else; the old file becomes a backup.

        The caller holds the slot's lock. Raises SaveError: no such save, a bad file, or it cannot be written.
        """
        path = self.path(name)
        if not path.is_file():
            raise SaveError(self._missing(name, 0), path)
        old = read_save(path)
        data = encode_file(msgspec.structs.replace(old, meta={**old.meta, **changes}))
        if decode(data, path).meta != {**old.meta, **changes}:
            raise SaveError(f"{path}: this value cannot be kept in a save; nothing was changed", path)
        atomic.write_atomic(path, data)

    def load(self, name: str, content: Content, *, backup: int = 0) -> loading.LoadedSave:
        """Load slot ``name`` (or its ``backup``-th backup): see :func:`load_file`.

        Raises:
            SaveError: no such save (the message lists the saves there), or the file is bad.
        """
        path = self.path(name, backup)
        if not path.is_file():
            raise SaveError(self._missing(name, backup), path)
        loaded = load_file(path, content, name=self.path(name).name[: -len(SUFFIX)], backup=backup)
        if not loaded.save_as:
            loaded.save_as = self.free_name(loaded.info.name)
        return loaded

    def lock(self, name: str) -> SlotLock:
        """The (not yet taken) exclusive lock of slot ``name``: ``store.lock("ana").take()``; see :mod:`game.saves.locks`."""
        path = self.path(name)
        return SlotLock(path, path.name[: -len(SUFFIX)])

    def delete(self, name: str) -> int:
        """Remove slot ``name`` and its backups; return how many files went. Ask the player first.

        Raises:
            SaveError: another game has the slot open, or a file could not be removed
                (a read-only folder, say); the message says which.
        """
        held = self.lock(name).take()
        try:
            return self._delete_files(name)
        finally:
            held.release()

    def _delete_files(self, name: str) -> int:
        removed = 0
        for n in range(atomic.BACKUPS + 1):
            path = self.path(name, n)
            try:
                path.unlink()
                removed += 1
            except FileNotFoundError:
                continue
            except OSError as exc:
                why = exc.strerror or str(exc)
                raise SaveError(f"{path}: cannot delete it: {why}; check the folder's permissions", path) from None
        return removed

    def free_name(self, hint: str, also_taken: Iterable[str] = ()) -> str:
        """A slot name from ``hint`` that no save (nor ``also_taken``) uses yet: ``hint``, else ``hint-2``, ``hint-3`` …"""
        base = checked_slot_name(hint)
        taken = {*self.names(), *also_taken}
        if base not in taken:
            return base
        n = 2
        while f"{base[:36]}-{n}" in taken:
            n += 1
        return f"{base[:36]}-{n}"

    def _missing(self, name: str, backup: int) -> str:
        what = f"backup {backup} of the save '{name}'" if backup else f"no save named '{name}'"
        if backup:
            return f"there is no {what} in {self.folder}"
        names = self.names()
        known = f"; saves there: {', '.join(names)}" if names else " (the folder has no saves)"
        return f"{what} in {self.folder}{known}"
