"""``citizen debrief SAVE_OR_DIR… [--html OUT] [--md OUT]``: the report of one life or of a class.

Saves are read through :mod:`game.saves` (replayed and checked); the figures
come from :mod:`game.reports`, the pages from its templates. With no output
file, a summary is printed. ``--anonymous`` puts seats for names,
``--summary`` leaves out the pages per player, ``--scores`` shows exact scores
where the class saw only grades, ``-`` as OUT writes to standard output.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from game.tools.common import CliError, load_for_cli

if TYPE_CHECKING:
    from game.reports.debrief import Debrief
    from game.workshop import Workshop

STDOUT = Path("-")
GRADES_ONLY = ("tier", "hidden")
HTML_SUFFIXES = (".html", ".htm")
MD_SUFFIXES = (".md", ".markdown", ".txt")


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("debrief", help="the debrief report of saved lives (a class's, or one)")
    p.add_argument("paths", nargs="+", type=Path, metavar="SAVE_OR_DIR", help="save files, or folders of saves (a workshop's)")
    p.add_argument("--html", type=Path, metavar="OUT", help="write the report as one self-contained HTML file ('-': to stdout)")
    p.add_argument("--md", type=Path, metavar="OUT", help="write the report as Markdown ('-': to stdout)")
    p.add_argument("--workshop", type=Path, metavar="FILE", help="the workshop file (default: found beside the saves)")
    p.add_argument("--pack", action="append", type=Path, default=[], metavar="PATH", help="load another pack (repeatable)")
    p.add_argument(
        "--lang", metavar="CODE", help="the report's language: en, sv or nl (default: the workshop's, else the settings')"
    )
    p.add_argument("--title", help="the report's title (default: the workshop's, or the scenario's)")
    p.add_argument("--anonymous", action="store_true", help="seat numbers instead of names, everywhere (for projecting)")
    p.add_argument("--summary", action="store_true", help="the class summary alone, without a page per player")
    p.add_argument(
        "--scores", action="store_true", help="exact scores even where the class saw only grades (the workshop's scores setting)"
    )
    p.add_argument(
        "--both-premises",
        action="store_true",
        help="replay each life under the other premise (as reported / as documented) and say what changed",
    )
    p.add_argument("--templates", type=Path, metavar="DIR", help="your own copies of the report's templates (see the guide)")
    p.set_defaults(run=run)


def _check_out(path: Path | None, suffixes: tuple[str, ...], flag: str) -> None:
    if path is None or path == STDOUT:
        return
    if path.is_dir():
        raise CliError(f"{flag} {path}: that is a folder; give a file name such as {path / ('report' + suffixes[0])}")
    if path.suffix.lower() not in suffixes:
        raise CliError(f"{flag} {path}: the file name must end in {' or '.join(suffixes)} (this protects other files)")


def grades_only(workshop: Workshop | None, exact: bool) -> frozenset[str]:
    """The systems whose exact scores the class never saw (``*``: all): the workshop's ``scores`` of
    ``tier`` or ``hidden``; none with ``--scores``."""
    scores = workshop.spec.scores if workshop is not None else None
    if exact or scores is None:
        return frozenset()
    if isinstance(scores, str):
        return frozenset({"*"}) if scores in GRADES_ONLY else frozenset()
    return frozenset(system for system, shown in scores.items() if shown in GRADES_ONLY)


def run(args: argparse.Namespace) -> int:
    from game.reports.debrief import build_debrief
    from game.tools.debrief_input import find_saves, find_workshop, load_lives, workshop_settings

    _check_out(args.html, HTML_SUFFIXES, "--html")
    _check_out(args.md, MD_SUFFIXES, "--md")
    if args.html == STDOUT and args.md == STDOUT:
        raise CliError("--html - and --md - cannot both go to standard output; give one of them a file name")
    if args.templates is not None and not args.templates.is_dir():
        raise CliError(f"--templates {args.templates}: no such folder (copy game/reports/templates to start from)")
    files = find_saves(args.paths)
    workshop, content = find_workshop(args.workshop, args.paths, args.pack, args.lang)
    if content is None:
        content = load_for_cli(args.pack)
    played, skipped = load_lives(files, content)
    for path, message in skipped:
        if args.anonymous:
            print("citizen debrief: skipped a save that cannot be read (without --anonymous: which, and why)", file=sys.stderr)
        else:
            print(f"citizen debrief: skipped {path}: {message}", file=sys.stderr)
    if not played:
        raise CliError("no save could be read (see above); nothing to debrief", 1)
    for flag, out in (("--html", args.html), ("--md", args.md)):
        if out is not None and out != STDOUT and out.resolve() in {f.resolve() for f in files}:
            raise CliError(f"{flag} {out} is one of the saves; choose another file name")
    from game.reports.prompts import Prompts

    prompts = Prompts.of(workshop.prompts) if workshop else Prompts()
    settings = workshop_settings(workshop, played)
    if args.anonymous:
        from game.reports.anonymous import anonymise

        played, prompts = anonymise(played, prompts)
    title = args.title or (workshop.title if workshop else "")
    from game.strings import language as spoken

    language = spoken()
    debrief = build_debrief(
        content,
        played,
        title=title,
        prompts=prompts,
        settings=settings,
        language=language,
        grades_only=grades_only(workshop, args.scores),
        summary_only=args.summary,
        both_premises=args.both_premises,
    )
    written = False
    if args.html is not None:
        from game.reports.html_report import render_html

        _write(args.html, _rendered(render_html, debrief, args.templates))
        written = True
    if args.md is not None:
        from game.reports.markdown_report import render_markdown

        _write(args.md, _rendered(render_markdown, debrief, args.templates))
        written = True
    if not written:
        from game.reports.terminal import render_terminal
        from game.safe_text import console

        render_terminal(debrief, console(), " ".join(str(p) for p in args.paths))
    return 0


def _rendered(renderer: Callable[[Debrief, Path | None], str], debrief: Debrief, templates: Path | None) -> str:
    from game.reports.templating import ReportTemplateError

    try:
        return renderer(debrief, templates)
    except ReportTemplateError as exc:
        raise CliError(f"the report's template: {exc}; fix it, or leave out --templates", 1) from None


def _write(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` in one step (a temporary file renamed), so a half report never replaces a
    whole one; ``-`` writes it to standard output."""
    if path == STDOUT:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    from game.text_files import replace_text

    try:
        replace_text(path, text)
    except OSError as exc:
        raise CliError(f"cannot write {path}: {exc.strerror or exc}", 1) from None
    print(f"wrote {path}", file=sys.stderr)
