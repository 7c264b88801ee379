"""Fix 16: every theme's headings and coloured words are readable on its backgrounds (WCAG contrast ≥ 4.5:1).

The contrast is computed from the colours each theme gives Textual's variables, the same
ones the ``.tcss`` files name: ``$accent`` for headings, ``$text-error`` and ``$text-success``
for barred privileges and goals.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from textual.app import App
from textual.color import Color

from game import config
from game.tui.themes import set_up_themes

TUI = Path(__file__).resolve().parent.parent / "game" / "tui"
WORDS = ("accent", "text-error", "text-success")
"""The variables coloured words are drawn in."""
GROUNDS = ("background", "surface")
"""What they are drawn on."""


def luminance(colour: Color) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.r) + 0.7152 * channel(colour.g) + 0.0722 * channel(colour.b)


def contrast(a: Color, b: Color) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def theme_variables(name: str) -> dict[str, str]:
    app = App()
    set_up_themes(app, None, remember=False)
    theme = app.get_theme(name)
    assert theme is not None, name
    return theme.to_color_system().generate()


def test_contrast_is_computed_as_wcag_says() -> None:
    assert contrast(Color.parse("#000000"), Color.parse("#ffffff")) == pytest.approx(21)
    assert contrast(Color.parse("#777777"), Color.parse("#ffffff")) == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize("theme", list(config.THEMES.values()))
@pytest.mark.parametrize("word", WORDS)
def test_coloured_words_are_readable(theme: str, word: str) -> None:
    colours = theme_variables(theme)
    for ground in GROUNDS:
        ratio = contrast(Color.parse(colours[word]), Color.parse(colours[ground]))
        assert ratio >= 4.5, f"{theme}: ${word} {colours[word]} on ${ground} {colours[ground]} is only {ratio:.2f}:1"


def test_the_styles_colour_words_only_in_readable_variables() -> None:
    """Headings in ``$accent``; red and green words in ``$text-error``/``$text-success``, never the bare (faint) ones."""
    for sheet in TUI.rglob("*.tcss"):
        for line in sheet.read_text(encoding="utf-8").splitlines():
            found = re.search(r"^\s*color:\s*\$([\w-]+)", line)
            if found and found[1] in ("error", "success", "warning"):
                pytest.fail(f"{sheet.name}: '{line.strip()}': use $text-{found[1]} for words")
