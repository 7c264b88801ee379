"""Myth and fact in the debrief: each claim of the packs' deck, and the moments where the class met it.

A myth comes up in a life when an event it names fired, a choice it names was
taken, a privilege it names was lost, a rule it names was recorded, or the
life was scored by a system or put on a list it names. Plain data, pack text
made plain; each renderer escapes it for its medium.
"""

from __future__ import annotations

from dataclasses import dataclass

from game import present
from game.engine.content import Content, Myth
from game.engine.life import Life
from game.notes import reliability_words
from game.safe_text import to_plain
from game.strings import S


@dataclass(frozen=True)
class MythMoment:
    """One moment of one life where a myth came up (``day`` 0: the whole life)."""

    player: str
    day: int
    text: str


@dataclass(frozen=True)
class MythReport:
    """A myth of the deck with the moments the class met it."""

    id: str
    claim: str
    fact: str
    reliability: str
    reliability_text: str
    sources: list[str]
    moments: list[MythMoment]


def myth_reports(content: Content, lives: list[tuple[str, Life]]) -> list[MythReport]:
    """The deck in its order, each myth with its moments in ``lives`` ((player, life) pairs)."""
    return [
        MythReport(
            myth.id,
            to_plain(myth.claim),
            to_plain(myth.fact),
            myth.reliability,
            reliability_words(myth.reliability),
            [to_plain(s) for s in myth.sources],
            [m for player, life in lives for m in moments_of(content, myth, player, life)],
        )
        for myth in content.myths.values()
    ]


def moments_of(content: Content, myth: Myth, player: str, life: Life) -> list[MythMoment]:
    """Where ``myth`` came up in ``life``, by day."""
    state = life.state
    out: list[MythMoment] = []
    seen_events: set[str] = set()
    for day, event_id, choice_id in state.log:
        event = content.events.get(event_id)
        if event is None:
            continue
        label = next((c.label for c in event.choices if c.id == choice_id), choice_id)
        if f"{event_id}/{choice_id}" in myth.choices:
            out.append(MythMoment(player, day, S["myth_moment_choice"].format(event=event.title, choice=label)))
        elif event_id in myth.events and event_id not in seen_events:
            out.append(MythMoment(player, day, S["myth_moment_event"].format(event=event.title)))
        seen_events.add(event_id)
    for day, privilege, held, _cause in state.privilege_log:
        if not held and privilege in myth.privileges:
            name = present.name_of(content, "privilege", privilege)
            out.append(MythMoment(player, day, S["myth_moment_lost"].format(privilege=name)))
    for record in state.records:
        if record.shadow or not (record.rule in myth.rules or f"{record.system}.{record.rule}" in myth.rules):
            continue
        text = S["myth_moment_rule"].format(
            rule=present.rule_name(content, record.system, record.rule),
            points=present.signed_score(content, record.system, record.points),
            system=present.name_of(content, "system", record.system),
        )
        out.append(MythMoment(player, record.day, text))
    for system in sorted(set(state.enrolled) & set(myth.systems)):
        out.append(MythMoment(player, 0, S["myth_moment_system"].format(system=present.name_of(content, "system", system))))
    for list_id in sorted(set(state.lists) & set(myth.lists)):
        out.append(MythMoment(player, 0, S["myth_moment_list"].format(list=present.name_of(content, "list", list_id))))
    out.sort(key=lambda m: m.day)
    return [MythMoment(m.player, m.day, to_plain(m.text)) for m in out]
