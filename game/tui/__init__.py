"""The Textual game: screens that show a life and send the player's choices to the engine.

:func:`game.tui.run.make_app` builds the app (shared by the CLI and the tests);
:func:`game.tui.run.run_app` runs it. No game rule lives here: the screens ask
:class:`game.engine.life.Life` and word its answers through :mod:`game.present`.
"""

from game.tui import textual_fixes

textual_fixes.apply()
