"""Notes where players look, below the screens: what a lock opens, what a record's detail and the end screen say
of where things come from, and what a player is told of a system whose rules are secret."""

from __future__ import annotations

from textual.widgets import Static

from game.engine.content import Content
from game.engine.life import Life
from game.engine.model import LockReason
from game.engine.scoring import record_rule, update_privileges, update_tier
from game.engine.state import Setup
from game.notes import lock_notes, reliability_words, secret_systems_lines
from game.present import Display
from game.strings import S
from game.tui.run import make_app
from game.tui.screens.end import sources_text
from game.tui.screens.record import RecordScreen, detail_text

RAIL = "Court 'high-consumption' restrictions bar listed defaulters from G-series trains"
"""The start of the high-speed rail privilege's note in core."""


def _train(content: Content):
    return next(c for c in content.events["holiday_tickets"].choices if c.id == "train")


def _worker_on_grade_d(content: Content, premise: str) -> Life:
    life = Life(content, Setup("rongcheng_worker", 5, settings={"premise": premise}))
    life.state.scores["municipal"] = 560
    update_tier(life, "municipal", "test")
    return life


def test_a_privilege_lock_opens_the_privileges_note(builtin: Content) -> None:
    [note] = lock_notes(builtin, LockReason("privilege_missing", {"privilege": "high_speed_rail"}))
    assert note.heading == S["note_privilege"].format(privilege="High-speed rail")
    assert note.text.startswith(RAIL) and note.reliability == reliability_words("official_document")


def test_the_grade_d_train_lock_opens_the_grades_note_then_the_privileges(builtin: Content) -> None:
    life = _worker_on_grade_d(builtin, "reported")
    lock = life.lock_of(_train(builtin))
    assert lock is not None and lock.kind == "tier_revokes" and lock.args["reported"]
    reported, privilege = lock_notes(builtin, lock)
    assert reported.heading == S["note_reported_rule"].format(tier="D", system="Rongcheng social credit")
    assert reported.reliability == reliability_words("disputed")
    assert privilege.text.startswith(RAIL)
    hidden = Display({"municipal": "hidden"})  # a hidden grade is not told through its note
    assert [n.text for n in lock_notes(builtin, lock, hidden)] == [privilege.text]


def test_a_list_lock_opens_the_lists_note_then_the_privileges(builtin: Content) -> None:
    life = _worker_on_grade_d(builtin, "documented")
    life.state.lists.add("court_blacklist")
    update_privileges(life, "test")
    lock = life.lock_of(_train(builtin))
    assert lock is not None and lock.kind == "list_revokes"
    court, privilege = lock_notes(builtin, lock)
    blacklist = builtin.lists["court_blacklist"]
    assert court.heading == S["note_list"].format(list=blacklist.name)
    assert court.reliability == reliability_words(blacklist.reliability) and court.text
    assert privilege.text.startswith(RAIL)


def test_a_records_detail_gives_its_rules_source_and_reliability(builtin: Content) -> None:
    life = Life(builtin, Setup("rongcheng_worker", 5))
    record_rule(life, "jaywalking", "test")
    record = next(r for r in life.state.records if r.rule == "jaywalking" and not r.shadow)
    rule = builtin.systems[record.system].rules["jaywalking"]
    text = detail_text(builtin, Display(), record).plain
    assert S["note_reliability"].format(level=reliability_words(rule.reliability)) in text
    assert rule.source[:60] in text


def test_the_end_screen_lists_the_sources_of_what_happened(builtin: Content) -> None:
    life = _worker_on_grade_d(builtin, "reported")
    record_rule(life, "jaywalking", "test")
    text = sources_text(life, Display()).plain
    assert RAIL in text and "(" + S["note_reliability"].format(level=reliability_words("official_document")) + ")" in text
    assert builtin.systems["municipal"].rules["jaywalking"].source[:60] in text


def _sesame_member(content: Content) -> Life:
    life = Life(content, Setup("sesame_renter", 1))
    life.state.enrolled.append("sesame")
    return life


def test_a_secret_systems_published_factors_and_nothing_more(builtin: Content) -> None:
    life = _sesame_member(builtin)
    lines = secret_systems_lines(builtin, life.state.enrolled, Display())
    assert lines[0] == S["opaque_known"].format(system=builtin.systems["sesame"].name)
    assert lines[-1] == S["opaque_secret"] and len(lines) > 2
    assert secret_systems_lines(builtin, ["municipal"], Display()) == []  # its rules are published
    assert secret_systems_lines(builtin, life.state.enrolled, Display({"sesame": "hidden"})) == []
    assert secret_systems_lines(builtin, ["sesame", "sesame"], Display()) == lines  # once each
    assert S["opaque_secret"] in sources_text(life, Display()).plain


async def test_a_sesame_members_record_says_what_is_known_before_anything_is_recorded(builtin: Content) -> None:
    life = _sesame_member(builtin)
    assert not life.state.records
    app = make_app(builtin)
    async with app.run_test(size=(110, 34)) as pilot:
        await pilot.pause()
        await app.push_screen(RecordScreen(builtin, [], Display(), life.state.enrolled))
        await pilot.pause()
        known = str(app.screen.query_one("#record-opaque", Static).render())
        assert S["opaque_known"].format(system=builtin.systems["sesame"].name) in known and S["opaque_secret"] in known


def test_a_rule_the_workshop_changed_says_so_beside_its_source(builtin: Content) -> None:
    """The note of a rule speaks of the pack's points: a record priced by the facilitator's override says that the
    points are the workshop's (a −450 jaywalk beside a source that speaks of about 5 points read as a lie)."""
    overrides = {"municipal.jaywalking": -450.0}
    life = Life(builtin, Setup("rongcheng_worker", 5, rule_overrides=overrides))
    record_rule(life, "jaywalking", "test")
    record = next(r for r in life.state.records if r.rule == "jaywalking" and not r.shadow)
    assert record.points == -450
    assert S["record_detail_override"] in detail_text(builtin, Display(), record, overrides=overrides).plain
    assert S["record_detail_override"] not in detail_text(builtin, Display(), record).plain


async def test_the_record_screen_passes_the_workshops_changes_to_the_detail(builtin: Content) -> None:
    from game.tui.screens.record import RecordDetail

    setup = Setup("rongcheng_worker", 5, rule_overrides={"municipal.jaywalking": -450.0})
    app = make_app(builtin, setup, start=True)
    async with app.run_test(size=(110, 34)) as pilot:
        await pilot.pause()
        record_rule(app.session.life, "jaywalking", "test")
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, RecordScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, RecordDetail)
        assert S["record_detail_override"] in app.screen.text.plain
