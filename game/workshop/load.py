"""Read a workshop file, find its packs and check it against them.

Every problem is collected as a :class:`~game.packs.problems.Problem` with the
file and line, so ``citizen validate`` prints them like pack problems;
:func:`open_workshop` fails fast with :class:`WorkshopError` instead.
"""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Callable, Iterable
from pathlib import Path

import msgspec
import tomli

from game import paths
from game.engine.content import Content
from game.packs.loader import validate
from game.packs.locate import LineIndex
from game.packs.problems import Problem, Problems
from game.packs.reader import display_path
from game.safe_text import is_clean, visible
from game.workshop.model import Workshop
from game.workshop.schema import PromptDef, WorkshopDef

MAX_BYTES = 512 * 1024


class WorkshopError(Exception):
    """A workshop that cannot be used; ``problems`` says every reason with its place."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(set(problems), key=lambda p: (p.file, p.line, p.message))
        super().__init__(str(self.problems[0]) if self.problems else "unknown problem")


def _hint(word: str, known: Iterable[str]) -> str:
    known = list(known)
    close = difflib.get_close_matches(word, known, n=1)
    if close:
        return f" (did you mean '{close[0]}'?)"
    return f"; known: {', '.join(sorted(known)[:12])}" if known else ""


def read_workshop(path: Path, problems: Problems) -> tuple[Workshop | None, LineIndex | None]:
    """Parse and convert ``path``; on any problem return (None, ...)."""
    shown = display_path(path)
    if not path.is_file():
        problems.error(shown, 0, "no such workshop file (create one with 'citizen workshop new FILE')")
        return None, None
    try:
        size = path.stat().st_size
        with path.open("rb") as f:  # the size is checked before reading, and no more than the limit is read
            raw = b"" if size > MAX_BYTES else f.read(MAX_BYTES + 1)
    except OSError as exc:
        problems.error(shown, 0, f"cannot read the workshop file: {exc.strerror or exc}")
        return None, None
    size = max(size, len(raw))
    if size > MAX_BYTES:
        problems.error(shown, 0, f"file is {size // 1024} KiB; a workshop file may be at most {MAX_BYTES // 1024} KiB")
        return None, None
    raw = raw.removeprefix(b"\xef\xbb\xbf")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        problems.error(shown, line, f"file is not valid UTF-8 (byte 0x{raw[exc.start]:02x}); save it as UTF-8")
        return None, None
    try:
        data = tomli.loads(text)
    except tomli.TOMLDecodeError as exc:
        problems.error(shown, getattr(exc, "lineno", 0) or 0, f"TOML syntax error: {getattr(exc, 'msg', str(exc))}")
        return None, None
    index = LineIndex(text)
    if "pack" in data and isinstance(data.get("pack"), dict):
        problems.error(shown, index.line_of("pack"), "this is a pack file, not a workshop file; validate its folder instead")
        return None, None
    if not _check_overrides(data.get("overrides"), shown, index, problems):
        return None, index
    try:
        spec = msgspec.convert(data, WorkshopDef)
    except msgspec.ValidationError as exc:
        key, message = _schema_message(str(exc))
        problems.error(shown, index.line_of(key) or 1, message)
        return None, index
    return Workshop(path, spec), index


def _check_overrides(value: object, shown: str, index: LineIndex, problems: Problems) -> bool:
    """``[overrides.SYSTEM]`` tables of numbers, checked here so that each error names its key and line."""
    if value is None:
        return True
    if not isinstance(value, dict):
        problems.error(shown, index.line_of("overrides"), "overrides must be tables: write [overrides.SYSTEM] then RULE = points")
        return False
    ok = True
    for system, rules in value.items():
        if not isinstance(rules, dict):
            problems.error(shown, index.line_of(f"overrides.{system}"), f"write [overrides.{system}] then RULE = points")
            ok = False
            continue
        for rule, points in rules.items():
            if isinstance(points, bool) or not isinstance(points, int | float) or points != points or abs(points) > 1e9:
                where = index.line_of(f"overrides.{system}.{rule}")
                problems.error(shown, where, f"overrides.{system}.{rule} must be a number of points, like -50")
                ok = False
    return ok


def _schema_message(text: str) -> tuple[str, str]:
    """msgspec's message → (key path, a friendlier message)."""
    match = re.match(r"(.*) - at `\$\.?(.*)`$", text)
    message, key = (match.group(1), match.group(2)) if match else (text, "")
    unknown = re.match(r"Object contains unknown field `(.+)`", message)
    if unknown:
        name = unknown.group(1)
        where = _fields_at(key)
        return (f"{key}.{name}" if key else name), f"unknown key '{name}'{_hint(name, where)}"
    missing = re.match(r"Object missing required field `(.+)`", message)
    if missing:
        name = missing.group(1)
        what = f"'{name}'" + (' (a number everyone shares, or "per_player")' if name == "seed" else "")
        return key, f"missing required key {what}"
    if key == "seed" or key.startswith("seed"):
        return "seed", 'seed must be a whole number from 0 to 2^53, or "per_player"'
    if key.startswith("scores"):
        return key, 'scores must be "shown", "tier" or "hidden", or a table of those per system'
    return key, f"{key}: {message[0].lower()}{message[1:]}" if key else message


