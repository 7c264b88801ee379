"""The one error the save layer raises: a message for the player, naming the file."""

from __future__ import annotations

from pathlib import Path


class SaveError(Exception):
    """A save cannot be read, written or used. ``str(err)`` is the whole message.

    ``path`` is the file concerned (None when no file is involved, e.g. a bad name).
    """

    def __init__(self, message: str, path: Path | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
