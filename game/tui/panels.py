"""The screens shown over a life or the title and closed again: help, the myth-and-fact deck, the record, history,
friends, the rule book.

The app owns one :class:`Panels` and routes its actions here. Each screen is
imported where it is shown (the title must appear fast), and none is opened twice.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.app import App

    from game.play import Session


class Panels:
    """Opens the panels of ``app`` for the life of ``session``."""

    def __init__(self, app: App[int], session: Session) -> None:
        self.app = app
        self.session = session

    def help(self) -> None:
        from game.tui.screens.help import HelpScreen

        if not isinstance(self.app.screen, HelpScreen):
            self.app.push_screen(HelpScreen())

    def myths(self, focus: str | None = None) -> None:
        """The myth-and-fact deck (from the title, the palette, a note, or before a life)."""
        from game.tui.screens.notes import MythScreen

        if not isinstance(self.app.screen, MythScreen):
            self.app.push_screen(MythScreen(list(self.session.content.myths.values()), focus, intro=focus is None))

    def record(self) -> None:
        from game.play.views import record_rows
        from game.tui.screens.record import RecordScreen

        life = self.session.life
        if life is not None and not isinstance(self.app.screen, RecordScreen):
            rows = record_rows(life, self.session.display)
            shown = self.session.display
            self.app.push_screen(RecordScreen(life.content, rows, shown, life.state.enrolled, life.setup.rule_overrides))

    def history(self) -> None:
        from game.tui.screens.history import HistoryScreen

        life = self.session.life
        if life is not None and not isinstance(self.app.screen, HistoryScreen):
            self.app.push_screen(HistoryScreen(life, self.session.display))

    def friends(self) -> None:
        from game.tui.screens.friends import FriendsScreen

        life = self.session.life
        if life is not None and not isinstance(self.app.screen, FriendsScreen):
            self.app.push_screen(FriendsScreen(life, self.session.display))

    def rule_book(self) -> None:
        """The rule book of the life: its systems' rule and grade tables (built in :mod:`game.play.rule_book`)."""
        from game.play.rule_book import rule_book
        from game.tui.screens.rule_book import RuleBookScreen

        life = self.session.life
        if life is not None and not isinstance(self.app.screen, RuleBookScreen):
            self.app.push_screen(RuleBookScreen(rule_book(life, self.session.display)))
