"""Read one pack folder: safe file access, TOML parsing, schema conversion.

Everything found goes into :class:`PackSource` with the file and line it came
from; every problem goes into a :class:`Problems` collector, never raised.
"""

from __future__ import annotations

import difflib
import functools
import hashlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import msgspec
import tomli

from game.packs import schema
from game.packs.locate import LineIndex
from game.packs.problems import Problems

MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_PACK_BYTES = 20 * 1024 * 1024
MAX_FILES = 500
MAX_ITEMS = 20_000
MAX_DEPTH = 16
"""Folder levels inside a pack."""
MAX_FOLDERS = 2_000
TRANSLATIONS = "lang"
"""A pack's folder of translations (``lang/sv.toml``): not pack content, so not read, hashed or cached here."""


@dataclass
class Origin:
    """Where an item was declared."""

    file: str
    path: str
    index: LineIndex

    @property
    def line(self) -> int:
        return self.index.line_of(self.path)

    def at(self, sub: str) -> int:
        """Line of a key below this item (``choice[1].enable_if``)."""
        sep = "" if sub.startswith("[") else "."
        return self.index.line_of(f"{self.path}{sep}{sub}" if sub else self.path)


@dataclass
class Item:
    """One declared thing (a stat, a system, an event...) with its origin and pack."""

    value: Any
    origin: Origin
    pack: str


@dataclass
class PackSource:
    """A pack folder read and converted, before layering."""

    path: Path
    meta: schema.PackMeta | None = None
    meta_origin: Origin | None = None
    sections: dict[str, dict[str, Item]] = field(default_factory=dict)
    events: list[Item] = field(default_factory=list)
    daily: list[Item] = field(default_factory=list)
    content_hash: str = ""

    @property
    def id(self) -> str:
        return self.meta.id if self.meta else self.path.name


def display_path(path: Path) -> str:
    """A path as the user should see it: relative to the working folder if inside it."""
    absolute, here = os.path.abspath(path), os.getcwd()
    return os.path.relpath(absolute, here) if absolute.startswith(here + os.sep) else str(path)


def _pack_files(folder: Path, problems: Problems) -> list[Path]:
    """All .toml files of a pack, refusing links that lead outside it or nowhere, and folders nested too deep."""
    try:
        root = folder.resolve(strict=True)
    except (OSError, RuntimeError) as exc:
        problems.error(display_path(folder), 0, f"cannot open the pack folder: {_reason(exc)}", first=True)
        return []
    files: list[Path] = []
    folders = 0

    def unreadable(exc: OSError) -> None:
        problems.error(display_path(Path(exc.filename or folder)), 0, f"cannot read this folder: {_reason(exc)}", first=True)

    for here, subfolders, names in os.walk(folder, onerror=unreadable):  # never follows linked folders
        folders += 1
        depth = len(Path(here).relative_to(folder).parts)
        if depth == 0 and TRANSLATIONS in subfolders:
            subfolders.remove(TRANSLATIONS)  # lang/: translations, read by game.packs.translations
        if depth >= MAX_DEPTH or folders > MAX_FOLDERS:
            what = f"nested deeper than {MAX_DEPTH} levels" if depth >= MAX_DEPTH else f"more than {MAX_FOLDERS} folders"
            problems.error(display_path(Path(here)), 0, f"the pack has folders {what}; flatten it", first=True)
            subfolders[:] = []
            if folders > MAX_FOLDERS:
                break
            continue
        for name in names:
            if not name.endswith(".toml"):
                continue
            path = Path(here) / name
            if path.is_symlink():
                try:
                    target = path.resolve(strict=True)
                except (OSError, RuntimeError):
                    problems.error(
                        display_path(path), 0, "symbolic link leads nowhere or in a loop; copy the file into the pack", first=True
                    )
                    continue
                if root not in target.parents:
                    problems.error(
                        display_path(path),
                        0,
                        "symbolic link leads outside the pack folder; copy the file into the pack instead",
                        first=True,
                    )
                    continue
            if path.is_file():
                files.append(path)
    files.sort()
    if len(files) > MAX_FILES:
        problems.error(display_path(folder), 0, f"pack has {len(files)} files; the limit is {MAX_FILES}", first=True)
        return files[:MAX_FILES]
    return files


