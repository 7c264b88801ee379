"""One life: the day loop, event draws, choices and goals.

``Life(content, setup)`` starts a life; :meth:`Life.prompt` is the event
waiting for a choice; :meth:`Life.choose` takes one and runs the game on to the
next event (through nights and mornings). The same content, setup and choices
always give the same state and record. A ``Life`` is also the context that
compiled expressions read (``score``, ``stat``, ``has`` ...).
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from game.engine import effects as fx
from game.engine.content import PREMISE_SETTING, Choice, Content, Ending, Event
from game.engine.limits import MAX_EVENTS_PER_DAY, MAX_PENDING_FOLLOW_UPS
from game.engine.model import ChoiceError, ChoiceView, EventView, LockReason, Notice
from game.engine.rng import Rng
from game.engine.scoring import clause_lock, privilege_lock, update_privileges, update_tier
from game.engine.selection import EventIndex, has_open_choice
from game.engine.state import Setup, State


class Life:
    """A citizen's life under one scenario. See the module docstring."""

    def __init__(self, content: Content, setup: Setup, *, state: State | None = None, listen: bool = True) -> None:
        if setup.scenario not in content.scenarios:
            raise KeyError(f"unknown scenario '{setup.scenario}'")
        self.content = content
        self.setup = setup
        self.scenario = content.scenarios[setup.scenario]
        self.index = EventIndex.for_scenario(content, self.scenario)
        self.drifting = [(k, c) for k, c in sorted(content.characters.items()) if c.drift]
        self.daily = [(rule, f"daily:{rule.id}") for rule in content.daily]
        """The daily rules, each with the cause its records carry (made once, not every night)."""
        self.joinable = frozenset((*self.scenario.systems, *self.scenario.optional_systems))
        """Systems an ``enrol`` effect may join: the scenario's own and its optional ones."""
        self.start_ordinal = _ordinal(self.scenario.start_date)
        """The start date as a proleptic Gregorian ordinal: day ``d`` of the life is ``start_ordinal + d - 1``."""
        self._notices: list[Notice] = []
        self.listening = listen
        """False on the headless fast path (simulate, replay): no notices are made, and none are returned."""
        if state is not None:
            self.state = state
            self.rng = Rng(state.rng)
            return
        self.rng = Rng.from_seed(setup.seed)
        self.state = self._initial_state()
        self._start_day()
        if self.state.current is None:
            self._advance()  # a quiet first day: run on to the first event
        self.state.rng = self.rng.state

    # -- set-up -----------------------------------------------------------------
    def _initial_state(self) -> State:
        sc, content = self.scenario, self.content
        state = State(sc.id, self.setup.seed, self.rng.state, self.setup.days or sc.days, sc.city)
        state.enrolled = list(sc.systems)
        state.shadow = [s for s in sc.compare if s not in sc.systems]
        for system_id in (*state.enrolled, *state.shadow):
            state.scores[system_id] = sc.scores.get(system_id, content.systems[system_id].start)
            state.history[system_id] = []
        state.stats = {k: sc.stats.get(k, s.start) for k, s in content.stats.items()}
        state.flags = set(sc.flags)
        state.base_privileges = ({p for p, d in content.privileges.items() if d.default} | set(sc.grant)) - set(sc.revoke)
        state.lists = set(sc.lists)
        state.friends = set(sc.friends)
        state.char_scores = {k: dict(c.scores) for k, c in content.characters.items()}
        state.settings = {**sc.settings, **self.setup.settings}
        self.state = state
        for system_id in (*state.enrolled, *state.shadow):
            tier = content.systems[system_id].tier_for(state.scores[system_id])
            state.tiers[system_id] = tier.id if tier else ""
        update_privileges(self, "start")
        self._notices.clear()  # what one starts with is not news
        return state

    # -- the context read by expressions -----------------------------------------
    @property
    def day(self) -> int:
        return self.state.day

    def date_of(self, day: int) -> dt.date:
        """The calendar date of day ``day`` of the life."""
        return dt.date.fromordinal(self.start_ordinal + day - 1)

    def weekday_of(self, day: int) -> int:
        """The weekday of day ``day`` of the life: 0 is Monday."""
        return (self.start_ordinal + day - 2) % 7  # ordinal 1 (1 January of year 1) was a Monday

    @property
    def weekday(self) -> int:
        return self.weekday_of(self.state.day)

    @property
    def month(self) -> int:
        return self.date_of(self.state.day).month

    @property
    def days_left(self) -> int:
        return self.state.length - self.state.day

    @property
    def city(self) -> str:
        return self.state.city

    def score(self, system: str) -> float:
        return self.state.scores.get(system, 0)

    def tier(self, system: str) -> str:
        return self.state.tiers.get(system, "") if system in self.state.enrolled else ""

    def stat(self, stat: str) -> float:
        return self.state.stats.get(stat, 0)

    def flag(self, flag: str) -> bool:
        return flag in self.state.flags

    def setting(self, name: str) -> object:
        return self.state.settings.get(name, False)

    @property
    def as_reported(self) -> bool:
        """Whether this life plays the premise as reported (tiers' ``reported_revoke`` apply)."""
        return self.state.settings.get(PREMISE_SETTING) != "documented"

    def has(self, privilege: str) -> bool:
        return privilege in self.state.privileges

    def listed(self, list_id: str) -> bool:
        return list_id in self.state.lists

    def enrolled(self, system: str) -> bool:
        return system in self.state.enrolled

    def at_least(self, system: str, tier: str) -> bool:
        if system not in self.state.enrolled:
            return False
        sysdef = self.content.systems[system]
        return sysdef.tier_index(self.state.tiers.get(system, "")) <= sysdef.tier_index(tier)

    def in_city(self, city: str) -> bool:
        return self.state.city == city

    def is_friend(self, character: str) -> bool:
        return character in self.state.friends

    def fired(self, event: str) -> bool:
        return event in self.state.event_count

    def chose(self, event: str, choice: str) -> bool:
        return f"{event}/{choice}" in self.state.chosen

    def goal_met(self, goal: str) -> bool:
        return self.state.goals.get(goal, 0) > 0

    def char_score(self, character: str, system: str) -> float:
        return self.state.char_scores.get(character, {}).get(system, 0)

    def friends_count(self) -> int:
        return len(self.state.friends)

    def _friend_scores(self, system: str) -> list[float]:
        scores = self.state.char_scores
        return [scores[f][system] for f in sorted(self.state.friends) if system in scores.get(f, {})]

    def friends_mean(self, system: str) -> float:
        values = self._friend_scores(system)
        return sum(values) / len(values) if values else 0

    def friends_below(self, system: str, limit: float) -> int:
        return sum(1 for v in self._friend_scores(system) if v < limit)

    # -- used by effects ---------------------------------------------------------
    def notify(self, notice: Notice) -> None:
        if self.listening:
            self._notices.append(notice)

    def schedule(self, event_id: str, day: int) -> None:
        """Schedule a follow-up; one outside the scenario's world never happens (the validator reports it)."""
        if event_id in self.index.world and len(self.state.scheduled) < MAX_PENDING_FOLLOW_UPS:
            bisect.insort(self.state.scheduled, (day, event_id))

    def end(self, text: str) -> None:
        if not self.state.ended:
            self.state.ended = True
            self.state.ending = text
            self.state.current = None
            self._close_goals()
            self.notify(Notice("end", {"text": text, "day": self.state.day}))

    # -- what the player sees ----------------------------------------------------
    @property
    def ended(self) -> bool:
        return self.state.ended

    def epilogue(self) -> list[Ending]:
        """The scenario's endings this life earned: those whose condition holds on its final state (none before the end)."""
        if not self.state.ended:
            return []
        return [e for e in self.scenario.endings if e.when is None or e.when.eval(self)]

    def drain_notices(self) -> list[Notice]:
        """Notices since the last call (the start of the life, or the last choice)."""
        out, self._notices = self._notices, []
        return out

    def prompt(self) -> EventView | None:
        """The event waiting for a choice, or None when the life is over."""
        if self.state.current is None:
            return None
        event = self.content.events[self.state.current]
        return EventView(event, tuple(self._views(event)), self.state.day)

    def _views(self, event: Event) -> Iterable[ChoiceView]:
        for choice in event.choices:
            if choice.show_if is not None and not choice.show_if.eval(self):
                continue
            yield ChoiceView(choice, self.lock_of(choice))

    def _visible(self, choice: Choice) -> bool:
        return choice.show_if is None or bool(choice.show_if.eval(self))

    def can_take(self, choice: Choice) -> bool:
        """Whether ``choice`` can be taken now: :meth:`lock_of` is None, without building the reason."""
        if choice.requires:
            privileges = self.state.privileges
            for privilege in choice.requires:
                if privilege not in privileges:
                    return False
        return choice.enable_if is None or bool(choice.enable_if.eval(self))

    def choices_now(self) -> list[tuple[Choice, bool]]:
        """The headless fast path's view: the waiting event's visible choices, each with whether it can be taken.

        The same choices, in the same order, as :meth:`prompt` shows, without
        building views or lock reasons. Empty when no event is waiting.
        """
        if self.state.current is None:
            return []
        can_take = self.can_take
        return [
            (c, can_take(c)) for c in self.content.events[self.state.current].choices if c.show_if is None or c.show_if.eval(self)
        ]

    def lock_of(self, choice: Choice) -> LockReason | None:
        """Why ``choice`` cannot be taken now, or None if it can."""
        for privilege in choice.requires:
            if privilege not in self.state.privileges:
                lock = privilege_lock(self, privilege)
                return LockReason(lock.kind, lock.args, choice.locked_text)
        if choice.enable_if is not None and not choice.enable_if.eval(self):
            clause = choice.enable_if.failing_clause(self)
            if clause is None:
                return LockReason("text", {"source": choice.enable_if.source}, choice.locked_text)
            return clause_lock(self, clause, choice.locked_text)
        return None

    # -- taking a choice ----------------------------------------------------------
    def choose(self, choice_id: str) -> list[Notice]:
        """Take ``choice_id`` in the waiting event; run on to the next one. Returns the notices.

        Raises:
            ChoiceError: no event is waiting, or the choice is unknown, hidden or locked.
        """
        if self.state.current is None:
            raise ChoiceError("the life is over" if self.state.ended else "no event is waiting")
        event = self.content.events[self.state.current]
        for choice in event.choices:
            if choice.id == choice_id and (choice.show_if is None or choice.show_if.eval(self)):
                break
        else:
            raise ChoiceError(f"event '{event.id}' offers no choice '{choice_id}' now")
        if not self.can_take(choice):
            raise ChoiceError(f"choice '{choice_id}' is locked")
        return self.take_open(choice)

    def take_open(self, choice: Choice) -> list[Notice]:
        """Take ``choice``, which :meth:`choices_now` has just given as open (visible and unlocked), without
        asking again; run on to the next event. Returns the notices. The headless loop's :meth:`choose`."""
        if self.state.current is None:
            raise ChoiceError("the life is over" if self.state.ended else "no event is waiting")
        self._take(self.content.events[self.state.current], choice)
        self._advance()
        self.state.rng = self.rng.state
        return self.drain_notices()

    def _take(self, event: Event, choice: Choice) -> None:
        state = self.state
        cause = f"{event.id}/{choice.id}"
        state.log.append((state.day, event.id, choice.id))
        state.chosen.add(cause)
        state.current = None
        if choice.text and self.listening:
            self.notify(Notice("text", {"text": choice.text, "source": cause, "day": state.day}))
        fx.apply(self, choice.effects, cause)
        if choice.outcomes and not state.ended:
            roll = self.rng.random()
            running = 0.0
            for outcome in choice.outcomes:
                running += max(0.0, float(outcome.chance.eval(self)))
                if roll < running:
                    if outcome.text:
                        self.notify(Notice("text", {"text": outcome.text, "source": f"{cause}/{outcome.id}", "day": state.day}))
                    fx.apply(self, outcome.effects, f"{cause}/{outcome.id}")
                    break
        self._check_goals()

    # -- the day loop ---------------------------------------------------------------
    def _advance(self) -> None:
        """Find the next event: today's, or through the night into the next day."""
        while not self.state.ended:
            if self._next_event_today():
                return
            self._end_day()
            if self.state.ended:
                return
            self._night()
            self._start_day()
            if self.state.current is not None:
                return

    def _start_day(self) -> None:
        state = self.state
        low, high = self.scenario.events_per_day
        state.today_target = self.rng.integer(low, high)
        state.today_drawn = 0
        state.today_events = []
        if self.listening:
            self.notify(Notice("day", {"day": state.day}))
        self._set_pieces_due()
        if not self._next_event_today():
            if state.today_target > 0:  # an event was wanted but none could be drawn: a dead end
                state.quiet_days.append(state.day)
            self.notify(Notice("quiet", {"day": state.day}))

    def _set_pieces_due(self) -> None:
        """Queue this morning's set pieces ahead of the draws: those of today, and those whose condition now holds."""
        state = self.state
        for piece in self.scenario.set_pieces:
            if piece.day:
                due = piece.day == state.day
            else:
                due = (
                    piece.first_day <= state.day <= piece.last_day
                    and piece.event not in state.event_count
                    and (state.day, piece.event) not in state.scheduled
                    and piece.when is not None
                    and bool(piece.when.eval(self))
                )
            if due:
                bisect.insort(state.scheduled, (state.day, piece.event))

    def _next_event_today(self) -> bool:
        state = self.state
        if len(state.today_events) >= MAX_EVENTS_PER_DAY:
            return False
        while state.scheduled and state.scheduled[0][0] <= state.day:
            _, event_id = state.scheduled.pop(0)
            if has_open_choice(self, self.content.events[event_id]):
                self._fire(event_id)
                return True
        if state.today_drawn >= state.today_target:
            return False
        act = self.scenario.act_on(state.day) if self.scenario.acts else -1
        index = EventIndex.for_scenario(self.content, self.scenario, act) if act >= 0 else self.index
        event = index.draw(self)
        if event is None:
            return False
        state.today_drawn += 1
        self._fire(event.id)
        return True

    def _fire(self, event_id: str) -> None:
        state = self.state
        state.current = event_id
        state.today_events.append(event_id)
        state.event_last[event_id] = state.day
        state.event_count[event_id] = state.event_count.get(event_id, 0) + 1

    def _end_day(self) -> None:
        state = self.state
        for system_id, scores in state.history.items():
            scores.append(state.scores.get(system_id, 0))
        self._check_goals()
        for goal in self.scenario.goals:
            if goal.id not in state.goals and goal.by <= state.day:
                state.goals[goal.id] = -state.day
                self.notify(Notice("goal", {"goal": goal.id, "met": False}))
        if state.day >= state.length:
            self.end("")

    def _close_goals(self) -> None:
        """At the end of a life every goal not met is missed."""
        for goal in self.scenario.goals:
            if goal.id not in self.state.goals:
                self.state.goals[goal.id] = -self.state.day
                self.notify(Notice("goal", {"goal": goal.id, "met": False}))

    def _night(self) -> None:
        state = self.state
        state.day += 1
        for who, character in self.drifting:
            for system_id, (low, high) in character.drift.items():
                system = self.content.systems[system_id]
                scores = state.char_scores.setdefault(who, {})
                value = scores.get(system_id, system.start) + self.rng.integer(low, high)
                scores[system_id] = min(max(value, system.min), system.max)
        for rule, cause in self.daily:
            if state.ended:
                return
            if rule.when is None or rule.when.eval(self):
                if rule.text:
                    self.notify(Notice("text", {"text": rule.text, "source": cause, "day": state.day}))
                fx.apply(self, rule.effects, cause)
        for system_id in state.enrolled:
            update_tier(self, system_id, "night")

    def _check_goals(self) -> None:
        state = self.state
        for goal in self.scenario.goals:  # in order: a goal's ``after`` goals come before it
            if goal.id in state.goals:
                continue
            if any(state.goals.get(first, 0) < 0 for first in goal.after):
                state.goals[goal.id] = -state.day  # what it needed first was missed
                self.notify(Notice("goal", {"goal": goal.id, "met": False}))
                continue
            if (
                state.day <= goal.by
                and all(state.goals.get(first, 0) > 0 for first in goal.after)
                and (not goal.grade or self.at_least(goal.system, goal.grade))
                and (goal.when is None or goal.when.eval(self))
            ):
                state.goals[goal.id] = state.day
                self.notify(Notice("goal", {"goal": goal.id, "met": True}))


