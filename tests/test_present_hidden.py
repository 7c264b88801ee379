"""Hidden scores stay hidden in every sentence: lock reasons, lost privileges, the plain game and the TUI.

In the mini world the hub's first choice is a fine: the city score drops to grade D,
and D revokes the train ("High-speed rail"), so the train choice locks.
"""

from __future__ import annotations

import io

from game import present
from game.engine.content import Content
from game.engine.life import Life
from game.engine.model import LockReason
from game.engine.state import Setup
from game.play import Session
from game.present import Display
from game.tools.plain import PlainGame
from game.tui.run import make_app
from game.tui.screens.day import DayScreen
from game.tui.widgets.event_card import ChoiceList
from game.tui.widgets.status_panel import StatusPanel

HIDDEN = Display(scores={"city": "hidden"})
TIER = Display(scores={"city": "tier"})


def fined(mini: Content) -> tuple[Life, list]:
    """A mini life just after the fine: grade D, the train lost."""
    life = Life(mini, Setup("life", 1))
    life.drain_notices()
    return life, life.choose("fine")


def train_lock(life: Life) -> LockReason:
    view = life.prompt()
    assert view is not None
    lock = next(cv.lock for cv in view.choices if cv.choice.id == "train")
    assert lock is not None
    return lock


def test_a_barred_privilege_names_the_grade_only_where_it_is_shown(mini: Content) -> None:
    life, _ = fined(mini)
    lock = train_lock(life)
    barred = "Grade D — barred from High-speed rail (City score)"
    assert present.lock_text(mini, lock) == f"{barred}; lifted at grade B, 10 points short"
    assert present.lock_text(mini, lock, TIER) == "Grade D — barred from High-speed rail (City score); lifted at grade B"
    assert present.lock_text(mini, lock, HIDDEN) == "Barred from High-speed rail by City score"
    assert present.lock_text(mini, lock, Display(scores={"*": "hidden"})) == "Barred from High-speed rail by City score"


def test_a_lost_privilege_names_the_grade_only_where_it_is_shown(mini: Content) -> None:
    _, notices = fined(mini)
    lost = next(n for n in notices if n.kind == "privilege" and not n.data["held"])
    assert present.notice_text(mini, lost) == "You lost: High-speed rail (grade D, City score)"
    assert present.notice_text(mini, lost, TIER) == "You lost: High-speed rail (grade D, City score)"
    hidden = present.notice_text(mini, lost, HIDDEN)
    assert hidden == "You lost: High-speed rail (by City score)"
    assert present.by_text(mini, lost.data["by"], HIDDEN) == "(by City score)"
    assert present.by_text(mini, lost.data["by"]) == "(grade D, City score)"
    assert present.by_text(mini, ("list", "blacklist"), HIDDEN) == "(Blacklist)", "lists are not scores"


def test_grade_and_score_conditions_keep_hidden_numbers_hidden(mini: Content) -> None:
    tier = LockReason("tier", {"system": "city", "tier": "A", "now": "D"})
    assert present.lock_text(mini, tier) == "Needs grade A or better in City score (you are D)"
    assert present.lock_text(mini, tier, TIER) == "Needs grade A or better in City score (you are D)"
    assert present.lock_text(mini, tier, HIDDEN) == "Needs a better standing in City score"

    score = LockReason("compare", {"namespace": "score", "id": "city", "op": ">=", "value": 150, "now": 40})
    assert present.lock_text(mini, score) == "Needs City score at least 150 (you have 40, 110 short)"
    for display in (TIER, HIDDEN):  # a tier-only system shows no number either
        assert present.lock_text(mini, score, display) == "Depends on your standing in City score"

    grade = LockReason("compare", {"namespace": "tier", "id": "city", "op": "==", "value": "A", "now": "D"}, "Top grade only")
    assert present.lock_text(mini, grade, TIER).startswith("Needs City score")
    assert present.lock_text(mini, grade, HIDDEN) == "Depends on your standing in City score — Top grade only"

    money = LockReason("compare", {"namespace": "stat", "id": "money", "op": ">=", "value": 500, "now": 100})
    shown = "Needs Money at least ¥500 (you have ¥100, ¥400 short)"
    assert present.lock_text(mini, money, HIDDEN) == shown, "stats are not scores"


def test_the_plain_game_says_nothing_of_a_hidden_grade(mini: Content) -> None:
    out = io.StringIO()
    game = PlainGame(Session.of(Life(mini, Setup("life", 1, days=2)), HIDDEN), out)
    game.play(io.StringIO("1\n3\n"))  # the fine, then the train (locked: said why), then end of input
    text = out.getvalue()
    assert "Barred from High-speed rail by City score" in text
    assert "You lost: High-speed rail (by City score)" in text
    assert "grade D" not in text.lower()
    assert "City score" in text


async def test_the_tui_says_nothing_of_a_hidden_grade(mini: Content) -> None:
    app = make_app(mini, Setup("life", 1), display=HIDDEN, start=True)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("1")  # the fine
        await pilot.pause()
        assert isinstance(app.screen, DayScreen), "a hidden system's tier change shows no modal"
        menu = app.screen.query_one(ChoiceList)
        prompts = [str(menu.get_option_at_index(i).prompt) for i in range(menu.option_count)]
        train = next(p for p in prompts if "Take the train" in p)
        assert "Barred from High-speed rail by City score" in train
        assert "Grade" not in train
        assert app.screen.query_one(StatusPanel).status.barred == ("Barred from High-speed rail by City score",)
        today = str(app.screen.query_one("#today").render())
        assert "You lost: High-speed rail (by City score)" in today
        assert "grade D" not in today


def test_the_display_answers_with_a_typed_visibility(mini) -> None:
    from game.present import Visibility

    assert HIDDEN.mode(mini, "city") is Visibility.HIDDEN
    assert Display(scores={"*": "tier"}).mode(mini, "city") is Visibility.TIER
    assert isinstance(Display().mode(mini, "city"), Visibility)


def test_a_hidden_score_keeps_its_points_out_of_the_plain_record_even_with_rules_disclosed(mini: Content) -> None:
    """The record rows come from game.play.views with the policy applied once: a hidden system's records are
    left out in plain mode as on the TUI's end screen (plain mode used to list them when rules were disclosed)."""
    from game.play import views

    hidden_disclosed = Display(scores={"city": "hidden"}, disclosed=True)
    life = Life(mini, Setup("life", 1, days=1))
    out = io.StringIO()
    PlainGame(Session.of(life, hidden_disclosed), out).play(io.StringIO("1\n1\n1\n"))
    assert life.ended and any(r.system == "city" for r in life.state.records)
    assert views.record_rows(life, hidden_disclosed) == [
        row for row in views.record_rows(life, hidden_disclosed) if row.system_id != "city"
    ]
    assert "-60" not in out.getvalue().split("Day 1 of 1")[-1]  # the fine's points are nowhere in the summary