def _reason(exc: BaseException) -> str:
    """An OS error in words, without the traceback (``Permission denied``, ``Too many levels of symbolic links``)."""
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror[0].lower() + exc.strerror[1:]
    return "a symbolic link loops" if isinstance(exc, RuntimeError) else str(exc)


def _read_limited(path: Path, limit: int) -> bytes:
    """At most ``limit + 1`` bytes of ``path`` (so a file that grew since its size was checked is still caught)."""
    with path.open("rb") as f:
        return f.read(limit + 1)


def _decode(raw: bytes, shown: str, problems: Problems) -> str | None:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]  # a byte-order mark is harmless: drop it
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        problem = problems.error(
            shown, line, f"file is not valid UTF-8 (byte 0x{raw[exc.start]:02x}); save it as UTF-8", first=True
        )
        problems.lost(declared_ids(raw.decode("utf-8", errors="replace")), problem)
        return None


_TOML_WORDS = (
    ("Illegal character '\\n'", 'a quoted text is not closed on this line: add the closing quote (for many lines use """…""")'),
    ("Unclosed array", "a list [ is not closed: add ]"),
    ("Unclosed inline table", "a table { is not closed: add }"),
    ("Cannot overwrite a value", "this key is set twice: keep one"),
    ("Cannot declare", "this table is declared twice: keep one, or use [[…]] for a list of tables"),
    ("Invalid value", 'the value after = is not valid: put text in quotes, like name = "Tea"'),
    ("Expected '=' after a key", "a key needs `= value` after it"),
    ("Invalid statement", "this line is neither [table] nor key = value"),
)


def toml_words(message: str) -> str:
    """tomli's message, with what to do for the common slips."""
    for start, words in _TOML_WORDS:
        if message.startswith(start):
            return f"{words} ({message})"
    return message


