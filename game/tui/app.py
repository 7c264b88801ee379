"""The app shell: it owns the session and its helpers, and routes what screens ask for.

Screens post typed messages (:mod:`game.tui.messages`) or run ``app.`` actions; the app
hands each to a helper it owns: saves and leaving to :class:`~game.tui.saving.SaveFlows`,
panels to :class:`~game.tui.panels.Panels`, a workshop to :class:`~game.tui.workshop_seat.WorkshopSeat`,
the palette to :mod:`game.tui.palette`. :mod:`game.tui.run` builds and runs it.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, ClassVar

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

from game.packs.problems import PackError
from game.play import Session
from game.strings import S
from game.tui import messages
from game.tui.palette import page, palette_commands, palette_open
from game.tui.panels import Panels
from game.tui.safe_lines import SafeSegments
from game.tui.saving import SaveFlows
from game.tui.screens.title import TitleScreen
from game.tui.screens.too_small import MIN_SIZE, TooSmallScreen, covered, too_small
from game.tui.signals import stop_on_signals
from game.tui.themes import next_theme, register_themes, remember_changes, textual_theme
from game.tui.workshop_seat import WorkshopSeat

if TYPE_CHECKING:
    from pathlib import Path

    from game.engine.content import Content
    from game.engine.life import Life
    from game.engine.state import Setup
    from game.tui.launch import Launch

# Every other screen is imported where it is first shown: the title must appear fast (see docs/performance.md).


class CitizenApp(App[int]):
    """AAA Citizen in the terminal: the life of ``setup`` (or the title first), as ``launch`` says."""

    CSS_PATH = "app.tcss"
    TITLE = S["game_title"]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1", "help", S["key_help"]),
        Binding("question_mark", "help", S["key_help"], show=False),
        Binding("ctrl+t", "cycle_theme", S["key_theme"], show=False),
        Binding("ctrl+q", "quit", S["key_quit"], show=False, priority=True),
        # Textual's command list raises KeyError on a page key before it has laid out its lines: see palette.page
        Binding("pagedown", "palette_page(1)", show=False, priority=True),
        Binding("pageup", "palette_page(-1)", show=False, priority=True),
    ]

    def __init__(self, content: Content | Callable[[], Content], setup: Setup | None, launch: Launch) -> None:
        super().__init__()
        self.launch, self.defaults = launch, setup
        self.session = Session(content, launch.display, launch.saves, launch.player)
        self.panels = Panels(self, self.session)
        self.saving = SaveFlows(self, self.session, self, own_life_only=launch.workshop is not None)
        self.workshop = WorkshopSeat(self, self.session, self, launch.workshop) if launch.workshop else None
        self.pack_error: PackError | None = None
        """Set when the packs, loaded after the title appeared, have errors (the app then exits with 1)."""
        self.crash_log: Path | None = None
        """The log of the internal error that stopped the app (see :mod:`game.tui.crash`)."""

    _safe_segments = SafeSegments()

    def get_line_filters(self) -> list:
        """Textual's filters, then the sanitiser: no line reaches the terminal with control or bidi characters."""
        return [*super().get_line_filters(), self._safe_segments]

    def on_unmount(self) -> None:
        self.session.close()  # the app is leaving: another game may open this life now

    def on_mount(self) -> None:
        launch = self.launch
        stop_on_signals(self, self.session)
        register_themes(self)
        if launch.theme:
            self.theme = textual_theme(launch.theme)
        if launch.remember_theme:
            remember_changes(self)
        if launch.watch is not None:
            from game.tui.live_reload import start_watching

            start_watching(self, self.session, launch.watch)
        self.push_screen(TitleScreen(self.session))
        self.call_after_refresh(self.after_first_screen)
        if self.workshop is not None:
            self.workshop.ask_player()
        elif launch.start and self.defaults is not None:
            self.start_life(self.defaults)
        elif launch.open_save is not None:
            self.saving.open_save(*launch.open_save)
        elif launch.new_life:
            self.action_new_life()
        self.check_size()

    def after_first_screen(self) -> None:
        """Once the first screen is drawn: load the packs if not yet, and let the collector run (see docs/performance.md)."""
        if not self.session.content_loaded:
            try:
                self.session.content  # noqa: B018 - loads the packs
            except PackError as exc:
                self.pack_error = exc
                self.exit(1)
        gc.freeze()
        gc.enable()

    # -- the way between screens -------------------------------------------------
    def go(self, screen: Screen | None) -> None:
        """Drop every screen above the title, then show ``screen`` (None: the title)."""
        while len(self.screen_stack) > 2:
            self.pop_screen()
        if screen is not None:
            self.push_screen(screen)
        self.check_size()  # the too-small message went with the others

    def start_life(self, setup: Setup) -> None:
        from game.tui.screens.day import DayScreen

        self.go(DayScreen(self.session, self.session.start(setup)))

    def resume(self, life: Life, note: str) -> None:
        """Show the life the session goes on with (after loading or seating), and ``note`` about it."""
        from game.tui.screens.day import DayScreen

        self.notify(note, markup=False)
        self.show_end() if life.ended else self.go(DayScreen(self.session, []))

    def show_end(self) -> None:
        from game.tui.screens.end import EndScreen

        if (life := self.session.life) is not None:
            self.go(EndScreen(life, self.session.display, self.workshop.prompts() if self.workshop else None))

    # -- what screens ask for ----------------------------------------------------
    def on_start_life(self, message: messages.StartLife) -> None:
        self.start_life(message.setup)
        if message.myths_first:
            self.action_myths()

    def on_life_over(self, _message: messages.LifeOver) -> None:
        self.show_end()

    def on_open_myths(self, message: messages.OpenMyths) -> None:
        self.action_myths(message.focus)

    def on_delete_save(self, message: messages.DeleteSave) -> None:
        self.saving.delete(message)

    # -- actions -----------------------------------------------------------------
    def action_new_life(self) -> None:
        from game.tui.screens.new_life import NewLifeScreen

        self.go(NewLifeScreen(self.session.content, self.defaults))

    def action_title(self) -> None:
        self.go(None)

    def action_continue_life(self) -> None:
        self.saving.continue_life()

    def action_load(self) -> None:
        self.saving.load()

    def action_save_as(self) -> None:
        self.saving.save_as()

    async def action_quit(self) -> None:
        self.saving.leave()

    def action_help(self) -> None:
        self.panels.help()

    def action_myths(self, focus: str | None = None) -> None:
        self.panels.myths(focus)

    def action_record(self) -> None:
        self.panels.record()

    def action_history(self) -> None:
        self.panels.history()

    def action_friends(self) -> None:
        self.panels.friends()

    def action_cycle_theme(self) -> None:
        self.theme = next_theme(self.theme)

    # -- palette, size and errors --------------------------------------------------
    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Textual's commands, then ours (see :mod:`game.tui.palette`)."""
        yield from super().get_system_commands(screen)
        yield from palette_commands(self, screen, myths=self.action_myths, title=self.action_title, new_life=self.action_new_life)

    def on_resize(self, event: events.Resize) -> None:
        self.check_size(event.size.width, event.size.height)

    def check_size(self, width: int | None = None, height: int | None = None) -> None:
        """Cover the game with a message while the terminal is too small; uncover it after."""
        small = too_small(width or self.size.width, height or self.size.height)
        if small and not covered(self):
            self.push_screen(TooSmallScreen(*MIN_SIZE))
        elif not small and covered(self):
            self.pop_screen()

    def push_screen(self, screen, *args, **kwargs):  # Textual's overloads
        """Push ``screen``; while the terminal is too small, beneath the message (a tier change, the end, ...)."""
        if isinstance(screen, TooSmallScreen) or not covered(self):
            return super().push_screen(screen, *args, **kwargs)
        self.pop_screen()
        pushed = super().push_screen(screen, *args, **kwargs)
        super().push_screen(TooSmallScreen(*MIN_SIZE))
        return pushed

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """While the terminal is too small, its keys only quit or change the theme (no help or palette beneath).

        The page keys are ours only while the command palette is open (elsewhere they go on to the widgets).
        """
        if covered(self) and action not in ("quit", "cycle_theme"):
            return False
        if action == "palette_page":
            return palette_open(self)
        return super().check_action(action, parameters)

    def action_palette_page(self, direction: int) -> None:
        page(self, direction)

    def _handle_exception(self, error: Exception) -> None:
        """Textual's hook for an unexpected error: save, log, one line on exit (see :mod:`game.tui.crash`)."""
        from game.tui.crash import handle_crash

        try:
            self.crash_log = handle_crash(self, self.session, error, self.crash_log)
        except Exception:  # the report failed too: Textual's own traceback is better than nothing
            super()._handle_exception(error)
