"""Which stats a life shows: the ones that belong to it.

Stats are declared pack-wide (core declares a judgment debt, children and volunteer
hours for every life), but a life has only some of them: those its scenario starts
with a value, those its world's events and the daily rules can change, and any that
has moved from its start. The status panel and the plain mode list these, so the
kitchen hand's panel does not carry the court life's judgment debt. Pure data over
the content, for every front end.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from game.engine.content import Content, Scenario
    from game.engine.effects import Effects


def life_stats(content: Content, scenario: Scenario) -> frozenset[str]:
    """The ids of the stats ``scenario``'s life can have or change (before any has moved)."""
    stats = set(scenario.stats)
    for event in content.events.values():
        if scenario.admits(event):
            for choice in event.choices:
                stats.update(_changed_by(choice.effects))
                for outcome in choice.outcomes:
                    stats.update(_changed_by(outcome.effects))
    for daily in content.daily:
        stats.update(_changed_by(daily.effects))
    return frozenset(stats)


def _changed_by(effects: Effects) -> Iterator[str]:
    for kind, value in effects.steps:
        if kind.names == "stats":
            yield from (stat_id for stat_id, _ in value)
