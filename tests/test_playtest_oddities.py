"""What a playtester and the translators found odd in the built-in lives, each held here.

The cellar dug by a flat-dweller; the rent rise after a new lease; sums of points in a life that keeps none; the
grid worker and Auntie Zhou asking the same question in one life; a goal's day said twice; "You do not have X" with
no way to X; a judgment's shortfall that does not add up; the ride rating in two units; two characters called Lin
Xiao; a sister and a private-school child the court's life does not have; flights spoken of as trains.
"""

from __future__ import annotations

import random
import re
import tomllib
from collections.abc import Iterator

import pytest

from game import present
from game.engine.content import Content, Event
from game.engine.life import Life
from game.engine.state import Setup
from game.play.views import goal_rows
from tests.conftest import CONTENT

SCENARIOS = ("rongcheng_worker", "rongcheng_villager", "court_defaulter", "shenzhen_shopper", "shanghai_kitchen",
             "sesame_renter", "elsewhere_mirror")  # fmt: skip


def life(content: Content, scenario: str, seed: int = 1) -> Life:
    return Life(content, Setup(scenario, seed))


def can_happen_now(content: Content, lived: Life, event_id: str) -> bool:
    event = content.events[event_id]
    return event_id in lived.index.world and (event.when is None or bool(event.when.eval(lived)))


def world_texts(content: Content, scenario: str) -> Iterator[tuple[str, str]]:
    """Every English text of the events a scenario's lives can meet: (where, text)."""
    for event_id in life(content, scenario).index.world:
        event = content.events[event_id]
        yield event_id, f"{event.title} {event.text}"
        for choice in event.choices:
            yield f"{event_id}/{choice.id}", " ".join((choice.label, choice.text, choice.locked_text))
            for outcome in choice.outcomes:
                yield f"{event_id}/{choice.id}/{outcome.id}", outcome.text


def test_only_the_villager_digs_a_cellar(builtin: Content) -> None:
    """The worker rents a flat near Xinhua Road: no shed, no yard to dig."""
    assert not can_happen_now(builtin, life(builtin, "rongcheng_worker"), "rc_cable_dig")
    assert not can_happen_now(builtin, life(builtin, "elsewhere_mirror"), "rc_cable_dig")
    assert can_happen_now(builtin, life(builtin, "rongcheng_villager"), "rc_cable_dig")


def test_no_rent_rise_on_a_lease_that_is_ending_or_new(builtin: Content) -> None:
    renter = life(builtin, "sesame_renter")  # her lease is ending: her story is the flat hunt
    assert "rent_rise" not in renter.index.world
    worker = life(builtin, "rongcheng_worker")
    assert can_happen_now(builtin, worker, "rent_rise")
    worker.state.stats["money"] = 5000
    worker.state.current = "rent_rise"
    worker.choose("deposit")  # moved: the next landlord is a new one
    assert not can_happen_now(builtin, worker, "rent_rise")


@pytest.mark.parametrize("scenario", ["court_defaulter"])
def test_a_life_under_no_score_never_lies_awake_over_points(builtin: Content, scenario: str) -> None:
    assert not life(builtin, scenario).scenario.systems
    said = [where for where, text in world_texts(builtin, scenario) if re.search(r"\bpoints\b", text)]
    assert "sleepless" not in said


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_one_informant_event_per_life(builtin: Content, scenario: str) -> None:
    """The grid worker (Rongcheng) and Auntie Zhou (elsewhere) ask the same question: no life meets both."""
    lived = life(builtin, scenario)
    lived.state.settings["informants"] = True
    both = [e for e in ("rc_report_neighbour", "information_gatherer") if can_happen_now(builtin, lived, e)]
    assert len(both) <= 1, scenario


def test_a_grade_goal_says_its_day_once(builtin: Content) -> None:
    """Was: "Reach Gold on Lotus Life (by day 30) — needs grade Gold in Lotus Life member score by day 30"."""
    row = next(r for r in goal_rows(life(builtin, "shenzhen_shopper")) if r.text == "Reach Gold on Lotus Life")
    assert row.line.count("by day") == 1, row.line
    assert "needs grade Gold" in row.line


def locks_met(content: Content, scenario: str, lives: int = 12) -> Iterator[tuple[str, str, str]]:
    """(event, choice, lock text) for every locked choice met in a few random lives of a scenario."""
    for seed in range(lives):
        lived, pick = life(content, scenario, seed), random.Random(seed)
        while (view := lived.prompt()) is not None:
            for shown in view.choices:
                if shown.lock is not None:
                    yield view.event.id, shown.choice.id, present.lock_text(content, shown.lock)
            lived.choose(pick.choice([v.choice.id for v in view.choices if v.lock is None]))


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_a_missing_privilege_says_where_it_comes_from(builtin: Content, scenario: str) -> None:
    """Never a bare "You do not have Green channel": the grade that grants it, the score it comes with, the writer's
    words on how to get it, or that nothing in this life grants it."""
    bare = {
        f"{event}/{choice}: {text}"
        for event, choice, text in locks_met(builtin, scenario)
        if re.fullmatch(r"You do not have [^—,]+", text)
    }
    assert not bare


