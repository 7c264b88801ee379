"""Slot names from player input: safe as file names on every platform."""

from __future__ import annotations

import re
import unicodedata

from game.saves.errors import SaveError

AUTOSAVE = "autosave"
"""The slot :meth:`SaveStore.autosave` uses when no other slot is given."""

MAX_NAME = 40
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}
_UNSAFE = re.compile(r"[\W_]+")


def name_key(text: str) -> str:
    """``text`` folded for comparing names: NFKC, case folded, each run of spaces and punctuation one dash.

    "Wang Fang", "wang fang", "wang_fang", "Wang-Fang!" and full-width "Ｗａｎｇ Ｆａｎｇ" all give "wang-fang".
    """
    return _UNSAFE.sub("-", unicodedata.normalize("NFKC", text).casefold()).strip("-")


def safe_slot_name(text: str) -> str:
    """A slot name made from ``text``: lower-case letters, digits and single dashes, at most 40 characters.

    Path separators, dots, control characters and spaces become dashes, so no
    name can leave the saves folder or look like a backup (``x.json.1``).
    Windows' reserved device names (CON, NUL, COM1 …) get ``-save`` appended.
    Returns "" when nothing usable is left (e.g. ``"../.."``).
    """
    name = name_key(text)[:MAX_NAME].strip("-")
    if name in _RESERVED:
        name = f"{name}-save"
    return name


def checked_slot_name(text: str) -> str:
    """:func:`safe_slot_name`, or :class:`SaveError` when nothing usable is left."""
    name = safe_slot_name(text)
    if not name:
        raise SaveError(f"'{text}' cannot be a save name: use at least one letter or digit")
    return name
