"""The Textual side of the sanitiser: every line the app draws is cleaned before it reaches the terminal."""

from __future__ import annotations

from rich.segment import Segment
from textual.color import Color
from textual.filter import LineFilter

from game.safe_text import clean, is_clean


class SafeSegments(LineFilter):
    """Removes control and bidi characters from every drawn segment (they are zero-width, so layout is kept)."""

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        if all(segment.control or is_clean(segment.text) for segment in segments):
            return segments
        return [segment if segment.control else Segment(clean(segment.text), segment.style) for segment in segments]
