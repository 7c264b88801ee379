"""The debrief as Markdown that reads well in a plain editor: tables, text bars and sparklines.

Rendered from ``game/reports/templates/debrief.md.j2`` (or a teacher's copy); every
value is escaped for Markdown by :func:`game.reports.templating.md`.
"""

from __future__ import annotations

from pathlib import Path

from game.reports.context import context
from game.reports.debrief import Debrief
from game.reports.templating import MARKDOWN, md, render

__all__ = ["md", "render_markdown"]


def render_markdown(debrief: Debrief, templates: Path | None = None) -> str:
    """The whole report as Markdown (``templates``: a folder of templates that replace the built-in ones)."""
    return render(MARKDOWN, context(debrief), templates)