def _schema_message(error: msgspec.ValidationError, struct: type, value: Any = None) -> tuple[str, str]:
    """Turn msgspec's message into (key path, friendly message with did-you-mean)."""
    text = str(error)
    match = re.match(r"(.*) - at `\$(.*)`$", text)
    message, path = (match.group(1), match.group(2)) if match else (text, "")
    unknown = re.match(r"Object contains unknown field `(.+)`", message)
    if unknown:
        key = unknown.group(1)
        target = _struct_at(struct, path)
        fields = list(_fields(target)) if target else []
        close = difflib.get_close_matches(key, fields, n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else (f"; allowed: {', '.join(fields)}" if fields else "")
        return f"{path}.{key}", f"unknown key '{key}'{hint}"
    if re.fullmatch(r"Expected `(int|float)` [<>]= -?1000000000000(\.0)?", message):
        limit = f"{schema.NUMBER_LIMIT:.0e}".replace("e+", "e")
        return path, f"a number here must be finite and between -{limit} and {limit} (inf and nan are not numbers)"
    if re.fullmatch(r"Expected `str` matching regex .*", message):
        if "(19|20)" in message:
            return path, "a date must be written YYYY-MM-DD, from 1900 to 2099"
        if "[a-z][a-z0-9_]" in message:
            return path, "an id must be lower case letters, digits and _ (starting with a letter), nothing else"
        return path, "this value has characters or a form it may not have" + (f" ({message[9:]})" if len(message) < 120 else "")
    missing = re.match(r"Object missing required field `(.+)`", message)
    if missing:
        return path, f"missing required key '{missing.group(1)}': add {missing.group(1)} = …"
    return path, plain_type_message(message, path, value)


_TYPE_WORDS = {
    "int": "a whole number",
    "float": "a number",
    "int | float": "a number",
    "str": "text in quotes",
    "bool": "true or false",
    "array": "a list in [ ]",
    "object": "a table",
    "int | float | str": "a number, or an expression in quotes",
    "str | int | float": "a number, or an expression in quotes",
}
_KEY_WORDS = {
    "cooldown": "a whole number of days",
    "limit_days": "a whole number of days",
    "days": "a whole number of days",
    "after": "a whole number of days",
    "by": "a day number",
    "limit": "a whole number of times",
    "age": "a whole number of years",
    "order": "a whole number",
}
"""What a number key counts, for messages."""


def _at(value: Any, path: str) -> Any:
    """The raw value at a msgspec error path, or None."""
    for name, index in re.findall(r"\.([^.\[]+)|\[(\d+)\]", path):
        if index and isinstance(value, list) and int(index) < len(value):
            value = value[int(index)]
        elif name and isinstance(value, dict) and name in value:
            value = value[name]
        else:
            return None
    return value


def plain_type_message(message: str, path: str, root: Any) -> str:
    """msgspec's "Expected `int`, got `str`" in plain words, naming the key and the fix."""
    names = re.findall(r"\.([A-Za-z0-9_]+)", path)
    key = names[-1] if names else ""
    named = f"`{key}`" if key else "this value"
    expected = re.match(r"Expected `([^`]+)`, got `([^`]+)`", message)
    if expected:
        want, got = expected.groups()
        words = _KEY_WORDS.get(key, _TYPE_WORDS.get(want, f"`{want}`")) if want in ("int", "int | float") else None
        words = words or _TYPE_WORDS.get(want, f"`{want}`")
        raw = _at(root, path)
        fix = ""
        if want == "array" and raw is not None:
            fix = f"; put it in brackets: [{_toml_value(raw)}]"
        elif got == "str" and isinstance(raw, str):
            number = re.fullmatch(r"\s*-?\d+(\.\d+)?\s*", raw) and want != "str"
            if number or (raw.strip() in ("true", "false") and want == "bool"):
                fix = f"; remove the quotes around {raw.strip()}"
        elif got == "float" and want == "int":
            fix = f", not {raw}" if raw is not None else ""
        elif want == "str" and got in ("int", "float", "bool"):
            fix = f'; put it in quotes: "{str(raw).lower() if got == "bool" else raw}"' if raw is not None else ""
        return f"{named} must be {words}{fix}"
    pattern = re.match(r"Expected `str` matching regex", message)
    if pattern:
        return f"{named} must be lower case letters, digits and _ (starting with a letter), like money_saved"
    longer = re.match(r"Expected `(str|array|object)` of length <= (\d+)", message)
    if longer:
        unit = "characters" if longer.group(1) == "str" else "items"
        return f"{named} is too long: at most {longer.group(2)} {unit}; shorten it"
    bound = re.match(r"Expected `(int|float|int \| float)` (>=|<=|>|<) (-?[\d.]+)", message)
    if bound:
        return f"{named} must be {bound.group(2)} {bound.group(3)}"
    choice = re.match(r"Invalid enum value (.+)", message)
    if choice:
        return f"{named} cannot be {choice.group(1)}; see docs/pack-format.md for the values it takes"
    return f"{named}: {message[0].lower()}{message[1:]}"


def _toml_value(raw: Any) -> str:
    return f'"{raw}"' if isinstance(raw, str) else str(raw).lower() if isinstance(raw, bool) else str(raw)


@functools.cache
def _fields(struct: type) -> dict[str, Any]:
    """A struct's keys and their types (cached: msgspec resolves the annotations on every call)."""
    return {f.encode_name: f.type for f in msgspec.structs.fields(struct)}


def _struct_at(struct: type, path: str) -> type | None:
    """Follow a msgspec error path (``.choice[1].outcome[0]``) through the structs."""
    current: Any = struct
    for name in re.findall(r"\.([A-Za-z0-9_]+)", path):
        if not (isinstance(current, type) and issubclass(current, msgspec.Struct)):
            return None
        by_name = _fields(current)
        if name not in by_name:
            return None
        current = _unwrap(by_name[name])
    return current if isinstance(current, type) and issubclass(current, msgspec.Struct) else None


def _unwrap(tp: Any) -> Any:
    """list[X] → X, X | None → X, Annotated[X, ...] → X."""
    for _ in range(4):
        args = getattr(tp, "__args__", None) or (getattr(tp, "__metadata__", None) and (tp.__origin__,))
        if getattr(tp, "__metadata__", None):
            tp = tp.__origin__
            continue
        if args:
            structs = [a for a in args if isinstance(a, type) and issubclass(a, msgspec.Struct)]
            tp = structs[0] if structs else args[0]
            continue
        break
    return tp


def _convert(value: Any, struct: type, origin: Origin, problems: Problems, lost: tuple[str, ...] = ()) -> Any:
    """Convert ``value`` to ``struct``. An unknown key is reported and left out, so that the item is
    still checked (and loaded) for the rest; any other error drops the item, and ``lost`` (the ids it
    declares) is said to follow from that error."""
    for _ in range(MAX_UNKNOWN_KEYS):
        try:
            return msgspec.convert(value, struct)
        except msgspec.ValidationError as exc:
            path, message = _schema_message(exc, struct, value)
            problem = problems.error(origin.file, origin.at(path.lstrip(".")), message)
            unknown = re.match(r"Object contains unknown field `(.+?)`(?: - at `\$(.*)`)?$", str(exc))
            trimmed = _without(value, unknown.group(2) or "", unknown.group(1)) if unknown else None
            if trimmed is None:
                problems.lost(lost, problem)
                return None
            value = trimmed
    return None


MAX_UNKNOWN_KEYS = 20
"""Unknown keys reported in one item before it is given up."""


def _without(value: Any, path: str, key: str) -> Any:
    """A copy of ``value`` with ``key`` removed from the table at ``path`` (``.choice[0].outcome[1]``); None if not found."""
    steps: list[str | int] = [int(i) if i else n for n, i in re.findall(r"\.([A-Za-z0-9_\-]+)|\[(\d+)\]", path)]

    def strip(node: Any, rest: list[str | int]) -> Any:
        if not rest:
            if not isinstance(node, dict) or key not in node:
                raise LookupError(key)
            return {k: v for k, v in node.items() if k != key}
        head, tail = rest[0], rest[1:]
        if isinstance(head, int) and isinstance(node, list) and 0 <= head < len(node):
            return [strip(v, tail) if i == head else v for i, v in enumerate(node)]
        if isinstance(head, str) and isinstance(node, dict) and head in node:
            return {k: strip(v, tail) if k == head else v for k, v in node.items()}
        raise LookupError(head)

    try:
        return strip(value, steps)
    except LookupError:
        return None


_DECLARED = re.compile(r"""^\s*\[\[?\s*[a-z_]+\.([a-z0-9_.]+)\s*\]|^\s*id\s*=\s*["']([a-z][a-z0-9_]*)["']""", re.M)


def declared_ids(text: str) -> set[str]:
    """Ids a file seems to declare (table headers and ``id = "…"`` lines), for a file that could not be parsed."""
    found: set[str] = set()
    for dotted, ident in _DECLARED.findall(text):
        if ident:
            found.add(ident)
        elif dotted:
            parts = dotted.split(".")
            found.add(parts[-1])
            found.add(parts[0])
    return found


def read_pack(folder: Path, problems: Problems) -> PackSource:
    """Read, parse and convert every file of the pack at ``folder``."""
    source = PackSource(folder)
    digest = hashlib.sha256()
    total = 0
    files = _pack_files(folder, problems)
    if not (folder / "pack.toml").is_file():
        problems.error(display_path(folder), 0, "not a pack: pack.toml is missing (create one with a [pack] table)", first=True)
        return source
    for path in files:
        shown = display_path(path)
        try:
            size = path.stat().st_size
            raw = b"" if size > MAX_FILE_BYTES else _read_limited(path, MAX_FILE_BYTES)
        except OSError as exc:
            problems.error(shown, 0, f"cannot read this file: {_reason(exc)}", first=True)
            continue
        size = max(size, len(raw))
        total += size
        if size > MAX_FILE_BYTES:
            problems.error(shown, 0, f"file is {size // 1024} KiB; the limit is {MAX_FILE_BYTES // 1024} KiB", first=True)
            continue
        if total > MAX_PACK_BYTES:
            problems.error(shown, 0, f"pack is larger than {MAX_PACK_BYTES // (1024 * 1024)} MiB", first=True)
            break
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + raw + b"\0")
        text = _decode(raw, shown, problems)
        if text is None:
            continue
        try:
            data = tomli.loads(text)
        except tomli.TOMLDecodeError as exc:
            line = getattr(exc, "lineno", 0) or 0
            message = getattr(exc, "msg", str(exc))
            problem = problems.error(shown, line, f"TOML syntax error: {toml_words(message)}", first=True)
            problems.lost(declared_ids(text), problem)
            continue
        except RecursionError:
            problems.lost(declared_ids(text), problems.error(shown, 0, "TOML is nested too deeply", first=True))
            continue
        _read_document(data, shown, LineIndex(text), source, problems, is_manifest=path == folder / "pack.toml")
    source.content_hash = digest.hexdigest()[:16]
    if source.meta is None and (folder / "pack.toml").is_file():
        problems.error(display_path(folder / "pack.toml"), 1, "pack.toml has no [pack] table with id and name")
    return source


