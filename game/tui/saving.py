"""Continue, Load, Save as and opening a save: the app's side of :class:`game.play.Session`.

Screens are imported where they are shown, so that the title appears fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import App

from game.play import SaveError
from game.strings import S

if TYPE_CHECKING:
    from collections.abc import Callable

    from textual.screen import Screen

    from game.engine.life import Life
    from game.play import Opening, Session
    from game.tui.messages import DeleteSave


class SavesMixin(App[int]):
    """Mixed into :class:`~game.tui.app.CitizenApp`; uses its ``session``, ``go`` and ``show_end``."""

    session: Session
    go: Callable[[Screen | None], None]
    show_end: Callable[[], None]

    def has_saves(self) -> bool:
        """Whether the title may offer Load."""
        return bool(self.session.saved())

    def can_continue(self) -> bool:
        return self.session.continuable() is not None

    def resume(self, life: Life, note: str) -> None:
        """Show the life the session goes on with (after loading or seating), and ``note`` about it."""
        self.notify(note, markup=False)
        if life.ended:
            self.show_end()
        else:
            from game.tui.screens.day import DayScreen

            self.go(DayScreen(self.session, []))

    def open_save(self, name: str, backup: int = 0) -> None:
        """Load a save and go on with it; when the packs changed, ask how."""
        if self.session.saves is None:
            return
        try:
            opening = self.session.open(name, backup)
        except SaveError as exc:
            self.notify(S["load_failed"].format(error=exc.message), severity="error", markup=False, timeout=12)
            return
        if opening.life is not None:
            self.session.go_on(opening, opening.life)
            self.resume(opening.life, self._loaded_note(opening, opening.life))
            return
        from game.tui.screens.ask import AskScreen

        answers = [("snapshot", S["changed_snapshot"]), ("replay", S["changed_replay"]), ("cancel", S["changed_cancel"])]
        ask = AskScreen(S["changed_title"], S["changed_text"].format(changes=opening.changes), answers)
        self.push_screen(ask, lambda answer: self._changed(opening, answer))

    def _changed(self, opening: Opening, answer: str | None) -> None:
        try:
            if answer == "snapshot":
                life = opening.snapshot()
            elif answer == "replay":
                result = opening.replay()
                life = result.life
                if not result.complete:
                    text = S["replay_partial"].format(n=result.replayed, total=result.total, reason=result.reason)
                    self.notify(text, severity="warning", markup=False, timeout=12)
            else:
                return
        except SaveError as exc:
            self.notify(S["load_failed"].format(error=exc.message), severity="error", markup=False, timeout=12)
            return
        self.session.go_on(opening, life)
        self.resume(life, self._loaded_note(opening, life))

    @staticmethod
    def _loaded_note(opening: Opening, life: Life) -> str:
        name, day = opening.name, life.state.day
        if opening.slot != name:
            return S["loaded_new_slot"].format(name=name, day=day, slot=opening.slot)
        return S["loaded"].format(name=name, day=day)

    # -- actions -----------------------------------------------------------------
    def _own_life_only(self) -> bool:
        """In a workshop a player reaches only their own life: no Continue, no Load (nor its Delete)."""
        if getattr(self, "workshop", None) is None:
            return False
        self.notify(S["workshop_own_life_only"], severity="warning", markup=False)
        return True

    def action_continue_life(self) -> None:
        if self._own_life_only():
            return
        latest = self.session.continuable()
        if latest is not None:
            self.open_save(latest.name)

    def action_load(self) -> None:
        from game.tui.screens.load import LoadScreen

        if self._own_life_only():
            return
        if self.session.saves is not None and not isinstance(self.screen, LoadScreen):
            self.push_screen(LoadScreen(self.session.content, self.session), self._load_picked)

    def on_delete_save(self, message: DeleteSave) -> None:
        """A save the player chose to delete on the Load screen: delete it there, then refresh the list."""
        try:
            self.session.delete(message.name)
        except SaveError as exc:  # a read-only folder, say
            self.notify(exc.message, severity="error", markup=False, timeout=12)
        message.refresh_list()

    def _load_picked(self, picked: tuple[str, int] | None) -> None:
        if picked is not None:
            self.open_save(*picked)

    def action_save_as(self) -> None:
        session = self.session
        if session.saves is None or session.life is None:
            return

        def named(name: str | None) -> None:
            if name is None:
                return
            try:
                info = session.save_as(name)
            except SaveError as exc:
                self.notify(S["save_failed"].format(error=exc.message), severity="error", markup=False, timeout=10)
                return
            self.notify(S["saved_as"].format(name=info.name), markup=False)

        from game.tui.screens.save_as import SaveAsScreen

        self.push_screen(SaveAsScreen(session.slot or session.life.setup.scenario), named)
