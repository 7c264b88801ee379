"""The engine on the mini world: effects, tiers, lists, chances, follow-ups, goals, determinism."""

from __future__ import annotations

import random

import pytest

from game.engine.life import Life, replay
from game.engine.model import ChoiceError
from game.engine.state import Setup, State


def new_life(mini, seed: int = 1, **kw) -> Life:
    life = Life(mini, Setup("life", seed, **kw))
    life.drain_notices()
    return life


def kinds(notices) -> list[str]:
    return [n.kind for n in notices]


def view_of(life: Life, choice_id: str):
    return next(v for v in life.prompt().choices if v.choice.id == choice_id)


def test_a_life_starts_with_the_scenario(mini) -> None:
    life = new_life(mini)
    state = life.state
    assert state.day == 1 and state.scores == {"city": 100, "shadow": 0}
    assert state.tiers["city"] == "B" and state.stats["money"] == 100
    assert "train" in state.privileges and "poster" not in state.privileges
    assert life.prompt().event.id == "hub"


def test_record_uses_the_rule_table_and_comparison_systems(mini) -> None:
    life = new_life(mini)
    notices = life.choose("fine")
    record = next(n.data["record"] for n in notices if n.kind == "score")
    assert (record.system, record.rule, record.points, record.score, record.cause) == ("city", "fine", -60, 40, "hub/fine")
    shadow = [r for r in life.state.records if r.shadow]
    assert [(r.system, r.points) for r in shadow] == [("shadow", -1)]
    assert life.state.scores["shadow"] == -1


def test_grade_d_revokes_the_train_and_leaving_it_restores_it(mini) -> None:
    life = new_life(mini)
    notices = life.choose("fine")
    tier = next(n for n in notices if n.kind == "tier")
    assert tier.data == {"system": "city", "old": "B", "new": "D", "gained": [], "lost": ["train"]}
    lock = view_of(life, "train").lock
    assert lock.kind == "tier_revokes"
    assert lock.args == {"privilege": "train", "system": "city", "tier": "D", "unlock": "B", "short": 10}
    with pytest.raises(ChoiceError):
        life.choose("train")
    notices = life.choose("praise")
    assert "train" in life.state.privileges
    assert any(n.kind == "privilege" and n.data["privilege"] == "train" and n.data["held"] for n in notices)
    assert view_of(life, "train").lock is None
    assert [entry[1:3] for entry in life.state.privilege_log if entry[1] == "train"] == [
        ("train", True),
        ("train", False),
        ("train", True),
    ]


def test_a_tier_grant_shows_a_hidden_choice(mini) -> None:
    life = new_life(mini)
    assert "hidden" not in [v.choice.id for v in life.prompt().choices]
    life.choose("praise")  # 160: tier A grants the poster
    assert life.state.tiers["city"] == "A" and "poster" in life.state.privileges
    assert "hidden" in [v.choice.id for v in life.prompt().choices]


def test_a_list_overrides_a_good_score(mini) -> None:
    life = new_life(mini)
    life.choose("praise")
    life.choose("list")
    assert life.state.tiers["city"] == "A"
    lock = view_of(life, "train").lock
    assert lock.kind == "list_revokes" and lock.args["list"] == "blacklist"
    life.choose("unlist")
    assert view_of(life, "train").lock is None


def test_stat_lock_explains_the_numbers(mini) -> None:
    lock = view_of(new_life(mini), "rich").lock
    assert lock.kind == "compare"
    assert lock.args == {"namespace": "stat", "id": "money", "op": ">=", "value": 500, "now": 100}


def test_chance_outcomes_follow_the_seed(mini) -> None:
    results = set()
    for seed in range(40):
        life = new_life(mini, seed)
        notices = life.choose("gamble")
        texts = [n.data["text"] for n in notices if n.kind == "text"]
        assert texts in (["You win."], ["You lose."])
        assert life.state.stats["money"] == (200 if texts == ["You win."] else 50)
        results.add(texts[0])
    assert results == {"You win.", "You lose."}


def test_follow_up_comes_after_its_delay(mini) -> None:
    life = new_life(mini)
    life.choose("later")  # day 1: schedules followup on day 3
    assert life.state.day == 2 and life.prompt().event.id == "hub"
    life.choose("fine")
    assert life.state.day == 3 and life.prompt().event.id == "followup"
    notices = life.choose("ok")
    assert any(n.kind == "friend" and n.data == {"character": "pal", "friend": True} for n in notices)
    assert life.prompt().event.id == "hub" and life.state.day == 3


def test_daily_rule_pulls_the_score_with_friends_and_cooldown(mini) -> None:
    life = new_life(mini)
    life.choose("later")  # sets the flag that switches the daily rule on; pal befriended on day 3
    life.choose("praise")
    life.choose("ok")
    life.choose("praise")  # day 3 done; nights from now pull by -1 with a 3-day cooldown
    daily = [r for r in life.state.records if r.cause == "daily:pull"]
    assert [r.day for r in daily] == [4]
    for _ in range(4):
        life.choose("praise")
    daily = [r.day for r in life.state.records if r.cause == "daily:pull"]
    assert daily == [4, 7]


