"""The built-in texts' calendar claims hold on every day they can be read.

A text that says "Saturday, and nothing planned", "the Monday meeting", "The
May holiday is next week" or "Six weeks later" makes a claim about the day it
is read. Playtesters read each of those on a day that made it false. This test
finds such claims with a small explicit list of patterns (:data:`PATTERNS`),
works out every date on which each event can come in each scenario whose world
holds it (drawn, as a set piece, or as a follow-up of another event that can
come), and requires the claim to be true on all of them. A claim is made true
by binding the event (``weekdays``, ``months``, a ``date`` range or ``season``
in ``when``, a follow-up's ``on`` or ``weeks``), or by not making it: saying the
day with ``{weekday}`` or ``{date}``.

To keep the scanner honest, every mention of a weekday, a month, a season, a
named holiday or a relative time must be covered by a pattern, or by a phrase
in the short reviewed :data:`NOT_CLAIMS` list, each with why it claims nothing.
A new text with an unclassified mention fails, so it is looked at once.

The possible dates over-approximate: a ``when`` clause that reads the calendar
is evaluated on each date, any other clause is taken as possibly true, and acts
are ignored. So a failure can be a date the life would never reach; bind the
event so the dates are plain.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from game.engine.content import Content, Event, Scenario
from game.engine.selection import reachable_cities, statically_possible
from game.packs.loader import load_content

CONTENT = Path(__file__).resolve().parent.parent / "content"

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")  # fmt: skip
SEASON_OF_MONTH = {12: "winter", 1: "winter", 2: "winter", 3: "spring", 4: "spring", 5: "spring",
                   6: "summer", 7: "summer", 8: "summer", 9: "autumn", 10: "autumn", 11: "autumn"}  # fmt: skip
SEASON_BEFORE = {"winter": "autumn", "spring": "winter", "summer": "spring", "autumn": "summer"}

HOLIDAYS: dict[str, tuple[str, ...]] = {
    # The first day of each holiday in the years the built-in lives are set in (2018–2020).
    # Lunar dates from the State Council's holiday notices for those years.
    "May holiday": ("2018-05-01", "2019-05-01", "2020-05-01"),
    "May Day": ("2018-05-01", "2019-05-01", "2020-05-01"),
    "National Day": ("2018-10-01", "2019-10-01", "2020-10-01"),
    "Golden Week": ("2018-10-01", "2019-10-01", "2020-10-01"),
    "Spring Festival": ("2018-02-16", "2019-02-05", "2020-01-25"),
    "Chinese New Year": ("2018-02-16", "2019-02-05", "2020-01-25"),
    "Mid-Autumn": ("2018-09-24", "2019-09-13", "2020-10-01"),
    "Qingming": ("2018-04-05", "2019-04-05", "2020-04-04"),
    "Dragon Boat": ("2018-06-18", "2019-06-07", "2020-06-25"),
    "Singles' Day": ("2018-11-11", "2019-11-11", "2020-11-11"),
}

_WD = "|".join(WEEKDAYS)
_MO = "|".join(MONTHS)
_HO = "|".join(re.escape(h) for h in HOLIDAYS)
_NUM = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8}
_N = "|".join(_NUM) + r"|\d+"
_UNIT_DAYS = {"day": 1, "week": 7, "month": 30}


# --- what a text can claim -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Pattern:
    """One way of making a calendar claim: a regex and what it claims (``kind``)."""

    kind: str
    regex: re.Pattern[str]
    meaning: str


def _p(kind: str, regex: str, meaning: str, flags: int = 0) -> Pattern:
    return Pattern(kind, re.compile(regex, flags), meaning)


PATTERNS: tuple[Pattern, ...] = (
    # Holidays first: "The May holiday is next week" is one claim, not a month and a week.
    _p("holiday_next_week", rf"\b(?:the )?(?P<h>{_HO}) is next week", "{h} falls in next week"),
    _p("holiday_days_before", rf"\b(?P<n>{_N}) days before the (?P<h>{_HO})", "{h} is {n} days away", re.I),
    _p("holiday_ahead", rf"\b[Bb]efore the (?P<h>{_HO})", "{h} is ahead (within 30 days)"),
    _p("holiday_today", rf"\b(?P<h>{_HO})", "today is {h}"),
    # Weekdays.
    _p("weekday_today", rf"(?:^|(?<=[.!?] ))(?P<w>{_WD}), ", "today is {w}"),
    _p("weekday_today", rf"\b[Tt]he (?P<w>{_WD}) (?:meeting|auction|market)\b", "today is {w}"),
    _p("weekday_ahead", rf"\b(?:[Oo]n|this|[Ss]pend) (?P<w>{_WD})\b", "{w} is still to come"),
    _p("weekday_ahead", rf"\b(?P<w>{_WD}) (?:is (?:yours|your only)|at \w+)\b", "{w} is still to come"),
    _p("weekend_today", r"\b[Ww]eekend\b", "today is a weekend day"),
    _p("workday_today", r"\b(?:The bus|You are driving) to work\b", "today is a working day (Monday to Friday)"),
    # Months and dates.
    _p("date_today", rf"^(?P<d>\d{{1,2}}) (?P<m>{_MO}), ", "today is {d} {m}"),
    _p("date_ahead", rf"\b(?:from|on) (?:the first of|1) (?P<m>{_MO})\b", "1 {m} is ahead (within 120 days)"),
    _p("date_ahead", rf"\blate in (?P<m>{_MO})\b", "late {m} is ahead (within 120 days)"),
    _p("month_since", rf"\bsince (?P<m>{_MO})\b", "{m} ended one to four months ago"),
    _p("month_today", rf"\bsmells of (?P<m>{_MO})\b", "this is {m}"),
    # Seasons: the season is now or next ("Chen Yu wants an autumn wedding" in summer or autumn).
    _p("season", r"\b(?P<s>winter|spring|summer|autumn)\b", "it is {s} or the season before", re.I),
    # Time passing. Said as an event comes (its title or text): it came by a follow-up that long after.
    _p("elapsed", rf"\b(?P<n>{_N}) (?P<u>day|week|month)s?(?: and [a-z ]+?)? later\b", "{n} {u}(s) passed", re.I),
    _p("elapsed", r"\b(?:the )?next (?P<u>day|morning)\b", "one day passed", re.I),
    _p("elapsed", r"\b(?:the )?following (?P<u>day|week)\b", "a {u} passed", re.I),
    # Said of what is to come: if the same choice or outcome schedules a follow-up, it lands then.
    _p("tomorrow", r"\btomorrow\b", "what follows comes tomorrow", re.I),
    _p("next_week", r"\bnext week\b", "what follows comes next week", re.I),
)
"""Every calendar claim the scanner knows, in order: a span matched by an earlier pattern is not matched again."""

MENTIONS = re.compile(
    rf"\b(?:{_WD}|{_MO}|{_HO})\b|\b(?i:weekends?|winter|spring|summer|autumn|tomorrow|next week|next day"
    r"|next morning|following (?:day|week)|(?:day|week|month)s? (?:[a-z ]+ )?later)\b"
)
"""What the scanner looks for: each hit must be inside a pattern's match or a reviewed phrase."""

