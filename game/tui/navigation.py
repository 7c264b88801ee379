"""The way between screens: the title, a new life, a life's days, its end.

The app owns one :class:`Navigation`; :class:`~game.tui.saving.SaveFlows` and
:class:`~game.tui.workshop_seat.WorkshopSeat` are handed it as their
:class:`~game.tui.shell.Shell`, so none of them imports the app. Screens are
imported where they are first shown (the title must appear fast).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from game.tui.screens.too_small import fit

if TYPE_CHECKING:
    from textual.app import App
    from textual.screen import Screen

    from game.engine.life import Life
    from game.engine.state import Setup
    from game.play import Session
    from game.reports.prompts import Prompts


class Navigation:
    """Shows the screens of ``app`` for the life of ``session``; ``defaults`` fills the new-life screen."""

    def __init__(self, app: App[int], session: Session, defaults: Setup | None) -> None:
        self.app = app
        self.session = session
        self.defaults = defaults
        self.prompts: Callable[[], Prompts] | None = None
        """The workshop's discussion prompts for the end screen (None: not a workshop)."""

    def go(self, screen: Screen | None) -> None:
        """Drop every screen above the title, then show ``screen`` (None: the title)."""
        while len(self.app.screen_stack) > 2:
            self.app.pop_screen()
        if screen is not None:
            self.app.push_screen(screen)
        fit(self.app)  # the too-small message went with the others

    def title(self) -> None:
        self.go(None)

    def new_life(self) -> None:
        from game.tui.screens.new_life import NewLifeScreen

        self.go(NewLifeScreen(self.session.content, self.defaults))

    def start_life(self, setup: Setup) -> None:
        """Begin the life of ``setup`` and show its first day."""
        from game.tui.screens.day import DayScreen

        self.go(DayScreen(self.session, self.session.start(setup)))

    def resume(self, life: Life, note: str) -> None:
        """Show the life the session goes on with (after loading or seating), and ``note`` about it."""
        from game.tui.screens.day import DayScreen

        self.app.notify(note, markup=False)
        self.show_end() if life.ended else self.go(DayScreen(self.session, []))

    def show_end(self) -> None:
        from game.tui.screens.end import EndScreen

        if (life := self.session.life) is not None:
            self.go(EndScreen(life, self.session.display, self.prompts() if self.prompts else None))