def test_rule_limits_count_records_in_a_window(mini) -> None:
    life = new_life(mini)
    from game.engine.scoring import record_rule

    for _ in range(3):
        record_rule(life, "capped", "test")
    assert [r.rule for r in life.state.records].count("capped") == 2


def test_goal_met_and_missed(mini) -> None:
    life = new_life(mini, seed=3)
    while life.state.stats["money"] < 200 and life.state.day <= 5:
        life.choose("gamble")
    if life.state.day <= 5:
        assert life.state.goals["rich"] > 0
    other = new_life(mini)
    for _ in range(5):
        other.choose("fine")
    assert other.state.goals["rich"] == -5


def test_the_life_ends_after_its_length(mini) -> None:
    life = new_life(mini, days=3)
    for _ in range(3):
        life.choose("praise")
    assert life.ended and life.prompt() is None
    assert [len(v) for v in life.state.history.values()] == [3, 3]
    with pytest.raises(ChoiceError):
        life.choose("praise")


def test_unknown_choice_is_refused(mini) -> None:
    with pytest.raises(ChoiceError):
        new_life(mini).choose("nonsense")


def random_playthrough(content, scenario: str, seed: int, picks: int) -> Life:
    chooser = random.Random(seed * 7 + 1)
    life = Life(content, Setup(scenario, seed))
    while not life.ended and picks:
        options = [v.choice.id for v in life.prompt().choices if v.enabled]
        life.choose(chooser.choice(options))
        picks -= 1
    return life


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_same_seed_and_choices_replay_exactly(builtin, seed: int) -> None:
    for scenario in builtin.scenarios:
        life = random_playthrough(builtin, scenario, seed, 500)
        again = replay(builtin, Setup(scenario, seed), [(e, c) for _, e, c in life.state.log]).life
        assert again.state == life.state
        assert again.state.records == life.state.records


def test_state_round_trips_through_its_json_form(builtin) -> None:
    import json

    import msgspec

    scenario = next(iter(builtin.scenarios))
    life = random_playthrough(builtin, scenario, 5, 12)
    data = json.loads(json.dumps(msgspec.to_builtins(life.state)))
    restored = Life(builtin, life.setup, state=msgspec.convert(data, State))
    assert restored.state == life.state
    options = [v.choice.id for v in life.prompt().choices if v.enabled]
    assert life.choose(options[0]) == restored.choose(options[0])
    assert restored.state == life.state


def test_replay_refuses_a_choice_log_that_does_not_fit(mini) -> None:
    with pytest.raises(ChoiceError, match="step 1: the life offers event 'hub'"):
        replay(mini, Setup("life", 1), [("followup", "ok")])


def test_a_partial_replay_stops_where_the_log_no_longer_fits(mini) -> None:
    life = Life(mini, Setup("life", 1))
    life.choose("praise")
    log = [(e, c) for _, e, c in life.state.log]
    result = replay(mini, Setup("life", 1), [*log, ("hub", "no_such_choice"), ("hub", "fine")], partial=True)
    assert (result.replayed, result.total, result.complete) == (1, 3, False)
    assert "offers no choice 'no_such_choice'" in result.reason
    assert result.life.state == life.state
    assert result.life.drain_notices() == []
    whole = replay(mini, Setup("life", 1), log, partial=True)
    assert whole.complete and whole.reason == "" and whole.life.state == life.state


def test_an_event_whose_choices_are_all_locked_is_never_offered(write_pack) -> None:
    from game.packs.loader import load_content

    pack = write_pack(
        "locks",
        {
            "w.toml": """
            [privileges.car]
            name = "Car"
            default = false
            [scenarios.s]
            name = "S"
            days = 5
            events_per_day = [1, 1]
            [scenarios.s.character]
            name = "N"
            [[event]]
            id = "stuck"
            title = "Stuck"
            text = "Only drivers."
            weight = 100
            [[event.choice]]
            id = "drive"
            label = "Drive"
            requires = ["car"]
            [[event]]
            id = "walk"
            title = "Walk"
            text = "Anyone."
            [[event.choice]]
            id = "go"
            label = "Go"
            """
        },
    )
    life = Life(load_content([pack]), Setup("s", 1))
    while not life.ended:
        assert life.prompt().event.id == "walk"
        life.choose("go")


def test_neighbouring_seeds_do_not_share_draws() -> None:
    from game.engine.rng import Rng

    one, two = Rng.from_seed(1), Rng.from_seed(2)
    one.next64()
    assert one.next64() != two.next64()  # seed 2 is not seed 1 shifted by one draw
    firsts = {Rng.from_seed(seed).next64() for seed in range(50)}
    assert len(firsts) == 50


def test_enrol_joins_only_the_scenarios_own_systems(mini) -> None:
    from game.engine import effects as fx
    from game.engine.content import Effects

    life = new_life(mini)
    fx.apply(life, Effects(enrol=("shadow",)), "test")  # a comparison system, not one the scenario offers to join
    assert life.state.enrolled == ["city"]
