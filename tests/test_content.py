"""The built-in packs: the counts issue 4 promises, and that every event can happen.

These read the compiled content, so they check what the game will really play.
"""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

import pytest

from game.engine.content import Choice, Content
from game.engine.life import Life
from game.engine.selection import EventIndex
from game.engine.state import Setup
from game.packs.loader import validate

CONTENT = Path(__file__).resolve().parent.parent / "content"
PACKS = ["core", "rongcheng", "sesame", "court", "shanghai", "consumption", "elsewhere", "myths"]
GATE_FUNCTIONS = {"has", "listed", "at_least"}


def is_gated(choice: Choice) -> bool:
    """Locked by a tier, privilege, list or stat (not merely hidden)."""
    if choice.requires:
        return True
    if choice.enable_if is None:
        return False
    return any(
        c.kind in GATE_FUNCTIONS or (c.kind == "compare" and c.ids[0] in ("stat", "score", "tier"))
        for c in choice.enable_if.clauses
    )


def arcs(content: Content) -> list[set[str]]:
    """Groups of 3+ events linked by follow-ups (connected parts of the schedule graph)."""
    links: dict[str, set[str]] = {e: set() for e in content.events}
    for event in content.events.values():
        for choice in event.choices:
            for effects in (choice.effects, *(o.effects for o in choice.outcomes)):
                for target, _after, _on in effects.schedule:
                    links[event.id].add(target)
                    links[target].add(event.id)
    seen: set[str] = set()
    groups = []
    for start in links:
        if start in seen or not links[start]:
            continue
        group, todo = set(), [start]
        while todo:
            node = todo.pop()
            if node not in group:
                group.add(node)
                todo.extend(links[node] - group)
        seen |= group
        if len(group) >= 3:
            groups.append(group)
    return groups


def test_every_pack_validates_with_only_its_dependencies(builtin: Content) -> None:
    by_id = {p.id: p for p in builtin.packs}
    assert set(PACKS) == set(by_id), sorted(by_id)  # every built-in pack, so a new one is checked too
    for pack_id in PACKS:
        needed, todo = [], [pack_id]
        while todo:
            current = todo.pop()
            if current not in needed:
                needed.append(current)
                todo.extend(by_id[current].depends)
        content, problems = validate([Path(by_id[p].path) for p in needed])
        errors = [str(p) for p in problems if p.severity == "error"]
        assert content is not None and not errors, (pack_id, errors[:5])


def test_the_counts(builtin: Content) -> None:
    events = builtin.events
    assert len(events) >= 150
    assert all(len(e.choices) >= 2 for e in events.values()), [e.id for e in events.values() if len(e.choices) < 2]
    gated = [e for e in events.values() if any(is_gated(c) for c in e.choices)]
    assert len(gated) * 3 >= len(events), f"{len(gated)} of {len(events)} events have a gated choice"
    assert len(arcs(builtin)) >= 8
    assert len(builtin.scenarios) >= 6
    municipal = builtin.systems["municipal"]
    assert municipal.start == 1000 and len(municipal.rules) >= 40


def test_every_rule_and_event_has_a_source(builtin: Content) -> None:
    missing = [f"{r.system}.{r.id}" for s in builtin.systems.values() for r in s.rules.values() if not r.source.strip()]
    missing += [e.id for e in builtin.events.values() if not e.source.strip()]
    assert not missing, missing[:20]


def test_scenarios_cover_the_lives_the_articles_describe(builtin: Content) -> None:
    scenarios = builtin.scenarios.values()
    assert any("sesame" in s.optional_systems and "sesame" not in s.systems for s in scenarios), "an opt-in Sesame life"
    assert any("court_blacklist" in s.lists for s in scenarios), "a life that starts on the court blacklist"
    assert any(s.compare for s in scenarios), "a same-life-other-system comparison"
    assert "rongcheng_worker" in builtin.scenarios, "the English article's life"


def random_lives(content: Content, scenario: str, lives: int) -> tuple[Counter, list[tuple[int, int]]]:
    fired: Counter = Counter()
    empty: list[tuple[int, int]] = []
    for seed in range(lives):
        chooser = random.Random(seed)
        life = Life(content, Setup(scenario, seed))
        while (view := life.prompt()) is not None:
            life.choose(chooser.choice([v.choice.id for v in view.choices if v.lock is None]))
        fired.update(life.state.event_count)
        empty.extend((seed, day) for day in life.state.quiet_days)
        assert life.state.day == life.state.length or life.state.ending, (scenario, seed, "ended early without a reason")
    return fired, empty


