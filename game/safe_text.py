"""The one sanitiser: nothing from a pack, save or workshop file reaches a terminal as control codes or markup.

Every place where text is written to a terminal goes through this module:

- the standard streams of ``citizen`` are wrapped in :class:`SafeStream` (``guard_streams``), so
  every ``print`` and every plain-mode line is cleaned as it is written;
- Rich output is written by :func:`console`, whose every rendered segment is cleaned;
- the Textual app applies :class:`SafeSegments` (in ``game/tui``) to every line it draws.

Cleaning removes C0 controls (except newline and tab), DEL, C1 controls, and the bidirectional
overrides, embeddings, isolates and marks (U+202A–202E, U+2066–2069, U+200E, U+200F, U+061C), so
a string cannot move the cursor, set the title, write the clipboard or reorder what is around it.

Pack text may use ``[b]…[/b]``, ``[i]…[/i]`` and the colours in :data:`SAFE_COLOURS`. :func:`styled`
turns those into spans of a Rich ``Text`` directly; nothing from a pack is ever parsed as Rich or
Textual markup, so every other bracket, backslash or ``:emoji:`` shows exactly as written. A value put
into pack text (a placeholder filled in, :mod:`game.play.fill`) goes through :func:`escape_tags` first,
so that what it holds shows as written too, never as one of those tags.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import sys
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

SAFE_COLOURS = ("red", "green", "yellow", "blue", "magenta", "cyan", "grey")
LITERAL_MARK = "\ue000"
"""A private-use character :func:`escape_tags` puts in a value so that no safe tag can form in or around it;
:func:`clean` removes it after the tags are read."""
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ue000]")
"""Characters never written to a terminal: C0 (but newline and tab), DEL, C1, bidi controls (and the literal mark)."""
_QUOTED = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ue000]")
_SAFE_TAG = re.compile(r"\[(/?)(b|i|" + "|".join(SAFE_COLOURS) + r")\]")
_RICH = {"b": "bold", "i": "italic", "grey": "bright_black"}


def clean(text: str) -> str:
    """``text`` without control characters or bidi controls (keeps newline and tab)."""
    return UNSAFE.sub("", text) if UNSAFE.search(text) else text


def is_clean(text: str) -> bool:
    return UNSAFE.search(text) is None


def visible(text: str) -> str:
    """``text`` with each unsafe character, newline and tab written as its escape (``\\x1b``, ``\\u202e``), for
    one-line messages that quote a value someone typed: what :func:`clean` would silently drop is shown, so the
    value can be found and fixed."""
    if _QUOTED.search(text) is None:
        return text
    return _QUOTED.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else f"\\u{ord(m.group()):04x}", text)


def to_plain(text: str) -> str:
    """Pack text for plain output: control codes and the safe tags removed."""
    return clean(_SAFE_TAG.sub("", text))


def escape_tags(value: str) -> str:
    """``value`` made to show as written inside pack text: a ``[b]`` in it stays ``[b]`` (it is not bold), and no tag
    forms across its edges with the text around it. (:func:`styled` and :func:`to_plain` read it so; the mark
    it adds is cleaned away before output.)"""
    return LITERAL_MARK + _SAFE_TAG.sub(lambda m: f"[{LITERAL_MARK}{m.group(0)[1:]}", value) + LITERAL_MARK


def literal(text: str, style: str = "") -> Text:
    """Any text as a Rich ``Text`` shown exactly as written (cleaned, never parsed as markup)."""
    from rich.text import Text

    return Text(clean(text), style=style)


def styled(text: str) -> Text:
    """Pack text as a Rich ``Text``: the safe tags become styles, everything else shows as written.

    Unbalanced tags are harmless: a closing tag that closes nothing is dropped, an
    unclosed one runs to the end.
    """
    from rich.text import Text

    out = Text()
    open_tags: list[str] = []
    pos = 0
    for match in _SAFE_TAG.finditer(text):  # the tags are read before cleaning, so the literal mark keeps its effect
        out.append(clean(text[pos : match.start()]), style=_style(open_tags))
        closing, tag = match.groups()
        if not closing:
            open_tags.append(tag)
        elif tag in open_tags:
            del open_tags[len(open_tags) - 1 - open_tags[::-1].index(tag)]
        pos = match.end()
    out.append(clean(text[pos:]), style=_style(open_tags))
    return out


def _style(tags: list[str]) -> str:
    return " ".join(_RICH.get(tag, tag) for tag in dict.fromkeys(tags))


class SafeStream(io.TextIOBase):
    """A text stream that cleans everything written through it (for stdout and stderr)."""

    def __init__(self, raw: TextIO) -> None:
        self.raw = raw

    def write(self, text: str) -> int:
        self.raw.write(clean(text))
        return len(text)

    def writelines(self, lines: Iterable[str]) -> None:  # type: ignore[override]
        for line in lines:
            self.write(line)

    def flush(self) -> None:
        self.raw.flush()

    def isatty(self) -> bool:
        return self.raw.isatty()

    def fileno(self) -> int:
        return self.raw.fileno()

    def writable(self) -> bool:
        return True

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(self.raw, "encoding", "utf-8")

    @property
    def errors(self) -> str | None:  # type: ignore[override]
        return getattr(self.raw, "errors", None)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.raw, name)


def raw(stream: TextIO) -> TextIO:
    """The stream under a :class:`SafeStream` (for Rich, which cleans its own segments)."""
    return stream.raw if isinstance(stream, SafeStream) else stream


@contextlib.contextmanager
def guard_streams() -> Iterator[None]:
    """Wrap ``sys.stdout`` and ``sys.stderr`` in :class:`SafeStream` for the duration."""
    saved = sys.stdout, sys.stderr
    sys.stdout = SafeStream(raw(sys.stdout))
    sys.stderr = SafeStream(raw(sys.stderr))
    try:
        yield
    finally:
        with contextlib.suppress(Exception):
            sys.stdout.flush()
        sys.stdout, sys.stderr = saved


def leave_quietly() -> None:
    """The reader of stdout went away (``citizen … | head``): send what is left to nowhere, so exiting says nothing."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, raw(sys.stdout).fileno())


def console(*, stderr: bool = False, file: TextIO | None = None, **options: Any) -> Console:
    """A Rich console that never parses markup or emoji codes and cleans every segment it renders."""
    from rich.console import Console
    from rich.segment import Segment

    class SafeConsole(Console):
        def render(self, renderable: Any, options: Any = None) -> Iterable[Segment]:
            for segment in super().render(renderable, options):
                if segment.control or is_clean(segment.text):
                    yield segment
                else:
                    yield Segment(clean(segment.text), segment.style)

        def on_broken_pipe(self) -> None:
            """Rich's hook: it would exit with 1; the reader went away, which ``citizen`` ends quietly with 0
            (:func:`leave_quietly`), as every command does when piped into ``head``."""
            self.quiet = True
            raise BrokenPipeError

    target = file if file is not None else raw(sys.stderr if stderr else sys.stdout)
    options = {"markup": False, "emoji": False, "highlight": False, **options}
    return SafeConsole(file=target, **options)
