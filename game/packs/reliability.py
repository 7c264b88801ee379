"""Check that every item says how far the real world backs it (``reliability = "…"``).

Rules, events, privileges, systems, lists, overnight rules and scenarios must
carry a value from :data:`game.engine.reliability.LEVELS` (a rule may inherit
its act's), and so must a tier with a ``reported_revoke``; acts, cities,
choices and other tiers may. A missing or unknown value is an
error in a pack that ships with the game and a warning in any other pack, so
a writer's first pack still loads while the built-in content stays honest.
"""

from __future__ import annotations

import difflib

from game.engine.reliability import LEVELS
from game.packs.layers import Layered
from game.packs.problems import Problems
from game.packs.reader import Item

REQUIRED = {
    "privileges": "privilege",
    "systems": "score system",
    "rules": "rule",
    "lists": "list",
    "scenarios": "scenario",
    "myths": "myth",
}
"""Sections whose every item needs a value (events and overnight rules too)."""

OPTIONAL = {"acts": "act", "cities": "city"}
"""Sections whose items are checked only when they give a value."""

_CHOICES = ", ".join(LEVELS)


def check_reliability(layered: Layered, problems: Problems, strict_packs: frozenset[str]) -> None:
    """Report missing and unknown values: errors for ``strict_packs``, warnings for the rest."""
    acts = layered.sections.get("acts", {})
    for section, what in REQUIRED.items():
        for key, item in layered.sections.get(section, {}).items():
            value = item.value.reliability
            if not value and section == "rules":
                act = acts.get(key.split(".", 1)[1])
                value = act.value.reliability if act else ""
            _check(item, value, f"{what} '{key}'", True, problems, strict_packs)
    for section, what in OPTIONAL.items():
        for key, item in layered.sections.get(section, {}).items():
            _check(item, item.value.reliability, f"{what} '{key}'", False, problems, strict_packs)
    for key, item in layered.sections.get("systems", {}).items():
        for tier in item.value.tiers:
            what = f"tier '{tier.id}' of '{key}'"
            _check(item, tier.reliability, what, bool(tier.reported_revoke), problems, strict_packs, "tiers.")
    for key, item in layered.events.items():
        _check(item, item.value.reliability, f"event '{key}'", True, problems, strict_packs)
        for i, choice in enumerate(item.value.choices):
            if choice.reliability:
                _check(
                    item,
                    choice.reliability,
                    f"choice '{choice.id}' of event '{key}'",
                    False,
                    problems,
                    strict_packs,
                    f"choice[{i}].",
                )
    for key, item in layered.daily.items():
        _check(item, item.value.reliability, f"overnight rule '{key}'", True, problems, strict_packs)


def _check(
    item: Item, value: str, what: str, required: bool, problems: Problems, strict: frozenset[str], prefix: str = ""
) -> None:
    if item.pack not in strict and not problems.keep_warnings:
        return  # only a warning, and no one will read it: finding its line is most of a big pack's load
    report = problems.error if item.pack in strict else problems.warning
    origin = item.origin
    if not value:
        if required:
            report(origin.file, origin.line, f'{what} has no reliability: add reliability = "…", one of {_CHOICES}')
        return
    if value not in LEVELS:
        close = difflib.get_close_matches(value, LEVELS, n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        report(
            origin.file,
            origin.at(prefix + "reliability"),
            f"unknown reliability '{value}' for {what}{hint}; use one of {_CHOICES}",
        )
