"""The built-in lives hold their declared balance, and a built-in life with acts, set pieces and endings replays exactly."""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

import pytest

from game.cli import main
from game.engine.content import Content
from game.engine.life import Life, replay
from game.engine.state import Setup

CONTENT = Path(__file__).resolve().parent.parent / "content"


def test_every_builtin_scenario_meets_its_balance_targets(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    """The Done-when run is `citizen simulate --scenario all --runs 500 --strict`; this is its smaller twin."""
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    monkeypatch.setenv("CITIZEN_CONTENT", str(content))
    monkeypatch.setenv("CITIZEN_PACKS", str(tmp_path / "no-user-packs"))
    code = main(["simulate", "--scenario", "all", "--runs", "200", "--strict", "--json", "--jobs", "2"])
    out, err = capsys.readouterr()
    report = json.loads(out)
    for scenario_id, data in report["scenarios"].items():
        assert data["balance"], f"scenario '{scenario_id}' declares no balance target"
    assert code == 0, err


@pytest.mark.parametrize("scenario", ["rongcheng_worker", "rongcheng_villager", "court_defaulter", "shenzhen_shopper"])
def test_a_builtin_life_with_acts_set_pieces_and_endings_replays_exactly(builtin: Content, scenario: str) -> None:
    sc = builtin.scenarios[scenario]
    assert sc.acts and sc.set_pieces and sc.endings
    for seed in (3, 14):
        life = Life(builtin, Setup(scenario, seed))
        pick = random.Random(seed)
        while (view := life.prompt()) is not None:
            life.choose(pick.choice([v.choice.id for v in view.choices if v.lock is None]))
        again = replay(builtin, Setup(scenario, seed), [(e, c) for _d, e, c in life.state.log]).life
        assert again.state.log == life.state.log and again.state.rng == life.state.rng
        assert [e.id for e in again.epilogue()] == [e.id for e in life.epilogue()]
        assert again.state.goals == life.state.goals
