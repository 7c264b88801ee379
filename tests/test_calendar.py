"""The calendar in expressions and follow-ups: ``date`` compared with ISO dates, ``days_until``, follow-ups in
``weeks`` or on a weekday, and the validator's word on dates and follow-ups that cannot be."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from game.engine.life import Life
from game.engine.state import Setup
from game.packs.expr import ExprError, Names, compile_expr
from game.packs.loader import load_content, validate

START = dt.date(2019, 9, 23)  # a Monday

LIFE = {
    "cal.toml": """
        [scenarios.autumn]
        name = "Autumn"
        days = 40
        start_date = "2019-09-23"
        [scenarios.autumn.character]
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
        id = "later"
        label = "See you in six weeks"
        show_if = "day == 1"
        schedule = [{ event = "reunion", weeks = 6 }]
        [[event.choice]]
        id = "plan"
        label = "Plan a Saturday"
        show_if = "day <= 12"
        schedule = [{ event = "outing", on = "saturday" }]

        [[event]]
        id = "golden_week"
        title = "Golden Week"
        text = "The National Day holiday."
        weight = 1000
        when = 'date >= "2019-10-01" and date <= "2019-10-07"'
        repeatable = true
        [[event.choice]]
        id = "ok"
        label = "Rest"

        [[event]]
        id = "countdown"
        title = "Countdown"
        text = "Three days to the holiday."
        weight = 1000
        when = 'days_until("2019-10-01") == 3'
        [[event.choice]]
        id = "ok"
        label = "Count"

        [[event]]
        id = "reunion"
        title = "Reunion"
        text = "Six weeks later."
        weight = 0
        [[event.choice]]
        id = "ok"
        label = "Meet"

        [[event]]
        id = "outing"
        title = "Outing"
        text = "The Saturday you planned."
        weight = 0
        [[event.choice]]
        id = "ok"
        label = "Go"
    """
}


@dataclass
class _State:
    day: int


@dataclass
class _Context:
    """What calendar expressions read: the start date's ordinal and the day of the life."""

    day: int
    start_ordinal: int = START.toordinal()
    state: _State = field(init=False)

    def __post_init__(self) -> None:
        self.state = _State(self.day)


def _eval(source: str, day: int) -> object:
    return compile_expr(source, Names(), "number" if source.startswith("days_until") else "boolean").eval(_Context(day))


def test_date_compares_with_iso_dates_on_either_side() -> None:
    # day 9 of a life that starts on 23 September 2019 is 1 October
    assert _eval('date >= "2019-10-01"', 9) is True
    assert _eval('date >= "2019-10-01"', 8) is False
    assert _eval('date == "2019-10-01"', 9) is True
    assert _eval('date < "2019-10-01"', 8) is True
    assert _eval('"2019-10-01" <= date', 9) is True
    assert _eval('"2019-10-01" > date', 9) is False
    assert _eval('date in ["2019-10-01", "2019-10-02"]', 10) is True
    assert _eval('date not in ["2019-10-01", "2019-10-02"]', 11) is True


def test_days_until_counts_from_today_and_goes_negative_after() -> None:
    assert _eval('days_until("2019-10-01")', 1) == 8
    assert _eval('days_until("2019-10-01")', 9) == 0
    assert _eval('days_until("2019-10-01")', 12) == -3
    assert _eval('days_until("2020-01-01")', 1) == (dt.date(2020, 1, 1) - START).days


@pytest.mark.parametrize(
    ("source", "says"),
    [
        ('date >= "2019-13-01"', "'2019-13-01' is not a date"),
        ('date >= "2019-02-30"', "'2019-02-30' is not a date"),
        ('date >= "1 October"', "write a real date as YYYY-MM-DD"),
        ("date >= 3", "not with the number 3"),
        ("date == date", 'compare `date` with a date in quotes, like date >= "2019-10-01"'),
        ("date + 1 > 3", "needs a number but gives a date"),
        ('days_until("next week") > 2', "'next week' is not a date"),
        ("days_until(3) > 2", 'like days_until("2019-10-01")'),
        ('days_until("2019-10-01")', "needs a true/false value"),
    ],
)
def test_calendar_expressions_are_type_checked(source: str, says: str) -> None:
    with pytest.raises(ExprError) as caught:
        compile_expr(source, Names())
    assert says in str(caught.value)


