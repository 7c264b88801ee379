"""The command palette's own entries: a way out of a life, the themes, and every key bound on the current screen."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial
from typing import Any

from textual.app import App, SystemCommand
from textual.screen import Screen

from game.strings import S
from game.tui.messages import Ask, Request
from game.tui.screens.title import TitleScreen
from game.tui.themes import THEMES


def palette_commands(app: App[int], screen: Screen) -> Iterable[SystemCommand]:
    """The myths, the title and a new life (not on the title), the themes, and the actions bound on ``screen``.

    An entry of ours asks the app as a key would (a :class:`Request`); its help is ``S["cmd_help_" + what it asks for]``
    (the action's name for a screen's own action), or just its key.
    """
    yield SystemCommand(S["menu_myths"], S["myths_intro"], asking(app, Ask.MYTHS))
    if not isinstance(screen, TitleScreen):  # a way out of any life: the title, or a new life at once
        yield SystemCommand(S["key_title"], S["cmd_title_help"], asking(app, Ask.TITLE))
        yield SystemCommand(S["key_new_life"], S["cmd_new_life_help"], asking(app, Ask.NEW_LIFE))
    for name, (key, _theme) in THEMES.items():
        yield SystemCommand(S[key], S["cmd_theme_help"].format(theme=S[key]), partial(setattr, app, "theme", name))
    seen: set[str] = set()
    for active in screen.active_bindings.values():
        binding = active.binding
        asked = Ask.of_action(binding.action)
        if not binding.description or binding.action in seen or binding.action == "quit" or asked is Ask.QUIT:
            continue
        seen.add(binding.action)
        key = app.get_key_display(binding)
        name = asked.value if asked else binding.action
        help_text = S[f"cmd_help_{name}"].format(key=key) if f"cmd_help_{name}" in S else S["cmd_action_help"].format(key=key)
        command = partial(app.run_action, binding.action, active.node)
        yield SystemCommand(binding.description, help_text, command, discover=binding.show)


def asking(app: App[int], ask: Ask) -> Callable[[], None]:
    """A palette command that asks the app for ``ask``, as its key would."""

    def command() -> None:
        app.post_message(Request(ask))

    return command


def palette_open(app: App[int]) -> bool:
    """Whether the command palette is the current screen (the page keys are ours only then)."""
    from textual.command import CommandPalette

    return isinstance(app.screen, CommandPalette)


def page(app: App[int], direction: int) -> None:
    """Page through the palette's list, but only once it has lines (Textual's OptionList._move_page
    indexes ``_index_to_line`` before the list is laid out, and raises KeyError)."""
    from textual.command import CommandList

    found = app.screen.query(CommandList)
    options = found.first() if found else None
    if options is None or not options.option_count or not options.scrollable_content_region:
        return
    if direction > 0:
        options.action_page_down()
    else:
        options.action_page_up()


MAX_QUERY = 100
"""Characters the palette's search takes: a paste of a page (100,000 keys) is one key each, and each
changed query starts a search, so an uncapped field took minutes and gigabytes."""


def open_palette(app: App[Any]) -> None:
    """Textual's command palette, its search field capped at :data:`MAX_QUERY` characters."""
    from textual.command import CommandInput, CommandPalette

    class CappedPalette(CommandPalette):
        def on_mount(self) -> None:
            self.query_one(CommandInput).max_length = MAX_QUERY

    if app.use_command_palette and not CommandPalette.is_open(app):
        app.push_screen(CappedPalette(id="--command-palette"))
