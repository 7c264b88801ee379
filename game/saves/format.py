"""The save file: versioned JSON, encoded from a Life and decoded with typed checks into the engine's state.

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
from game.engine.state import Setup, State
from game.saves import migrations
from game.saves.errors import SaveError

if TYPE_CHECKING:
    from game.engine.content import Content
    from game.engine.life import Life

FORMAT = "aaa-citizen-save"
FORMAT_VERSION = 3
"""Bump when the layout changes, with a step in :mod:`game.saves.migrations` from the version before."""


class PackRef(msgspec.Struct):
    """A pack a save was made with: which one, which version, and the hash of its files."""

    id: str
    version: str
    content_hash: str


class SaveFile(msgspec.Struct, kw_only=True):
    """One save file, decoded straight into the engine's own :class:`Setup` and :class:`State`.

    ``version`` is the format the file was written in (older ones are brought up
    to date on reading, see :mod:`game.saves.migrations`); writing always uses
    :data:`FORMAT_VERSION`.
    """

    format: str
    version: int
    game_version: str
    saved_at: str
    player: str = ""
    workshop: str = ""
    world: list[str] = []
    """The scenario's world when the life was saved: packs and ``pack:tag`` pools (empty in saves made before worlds)."""
    meta: dict[str, Any] = {}
    packs: list[PackRef]
    setup: Setup
    state: State

    @property
    def log(self) -> list[tuple[int, str, str]]:
        """Every choice, in order: (day, event id, choice id)."""
        return self.state.log

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
    """The bytes of a save file for ``life`` in the current format (JSON in UTF-8, laid out by :func:`_layout`)."""
    save = SaveFile(
        format=FORMAT,
        version=FORMAT_VERSION,
        game_version=__version__,
        saved_at=dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z"),
        player=player,
        workshop=workshop,
        meta=meta or {},
        world=list(life.scenario.world_ids()),
        packs=pack_refs(life.content),
        setup=life.setup,
        state=life.state,
    )
    return encode_file(save)


def encode_file(save: SaveFile) -> bytes:
    """The bytes of ``save`` as a file (JSON in UTF-8, laid out by :func:`_layout`)."""
    try:
        return _layout(msgspec.to_builtins(save, order="deterministic"))
    except (TypeError, OverflowError) as exc:  # a setting or meta value JSON cannot hold
        raise SaveError(f"this life cannot be saved: {exc}") from None


def as_json(state: State) -> Any:
    """``state`` as plain JSON values (sets sorted), as a save stores it."""
    return msgspec.to_builtins(state, order="deterministic")


_ONE_PER_LINE = ("records", "log")
"""State fields long enough to lay out one item per line."""


def _layout(doc: dict[str, Any]) -> bytes:
    """JSON laid out for people: one top-level key, one state field, one record and one choice per line."""
    enc = msgspec.json.encode

    def field(key: str, value: Any) -> bytes:
        if key in _ONE_PER_LINE and value:
            return enc(key) + b": [\n   " + b",\n   ".join(enc(x) for x in value) + b"\n  ]"
        return enc(key) + b": " + enc(value)

    parts = []
    for key, value in doc.items():
        if key == "state":
            text = b"{\n  " + b",\n  ".join(field(k, v) for k, v in value.items()) + b"\n }"
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
    if version < migrations.OLDEST:
        raise SaveError(
            f"{where}: the save is in format {version}, which this game no longer reads "
            f"(it reads formats {migrations.OLDEST} to {FORMAT_VERSION})",
            path,
        )
    try:
        migrations.upgrade(raw, version, FORMAT_VERSION)
        save = msgspec.convert(raw, SaveFile)
    except migrations.MigrationError as exc:
        raise SaveError(f"{where}: {exc}", path) from None
    except msgspec.ValidationError as exc:
        raise SaveError(f"{where}: the save has the wrong shape: {exc}", path) from None
    if save.setup.days is not None and not 1 <= save.setup.days <= 365:
        raise SaveError(f"{where}: the save has the wrong shape: setup.days must be 1 to 365, not {save.setup.days}", path)
    return save
