"""How the app is to start: the options of ``citizen play`` that the app reads once, at mount."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from game.play import SaveStore
    from game.present import Display
    from game.tools.watch import LiveReload
    from game.workshop import Workshop


@dataclass(frozen=True)
class Launch:
    """The app's start-up options (the keywords of :func:`game.tui.run.make_app`).

    ``display``: what the player is shown of the scores and rules;
    ``saves`` is the save folder (None: nothing is saved, and quitting a life asks first);
    ``player``: the name saves are made under;
    ``start`` begins the life of the given setup at once (the setup otherwise fills the new-life screen);
    ``new_life`` opens that screen over the title at once (``citizen play --scenario ID``);
    ``open_save`` (slot, backup) goes on with that save at once (``citizen play --continue/--load``);
    ``watch`` reloads changed packs while the game runs (``citizen play --watch``);
    ``workshop`` asks the player's name first and seats them in it (``citizen play --workshop``);
    ``theme`` is the theme to start with (``dark``, ``light``, ``high-contrast``), and with ``remember_theme``
    a theme chosen while playing is written into the config file (see :mod:`game.config`).
    """

    display: Display | None = None
    saves: SaveStore | None = None
    player: str = ""
    start: bool = False
    new_life: bool = False
    open_save: tuple[str, int] | None = None
    watch: LiveReload | None = None
    workshop: Workshop | None = None
    theme: str | None = None
    remember_theme: bool = False
