"""Playing lives headless for ``citizen simulate``: policies, one life, many lives.

Every life runs through :class:`game.engine.life.Life`, the code the game uses.
Life ``i`` of a run gets a seed derived from the base seed and ``i`` alone, and
its policy draws from its own generator seeded the same way, so a life's result
does not depend on which process played it: ``--jobs 4`` gives exactly what
``--jobs 1`` gives. No Rich, no Textual here (``validate --deep`` uses it too).
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from game.engine.content import Choice, Content
from game.engine.effects import Effects
from game.engine.life import Life
from game.engine.state import Setup
from game.tools.sim_tally import RunTally

POLICIES = ("random", "compliant", "defiant", "mixed")
"""How a simulated citizen chooses among the enabled choices (see :func:`choose`)."""

_MASK = (1 << 64) - 1


def life_seed(base: int, index: int) -> int:
    """The seed of life ``index`` of a run with seed ``base``: well mixed, positive, below 2**31."""
    z = (base * 0x9E3779B97F4A7C15 + (index + 1) * 0xD1B54A32D192ED03) & _MASK
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & _MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & _MASK
    return (z ^ (z >> 31)) >> 33


LIST_WEIGHT = 100.0
"""What going onto a list (or off it) weighs in :func:`valence`, in points: more than any single act of a
rule table, since a list bars what no score does. Off a black list or onto a red one is up; the reverse, down."""

STANCE_WEIGHT = 50.0
"""What a choice's declared ``stance`` weighs in :func:`valence`, in points: ``compliant`` up, ``defiant`` down."""

_STANCE = {"": 0.0, "compliant": STANCE_WEIGHT, "defiant": -STANCE_WEIGHT}


def valence(life: Life, choice: Choice) -> float:
    """How the authorities would read a choice: positive, they would approve; negative, they would not.

    Its meaning, in three parts: the points its acts record in the systems the
    citizen is enrolled in now; the lists it puts the citizen on or takes them
    off (:data:`LIST_WEIGHT`); and the stance its writer declared, where the
    effects cannot say it (paying a court's judgment, hiding assets:
    :data:`STANCE_WEIGHT`). The choice's own effects count in full, its outcomes'
    weighted by their chances. A life under no score (the court's defaulter)
    is read by its lists and stances alone.
    """
    total = _meaning(life, choice.effects) + _STANCE[choice.stance]
    for outcome in choice.outcomes:
        effects = outcome.effects
        if effects.record or effects.enlist or effects.delist:
            total += max(0.0, float(outcome.chance.eval(life))) * _meaning(life, effects)
    return total


def _meaning(life: Life, effects: Effects) -> float:
    total = _points(life, effects.record) if effects.record else 0.0
    lists = life.content.lists
    for list_id in effects.enlist:
        total += LIST_WEIGHT if lists[list_id].kind == "red" else -LIST_WEIGHT
    for list_id in effects.delist:
        total += -LIST_WEIGHT if lists[list_id].kind == "red" else LIST_WEIGHT
    return total


def _points(life: Life, acts: tuple[str, ...]) -> float:
    total = 0.0
    overrides = life.setup.rule_overrides
    for system_id in life.state.enrolled:
        rules = life.content.systems[system_id].rules
        for act in acts:
            rule = rules.get(act)
            if rule is not None:
                override = overrides.get(f"{system_id}.{act}")
                total += float(override if override is not None else rule.points.eval(life))
    return total


def _extreme(life: Life, choices: list[Choice], rng: random.Random, sign: float) -> Choice:
    scored = [(sign * valence(life, c), c) for c in choices]
    best = max(s for s, _ in scored)
    top = [c for s, c in scored if s == best]
    return top[0] if len(top) == 1 else rng.choice(top)


def choose(policy: str, life: Life, choices: list[Choice], rng: random.Random, compliance: float) -> Choice:
    """Pick one of the enabled ``choices``.

    ``random``: any, uniformly. ``compliant`` (the careful citizen): one with the
    highest :func:`valence` (ties at random). ``defiant``: one with the lowest. ``mixed``: compliant with
    chance ``compliance`` (drawn once per life), defiant otherwise.
    """
    if len(choices) == 1:
        return choices[0]
    if policy == "random":
        return rng.choice(choices)
    if policy == "mixed":
        policy = "compliant" if rng.random() < compliance else "defiant"
    return _extreme(life, choices, rng, 1.0 if policy == "compliant" else -1.0)


