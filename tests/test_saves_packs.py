"""A pack changed after the save: say which, offer snapshot or replay, never overwrite the old file."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest

from game.cli import main
from game.engine.life import Life
from game.engine.state import Setup
from game.packs.loader import load_content
from game.saves import SaveError, SaveStore
from tests.conftest import FIXTURE_PACKS
from tests.test_saves import folder_bytes


@pytest.fixture
def world(tmp_path: Path) -> Path:
    """A copy of the mini pack that the test may edit."""
    return Path(shutil.copytree(FIXTURE_PACKS / "mini", tmp_path / "packs" / "mini"))


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def saved_life(world: Path, store: SaveStore, choices: list[str]) -> Life:
    life = Life(load_content([world]), Setup("life", 9))
    for choice in choices:
        life.choose(choice)
    store.save("ana", life, player="Ana")
    return life


CHOICES = ["fine", "praise", "fine", "gamble"]


def test_unchanged_packs_load_without_asking(world: Path, tmp_path: Path) -> None:
    store = SaveStore(tmp_path / "saves")
    saved_life(world, store, CHOICES)
    loaded = store.load("ana", load_content([world]))
    assert not loaded.changed and loaded.changed_packs == ()


def test_changed_points_offer_snapshot_or_replay(world: Path, tmp_path: Path) -> None:
    store = SaveStore(tmp_path / "saves")
    old = saved_life(world, store, CHOICES)
    edit(world / "world.toml", "points = -60", "points = -70")
    before = folder_bytes(store.folder)
    loaded = store.load("ana", load_content([world]))
    assert loaded.changed and loaded.life is None
    assert loaded.describe_changes() == "mini (1.0.0, files changed)"
    assert loaded.changed_packs[0].saved_hash == old.content.packs[0].content_hash
    assert loaded.save_as == "ana-2"
    snap = loaded.from_snapshot()
    assert snap.state == old.state  # exactly where it stopped, old numbers kept
    replay = loaded.replay_now()
    assert replay.complete and replay.replayed == len(CHOICES)
    assert replay.life.state.scores["city"] == old.state.scores["city"] - 20  # two fines, 10 points dearer each
    snap.choose(snap.prompt().choices[1].choice.id)  # both lives go on under the new packs
    replay.life.choose(replay.life.prompt().choices[1].choice.id)
    assert folder_bytes(store.folder) == before


def test_a_version_bump_is_named(world: Path, tmp_path: Path) -> None:
    store = SaveStore(tmp_path / "saves")
    saved_life(world, store, CHOICES)
    edit(world / "pack.toml", 'version = "1.0.0"', 'version = "1.1.0"')
    assert store.load("ana", load_content([world])).describe_changes() == "mini (1.0.0 → 1.1.0)"


def test_a_removed_choice_replays_as_far_as_it_can(world: Path, tmp_path: Path) -> None:
    store = SaveStore(tmp_path / "saves")
    saved_life(world, store, ["praise", "praise", "gamble", "praise"])
    edit(world / "events.toml", 'id = "gamble"\nlabel = "Gamble"', 'id = "bet"\nlabel = "Gamble"')
    loaded = store.load("ana", load_content([world]))
    result = loaded.replay_now()
    assert (result.replayed, result.total, result.complete) == (2, 4, False)
    assert "offers no choice 'gamble'" in result.reason
    assert len(result.life.state.log) == 2 and result.life.prompt() is not None
    assert loaded.from_snapshot().state.log[-1][2] == "praise"


def test_a_snapshot_naming_a_removed_event_cannot_go_on(world: Path, tmp_path: Path) -> None:
    store = SaveStore(tmp_path / "saves")
    life = saved_life(world, store, ["later"])
    assert life.state.scheduled, "the test needs a scheduled follow-up"
    edit(world / "events.toml", 'id = "followup"', 'id = "follow_up"')
    edit(world / "events.toml", 'event = "followup"', 'event = "follow_up"')
    loaded = store.load("ana", load_content([world]))
    with pytest.raises(SaveError, match="cannot continue from the snapshot: event 'followup' is gone; replay the choices"):
        loaded.from_snapshot()
    assert loaded.replay_now().complete


def test_the_cli_asks_and_never_overwrites_the_old_save(world: Path, tmp_path: Path, monkeypatch, capsys) -> None:
    store = SaveStore(tmp_path / "saves")
    saved_life(world, store, CHOICES)
    edit(world / "world.toml", "points = -60", "points = -70")
    monkeypatch.setenv("CITIZEN_CONTENT", str(world.parent))
    monkeypatch.setenv("CITIZEN_PACKS", str(tmp_path / "no-packs"))
    before = folder_bytes(store.folder)
    base = ["play", "--plain", "--saves", str(store.folder)]
    assert main([*base, "--continue"]) == 1
    err = capsys.readouterr().err
    assert "the packs changed since this life was saved: mini (1.0.0, files changed)" in err
    assert "citizen play --plain --load ana --changed snapshot" in err and "--changed replay" in err
    assert folder_bytes(store.folder) == before
    monkeypatch.setattr("sys.stdin", io.StringIO("2\n"))
    assert main([*base, "--load", "ana", "--changed", "replay"]) == 0
    assert "this life now saves as 'ana-2'" in capsys.readouterr().out
    assert folder_bytes(store.folder)["ana.json"] == before["ana.json"]
    goes_on = store.load("ana-2", load_content([world]))
    assert goes_on.life is not None and len(goes_on.save.log) == len(CHOICES) + 1
    assert goes_on.save.player == "Ana"
