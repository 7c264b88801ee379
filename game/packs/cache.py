"""A cache of read packs: a pack's files parsed and converted, kept as msgpack in the user's cache folder.

Reading a pack (TOML parsing, schema conversion) is most of a load; a pack
whose files have not changed need not be read again. Each cache file holds one
pack as :func:`game.packs.reader.read_pack` returned it, and is named by a hash
of everything that decides that result: the bytes and names of every file of
the pack, the game's version, and the source of the schema and the reader. Any
change to any of these names another file, so a stale entry is never found.

A cache file is plain data (msgspec msgpack decoded into the schema's own
types, never pickle, never code): it starts with the SHA-256 of the rest, which
is checked before anything is decoded; a file that fails the check, does not
decode, or describes another pack is ignored, and the pack is read from its
files and the entry written again. What comes out of the cache goes through
the same layering, reference checks and expression compiler as a fresh read.
The folder is safe to delete at any time. ``CITIZEN_CACHE`` names another
folder; ``CITIZEN_CACHE=off`` turns the cache off.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from functools import cache
from pathlib import Path
from typing import Any

import msgspec

from game.packs import reader, schema
from game.packs.locate import LineIndex
from game.packs.problems import Problems
from game.packs.reader import Item, Origin, PackSource, display_path

FORMAT = 1
"""Changes when the layout of a cache file changes."""


def cache_folder() -> Path | None:
    """Where cache files go: ``CITIZEN_CACHE``, else the platform's user cache folder; None when turned off."""
    env = os.environ.get("CITIZEN_CACHE")
    if env == "off":
        return None
    if env:
        return Path(env)
    from platformdirs import user_cache_path

    return user_cache_path("aaa-citizen") / "packs"


@cache
def _code_stamp() -> bytes:
    """The game version and the source of what decides a read pack's shape (the schema, the effects, the reader)."""
    from game import __version__
    from game.engine import effects

    digest = hashlib.sha256(f"{FORMAT}\0{__version__}\0".encode())
    for module in (schema, effects, reader):
        digest.update(Path(module.__file__ or "").read_bytes())
    return digest.digest()


class _Entry(msgspec.Struct, array_like=True):
    file: int  # index into _Cached.files
    path: str  # the item's key path in its file (``event[3]``, ``stats.money``)
    id: str  # its id in its section ("" for events and daily rules)


class _Section(msgspec.Struct, array_like=True):
    key: str  # the top-level key (``stats``, ``event``…)
    entries: list[_Entry]
    values: msgspec.Raw  # msgpack of list[schema.SECTION_TYPES[key]], in the order of ``entries``


class _Cached(msgspec.Struct):
    format: int
    key: str
    files: list[str]  # pack-relative paths, in the order read
    meta_file: int  # -1 when there is no [pack] table (never cached: that is an error)
    meta: msgspec.Raw
    sections: list[_Section]


class _Files(msgspec.Struct):
    """A pack's files as read for hashing: relative names, texts, the key and the save's content hash."""

    names: list[str]
    texts: list[str]
    key: str
    content_hash: str


def _read_files(folder: Path) -> _Files | None:
    """Read every file of the pack for the key; None when anything is off (the reader will say what)."""
    quiet = Problems()
    paths = reader._pack_files(folder, quiet)
    if quiet or not (folder / "pack.toml").is_file():
        return None
    digest = hashlib.sha256()  # the same hash read_pack gives the pack (its content_hash)
    names, texts, total = [], [], 0
    for path in paths:
        size = path.stat().st_size
        total += size
        if size > reader.MAX_FILE_BYTES or total > reader.MAX_PACK_BYTES:
            return None
        raw = path.read_bytes()
        name = path.relative_to(folder).as_posix()
        digest.update(name.encode() + b"\0" + raw + b"\0")
        try:
            texts.append(raw.decode("utf-8"))
        except UnicodeDecodeError:
            return None
        names.append(name)
    content_hash = digest.hexdigest()
    key = hashlib.sha256(_code_stamp() + content_hash.encode()).hexdigest()
    return _Files(names, texts, key, content_hash[:16])