def _play(content: object, seed: int, pick: dict[str, str]) -> Life:
    life = Life(content, Setup("autumn", seed))  # type: ignore[arg-type]
    while (view := life.prompt()) is not None:
        ids = {c.choice.id for c in view.choices if c.enabled}
        wanted = pick.get(view.event.id, "ok")
        life.choose(wanted if wanted in ids else "ok")
    return life


def test_a_date_range_binds_an_event_and_days_until_fires_on_its_day(write_pack) -> None:
    content = load_content([write_pack("cal", LIFE)])
    for seed in range(6):
        life = _play(content, seed, {})
        days = {event: [d for d, e, _ in life.state.log if e == event] for event in ("golden_week", "countdown")}
        dates = {START + dt.timedelta(days=d - 1) for d in days["golden_week"]}
        assert dates and all(dt.date(2019, 10, 1) <= d <= dt.date(2019, 10, 7) for d in dates), (seed, dates)
        assert days["countdown"] == [6], seed  # 28 September: three days before 1 October


def test_a_follow_up_in_six_weeks_lands_42_days_later(write_pack) -> None:
    files = {"cal.toml": LIFE["cal.toml"].replace("days = 40", "days = 50")}
    content = load_content([write_pack("cal", files)])
    life = _play(content, 3, {"errand": "later"})
    chosen = [d for d, e, c in life.state.log if c == "later"]
    reunions = [d for d, e, _ in life.state.log if e == "reunion"]
    assert chosen == [1] and reunions == [43]


def test_a_follow_up_on_saturday_lands_on_the_next_saturday(write_pack) -> None:
    content = load_content([write_pack("cal", LIFE)])
    seen = 0
    for seed in range(4):
        life = _play(content, seed, {"errand": "plan"})
        planned = [d for d, _e, c in life.state.log if c == "plan"]
        outings = [d for d, e, _c in life.state.log if e == "outing"]
        assert planned and outings
        for day in outings:
            assert (START + dt.timedelta(days=day - 1)).strftime("%A") == "Saturday", (seed, day)
        first = planned[0]
        assert outings[0] == min(d for d in range(first + 1, first + 8) if (START + dt.timedelta(days=d - 1)).weekday() == 5)
        seen += len(outings)
    assert seen


def _problem_at(problems: list, text: str) -> object:
    found = [p for p in problems if text in p.message]
    assert found, [p.message for p in problems]
    return found[0]


def _line_of(folder: Path, needle: str) -> int:
    lines = (folder / "cal.toml").read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if needle in line)


def test_a_bad_date_literal_is_refused_with_file_and_line(write_pack) -> None:
    files = {"cal.toml": LIFE["cal.toml"].replace('date <= "2019-10-07"', 'date <= "2019-10-32"')}
    folder = write_pack("cal", files)
    content, problems = validate([folder])
    assert content is None
    problem = _problem_at(problems, "'2019-10-32' is not a date")
    assert problem.severity == "error"  # type: ignore[attr-defined]
    assert Path(problem.file).name == "cal.toml"  # type: ignore[attr-defined]
    assert problem.line == _line_of(folder, "2019-10-32")  # type: ignore[attr-defined]


def test_a_follow_up_with_both_after_and_weeks_is_refused(write_pack) -> None:
    both = '{ event = "reunion", after = 3, weeks = 6 }'
    files = {"cal.toml": LIFE["cal.toml"].replace('{ event = "reunion", weeks = 6 }', both)}
    folder = write_pack("cal", files)
    content, problems = validate([folder])
    assert content is None
    problem = _problem_at(problems, "gives both after = 3 and weeks = 6; keep one")
    assert problem.line == _line_of(folder, "weeks = 6")  # type: ignore[attr-defined]


def test_a_follow_up_past_the_end_of_the_life_is_a_warning(write_pack) -> None:
    folder = write_pack("cal", LIFE)  # 40 days; the reunion comes 42 days after day 1 at the earliest
    content, problems = validate([folder])
    assert content is not None
    problem = _problem_at(problems, "event 'errand' schedules 'reunion' 42 days later but scenario 'autumn' lasts 40 days")
    assert problem.severity == "warning"  # type: ignore[attr-defined]
    assert problem.line == _line_of(folder, "weeks = 6")  # type: ignore[attr-defined]
    longer = write_pack("cal2", {"cal.toml": LIFE["cal.toml"].replace("days = 40", "days = 43")})
    _content, problems = validate([longer])
    assert not [p for p in problems if "schedules 'reunion'" in p.message]