def _fields_at(key: str) -> list[str]:
    struct = PromptDef if key.startswith("prompt") else WorkshopDef
    return [f.encode_name for f in msgspec.structs.fields(struct)]


def resolve_packs(workshop: Workshop, problems: Problems, index: LineIndex | None = None) -> list[Path]:
    """The pack folders a workshop plays with: all installed ones, or those it names (with their dependencies)."""
    from game.packs.resolve import installed, with_dependencies

    entries = workshop.spec.packs
    if not entries:
        return paths.default_pack_paths()
    shown = display_path(workshop.path)
    known: dict | None = None
    named: list[Path] = []
    for i, entry in enumerate(entries):
        line = index.line_of(f"packs[{i}]") if index else 0
        if "/" in entry or "\\" in entry or entry.startswith("."):
            folder = (workshop.folder / entry).resolve()
            if not folder.is_dir():
                problems.error(shown, line, f"pack folder '{entry}' not found (paths are relative to the workshop file)")
                continue
            named.append(folder)
            continue
        if known is None:
            known = installed()
        if entry not in known:
            problems.error(shown, line, f"no installed pack '{entry}'{_hint(entry, known)}")
            continue
        named.append(known[entry].folder)
    return with_dependencies(named) if named else []


def check(workshop: Workshop, content: Content, problems: Problems, index: LineIndex | None) -> None:
    """Check every id the workshop names against the loaded content."""
    spec, shown = workshop.spec, display_path(workshop.path)

    def line(key: str) -> int:
        return index.line_of(key) if index else 0

    if not is_clean(spec.saves):
        folder = visible(spec.saves[:80])
        problems.error(shown, line("saves"), f"saves: the folder '{folder}' has control characters in its name; write a path")
    if not content.scenarios:
        problems.error(shown, line("packs"), "the packs hold no scenario to play; add a pack with a [scenarios.ID] table")
        return
    if spec.scenario and spec.scenario not in content.scenarios:
        problems.error(shown, line("scenario"), f"unknown scenario '{spec.scenario}'{_hint(spec.scenario, content.scenarios)}")
        return
    if isinstance(spec.scores, dict):
        for system in spec.scores:
            if system not in content.systems:
                problems.error(shown, line(f"scores.{system}"), f"unknown system '{system}'{_hint(system, content.systems)}")
    settings = dict(spec.settings)
    if spec.appeals is not None:
        settings["appeals"] = spec.appeals
    for name, value in settings.items():
        key = "appeals" if name == "appeals" and spec.appeals is not None else f"settings.{name}"
        declared = content.settings.get(name)
        if declared is None:
            problems.error(shown, line(key), f"no pack declares the setting '{name}'{_hint(name, content.settings)}")
        elif _kind(declared.default) != _kind(value):
            kind = {"bool": "true or false", "number": "number", "text": "text"}[_kind(declared.default)]
            problems.error(shown, line(key), f"setting '{name}' takes {kind}, like its default ({declared.default!r})")
    for system, rules in spec.overrides.items():
        if system not in content.systems:
            problems.error(shown, line(f"overrides.{system}"), f"unknown system '{system}'{_hint(system, content.systems)}")
            continue
        known = content.systems[system].rules
        for rule in rules:
            if rule not in known:
                problems.error(
                    shown, line(f"overrides.{system}.{rule}"), f"system '{system}' has no rule '{rule}'{_hint(rule, known)}"
                )
    for i, prompt in enumerate(spec.prompts):
        _check_prompt(prompt, content, problems, shown, functools.partial(_prompt_line, line, i))
    from game.config import LANGUAGES

    languages = {lang for pack in content.packs for lang in pack.languages} | set(LANGUAGES)
    if spec.language not in languages:
        problems.warning(
            shown,
            line("language"),
            f"the game does not speak '{spec.language}' (it offers: {', '.join(sorted(languages))})",
        )