@dataclass(slots=True)
class LifeResult:
    """What one simulated life contributes to the report (small, picklable)."""

    scenario: str
    seed: int
    length: int
    day: int
    events: dict[str, int]
    offered: set[tuple[str, str]]
    enabled: set[tuple[str, str]]
    taken: dict[tuple[str, str], int]
    quiet_days: list[int]
    tiers: dict[str, str]  # every system of the scenario → final tier ("" when not enrolled)
    history: dict[str, list[tuple[int, float]]]  # system → (day, score at that day's end)
    lost: dict[str, int]  # privilege → the first day it was lost
    goals: dict[str, int]  # goal → day met, or -day missed
    ending: str = ""  # the text of an `end` effect that ended the life early
    stuck: tuple[str, int] | None = None  # (event, day) when every visible choice was locked
    compliance: float = field(default=0.0)
    recorded: set[tuple[str, str]] = field(default_factory=set)  # (system, rule) pairs that scored at least once
    tier_jumps: dict[str, tuple[int, str]] = field(default_factory=dict)
    """``system:up`` / ``system:down`` → (most tiers one choice moved its score that way, that choice)."""
    routines: frozenset[str] = frozenset()  # the events of ``events`` that are routines (``repeatable``)


def play_life(content: Content, setup: Setup, policy: str) -> LifeResult:
    """Play one life to its end with ``policy``; see :class:`LifeResult`."""
    rng = random.Random(setup.seed)
    compliance = rng.random() if policy == "mixed" else 0.0
    life = Life(content, setup, listen=False)  # the headless fast path: no views, lock reasons or notices
    offered: set[tuple[str, str]] = set()
    enabled: set[tuple[str, str]] = set()
    stuck = None
    state = life.state
    jumps: dict[str, tuple[int, str]] = {}
    while (event_id := state.current) is not None:
        open_choices = []
        for choice, can_take in life.choices_now():
            key = (event_id, choice.id)
            offered.add(key)
            if can_take:
                enabled.add(key)
                open_choices.append(choice)
        if not open_choices:
            stuck = (event_id, state.day)
            break
        picked = choose(policy, life, open_choices, rng, compliance)
        before = len(state.records)
        life.take_open(picked)  # choices_now() has just checked it: choose() would check it again
        if len(state.records) > before:
            _note_tier_jumps(life, state.records[before:], f"{event_id}/{picked.id}", jumps)
    result = _result(life, offered, enabled, stuck, compliance)
    result.tier_jumps = jumps
    return result


def _note_tier_jumps(life: Life, records: list, cause: str, jumps: dict[str, tuple[int, str]]) -> None:
    """Keep, per system, the most tiers the records of one choice (``cause``, its outcomes) moved its score."""
    moved: dict[str, tuple[float, float]] = {}
    for record in records:
        if record.cause == cause or record.cause.startswith(cause + "/"):
            first, _ = moved.get(record.system, (record.score - record.points, 0.0))
            moved[record.system] = (first, record.score)
    for system_id, (old, new) in moved.items():
        system = life.content.systems[system_id]
        was, now = system.tier_for(old), system.tier_for(new)
        if was is None or now is None:
            continue  # a system without tiers
        moved_by = system.tier_index(was.id) - system.tier_index(now.id)  # tier 0 is the highest: positive is up
        key = f"{system_id}:{'up' if moved_by > 0 else 'down'}"
        if abs(moved_by) > jumps.get(key, (0, ""))[0]:
            jumps[key] = (abs(moved_by), cause)


