"""``citizen play --workshop FILE``: a player's life in a workshop, saved into the workshop's folder.

The player gives a name (in plain mode: the first line read); the save slot is
that name made safe (:func:`game.saves.safe_slot_name`). A player who comes
back with the same name goes on with their unfinished life.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO, cast

from game.engine.content import Content
from game.packs.problems import shown
from game.safe_text import SafeStream
from game.saves import SaveError, SaveStore, safe_slot_name
from game.strings import S
from game.tools.common import CliError, workshop_language
from game.workshop import Workshop, WorkshopError, open_workshop
from game.workshop.seats import Seat, SeatCodeError, needs_code, seat_for

CONFLICTS = ("scenario", "seed", "days", "save_as", "saves", "load", "cont")
MAX_NAME_TRIES = 5
MAX_CODE_TRIES = 3


def open_for_cli(path: Path, lang_flag: str | None = None) -> tuple[Workshop, Content]:
    """The workshop and its content, in the workshop's language unless ``--lang`` says another;
    its problems printed and a clear error if it has any."""

    try:
        return open_workshop(path, workshop_language(lang_flag))
    except WorkshopError as exc:
        for line in shown(exc.problems):
            print(line, file=sys.stderr)
        raise CliError(f"the workshop file {path} has errors (listed above); fix them and try again", 1) from None


def check_flags(args: argparse.Namespace) -> None:
    used = [name for name in CONFLICTS if getattr(args, name, None) not in (None, False, 0, [])]
    if used or getattr(args, "pack", []):
        flags = ", ".join(
            "--" + n.replace("_", "-").replace("cont", "continue") for n in [*used, *(["pack"] if args.pack else [])]
        )
        raise CliError(f"--workshop decides the life and where it is saved: leave out {flags}")


def read_name(lines: TextIO, out: TextIO) -> str:
    """The player's name: the first usable line of input (asked again, a few times, if it has no letter)."""
    out = out if isinstance(out, SafeStream) else cast(TextIO, SafeStream(out))
    for _ in range(MAX_NAME_TRIES):
        out.write(S["workshop_ask_name"])
        out.flush()
        line = lines.readline()
        if not line:
            break
        name = line.strip()
        out.write(name + "\n")
        if safe_slot_name(name):
            return name
        out.write(S["workshop_bad_name"].format(name=name) + "\n")
    raise CliError(S["workshop_no_name"], 1)


def read_code(name: str, lines: TextIO, out: TextIO) -> str:
    """One line of input: the seat code of a returning player ('' at the end of input)."""
    out.write(S["seat_code_ask"].format(name=name))
    out.flush()
    line = lines.readline()
    out.write("\n" if line else "")
    return line.strip()


def take_seat(workshop: Workshop, content: Content, store: SaveStore, name: str, lines: TextIO, out: TextIO) -> Seat:
    """The player's seat; a returning player is asked the seat code (a few tries, then a clear error)."""
    out = out if isinstance(out, SafeStream) else cast(TextIO, SafeStream(out))
    try:
        if not needs_code(workshop, store, name):
            return seat_for(workshop, content, store, name)
        for _ in range(MAX_CODE_TRIES):
            try:
                return seat_for(workshop, content, store, name, read_code(name, lines, out))
            except SeatCodeError as exc:
                out.write(exc.message + "\n")
    except SaveError as exc:
        raise CliError(exc.message, 1) from None
    raise CliError(S["seat_code_no_more"].format(name=name, n=MAX_CODE_TRIES), 1)


def run(args: argparse.Namespace) -> int:
    check_flags(args)
    workshop, content = open_for_cli(args.workshop, getattr(args, "lang", None))
    store = SaveStore(workshop.saves_dir)
    if not args.plain:
        from game.tools.play import tui_options
        from game.tui.run import run_app

        return run_app(content, None, display=workshop.display(), saves=store, workshop=workshop, **tui_options(args))
    return play_plain(workshop, content, store, sys.stdin, sys.stdout, save=not args.no_save)


def play_plain(workshop: Workshop, content: Content, store: SaveStore, lines: TextIO, out: TextIO, *, save: bool) -> int:
    """Ask the name, then play in text, autosaving after each choice; the short debrief at the end."""
    from game.play import Session
    from game.reports.prompts import Prompts
    from game.reports.short import end_debrief
    from game.tools.plain import PlainGame
    from game.tools.saving import AutoSaver

    out.write(S["workshop_welcome"].format(title=workshop.title) + "\n")
    name = read_name(lines, out)
    seat = take_seat(workshop, content, store, name, lines, out)
    session = Session(content, workshop.display(), store, seat.player, every_choice=True, autosaving=save)
    try:
        session.resume(seat.life, seat.slot, workshop=workshop.id)
    except SaveError as exc:  # the same player in another game
        raise CliError(exc.message, 1) from None
    try:
        saver = AutoSaver(session) if save else None
        game = PlainGame(session, out, after_choice=saver.report if saver else None)
        game.intro()
        if seat.note:
            game.say(seat.note)
        if save and session.autosave(meta=seat.meta) and seat.code:
            game.say(S["seat_code_new"].format(code=seat.code))
        finished = game.play(lines)
        if saver is not None:
            saver()
        if finished:
            game.say()
            for line in end_debrief(seat.life, Prompts.of(workshop.prompts)):
                game.say(line)
        if saver is not None:
            if saver.error:
                return 1
            print(S["workshop_saved"].format(slot=seat.slot, folder=store.folder), file=sys.stderr)
        return 0
    finally:
        session.close()  # another game may seat this player now
