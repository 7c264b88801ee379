"""A workshop in the app: ask the player's name, then seat them (their unfinished life, or a new one).

The seat itself (which life, which save slot) comes from :mod:`game.workshop.seats`,
the same code the plain game uses; this mixin only shows the question and
hands the life to the session.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.play import SaveError
from game.tui.saving import SavesMixin

if TYPE_CHECKING:
    from collections.abc import Callable

    from game.engine.state import Setup
    from game.reports.prompts import Prompts
    from game.workshop import Workshop


class WorkshopMixin(SavesMixin):
    """Mixed into :class:`~game.tui.app.CitizenApp`; uses its ``workshop``, ``session``, ``start_life`` and ``resume``."""

    workshop: Workshop | None
    defaults: Setup | None
    start_life: Callable[[Setup], None]

    def ask_player(self) -> None:
        """Show the name question (the first thing a workshop player sees)."""
        assert self.workshop is not None
        from game.tui.screens.player_name import PlayerNameScreen

        self.push_screen(PlayerNameScreen(self.workshop.title), self.seat_player)

    def seat_player(self, name: str | None) -> None:
        """Go on with the player's unfinished life in this workshop, or start a new one saved under their name."""
        workshop, session = self.workshop, self.session
        if name is None or workshop is None or session.saves is None:
            self.exit(0)
            return
        try:
            from game.workshop.seats import seat_for

            seat = seat_for(workshop, session.content, session.saves, name)
        except SaveError as exc:
            self.notify(exc.message, severity="error", markup=False)
            self.ask_player()
            return
        session.player = name
        self.defaults = seat.life.setup
        if seat.resumed:
            session.resume(seat.life, seat.slot)
            self.resume(seat.life, seat.note)
        else:
            self.start_life(seat.life.setup)
            if seat.note:
                self.notify(seat.note, markup=False)
        session.workshop = workshop.id
        session.autosave()  # the player's file exists from the first moment

    def end_prompts(self) -> Prompts | None:
        """The workshop's discussion prompts, for the short debrief at the end of a life."""
        from game.reports.prompts import Prompts

        return Prompts.of(self.workshop.prompts) if self.workshop is not None else None
