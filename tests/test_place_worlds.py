"""A life meets only the places it has (found playing the villager: a courtyard house in a fishing village got
the metro, the stairwell and the neighbours on the fourth floor; the Rongcheng worker rode a metro Rongcheng lacks).
Flats and metros are pools of core (core:apartment, core:metro) that only the lives with them name. Playing the
other lives found more: Zheng Hao lives above his workshop in Wenzhou (no stairwell, no commute), Lin Xiao rents in
Hangzhou (no beach, no harbour, no car), so the coast (core:coast) and the office's car (core:office_driver) are
pools too."""

from __future__ import annotations

import re

import pytest

from game.engine.content import Content, Event

METRO = re.compile(r"\bmetro\b", re.IGNORECASE)
BLOCK_OF_FLATS = re.compile(r"\bstairwell\b|\b(third|fourth|fifth) floor|\bfloors\b|\bthis block\b|\bflat \d", re.IGNORECASE)
COAST = re.compile(r"\bbeach\b|\bseafront\b|\bpier\b|\bharbour water\b", re.IGNORECASE)
CAR = re.compile(r"\byour car\b|\bdrive (home|the others)\b", re.IGNORECASE)


def _texts(event: Event) -> str:
    parts = [event.title, event.text]
    for choice in event.choices:
        parts += [choice.label, choice.text, *(o.text for o in choice.outcomes)]
    return "\n".join(parts)


def _world(content: Content, scenario: str) -> list[Event]:
    """The events ``scenario`` can draw in its own city (the Shanghai pack's come only after the worker's move there)."""
    home = content.scenarios[scenario]
    return [e for e in content.events.values() if home.admits(e) and (e.pack != "shanghai" or home.city == "shanghai")]


@pytest.mark.parametrize(
    ("scenario", "place"),
    [
        ("rongcheng_villager", BLOCK_OF_FLATS),
        ("rongcheng_villager", METRO),
        ("rongcheng_worker", METRO),
        ("elsewhere_mirror", METRO),
        ("court_defaulter", METRO),  # Wenzhou in 2018: its first metro line opened in January 2019
        ("court_defaulter", BLOCK_OF_FLATS),
        ("sesame_renter", COAST),
        ("sesame_renter", CAR),
    ],
)
def test_a_life_draws_no_event_about_a_place_it_lacks(builtin: Content, scenario: str, place: re.Pattern[str]) -> None:
    wrong = {e.id: place.search(_texts(e)).group(0) for e in _world(builtin, scenario) if place.search(_texts(e))}  # type: ignore[union-attr]
    assert not wrong, f"{scenario} can draw events about a place it lacks: {wrong}"


@pytest.mark.parametrize("scenario", ["shanghai_kitchen", "sesame_renter", "shenzhen_shopper"])
def test_the_metro_cities_keep_their_metro(builtin: Content, scenario: str) -> None:
    assert {"metro_seat", "bike_share"} <= {e.id for e in _world(builtin, scenario)}


COASTAL = ["rongcheng_worker", "rongcheng_villager", "shenzhen_shopper", "court_defaulter", "shanghai_kitchen"]


@pytest.mark.parametrize("scenario", COASTAL)
def test_the_coastal_lives_keep_their_coast(builtin: Content, scenario: str) -> None:
    assert {"beach_cleanup", "river_rescue"} <= {e.id for e in _world(builtin, scenario)}


@pytest.mark.parametrize("scenario", ["rongcheng_worker", "elsewhere_mirror", "shenzhen_shopper"])
def test_the_office_lives_that_drive_keep_the_team_dinner(builtin: Content, scenario: str) -> None:
    assert "team_dinner" in {e.id for e in _world(builtin, scenario)}