def test_the_judgments_shortfall_is_the_money_shown(builtin: Content) -> None:
    """The lock works the judgment out now and subtracts the money the sidebar shows."""
    court = life(builtin, "court_defaulter")
    court.state.stats.update(money=109720, court_debt=200000)
    court.state.current = "court_enforcement_review"
    view = court.prompt()
    assert view is not None
    pay = next(v for v in view.choices if v.choice.id == "pay")
    assert pay.lock is not None
    text = present.lock_text(builtin, pay.lock)
    shown = present.stat_value(builtin, "money", court.stat("money"))
    assert f"you have {shown}, {present.stat_value(builtin, 'money', 90280)} short" in text, text
    assert present.stat_value(builtin, "money", 200000) in text


def test_the_ride_rating_is_told_in_stars(builtin: Content) -> None:
    system = builtin.systems["ride_rating"]
    for text in (system.name, system.description, system.source):
        assert not re.search(r"100\s*(–|-|to)\s*500", text), text
    assert present.score_text(builtin, "ride_rating", 480) == "4.80"


def test_no_two_people_share_a_name(builtin: Content) -> None:
    """Two lives both starred a Lin Xiao (the Hangzhou renter and the Shenzhen shopper)."""
    names = [s.character["name"] for s in builtin.scenarios.values() if s.id != "elsewhere_mirror"]  # the worker again
    names += [c.name for c in builtin.characters.values() if c.name != "Li Wei"]  # redeclared by Rongcheng
    assert len(names) == len(set(names)), sorted(n for n in names if names.count(n) > 1)


@pytest.mark.parametrize("scenario", ["court_defaulter"])  # Zheng Hao has a brother, Zheng Bo
def test_no_sister_in_lives_without_one(builtin: Content, scenario: str) -> None:
    said = [where for where, text in world_texts(builtin, scenario) if re.search(r"\bsister\b", text, re.I)]
    assert not said


def test_the_court_school_bill_is_for_the_son_it_has(builtin: Content) -> None:
    """Zheng Yu is eighteen and leaving school: no child to move to the public school down the road."""
    event: Event = builtin.events["court_school_fees"]
    words = " ".join((event.title, event.text, *(c.label + " " + c.text for c in event.choices)))
    assert "son" in event.text and "public school" not in words and "next term" not in words.lower()
    court = life(builtin, "court_defaulter")
    assert can_happen_now(builtin, court, "court_school_fees")


def test_flights_are_flights_and_trains_are_trains(builtin: Content) -> None:
    for event in builtin.events.values():
        needs = {p for c in event.choices for p in c.requires}
        about = f"{event.title} {event.text}".lower()
        if "flights" in needs and "high_speed_rail" not in needs:
            assert not re.search(r"\btrain|\brail", about), event.id
        if "high_speed_rail" in needs and "flights" not in needs:
            assert not re.search(r"\bfly|\bflight|\bplane", about), event.id
        for choice in event.choices:
            words = f"{choice.label} {choice.text}".lower()
            if "flights" in choice.requires:
                assert not re.search(r"\btrain|\brail", words), (event.id, choice.id)
            if "high_speed_rail" in choice.requires:
                assert not re.search(r"\bfly|\bflight|\bplane", words), (event.id, choice.id)


def test_old_tangs_page_says_the_score_the_villager_has(builtin: Content) -> None:
    """His book said 1000 while the sidebar said 990: the page now reads the score."""
    from game.play.fill import fill

    villager = life(builtin, "rongcheng_villager")
    said = fill(villager, builtin.events["rc_gatherer_visit"].text).replace("\ue000", "")  # value markers
    assert said.endswith(f"yours says {present.score_text(builtin, 'municipal', villager.score('municipal'))}."), said
    assert villager.score("municipal") == 990


def test_no_life_is_told_it_drives_a_cousins_car(builtin: Content) -> None:
    """The court's debtor and the shopper drive their own cars."""
    assert "cousin" not in builtin.events["amber_light"].text


@pytest.mark.parametrize(("lang", "train", "fly"), [("sv", r"tåg|järnväg", r"flyg"), ("nl", r"trein|\bspoor", r"vlieg|vlucht")])
def test_flights_are_flights_and_trains_are_trains_in_translation(builtin: Content, lang: str, train: str, fly: str) -> None:
    """The translators' flag: a flight spoken of as a train, or the reverse, in Swedish or Dutch."""
    said: dict[str, str] = {}
    for path in CONTENT.glob(f"*/lang/{lang}.toml"):
        said.update({k: v.get("text", "") for k, v in tomllib.loads(path.read_text(encoding="utf-8"))["strings"].items()})
    for event in builtin.events.values():
        for choice in event.choices:
            words = " ".join(said.get(f"event.{event.id}.choice.{choice.id}.{f}", "") for f in ("label", "text")).lower()
            if "flights" in choice.requires:
                assert not re.search(train, words), (event.id, choice.id, words)
            if "high_speed_rail" in choice.requires:
                assert not re.search(fly, words), (event.id, choice.id, words)
        needs = {p for c in event.choices for p in c.requires}
        about = " ".join(said.get(f"event.{event.id}.{f}", "") for f in ("title", "text")).lower()
        if "flights" in needs and "high_speed_rail" not in needs:
            assert not re.search(train, about), event.id
        if "high_speed_rail" in needs and "flights" not in needs:
            assert not re.search(fly, about), event.id
