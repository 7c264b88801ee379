"""The save file: versioned JSON, encoded from a Life and decoded with typed checks.

See docs/saves.md for the format. Decoding never trusts the file: every field
is checked for its type (msgspec), and each failure becomes one
:class:`SaveError` that names the file and what is wrong.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

import msgspec

from game import __version__
from game.saves.errors import SaveError

if TYPE_CHECKING:
    from game.engine.content import Content
    from game.engine.life import Life

FORMAT = "aaa-citizen-save"
FORMAT_VERSION = 1
"""Bump when the layout changes; this game reads every version up to this one."""


class PackRef(msgspec.Struct):
    """A pack a save was made with: which one, which version, and the hash of its files."""

    id: str
    version: str
    content_hash: str


class SetupData(msgspec.Struct):
    """:class:`game.engine.state.Setup` as stored."""

    scenario: str
    seed: int
    days: int | None = None
    settings: dict[str, Any] = {}
    rule_overrides: dict[str, float] = {}


class StateShape(msgspec.Struct):
    """The types of :class:`game.engine.state.State`'s JSON form, to check a snapshot's shape."""

    scenario: str
    seed: int
    rng: int
    length: int
    city: str
    day: int = 1
    enrolled: list[str] = []
    shadow: list[str] = []
    scores: dict[str, float] = {}
    tiers: dict[str, str] = {}
    stats: dict[str, float] = {}
    flags: list[str] = []
    base_privileges: list[str] = []
    privileges: list[str] = []
    lists: list[str] = []
    friends: list[str] = []
    char_scores: dict[str, dict[str, float]] = {}
    settings: dict[str, Any] = {}
    event_last: dict[str, int] = {}
    event_count: dict[str, int] = {}
    chosen: list[str] = []
    rule_uses: dict[str, list[int]] = {}
    scheduled: list[tuple[int, str]] = []
    today_target: int = 0
    today_drawn: int = 0
    today_events: list[str] = []
    current: str | None = None
    records: list[tuple[int, str, str, float, float, str, bool]] = []
    log: list[tuple[int, str, str]] = []
    goals: dict[str, int] = {}
    privilege_log: list[tuple[int, str, bool, str]] = []
    history: dict[str, list[float]] = {}
    quiet_days: list[int] = []
    ended: bool = False
    ending: str = ""


class SaveFile(msgspec.Struct):
    """One save file. ``state`` is checked against :class:`StateShape`; ``snapshot`` is its raw dict."""

    format: str
    version: int
    game_version: str
    saved_at: str
    packs: list[PackRef]
    setup: SetupData
    log: list[tuple[int, str, str]]
    state: StateShape
    player: str = ""
    workshop: str = ""
    meta: dict[str, Any] = {}
    snapshot: dict[str, Any] = {}
    """The state exactly as stored (filled on decode, not a field of the file)."""

    def when(self) -> dt.datetime:
        """``saved_at`` as an aware datetime (the epoch if it cannot be read)."""
        try:
            when = dt.datetime.fromisoformat(self.saved_at.replace("Z", "+00:00"))
        except ValueError:
            return dt.datetime.fromtimestamp(0, dt.UTC)
        return when if when.tzinfo else when.replace(tzinfo=dt.UTC)


def pack_refs(content: Content) -> list[PackRef]:
    return [PackRef(p.id, p.version, p.content_hash) for p in content.packs]


def encode(life: Life, *, player: str = "", workshop: str = "", meta: dict[str, Any] | None = None) -> bytes:
    """The bytes of a save file for ``life`` (JSON in UTF-8, laid out by :func:`_layout`)."""
    state = life.state.to_dict()
    doc = {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "game_version": __version__,
        "saved_at": dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z"),
        "player": player,
        "workshop": workshop,
        "meta": meta or {},
        "packs": [msgspec.structs.asdict(p) for p in pack_refs(life.content)],
        "setup": life.setup.to_dict(),
        "log": state["log"],
        "state": state,
    }
    try:
        return _layout(doc)
    except (TypeError, OverflowError) as exc:  # a setting or meta value JSON cannot hold
        raise SaveError(f"this life cannot be saved: {exc}") from None


def _layout(doc: dict[str, Any]) -> bytes:
    """JSON laid out for people: one top-level key, one choice and one state field per line."""
    enc = msgspec.json.encode
    parts = []
    for key, value in doc.items():
        if key == "log" and value:
            text = b"[\n  " + b",\n  ".join(enc(x) for x in value) + b"\n ]"
        elif key == "state":
            text = b"{\n  " + b",\n  ".join(enc(k) + b": " + enc(v) for k, v in value.items()) + b"\n }"
        else:
            text = enc(value)
        parts.append(b" " + enc(key) + b": " + text)
    return b"{\n" + b",\n".join(parts) + b"\n}\n"


def decode(data: bytes, path: Path) -> SaveFile:
    """Check and decode the bytes of ``path``.

    Raises:
        SaveError: empty, not JSON (or cut short), not a save, a newer format, or a field of the wrong type.
    """
    where = str(path)
    if not data.strip():
        raise SaveError(f"{where}: the save file is empty (the game may have stopped while writing it)", path)
    try:
        raw = msgspec.json.decode(data.removeprefix(b"\xef\xbb\xbf"))  # a byte-order mark from an editor is harmless
    except (msgspec.DecodeError, UnicodeDecodeError) as exc:  # bytes that are not UTF-8 text are damage too
        why = "it is cut short" if "truncated" in str(exc) else f"it is not valid JSON ({exc})"
        raise SaveError(f"{where}: the save file is damaged: {why}", path) from None
    except RecursionError:
        raise SaveError(f"{where}: the save file is damaged: it is nested too deeply", path) from None
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        raise SaveError(f'{where}: this is not an AAA Citizen save (no "format": "{FORMAT}")', path)
    version = raw.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise SaveError(f"{where}: the save has no valid format version", path)
    if version > FORMAT_VERSION:
        made_by = raw.get("game_version", "?")
        raise SaveError(
            f"{where}: the save is in format {version} (made by game version {made_by}); "
            f"this game reads format {FORMAT_VERSION} or older: update the game to load it",
            path,
        )
    try:
        save = msgspec.convert(raw, SaveFile)
    except msgspec.ValidationError as exc:
        raise SaveError(f"{where}: the save has the wrong shape: {exc}", path) from None
    save.snapshot = raw["state"]
    if save.setup.days is not None and not 1 <= save.setup.days <= 365:
        raise SaveError(f"{where}: the save has the wrong shape: setup.days must be 1 to 365, not {save.setup.days}", path)
    return save
