"""The title screen: the world in two lines, and New life / Continue / Load / Help / Quit."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Center, Vertical
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from game.play import Session
from game.strings import LANGUAGE_NAMES, S, language
from game.tui.labels import label
from game.tui.messages import Ask, AsksTheApp, Request, ask_key

MENU = {
    "new": Ask.NEW_LIFE,
    "continue": Ask.CONTINUE,
    "load": Ask.LOAD,
    "myths": Ask.MYTHS,
    "language": Ask.LANGUAGE,
    "help": Ask.HELP,
    "quit": Ask.QUIT,
}
"""What each entry of the menu asks the app for."""


class TitleScreen(AsksTheApp, Screen):
    """The first screen."""

    CSS_PATH = "title.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        ask_key("n", Ask.NEW_LIFE, label("menu_new")),
        ask_key("c", Ask.CONTINUE, label("menu_continue")),
        ask_key("l", Ask.LOAD, label("menu_load")),
        ask_key("m", Ask.MYTHS, label("menu_myths")),
        ask_key("f2", Ask.LANGUAGE, label("key_language"), show=False),
        ask_key("q", Ask.QUIT, label("key_quit")),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        with Vertical(id="title-box"):
            yield Static(S["game_title"], id="game-title")
            yield Static(S["intro_1"], id="intro-1")
            yield Static(S["intro_2"], id="intro-2")
            with Center():
                yield OptionList(id="menu")
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_menu()

    def on_screen_resume(self) -> None:
        self.refresh_menu()

    async def speak_again(self) -> None:
        """After a language switch: every line of the screen in the new language, the menu where it was."""
        at = self.query_one("#menu", OptionList).highlighted
        await self.recompose()
        self.refresh_menu()
        self.query_one("#menu", OptionList).highlighted = at

    def refresh_menu(self) -> None:
        """Continue and Load are open only when there is a saved life."""
        has_saves = bool(self.session.saved())
        can_continue = self.session.continuable() is not None
        found = self.query("#menu")
        if not found:  # resumed before it was composed
            return
        menu = found.first(OptionList)
        menu.clear_options()
        menu.add_options(
            [
                Option(S["menu_new"], id="new"),
                Option(S["menu_continue"] if can_continue else S["menu_continue_none"], id="continue", disabled=not can_continue),
                Option(S["menu_load"], id="load", disabled=not has_saves),
                Option(S["menu_myths"], id="myths"),
                Option(S["menu_language"].format(language=LANGUAGE_NAMES.get(language(), language())), id="language"),
                Option(S["menu_help"], id="help"),
                Option(S["menu_quit"], id="quit"),
            ]
        )
        menu.highlighted = 0
        menu.focus()

    @on(OptionList.OptionSelected, "#menu")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self.post_message(Request(MENU[event.option_id or "new"]))
