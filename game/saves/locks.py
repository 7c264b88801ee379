"""One game at a time per save slot: an exclusive lock held while a life saves into it.

The lock is a hidden file beside the save (``.NAME.lock``), taken with
:mod:`filelock` (``flock`` where the system has it), so a second game on the same
slot, in another process or in this one, is refused instead of overwriting the
first one's choices. The operating system drops the lock when a game ends in
any way (even killed); the file goes when the lock is released or the slot deleted.
The saves list never shows it (only ``*.json`` files are saves).
"""

from __future__ import annotations

from contextlib import suppress
from pathlib import Path

from game.saves.errors import SaveError
from game.strings import S

LOCK_SUFFIX = ".lock"


def not_a_folder(folder: Path) -> str:
    """What to say when the saves folder is a file, a pipe or a device."""
    return (
        f"the saves folder {folder} is not a folder (a file, pipe or device is there); "
        "choose another with --saves DIR or 'citizen config set saves DIR'"
    )


def lock_path(save: Path) -> Path:
    """The lock file of the save at ``save`` (``saves/ana.json`` → ``saves/.ana.lock``)."""
    return save.with_name(f".{save.name.removesuffix('.json')}{LOCK_SUFFIX}")


class SlotLock:
    """The exclusive lock of one save slot, held from :meth:`take` until :meth:`release`."""

    def __init__(self, save: Path, slot: str) -> None:
        self.slot = slot
        self.path = lock_path(save)
        from filelock import FileLock  # when a life opens, not on the way to the title (it is a big import)

        self._lock = FileLock(self.path, timeout=0)

    def take(self) -> SlotLock:
        """Hold the lock, or raise :class:`SaveError` naming the slot and what to do.

        Raises:
            SaveError: another game has this slot open, or the lock file cannot be made.
        """
        from filelock import Timeout

        try:
            self._lock.acquire()
        except Timeout:
            raise SaveError(S["save_in_use"].format(name=self.slot, folder=self.path.parent), self.path) from None
        except OSError as exc:
            folder = self.path.parent
            if folder.exists() and not folder.is_dir():
                raise SaveError(not_a_folder(folder), self.path) from None
            why = exc.strerror or str(exc)
            raise SaveError(f"{self.path}: cannot lock the save: {why}; check the folder's permissions", self.path) from None
        return self

    def release(self) -> None:
        """Let other games open the slot (the lock file goes too)."""
        if not self._lock.is_locked:
            return
        with suppress(OSError):  # a lock file left behind is harmless: the next game takes it over
            self.path.unlink(missing_ok=True)  # while still held: a game that opened the old file sees it gone
        self._lock.release(force=True)