NOT_CLAIMS: dict[str, str] = {
    # phrase (regex, case-sensitive) → why it is not a claim about the day it is read
    rf"\b(?:[Ff]rom|[Bb]y|[Uu]ntil|[Ff]or) (?:{_WD})\b": "a start or a deadline, true on any day (on the day: that day)",
    r"\b(?:a|one) Saturday\b": "an unnamed Saturday to come, not today",
    r"\bevery (?:Sunday|week)\b": "a habit, true on any day",
    r"\bat weekends\b": "a habit in a profile, true on any day",
    r"\bthis weekend\b": "the coming (or current) weekend, true on any day",
    r"\bthe last Saturday of the season\b": "a date set for later, named by the text, not today's",
    r"\bA Sunday of boxes\b": "an outcome telling how the promised Sunday went",
    r"\bspring is nicer anyway\b": "a preference for a later date, not a claim about now",
    r"\bbefore the festival\b": "a title whose text names the Spring Festival, which is checked",
    r"\bthanks him in the Monday meeting\b": "an outcome telling what follows at the next Monday meeting",
    r"\bYou spend the weekend\b": "an outcome telling how the weekend its choice offered went",
    r"\bthe room will be gone by tomorrow, and it is\b": "an agent's sales line, told as settled in one breath",
}
"""Reviewed phrases that are not claims. Short on purpose: each entry says why."""

