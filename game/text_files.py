"""Writing a small text file (a setting, a report) so a reader never sees it half written."""

from __future__ import annotations

import contextlib
from pathlib import Path


def replace_text(path: Path, text: str) -> None:
    """Write ``text`` to a hidden temporary file beside ``path``, then rename it over ``path`` in one step.

    Raises:
        OSError: the folder or file cannot be written; ``path`` is then untouched and no temporary file is left.
    """
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        raise
