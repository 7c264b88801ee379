"""Loading, layering and validating content packs.

The front door is :mod:`game.packs.loader` (``load_content``, ``validate``);
import it where needed. This package imports nothing itself, so that
``game.packs.problems`` stays cheap for commands that only name its errors.
"""