_NOT_CLAIMS = [(re.compile(k), v) for k, v in NOT_CLAIMS.items()]

NARRATION_DAYS = 7
"""A choice's or an outcome's text may tell what follows within a week in one breath ("A week later the seminar
hall is locked"); a longer span is a follow-up whose text tells it, so the life's days agree."""


@dataclass(frozen=True)
class Claim:
    kind: str
    groups: dict[str, str]
    phrase: str
    meaning: str


@dataclass(frozen=True)
class Text:
    """One text of an event, where it sits, and the follow-ups scheduled from there."""

    field: str
    text: str
    at_arrival: bool  # the event's title or text, read as it comes
    follow_ups: tuple[tuple[str, int, int], ...]


_PLACEHOLDER = re.compile(r"\{[a-z_]+(?::[a-z0-9_]+)?\}")


def claims_in(text: str) -> tuple[list[Claim], list[str]]:
    """The claims in ``text``, and the mentions no pattern or reviewed phrase covers."""
    text = _PLACEHOLDER.sub("", text)
    allowed = [m.span() for nc, _ in _NOT_CLAIMS for m in nc.finditer(text)]
    covered: list[tuple[int, int]] = list(allowed)
    found: list[Claim] = []

    def free(a: int, b: int) -> bool:
        return all(b <= x or a >= y for x, y in covered)

    for pattern in PATTERNS:
        for m in pattern.regex.finditer(text):
            if not free(*m.span()):
                continue
            groups = {k: v for k, v in m.groupdict().items() if v is not None}
            found.append(Claim(pattern.kind, groups, m.group(0), pattern.meaning.format(**groups)))
            covered.append(m.span())
    loose = [m.group(0) for m in MENTIONS.finditer(text) if free(*m.span())]
    return found, loose


def texts_of(event: Event) -> Iterator[Text]:
    """Every text of ``event`` a player reads, with the follow-ups scheduled where it is said."""
    everything = tuple(f for ch in event.choices for fx in (ch.effects, *(o.effects for o in ch.outcomes)) for f in fx.schedule)
    yield Text("title", event.title, True, everything)
    yield Text("text", event.text, True, everything)
    for ch in event.choices:
        own = tuple(ch.effects.schedule) + tuple(f for o in ch.outcomes for f in o.effects.schedule)
        yield Text(f"choice '{ch.id}' label", ch.label, False, own)
        yield Text(f"choice '{ch.id}' text", ch.text, False, own)
        if ch.locked_text:
            yield Text(f"choice '{ch.id}' locked_text", ch.locked_text, False, ())
        for n, o in enumerate(ch.outcomes):
            yield Text(f"choice '{ch.id}' outcome {n + 1}", o.text, False, tuple(ch.effects.schedule) + o.effects.schedule)


# --- when each event can come ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Arrival:
    """A day on which an event can come in a scenario, and how: drawn, set piece, or a follow-up of ``source``."""

    scenario: Scenario
    day: int
    how: str
    source: str = ""
    after: int = 0
    on: int = -1

    @property
    def date(self) -> dt.date:
        return dt.date.fromisoformat(self.scenario.start_date) + dt.timedelta(days=self.day - 1)

    def describe(self) -> str:
        d = self.date
        via = f"a follow-up of '{self.source}' {self.after} days on" if self.how == "follow-up" else self.how
        return f"{WEEKDAYS[d.weekday()]} {d.isoformat()} (day {self.day} of '{self.scenario.id}', {via})"


class _Unknown(Exception):
    """A clause reads more than the calendar: taken as possibly true."""


class _CalendarOnly:
    """What a ``when`` clause can read on a given date, and nothing else."""

    def __init__(self, scenario: Scenario, day: int) -> None:
        start = dt.date.fromisoformat(scenario.start_date)
        today = start + dt.timedelta(days=day - 1)
        self.start_ordinal = start.toordinal()
        self.state = _State(day)
        self.month = today.month
        self.weekday = today.weekday()
        self.days_left = scenario.days - day

    def __getattr__(self, name: str) -> Any:
        raise _Unknown(name)


class _State:
    def __init__(self, day: int) -> None:
        self.day = day

    def __getattr__(self, name: str) -> Any:
        raise _Unknown(name)


