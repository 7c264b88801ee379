"""Every file the game writes, written one way: whole or not at all, and never through a planted link.

:func:`replace_bytes` (and :func:`replace_text`) write to a new temporary file beside the target,
created exclusively under a random name (``tempfile.mkstemp``: ``O_CREAT | O_EXCL``, so a link or file
someone put there in advance is never opened, let alone followed), flush and sync it, give it the
target's permissions, and rename it over the target in one step. A reader sees the old file or the
new one, never half of one; a link at the target itself is replaced by the file, so what it pointed
to is untouched; a failure removes the temporary file and leaves the target as it was. Saves use the
two halves (:func:`write_temporary`, :func:`commit`) to rotate their backups in between.

:func:`read_small` reads a small file someone else may have put in place (a setting, a manifest):
only a regular file, and never more than the limit, so a pipe, a device or ``/dev/zero`` at that
path is one error instead of a hang or a full memory.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from pathlib import Path


class NotARegularFile(OSError):
    """The path is a folder, a pipe, a device or a socket, not a file that can be read."""


def write_temporary(path: Path, data: bytes, *, private: bool = False) -> Path:
    """``data`` in a new, synced temporary file beside ``path`` (hidden, random name), ready for :func:`commit`.

    It gets ``path``'s permissions if ``path`` is a file already, else 0600 when ``private``, else
    the ordinary ones (0666 less the umask).

    Raises:
        OSError: the folder cannot be written; no temporary file is left.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(name, _mode_for(path, private))
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(name)
        raise
    return Path(name)


def commit(temporary: Path, path: Path) -> None:
    """Rename ``temporary`` over ``path`` in one step and make the rename durable.

    Raises:
        OSError: the rename failed; ``temporary`` is removed and ``path`` is as it was.
    """
    try:
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    sync_folder(path.parent)


def replace_bytes(path: Path, data: bytes, *, private: bool = False) -> None:
    """Replace ``path`` with ``data``, whole or not at all (see the module's docstring).

    Raises:
        OSError: the folder or file cannot be written; ``path`` is then untouched and no temporary file is left.
    """
    commit(write_temporary(path, data, private=private), path)


def replace_text(path: Path, text: str, *, private: bool = False) -> None:
    """Replace ``path`` with ``text`` in UTF-8, whole or not at all.

    Raises:
        OSError: the folder or file cannot be written; ``path`` is then untouched and no temporary file is left.
    """
    replace_bytes(path, text.encode("utf-8"), private=private)


def read_small(path: Path, limit: int) -> bytes:
    """At most ``limit + 1`` bytes of the regular file ``path`` (more than ``limit`` means: too big).

    Raises:
        NotARegularFile: ``path`` is a folder, pipe, device or socket (opened without waiting on it).
        OSError: it cannot be opened or read (missing, unreadable, a link loop).
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            kind = "a folder" if stat.S_ISDIR(info.st_mode) else "a pipe, device or socket"
            raise NotARegularFile(errno.EINVAL, f"it is {kind}, not a file", str(path))
        chunks = []
        left = limit + 1
        while left > 0 and (chunk := os.read(fd, min(left, 1 << 20))):
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def sync_folder(folder: Path) -> None:
    """Make the renames in ``folder`` durable (POSIX); a no-op where folders cannot be opened."""
    if not hasattr(os, "O_DIRECTORY"):
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _mode_for(path: Path, private: bool) -> int:
    with contextlib.suppress(OSError):
        info = os.lstat(path)
        if stat.S_ISREG(info.st_mode):
            return stat.S_IMODE(info.st_mode)
    return 0o600 if private else 0o666 & ~current_umask()


def current_umask() -> int:
    """The process umask (read by setting it and putting it back)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
