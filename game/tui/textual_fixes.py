"""A workaround for a Textual bug that kept every widget's rendered lines alive after the widget was gone.

``textual._styles_cache.StylesCache.get_inner_outer`` (Textual 8.2) is a method
under ``functools.lru_cache(1024)`` without ``@classmethod``, so the cache keys
on ``self``: it holds up to 1,024 ``StylesCache`` objects, each with every
``Strip`` its widget rendered (and their crop caches). Footers recompose and
toasts come and go all through a life, so a 60-day life in the TUI grew from
about 53 to 80 MiB. :func:`apply` keys the same cache on the two colours only,
as the method's ``cls`` parameter says was meant; it does nothing once Textual
has changed the method.
"""

from __future__ import annotations

import functools
from typing import Any


def apply() -> None:
    """Cache ``get_inner_outer`` by its colours, not by the widget's styles cache (idempotent)."""
    from textual._styles_cache import StylesCache

    method: Any = StylesCache.__dict__.get("get_inner_outer")
    original = getattr(method, "__wrapped__", None)
    if not hasattr(method, "cache_info") or original is None:
        return  # fixed upstream, or already applied

    @functools.lru_cache(1024)
    def get_inner_outer(base_background: Any, background: Any) -> Any:
        return original(StylesCache, base_background, background)

    StylesCache.get_inner_outer = staticmethod(get_inner_outer)  # type: ignore[method-assign,assignment]
