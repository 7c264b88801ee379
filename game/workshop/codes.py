"""Seat codes: how a returning workshop player proves the seat is theirs.

On first taking a seat a player is given a short code of six digits, shown as
``482-913`` (easy to read aloud in any language, and to type on any keyboard).
Only a salted, slow hash of it is kept, in the ``meta`` of each save of that
player in the workshop; nobody, the facilitator included, can read a code back
from the files. The facilitator can give a player a new code
(``citizen workshop reset-code``).
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets

META_KEY = "seat_code"
"""Where a save's ``meta`` keeps the hash of its player's seat code."""

DIGITS = 6
SCHEME = "pbkdf2-sha256"
ROUNDS = 120_000
MAX_TYPED = 40
"""A typed code longer than this is wrong without being hashed (a paste of a page, say)."""


def new_code() -> str:
    """A fresh code from :mod:`secrets`: six digits as two groups of three ("482-913")."""
    digits = f"{secrets.randbelow(10**DIGITS):0{DIGITS}d}"
    return f"{digits[:3]}-{digits[3:]}"


def normalised(typed: str) -> str:
    """The digits of ``typed`` (so "482 913", "482-913" and "482913" are one code); '' if it cannot be a code."""
    if len(typed) > MAX_TYPED:
        return ""
    digits = re.sub(r"[\s\-.]", "", typed)
    return digits if len(digits) == DIGITS and digits.isascii() and digits.isdigit() else ""


def hashed(code: str, salt: bytes | None = None) -> str:
    """``pbkdf2-sha256$ROUNDS$SALT$HASH`` of ``code`` (normalised), with a fresh random salt unless given."""
    salt = secrets.token_bytes(16) if salt is None else salt
    digest = hashlib.pbkdf2_hmac("sha256", normalised(code).encode(), salt, ROUNDS)
    return f"{SCHEME}${ROUNDS}${salt.hex()}${digest.hex()}"


def matches(typed: str, stored: str) -> bool:
    """True if ``typed`` is the code whose hash is ``stored`` (False for a malformed hash: a save is untrusted)."""
    code = normalised(typed)
    parts = stored.split("$") if isinstance(stored, str) else []
    if not code or len(parts) != 4 or parts[0] != SCHEME or parts[1] != str(ROUNDS):
        return False
    try:
        salt, want = bytes.fromhex(parts[2]), bytes.fromhex(parts[3])
    except ValueError:
        return False
    if not 8 <= len(salt) <= 64 or len(want) != 32:
        return False
    return hmac.compare_digest(hashlib.pbkdf2_hmac("sha256", code.encode(), salt, ROUNDS), want)


def is_hash(value: object) -> bool:
    """Whether ``value`` looks like a hash :func:`hashed` wrote (a save may hold anything)."""
    return isinstance(value, str) and value.startswith(SCHEME + "$") and value.count("$") == 3 and len(value) < 200