def _read_document(
    data: dict[str, Any], shown: str, index: LineIndex, source: PackSource, problems: Problems, is_manifest: bool
) -> None:
    for key, value in data.items():
        struct = schema.SECTION_TYPES.get(key)
        if struct is None:
            close = difflib.get_close_matches(key, list(schema.SECTION_TYPES), n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else f"; allowed: {', '.join(schema.SECTION_TYPES)}"
            problems.error(shown, index.line_of(key), f"unknown section '{key}'{hint}")
            continue
        if key == "pack":
            origin = Origin(shown, "pack", index)
            if not is_manifest:
                problems.error(shown, origin.line, "[pack] belongs in pack.toml only")
                continue
            source.meta = _convert(value, struct, origin, problems)
            source.meta_origin = origin
            continue
        if key in ("event", "daily"):
            if not isinstance(value, list):
                problems.error(shown, index.line_of(key), f"'{key}' must be an array of tables: write [[{key}]]")
                continue
            target = source.events if key == "event" else source.daily
            _check_count(value, key, shown, index, problems)
            for i, item in enumerate(value[:MAX_ITEMS]):
                origin = Origin(shown, f"{key}[{i}]", index)
                ident = item.get("id") if isinstance(item, dict) else None
                converted = _convert(item, struct, origin, problems, (ident,) if isinstance(ident, str) else ())
                if converted is not None:
                    target.append(Item(converted, origin, ""))
            continue
        if not isinstance(value, dict):
            problems.error(shown, index.line_of(key), f"'{key}' must be a table: write [{key}.ID]")
            continue
        section = source.sections.setdefault(key, {})
        _check_count(value, key, shown, index, problems)
        if key == "rules":
            for system, rules in value.items():
                if not isinstance(rules, dict):
                    problems.error(
                        shown,
                        index.line_of(f"rules.{system}"),
                        f"rules.{system} must be a table of rules: write [rules.{system}.RULE_ID]",
                    )
                    continue
                for rule_id, rule in list(rules.items())[:MAX_ITEMS]:
                    origin = Origin(shown, f"rules.{system}.{rule_id}", index)
                    _add(section, (system, rule_id), rule, struct, origin, problems)
            continue
        for item_id, item in list(value.items())[:MAX_ITEMS]:
            _add(section, (item_id,), item, struct, Origin(shown, f"{key}.{item_id}", index), problems)


def _check_count(value: list[Any] | dict[str, Any], key: str, shown: str, index: LineIndex, problems: Problems) -> None:
    if len(value) > MAX_ITEMS:
        problems.error(shown, index.line_of(key), f"'{key}' has {len(value)} items; the limit is {MAX_ITEMS} per file")


_ID = re.compile(schema.ID_PATTERN)


def _add(section: dict[str, Item], parts: tuple[str, ...], value: Any, struct: type, origin: Origin, problems: Problems) -> None:
    """Check the id (every part, as a table key skips the schema) and convert the item into ``section``."""
    item_id = ".".join(parts)
    for part in parts:
        if not _ID.match(part) or len(part) > 64:
            problems.error(
                origin.file,
                origin.line,
                f"id '{part[:80]}' must be at most 64 lower case letters, digits and _ (starting with a letter)",
            )
            return
    if item_id in section:
        first = section[item_id].origin
        problems.error(
            origin.file, origin.line, f"'{origin.path}' is declared twice in this pack (first at {first.file}:{first.line})"
        )
        return
    converted = _convert(value, struct, origin, problems, (item_id, parts[-1]))
    if converted is not None:
        section[item_id] = Item(converted, origin, "")
