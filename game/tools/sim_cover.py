"""``citizen simulate --cover``: steer lives toward the events and choices no life has reached yet.

Random lives find what is common; a writer also needs the rare branch. Each
covering life picks a *target* (an event not yet fired, or a choice not yet
taken) and, at every prompt, takes the open choice whose outcome — tried on a
copy of the life, through the real engine — brings the target nearest: fewest
failing conditions, and for a comparison such as ``stat.money >= 5000``, the
smallest gap. Choices never taken are tried first, and a state where another
untaken choice was open is kept to branch from later (as ChoiceScript's
quicktest tries every option). What stays unreachable is reported with the
nearest state any life got to: its seed, day, and the conditions still failing.

Deterministic: the same content, scenarios, seed and budget give the same report.
"""

from __future__ import annotations

import copy
import random
from dataclasses import dataclass

from game.engine.content import Choice, Clause, Content, Event
from game.engine.life import Life
from game.engine.scoring import privilege_lock
from game.engine.selection import EventIndex
from game.engine.state import Setup

Target = tuple[str, str]
"""("event", event id) or ("choice", "event/choice")."""


@dataclass
class Nearest:
    """The closest any life came to a target."""

    distance: float
    seed: int
    day: int
    steps: int
    failing: list[str]


def _describe(life: Life, clause: Clause) -> str:
    if clause.kind == "compare":
        space, ident = clause.ids
        now = {"stat": life.stat, "score": life.score, "tier": life.tier}.get(space, lambda _i: None)(ident)
        shown = f"{now:g}" if isinstance(now, int | float) else repr(now)
        bound = clause.bound(life)
        value = f"{bound:g}" if isinstance(bound, int | float) else repr(bound)
        return f"{space}.{ident} {clause.op} {value} (was {shown})"
    if clause.kind == "other":
        return clause.source
    ids = ", ".join(f'"{a}"' for a in clause.ids)
    return f"{'not ' if clause.negated else ''}{clause.kind}({ids})"


def _gap(life: Life, clause: Clause) -> float:
    """How far a failing clause is from holding: 1, plus the relative gap of a numeric comparison."""
    if clause.kind != "compare" or not isinstance(clause.value, int | float):
        return 1.0
    space, ident = clause.ids
    if space not in ("stat", "score"):
        return 1.0
    now = life.stat(ident) if space == "stat" else life.score(ident)
    return 1.0 + abs(now - clause.value) / (abs(clause.value) + 10)


def _failing(life: Life, expression: object | None) -> list[object]:
    if expression is None:
        return []
    clauses = expression.clauses  # type: ignore[attr-defined]
    if not clauses:
        return [] if expression.eval(life) else [expression]  # type: ignore[attr-defined]
    return [c for c in clauses if not c.test(life)]


def _clause_text(life: Life, item: object) -> str:
    return _describe(life, item) if isinstance(item, Clause) else str(getattr(item, "source", item))


def distance(life: Life, event: Event, choice: Choice | None) -> tuple[float, list[str]]:
    """How far ``life`` is from ``event`` being drawable (and ``choice`` open in it), with what still fails."""
    failing = _failing(life, event.when)
    total = sum(_gap(life, c) if isinstance(c, Clause) else 1.0 for c in failing)
    texts = [_clause_text(life, c) for c in failing]
    if life.state.day > event.last_day:
        total += 100
        texts.append(f"day {life.state.day} is past the event's window (until day {event.last_day})")
    elif life.state.day < event.first_day:
        total += (event.first_day - life.state.day) / 10
    if choice is not None:
        for expression in (choice.show_if, choice.enable_if):
            more = _failing(life, expression)
            total += sum(_gap(life, c) if isinstance(c, Clause) else 1.0 for c in more)
            texts += [_clause_text(life, c) for c in more]
        for privilege in choice.requires:
            if privilege not in life.state.privileges:
                lock = privilege_lock(life, privilege)
                short = lock.args.get("short", 0) if lock.kind == "privilege_tier" else 0
                total += 1 + short / 50
                grade = f" (grade {lock.args['tier']} of {lock.args['system']}, {short:g} points short)" if short else ""
                texts.append(f'has("{privilege}"){grade}')
    return total, texts


def targets_of(content: Content, scenario_id: str, own: set[str] | None = None) -> list[Target]:
    """The events a scenario can see (of the ``own`` packs, if given) and each of their choices."""
    index = EventIndex.for_scenario(content, content.scenarios[scenario_id])
    out: list[Target] = []
    for event in sorted(index.candidates, key=lambda e: e.id):
        if own is not None and event.pack not in own:
            continue
        out.append(("event", event.id))
        out.extend(("choice", f"{event.id}/{c.id}") for c in event.choices)
    return out


def _parts(content: Content, target: Target) -> tuple[Event, Choice | None]:
    if target[0] == "event":
        return content.events[target[1]], None
    event_id, choice_id = target[1].split("/", 1)
    event = content.events[event_id]
    return event, next(c for c in event.choices if c.id == choice_id)


def _fork(life: Life) -> Life:
    return Life(life.content, life.setup, state=copy.deepcopy(life.state))


