"""Loading, layering and validating content packs (see :mod:`game.packs.loader`)."""

from game.packs.loader import discover_packs, load_content, validate
from game.packs.problems import PackError, Problem

__all__ = ["PackError", "Problem", "discover_packs", "load_content", "validate"]
