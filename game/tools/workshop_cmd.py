"""``citizen workshop new FILE``: write a commented workshop file that validates.

``citizen workshop seats FILE`` lists the players who have a seat (and whether it has a
code); ``citizen workshop reset-code FILE NAME`` gives a player who forgot theirs a new one.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from game.tools.common import CliError, load_for_cli, pick_scenario


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("workshop", help="set up a workshop for a class (workshop new|seats|reset-code)")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    new = actions.add_parser("new", help="write a commented example workshop file")
    new.add_argument("file", type=Path, help="the file to write, e.g. class1/workshop.toml")
    new.add_argument("--scenario", metavar="ID", help="the scenario everyone lives (default: the first one)")
    new.add_argument("--seed", type=int, default=2019, metavar="N", help="the shared seed (default: 2019)")
    new.add_argument("--lang", metavar="CODE", help="the file's language and its comments: en, sv or nl (default: the game's)")
    new.add_argument("--force", action="store_true", help="overwrite the file if it exists")
    seats = actions.add_parser("seats", help="list the players who have a seat, and whether it has a seat code")
    seats.add_argument("file", type=Path, help="the workshop file")
    reset = actions.add_parser("reset-code", help="give a player a new seat code (the old one stops working)")
    reset.add_argument("file", type=Path, help="the workshop file")
    reset.add_argument("name", help="the player's name, spelled any way (\"Wang Fang\", \"wang_fang\")")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.action == "seats":
        return list_seats(args.file)
    if args.action == "reset-code":
        return reset_seat_code(args.file, args.name)
    return write_example(args)


def list_seats(path: Path) -> int:
    """One line per player of the workshop: name, newest save, day, whether the seat has a code."""
    from game.saves import SaveError, SaveStore, read_save
    from game.saves.names import name_key
    from game.strings import S
    from game.tools.workshop_play import open_for_cli
    from game.workshop import codes

    workshop, _ = open_for_cli(path)
    store = SaveStore(workshop.saves_dir)
    newest: dict[str, tuple[str, str, str, bool]] = {}
    for info in store.list():  # newest first
        if not info.ok or info.workshop != workshop.id:
            continue
        player = info.player or info.name
        try:
            has_code = codes.is_hash(read_save(info.path).meta.get(codes.META_KEY))
        except SaveError:
            has_code = False
        key = name_key(player)
        if key not in newest:
            day = "ended" if info.ended else f"{info.day}/{info.length}"
            newest[key] = (player, info.name, day, has_code)
        elif has_code:
            newest[key] = (*newest[key][:3], True)
    if not newest:
        print(S["seats_none"].format(folder=store.folder))
        return 0
    print(S["seats_header"].format(player="player", slot="save", day="day", code="seat code"))
    for player, slot, day, has_code in sorted(newest.values(), key=lambda row: name_key(row[0])):
        code = S["seats_code_set"] if has_code else S["seats_code_none"]
        print(S["seats_header"].format(player=player[:24], slot=slot[:20], day=day, code=code))
    return 0


def reset_seat_code(path: Path, name: str) -> int:
    """Give ``name`` a new seat code and print it for the facilitator to hand over."""
    from game.saves import SaveError, SaveStore
    from game.strings import S
    from game.tools.workshop_play import open_for_cli
    from game.workshop.seats import reset_code

    workshop, _ = open_for_cli(path)
    store = SaveStore(workshop.saves_dir)
    try:
        code, slots = reset_code(workshop, store, name)
    except SaveError as exc:
        raise CliError(exc.message, 1) from None
    print(S["seat_code_reset"].format(name=name, code=code, slots=", ".join(slots)))
    return 0


def write_example(args: argparse.Namespace) -> int:
    from game.workshop.example import example_text

    path: Path = args.file
    if path.suffix != ".toml":
        raise CliError(f"{path}: a workshop file must end in .toml (for example {path.with_suffix('.toml')})")
    if path.exists() and not args.force:
        raise CliError(f"{path} already exists; choose another name, or pass --force to overwrite it", 1)
    if path.exists() and path.is_dir():
        raise CliError(f"{path} is a folder; give a file name such as {path / 'workshop.toml'}")
    content = load_for_cli()
    scenario = pick_scenario(content, args.scenario)
    if not 0 <= args.seed <= 2**53:
        raise CliError("--seed must be between 0 and 2^53")
    text = example_text(content, str(path), scenario, args.seed, f"{path.parent / 'saves'}/")
    from game.text_files import replace_text

    try:
        replace_text(path, text)
    except OSError as exc:
        raise CliError(f"cannot write {path}: {exc.strerror or exc}", 1) from None
    print(f"wrote {path}")
    from game.tools.schema_cmd import write_schemas
    from game.workshop.schema import SCHEMA_FILE

    for schema in write_schemas(path.parent / Path(SCHEMA_FILE).parent, ["workshop"]):
        print(f"wrote {schema} (for completion in editors)")
    print(f"next: edit it, then 'citizen validate {path}' and 'citizen play --workshop {path}'")
    return 0
