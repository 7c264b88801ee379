"""``citizen serve [--workshop FILE] [--host 127.0.0.1] [--port 8000]``: the game in web browsers.

Built on ``textual-serve``: each browser that opens the page gets its own
process running ``citizen play`` (with ``--workshop FILE`` when given), so
every browser is a separate player, and a workshop's saves go into its
folder. It listens on this computer only (loopback) unless ``--host`` says
otherwise; with ``--host 0.0.0.0`` it prints the addresses to give the class.
With ``--dashboard`` every browser gets the facilitator's dashboard instead (``citizen dashboard``).
"""

from __future__ import annotations

import argparse
import ipaddress
import shlex
import shutil
import socket
import sys
import tempfile
from pathlib import Path

from game import config
from game.strings import S
from game.tools.common import CliError

LOOPBACK = "127.0.0.1"
ANY = ("0.0.0.0", "::")


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("serve", help="serve the game to web browsers (a workshop's room)")
    p.add_argument("--workshop", type=Path, metavar="FILE", help="every browser plays this workshop, saving into its folder")
    p.add_argument(
        "--host", default=LOOPBACK, help="address to listen on (default 127.0.0.1: this computer only; 0.0.0.0: the room)"
    )
    p.add_argument("--port", type=int, default=8000, help="port to listen on (default 8000)")
    p.add_argument(
        "--max-players",
        type=int,
        default=None,
        metavar="N",
        help="games running at once; a browser past that is told the room is full (default 30)",
    )
    p.add_argument("--public-url", metavar="URL", help="the address browsers use, if not http://HOST:PORT (e.g. behind a proxy)")
    p.add_argument(
        "--theme", metavar="NAME", help=f"every browser's colours: {', '.join(config.THEMES)} (light suits a projector)"
    )
    p.add_argument(
        "--dashboard", action="store_true", help="with --workshop: serve the facilitator's dashboard instead of the game"
    )
    p.add_argument(
        "--lang",
        metavar="CODE",
        help="every browser's language: en, sv or nl (default: the workshop's, $CITIZEN_LANGUAGE, the config file's, "
        "else $LC_ALL/$LC_MESSAGES/$LANG)",
    )
    p.set_defaults(run=run)


def play_command(workshop: Path | None, theme: str | None = None, *, dashboard: bool = False, language: str | None = None) -> str:
    """The shell command each browser's process runs (``citizen play``, or ``citizen dashboard``)."""
    argv = [sys.executable, "-m", "game", "dashboard" if dashboard else "play"]
    if workshop is not None:
        argv += ["--workshop", str(workshop.resolve())]
    if theme is not None:
        argv += ["--theme", theme]
    if language is not None:
        argv += ["--lang", language]
    return shlex.join(argv)


def check_port(host: str, port: int) -> None:
    """Fail with a clear message if ``host:port`` cannot be listened on."""
    if not 1 <= port <= 65535:
        raise CliError(f"--port must be between 1 and 65535, not {port}")
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except socket.gaierror:
            raise CliError(f"--host {host}: not an address of this computer (try 127.0.0.1 or 0.0.0.0)") from None
        except OSError as exc:
            raise CliError(f"cannot listen on {host}:{port}: {exc.strerror or exc}; pick another --port", 1) from None


def room_addresses() -> list[str]:
    """This computer's addresses that other machines on the network may reach (no traffic is sent)."""
    found: list[str] = []
    try:
        infos = socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)
    except OSError:
        infos = []
    for info in infos:
        address = str(info[4][0])
        if not ipaddress.ip_address(address).is_loopback and address not in found:
            found.append(address)
    return found


def run(args: argparse.Namespace) -> int:
    if args.dashboard and args.workshop is None:
        raise CliError("--dashboard shows a workshop: add --workshop FILE")
    theme = config.setting("theme", args.theme).value
    if args.workshop is not None:
        from game.tools.workshop_play import open_for_cli

        workshop, _content = open_for_cli(args.workshop, args.lang)  # errors now, not in every browser
        title = f"{S['game_title']} — {workshop.title}"
        # every server on this workshop counts its games in one place
        seats_folder = workshop.saves_dir / (".serve-dashboard" if args.dashboard else ".serve")
    else:
        title = S["game_title"]
        seats_folder = Path(tempfile.mkdtemp(prefix="citizen-serve-"))  # this server's own
    if args.max_players is not None and not 1 <= args.max_players <= 1000:
        raise CliError(f"--max-players must be between 1 and 1000, not {args.max_players}")
    check_port(args.host, args.port)
    public_url = args.public_url
    if args.host in ANY:
        addresses = room_addresses()
        if public_url is None and addresses:
            public_url = f"http://{addresses[0]}:{args.port}"
        print(S["serve_room"])
        for address in addresses or [socket.gethostname()]:
            print(f"    http://{address}:{args.port}")
        print(S["serve_room_note"])
    elif not ipaddress.ip_address(_resolve(args.host)).is_loopback:
        print(S["serve_not_loopback"].format(host=args.host))
    from game.tools.serve_page import DEFAULT_MAX_PLAYERS, FocusServer

    players = DEFAULT_MAX_PLAYERS if args.max_players is None else args.max_players
    server = FocusServer(
        play_command(args.workshop, theme, dashboard=args.dashboard, language=_language(args.lang)),
        host=args.host,
        port=args.port,
        title=title,
        public_url=public_url,
        max_players=players,
        seats_folder=seats_folder,
    )
    try:
        server.seats.check()
    except OSError as exc:
        raise CliError(f"{seats_folder}: cannot keep the count of games there: {exc.strerror or exc}", 1) from None
    print(S["serve_open"].format(url=public_url or f"http://{args.host}:{args.port}"), flush=True)
    try:
        server.serve()
    finally:
        if args.workshop is None:
            shutil.rmtree(seats_folder, ignore_errors=True)
    return 0


def _language(flag: str | None) -> str | None:
    """The language ``--lang`` asks every browser's game to speak (checked, as its code), or None to leave the
    choice to each game (the workshop's ``language``, then the settings and the locale, as on the command line)."""
    return None if flag is None else config.language(flag).value


def _resolve(host: str) -> str:
    try:
        return str(socket.getaddrinfo(host, None)[0][4][0])
    except (OSError, IndexError):
        return LOOPBACK
