"""Fills in the placeholders of pack text (``{weekday}``, ``{date}``, ``{name:chen_yu}``, ``{stat:money}``,
``{score:rongcheng}``, ``{grade:rongcheng}``) for one life, on one day, in the player's language.

The values are worded by :mod:`game.present` (dates and weekdays through Babel, money in the language's
pattern) and respect the display: a score the display hides is '?', and so is a grade it hides. Each value
goes through :func:`game.safe_text.escape_tags`, so a name written ``[b]x[/b]`` shows as written, never as
markup; the text around it keeps its own tags. A text whose braces do not parse (only a translation can
have such a text: the validator refuses it in a pack) is shown as written.
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import TYPE_CHECKING

from game import present
from game.packs.interpolation import InterpolationError, Part, Placeholder, parse
from game.present import Display, Fill, Visibility
from game.safe_text import escape_tags
from game.strings import S

if TYPE_CHECKING:
    from game.engine.content import Content, Scenario
    from game.engine.life import Life


@functools.lru_cache(maxsize=4096)
def _parsed(text: str) -> tuple[Part, ...] | None:
    """The pieces of ``text``, or None when its braces do not parse."""
    try:
        return parse(text)
    except InterpolationError:
        return None


def fill(life: Life, text: str, display: Display | None = None, day: int | None = None) -> str:
    """``text`` with its placeholders filled in for ``life`` on ``day`` (today if None)."""
    if "{" not in text and "}" not in text:
        return text
    parts = _parsed(text)
    if parts is None:
        return text
    shown = display or Display()
    when = life.date_of(life.state.day if day is None else day)
    return "".join(part if isinstance(part, str) else escape_tags(_value(life, part, shown, when)) for part in parts)


def filler(life: Life, display: Display | None = None, day: int | None = None) -> Fill:
    """:func:`fill` for one life and day, as the one-argument function :mod:`game.present` takes."""
    return functools.partial(_fill_text, life, display, day)


def preview_fill(content: Content, scenario: Scenario) -> Fill:
    """Fills in text about a life not yet begun (a scenario's goals on its card): as on its first morning."""
    from game.engine.life import Life
    from game.engine.state import Setup

    return filler(Life(content, Setup(scenario.id, 0), listen=False), day=1)


def _fill_text(life: Life, display: Display | None, day: int | None, text: str) -> str:
    return fill(life, text, display, day)


def _value(life: Life, placeholder: Placeholder, display: Display, when: dt.date) -> str:
    content, kind, ident = life.content, placeholder.kind, placeholder.ident
    if kind == "weekday":
        return present.weekday_name(when)
    if kind == "date":
        return present.long_date(when)
    if kind == "name":
        character = content.characters.get(ident)
        return character.name if character is not None else ident
    if kind == "stat":
        return present.stat_value(content, ident, life.stat(ident)) if ident in content.stats else "?"
    if ident not in content.systems or ident not in life.state.enrolled:
        return S["not_enrolled"]
    mode = display.mode(content, ident)
    if kind == "score":
        return present.score_text(content, ident, life.score(ident)) if mode is Visibility.SHOWN else "?"
    tier = life.tier(ident)
    return present.tier_name(content, ident, tier) if mode is not Visibility.HIDDEN and tier else "?"