def _kind(value: object) -> str:
    """bool, number or text: the kinds a setting can take."""
    if isinstance(value, bool):
        return "bool"
    return "number" if isinstance(value, int | float) else "text"


def _prompt_line(line: Callable[[str], int], i: int, key: str) -> int:
    return line(f"prompt[{i}].{key}")


def _check_prompt(prompt: PromptDef, content: Content, problems: Problems, shown: str, line: Callable[[str], int]) -> None:
    if prompt.choice and not prompt.event:
        problems.error(shown, line("choice"), "a prompt's 'choice' needs the 'event' it belongs to")
    if prompt.event:
        event = content.events.get(prompt.event)
        if event is None:
            problems.error(shown, line("event"), f"unknown event '{prompt.event}'{_hint(prompt.event, content.events)}")
        elif prompt.choice and prompt.choice not in {c.id for c in event.choices}:
            choices = [c.id for c in event.choices]
            problems.error(
                shown, line("choice"), f"event '{event.id}' has no choice '{prompt.choice}'{_hint(prompt.choice, choices)}"
            )
    if prompt.rule:
        system, _, rule = prompt.rule.rpartition(".")
        if system and system not in content.systems:
            problems.error(shown, line("rule"), f"unknown system '{system}'{_hint(system, content.systems)}")
        elif system and rule not in content.systems[system].rules:
            problems.error(
                shown, line("rule"), f"system '{system}' has no rule '{rule}'{_hint(rule, content.systems[system].rules)}"
            )
        elif not system and rule not in content.rule_ids:
            problems.error(shown, line("rule"), f"no system has a rule '{rule}'{_hint(rule, content.rule_ids)}")
    if prompt.privilege and prompt.privilege not in content.privileges:
        problems.error(
            shown, line("privilege"), f"unknown privilege '{prompt.privilege}'{_hint(prompt.privilege, content.privileges)}"
        )


def validate_workshop(
    path: Path, choose_language: Callable[[str], str] | None = None
) -> tuple[Workshop | None, Content | None, list[Problem]]:
    """Read ``path``, load its packs and check it; return what loaded and every problem.

    ``choose_language`` is given the workshop's ``language`` and says the one to load the packs in
    (translated, see docs/translating.md); without it they load as written.
    """
    problems = Problems()
    workshop, index = read_workshop(path, problems)
    if workshop is None:
        return None, None, problems.items
    folders = resolve_packs(workshop, problems, index)
    if problems.errors:
        return workshop, None, problems.items
    language = choose_language(workshop.spec.language) if choose_language is not None else None
    content, pack_problems = validate(folders, language=language)
    problems.items.extend(pack_problems)
    if content is not None:
        check(workshop, content, problems, index)
    ok = not problems.errors
    return workshop, (content if ok else None), problems.items


def open_workshop(path: Path, choose_language: Callable[[str], str] | None = None) -> tuple[Workshop, Content]:
    """A workshop ready to play, with its content (in the language ``choose_language`` picks, see
    :func:`validate_workshop`).

    Raises:
        WorkshopError: the file, its packs or its ids have errors (every one is listed).
    """
    workshop, content, problems = validate_workshop(path, choose_language)
    if workshop is None or content is None:
        raise WorkshopError([p for p in problems if p.severity == "error"])
    return workshop, content
