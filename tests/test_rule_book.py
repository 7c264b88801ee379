"""The rule book (issue 15): each enrolled system's rule table and grade table, each row with its source note and
reliability, reported-only rows marked ‡; an opaque system shows only its published factors. Built in
game.play.rule_book, rendered by the TUI (B, the palette) and the plain mode (``rules``)."""

from __future__ import annotations

from textual.pilot import Pilot

from game.engine.content import Content
from game.engine.life import Life
from game.engine.scoring import update_privileges, update_tier
from game.engine.state import Setup
from game.play.rule_book import RuleBook, SystemBook, rule_book
from game.present import Display
from game.strings import S
from game.tools.plain_rule_book import rule_book_lines
from game.tui.palette import palette_commands
from game.tui.run import make_app
from game.tui.screens.day import DayScreen
from game.tui.screens.rule_book import RuleBookScreen, grade_text, rule_text
from tests.conftest import plain_played


def _worker(builtin: Content, premise: str = "reported") -> Life:
    return Life(builtin, Setup("rongcheng_worker", 1, settings={"premise": premise}))


def _system(book: RuleBook, system_id: str) -> SystemBook:
    return next(s for s in book.systems if s.id == system_id)


def test_the_rule_table_has_points_caps_and_a_note_per_row(builtin: Content) -> None:
    municipal = _system(rule_book(_worker(builtin)), "municipal")
    rows = {r.act: r for r in municipal.rules}
    assert len(rows) == len(builtin.systems["municipal"].rules)
    fraud = rows["Taking part in pyramid selling"]
    assert (fraud.points, fraud.category, fraud.reliability) == ("-30", "commerce", S["reliability_official_document"])
    assert "Attachment 1" in fraud.source
    assert rows["Donation"].caps == "once in 30 days"
    assert rows["A son or daughter in the army"].caps == "once in a life"
    shift = rows["Volunteer shift (4 hours)"]
    assert shift.points == S["rulebook_points_vary"] and "then 2, then 1 after 80 hours" in shift.description
    assert all(r.source and r.reliability for r in municipal.rules)


def test_the_grade_table_says_what_each_grade_grants_and_bars(builtin: Content) -> None:
    life = _worker(builtin)
    grades = {g.tier: g for g in _system(rule_book(life), "municipal").grades}
    assert [g for g in grades] == ["AAA", "AA", "A", "B", "C", "D"]
    assert "Heating rebate" in grades["AA"].grants and grades["AA"].starts == "from 1030"
    assert grades["A"].current and not grades["AA"].current
    assert "High-speed rail" in grades["D"].reported_revokes and not grades["D"].revokes
    assert grades["D"].reliability == S["reliability_disputed"] and "Supreme People's Court" in grades["D"].source


def test_reported_only_rows_are_marked_and_do_not_apply_as_documented(builtin: Content) -> None:
    reported = {r.act: r for r in _system(rule_book(_worker(builtin)), "municipal").rules}
    documented = {r.act: r for r in _system(rule_book(_worker(builtin, "documented")), "municipal").rules}
    assert reported["Drunk driving"].reported and reported["Drunk driving"].applies
    assert documented["Drunk driving"].reported and not documented["Drunk driving"].applies
    assert not reported["Taking part in pyramid selling"].reported


def test_the_view_model_words_the_rows_and_both_front_ends_render_them_alike(builtin: Content) -> None:
    """As documented: the ‡ rule says it is not applied, grade D that its reported bars are not applied; the TUI's
    rows and the plain mode's lines are the same words (they render the view model's lines, not their own)."""
    book = rule_book(_worker(builtin, "documented"))
    municipal = _system(book, "municipal")
    drunk = next(r for r in municipal.rules if r.act == "Drunk driving")
    assert drunk.details == ("traffic",) and drunk.marks == (S["mark_as_reported"], S["rulebook_not_applied"])
    grade_d = next(g for g in municipal.grades if g.tier == "D")
    assert S["rulebook_reported_not_applied"].format(list=", ".join(grade_d.reported_revokes)) in grade_d.lines(False)
    assert grade_d.lines(True)[0] == S["rulebook_reported_revokes"].format(list=", ".join(grade_d.reported_revokes))
    plain = [line.strip() for line in rule_book_lines(book)]
    rendered = [grade_text(g, book.as_reported) for g in municipal.grades] + [rule_text(r) for r in municipal.rules]
    for text in rendered:
        lines = [line.strip() for line in text.plain.splitlines()]
        start = plain.index(lines[0])
        assert plain[start : start + len(lines)] == lines


def test_an_opaque_system_shows_only_its_factors_and_says_the_rest_is_secret(builtin: Content) -> None:
    life = Life(builtin, Setup("sesame_renter", 1))
    life.state.enrolled.append("sesame")
    life.state.scores["sesame"] = 580
    update_tier(life, "sesame", "test")
    sesame = _system(rule_book(life), "sesame")
    assert sesame.opaque and sesame.rules == ()
    assert sesame.known[-1] == S["opaque_secret"]
    assert {line.strip(" •") for line in sesame.known[1:-1]} == {
        "credit history",
        "behaviour and preferences",
        "ability to pay",
        "personal details",
        "relationships",
    }
    assert all(g.starts == "" for g in sesame.grades), "a grade-only system shows no thresholds"


def test_the_display_decides_what_the_book_shows(builtin: Content) -> None:
    life = _worker(builtin)
    assert rule_book(life, Display({"municipal": "hidden"})).systems == ()
    withheld = _system(rule_book(life, Display({"municipal": "tier"})), "municipal")
    assert withheld.withheld and withheld.rules == () and not withheld.opaque


def test_plain_mode_has_a_rules_command(builtin: Content) -> None:
    text = plain_played(_worker(builtin), "rules\n", intro=True)
    assert S["plain_rules_hint"] in text
    assert "--- Rongcheng social credit: you are A (995) ---" in text
    assert "     -200  Drunk driving · traffic  ‡ as reported" in text
    assert "      Source (an official document): −30 for taking part in pyramid selling" in text
    assert "      Bars, as reported ‡: High-speed rail, Flights" in text
    assert text.count(S["prompt"].format(n=2)) == 2, "the choice is asked again after the book"


async def test_b_opens_the_rule_book_and_the_palette_lists_it(builtin: Content) -> None:
    app = make_app(builtin, Setup("rongcheng_worker", 1), start=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        while not isinstance(app.screen, DayScreen):
            await pilot.press("escape")  # the opening myth card, if any
            await pilot.pause()
        assert S["key_rule_book"] in [c.title for c in palette_commands(app, app.screen)]
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.screen, RuleBookScreen)
        shown = "\n".join(str(w.render()) for w in app.screen.query(".rulebook-row"))
        assert "Heating rebate" in shown and "‡ as reported" in shown and "Attachment 1" in shown
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DayScreen)


def test_snapshot(mini: Content, snap_compare) -> None:
    async def before(pilot: Pilot) -> None:
        await pilot.pause()
        await pilot.press("b")
        await pilot.pause()

    app = make_app(mini, Setup("life", 1), start=True)
    assert snap_compare(app, terminal_size=(100, 30), run_before=before)


def test_a_list_ban_is_not_a_grade_row(builtin: Content) -> None:
    life = _worker(builtin)
    life.state.lists.add("court_blacklist")
    update_privileges(life, "test")
    grades = _system(rule_book(life), "municipal").grades
    assert all("Buying property" not in g.revokes for g in grades), "the court list is not the city's grade table"
