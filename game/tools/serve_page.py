"""The page ``citizen serve`` gives each browser: textual-serve's, with the keyboard on the game from the start.

textual-serve's page leaves the focus on the page itself, so whatever a player
types before clicking into the terminal is lost (their name, on a workshop's
first screen). :class:`FocusServer` adds one small inline script to that page
which puts the focus into the terminal as soon as it exists, and again
whenever the window gets the focus back.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from aiohttp import web
from textual_serve.server import Server

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


@web.middleware
async def focus_the_terminal(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Add :data:`FOCUS_SCRIPT` to the page (the index route); every other response passes unchanged."""
    response = await handler(request)
    if request.path == "/" and isinstance(response, web.Response) and response.content_type == "text/html" and response.text:
        response.text = response.text.replace("</body>", FOCUS_SCRIPT + "</body>", 1)
    return response


class FocusServer(Server):
    """textual-serve's server whose page gives the game the keyboard at once."""

    async def _make_app(self) -> web.Application:
        app = await super()._make_app()
        app.middlewares.append(focus_the_terminal)
        return app
