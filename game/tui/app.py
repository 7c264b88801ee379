"""The app shell: screens, themes, the command palette, and the way between screens.

:func:`make_app` builds the app for the CLI and the tests alike; :func:`run_app`
runs it and returns the exit code.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Callable, Iterable
from functools import partial
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events
from textual.app import SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

from game.packs.problems import PackError
from game.play import Session
from game.strings import S
from game.tui.safe_lines import SafeSegments
from game.tui.screens.title import TitleScreen
from game.tui.screens.too_small import TooSmallScreen
from game.tui.themes import THEMES, register_themes, remember_changes, textual_theme
from game.tui.workshop_seat import WorkshopMixin

if TYPE_CHECKING:
    from pathlib import Path

    from game.engine.content import Content
    from game.engine.model import Notice
    from game.engine.state import Setup
    from game.play import SaveStore
    from game.present import Display
    from game.tools.watch import LiveReload
    from game.workshop import Workshop

# Every other screen is imported where it is first shown: the title must appear
# fast, and it needs none of them (see docs/performance.md).


MIN_SIZE = (80, 24)
"""The smallest terminal the game is laid out for (columns, rows)."""


class CitizenApp(WorkshopMixin):
    """AAA Citizen in the terminal. ``start``: begin the life of ``setup`` at once, skipping the title."""

    CSS_PATH = "app.tcss"
    TITLE = S["game_title"]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1", "help", S["key_help"]),
        Binding("question_mark", "help", S["key_help"], show=False),
        Binding("ctrl+t", "cycle_theme", S["key_theme"], show=False),
        Binding("ctrl+q", "quit", S["key_quit"], show=False, priority=True),
        # Textual's command list raises KeyError on a page key before it has laid out its lines: see palette_page
        Binding("pagedown", "palette_page(1)", show=False, priority=True),
        Binding("pageup", "palette_page(-1)", show=False, priority=True),
    ]

    def __init__(
        self,
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
    ):
        super().__init__()
        self.start_theme = theme
        self.remember_theme = remember_theme
        self.live_reload = watch
        """The pack watcher of ``--watch`` (not ``watch``: that name is Textual's ``DOMNode.watch``)."""
        self.workshop = workshop
        self.session = Session(content, display, saves, player)
        self.defaults: Setup | None = setup
        self.start_now = start and setup is not None
        self.new_life_first = new_life
        """Open the new-life screen over the title at once (``citizen play --scenario ID``)."""
        self.pack_error: PackError | None = None
        """Set when the packs, loaded after the title appeared, have errors (the app then exits with 1)."""
        self.open_at = open_save
        self.crash_log: Path | None = None
        """The log of the internal error that stopped the app (see :mod:`game.tui.crash`)."""

    # -- the way between screens -------------------------------------------------
    _safe_segments = SafeSegments()

    def get_line_filters(self) -> list:
        """Textual's filters, then the sanitiser: no line reaches the terminal with control or bidi characters."""
        return [*super().get_line_filters(), self._safe_segments]

    def on_mount(self) -> None:
        self._stop_on_signals()
        register_themes(self)
        if self.start_theme:
            self.theme = textual_theme(self.start_theme)
        if self.remember_theme:
            remember_changes(self)
        if self.live_reload is not None:
            from game.tui.live_reload import start_watching

            start_watching(self, self.live_reload)
        self.push_screen(TitleScreen())
        self.call_after_refresh(self.after_first_screen)
        if self.workshop is not None:
            self.ask_player()
        elif self.start_now and self.defaults is not None:
            self.start_life(self.defaults)
        elif self.open_at is not None:
            self.open_save(*self.open_at)
        elif self.new_life_first:
            self.action_new_life()
        self.check_size()

    def after_first_screen(self) -> None:
        """Once the first screen is drawn: load the packs if they are not yet, and let the collector run again.

        ``citizen`` shows the title before it loads the packs, and pauses the
        garbage collector while it starts (see :func:`game.tools.play.run`);
        freezing moves the packs and modules start-up built out of its way for good.
        """
        if not self.session.content_loaded:
            try:
                self.session.content  # noqa: B018 - loads the packs
            except PackError as exc:
                self.pack_error = exc
                self.exit(1)
        gc.freeze()
        gc.enable()

    def go(self, screen: Screen | None) -> None:
        """Drop every screen above the title, then show ``screen`` (None: the title)."""
        while len(self.screen_stack) > 2:
            self.pop_screen()
        if screen is not None:
            self.push_screen(screen)
        self.check_size()  # the too-small message went with the others

    def start_life(self, setup: Setup) -> None:
        from game.tui.screens.day import DayScreen

        notices = self.session.start(setup)
        self.go(DayScreen(self.session, notices))

    def choose(self, choice_id: str) -> list[Notice]:
        """Take a choice (called by the day screen)."""
        return self.session.choose(choice_id)

    def show_end(self) -> None:
        if self.session.life is not None:
            from game.tui.screens.end import EndScreen

            self.go(EndScreen(self.session.life, self.session.display, self.end_prompts()))

    # -- actions -----------------------------------------------------------------
    def action_new_life(self) -> None:
        from game.tui.screens.new_life import NewLifeScreen

        self.go(NewLifeScreen(self.session.content, self.defaults))

    def action_title(self) -> None:
        self.go(None)

    def action_help(self) -> None:
        from game.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_myths(self, focus: str | None = None) -> None:
        """The myth-and-fact deck (from the title, the palette, a note, or before a life)."""
        from game.tui.screens.notes import MythScreen

        if not isinstance(self.screen, MythScreen):
            self.push_screen(MythScreen(list(self.session.content.myths.values()), focus, intro=focus is None))

    def action_record(self) -> None:
        from game.tui.screens.record import RecordScreen

        life = self.session.life
        if life is not None and not isinstance(self.screen, RecordScreen):
            self.push_screen(RecordScreen(life.content, life.state.records, self.session.display))

    def action_history(self) -> None:
        from game.tui.screens.history import HistoryScreen

        life = self.session.life
        if life is not None and not isinstance(self.screen, HistoryScreen):
            self.push_screen(HistoryScreen(life, self.session.display))

    def action_friends(self) -> None:
        from game.tui.screens.friends import FriendsScreen

        life = self.session.life
        if life is not None and not isinstance(self.screen, FriendsScreen):
            self.push_screen(FriendsScreen(life, self.session.display))

    def action_cycle_theme(self) -> None:
        names = list(THEMES)
        self.theme = names[(names.index(self.theme) + 1) % len(names)] if self.theme in names else names[0]

    def _stop_on_signals(self) -> None:
        """SIGTERM and SIGHUP (the terminal closed) save the life and leave the way quitting does, restoring the terminal."""
        import asyncio
        import signal

        if self.is_headless:
            return  # tests and headless runs keep their own signal handling
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGTERM, getattr(signal, "SIGHUP", None)):
            if signum is not None:
                with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                    loop.add_signal_handler(signum, self._stopped_by_signal, signum)

    def _stopped_by_signal(self, signum: int) -> None:
        self.session.autosave()
        self.exit(128 + signum)

    async def action_quit(self) -> None:
        """Save and leave. Only a life that cannot be saved makes it ask first."""
        session, life = self.session, self.session.life
        if life is None or not life.state.log:
            self.exit(0)
            return
        if session.saves is not None and session.autosave():
            self.exit(0)
            return
        if session.saves is None and life.ended:
            self.exit(0)
            return

        def answered(leave: bool | None) -> None:
            if leave:
                self.exit(0)

        from game.tui.screens.quit import QuitScreen

        if not isinstance(self.screen, QuitScreen):
            text = S["quit_save_failed"].format(error=session.save_error) if session.saves is not None else S["quit_text"]
            self.push_screen(QuitScreen(text), answered)

    # -- palette and size --------------------------------------------------------
    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Textual's commands, the themes, and every action bound on the current screen."""
        yield from super().get_system_commands(screen)
        yield SystemCommand(S["menu_myths"], S["myths_intro"], self.action_myths)
        if not isinstance(screen, TitleScreen):  # a way out of any life: the title, or a new life at once
            yield SystemCommand(S["key_title"], S["cmd_title_help"], self.action_title)
            yield SystemCommand(S["key_new_life"], S["cmd_new_life_help"], self.action_new_life)
        for name, (key, _theme) in THEMES.items():
            yield SystemCommand(S[key], S["cmd_theme_help"].format(theme=S[key]), partial(setattr, self, "theme", name))
        seen: set[str] = set()
        for active in screen.active_bindings.values():
            binding = active.binding
            if not binding.description or binding.action in seen or binding.action in ("quit", "app.quit"):
                continue
            seen.add(binding.action)
            key = self.get_key_display(binding)
            name = binding.action.removeprefix("app.")
            help_text = S[f"cmd_help_{name}"].format(key=key) if f"cmd_help_{name}" in S else S["cmd_action_help"].format(key=key)
            command = partial(self.run_action, binding.action, active.node)
            yield SystemCommand(binding.description, help_text, command, discover=binding.show)

    def on_resize(self, event: events.Resize) -> None:
        self.check_size(event.size.width, event.size.height)

    def check_size(self, width: int | None = None, height: int | None = None) -> None:
        """Cover the game with a message while the terminal is too small; uncover it after."""
        width, height = width or self.size.width, height or self.size.height
        small = width < MIN_SIZE[0] or height < MIN_SIZE[1]
        if small and not self.covered():
            self.push_screen(TooSmallScreen(*MIN_SIZE))
        elif not small and self.covered():
            self.pop_screen()

    def covered(self) -> bool:
        """Whether the too-small message shows (it stays the top screen while it does)."""
        return bool(self.screen_stack) and isinstance(self.screen_stack[-1], TooSmallScreen)

    def push_screen(self, screen, *args, **kwargs):  # Textual's overloads
        """Push ``screen``; while the terminal is too small, beneath the message (a tier change, the end, ...)."""
        if isinstance(screen, TooSmallScreen) or not self.covered():
            return super().push_screen(screen, *args, **kwargs)
        self.pop_screen()
        pushed = super().push_screen(screen, *args, **kwargs)
        super().push_screen(TooSmallScreen(*MIN_SIZE))
        return pushed

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """While the terminal is too small, its keys only quit or change the theme (no help or palette beneath).

        The page keys are ours only while the command palette is open (elsewhere they go on to the widgets).
        """
        if self.covered() and action not in ("quit", "cycle_theme"):
            return False
        if action == "palette_page":
            from textual.command import CommandPalette

            return isinstance(self.screen, CommandPalette)
        return super().check_action(action, parameters)

    def action_palette_page(self, direction: int) -> None:
        """Page through the palette's list, but only once it has lines (Textual's OptionList._move_page
        indexes ``_index_to_line`` before the list is laid out, and raises KeyError)."""
        from textual.command import CommandList

        found = self.screen.query(CommandList)
        options = found.first() if found else None
        if options is None or not options.option_count or not options.scrollable_content_region:
            return
        if direction > 0:
            options.action_page_down()
        else:
            options.action_page_up()

    # -- errors ------------------------------------------------------------------
    def _handle_exception(self, error: Exception) -> None:
        """Textual's hook for an unexpected error: save, log, one line on exit (see :mod:`game.tui.crash`)."""
        from game.tui.crash import handle_crash

        try:
            handle_crash(self, error)
        except Exception:  # the report failed too: Textual's own traceback is better than nothing
            super()._handle_exception(error)


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
    """The app, for the CLI and the tests.

    ``setup`` fills the new-life screen (or starts that life at once with ``start``; ``new_life`` opens
    that screen over the title at once);
    ``saves`` is the save folder (None: nothing is saved, and quitting a life asks first);
    ``open_save`` (slot, backup) goes on with that save at once (``citizen play --continue/--load``);
    ``watch`` reloads changed packs while the game runs (``citizen play --watch``);
    ``workshop`` asks the player's name first and seats them in it (``citizen play --workshop``);
    ``theme`` is the theme to start with (``dark``, ``light``, ``high-contrast``), and with ``remember_theme``
    a theme chosen while playing is written into the config file (see :mod:`game.config`).
    """
    return CitizenApp(
        content,
        setup,
        display=display,
        saves=saves,
        player=player,
        start=start,
        new_life=new_life,
        open_save=open_save,
        watch=watch,
        workshop=workshop,
        theme=theme,
        remember_theme=remember_theme,
    )


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
