"""``citizen play``: start a life in the TUI, or in plain text with ``--plain``."""

from __future__ import annotations

import argparse
import gc
import random
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from game import config
from game.tools import saving
from game.tools.common import CliError, load_for_cli, pack_error, pick_scenario

if TYPE_CHECKING:
    from game.engine.content import Content
    from game.engine.life import Life
    from game.engine.state import Setup
    from game.play import Opening, SaveStore, Session
    from game.tools.watch import LiveReload


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("play", help="play a life (the TUI, or --plain for text)")
    add_play_arguments(p)
    p.set_defaults(run=run)


def add_play_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--plain", action="store_true", help="plain text on stdout, choices by number on stdin")
    p.add_argument("--scenario", metavar="ID", help="the scenario to live (default: the first one)")
    p.add_argument("--seed", type=int, metavar="N", help="the seed that fixes every random draw (default: random)")
    p.add_argument("--days", type=int, metavar="N", help="the length of the life in days (default: the scenario's)")
    p.add_argument(
        "--premise",
        choices=("reported", "documented"),
        help="reported: a low city grade bars trains, as the press described; documented: only the court list does "
        "(default: the scenario's)",
    )
    p.add_argument("--pack", action="append", type=Path, default=[], metavar="PATH", help="load another pack (repeatable)")
    p.add_argument("--watch", action="store_true", help="with --pack: reload the pack when its files change (for writers)")
    p.add_argument("--workshop", type=Path, metavar="FILE", help="play a workshop's life (asks your name; saves beside the file)")
    p.add_argument(
        "--lang",
        metavar="CODE",
        help="the language: en, sv or nl (default: a workshop's, $CITIZEN_LANGUAGE, the config file's, "
        "else $LC_ALL/$LC_MESSAGES/$LANG)",
    )
    add_theme_argument(p)
    saving.add_save_arguments(p)


def add_theme_argument(p: argparse.ArgumentParser) -> None:
    themes = ", ".join(config.THEMES)
    p.add_argument("--theme", metavar="NAME", help=f"the colours: {themes} (default: $CITIZEN_THEME, else the config file's)")


def tui_options(args: argparse.Namespace) -> dict[str, object]:
    """What the TUI takes from the settings: the theme to start with, and to remember the one chosen."""
    return {"theme": config.setting("theme", args.theme).value, "remember_theme": True}


def chosen_scenario(content: Content, flag: str | None) -> str:
    """The scenario named by ``--scenario``, ``CITIZEN_SCENARIO`` or the config file (else the first one)."""
    found = config.setting("scenario", flag)
    try:
        return pick_scenario(content, found.value)
    except CliError as exc:
        if found.source in ("env", "file"):
            raise CliError(f"{found.origin}: {exc}", exc.code) from None
        raise


def new_setup(content: Content, args: argparse.Namespace) -> Setup:
    scenario = chosen_scenario(content, args.scenario)
    if args.days is not None and not 1 <= args.days <= 365:
        raise CliError(f"--days must be between 1 and 365, not {args.days}")
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(1, 1_000_000)
    from game.engine.content import PREMISE_SETTING
    from game.engine.state import Setup

    premise = getattr(args, "premise", None)
    return Setup(scenario, seed, args.days, settings={PREMISE_SETTING: premise} if premise else {})


