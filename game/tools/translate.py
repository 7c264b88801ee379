"""``citizen translate extract|check|stats``: the translators' toolkit for pack translations (docs/translating.md)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from game.tools.common import CliError

if TYPE_CHECKING:
    from game.packs.layers import Layered
    from game.packs.problems import Problems
    from game.packs.translatable import Source
    from game.packs.translations import Entry, TranslationFile


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("translate", help="translate packs: extract strings, check translations, show how far they are")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    extract = actions.add_parser(
        "extract", help="write or update PACK/lang/LANG.toml: new strings with the source as a comment, translations kept"
    )
    extract.add_argument("pack", type=Path, help="the pack folder")
    extract.add_argument("--lang", required=True, metavar="CODE", help="the language code, e.g. sv or nl")
    extract.set_defaults(run=run_extract)
    check = actions.add_parser(
        "check", help="missing, stale, extra and mismatched translations as FILE:LINE lines (exit 1 with --strict)"
    )
    check.add_argument("paths", nargs="+", type=Path, metavar="PACK", help="pack folders or folders of packs (e.g. content)")
    check.add_argument("--lang", metavar="CODE", help="only this language (default: every language the packs have a file for)")
    check.add_argument("--strict", action="store_true", help="exit 1 on any finding, not only on errors")
    check.set_defaults(run=run_check)
    stats = actions.add_parser("stats", help="per pack and language: the share translated and up to date")
    stats.add_argument(
        "paths", nargs="*", type=Path, metavar="PACK", help="pack folders or folders of packs (default: installed)"
    )
    stats.add_argument("--lang", metavar="CODE", help="only this language")
    stats.set_defaults(run=run_stats)


def _language(code: str | None) -> str | None:
    from game.packs.translations import LANGUAGE

    if code is not None and not LANGUAGE.match(code):
        raise CliError(f"'{code}' is not a language code: write two or three lower case letters, like sv or nl")
    return code


def _load(paths: list[Path]) -> tuple[Layered, Problems, set[str]]:
    """Read and layer the named packs with their dependencies; the ids of the named ones."""
    from game.packs.cache import read_pack
    from game.packs.layers import layer, order_packs
    from game.packs.loader import discover_packs
    from game.packs.problems import Problems
    from game.packs.resolve import read_manifest, with_dependencies

    for path in paths:
        if not path.is_dir():
            raise CliError(f"{path}: no such pack folder")
    named = {read_manifest(folder).id for folder in discover_packs(paths)}
    if not named:
        raise CliError(f"no pack in {', '.join(map(str, paths))}: a pack folder has a pack.toml")
    problems = Problems()
    folders = discover_packs(with_dependencies(paths), problems)
    ordered = order_packs([read_pack(folder, problems) for folder in folders], problems)
    layered = layer(ordered, problems)
    errors = [p for p in problems.items if p.severity == "error"]
    if errors:
        for problem in errors[:20]:
            print(problem, file=sys.stderr)
        raise CliError("the packs have errors (listed above); fix them first ('citizen validate' lists them all)", 1)
    return layered, problems, named


def _own_language(layered: Layered, pack_id: str) -> str:
    for pack in layered.packs:
        if pack.id == pack_id and pack.meta is not None:
            return (pack.meta.languages[:1] or ["en"])[0]
    return "en"


# -- extract -----------------------------------------------------------------------------------------


def run_extract(args: argparse.Namespace) -> int:
    from game.packs.problems import Problems
    from game.packs.translatable import sources
    from game.packs.translations import FOLDER, files_of, read_file

    language = _language(args.lang)
    assert language is not None
    folder: Path = args.pack
    if not (folder / "pack.toml").is_file():
        raise CliError(f"{folder}: not a pack folder (no pack.toml); name one pack, e.g. content/rongcheng")
    layered, _problems, named = _load([folder])
    (pack_id,) = named
    own_language = _own_language(layered, pack_id)
    if language == own_language:
        raise CliError(f"pack '{pack_id}' is written in {language}: translate it into another language")
    path = files_of(folder).get(language) or folder / FOLDER / f"{language}.toml"
    existing: TranslationFile | None = None
    if path.exists() or path.is_symlink():  # a link, even one to nowhere, is refused by read_file, not replaced
        problems = Problems()
        existing = read_file(path, pack_id, language, problems)
        if problems.items or existing is None:
            for problem in problems.items:
                print(problem, file=sys.stderr)
            raise CliError(f"{path}: fix the problems above first; nothing was written", 1)
    strings = sources(layered)
    text, counts = render(folder, pack_id, language, strings, existing, own_language)
    from game.text_files import replace_text

    try:
        replace_text(path, text)
    except OSError as exc:
        raise CliError(f"{path}: cannot write the translation file: {exc.strerror or exc}", 1) from None
    print(
        f"{path}: {counts['strings']} strings; {counts['new']} new, {counts['todo']} to translate, "
        f"{counts['stale']} stale, {counts['gone']} no longer in the pack, {counts['moved']} kept under a new id"
    )
    return 0


def _toml(text: str) -> str:
    """A TOML basic string (JSON's escapes are TOML's; TOML also wants DEL escaped)."""
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


def render(
    folder: Path,
    pack_id: str,
    language: str,
    strings: dict[str, Source],
    existing: TranslationFile | None,
    own_language: str,
) -> tuple[str, dict[str, int]]:
    """The translation file's text: the pack's strings in file order, translations kept; and counts."""
    from game.packs.translations import source_hash

    old: dict[str, Entry] = dict(existing.entries) if existing else {}
    counts = {"strings": 0, "new": 0, "todo": 0, "stale": 0, "gone": 0, "moved": 0}
    # a string whose id changed (an item moved or renamed) but whose text did not keeps its translation
    moved_from = {
        e.old_source: key for key, e in old.items() if key not in strings and e.text and e.old_source is not None
    }
    for key, source in strings.items():
        if source.pack == pack_id and key not in old and (previous := moved_from.pop(source.text, None)) is not None:
            old[key] = old.pop(previous)
            counts["moved"] += 1
    lines = [
        f"# The {language} translation of pack '{pack_id}', kept up to date by 'citizen translate extract'.",
        f"# Fill in each text = \"\". The '# {own_language} = …' line above an entry is the text it translates;",
        "# keep {placeholders} and [b]markup[/b] as they are. When the source changes, 'citizen translate check'",
        "# calls the entry stale: update the text, delete its hash, and run extract again. See docs/translating.md.",
        "",
        "[translation]",
        f"pack = {_toml(pack_id)}",
        f"language = {_toml(language)}",
        "",
        "[strings]",
    ]

    def entry_lines(source: Source) -> list[str]:
        now = source_hash(source.text)
        entry = old.pop(source.key, None)
        counts["strings"] += 1
        if entry is None or not entry.text or not entry.hash or entry.hash == now:
            text = entry.text if entry else ""
            counts["new"] += entry is None
            counts["todo"] += not text
            entry_line = f"{_toml(source.key)} = {{ text = {_toml(text)}, hash = \"{now}\" }}"
            return [f"# {own_language} = {_toml(source.text)}", entry_line]
        counts["stale"] += 1  # the translation is of an older text: keep its hash, so check keeps saying so
        was = [f"# {own_language} = {_toml(entry.old_source)}"] if entry.old_source is not None else []
        return [
            *was,
            f"# changed to: {_toml(source.text)}",
            f"{_toml(source.key)} = {{ text = {_toml(entry.text)}, hash = \"{entry.hash}\" }}",
        ]

    root = folder.resolve()
    last_item = None
    for source in strings.values():
        if source.pack != pack_id:
            continue
        if source.item is not last_item:
            last_item = source.item
            lines += ["", f"# {_relative(source.file, root)} · {source.prefix.replace('.', ' ', 1)}"]
        lines += entry_lines(source)
    theirs = [key for key in old if key in strings]
    if theirs:
        lines += ["", "# Strings of the packs this pack depends on, translated here"]
        for key in theirs:
            lines += entry_lines(strings[key])
    if old:
        lines += ["", "# No longer in the packs: keep what you can reuse, then delete these"]
        for key, entry in old.items():
            counts["gone"] += 1
            was = [f"# {own_language} = {_toml(entry.old_source)}"] if entry.old_source is not None else []
            lines += [*was, f"{_toml(key)} = {{ text = {_toml(entry.text)}, hash = {_toml(entry.hash)} }}"]
    return "\n".join(lines) + "\n", counts


def _relative(shown: str, root: Path) -> str:
    try:
        return Path(shown).resolve().relative_to(root).as_posix()
    except ValueError:
        return Path(shown).name


# -- check and stats -----------------------------------------------------------------------------------


KINDS = ("missing", "stale", "extra", "mismatch", "unconfirmed")


def run_check(args: argparse.Namespace) -> int:
    from game.packs.translatable import sources
    from game.packs.translations import check_unread, compare, languages_of, missing

    wanted = _language(args.lang)
    layered, problems, named = _load(args.paths)
    before = len(problems.items)
    check_unread([pack.path for pack in layered.packs if pack.id in named], problems)
    languages = [wanted] if wanted else languages_of(layered)
    if not languages:
        print("No translations yet: start one with 'citizen translate extract PACK --lang CODE'.", file=sys.stderr)
        return 0
    strings = sources(layered)
    findings = []
    summary = []
    for language in languages:
        outcome = compare(layered, language, problems, strings)
        own = {pack for pack in named if _own_language(layered, pack) != language}
        found = [f for f in outcome.findings if f.pack in named] + missing(outcome, own)
        findings += found
        total = sum(1 for s in strings.values() if s.pack in own)
        kinds = {kind: sum(1 for f in found if f.kind == kind) for kind in KINDS}
        summary.append(f"{language}: {total} strings; " + ", ".join(f"{n} {kind}" for kind, n in kinds.items()))
    file_errors = problems.items[before:]
    for problem in file_errors:
        print(problem)
    for finding in sorted(findings, key=lambda f: (f.file, f.line, f.key, f.language)):
        print(finding.shown() if len(languages) == 1 else finding.shown().replace(": ", f": [{finding.language}] ", 1))
    for line in summary:
        print(line, file=sys.stderr)
    errors = any(p.severity == "error" for p in file_errors) or any(f.is_error for f in findings)
    return 1 if errors or (args.strict and findings) else 0


def run_stats(args: argparse.Namespace) -> int:
    from game import paths as game_paths
    from game.packs.translatable import sources
    from game.packs.translations import compare, languages_of

    wanted = _language(args.lang)
    targets = args.paths or game_paths.default_pack_paths()
    layered, problems, named = _load(targets)
    strings = sources(layered)
    languages = [wanted] if wanted else languages_of(layered)
    if not languages:
        print("No translations yet: start one with 'citizen translate extract PACK --lang CODE'.")
        return 0
    print(f"{'pack':<16} {'language':<9} {'strings':>8} {'translated':>11} {'up to date':>11}")
    for language in languages:
        outcome = compare(layered, language, problems, strings)
        written = {key for f in outcome.files for key, entry in f.entries.items() if entry.text}
        for pack in layered.packs:
            if pack.id not in named or _own_language(layered, pack.id) == language:
                continue
            keys = [key for key, s in strings.items() if s.pack == pack.id]
            if not keys:
                continue
            done = sum(1 for key in keys if key in written)
            current = sum(1 for key in keys if key in outcome.texts)
            print(f"{pack.id:<16} {language:<9} {len(keys):>8} {_share(done, len(keys)):>11} {_share(current, len(keys)):>11}")
    return 0


def _share(n: int, total: int) -> str:
    return f"{100 * n / total:.0f}%" if total else "-"
