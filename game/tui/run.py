"""Build the app (:func:`make_app`, for the CLI and the tests) and run it (:func:`run_app`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from game.tui.app import CitizenApp
from game.tui.launch import Launch
from game.tui.screens.too_small import MIN_SIZE

if TYPE_CHECKING:
    from game.engine.content import Content
    from game.engine.state import Setup
    from game.play import SaveStore
    from game.present import Display
    from game.tools.watch import LiveReload
    from game.workshop import Workshop

__all__ = ["MIN_SIZE", "CitizenApp", "make_app", "run_app"]


def make_app(
    content: Content | Callable[[], Content],
    setup: Setup | None = None,
    *,
    display: Display | None = None,
    saves: SaveStore | None = None,
    player: str = "",
    start: bool = False,
    new_life: bool = False,
    open_save: tuple[str, int] | None = None,
    watch: LiveReload | None = None,
    workshop: Workshop | None = None,
    theme: str | None = None,
    remember_theme: bool = False,
) -> CitizenApp:
    """The app: ``setup`` fills the new-life screen (or starts at once with ``start``); the rest as :class:`Launch` says."""
    launch = Launch(display, saves, player, start, new_life, open_save, watch, workshop, theme, remember_theme)
    return CitizenApp(content, setup, launch)


def run_app(content: Content | Callable[[], Content], setup: Setup | None = None, **options: Any) -> int:
    """Run the game in the terminal (``options`` as for :func:`make_app`); returns the exit code.

    ``content`` may be a function that loads the packs: the title is then shown first.

    Raises:
        PackError: the packs, loaded after the title appeared, have errors.
    """
    app = make_app(content, setup, **options)
    result = app.run()
    if app.pack_error is not None:
        raise app.pack_error
    if isinstance(result, int):
        return result
    return app.return_code or 0  # 1 when the app stopped on an error
