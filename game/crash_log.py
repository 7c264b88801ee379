"""Crash logs: written where only this user can read them, under a name nobody can plant a link at.

The folder is ``CITIZEN_STATE`` (for tests), else the platform's user state folder
(``platformdirs``), ``crashes/`` inside it, created with mode 0700. A log is created
exclusively (``O_EXCL``, never following a link) under a name with the time, the
process id and random letters, so two crashes in one second never share a file.
If that folder cannot be used (it belongs to someone else, is a link, is not
writable), the log goes to a fresh private file from :func:`tempfile.mkstemp`.
Writing a log never raises.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import secrets
import stat
import tempfile
from pathlib import Path


def crash_folder() -> Path:
    """Where crash logs go: ``CITIZEN_STATE``/crashes, else the user state folder's ``crashes``."""
    if env := os.environ.get("CITIZEN_STATE"):
        return Path(env) / "crashes"
    from platformdirs import user_state_path

    return user_state_path("aaa-citizen") / "crashes"


def write_crash_log(details: str) -> Path:
    """Write ``details`` to a new private log file and return its path; never raises."""
    data = details.encode("utf-8", "replace")
    try:
        return _write_in(_private_folder(crash_folder()), data)
    except OSError:
        pass
    try:
        fd, name = tempfile.mkstemp(prefix="citizen-crash-", suffix=".log")  # exclusive, mode 0600
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        return Path(name)
    except OSError:
        return Path(os.devnull)


def _private_folder(folder: Path) -> Path:
    """``folder``, created 0700 if missing; refused (OSError) if it is a link, not ours, or open to others."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    info = os.lstat(folder)
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid():
        raise OSError(f"{folder} is not a folder of this user")
    if info.st_mode & 0o077:
        os.chmod(folder, 0o700)  # ours, so we may close it to others
    return folder


def _write_in(folder: Path, data: bytes) -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    path = folder / f"crash-{stamp}-{os.getpid()}-{secrets.token_hex(4)}.log"
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(data)
    return path


class OneLineLog(logging.Formatter):
    """A log record as one line, never a traceback: ``PREFIX: message: Type: what``.

    A library that logs every failure with its traceback (pygls, aiohttp under ``citizen serve``) gets this
    formatter: an exception from what a client sent (one of ``client_errors``) is that one line; any other
    also writes its traceback to a crash log and names it.
    """

    def __init__(self, prefix: str, client_errors: tuple[type[BaseException], ...]) -> None:
        super().__init__()
        self.prefix = prefix
        self.client_errors = client_errors

    def format(self, record: logging.LogRecord) -> str:
        text = first_line(record.getMessage())
        if record.exc_info and record.exc_info[1] is not None:
            exc = record.exc_info[1]
            text = f"{text}: {type(exc).__name__}: {first_line(exc)}"
            if not isinstance(exc, self.client_errors):
                text += f" (details in {write_crash_log(self.formatException(record.exc_info))})"
        return f"{self.prefix}: {text}"


def first_line(value: object, limit: int = 300) -> str:
    """The first line of ``str(value)``, cut to ``limit`` characters."""
    lines = str(value).splitlines()
    line = lines[0] if lines else ""
    return line if len(line) <= limit else line[:limit] + "…"
