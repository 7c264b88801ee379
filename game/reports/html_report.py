"""The debrief as one self-contained HTML file: inline CSS and SVG, no script, no network.

Rendered from the Jinja2 templates in ``game/reports/templates`` (or a teacher's
copy, see :mod:`game.reports.templating`) with autoescape on: pack text, names
and prompts are escaped wherever they land. Readable on a projector (large
type, strong contrast) and printable (the class summary first, then each player
on their own pages).
"""

from __future__ import annotations

from pathlib import Path

from game.reports.context import html_context
from game.reports.debrief import Debrief
from game.reports.templating import HTML, render


def render_html(debrief: Debrief, templates: Path | None = None) -> str:
    """The whole report as an HTML document (``templates``: a folder of templates that replace the built-in ones)."""
    return render(HTML, html_context(debrief), templates)