def run(args: argparse.Namespace) -> int:
    if getattr(args, "workshop", None) is not None:
        from game.tools.workshop_play import run as run_workshop

        return run_workshop(args)
    saving.check_flags(args)
    if not args.plain:
        gc.disable()  # start-up allocates much and frees little; the TUI turns it back on after the first screen
        if _just_the_title(args):
            return _title_first(args)
    content = load_for_cli(args.pack)
    live = None
    if getattr(args, "watch", False):
        from game.tools.watch import live_reload_for

        live = live_reload_for(args.pack)
    if not args.plain:
        from game.tui.run import run_app

        saves = None if args.no_save else saving.store_for(args)
        if args.cont or args.load:  # checked here, so a bad save is a clear message before the screen changes
            if saves is None:
                raise CliError("--continue and --load cannot go with --no-save")
            name, backup = saving.check_resume(content, args, saves)
            return run_app(
                content, None, saves=saves, player=args.player or "", open_save=(name, backup), watch=live, **tui_options(args)
            )
        return run_app(
            content,
            new_setup(content, args),
            saves=saves,
            player=args.player or "",
            watch=live,
            new_life=args.scenario is not None,  # the life asked for, ready to start (Escape: the title)
            **tui_options(args),
        )
    store = saving.store_for(args)
    if args.cont or args.load:
        session, opening = saving.resume(content, args, store)
    else:
        session, opening = saving.new_life(content, new_setup(content, args), args, store), None
    try:
        return play_plain(session, opening, store, save=not args.no_save, live=live)
    finally:
        session.close()  # another game may open this life now


def _just_the_title(args: argparse.Namespace) -> bool:
    """``citizen`` with nothing that needs the packs before the first screen (a scenario in the settings does)."""
    needs_packs = (
        config.setting("scenario", args.scenario).value,
        args.seed,
        args.days,
        getattr(args, "premise", None),
        args.pack,
        args.watch,
        args.cont,
        args.load,
    )
    return all(flag in (None, False, []) for flag in needs_packs)


def _title_first(args: argparse.Namespace) -> int:
    """Show the title at once and load the packs behind it (pack errors still end in a clear message)."""
    from game.packs.problems import PackError
    from game.tui.run import run_app

    saves = None if args.no_save else saving.store_for(args)
    try:
        return run_app(load_for_tui, None, saves=saves, player=args.player or "", **tui_options(args))
    except PackError as exc:
        raise pack_error(exc) from None


def load_for_tui() -> Content:
    """The installed packs, as the TUI loads them after its first screen."""
    from game import paths
    from game.packs.loader import load_content

    return load_content(paths.default_pack_paths())


def play_plain(session: Session, opening: Opening | None, store: SaveStore, *, save: bool, live: LiveReload | None = None) -> int:
    """Play in text; with ``save``, autosave after every choice and when input ends. 1 if the last save failed."""
    from game.tools.plain import PlainGame

    assert session.life is not None
    autosave = saving.AutoSaver(session) if save else None
    game = PlainGame(session, sys.stdout, after_choice=autosave.report if autosave else None)
    if live is not None:
        from game.tools.watch import plain_hook

        game.after_choice = plain_hook(game, live, game.after_choice)
    try:
        game.intro()
        if opening is not None:
            game.say(saving.resumed_note(session, opening))
        game.play(sys.stdin)
    except BrokenPipeError:  # the reader went away (`| head`): the life is kept, and the game leaves quietly
        from game.safe_text import leave_quietly

        if autosave is not None:
            autosave()
        leave_quietly()
        return 0
    except Exception as exc:  # an internal error: the life is saved first, then one line says where the log is
        return plain_crash(exc, game.life, session, autosave)
    if autosave is None:
        return 0
    autosave()
    if autosave.error:
        return 1
    print(saving.saved_note(store, session), file=sys.stderr)  # stdout stays the life's transcript
    return 0


def plain_crash(error: Exception, life: Life, session: Session, autosave: saving.AutoSaver | None) -> int:
    """Save ``life`` if it is sound, log ``error``, and say so in one line on stderr."""
    from game.crash_report import CRASH_CODE, crash_line, save_if_sound, write_log

    def save() -> bool:
        assert autosave is not None
        autosave()
        return not autosave.error

    saved_as = session.slot if autosave is not None and save_if_sound(life, save) else ""
    sys.stdout.flush()
    print(crash_line(write_log(error, life, saved_as), saved_as), file=sys.stderr)
    return CRASH_CODE
