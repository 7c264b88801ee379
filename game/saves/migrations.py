"""Older save formats, brought up to the current one step by step before a save is decoded.

Each step takes the JSON document of one format version to the next, in place;
:data:`STEPS` maps a version to the step that leaves it. A file is read in
the oldest format still listed (:data:`OLDEST`) or any newer one, and written
back only in the current format, and only when the player goes on.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

RECORD_FIELDS = ("day", "system", "rule", "points", "score", "cause", "shadow")
"""The order of a record's fields in format 1, where records were lists."""


class MigrationError(ValueError):
    """A document that cannot be brought up to date: the file was edited or damaged."""


def _one_log_and_record_objects(doc: dict[str, Any]) -> None:
    """Format 1 → 2: the choice log is kept once (in the state), and records are objects."""
    state = doc.get("state")
    log = doc.pop("log", None)
    if not isinstance(state, dict):
        return  # the shape check that follows says what is wrong
    if "log" not in state:
        state["log"] = log
    elif log is not None and log != state["log"]:
        raise MigrationError("the choice list and the state snapshot disagree (the file was edited or damaged)")
    records = state.get("records")
    if isinstance(records, list):
        state["records"] = [
            dict(zip(RECORD_FIELDS, r, strict=True)) if isinstance(r, list) and len(r) == len(RECORD_FIELDS) else r
            for r in records
        ]


def _played_without_spacing(doc: dict[str, Any]) -> None:
    """Format 2 → 3: the life was played before the default repetition gap and fading weights, and goes on without them."""
    setup = doc.get("setup")
    if isinstance(setup, dict):
        setup.setdefault("spaced", False)


STEPS: dict[int, Callable[[dict[str, Any]], None]] = {
    1: _one_log_and_record_objects,
    2: _played_without_spacing,
}
OLDEST = 1
"""The oldest format this game still reads."""


def upgrade(doc: dict[str, Any], version: int, current: int) -> None:
    """Bring ``doc`` (in format ``version``) up to format ``current``, in place.

    Raises:
        MigrationError: a step found the document inconsistent.
    """
    for step in range(version, current):
        STEPS[step](doc)
