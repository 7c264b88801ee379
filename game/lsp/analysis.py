"""What the language server knows about a pack, without the protocol: problems, completion, hover, definition.

A :class:`Workspace` finds the pack a file belongs to (the nearest folder with
``pack.toml``), loads it with the packs it depends on through the same loader
as ``citizen validate`` (so the diagnostics are the validator's), and keeps the
catalogue of ids (:mod:`game.packs.catalogue`) for completion, hover and
go-to-definition. Unsaved text is checked on a copy of the pack folder.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from game.packs.catalogue import Catalogue, Entry, build_catalogue
from game.packs.expr import FUNCTION_USAGE
from game.packs.loader import inspect
from game.packs.problems import Problem
from game.packs.resolve import with_dependencies

KEY_KINDS: dict[str, tuple[str, ...]] = {
    "record": ("rules", "acts"),
    "grant": ("privileges",),
    "revoke": ("privileges",),
    "grant_up": ("privileges",),
    "requires": ("privileges",),
    "enlist": ("lists",),
    "delist": ("lists",),
    "lists": ("lists",),
    "befriend": ("characters",),
    "unfriend": ("characters",),
    "friends": ("characters",),
    "character": ("characters",),
    "enrol": ("systems",),
    "leave": ("systems",),
    "systems": ("systems",),
    "optional_systems": ("systems",),
    "compare": ("systems",),
    "flags": ("flags",),
    "unflag": ("flags",),
    "event": ("events",),
    "city": ("cities",),
}
"""Keys whose values are ids, and the kinds they name."""

TABLE_KINDS = {"stats": ("stats",), "scores": ("systems",), "settings": ("settings",), "character_scores": ("characters",)}
"""Inline tables whose keys are ids."""

EXPRESSION_KEYS = {"when", "show_if", "enable_if", "weight", "points", "chance"}

NAMESPACES = {"stat": "stats", "score": "systems", "tier": "systems", "flag": "flags", "setting": "settings"}
FUNCTION_KINDS = {
    "has": "privileges",
    "listed": "lists",
    "enrolled": "systems",
    "at_least": "systems",
    "in_city": "cities",
    "friend": "characters",
    "fired": "events",
    "chose": "events",
    "goal_met": "goals",
    "char_score": "characters",
}
NAMES = ("day", "days_left", "date", "month", "weekday", "season", "city", "true", "false", "and", "or", "not", "in")

_WORD = re.compile(r"[A-Za-z0-9_]+")


@dataclass(frozen=True)
class Suggestion:
    """One completion: the text to insert, what it is, and a line about it."""

    label: str
    kind: str  # "id", "function", "name", "namespace"
    detail: str = ""
    documentation: str = ""


def pack_folder(path: Path) -> Path | None:
    """The pack a file belongs to: the nearest folder above it that holds pack.toml."""
    for folder in [path.parent, *path.parents]:
        if (folder / "pack.toml").is_file():
            return folder
    return None


@dataclass
class Analysis:
    """One pack loaded with its dependencies: every problem (by absolute file) and the catalogue."""

    folder: Path
    problems: dict[str, list[Problem]]
    catalogue: Catalogue


class Workspace:
    """Analyses by pack folder, rebuilt when a file changes."""

    def __init__(self) -> None:
        self.analyses: dict[Path, Analysis] = {}

    def analyse(self, path: Path, unsaved: str | None = None) -> Analysis | None:
        """Load the pack of ``path`` (with ``unsaved`` as that file's text, if given) and keep the result."""
        folder = pack_folder(path)
        if folder is None:
            return None
        folder = folder.resolve()
        if unsaved is None:
            analysis = self._load(folder, folder)
        else:
            with tempfile.TemporaryDirectory(prefix="citizen-lsp-") as tmp:
                copy = Path(tmp) / folder.name
                shutil.copytree(folder, copy, symlinks=True)
                (copy / path.resolve().relative_to(folder)).write_text(unsaved, encoding="utf-8")
                analysis = self._load(copy, folder)
        self.analyses[folder] = analysis
        return analysis

    def _load(self, where: Path, folder: Path) -> Analysis:
        _content, problems, layered = inspect(with_dependencies([where]))
        by_file: dict[str, list[Problem]] = {}
        prefix = str(where.resolve())
        for problem in problems:
            absolute = os.path.abspath(problem.file) if problem.file else ""
            if absolute.startswith(prefix):
                absolute = str(folder) + absolute[len(prefix) :]
            by_file.setdefault(absolute, []).append(problem)
        catalogue = build_catalogue(layered)
        if where != folder:  # the entries of the copy point back at the real files
            for kind, entries in catalogue.entries.items():
                for ident, e in entries.items():
                    real = os.path.abspath(e.file)
                    if real.startswith(prefix):
                        entries[ident] = Entry(**{**e.__dict__, "file": str(folder) + real[len(prefix) :]})
                catalogue.entries[kind] = entries
        return Analysis(folder, by_file, catalogue)

    def for_file(self, path: Path) -> Analysis | None:
        folder = pack_folder(path)
        if folder is None:
            return None
        return self.analyses.get(folder.resolve()) or self.analyse(path)


def pack_files(folder: Path) -> list[Path]:
    return sorted(p.resolve() for p in folder.rglob("*.toml"))


def line_range(text: str, line: int) -> tuple[int, int, int]:
    """(0-based line, first column, last column) of a 1-based line: the whole line, without its indent."""
    lines = text.splitlines()
    index = max(0, min(line - 1, len(lines) - 1)) if lines else 0
    content = lines[index] if lines else ""
    start = len(content) - len(content.lstrip())
    return index, start, max(len(content), start + 1)


def word_at(text: str, line: int, character: int) -> str:
    """The id-like word under a 0-based position."""
    lines = text.splitlines()
    if line >= len(lines):
        return ""
    for match in _WORD.finditer(lines[line]):
        if match.start() <= character <= match.end():
            return match.group(0)
    return ""


def _entries(catalogue: Catalogue, kinds: tuple[str, ...]) -> list[Suggestion]:
    seen: dict[str, Suggestion] = {}
    for kind in kinds:
        for ident, e in catalogue.of(kind).items():
            seen.setdefault(ident, Suggestion(ident, "id", f"{kind.rstrip('s')}: {e.name}", e.detail))
    return list(seen.values())


def complete(catalogue: Catalogue, text: str, line: int, character: int) -> list[Suggestion]:
    """What may be written at a 0-based position: ids where a key takes ids, names and functions in expressions."""
    lines = text.splitlines()
    before = lines[line][:character] if line < len(lines) else ""
    key = re.match(r"\s*([A-Za-z_][A-Za-z0-9_]*)\s*=", before)
    name = key.group(1) if key else _array_key(lines, line)
    if name in EXPRESSION_KEYS or (name in TABLE_KINDS and re.search(r"=\s*['\"][^'\"]*$", before)):
        return _complete_expression(catalogue, _open_string(before))
    if name in TABLE_KINDS and re.search(r"[{,]\s*[A-Za-z0-9_]*$", before):
        return _entries(catalogue, TABLE_KINDS[name])
    if name in KEY_KINDS:
        return _entries(catalogue, KEY_KINDS[name])
    return []


def _array_key(lines: list[str], line: int) -> str:
    """The key of a multi-line array the position is inside (``record = [`` a few lines up)."""
    for number in range(line - 1, max(-1, line - 30), -1):
        match = re.match(r"\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*\[[^\]]*$", lines[number])
        if match:
            return match.group(1)
        if "]" in lines[number] or "=" in lines[number]:
            return ""
    return ""


def _open_string(before: str) -> str:
    """The expression typed so far: the text after the value's opening quote, with TOML's \\" read as \"."""
    value = re.search(r"=\s*(['\"])(.*)$", before)
    if value is None:
        return ""
    quote, rest = value.groups()
    return rest if quote == "'" else rest.replace('\\"', '"')


def _complete_expression(catalogue: Catalogue, expression: str) -> list[Suggestion]:
    namespace = re.search(r"\b(stat|score|tier|flag|setting)\.[A-Za-z0-9_]*$", expression)
    if namespace:
        return _entries(catalogue, (NAMESPACES[namespace.group(1)],))
    call = re.search(r"\b([a-z_]+)\(\s*(?:\"[^\"]*\"\s*,\s*)*\"[A-Za-z0-9_]*$", expression)
    if call and call.group(1) in FUNCTION_KINDS:
        return _entries(catalogue, (FUNCTION_KINDS[call.group(1)],))
    out = [Suggestion(f, "function", "function", usage) for f, usage in FUNCTION_USAGE.items()]
    out += [Suggestion(f"{n}.", "namespace", f"{NAMESPACES[n]}: {n}.ID") for n in NAMESPACES]
    out += [Suggestion(n, "name", "name") for n in NAMES]
    return out


def hover(catalogue: Catalogue, word: str) -> str:
    """Markdown about every id spelled ``word``: its name, pack, place, what it does, source and reliability."""
    parts = []
    for e in catalogue.find(word):
        lines = [f"**{e.kind.rstrip('s')}** `{e.id}` — {e.name}  ", f"pack `{e.pack}`, {e.where}"]
        if e.detail:
            lines += ["", e.detail]
        if e.source:
            lines += ["", f"Source: {e.source}"]
        if e.reliability:
            lines += [f"Reliability: {e.reliability}"]
        parts.append("\n".join(lines))
    return "\n\n---\n\n".join(parts)


def definitions(catalogue: Catalogue, word: str) -> list[tuple[str, int]]:
    """(absolute file, 1-based line) of every declaration of ``word``."""
    return [(os.path.abspath(e.file), e.line) for e in catalogue.find(word)]