def _calendar_allows(event: Event, scenario: Scenario, day: int, when: Any = None) -> bool:
    expression = event.when if when is None else when
    if expression is None:
        return True
    ctx = _CalendarOnly(scenario, day)
    for clause in expression.clauses:
        try:
            if not clause.test(ctx):
                return False
        except (_Unknown, AttributeError, KeyError, TypeError):
            continue
    return True


def _never_weighted(event: Event) -> bool:
    return not event.weight.depends and float(event.weight.eval(None)) <= 0


def _drawable_on(event: Event, scenario: Scenario, day: int) -> bool:
    date = dt.date.fromisoformat(scenario.start_date) + dt.timedelta(days=day - 1)
    return (
        event.first_day <= day <= event.last_day
        and (not event.weekdays or date.weekday() in event.weekdays)
        and (not event.months or date.month in event.months)
        and _calendar_allows(event, scenario, day)
    )


def arrivals(content: Content) -> dict[str, list[Arrival]]:
    """Every (scenario, day, how) on which each event can come, follow-up chains included."""
    out: dict[str, list[Arrival]] = {e: [] for e in content.events}
    for scenario in content.scenarios.values():
        world = [e for e in content.events.values() if scenario.admits(e)]
        if not world:
            continue
        cities = reachable_cities(world, scenario)
        queue: list[tuple[Arrival, str]] = []
        for event in world:
            if statically_possible(event, scenario, cities) and not _never_weighted(event):
                days = [d for d in range(1, scenario.days + 1) if _drawable_on(event, scenario, d)]
                queue += [(Arrival(scenario, d, "drawn"), event.id) for d in days]
        for piece in scenario.set_pieces:
            if piece.day:
                days = [piece.day]
            else:
                event = content.events[piece.event]
                last = min(piece.last_day, scenario.days)
                days = [d for d in range(piece.first_day, last + 1) if _calendar_allows(event, scenario, d, piece.when)]
            queue += [(Arrival(scenario, d, "set piece"), piece.event) for d in days]
        seen: set[tuple[str, int, str, str, int, int]] = set()
        ids = {e.id: e for e in world}
        while queue:
            arrival, event_id = queue.pop()
            key = (event_id, arrival.day, arrival.how, arrival.source, arrival.after, arrival.on)
            if key in seen:
                continue
            seen.add(key)
            out[event_id].append(arrival)
            for target, after, on in _follow_ups(ids[event_id]):
                day = arrival.day + after
                if on >= 0:
                    start = dt.date.fromisoformat(scenario.start_date)
                    day += (on - (start + dt.timedelta(days=day - 1)).weekday()) % 7
                if day <= scenario.days and target in ids:
                    queue.append((Arrival(scenario, day, "follow-up", event_id, day - arrival.day, on), target))
    return out


def _follow_ups(event: Event) -> list[tuple[str, int, int]]:
    return [f for ch in event.choices for fx in (ch.effects, *(o.effects for o in ch.outcomes)) for f in fx.schedule]


# --- the checks ------------------------------------------------------------------------------------------------


def _holiday(name: str, near: dt.date) -> dt.date:
    """The holiday's first day closest to ``near``."""
    days = [dt.date.fromisoformat(d) for d in HOLIDAYS[name]]
    return min(days, key=lambda d: abs((d - near).days))


def _next_on_or_after(month: int, day: int, today: dt.date) -> dt.date:
    this_year = dt.date(today.year, month, day)
    return this_year if this_year >= today else dt.date(today.year + 1, month, day)


def _count(word: str) -> int:
    return _NUM.get(word.lower(), 0) or int(word)


