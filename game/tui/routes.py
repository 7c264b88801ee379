"""What each :class:`~game.tui.messages.Ask` does: the app's one table of requests.

A key on a screen asks with :func:`~game.tui.messages.ask_key`; the app looks the
request up here (``CitizenApp.route``). A new request is a member of ``Ask``, one
line below, and (for the palette) a ``cmd_help_`` string.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from game.tui.language import switch_language
from game.tui.messages import Ask
from game.tui.themes import cycle_theme

if TYPE_CHECKING:
    from textual.app import App

    from game.tui.navigation import Navigation
    from game.tui.panels import Panels
    from game.tui.saving import SaveFlows


def routes(app: App[int], navigation: Navigation, saving: SaveFlows, panels: Panels) -> dict[Ask, Callable[[], object]]:
    """Each request, and the helper of ``app`` that does it."""
    return {
        Ask.NEW_LIFE: navigation.new_life,
        Ask.TITLE: navigation.title,
        Ask.CONTINUE: saving.continue_life,
        Ask.LOAD: saving.load,
        Ask.SAVE_AS: saving.save_as,
        Ask.QUIT: saving.leave,
        Ask.HELP: panels.help,
        Ask.MYTHS: panels.myths,
        Ask.RECORD: panels.record,
        Ask.HISTORY: panels.history,
        Ask.FRIENDS: panels.friends,
        Ask.RULE_BOOK: panels.rule_book,
        Ask.THEME: partial(cycle_theme, app),
        Ask.LANGUAGE: partial(switch_language, app, navigation.session),
    }