def read_pack(folder: Path, problems: Problems) -> PackSource:
    """:func:`game.packs.reader.read_pack`, from the cache when the pack has not changed since it was cached.

    A pack read with any problem is not cached, so its problems are reported
    on every read until it is fixed.
    """
    where = cache_folder()
    files = _read_files(folder) if where is not None else None
    if where is None or files is None:
        return reader.read_pack(folder, problems)
    entry = where / f"{files.key}.msgpack"
    source = _load(entry, folder, files)
    if source is not None:
        return source
    before = len(problems.items)
    source = reader.read_pack(folder, problems)
    if len(problems.items) == before and source.meta is not None and source.content_hash == files.content_hash:
        _store(entry, source, files)
    return source


# -- one cache file -------------------------------------------------------------------------------


def _load(entry: Path, folder: Path, files: _Files) -> PackSource | None:
    """The pack from its cache file, or None if there is none or it cannot be trusted."""
    try:
        blob = entry.read_bytes()
    except OSError:
        return None
    payload = blob[32:]
    if len(blob) < 32 or hashlib.sha256(payload).digest() != blob[:32]:
        return None
    try:
        cached = msgspec.msgpack.decode(payload, type=_Cached)
        if cached.format != FORMAT or cached.key != files.key or cached.files != files.names:
            return None
        return _source(cached, folder, files)
    except (msgspec.DecodeError, msgspec.ValidationError, IndexError, KeyError):
        return None


def _source(cached: _Cached, folder: Path, files: _Files) -> PackSource:
    shown = [display_path(folder / name) for name in files.names]
    indexes = [LineIndex(text) for text in files.texts]
    source = PackSource(folder, content_hash=files.content_hash)
    source.meta = msgspec.msgpack.decode(cached.meta, type=schema.PackMeta)
    source.meta_origin = Origin(shown[cached.meta_file], "pack", indexes[cached.meta_file])
    for section in cached.sections:
        struct: Any = schema.SECTION_TYPES[section.key]
        values: list[Any] = msgspec.msgpack.decode(section.values, type=list[struct])
        if len(values) != len(section.entries):
            raise IndexError("entries and values differ in number")
        items = [
            Item(value, Origin(shown[e.file], e.path, indexes[e.file]), "")
            for e, value in zip(section.entries, values, strict=True)
        ]
        if section.key == "event":
            source.events = items
        elif section.key == "daily":
            source.daily = items
        else:
            source.sections[section.key] = {e.id: item for e, item in zip(section.entries, items, strict=True)}
    return source


def _store(entry: Path, source: PackSource, files: _Files) -> None:
    """Write the cache file (atomically); a cache that cannot be written is simply not used."""
    with contextlib.suppress(OSError, KeyError, msgspec.EncodeError):
        write_checked(entry, _encode(source, files))


def _encode(source: PackSource, files: _Files) -> bytes:
    assert source.meta_origin is not None
    by_shown = {display_path(source.path / name): i for i, name in enumerate(files.names)}
    encode = msgspec.msgpack.encode

    def section(key: str, pairs: list[tuple[str, Item]]) -> _Section:
        entries = [_Entry(by_shown[item.origin.file], item.origin.path, item_id) for item_id, item in pairs]
        return _Section(key, entries, msgspec.Raw(encode([item.value for _, item in pairs])))

    sections = [section("event", [("", i) for i in source.events]), section("daily", [("", i) for i in source.daily])]
    sections += [section(key, list(items.items())) for key, items in source.sections.items()]
    cached = _Cached(
        FORMAT, files.key, files.names, by_shown[source.meta_origin.file], msgspec.Raw(encode(source.meta)), sections
    )
    return encode(cached)


def write_checked(entry: Path, payload: bytes) -> None:
    """Write ``payload`` after its SHA-256, in one step (a reader never sees half a file)."""
    entry.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=entry.parent, prefix=".", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(hashlib.sha256(payload).digest() + payload)
        os.replace(temporary, entry)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