def _result(life: Life, offered: set, enabled: set, stuck: tuple[str, int] | None, compliance: float) -> LifeResult:
    state, scenario = life.state, life.scenario
    taken: dict[tuple[str, str], int] = {}
    for _day, event_id, choice_id in state.log:
        taken[(event_id, choice_id)] = taken.get((event_id, choice_id), 0) + 1
    systems = dict.fromkeys((*scenario.systems, *scenario.optional_systems, *scenario.compare, *state.history))
    tiers = {s: state.tiers.get(s, "") if s in state.enrolled or s in state.shadow else "" for s in systems}
    last_ended = state.day if state.ended and not state.ending else state.day - 1
    history = {s: list(zip(range(last_ended - len(v) + 1, last_ended + 1), v, strict=True)) for s, v in state.history.items()}
    lost: dict[str, int] = {}
    for day, privilege, held, _cause in state.privilege_log:
        if not held and day > 0:
            lost.setdefault(privilege, day)
    return LifeResult(
        scenario=scenario.id,
        seed=life.setup.seed,
        length=state.length,
        day=state.day,
        events=dict(state.event_count),
        offered=offered,
        enabled=enabled,
        taken=taken,
        quiet_days=list(state.quiet_days),
        tiers=tiers,
        history=history,
        lost=lost,
        goals=dict(state.goals),
        ending=state.ending,
        stuck=stuck,
        compliance=compliance,
        recorded={(r.system, r.rule) for r in state.records},
        routines=frozenset(e for e in state.event_count if life.content.events[e].repeatable),
    )


@dataclass(frozen=True, slots=True)
class Batch:
    """A slice of a run: lives ``start`` to ``start + count - 1`` of one scenario."""

    scenario: str
    start: int
    count: int
    seed: int
    days: int | None
    policy: str


def play_batch(content: Content, batch: Batch) -> list[LifeResult]:
    """Play the lives of one batch, in order."""
    return [
        play_life(content, Setup(batch.scenario, life_seed(batch.seed, i), batch.days), batch.policy)
        for i in range(batch.start, batch.start + batch.count)
    ]


def batches(scenarios: list[str], runs: int, seed: int, days: int | None, policy: str, size: int = 25) -> list[Batch]:
    """Split ``runs`` lives of each scenario into batches; life indexes restart at 0 per scenario."""
    return [
        Batch(scenario, start, min(size, runs - start), seed, days, policy)
        for scenario in scenarios
        for start in range(0, runs, size)
    ]


# -- several processes ----------------------------------------------------------------
_WORKER_CONTENT: Content | None = None


def _init_worker(paths: list[Path]) -> None:
    global _WORKER_CONTENT
    if _WORKER_CONTENT is None:  # not inherited from a forking parent
        from game.packs.loader import load_content

        _WORKER_CONTENT = load_content(paths)


def tally_batch(content: Content, batch: Batch) -> RunTally:
    """Play one batch and add its lives up; the lives themselves are not kept."""
    return RunTally().add(play_batch(content, batch))


def _worker_batch(batch: Batch) -> RunTally:
    assert _WORKER_CONTENT is not None
    return tally_batch(_WORKER_CONTENT, batch)


def run_batches(
    content: Content, paths: list[Path], todo: list[Batch], jobs: int = 1, progress: Callable[[int], None] | None = None
) -> Iterator[RunTally]:
    """Play ``todo`` and yield each batch's tally in order; ``jobs`` > 1 spreads them over processes.

    Only tallies travel back from workers, never lives, so memory stays flat
    however many lives are played. Worker processes load the packs from
    ``paths`` themselves (content holds compiled expressions, which are not
    sent between processes), except where processes are forked and simply
    inherit ``content``.
    """
    if jobs <= 1 or len(todo) <= 1:
        for batch in todo:
            partial = tally_batch(content, batch)
            if progress:
                progress(partial.lives)
            yield partial
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context()
    global _WORKER_CONTENT
    _WORKER_CONTENT = content if context.get_start_method() == "fork" else None
    try:
        with ProcessPoolExecutor(jobs, mp_context=context, initializer=_init_worker, initargs=(paths,)) as pool:
            for partial in pool.map(_worker_batch, todo):
                if progress:
                    progress(partial.lives)
                yield partial
    finally:
        _WORKER_CONTENT = None
