"""A workshop in the app: ask the player's name, then seat them (their unfinished life, or a new one).

The seat itself (which life, which save slot) comes from :mod:`game.workshop.seats`,
the same code the plain game uses; :class:`WorkshopSeat` only shows the question
and hands the life to the session. The app owns one when it runs a workshop.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.play import SaveError
from game.strings import S

if TYPE_CHECKING:
    from textual.app import App

    from game.play import Session
    from game.reports.prompts import Prompts
    from game.tui.shell import Shell
    from game.workshop import Workshop


MAX_CODE_TRIES = 3
"""Wrong seat codes in a row before the name is asked again."""


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
        """Ask a returning player's seat code, or seat a new player at once."""
        from game.workshop.seats import needs_code

        if name is None or self.session.saves is None:
            self.app.exit(0)
        elif needs_code(self.workshop, self.session.saves, name):
            self.ask_code(name, MAX_CODE_TRIES)
        else:
            self.take_seat(name, "")

    def ask_code(self, name: str, tries: int) -> None:
        """Ask ``name``'s seat code; Escape, or ``tries`` wrong codes, go back to the name question."""
        from game.tui.screens.player_name import SeatCodeScreen

        def typed(code: str | None) -> None:
            if code is None:
                self.ask_player()
            elif not self.take_seat(name, code):
                self.ask_code(name, tries - 1) if tries > 1 else self.ask_player()

        self.app.push_screen(SeatCodeScreen(name), typed)

    def take_seat(self, name: str, code: str) -> bool:
        """Go on with the player's unfinished life in this workshop, or start a new one saved under their name.

        False (the player told why, nothing read or written) for a wrong seat code; the name is
        asked again when the seat cannot be taken.
        """
        from game.workshop.seats import SeatCodeError, seat_for

        workshop, session = self.workshop, self.session
        assert session.saves is not None
        try:
            seat = seat_for(workshop, session.content, session.saves, name, code)
        except SeatCodeError as exc:
            self.app.notify(exc.message, severity="error", markup=False, timeout=10)
            return False
        except SaveError as exc:
            self.app.notify(exc.message, severity="error", markup=False)
            self.ask_player()
            return True
        session.player = seat.player  # a returning player's name as first typed ("Wang Fang" for "wang_fang")
        self.shell.defaults = seat.life.setup
        if seat.resumed:
            try:
                session.resume(seat.life, seat.slot)
            except SaveError as exc:  # the same player in another game
                self.app.notify(exc.message, severity="error", markup=False, timeout=12)
                self.ask_player()
                return True
            self.shell.resume(seat.life, seat.note)
        else:
            self.shell.start_life(seat.life.setup)
            if seat.note:
                self.app.notify(seat.note, markup=False)
        session.workshop = workshop.id
        # the player's file exists from the first moment, with the hash of a new seat code
        if session.autosave(meta=seat.meta) and seat.code:
            self.show_code(seat.code)
        return True

    def show_code(self, code: str) -> None:
        """Tell a new player their seat code, in a box they must close."""
        from game.tui.screens.ask import AskScreen

        text = S["seat_code_new"].format(code=code)
        self.app.push_screen(AskScreen(S["seat_code_new_title"], text, [("ok", S["seat_code_ok"])]))

    def prompts(self) -> Prompts:
        """The workshop's discussion prompts, for the short debrief at the end of a life."""
        from game.reports.prompts import Prompts

        return Prompts.of(self.workshop.prompts)
