"""Wording a new player met: counts in the singular, and no internal ids where reasons are told."""

from __future__ import annotations

from game import present
from game.engine.content import Content
from game.engine.life import Life
from game.engine.scoring import update_privileges
from game.engine.state import Setup
from game.play.views import day_line
from game.reports.life import life_report
from game.reports.short import short_debrief
from game.strings import S, plural


def test_one_of_a_count_is_said_in_the_singular() -> None:
    assert plural("day_bar", 1).format(day=29, length=30, date="Mon", left=1).endswith("· 1 day left")
    assert plural("day_bar", 2).format(day=28, length=30, date="Mon", left=2).endswith("· 2 days left")
    assert plural("records_header", 1).format(n=1) == "The record (1 entry):"
    assert plural("end_record", 1).format(n=1).startswith("The record: 1 entry ")
    assert plural("short_records", 1).format(n=1) == "One score change was recorded about you."
    assert "1 day" in plural("lost_line", 1).format(privilege="Rail", start=3, days=1, until="")
    assert plural("history_system", 1).format(system="X", n=1) == "X (1 day)"
    assert plural("records_header", 0).format(n=0) == "The record (0 entries):"


def test_the_day_bar_on_the_second_to_last_day(builtin: Content) -> None:
    life = Life(builtin, Setup("rongcheng_worker", 4, days=2))
    assert life.state.day == 1 and day_line(life).endswith("1 day left")


def test_the_short_debrief_counts_one_record_in_the_singular(mini) -> None:
    life = Life(mini, Setup("life", 1))
    life.choose("fine")
    lines = short_debrief(life_report(life))
    assert "One score change was recorded about you." in lines


def test_an_overnight_rule_without_words_is_not_named_by_its_id(builtin: Content) -> None:
    rule = next(d for d in builtin.daily if d.id == "ses_history_grows")
    assert not rule.text
    said = present.cause_text(builtin, "daily:ses_history_grows")
    assert "ses_history_grows" not in said and said == S["cause_night"]


def test_the_theme_command_does_not_say_theme_twice() -> None:
    for key in ("cmd_theme_dark", "cmd_theme_light", "cmd_theme_contrast"):
        text = S["cmd_theme_help"].format(theme=S[key])
        assert "theme theme" not in text.lower(), text


def test_the_short_debrief_names_every_lost_privilege(builtin: Content) -> None:
    from game.engine.scoring import update_tier

    life = Life(builtin, Setup("rongcheng_worker", 1))
    life.state.scores["municipal"] = 100  # grade D: many doors close at once
    update_tier(life, "municipal", "test")
    report = life_report(life)
    lost = {m.name for m in report.moments if not m.held}
    assert len(lost) > 4
    text = "\n".join(short_debrief(report))
    assert all(name in text for name in lost), [n for n in lost if n not in text]


def test_a_rating_is_shown_in_its_own_unit(builtin: Content) -> None:
    """The passenger rating is kept as 100–500 and shown in stars: 480 is '4.80', a small deduction '-0.08'."""
    from game.engine.model import Record

    assert present.score_text(builtin, "ride_rating", 480) == "4.80"
    assert present.signed_score(builtin, "ride_rating", -8) == "-0.08"
    assert present.score_text(builtin, "municipal", 995) == "995"  # other systems as they are
    record = Record(3, "ride_rating", "ride_late", -8, 472, "x/y", True)
    line = present.record_text(builtin, record, present.Display())
    assert "-0.08" in line and line.endswith("→ 4.72") and "472" not in line


def test_a_privilege_lost_twice_is_not_named_again_among_the_rest(builtin: Content) -> None:
    """The shopper, wrongly listed and then listed for real, read "You lost Bank loans … (day 6)" and then
    "You also lost 10 more: …, Bank loans at normal terms, …"."""
    life = Life(builtin, Setup("shenzhen_shopper", 1))
    for event, choice in (("court_wrong_listing", "apply"), ("court_listed", "look")):
        life.state.current = event
        life.choose(choice)
        if event == "court_wrong_listing":
            life.state.lists.discard("court_blacklist")  # the correction comes through
            update_privileges(life, "test")
    report = life_report(life)
    lost = [m.name for m in report.moments if not m.held]
    assert len(lost) > len(set(lost)) > 4  # some privileges were lost twice
    text = "\n".join(short_debrief(report))
    for name in set(lost):
        assert text.count(name) == 1, (name, text)
