"""Continue, Load, Save as, Delete, opening a save and saving to leave: the app's side of :class:`game.play.Session`.

The app owns one :class:`SaveFlows` and routes its actions and the ``DeleteSave``
message here. Screens are imported where they are shown, so that the title appears fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.play import SaveError
from game.strings import S

if TYPE_CHECKING:
    from textual.app import App

    from game.engine.life import Life
    from game.play import Opening, Session
    from game.tui.messages import DeleteSave
    from game.tui.shell import Shell


class SaveFlows:
    """The save questions and notes of ``app``, for the life of ``session``; ``shell`` shows the life it goes on with."""

    def __init__(self, app: App[int], session: Session, shell: Shell, *, own_life_only: bool = False) -> None:
        self.app = app
        self.session = session
        self.shell = shell
        self.own_life_only = own_life_only
        """In a workshop a player reaches only their own life: no Continue, no Load (nor its Delete)."""

    def open_save(self, name: str, backup: int = 0) -> None:
        """Load a save and go on with it; when the packs changed, ask how."""
        if self.session.saves is None:
            return
        try:
            opening = self.session.open(name, backup)
        except SaveError as exc:
            self.app.notify(S["load_failed"].format(error=exc.message), severity="error", markup=False, timeout=12)
            return
        if opening.life is not None:
            self._go_on(opening, opening.life)
            return
        from game.tui.screens.ask import AskScreen

        answers = [("snapshot", S["changed_snapshot"]), ("replay", S["changed_replay"]), ("cancel", S["changed_cancel"])]
        ask = AskScreen(S["changed_title"], S["changed_text"].format(changes=opening.changes), answers)
        self.app.push_screen(ask, lambda answer: self._changed(opening, answer))

    def _changed(self, opening: Opening, answer: str | None) -> None:
        try:
            if answer == "snapshot":
                life = opening.snapshot()
            elif answer == "replay":
                result = opening.replay()
                life = result.life
                if not result.complete:
                    text = S["replay_partial"].format(n=result.replayed, total=result.total, reason=result.reason)
                    self.app.notify(text, severity="warning", markup=False, timeout=12)
            else:
                return
        except SaveError as exc:
            self.app.notify(S["load_failed"].format(error=exc.message), severity="error", markup=False, timeout=12)
            return
        self._go_on(opening, life)

    def _go_on(self, opening: Opening, life: Life) -> None:
        try:
            self.session.go_on(opening, life)
        except SaveError as exc:  # another game has this life open
            self.app.notify(S["load_failed"].format(error=exc.message), severity="error", markup=False, timeout=12)
            return
        self.shell.resume(life, self._loaded_note(opening, life))

    @staticmethod
    def _loaded_note(opening: Opening, life: Life) -> str:
        name, day = opening.name, life.state.day
        if opening.slot != name:
            return S["loaded_new_slot"].format(name=name, day=day, slot=opening.slot)
        return S["loaded"].format(name=name, day=day)

    def _refused(self) -> bool:
        """Whether the player may reach only their own life (then it says so)."""
        if self.own_life_only:
            self.app.notify(S["workshop_own_life_only"], severity="warning", markup=False)
        return self.own_life_only

    def continue_life(self) -> None:
        """Go on with the latest save (the title's Continue)."""
        if self._refused():
            return
        latest = self.session.continuable()
        if latest is not None:
            self.open_save(latest.name)

    def load(self) -> None:
        """Show the Load screen and open the save picked there."""
        from game.tui.screens.load import LoadScreen

        if self._refused():
            return
        if self.session.saves is not None and not isinstance(self.app.screen, LoadScreen):
            self.app.push_screen(LoadScreen(self.session.content, self.session), self._load_picked)

    def _load_picked(self, picked: tuple[str, int] | None) -> None:
        if picked is not None:
            self.open_save(*picked)

    def delete(self, message: DeleteSave) -> None:
        """A save the player chose to delete on the Load screen: delete it there, then refresh the list."""
        try:
            self.session.delete(message.name)
        except SaveError as exc:  # a read-only folder, say
            self.app.notify(exc.message, severity="error", markup=False, timeout=12)
        message.refresh_list()

    def save_as(self) -> None:
        """Ask a name and save the life under it too."""
        session = self.session
        if session.saves is None or session.life is None:
            return

        def named(name: str | None) -> None:
            if name is None:
                return
            try:
                info = session.save_as(name)
            except SaveError as exc:
                self.app.notify(S["save_failed"].format(error=exc.message), severity="error", markup=False, timeout=10)
                return
            self.app.notify(S["saved_as"].format(name=info.name), markup=False)

        from game.tui.screens.save_as import SaveAsScreen

        self.app.push_screen(SaveAsScreen(session.slot or session.life.setup.scenario), named)

    def leave(self) -> None:
        """Save and leave. Only a life that cannot be saved makes it ask first."""
        app, session, life = self.app, self.session, self.session.life
        if life is None or not life.state.log:
            app.exit(0)
            return
        if session.saves is not None and session.autosave():
            app.exit(0)
            return
        if session.saves is None and life.ended:
            app.exit(0)
            return

        def answered(leave: bool | None) -> None:
            if leave:
                app.exit(0)

        from game.tui.screens.quit import QuitScreen

        if not isinstance(app.screen, QuitScreen):
            text = S["quit_save_failed"].format(error=session.save_error) if session.saves is not None else S["quit_text"]
            app.push_screen(QuitScreen(text), answered)
