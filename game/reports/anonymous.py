"""``citizen debrief --anonymous``: seat numbers instead of names, everywhere the report could show one.

Players become "Seat 1", "Seat 2"... in an order that does not follow their
names (so the numbers cannot be matched to an alphabetical class list); the
save names (which are made from the names) go too, and any prompt that names a
player names their seat instead.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace

from game.reports.debrief import Played
from game.reports.prompts import Prompts
from game.strings import S


def anonymise(played: list[Played], prompts: Prompts) -> tuple[list[Played], Prompts]:
    """``played`` with seats for names and save names, and ``prompts`` with every player's name replaced."""
    order = sorted(played, key=lambda p: hashlib.sha256(f"{p.name}\0{p.player}".encode()).hexdigest())
    seats = {id(p): S["report_seat"].format(n=i) for i, p in enumerate(order, 1)}
    names: dict[str, str] = {}
    for p in played:
        for name in (p.player, p.name):
            if name.strip():
                names.setdefault(name.strip(), seats[id(p)])
    out = [replace(p, player=seats[id(p)], name=seats[id(p)]) for p in order]
    return out, Prompts(tuple(replace(item, text=_scrub(item.text, names)) for item in prompts.items))


def _scrub(text: str, names: dict[str, str]) -> str:
    for name in sorted(names, key=len, reverse=True):
        text = re.sub(rf"(?<!\w){re.escape(name)}(?!\w)", names[name], text, flags=re.IGNORECASE)
    return text
