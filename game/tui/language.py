"""The title screen's language switch: English → Svenska → Nederlands, the packs reloaded in it."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING

from game import config
from game.strings import LANGUAGE_NAMES, S, language, use_language
from game.tui.labels import relabel

if TYPE_CHECKING:
    from textual.app import App

    from game.play import Session


def next_language(code: str) -> str:
    codes = config.LANGUAGES
    return codes[(codes.index(code) + 1) % len(codes)] if code in codes else codes[0]


def switch_language(app: App[int], session: Session) -> None:
    """Speak the next language: the string table, the keys, the packs (reloaded with their translations if
    they are loaded already), and the title again; on the player's own terminal, remembered in the settings."""
    new = next_language(language())
    use_language(new)
    if session.content_loaded:
        from game.packs.loader import load_content
        from game.packs.problems import PackError

        with contextlib.suppress(PackError):  # they loaded a moment ago; a pack broken since keeps its old text
            session.content = load_content([Path(p.path) for p in session.content.packs], language=new)
    relabel(app)
    app.title = S["game_title"]
    launch = getattr(app, "launch", None)
    if launch is not None and launch.remember_theme and launch.workshop is None and not app.is_web:
        try:
            config.remember("language", new)
        except config.ConfigError as exc:
            app.notify(S["language_not_remembered"].format(error=exc), severity="warning", markup=False)
    for screen in app.screen_stack:
        if (again := getattr(screen, "speak_again", None)) is not None:
            app.call_later(again)
    app.notify(S["language_now"].format(language=LANGUAGE_NAMES.get(new, new)), markup=False)
