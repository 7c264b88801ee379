"""The page ``citizen serve`` gives each browser: textual-serve's, with the keyboard on the game from the start.

textual-serve's page leaves the focus on the page itself, so whatever a player
types before clicking into the terminal is lost (their name, on a workshop's
first screen). :class:`FocusServer` adds one small inline script to that page
which puts the focus into the terminal as soon as it exists, and again
whenever the window gets the focus back.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import aiohttp_jinja2
import jinja2
from aiohttp import web
from aiohttp.http_exceptions import HttpProcessingError
from textual_serve.server import Server

from game.crash_log import OneLineLog
from game.strings import S
from game.tools.serve_seats import RoomSeats

DEFAULT_MAX_PLAYERS = 30
"""Games running at once by default: a class, and about 1.3 GB of memory (each game is its own process)."""

FOCUS_SCRIPT = """<script>
(function () {
  function focusTerminal() {
    var keys = document.querySelector("#terminal textarea");
    if (keys && document.activeElement !== keys) { keys.focus({ preventScroll: true }); }
    return Boolean(keys);
  }
  var tries = 0;
  var timer = setInterval(function () { if (focusTerminal() || ++tries > 300) { clearInterval(timer); } }, 100);
  window.addEventListener("focus", focusTerminal);
})();
</script>"""
"""Put the keyboard into the terminal (xterm.js's hidden textarea) once it exists, and on every return to the window."""

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

CLIENT_ERRORS = (HttpProcessingError, ConnectionError, web.HTTPException)
"""What a browser (or anyone on the network) can cause: a request that does not parse, a line too long,
a connection dropped. Logged as one line; anything else is the server's own fault and gets a crash log."""


@web.middleware
async def no_such_file(request: web.Request, handler: Handler) -> web.StreamResponse:
    """A path the static files cannot even look up (a name too long for the file system, say) is a 404,
    not an internal error with its traceback in the facilitator's terminal."""
    try:
        return await handler(request)
    except OSError:
        if request.path.startswith("/static/"):
            raise web.HTTPNotFound() from None
        raise


@web.middleware
async def focus_the_terminal(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Add :data:`FOCUS_SCRIPT` to the page (the index route); every other response passes unchanged."""
    response = await handler(request)
    if request.path == "/" and isinstance(response, web.Response) and response.content_type == "text/html" and response.text:
        response.text = response.text.replace("</body>", FOCUS_SCRIPT + "</body>", 1)
    return response


class FocusServer(Server):
    """textual-serve's server whose page gives the game the keyboard at once.

    Unlike textual-serve's own, it lists no folder under ``/static/`` and runs at most
    ``max_players`` games at once, counted by the lock files in ``seats_folder``, so every
    server given the same folder (one workshop's) shares the count: a browser past that is
    told the room is full.
    """

    def __init__(self, *args: Any, seats_folder: Path, max_players: int = DEFAULT_MAX_PLAYERS, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.max_players = max_players
        self.seats = RoomSeats(seats_folder, max_players)

    async def _make_app(self) -> web.Application:
        app = web.Application(middlewares=[self.room_full, focus_the_terminal, no_such_file])
        aiohttp_jinja2.setup(app, loader=jinja2.FileSystemLoader(self.templates_path))
        app.add_routes(
            [
                web.get("/", self.handle_index, name="index"),
                web.get("/ws", self.handle_websocket, name="websocket"),
                web.get("/download/{key}", self.handle_download, name="download"),
                web.static("/static", self.statics_path, show_index=False, name="static"),
            ]
        )
        app.on_startup.append(self.on_startup)
        app.on_shutdown.append(self.on_shutdown)
        return app

    def initialize_logging(self) -> None:
        """textual-serve's hook: its log (requests, errors) one line each on stdout, never a traceback with
        its locals (it would print one for every malformed request anyone on the network sends)."""
        handler = logging.StreamHandler(sys.stdout)
        handler.setFormatter(OneLineLog("citizen serve", CLIENT_ERRORS))
        logging.basicConfig(level="DEBUG" if self.debug else "INFO", handlers=[handler], force=True)

    @web.middleware
    async def room_full(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        """The page and the game's connection answer 503 with one sentence while ``max_players`` games run."""
        if request.path == "/" and self.seats.taken() >= self.max_players:
            return self.room_is_full()
        return await handler(request)

    def room_is_full(self) -> web.Response:
        return web.Response(status=503, text=S["serve_full"].format(n=self.max_players))

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        seat = self.seats.take()
        if seat is None:
            raise web.HTTPServiceUnavailable(text=S["serve_full"].format(n=self.max_players))
        try:
            return await super().handle_websocket(request)
        finally:
            seat.release()