def holds(claim: Claim, arrival: Arrival) -> bool:
    """Whether ``claim`` is true when its text is read on ``arrival``."""
    g, today = claim.groups, arrival.date
    kind = claim.kind
    if kind == "weekday_today":
        return today.weekday() == WEEKDAYS.index(g["w"])
    if kind == "weekday_ahead":
        return today.weekday() != WEEKDAYS.index(g["w"])
    if kind == "weekend_today":
        return today.weekday() >= 5
    if kind == "workday_today":
        return today.weekday() < 5
    if kind == "date_today":
        return (today.day, today.month) == (int(g["d"]), MONTHS.index(g["m"]) + 1)
    if kind == "date_ahead":
        first = 21 if claim.phrase.startswith("late") else 1
        return (_next_on_or_after(MONTHS.index(g["m"]) + 1, first, today) - today).days <= 120
    if kind == "month_since":
        return 1 <= (today.month - (MONTHS.index(g["m"]) + 1)) % 12 <= 4
    if kind == "month_today":
        return today.month == MONTHS.index(g["m"]) + 1
    if kind == "season":
        season = g["s"].lower()
        return SEASON_OF_MONTH[today.month] in (season, SEASON_BEFORE[season])
    if kind.startswith("holiday"):
        holiday = _holiday(g["h"], today)
        ahead = (holiday - today).days
        if kind == "holiday_next_week":
            next_monday = today + dt.timedelta(days=7 - today.weekday())
            return 0 <= (holiday - next_monday).days < 7
        if kind == "holiday_days_before":
            return ahead == _count(g["n"])
        if kind == "holiday_ahead":
            return 1 <= ahead <= 30
        return ahead == 0
    raise AssertionError(f"no check for claim kind {kind}")


def _elapsed_days(claim: Claim) -> int:
    g = claim.groups
    n = _count(g["n"]) if "n" in g else 1
    unit = g["u"].lower()
    return n * _UNIT_DAYS.get(unit, 1 if unit == "morning" else 7)


def problems_of(event: Event, came: list[Arrival]) -> list[str]:
    """What is wrong with ``event``'s calendar claims, one line each."""
    out: list[str] = []
    for text in texts_of(event):
        claims, loose = claims_in(text.text)
        where = f"event '{event.id}' {text.field}"
        out += [
            f"{where}: '{m}' is a calendar word no pattern in tests/test_day_claims.py classifies; "
            "add a pattern, or a reviewed NOT_CLAIMS phrase saying why it claims nothing"
            for m in loose
        ]
        for claim in claims:
            out += _check(event, text, claim, came, where)
    return out


def _check(event: Event, text: Text, claim: Claim, came: list[Arrival], where: str) -> list[str]:
    said = f"{where} says '{claim.phrase}' ({claim.meaning})"
    if claim.kind == "elapsed":
        days = _elapsed_days(claim)
        if not text.at_arrival:
            if days <= NARRATION_DAYS:
                return []
            return [
                f"{said}, but a choice or outcome is read on the day it is taken; make it a follow-up "
                f"(weeks = {days // 7} or after = {days}) whose text tells it"
            ]
        wrong = sorted(
            (a for a in came if a.how != "follow-up" or not days <= a.after <= days + (6 if a.on >= 0 else 0)),
            key=lambda a: (a.scenario.id, a.day),
        )
        return [
            f"{said}, but it can come on {a.describe()}; give it weight = 0 and reach it only by a follow-up {days} days on"
            for a in wrong[:1]
        ]
    if claim.kind in ("tomorrow", "next_week"):
        if not text.follow_ups:
            return []  # about something offstage: the game shows nothing that could contradict it
        lands = [after + (0 if on < 0 else 6) for _target, after, on in text.follow_ups]
        if claim.kind == "tomorrow" and any(after == 1 and on < 0 for _t, after, on in text.follow_ups):
            return []
        if claim.kind == "next_week" and any(
            7 <= after <= 13 or (on >= 0 and 1 <= after <= 7) for _t, after, on in text.follow_ups
        ):
            return []
        return [
            f"{said}, but the follow-ups scheduled there land {lands} days on; schedule one "
            + ("after = 1" if claim.kind == "tomorrow" else "in the next week (after = 7, or on = a weekday)")
        ]
    wrong = sorted((a for a in came if not holds(claim, a)), key=lambda a: (a.scenario.id, a.day))
    if not wrong:
        return []
    return [
        f"{said}, but it can come on {wrong[0].describe()}"
        + (f" and {len(wrong) - 1} other days" if len(wrong) > 1 else "")
        + "; bind it (weekdays, months, a date range, season, or a follow-up's on/weeks) or say it with {weekday}/{date}"
    ]


# --- the tests -------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def came(builtin: Content) -> dict[str, list[Arrival]]:
    return arrivals(builtin)


