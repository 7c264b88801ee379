"""The app shell: it owns the session and its helpers, and routes to them what screens ask for.

Screens post typed messages (:mod:`game.tui.messages`); :meth:`CitizenApp.route` is the one
place they arrive. How it starts is in :mod:`game.tui.launch`; :mod:`game.tui.run` builds and runs it.
Every screen but the title is imported where it is first shown: the title must appear fast (see docs/performance.md).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, ClassVar

from textual import events, on
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

from game.packs.problems import PackError
from game.play import Session
from game.strings import S
from game.tui.labels import label
from game.tui.launch import begin, load_late
from game.tui.messages import Ask, DeleteSave, LifeOver, OpenMyths, Request, StartLife, ToApp, ask_key
from game.tui.navigation import Navigation
from game.tui.palette import open_palette, page, palette_commands, palette_open
from game.tui.panels import Panels
from game.tui.routes import routes
from game.tui.safe_lines import SafeSegments
from game.tui.saving import SaveFlows
from game.tui.screens.too_small import MIN_SIZE, TooSmallScreen, covered, fit
from game.tui.workshop_seat import WorkshopSeat

if TYPE_CHECKING:
    from pathlib import Path

    from game.engine.content import Content
    from game.engine.state import Setup
    from game.tui.launch import Launch


class CitizenApp(App[int]):
    """AAA Citizen in the terminal: the life of ``setup`` (or the title first), as ``launch`` says."""

    CSS_PATH = "app.tcss"
    TITLE = S["game_title"]
    BINDINGS: ClassVar[list[BindingType]] = [
        ask_key("f1", Ask.HELP, label("key_help")),
        ask_key("question_mark", Ask.HELP, label("key_help"), show=False),
        ask_key("ctrl+t", Ask.THEME, label("key_theme"), show=False),
        Binding("ctrl+q", "quit", label("key_quit"), show=False, priority=True),
        # Textual's command list raises KeyError on a page key before it has laid out its lines: see palette.page
        Binding("pagedown", "palette_page(1)", show=False, priority=True),
        Binding("pageup", "palette_page(-1)", show=False, priority=True),
    ]

    def __init__(self, content: Content | Callable[[], Content], setup: Setup | None, launch: Launch) -> None:
        super().__init__()
        self.launch = launch
        self.session = session = Session(content, launch.display, launch.saves, launch.player)
        self.navigation = nav = Navigation(self, session, setup)
        self.panels = Panels(self, session)
        self.saving = SaveFlows(self, session, nav, own_life_only=launch.workshop is not None)
        self.workshop = WorkshopSeat(self, session, nav, launch.workshop) if launch.workshop else None
        nav.prompts = self.workshop.prompts if self.workshop else None
        self.routes = routes(self, nav, self.saving, self.panels)
        self.pack_error: PackError | None = None
        """Set when the packs, loaded after the title appeared, have errors (the app then exits with 1)."""
        self.crash_log: Path | None = None
        """The log of the internal error that stopped the app (see :mod:`game.tui.crash`)."""

    @on(ToApp)
    def route(self, message: ToApp) -> None:
        """The one place where what a screen asks for meets the helper that does it."""
        match message:
            case Request():
                self.routes[message.ask]()
            case StartLife():
                self.navigation.start_life(message.setup)
                if message.myths_first:
                    self.panels.myths()
            case OpenMyths():
                self.panels.myths(message.focus)
            case LifeOver():
                self.navigation.show_end()
            case DeleteSave():
                self.saving.delete(message)

    def action_ask(self, what: str) -> None:
        self.route(Request(Ask(what)))

    async def action_quit(self) -> None:
        self.saving.leave()

    def on_mount(self) -> None:
        begin(self, self.launch, self.navigation, self.saving, self.workshop)
        self.call_after_refresh(self.after_first_screen)

    def after_first_screen(self) -> None:
        """Once the first screen is drawn: the packs, if not loaded yet (with errors, the app exits with 1)."""
        if (error := load_late(self.session)) is not None:
            self.pack_error = error
            self.exit(1)

    def on_unmount(self) -> None:
        self.session.close()  # the app is leaving: another game may open this life now

    _safe_segments = SafeSegments()

    def get_line_filters(self) -> list:
        """Textual's filters, then the sanitiser: no line reaches the terminal with control or bidi characters."""
        return [*super().get_line_filters(), self._safe_segments]

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Textual's commands, then ours (see :mod:`game.tui.palette`)."""
        yield from super().get_system_commands(screen)
        yield from palette_commands(self, screen)

    def on_resize(self, event: events.Resize) -> None:
        fit(self, event.size.width, event.size.height)

    def push_screen(self, screen, *args, **kwargs):  # Textual's overloads
        """Push ``screen``; while the terminal is too small, beneath the message (a tier change, the end, ...)."""
        if isinstance(screen, TooSmallScreen) or not covered(self):
            return super().push_screen(screen, *args, **kwargs)
        self.pop_screen()
        pushed = super().push_screen(screen, *args, **kwargs)
        super().push_screen(TooSmallScreen(*MIN_SIZE))
        return pushed

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """While the terminal is too small, its keys only quit or change the theme; the page keys are ours only in the palette."""
        if covered(self) and action != "quit" and parameters != (Ask.THEME.value,):
            return False
        return palette_open(self) if action == "palette_page" else super().check_action(action, parameters)

    def action_command_palette(self) -> None:
        open_palette(self)

    def action_palette_page(self, direction: int) -> None:
        page(self, direction)

    def _handle_exception(self, error: Exception) -> None:
        """Textual's hook for an unexpected error: save, log, one line on exit (see :mod:`game.tui.crash`)."""
        from game.tui.crash import handle_crash

        try:
            self.crash_log = handle_crash(self, self.session, error, self.crash_log)
        except Exception:  # the report failed too: Textual's own traceback is better than nothing
            super()._handle_exception(error)
