"""``citizen debrief SAVE_OR_DIR… [--html OUT] [--md OUT]``: the report of one life or of a class.

Saves are read through :mod:`game.saves` (replayed and checked); the figures
come from :mod:`game.reports`. With no output file, a summary is printed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from game import config
from game.tools.common import CliError, load_for_cli

HTML_SUFFIXES = (".html", ".htm")
MD_SUFFIXES = (".md", ".markdown", ".txt")


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("debrief", help="the debrief report of saved lives (a class's, or one)")
    p.add_argument("paths", nargs="+", type=Path, metavar="SAVE_OR_DIR", help="save files, or folders of saves (a workshop's)")
    p.add_argument("--html", type=Path, metavar="OUT", help="write the report as one self-contained HTML file")
    p.add_argument("--md", type=Path, metavar="OUT", help="write the report as Markdown")
    p.add_argument("--workshop", type=Path, metavar="FILE", help="the workshop file (default: found beside the saves)")
    p.add_argument("--pack", action="append", type=Path, default=[], metavar="PATH", help="load another pack (repeatable)")
    p.add_argument("--title", help="the report's title (default: the workshop's, or the scenario's)")
    p.set_defaults(run=run)


def _check_out(path: Path | None, suffixes: tuple[str, ...], flag: str) -> None:
    if path is None:
        return
    if path.is_dir():
        raise CliError(f"{flag} {path}: that is a folder; give a file name such as {path / ('report' + suffixes[0])}")
    if path.suffix.lower() not in suffixes:
        raise CliError(f"{flag} {path}: the file name must end in {' or '.join(suffixes)} (this protects other files)")


def run(args: argparse.Namespace) -> int:
    from game.reports.debrief import build_debrief
    from game.tools.debrief_input import find_saves, find_workshop, load_lives, workshop_settings

    _check_out(args.html, HTML_SUFFIXES, "--html")
    _check_out(args.md, MD_SUFFIXES, "--md")
    files = find_saves(args.paths)
    workshop, content = find_workshop(args.workshop, args.paths, args.pack)
    if content is None:
        content = load_for_cli(args.pack)
    played, skipped = load_lives(files, content)
    for path, message in skipped:
        print(f"citizen debrief: skipped {path}: {message}", file=sys.stderr)
    if not played:
        raise CliError("no save could be read (see above); nothing to debrief", 1)
    if args.html is not None and args.html.resolve() in {f.resolve() for f in files}:
        raise CliError(f"--html {args.html} is one of the saves; choose another file name")
    from game.reports.prompts import Prompts

    prompts = Prompts.of(workshop.prompts) if workshop else Prompts()
    settings = workshop_settings(workshop, played)
    title = args.title or (workshop.title if workshop else "")
    language = workshop.spec.language if workshop else config.setting("language").value or "en"
    debrief = build_debrief(content, played, title=title, prompts=prompts, settings=settings, language=language)
    written = False
    if args.html is not None:
        from game.reports.html_report import render_html

        _write(args.html, render_html(debrief))
        written = True
    if args.md is not None:
        from game.reports.markdown_report import render_markdown

        _write(args.md, render_markdown(debrief))
        written = True
    if not written:
        from game.reports.terminal import render_terminal
        from game.safe_text import console

        render_terminal(debrief, console(), " ".join(str(p) for p in args.paths))
    return 0


def _write(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` in one step (a temporary file renamed), so a half report never replaces a whole one."""
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise CliError(f"cannot write {path}: {exc.strerror or exc}", 1) from None
    print(f"wrote {path}", file=sys.stderr)
