"""How the app starts: the options of ``citizen play`` (:class:`Launch`), read once at mount (:func:`begin`)."""

from __future__ import annotations

import gc
from dataclasses import dataclass
from typing import TYPE_CHECKING

from game.packs.problems import PackError
from game.tui.screens.title import TitleScreen
from game.tui.screens.too_small import fit
from game.tui.signals import stop_on_signals
from game.tui.themes import set_up_themes

if TYPE_CHECKING:
    from textual.app import App

    from game.play import SaveStore, Session
    from game.present import Display
    from game.tools.watch import LiveReload
    from game.tui.navigation import Navigation
    from game.tui.saving import SaveFlows
    from game.tui.workshop_seat import WorkshopSeat
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


def begin(app: App[int], launch: Launch, navigation: Navigation, saving: SaveFlows, workshop: WorkshopSeat | None) -> None:
    """Once the app is mounted: its signals, theme and live reload, the title, and over it what ``launch`` asks for first."""
    session = navigation.session
    stop_on_signals(app, session)
    set_up_themes(app, launch.theme, remember=launch.remember_theme)
    if launch.watch is not None:
        from game.tui.live_reload import start_watching

        start_watching(app, session, launch.watch)
    app.push_screen(TitleScreen(session))
    if workshop is not None:
        workshop.ask_player()
    elif launch.start and navigation.defaults is not None:
        navigation.start_life(navigation.defaults)
    elif launch.open_save is not None:
        saving.open_save(*launch.open_save)
    elif launch.new_life:
        navigation.new_life()
    fit(app)


def load_late(session: Session) -> PackError | None:
    """Once the first screen is drawn: load the packs if not yet (their errors, if any), and let the collector run.

    See docs/performance.md: the collector is paused until the first frame, and what start-up built is frozen out of its way.
    """
    error = None
    if not session.content_loaded:
        try:
            session.content  # noqa: B018 - loads the packs
        except PackError as exc:
            error = exc
    gc.freeze()
    gc.enable()
    return error
