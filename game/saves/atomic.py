"""Crash-safe file replacement with numbered backups.

A save is written to a temporary file in the same folder (created exclusively under a
random name, never through a link: :mod:`game.text_files`), flushed and synced to disk,
then renamed over the old file in one step (``os.replace``). Before
that, the old file is copied to ``NAME.1`` (``.1`` moves to ``.2`` and so
on). The file ``NAME`` therefore exists at every instant once written, and it
is never older than ``NAME.1``: a process killed at any point leaves the new
save or the one before it.
"""

from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path

from game.saves.errors import SaveError
from game.text_files import commit, write_temporary

BACKUPS = 3
"""How many earlier versions of each save are kept (NAME.1 is the newest)."""

STALE_TEMP_SECONDS = 60


def backup_path(path: Path, n: int) -> Path:
    """The ``n``-th backup of ``path`` (1 = the version before the current one)."""
    return path.with_name(f"{path.name}.{n}")


def write_atomic(path: Path, data: bytes, backups: int = BACKUPS) -> None:
    """Replace ``path`` with ``data`` so that a crash leaves either the old or the new file.

    Raises:
        SaveError: the folder or file cannot be written (the old file is then untouched).
    """
    tmp: Path | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        _remove_stale_temps(path)
        tmp = write_temporary(path, data)
        if backups and path.exists():
            _rotate(path, backups)
        commit(tmp, path)
    except OSError as exc:
        if tmp is not None:
            with contextlib.suppress(OSError):
                tmp.unlink(missing_ok=True)
        raise SaveError(f"could not write {path}: {exc.strerror or exc}", path) from None


def _rotate(path: Path, backups: int) -> None:
    """Shift NAME.1 … to NAME.2 …, then copy NAME to NAME.1 (NAME itself stays in place)."""
    for n in range(backups - 1, 0, -1):
        older = backup_path(path, n)
        if older.exists():
            os.replace(older, backup_path(path, n + 1))
    first = backup_path(path, 1)
    commit(write_temporary(first, path.read_bytes()), first)


def _remove_stale_temps(path: Path) -> None:
    """Remove the temporary files that killed processes left in the folder, for any save (older than a minute)."""
    now = time.time()
    for tmp in path.parent.glob(".*.tmp"):
        with contextlib.suppress(OSError):
            if now - tmp.stat().st_mtime > STALE_TEMP_SECONDS:
                tmp.unlink()
