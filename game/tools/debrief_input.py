"""What ``citizen debrief`` reads: the save files, the workshop beside them, and the lives in them."""

from __future__ import annotations

import sys
from pathlib import Path

from game.engine.content import Content
from game.packs.problems import Problems, shown
from game.reports.debrief import Played, settings_lines
from game.saves import SaveError, load_file
from game.tools.common import CliError
from game.workshop import Workshop, WorkshopError, open_workshop
from game.workshop.load import read_workshop

MAX_SAVES = 2000


def _saves_in(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.json") if p.is_file() and not p.name.startswith("."))


def find_saves(paths: list[Path]) -> list[Path]:
    """The save files named, or in the folders named (a workshop folder: its saves folder)."""
    files: list[Path] = []
    for path in paths:
        if path.is_file():
            files.append(path)
        elif path.is_dir():
            found = _saves_in(path)
            if not found:
                for workshop in _workshops_in(path):
                    found = _saves_in(workshop.saves_dir) if workshop.saves_dir.is_dir() else []
                    if found:
                        break
            if not found:
                raise CliError(f"no saves found in {path} (a save is a NAME.json file written by 'citizen play')", 1)
            files.extend(found)
        else:
            raise CliError(f"{path}: no such save file or folder", 1)
    unique = list(dict.fromkeys(p.resolve() for p in files))
    if len(unique) > MAX_SAVES:
        raise CliError(f"{len(unique)} saves is more than one debrief takes ({MAX_SAVES}); name fewer", 1)
    return unique


def _workshops_in(folder: Path) -> list[Workshop]:
    out = []
    for candidate in sorted(folder.glob("*.toml")):
        if candidate.name == "pack.toml":
            continue
        workshop, _ = read_workshop(candidate, Problems())
        if workshop is not None:
            out.append(workshop)
    return out


def find_workshop(
    explicit: Path | None, paths: list[Path], packs: list[Path], lang_flag: str | None = None
) -> tuple[Workshop | None, Content | None]:
    """The workshop of these saves: ``explicit``, else the one file whose saves folder they are in; its
    content in the workshop's language (or ``--lang``'s), which the report then speaks."""
    if explicit is not None:
        return _open(explicit, lang_flag)
    folders = {p.resolve() if p.is_dir() else p.resolve().parent for p in paths}
    matches: dict[Path, Workshop] = {}
    for folder in folders:
        for place in (folder, folder.parent):
            for workshop in _workshops_in(place):
                if workshop.saves_dir == folder or workshop.folder == folder:
                    matches[workshop.path.resolve()] = workshop
    if len(matches) != 1 or packs:
        return None, None
    return _open(next(iter(matches)), lang_flag)


def _open(path: Path, lang_flag: str | None) -> tuple[Workshop, Content]:
    from game.tools.common import workshop_language

    try:
        return open_workshop(path, workshop_language(lang_flag))
    except WorkshopError as exc:
        for line in shown(exc.problems):
            print(line, file=sys.stderr)
        raise CliError(f"the workshop file {path} has errors (listed above); fix them or pass --workshop", 1) from None


def load_lives(files: list[Path], content: Content) -> tuple[list[Played], list[tuple[Path, str]]]:
    """Each save replayed and checked; those that cannot be read are skipped with their message."""
    played: list[Played] = []
    skipped: list[tuple[Path, str]] = []
    for path in files:
        if path.suffix.lower() == ".toml":  # a teacher's first guess: the workshop file itself
            hint = f"a .toml file is not a save; a workshop file goes after --workshop: citizen debrief --workshop {path}"
            skipped.append((path, hint))
            continue
        try:
            loaded = load_file(path, content)
            life = loaded.life if loaded.life is not None else loaded.from_snapshot()
        except SaveError as exc:
            skipped.append((path, exc.message.removeprefix(f"{path}: ")))
            continue
        played.append(Played(life, loaded.save.player, path.name.removesuffix(".json")))
    return played, skipped


def workshop_settings(workshop: Workshop | None, played: list[Played]) -> list[tuple[str, str]]:
    """The lines 'the world they lived in': what the workshop set, or what the saves share."""
    setups = [p.life.setup for p in played]
    first = setups[0] if setups else None
    same = all(s.settings == first.settings and s.rule_overrides == first.rule_overrides for s in setups) if first else False
    content = played[0].life.content if played else None
    if workshop is not None:
        return settings_lines(
            first if same else None, scores=workshop.spec.scores, disclosed=workshop.spec.disclosed, content=content
        )
    return settings_lines(first, content=content) if same else []
