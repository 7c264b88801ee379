"""The save side of ``citizen play``: --saves, --continue, --load, autosave, and the messages around them.

The TUI gets the same through :mod:`game.saves`; this module only turns
command-line flags into calls to it, and its errors into one clear message
that offers the backups.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from game import paths
from game.safe_text import to_plain
from game.saves import SaveError, SaveInfo, SaveStore
from game.strings import S
from game.tools.common import CliError

if TYPE_CHECKING:
    from game.engine.content import Content
    from game.engine.life import Life
    from game.saves import LoadedSave


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


@dataclass
class SavedLife:
    """A life with the slot it saves into, and the save it came from (if any)."""

    life: Life
    slot: str
    player: str = ""
    workshop: str = ""
    loaded: LoadedSave | None = None


def new_life(life: Life, args: argparse.Namespace, store: SaveStore) -> SavedLife:
    """A new life: its slot is --save-as, else a free one named after the player or the scenario."""
    player = args.player or ""
    try:
        slot = store.free_name(args.save_as) if args.save_as else store.free_name(player or life.setup.scenario)
    except SaveError as exc:
        raise CliError(exc.message) from None
    return SavedLife(life, slot, player)


def check_flags(args: argparse.Namespace) -> None:
    resuming = args.cont or args.load
    if resuming and (args.scenario or args.seed is not None or args.days is not None or args.save_as):
        raise CliError("--continue and --load go on with a saved life: leave out --scenario, --seed, --days and --save-as")
    if args.backup and not args.load:
        raise CliError("--backup N needs --load NAME")
    if args.backup < 0:
        raise CliError(f"--backup must be 1 or more, not {args.backup}")


def resume(content: Content, args: argparse.Namespace, store: SaveStore) -> SavedLife:
    """Load the save that --continue or --load names, under ``content``."""
    loaded = _load(content, args, store)
    life, slot = _life_of(loaded, args)
    player = loaded.save.player if args.player is None else args.player
    return SavedLife(life, slot, player, loaded.save.workshop, loaded)


def check_resume(content: Content, args: argparse.Namespace, store: SaveStore) -> tuple[str, int]:
    """The (slot, backup) that --continue or --load names, once it is known to load (the TUI asks about changed packs)."""
    loaded = _load(content, args, store)
    return loaded.info.name, loaded.info.backup


def _load(content: Content, args: argparse.Namespace, store: SaveStore) -> LoadedSave:
    if args.cont:
        latest = store.latest(playable=True)
        if latest is None:
            raise CliError(S["cli_no_life_to_continue"].format(folder=store.folder), 1)
        name = latest.name
    else:
        name = args.load
    try:
        return store.load(name, content, backup=args.backup)
    except SaveError as exc:
        raise CliError(exc.message + backups_text(store, name, args.backup, plain=args.plain), 1) from None


def _life_of(loaded: LoadedSave, args: argparse.Namespace) -> tuple[Life, str]:
    if loaded.life is not None:
        return loaded.life, loaded.save_as
    if args.changed is None:
        cmd = f"citizen play --plain --load {loaded.info.name}" + (
            f" --backup {loaded.info.backup}" if loaded.info.backup else ""
        )
        raise CliError(
            S["cli_changed"].format(path=loaded.info.path, changes=loaded.describe_changes(), cmd=cmd, slot=loaded.save_as), 1
        )
    try:
        if args.changed == "snapshot":
            return loaded.from_snapshot(), loaded.save_as
        result = loaded.replay_now()
    except SaveError as exc:
        raise CliError(exc.message, 1) from None
    if not result.complete:
        print(S["cli_replay_partial"].format(n=result.replayed, total=result.total, reason=result.reason), file=sys.stderr)
    return result.life, loaded.save_as


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
    """Saves the life into its slot after every choice and on quit. A failure is said once on stderr, never fatal."""

    def __init__(self, store: SaveStore, saved: SavedLife) -> None:
        self.store = store
        self.saved = saved
        self.error = ""

    def __call__(self, life: Life) -> None:
        try:
            self.store.autosave(life, slot=self.saved.slot, player=self.saved.player, workshop=self.saved.workshop)
        except SaveError as exc:
            if exc.message != self.error:
                print(S["cli_save_failed"].format(error=exc.message), file=sys.stderr)
            self.error = exc.message
        else:
            self.error = ""


def resumed_note(saved: SavedLife) -> str:
    """What plain mode says before going on with a loaded life."""
    name = saved.loaded.info.name if saved.loaded else saved.slot
    text = S["cli_resumed"].format(name=to_plain(name), day=saved.life.state.day)
    if name != saved.slot:
        text += " " + S["cli_resumed_new_slot"].format(slot=to_plain(saved.slot))
    return text


def saved_note(store: SaveStore, saved: SavedLife) -> str:
    """What plain mode says when it stops: where the life is saved and how to go on."""
    return S["cli_saved"].format(name=to_plain(saved.slot), folder=store.folder)