class Coverer:
    """Runs the covering lives of one scenario; see the module docstring."""

    def __init__(self, content: Content, scenario: str, seed: int, days: int | None, own: set[str] | None = None) -> None:
        self.content = content
        self.scenario = scenario
        self.days = days
        self.rng = random.Random(seed)
        self.seed = seed
        self.targets = targets_of(content, scenario, own)
        self.followups = _schedulers(content)
        self.reached: set[Target] = set()
        self.nearest: dict[Target, Nearest] = {}
        self.branches: list[tuple[Life, str]] = []
        self.lives = 0

    def open_targets(self) -> list[Target]:
        return [t for t in self.targets if t not in self.reached]

    def note(self, life: Life, steps: int) -> None:
        """Mark what this state reached and remember the nearest state to each target not reached."""
        for event_id in life.state.event_count:
            self.reached.add(("event", event_id))
        for _day, event_id, choice_id in life.state.log:
            self.reached.add(("choice", f"{event_id}/{choice_id}"))
        for target in self.open_targets():
            event, choice = _parts(self.content, target)
            dist, failing = distance(life, event, choice)
            best = self.nearest.get(target)
            if best is None or dist < best.distance:
                self.nearest[target] = Nearest(dist, life.setup.seed, life.state.day, len(life.state.log), failing)

    def run(self, lives: int) -> None:
        for _ in range(lives):
            if self.branches and self.lives % 2:
                life, first = self.branches.pop(0)
            else:
                life, first = Life(self.content, Setup(self.scenario, self.rng.randrange(1, 2**31), self.days)), ""
            self.lives += 1
            self.live(life, first)
            if not self.open_targets():
                return

    def live(self, life: Life, first: str) -> None:
        target = self.pick_target()
        steps = 0
        while (view := life.prompt()) is not None:
            steps += 1
            open_choices = [cv.choice for cv in view.choices if cv.lock is None]
            if not open_choices:
                break
            untaken = [c for c in open_choices if ("choice", f"{view.event.id}/{c.id}") not in self.reached]
            if first:
                pick, first = next((c for c in open_choices if c.id == first), open_choices[0]), ""
            elif target is not None and target[0] == "choice" and target[1].startswith(view.event.id + "/"):
                wanted = target[1].split("/", 1)[1]
                pick = next((c for c in open_choices if c.id == wanted), None) or self.steer(life, open_choices, target)
            elif untaken:
                pick = untaken[0]
                for other in untaken[1:]:
                    if len(self.branches) < 200:
                        self.branches.append((_fork(life), other.id))
            else:
                pick = self.steer(life, open_choices, target)
            life.choose(pick.id)
            self.note(life, steps)
            if target is not None and target in self.reached:
                target = self.pick_target()

    def pick_target(self) -> Target | None:
        """The open target nearest to being reached (ties: the first in id order)."""
        left = self.open_targets()
        if not left:
            return None
        return min(left, key=lambda t: (self.nearest[t].distance if t in self.nearest else 50, t))

    def steer(self, life: Life, choices: list[Choice], target: Target | None) -> Choice:
        """The choice whose outcome brings ``target`` nearest (tried on copies of the life); random on ties."""
        if target is None or len(choices) == 1:
            return self.rng.choice(choices)
        event, choice = _parts(self.content, target)
        scored = []
        for option in choices:
            trial = _fork(life)
            trial.choose(option.id)
            reached = event.id in trial.state.event_count if choice is None else False
            dist = 0.0 if reached else distance(trial, event, choice)[0]
            scored.append((dist, self.rng.random(), option))
        return min(scored, key=lambda s: (s[0], s[1]))[2]


def _schedulers(content: Content) -> dict[str, list[str]]:
    """Event id → the ``event/choice`` ids that schedule it as a follow-up."""
    out: dict[str, list[str]] = {}
    for event in content.events.values():
        for choice in event.choices:
            for effects in (choice.effects, *(o.effects for o in choice.outcomes)):
                for scheduled, _after, _on in effects.schedule:
                    out.setdefault(scheduled, []).append(f"{event.id}/{choice.id}")
    return out


def cover(content: Content, scenarios: list[str], lives: int, seed: int, days: int | None, own: set[str] | None = None) -> dict:
    """Covering lives for each scenario; the report of what was reached and what was not (in ``own`` packs if given)."""
    out: dict = {"lives_per_scenario": lives, "seed": seed, "scenarios": {}}
    for scenario in scenarios:
        coverer = Coverer(content, scenario, seed, days, own)
        coverer.run(lives)
        unreached = []
        for target in coverer.open_targets():
            near = coverer.nearest.get(target)
            row: dict[str, object] = {"kind": target[0], "id": target[1]}
            if near is not None:
                row["nearest"] = {"seed": near.seed, "day": near.day, "after_choices": near.steps, "failing": near.failing}
            event_id = target[1].split("/", 1)[0]
            if event_id in coverer.followups:
                row["follows"] = sorted(set(coverer.followups[event_id]))
            unreached.append(row)
        events = [t for t in coverer.targets if t[0] == "event"]
        choices = [t for t in coverer.targets if t[0] == "choice"]
        out["scenarios"][scenario] = {
            "lives": coverer.lives,
            "events": {"in_play": len(events), "reached": sum(1 for t in events if t in coverer.reached)},
            "choices": {"total": len(choices), "taken": sum(1 for t in choices if t in coverer.reached)},
            "unreached": unreached,
        }
    return out


def render_cover(report: dict) -> list[str]:
    """The coverage report as lines of text."""
    lines = []
    for scenario, data in report["scenarios"].items():
        ev, ch = data["events"], data["choices"]
        lines.append(
            f"{scenario}: {data['lives']} covering lives reached {ev['reached']} of {ev['in_play']} events "
            f"and took {ch['taken']} of {ch['total']} choices"
        )
        for row in data["unreached"]:
            near = row.get("nearest")
            where = ""
            if near:
                still = "; ".join(near["failing"]) or "its conditions held then, but the event was not drawn"
                where = f" — nearest: seed {near['seed']}, day {near['day']}, after {near['after_choices']} choices: {still}"
            follows = f" (it follows {', '.join(row['follows'])})" if row.get("follows") else ""
            lines.append(f"  never reached: {row['kind']} {row['id']}{follows}{where}")
    return lines
