"""The input side of ``citizen lsp``: every header checked and every body bounded before pygls reads it.

pygls reads the base protocol (``Content-Length`` headers, a blank line, the body) from
whatever object ``start_io(stdin=...)`` is given, calling only ``readline()`` and
``read(n)``. :class:`GuardedInput` is that object. It reads at most
:data:`MAX_HEADER_LINE` bytes per header line and :data:`MAX_HEADERS` lines per message,
insists on one ``Content-Length`` that is a plain number of bytes up to :data:`MAX_BODY`,
and hands pygls the header in the one spelling it matches. Anything else is a
:class:`FramingError`: after a broken frame nobody can tell where the next message
starts, so the server stops with one line on stderr instead of guessing (a body that
is not JSON is a different matter: its frame is sound and the server answers it, see
:mod:`game.lsp.errors`).
"""

from __future__ import annotations

import re
from typing import BinaryIO

MAX_BODY = 16 * 1024 * 1024
"""The largest message body read, in bytes: eight times the largest pack file (2 MiB), JSON-escaped."""
MAX_HEADER_LINE = 1024
MAX_HEADERS = 32

_HEADER = re.compile(rb"([A-Za-z0-9][A-Za-z0-9-]*)[ \t]*:[ \t]*(.*?)[ \t]*")
_SHOWN = 40


class FramingError(Exception):
    """The client broke the base protocol's framing; the message says how."""


def _shown(data: bytes) -> str:
    """A short, printable rendering of bytes a client sent (``repr`` escapes every control byte)."""
    return repr(data[:_SHOWN])[2:-1] + ("…" if len(data) > _SHOWN else "")


class GuardedInput:
    """Stands in for stdin under pygls: ``readline`` and ``read`` with the base protocol's rules enforced."""

    def __init__(self, raw: BinaryIO, max_body: int = MAX_BODY) -> None:
        self._raw = raw
        self._max_body = max_body
        self._headers = 0
        self._length: int | None = None
        self._expect: int | None = None

    def readline(self) -> bytes:
        """One header line (or the blank line ending the headers), checked; ``b""`` at the end of input."""
        line = self._raw.readline(MAX_HEADER_LINE + 1)
        if not line:
            if self._headers:
                raise FramingError("the input ended inside a message's headers")
            return b""
        if not line.endswith(b"\n"):
            if len(line) > MAX_HEADER_LINE:
                raise FramingError(f"a header line is longer than {MAX_HEADER_LINE} bytes ({_shown(line)})")
            raise FramingError("the input ended inside a message's headers")
        content = line.rstrip(b"\r\n")
        if not content:
            return self._end_of_headers()
        self._headers += 1
        if self._headers > MAX_HEADERS:
            raise FramingError(f"a message has more than {MAX_HEADERS} header lines")
        match = _HEADER.fullmatch(content)
        if match is None:
            raise FramingError(f"'{_shown(content)}' is not a header line (expected 'Content-Length: N')")
        name, value = match.groups()
        if name.lower() != b"content-length":
            return content + b"\r\n"
        length = self._content_length(value)
        if self._length is not None and self._length != length:
            raise FramingError(f"a message has two different Content-Length headers ({self._length} and {length})")
        self._length = length
        return b"Content-Length: %d\r\n" % length

    def _content_length(self, value: bytes) -> int:
        if not value.isdigit() or not value.isascii():
            raise FramingError(f"Content-Length '{_shown(value)}' is not a number of bytes")
        if len(value) > 12 or int(value) > self._max_body:
            mib = self._max_body // (1024 * 1024)
            raise FramingError(f"Content-Length {_shown(value)} is more than the {mib} MiB a message may have")
        return int(value)

    def _end_of_headers(self) -> bytes:
        if not self._headers:
            return b"\r\n"  # a blank line between messages: harmless, pygls skips it
        if self._length is None:
            raise FramingError("a message has no Content-Length header")
        self._expect, self._headers, self._length = self._length, 0, None
        return b"\r\n"

    def read(self, size: int) -> bytes:
        """The body announced by the last headers: exactly that many bytes, or a :class:`FramingError`."""
        if size != self._expect:
            raise FramingError(f"asked for {size} bytes of body where the headers announced {self._expect}")
        self._expect = None
        body = self._raw.read(size)
        if len(body) < size:
            raise FramingError(f"the input ended inside a message ({len(body)} of {size} bytes)")
        return body
