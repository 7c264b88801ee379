"""The debrief's templates (Jinja2): the built-in ones in ``game/reports/templates``, or a teacher's copy.

A teacher adapts the report by copying that folder, editing it, and passing
``citizen debrief --templates DIR``: a file there replaces the built-in one of
the same name. Templates run sandboxed (no attribute access beyond the
report's data, no imports), with every value escaped for its medium: HTML by
autoescape, Markdown by :func:`md`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from jinja2 import BaseLoader, ChoiceLoader, FileSystemLoader, PackageLoader, StrictUndefined, TemplateError
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup

HTML = "debrief.html.j2"
MARKDOWN = "debrief.md.j2"


class ReportTemplateError(Exception):
    """A teacher's template that cannot be used: one message with the file and line."""


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
    env = SandboxedEnvironment(
        loader=_loader(templates),
        autoescape=not markdown,
        finalize=md if markdown else None,
        trim_blocks=markdown,
        lstrip_blocks=markdown,
        keep_trailing_newline=True,
        undefined=StrictUndefined,
    )
    try:
        return env.get_template(name).render(context)
    except TemplateError as exc:
        where = f"{getattr(exc, 'filename', None) or name}, line {getattr(exc, 'lineno', None) or '?'}"
        raise ReportTemplateError(f"{where}: {exc.message or exc}") from None


def markup(function: Callable[..., str]) -> Callable[..., Markup]:
    """``function``'s output (ready-made SVG, escaped by :mod:`game.reports.svg`) kept as it is by autoescape."""

    def wrapped(*args: object, **kwargs: object) -> Markup:
        return Markup(function(*args, **kwargs))

    return wrapped
