"""The TUI does not keep what a gone widget rendered (see game/tui/textual_fixes.py)."""

from __future__ import annotations

import gc
import weakref

from textual._styles_cache import StylesCache
from textual.color import Color
from textual.style import Style

import game.tui  # noqa: F401 - applies the fixes


def test_a_styles_cache_is_freed_with_its_widget() -> None:
    cache = StylesCache()
    inner, outer = cache.get_inner_outer(Color(10, 20, 30), Color(1, 2, 3, 0.5))
    gone = weakref.ref(cache)
    del cache
    gc.collect()
    assert gone() is None, "get_inner_outer's cache keeps the styles cache (and every line it rendered) alive"
    assert (inner, outer) == (
        Style(background=Color(10, 20, 30) + Color(1, 2, 3, 0.5)),
        Style(background=Color(10, 20, 30)),
    )
    assert StylesCache().get_inner_outer(Color(10, 20, 30), Color(1, 2, 3, 0.5))[0] is inner  # still cached
