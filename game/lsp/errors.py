"""How ``citizen lsp`` answers messages it cannot use: a JSON-RPC error, and one line on stderr.

pygls' own hooks are used, nothing of it is patched:

- :class:`CitizenProtocol` (pygls' ``protocol_cls``) answers a request whose parameters do
  not fit its method with an error response to that request's id, so the client is not
  left waiting;
- :meth:`CitizenServer.report_server_error` (pygls' documented error reporter) answers a
  body that is not JSON with "Parse error" (-32700) and one that is JSON but no JSON-RPC
  message with "Invalid Request" (-32600), both with ``id`` null as JSON-RPC 2.0 asks,
  instead of pygls' default pop-up;
- :func:`quiet_logging` gives the ``pygls`` logger one handler that writes one line per
  problem to stderr, never a traceback. An error that is not the client's (a bug in the
  server) also writes its traceback to a crash log and names it.
"""

from __future__ import annotations

import json
import logging
import sys
from typing import Any

from lsprotocol import types
from pygls.exceptions import JsonRpcException, JsonRpcInvalidRequest
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol

from game.crash_log import OneLineLog, first_line

PARSE_ERROR = -32700
INPUT_ERRORS = (ValueError, RecursionError, JsonRpcException)
"""Errors that come from what the client sent (JSON that does not parse or nests too deep, a message of
the wrong shape); anything else is the server's own fault."""


class CitizenProtocol(LanguageServerProtocol):
    """pygls' protocol, answering a request it cannot read instead of dropping it."""

    def structure_message(self, data: dict[str, Any]) -> Any:
        try:
            return super().structure_message(data)
        except JsonRpcException as exc:
            msg_id = data.get("id")
            if "method" in data and isinstance(msg_id, (int, str)) and not isinstance(msg_id, bool):
                method = str(data.get("method"))[:80]
                error = types.ResponseError(code=exc.code, message=f"the parameters of '{method}' do not fit it")
                self._send_response(msg_id, error=error)
            raise

    def handle_message(self, message: Any) -> None:
        if not hasattr(message, "jsonrpc"):  # JSON, but not an object with "jsonrpc": pygls would stumble on it
            raise JsonRpcInvalidRequest("the message is not a JSON-RPC request or notification")
        super().handle_message(message)


class CitizenServer(LanguageServer):
    """pygls' language server, reporting errors the way JSON-RPC asks."""

    def report_server_error(self, error: Exception, source: Any) -> None:
        if source is not JsonRpcException:
            return  # a handler's failure: pygls already answered the request with the error
        if isinstance(error, (json.JSONDecodeError, UnicodeDecodeError, RecursionError)):
            self._answer_null(PARSE_ERROR, f"the message is not JSON: {first_line(error)}")
        elif isinstance(error, JsonRpcInvalidRequest):
            self._answer_null(error.code, error.message)

    def _answer_null(self, code: int, message: str) -> None:
        self.protocol._send_response(None, error=types.ResponseError(code=code, message=message))  # type: ignore[arg-type]


def quiet_logging() -> None:
    """Route pygls' warnings and errors to stderr, one line each (it logs whole tracebacks otherwise)."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(OneLineLog("citizen lsp", INPUT_ERRORS))
    logger = logging.getLogger("pygls")
    logger.handlers = [handler]
    logger.setLevel(logging.WARNING)
    logger.propagate = False