def test_every_built_in_calendar_claim_holds(builtin: Content, came: dict[str, list[Arrival]]) -> None:
    found = [p for event in builtin.events.values() for p in problems_of(event, came[event.id])]
    assert not found, f"{len(found)} calendar claims do not hold:\n" + "\n".join(found)


@pytest.mark.parametrize(
    ("text", "kind", "meaning"),
    [
        ("Saturday, and nothing planned.", "weekday_today", "today is Saturday"),
        ("In the Monday meeting Zhao Lei presents your analysis.", "weekday_today", "today is Monday"),
        ("The May holiday is next week.", "holiday_next_week", "May holiday falls in next week"),
        ("Six weeks and four visits later, the court confirms it.", "elapsed", "Six week(s) passed"),
        ("Hot water for free, all winter.", "season", "it is winter or the season before"),
        ("The clean-up is on Sunday.", "weekday_ahead", "Sunday is still to come"),
        (
            "Two days before the Spring Festival, Old Tang climbs a ladder.",
            "holiday_days_before",
            "Spring Festival is Two days away",
        ),
    ],
)
def test_the_scanner_finds_the_playtesters_claims(text: str, kind: str, meaning: str) -> None:
    claims, loose = claims_in(text)
    assert [(c.kind, c.meaning) for c in claims] == [(kind, meaning)] and not loose


def test_a_calendar_word_no_pattern_knows_is_reported_and_a_reviewed_phrase_is_not() -> None:
    assert claims_in("Thursday is grey.") == ([], ["Thursday"])
    assert claims_in("Your mother phones every Sunday.") == ([], [])
    assert claims_in("It is {weekday}, and nothing planned.") == ([], [])  # said by interpolation: always true


CLAIMS_PACK = {
    "life.toml": """
        [scenarios.week]
        name = "A week"
        days = 20
        start_date = "2019-09-23"
        [scenarios.week.character]
        name = "N"

        [[event]]
        id = "errand"
        title = "Errand"
        text = "An errand."
        repeatable = true
        [[event.choice]]
        id = "ok"
        label = "Go"
        [[event.choice]]
        id = "file"
        label = "File the form"
        schedule = [{ event = "answer", WHEN }]

        [[event]]
        id = "free_day"
        title = "Nothing on"
        text = "Saturday, and nothing planned."
        BINDING
        [[event.choice]]
        id = "ok"
        label = "Rest"
        [[event.choice]]
        id = "walk"
        label = "Walk"

        [[event]]
        id = "answer"
        title = "The answer"
        text = "Two weeks later, the answer comes."
        weight = 0
        [[event.choice]]
        id = "ok"
        label = "Read it"
        [[event.choice]]
        id = "bin"
        label = "Bin it"
    """
}


def _problems(write_pack, binding: str, when: str) -> list[str]:
    files = {"life.toml": CLAIMS_PACK["life.toml"].replace("BINDING", binding).replace("WHEN", when)}
    content = load_content([write_pack("claims", files)])
    came = arrivals(content)
    return [p for event in content.events.values() for p in problems_of(event, came[event.id])]


def test_an_unbound_claim_fails_naming_event_field_claim_and_a_day_it_is_false(write_pack) -> None:
    found = _problems(write_pack, "", "after = 1")
    assert any(
        p.startswith("event 'free_day' text says 'Saturday, ' (today is Saturday), but it can come on Monday 2019-09-23")
        for p in found
    ), found
    assert any(
        p.startswith("event 'answer' text says 'Two weeks later' (Two week(s) passed), but it can come on")
        and "a follow-up of 'errand' 1 days on" in p
        for p in found
    ), found


def test_binding_the_day_and_the_follow_up_makes_the_claims_hold(write_pack) -> None:
    assert _problems(write_pack, 'weekdays = ["saturday"]', "weeks = 2") == []
    assert _problems(write_pack, "when = 'weekday == \"saturday\"'", "weeks = 2") == []


def test_the_harbour_example_keeps_its_calendar_claims() -> None:
    """The guide's example pack (its Monday auction) is held to the same rule as the built-in packs."""
    root = CONTENT.parent
    content = load_content([CONTENT / "core", root / "docs" / "examples" / "harbour"])
    came = arrivals(content)
    harbour = [e for e in content.events.values() if e.pack == "harbour"]
    assert any(e.weekdays for e in harbour)
    assert [p for event in harbour for p in problems_of(event, came[event.id])] == []