def test_every_event_fires_and_no_day_is_empty(builtin: Content) -> None:
    fired: Counter = Counter()
    empty_days: dict[str, list] = {}
    for scenario in builtin.scenarios:
        counts, empty = random_lives(builtin, scenario, 150)
        fired.update(counts)
        if empty:
            empty_days[scenario] = empty[:5]
    in_a_world = {e for s in builtin.scenarios.values() for e in EventIndex.for_scenario(builtin, s).world}
    assert set(builtin.events) - in_a_world == set()  # every event belongs to some life's world
    never = sorted(in_a_world - set(fired))
    assert not never, f"{len(never)} events never fired in 150 random lives per scenario: {never}"
    assert not empty_days, f"days with no eligible event (scenario: [(seed, day)]): {empty_days}"


@pytest.mark.parametrize("scenario", ["rongcheng_worker"])
def test_a_random_life_lasts_its_full_length(builtin: Content, scenario: str) -> None:
    life = Life(builtin, Setup(scenario, 11))
    chooser = random.Random(11)
    while (view := life.prompt()) is not None:
        life.choose(chooser.choice([v.choice.id for v in view.choices if v.lock is None]))
    assert life.state.day == life.state.length and not life.state.quiet_days


def test_every_choice_is_told_in_words(builtin: Content) -> None:
    """A choice's result is a sentence of story, not only a stat line: the choice or each of its outcomes has text."""
    bare = [
        f"{e.id}/{c.id}"
        for e in builtin.events.values()
        for c in e.choices
        if not c.text.strip() and (not c.outcomes or any(not o.text.strip() for o in c.outcomes))
    ]
    assert not bare, f"{len(bare)} choices end in a bare stat line: {bare[:20]}"


@pytest.mark.parametrize(
    "scenario",
    ["rongcheng_worker", "rongcheng_villager", "sesame_renter", "court_defaulter", "shanghai_kitchen", "shenzhen_shopper"],
)
def test_every_choice_taken_says_what_happened(builtin: Content, scenario: str) -> None:
    """Played, every choice (whichever chance outcome is drawn, or none) leaves a line of text."""
    for seed in range(15):
        chooser = random.Random(seed)
        life = Life(builtin, Setup(scenario, seed))
        while (view := life.prompt()) is not None:
            choice = chooser.choice([v.choice.id for v in view.choices if v.lock is None])
            cause = f"{view.event.id}/{choice}"
            notices = life.choose(choice)
            sources = [str(n.data.get("source", "")) for n in notices if n.kind == "text"]
            told = [s for s in sources if s == cause or s.startswith(cause + "/")]
            assert told, (scenario, seed, cause)


def test_no_single_act_lifts_a_new_life_a_grade(builtin: Content) -> None:
    """From each scenario's start, no one rewarding act (at its fixed points) reaches the next grade up."""
    bought = []
    for scenario in builtin.scenarios.values():
        for system_id in (*scenario.systems, *scenario.optional_systems):
            system = builtin.systems[system_id]
            start = scenario.scores.get(system_id, system.start)
            now = system.tier_index(system.tier_for(start).id)
            for rule in system.rules.values():
                points = 0.0 if rule.points.depends else float(rule.points.eval(None))
                if points > 0 and system.tier_index(system.tier_for(start + points).id) < now:
                    bought.append(f"{scenario.id}: {system_id}.{rule.id} (+{points:g} from {start:g})")
    assert not bought, bought


@pytest.mark.parametrize(
    "scenario",
    ["rongcheng_worker", "court_defaulter", "shanghai_kitchen", "sesame_renter", "rongcheng_villager", "shenzhen_shopper"],
)
def test_a_life_ends_with_its_own_epilogue(builtin: Content, scenario: str) -> None:
    """Each built-in life has endings of its own; a finished life is told the evening and what its choices earned."""
    endings = builtin.scenarios[scenario].endings
    assert endings and endings[0].when is None  # the evening is always told
    for seed in range(6):
        life = Life(builtin, Setup(scenario, seed))
        chooser = random.Random(seed)
        while (view := life.prompt()) is not None:
            life.choose(chooser.choice([v.choice.id for v in view.choices if v.lock is None]))
        told = life.epilogue()
        assert told[0] is endings[0] and set(told) <= set(endings), (scenario, seed)
        assert all(e.when is None or e.when.eval(life) for e in told)
