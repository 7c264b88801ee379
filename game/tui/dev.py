"""The game as an importable app, for Textual's development tools.

    pip install textual-dev
    textual console                            # in one terminal: logs and print() output
    textual run --dev game.tui.dev:app         # in another: the game, with live CSS editing

It is the app ``citizen`` starts (title first, installed packs, saves in the
usual folder, the settings' theme), built by the same :func:`~game.tui.run.make_app`.
"""

from __future__ import annotations

from game import config, paths
from game.play import SaveStore
from game.tools.play import load_for_tui
from game.tui.run import make_app

app = make_app(
    load_for_tui,
    saves=SaveStore(paths.default_saves_dir()),
    theme=config.setting("theme").value,
    remember_theme=True,
)
