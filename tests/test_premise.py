"""As reported, or as documented: the same life under the press's premise and under the documents."""

from __future__ import annotations

import pytest

from game.engine.content import Content
from game.engine.life import Life
from game.engine.model import LockReason
from game.engine.state import Setup
from game.present import by_text, lock_text
from game.strings import S
from tests.conftest import plain_played


def _life(content: Content, premise: str | None, seed: int = 5) -> Life:
    settings = {"premise": premise} if premise else {}
    return Life(content, Setup("rongcheng_worker", seed, settings=settings))


def _grade_d(life: Life) -> None:
    """Drop the citizen to grade D and recompute (a night does it in play)."""
    from game.engine.scoring import update_tier

    life.state.scores["municipal"] = 560
    update_tier(life, "municipal", "test")


def _train(content: Content):
    return next(c for c in content.events["holiday_tickets"].choices if c.id == "train")


def test_the_grade_d_train_lock_is_marked_as_reported(builtin: Content) -> None:
    life = _life(builtin, None)  # the scenario's default: the premise as reported
    _grade_d(life)
    lock = life.lock_of(_train(builtin))
    assert lock is not None and lock.kind == "tier_revokes"
    short = 600 - life.state.scores["municipal"]
    assert lock.args == {
        "privilege": "high_speed_rail", "system": "municipal", "tier": "D", "unlock": "C", "short": short, "reported": True
    }
    text = lock_text(builtin, lock)
    assert text.startswith("Grade D — barred from High-speed rail") and text.endswith(S["mark_as_reported"])


def test_as_documented_grade_d_bars_no_train_but_the_court_list_does(builtin: Content) -> None:
    life = _life(builtin, "documented")
    _grade_d(life)
    assert life.state.tiers["municipal"] == "D"
    assert "high_speed_rail" in life.state.privileges
    life.state.lists.add("court_blacklist")
    from game.engine.scoring import update_privileges

    update_privileges(life, "test")
    lock = life.lock_of(_train(builtin))
    assert lock == LockReason("list_revokes", {"privilege": "high_speed_rail", "list": "court_blacklist"})
    assert S["mark_as_reported"] not in lock_text(builtin, lock)


def test_a_documented_cause_wins_over_a_reported_one(builtin: Content) -> None:
    life = _life(builtin, "reported")
    _grade_d(life)
    life.state.lists.add("court_blacklist")
    from game.engine.scoring import update_privileges

    update_privileges(life, "test")
    lock = life.lock_of(_train(builtin))
    assert lock is not None and lock.kind == "list_revokes"


def test_the_lost_train_notice_carries_the_mark(builtin: Content) -> None:
    life = _life(builtin, "reported")
    life.drain_notices()
    _grade_d(life)
    lost = [n for n in life.drain_notices() if n.kind == "privilege" and n.data["privilege"] == "high_speed_rail"]
    assert lost and S["mark_as_reported"] in by_text(builtin, lost[0].data["by"])


def test_the_two_settings_give_different_locks_for_the_same_life(builtin: Content) -> None:
    """Same seed, same choices: a life that falls to grade D meets locks only under the reported premise."""

    def play(premise: str, seed: int) -> tuple[list[tuple[str, str, str]], list[tuple[str, str]]]:
        life = _life(builtin, premise, seed=seed)
        life.state.scores["municipal"] = 560  # a citizen who starts on grade D
        from game.engine.scoring import update_tier

        update_tier(life, "municipal", "start")
        locks: list[tuple[str, str, str]] = []
        taken: list[tuple[str, str]] = []
        for _ in range(25):
            view = life.prompt()
            if view is None:
                break
            for v in view.choices:
                if v.lock is not None:
                    locks.append((view.event.id, v.choice.id, v.lock.kind))
            # the same policy in both lives: the first choice open under both premises (money and flags only)
            choice = next(v.choice.id for v in view.choices if v.lock is None and not v.choice.requires)
            taken.append((view.event.id, choice))
            life.choose(choice)
        return locks, taken

    # the first seed whose life meets a lock the reported premise makes (which seed does depends on the packs' events)
    seed = next(s for s in range(1, 60) if any(kind == "tier_revokes" for *_x, kind in play("reported", s)[0]))
    reported_locks, reported_taken = play("reported", seed)
    documented_locks, documented_taken = play("documented", seed)
    assert reported_taken == documented_taken  # the same life
    assert reported_locks != documented_locks
    assert any(kind == "tier_revokes" for *_x, kind in reported_locks)
    assert not any(kind == "tier_revokes" for *_x, kind in documented_locks)


def test_a_scenario_may_not_set_an_unknown_premise(write_pack) -> None:
    from game.packs.loader import validate

    pack = """
[settings.premise]
name = "Premise"
default = "reported"

[scenarios.s]
name = "S"
reliability = "invented"
settings = { premise = "documentd" }
[scenarios.s.character]
name = "Someone"
"""
    content, problems = validate([write_pack("p", {"world.toml": pack})])
    assert content is None
    assert any("must be one of reported, documented, not 'documentd'" in p.message for p in problems)


def test_a_workshop_sets_the_premise(tmp_path, monkeypatch, builtin: Content) -> None:
    from game.workshop import open_workshop

    path = tmp_path / "workshop.toml"
    path.write_text('title = "T"\nscenario = "rongcheng_worker"\nseed = 3\npremise = "documented"\n', encoding="utf-8")
    workshop, content = open_workshop(path)
    setup = workshop.setup(content)
    assert setup.settings["premise"] == "documented"
    assert not Life(content, setup).as_reported


def test_citizen_play_takes_the_premise(tmp_path, monkeypatch, capsys) -> None:
    import io

    from game.cli import main

    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    code = main(["play", "--plain", "--no-save", "--seed", "4", "--premise", "documented"])
    assert code == 0
    with pytest.raises(SystemExit) as exit_info:
        main(["play", "--plain", "--no-save", "--premise", "told"])
    assert exit_info.value.code == 2
    assert "unknown value for --premise 'told'; choose from reported, documented" in capsys.readouterr().err


def _crossed_and_dated(content: Content) -> Life:
    """The first worker's life (seed 2000 on) that applies, crosses on red (−450: grade D) and says yes to a date,
    then, taking the first open choice until Saturday (the free weekend is bound to Saturdays), meets the weekend's
    train: found, not pinned, so that content changes do not break the test."""
    from game.engine.model import ChoiceError

    for seed in range(2000, 12000):
        setup = Setup("rongcheng_worker", seed, settings={"premise": "reported"}, rule_overrides={"municipal.jaywalking": -450})
        life = Life(content, setup)
        try:
            for choice in ("apply", "cross", "date"):
                life.choose(choice)
        except ChoiceError:
            continue
        while (view := life.prompt()) is not None and view.event.id != "rc_weekend" and life.weekday < 5:
            life.choose(next(v.choice.id for v in view.choices if v.lock is None))
        if view is not None and view.event.id == "rc_weekend" and life.state.tiers["municipal"] == "D":
            return life
    raise AssertionError("no seed from 2000 to 12000 gives that life")


def test_plain_mode_says_where_a_lock_comes_from(builtin: Content) -> None:
    text = plain_played(_crossed_and_dated(builtin), "2\n", intro=True)
    assert "There is no single national social credit score in China" in text
    assert "That choice is locked: Grade D — barred from High-speed rail (Rongcheng social credit); lifted at grade C" in text
    assert "points short ‡ as reported" in text
    assert "As reported, not documented: grade D, Rongcheng social credit (Reliability: disputed" in text
    assert "The claim: A low social credit score bans you from trains and planes." in text
