"""A cache of built content: a whole load for play, kept as data, so that unchanged packs skip reading,
checking and compiling.

:func:`game.packs.loader.load_content` looks here first. A cache file holds the
:class:`~game.engine.content.Content` of one load that had no errors, as msgpack
decoded by msgspec straight into the engine's own dataclasses (never pickle,
never code). An expression is kept as its source, type and dependencies, with
the names it was checked against, and is compiled again on its first use
(:meth:`game.packs.expr.Compiled.later`) by the same whitelisting compiler: so
nothing in the file is ever run.

The file is named by a hash of everything that decides the content: each pack
folder (where it is, every file's name and bytes, its translations), the
language and ``CITIZEN_LANG_STRICT``, the game's version and the source of the
loader and of the content model, and whether each pack ships with the game. Any change to any of these names another
file, so a stale entry is never found. The file starts with the SHA-256 of the
rest, checked before anything is decoded; a file that fails the check, does not
decode or names another key is ignored and written again. Only the newest files are kept (:data:`KEPT`). The folder is safe
to delete at any time; ``CITIZEN_CACHE`` moves it (its ``built`` folder,
beside the cache of read packs, :mod:`game.packs.cache`) or turns it off.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import os
from contextvars import ContextVar
from functools import cache
from pathlib import Path
from typing import Any

import msgspec

from game.engine.content import Content, Expression
from game.engine.effects import BY_KEY, KINDS, Effects
from game.packs import reader
from game.packs.cache import cache_folder, write_checked
from game.packs.expr import Compiled, Names, constant
from game.packs.problems import Problems
from game.paths import is_shipped

FORMAT = 1
"""Changes when the layout of a cache file changes."""


@cache
def _source_stamp() -> bytes:
    """The source of every module that decides the built content (the loader's and the engine's)."""
    digest = hashlib.sha256()
    here = Path(__file__).resolve().parent
    for folder in (here, here.parent / "engine"):
        for path in sorted(folder.glob("*.py")):
            digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.digest()


def _folder() -> Path | None:
    where = cache_folder()
    return None if where is None else where / "built"


def key_of(folders: list[Path], language: str) -> str | None:
    """The name of the load of ``folders`` in ``language``; None when a file cannot be read (the load will say why)."""
    from game import __version__
    from game.packs.translations import files_of, strict_fallback

    digest = hashlib.sha256(f"{FORMAT}\0{__version__}\0".encode() + _source_stamp())
    digest.update(f"{language}\0{strict_fallback()}\0".encode())
    for folder in folders:
        quiet = Problems()
        files = reader._pack_files(folder, quiet)
        if quiet:
            return None
        digest.update(f"{folder}\0{os.path.abspath(folder)}\0{is_shipped(folder)}\0".encode())
        try:
            for path in [*files, *files_of(folder).values()]:
                if path.stat().st_size > reader.MAX_FILE_BYTES:
                    return None
                digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
        except (OSError, ValueError):
            return None
    return digest.hexdigest()


class _Stored(msgspec.Struct):
    format: int
    key: str
    names: msgspec.Raw  # msgpack of Names
    content: msgspec.Raw  # msgpack of Content's fields


def load(key: str) -> Content | None:
    """The content stored under ``key``, or None if there is none or it cannot be trusted."""
    where = _folder()
    if where is None:
        return None
    try:
        blob = (where / f"{key}.msgpack").read_bytes()
    except OSError:
        return None
    payload = blob[32:]
    if len(blob) < 32 or hashlib.sha256(payload).digest() != blob[:32]:
        return None
    try:
        stored = _STORED.decode(payload)
        if stored.format != FORMAT or stored.key != key:
            return None
        names = _names_decoder().decode(stored.names)
        token = _NAMES.set(names)
        try:
            content: Content = _decoder().decode(stored.content)
        finally:
            _NAMES.reset(token)
        return content
    except (msgspec.DecodeError, msgspec.ValidationError, TypeError, ValueError):
        return None


def store(key: str, content: Content, names: Names) -> None:
    """Keep ``content`` (loaded without errors) under ``key``; a cache that cannot be written is simply not used."""
    where = _folder()
    if where is None:
        return
    fields = {f.name: getattr(content, f.name) for f in dataclasses.fields(content)}
    with contextlib.suppress(OSError, msgspec.EncodeError, TypeError):
        encode = msgspec.msgpack.Encoder(enc_hook=_encode_expression).encode
        payload = encode(_Stored(FORMAT, key, msgspec.Raw(encode(names)), msgspec.Raw(encode(fields))))
        write_checked(where / f"{key}.msgpack", payload)
        _prune(where)


KEPT = 8
"""Cache files kept: the most recently written (each change of packs, language or game writes a new one)."""


def _prune(where: Path) -> None:
    """Remove all but the :data:`KEPT` newest cache files, so the folder does not grow with every change."""
    files = sorted(where.glob("*.msgpack"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
    for old in files[KEPT:]:
        with contextlib.suppress(OSError):
            old.unlink()


def _encode_expression(obj: Any) -> Any:
    if isinstance(obj, Effects):
        return obj.values()
    if isinstance(obj, Compiled):
        if obj.is_constant:
            return (obj.source, obj.type, (), True, obj.eval(None))
        return (obj.source, obj.type, sorted(obj.depends), False, None)
    raise TypeError(f"cannot keep a {type(obj).__name__} in the content cache")


_NAMES: ContextVar[Names] = ContextVar("names")
"""The names the expressions being decoded were checked against."""


def _decode_expression(kind: type, obj: Any) -> Any:
    if kind is Effects:
        values = msgspec.convert(obj, _effect_values(), dec_hook=_decode_expression)
        return Effects(**{key: getattr(values, key) for key in BY_KEY})
    if kind is not Expression:
        raise TypeError(f"unexpected {kind} in the content cache")
    source, type_, depends, is_constant, value = obj
    if is_constant:
        return constant(value, source)
    return Compiled.later(source, type_, frozenset(depends), _NAMES.get())


_STORED = msgspec.msgpack.Decoder(_Stored)


@cache
def _effect_values() -> type[msgspec.Struct]:
    """A block of effects as stored: each kind's compiled value by its key (see :data:`game.engine.effects.KINDS`)."""
    fields = [(kind.key, kind.shape.compiled_type, kind.shape.empty) for kind in KINDS]
    return msgspec.defstruct("EffectValues", fields, forbid_unknown_fields=True)


@cache
def _names_decoder() -> msgspec.msgpack.Decoder[Names]:
    return msgspec.msgpack.Decoder(Names)


@cache
def _decoder() -> msgspec.msgpack.Decoder[Content]:
    """One decoder for the process (making one walks every type of the content model)."""
    return msgspec.msgpack.Decoder(Content, dec_hook=_decode_expression)
