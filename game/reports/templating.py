"""The debrief's templates (Jinja2): the built-in ones in ``game/reports/templates``, or a teacher's copy.

A teacher adapts the report by copying that folder, editing it, and passing
``citizen debrief --templates DIR``: a file there replaces the built-in one of
the same name. Templates run sandboxed (no attribute access beyond the
report's data, no imports), with every value escaped for its medium: HTML by
autoescape, Markdown by :func:`md`. A template is bounded too: at most
:data:`MAX_SECONDS` of rendering and :data:`MAX_CHARS` of output, repetition
(``'a' * n``) checked before it is made, and a template that includes itself
is an error, not a crash.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from jinja2 import BaseLoader, ChoiceLoader, FileSystemLoader, PackageLoader, StrictUndefined, TemplateError
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup

HTML = "debrief.html.j2"
MARKDOWN = "debrief.md.j2"


MAX_SECONDS = 10
MAX_CHARS = 64 * 2**20
"""Characters of one rendered report: a class of 30 lives takes well under 2 MiB."""


class ReportTemplateError(Exception):
    """A teacher's template that cannot be used: one message with the file and line."""


class _TooLong(Exception):
    """Rendering passed :data:`MAX_SECONDS` or :data:`MAX_CHARS`."""


class BoundedSandbox(SandboxedEnvironment):
    """Jinja2's sandbox, with ``*`` refused when it would make a string or list past :data:`MAX_CHARS`."""

    intercepted_binops = frozenset({"*"})

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "*":
            for seq, times in ((left, right), (right, left)):
                if isinstance(seq, str | list | tuple) and isinstance(times, int) and len(seq) * max(times, 0) > MAX_CHARS:
                    raise _TooLong
        return super().call_binop(context, operator, left, right)


@contextmanager
def _deadline(seconds: float) -> Iterator[None]:
    """Raise :class:`_TooLong` in this thread after ``seconds`` (a timer signal; only in the main thread)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(_signum: int, _frame: object) -> None:
        raise _TooLong

    before = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, before)


def _bounded(chunks: Iterator[str], until: float) -> str:
    out: list[str] = []
    size = 0
    for chunk in chunks:
        size += len(chunk)
        if size > MAX_CHARS or time.monotonic() > until:
            raise _TooLong
        out.append(chunk)
    return "".join(out)


def md(text: object) -> str:
    """Text made safe inside Markdown: no HTML, no table breaks, no accidental formatting."""
    if isinstance(text, Markup):  # a macro's output (``| safe``): its values are escaped already
        return str(text)
    out = str(text).replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")
    for ch in "*_`[]<>":
        out = out.replace(ch, "\\" + ch)
    return out


def _loader(templates: Path | None) -> BaseLoader:
    builtin = PackageLoader("game.reports", "templates")
    return ChoiceLoader([FileSystemLoader(templates), builtin]) if templates is not None else builtin


def render(name: str, context: dict[str, object], templates: Path | None = None) -> str:
    """Render the template ``name`` (HTML or Markdown by its name) with ``context``.

    Raises:
        ReportTemplateError: a template of ``templates`` has a syntax error or uses what is not there.
    """
    markdown = name.endswith(".md.j2")
    env = BoundedSandbox(
        loader=_loader(templates),
        autoescape=not markdown,
        finalize=md if markdown else None,
        trim_blocks=markdown,
        lstrip_blocks=markdown,
        keep_trailing_newline=True,
        undefined=StrictUndefined,
    )
    try:
        with _deadline(MAX_SECONDS):
            return _bounded(env.get_template(name).generate(context), time.monotonic() + MAX_SECONDS)
    except _TooLong:
        why = f"the report would take longer than {MAX_SECONDS} s or be longer than {MAX_CHARS // 2**20} MiB"
        raise ReportTemplateError(f"{name}: {why} (a loop or a repetition too large?)") from None
    except RecursionError:
        raise ReportTemplateError(f"{name}: templates include or call each other without end") from None
    except TemplateError as exc:
        where = f"{getattr(exc, 'filename', None) or name}, line {getattr(exc, 'lineno', None) or '?'}"
        raise ReportTemplateError(f"{where}: {exc.message or exc}") from None


def markup(function: Callable[..., str]) -> Callable[..., Markup]:
    """``function``'s output (ready-made SVG, escaped by :mod:`game.reports.svg`) kept as it is by autoescape."""

    def wrapped(*args: object, **kwargs: object) -> Markup:
        return Markup(function(*args, **kwargs))

    return wrapped