@dataclass(frozen=True)
class Replay:
    """A replayed life: ``replayed`` of ``total`` choices taken; ``reason`` says why it stopped early."""

    life: Life
    replayed: int
    total: int
    reason: str = ""

    @property
    def complete(self) -> bool:
        return self.replayed == self.total


def replay(content: Content, setup: Setup, choices: Sequence[tuple[str, str]], *, partial: bool = False) -> Replay:
    """Play ``choices`` (event id, choice id) from the start; the same input gives the same life.

    The one replay of the game: saves, live reload and the debrief all use it.
    With ``partial`` it stops at the first choice that no longer fits (another
    event waits, the choice is gone, hidden or locked, or changed content upsets
    the engine) and returns the life as far as it got, with the reason; that is
    how a life carries over to packs that changed. The life is replayed on the
    headless fast path (``listen=False``: no notices are made); the returned
    life listens again, with no notices waiting.

    Raises:
        KeyError: the scenario is not in ``content``.
        ChoiceError: (without ``partial``) a choice does not fit the life at that point.
    """
    life = Life(content, setup, listen=False)
    total = len(choices)
    for step, (event_id, choice_id) in enumerate(choices):
        waiting = life.state.current
        try:
            if waiting != event_id:
                offered = waiting or ("nothing (the life is over)" if life.ended else "nothing")
                raise ChoiceError(f"the life offers event '{offered}' there, not '{event_id}'")
            life.choose(choice_id)
        except ChoiceError as exc:
            if not partial:
                raise ChoiceError(f"step {step + 1}: {exc}") from None
            life.listening = True
            return Replay(life, step, total, str(exc))
        except Exception as exc:  # content that changed can name things no longer there
            if not partial:
                raise
            return Replay(replay(content, setup, choices[:step]).life, step, total, f"the engine stopped: {exc!r}")
    life.listening = True
    return Replay(life, total, total)


def _ordinal(start_date: str) -> int:
    """The ordinal of a scenario's ISO start date (the loader has checked it is a real date)."""
    try:
        return dt.date.fromisoformat(start_date).toordinal()
    except ValueError:
        return dt.date(2019, 3, 4).toordinal()  # the format's default start date
