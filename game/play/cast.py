"""Who is in a life: the characters its scenario and its world's events name.

Characters are declared pack-wide, but a life meets only some of them: those its
scenario starts as friends, those its world's events are about (an event's
``character``), and those its world's choices befriend, unfriend or score. The
people screen lists these (and anyone the life has made a friend), never the cast
of another life. Pure data over the content, for every front end.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from game.engine.content import Content, Event, Scenario
    from game.engine.effects import Effects


def cast(content: Content, scenario: Scenario, friends: frozenset[str] | set[str] = frozenset()) -> list[str]:
    """The ids of the characters of ``scenario``'s life (and of ``friends``), in the order content declares them."""
    named = set(scenario.friends) | set(friends)
    for event in content.events.values():
        if scenario.admits(event):
            named.update(_characters_of(event))
    return [who for who in content.characters if who in named]


def _characters_of(event: Event) -> Iterator[str]:
    if event.character:
        yield event.character
    for choice in event.choices:
        yield from _named_by(choice.effects)
        for outcome in choice.outcomes:
            yield from _named_by(outcome.effects)


def _named_by(effects: Effects) -> Iterator[str]:
    yield from effects.befriend
    yield from effects.unfriend
    yield from (who for who, _, _ in effects.character_scores)
