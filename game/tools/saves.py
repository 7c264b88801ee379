"""``citizen saves``: list the saved lives, check one against the installed packs, delete one."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from game import paths, present
from game.safe_text import to_plain, visible
from game.saves import SaveError, SaveInfo, SaveStore
from game.strings import S
from game.tools import saving
from game.tools.common import CliError, load_for_cli

if TYPE_CHECKING:
    from game.engine.content import Content


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("saves", help="list, check or delete saved lives")
    p.add_argument("--saves", type=Path, metavar="DIR", help=saving.saves_help())
    p.set_defaults(run=run_list)
    actions = p.add_subparsers(dest="action", metavar="ACTION")
    ls = actions.add_parser("list", help="every save, newest first (the default)")
    ls.set_defaults(run=run_list)
    check = actions.add_parser("check", help="replay a save under the installed packs and say whether it is sound")
    check.add_argument("name", help="the save's name")
    check.add_argument("--backup", type=int, default=0, metavar="N", help="check backup N instead")
    check.add_argument("--pack", action="append", type=Path, default=[], metavar="PATH", help="load another pack (repeatable)")
    check.set_defaults(run=run_check)
    delete = actions.add_parser("delete", help="delete a save and its backups")
    delete.add_argument("name", help="the save's name")
    delete.add_argument("--yes", action="store_true", help="do not ask")
    delete.set_defaults(run=run_delete)
    for action in (ls, check, delete):
        action.add_argument("--saves", type=Path, metavar="DIR", default=argparse.SUPPRESS, help=argparse.SUPPRESS)


def _store(args: argparse.Namespace) -> SaveStore:
    return saving.store_for(args)


def row(info: SaveInfo, content: Content | None = None) -> str:
    """One line of the list (file text shown plain: it may have been edited).

    With the installed ``content``, scenarios, systems and grades are named as the game names
    them; without it (the packs do not load), their ids are shown.
    """
    if not info.ok:
        return S["saves_row_bad"].format(name=visible(info.name), problem=to_plain(info.problem))
    grades = ", ".join(_grade(content, s, t) for s, t in info.grades.items()) or S["saves_no_grade"]
    scenario = content.scenarios.get(info.scenario) if content else None
    return S["saves_row"].format(
        name=visible(info.name),  # a file name: a newline in it must not start a line of its own
        player=to_plain(info.player) or S["saves_no_player"],
        scenario=to_plain(scenario.name) if scenario else to_plain(info.scenario),
        day=info.day,
        length=info.length,
        grades=grades,
        when=saving.when_text(info),
        ended=S["saves_ended"] if info.ended else "",
    )


def _grade(content: Content | None, system: str, tier: str) -> str:
    if content is not None and system in content.systems:
        return f"{present.name_of(content, 'system', system)} {present.tier_name(content, system, tier)}"
    return f"{to_plain(system)} {to_plain(tier)}"


def _installed_content() -> Content | None:
    """The installed packs, or None if they do not load (the list still shows every save, by ids)."""
    from game.packs.loader import load_content
    from game.packs.problems import PackError

    try:
        return load_content(paths.default_pack_paths())
    except PackError:
        return None


def run_list(args: argparse.Namespace) -> int:
    store = _store(args)
    if store.folder.exists() and not store.folder.is_dir():
        from game.saves.locks import not_a_folder

        raise CliError(not_a_folder(store.folder), 1)
    infos = store.list()
    if not infos:
        print(S["saves_none"].format(folder=store.folder))
        return 0
    content = _installed_content()
    print(S["saves_header"].format(folder=store.folder))
    for info in infos:
        print(row(info, content))
    return 0


def run_check(args: argparse.Namespace) -> int:
    store = _store(args)
    content = load_for_cli(args.pack)
    try:
        loaded = store.load(args.name, content, backup=args.backup)
    except SaveError as exc:
        raise CliError(exc.message + saving.backups_text(store, args.name, args.backup), 1) from None
    if loaded.changed:
        print(S["saves_check_changed"].format(path=loaded.info.path, changes=loaded.describe_changes()))
        return 1
    print(S["saves_check_ok"].format(path=loaded.info.path, n=loaded.info.choices, day=loaded.info.day))
    return 0


def run_delete(args: argparse.Namespace) -> int:
    store = _store(args)
    try:
        path = store.path(args.name)
    except SaveError as exc:
        raise CliError(exc.message) from None
    if not path.is_file() and not store.backups(args.name):
        raise CliError(f"no save named '{args.name}' in {store.folder}", 1)
    if not args.yes:
        if not sys.stdin.isatty():
            raise CliError("deleting needs a yes: run it in a terminal, or add --yes")
        answer = input(S["saves_delete_ask"].format(name=args.name, n=len(store.backups(args.name))))
        if answer.strip().lower() not in ("y", "yes"):
            print(S["saves_delete_kept"])
            return 1
    try:
        removed = store.delete(args.name)
    except SaveError as exc:
        raise CliError(exc.message, 1) from None
    print(S["saves_deleted"].format(name=args.name, n=removed))
    return 0
