"""Saves: round trip, slots, backups, listing, and the folder they live in."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game import paths
from game.engine.content import Content
from game.engine.life import Life
from game.engine.state import Setup, State
from game.saves import BACKUPS, FORMAT, FORMAT_VERSION, SaveError, SaveStore, read_save
from game.saves.format import as_json


def play(life: Life, steps: int) -> Life:
    """Take ``steps`` choices (cycling through the open ones) or until the life ends."""
    for n in range(steps):
        view = life.prompt()
        if view is None:
            break
        open_ = [c for c in view.choices if c.lock is None]
        life.choose(open_[n % len(open_)].choice.id)
    return life


def folder_bytes(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.fixture
def store(tmp_path: Path) -> SaveStore:
    return SaveStore(tmp_path / "saves")


def test_save_then_load_gives_the_same_state_and_record(mini: Content, store: SaveStore) -> None:
    life = play(Life(mini, Setup("life", 11, days=8, settings={"appeals": True})), 6)
    assert life.state.records, "the test needs a life with records"
    store.save("Ana", life, player="Ana")
    loaded = store.load("ana", mini)
    assert loaded.life is not None and not loaded.changed
    assert loaded.life.state == life.state
    assert loaded.life.state.records == life.state.records
    assert loaded.life.setup == life.setup
    assert loaded.save.player == "Ana"
    assert loaded.save_as == "ana"
    # the loaded life goes on exactly as the original would
    play(life, 3)
    play(loaded.life, 3)
    assert loaded.life.state == life.state


def test_an_ended_life_round_trips(mini: Content, store: SaveStore) -> None:
    life = play(Life(mini, Setup("life", 3)), 100)
    assert life.ended
    store.save("done", life)
    loaded = store.load("done", mini)
    assert loaded.life is not None and loaded.life.ended
    assert loaded.life.state == life.state
    assert store.latest(playable=True) is None
    assert store.latest().name == "done"


def test_the_file_is_the_documented_json(mini: Content, store: SaveStore) -> None:
    life = play(Life(mini, Setup("life", 5)), 4)
    info = store.save("x", life, player="P", workshop="class-3a", meta={"seat": 4})
    doc = json.loads(info.path.read_text(encoding="utf-8"))
    assert doc["format"] == FORMAT and doc["version"] == FORMAT_VERSION
    assert doc["packs"] == [{"id": "mini", "version": "1.0.0", "content_hash": mini.packs[0].content_hash}]
    assert doc["setup"] == {"scenario": "life", "seed": 5, "days": None, "settings": {}, "rule_overrides": {}, "spaced": True}
    assert "log" not in doc, "the choice log is stored once, in the state"
    assert doc["state"]["log"] == [list(x) for x in life.state.log] and len(doc["state"]["log"]) == 4
    assert doc["state"] == json.loads(json.dumps(as_json(life.state)))
    assert all(isinstance(r, dict) for r in doc["state"]["records"]), "records are objects"
    assert (doc["player"], doc["workshop"], doc["meta"]) == ("P", "class-3a", {"seat": 4})
    assert doc["saved_at"].endswith("Z")
    assert read_save(info.path).log == [tuple(x) for x in life.state.log]


def test_a_save_decodes_straight_into_the_engine_state(mini: Content, store: SaveStore) -> None:
    """No mirror of the state: the file's state is the engine's own State, every field of it."""
    life = play(Life(mini, Setup("life", 5, settings={"appeals": True})), 6)
    info = store.save("x", life)
    save = read_save(info.path)
    assert type(save.state) is State and type(save.setup) is Setup
    assert save.state == life.state and save.setup == life.setup
    assert set(json.loads(info.path.read_bytes())["state"]) == set(State.__dataclass_fields__)


def test_backups_keep_the_previous_versions(mini: Content, store: SaveStore) -> None:
    life = Life(mini, Setup("life", 2))
    for _ in range(BACKUPS + 3):
        play(life, 1)
        store.save("ana", life)
    assert len(life.state.log) == BACKUPS + 3
    backups = store.backups("ana")
    assert [b.backup for b in backups] == list(range(1, BACKUPS + 1))
    assert [b.choices for b in backups] == [BACKUPS + 2, BACKUPS + 1, BACKUPS]
    assert not (store.folder / f"ana.json.{BACKUPS + 1}").exists()
    older = store.load("ana", mini, backup=2)
    assert older.life is not None and len(older.life.state.log) == BACKUPS + 1
    assert older.save_as == "ana-2", "a life loaded from a backup goes on in a new slot"


def test_saving_an_unchanged_life_again_keeps_the_backups(mini: Content, store: SaveStore) -> None:
    life = Life(mini, Setup("life", 2))
    for _ in range(3):
        play(life, 1)
        store.save("ana", life)
    before = folder_bytes(store.folder)
    store.save("ana", life)
    assert folder_bytes(store.folder) == before


def test_list_latest_and_delete(mini: Content, store: SaveStore) -> None:
    assert store.list() == [] and store.latest() is None
    store.save("first", play(Life(mini, Setup("life", 1)), 2), player="A")
    store.save("second", play(Life(mini, Setup("life", 2)), 5), player="B")
    (store.folder / "broken.json").write_bytes(b"{")
    infos = store.list()
    assert [i.name for i in infos] == ["second", "first", "broken"]
    second = infos[0]
    assert (second.player, second.scenario, second.choices, second.length) == ("B", "life", 5, 10)
    assert second.grades == {"city": play(Life(mini, Setup("life", 2)), 5).state.tiers["city"]}
    assert "cut short" in infos[2].problem and not infos[2].ok
    assert store.latest().name == "second"
    store.save("second", play(Life(mini, Setup("life", 2)), 6))
    assert store.delete("second") == 2  # the save and its backup
    assert [i.name for i in store.list()] == ["first", "broken"]
    assert store.delete("second") == 0


def test_free_names_never_reuse_a_slot(mini: Content, store: SaveStore) -> None:
    life = Life(mini, Setup("life", 1))
    assert store.free_name("Ana") == "ana"
    store.save("ana", life)
    store.save("ana-2", life)
    assert store.free_name("Ana") == "ana-3"


def test_a_missing_save_names_the_saves_there(mini: Content, store: SaveStore) -> None:
    with pytest.raises(SaveError, match=r"no save named 'nobody'.*the folder has no saves"):
        store.load("nobody", mini)
    store.save("ana", Life(mini, Setup("life", 1)))
    with pytest.raises(SaveError, match="saves there: ana"):
        store.load("nobody", mini)
    with pytest.raises(SaveError, match="no backup 1 of the save 'ana'"):
        store.load("ana", mini, backup=1)


def test_player_names_lose_control_characters(mini: Content, store: SaveStore) -> None:
    info = store.save("x", Life(mini, Setup("life", 1)), player="\x1b[31mEve\x07" + "e" * 100)
    assert info.player.startswith("[31mEve") and "\x1b" not in info.player and len(info.player) == 60


def test_an_unwritable_folder_is_a_clear_error(mini: Content, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(SaveError, match="could not write"):
        SaveStore(blocker / "saves").save("x", Life(mini, Setup("life", 1)))
    assert blocker.read_text() == "not a folder"


def test_where_saves_live(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CITIZEN_SAVES", str(tmp_path / "env"))
    assert paths.default_saves_dir(tmp_path / "flag") == tmp_path / "flag"
    assert paths.default_saves_dir() == tmp_path / "env"
    monkeypatch.delenv("CITIZEN_SAVES")
    assert paths.default_saves_dir() == paths.CHECKOUT / "saves"  # the tests run in a checkout
    monkeypatch.setattr(paths, "CHECKOUT", tmp_path / "installed")  # no pyproject.toml: an installed package
    monkeypatch.setattr("platformdirs.user_data_path", lambda app: tmp_path / "data" / app)
    assert paths.default_saves_dir() == tmp_path / "data" / "aaa-citizen" / "saves"
