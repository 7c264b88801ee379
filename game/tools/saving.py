"""The save side of ``citizen play``: --saves, --continue, --load, autosave, and the messages around them.

The life, its slot and what a changed pack offers are :class:`game.play.Session`'s,
as in the TUI; this module only turns command-line flags into calls to it, and
its errors into one clear message that offers the backups.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from game import paths
from game.play import Opening, SaveError, SaveInfo, SaveStore, Session
from game.safe_text import to_plain
from game.strings import S
from game.tools.common import CliError

if TYPE_CHECKING:
    from game.engine.content import Content
    from game.engine.life import Life
    from game.engine.state import Setup


def add_save_arguments(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("saves")
    how = g.add_mutually_exclusive_group()
    how.add_argument("--continue", dest="cont", action="store_true", help="go on with the most recent unfinished life")
    how.add_argument("--load", metavar="NAME", help="go on with the save NAME (see 'citizen saves')")
    g.add_argument("--backup", type=int, default=0, metavar="N", help="with --load: load backup N (1 = the newest)")
    g.add_argument(
        "--changed",
        choices=("snapshot", "replay"),
        help="when the packs changed since the save: continue from the snapshot, or replay the choices under the new packs",
    )
    g.add_argument("--saves", type=Path, metavar="DIR", help=saves_help())
    g.add_argument("--save-as", metavar="NAME", help="the save slot for a new life (default: a new one named after you)")
    g.add_argument("--player", metavar="NAME", help="your name, stored in the save")
    g.add_argument("--no-save", action="store_true", help="do not save (plain mode)")


def saves_help() -> str:
    """``--saves``'s help, naming the folder used when nothing else names one (a checkout's or the user's)."""
    return f"the saves folder (default: $CITIZEN_SAVES, else 'saves' in the config file, else {paths.fallback_saves_dir()})"


def store_for(args: argparse.Namespace) -> SaveStore:
    return SaveStore(paths.default_saves_dir(args.saves))


def new_life(content: Content, setup: Setup, args: argparse.Namespace, store: SaveStore) -> Session:
    """A new life: its slot is --save-as, else a free one named after the player or the scenario."""
    session = Session(content, saves=None if args.no_save else store, player=args.player or "", every_choice=True)
    try:
        session.start(setup, slot=args.save_as or "")
    except SaveError as exc:
        raise CliError(exc.message) from None
    return session


def check_flags(args: argparse.Namespace) -> None:
    resuming = args.cont or args.load
    if resuming and (args.scenario or args.seed is not None or args.days is not None or args.save_as):
        raise CliError("--continue and --load go on with a saved life: leave out --scenario, --seed, --days and --save-as")
    if args.backup and not args.load:
        raise CliError("--backup N needs --load NAME")
    if args.backup < 0:
        raise CliError(f"--backup must be 1 or more, not {args.backup}")


def resume(content: Content, args: argparse.Namespace, store: SaveStore) -> tuple[Session, Opening]:
    """Load the save that --continue or --load names, under ``content``, and go on with it."""
    session = Session(content, saves=store, player=args.player or "", every_choice=True)
    opening = _open(session, args)
    try:
        session.go_on(opening, _life_of(opening, args))
    except SaveError as exc:  # another game has this life open
        raise CliError(exc.message, 1) from None
    if args.player is not None:
        session.player = args.player
    return session, opening


def check_resume(content: Content, args: argparse.Namespace, store: SaveStore) -> tuple[str, int]:
    """The (slot, backup) that --continue or --load names, once it is known to load (the TUI asks about changed packs)."""
    opening = _open(Session(content, saves=store), args)
    if opening.goes_on:  # said before the game's screen opens; the game takes the lock itself
        try:
            store.lock(opening.slot).take().release()
        except SaveError as exc:
            raise CliError(exc.message, 1) from None
    return opening.name, opening.backup


def _open(session: Session, args: argparse.Namespace) -> Opening:
    store = session.saves
    assert store is not None
    if args.cont:
        latest = session.continuable()
        if latest is None:
            raise CliError(S["cli_no_life_to_continue"].format(folder=store.folder), 1)
        name = latest.name
    else:
        name = args.load
    try:
        return session.open(name, args.backup)
    except SaveError as exc:
        raise CliError(exc.message + backups_text(store, name, args.backup, plain=args.plain), 1) from None


def _life_of(opening: Opening, args: argparse.Namespace) -> Life:
    if opening.life is not None:
        return opening.life
    if args.changed is None:
        cmd = f"citizen play --plain --load {opening.name}" + (f" --backup {opening.backup}" if opening.backup else "")
        raise CliError(S["cli_changed"].format(path=opening.path, changes=opening.changes, cmd=cmd, slot=opening.slot), 1)
    try:
        if args.changed == "snapshot":
            return opening.snapshot()
        result = opening.replay()
    except SaveError as exc:
        raise CliError(exc.message, 1) from None
    if not result.complete:
        print(S["cli_replay_partial"].format(n=result.replayed, total=result.total, reason=result.reason), file=sys.stderr)
    return result.life


def backups_text(store: SaveStore, name: str, failed_backup: int, *, plain: bool = False) -> str:
    """Lines offering the readable backups of ``name`` with the command to load each ('' if none)."""
    try:
        infos = [b for b in store.backups(name) if b.ok and b.backup != failed_backup]
    except SaveError:
        return ""
    if not infos:
        return ""
    lines = ["", S["cli_backups_header"].format(name=name)]
    for info in infos:
        lines.append(
            S["cli_backup_line"].format(
                n=info.backup,
                day=info.day,
                length=info.length,
                when=when_text(info),
                cmd=f"citizen play{' --plain' if plain else ''} --load {name} --backup {info.backup}",
            )
        )
    return "\n".join(lines)


def when_text(info: SaveInfo) -> str:
    return info.saved_at.astimezone().strftime("%Y-%m-%d %H:%M")


class AutoSaver:
    """Says when the session's saves fail (once on stderr, never fatal), and saves when the game stops.

    The session saves after every choice itself; :meth:`report` (the plain game's
    ``after_choice``) only says so when that failed. Calling it saves now.
    """

    def __init__(self, session: Session) -> None:
        self.session = session
        self.error = ""

    def __call__(self) -> None:
        self.session.autosave()
        self.report()

    def report(self) -> None:
        error = self.session.save_error
        if error and error != self.error:
            print(S["cli_save_failed"].format(error=error), file=sys.stderr)
        self.error = error


def resumed_note(session: Session, opening: Opening) -> str:
    """What plain mode says before going on with a loaded life."""
    assert session.life is not None
    text = S["cli_resumed"].format(name=to_plain(opening.name), day=session.life.state.day)
    if opening.name != session.slot:
        text += " " + S["cli_resumed_new_slot"].format(slot=to_plain(session.slot))
    return text


def saved_note(store: SaveStore, session: Session) -> str:
    """What plain mode says when it stops: where the life is saved and how to go on."""
    return S["cli_saved"].format(name=to_plain(session.slot), folder=store.folder)
