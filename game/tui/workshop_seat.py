"""A workshop in the app: ask the player's name, then seat them (their unfinished life, or a new one).

The seat itself (which life, which save slot) comes from :mod:`game.workshop.seats`,
the same code the plain game uses; :class:`WorkshopSeat` only shows the question
and hands the life to the session. The app owns one when it runs a workshop.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.play import SaveError

if TYPE_CHECKING:
    from textual.app import App

    from game.play import Session
    from game.reports.prompts import Prompts
    from game.tui.shell import Shell
    from game.workshop import Workshop


class WorkshopSeat:
    """Seats the player of ``workshop`` in ``app``, for ``session``; ``shell`` shows the life."""

    def __init__(self, app: App[int], session: Session, shell: Shell, workshop: Workshop) -> None:
        self.app = app
        self.session = session
        self.shell = shell
        self.workshop = workshop

    def ask_player(self) -> None:
        """Show the name question (the first thing a workshop player sees)."""
        from game.tui.screens.player_name import PlayerNameScreen

        self.app.push_screen(PlayerNameScreen(self.workshop.title), self.seat_player)

    def seat_player(self, name: str | None) -> None:
        """Go on with the player's unfinished life in this workshop, or start a new one saved under their name."""
        workshop, session = self.workshop, self.session
        if name is None or session.saves is None:
            self.app.exit(0)
            return
        try:
            from game.workshop.seats import seat_for

            seat = seat_for(workshop, session.content, session.saves, name)
        except SaveError as exc:
            self.app.notify(exc.message, severity="error", markup=False)
            self.ask_player()
            return
        session.player = seat.player  # a returning player's name as first typed ("Wang Fang" for "wang_fang")
        self.shell.defaults = seat.life.setup
        if seat.resumed:
            try:
                session.resume(seat.life, seat.slot)
            except SaveError as exc:  # the same player in another game
                self.app.notify(exc.message, severity="error", markup=False, timeout=12)
                self.ask_player()
                return
            self.shell.resume(seat.life, seat.note)
        else:
            self.shell.start_life(seat.life.setup)
            if seat.note:
                self.app.notify(seat.note, markup=False)
        session.workshop = workshop.id
        session.autosave()  # the player's file exists from the first moment

    def prompts(self) -> Prompts:
        """The workshop's discussion prompts, for the short debrief at the end of a life."""
        from game.reports.prompts import Prompts

        return Prompts.of(self.workshop.prompts)
