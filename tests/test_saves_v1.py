"""Saves written by the release with save format 1 load as the same life and play on.

The files in tests/fixtures/saves_v1/ were written before the format changed and
are never regenerated; their packs are frozen copies beside them.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from game.engine.content import Content
from game.engine.life import replay
from game.packs.loader import load_content
from game.saves import FORMAT_VERSION, SaveError, SaveStore
from game.saves.format import as_json

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "saves_v1"
PACKS = FIXTURES / "packs"
SAVES = {
    "mini-midway": ("mini",),
    "mini-ended": ("mini",),
    "sim-town": ("sim",),
    "rongcheng-worker": ("core", "rongcheng"),
    "rongcheng-villager": ("core", "rongcheng"),
}
_CONTENT: dict[tuple[str, ...], Content] = {}


def content_for(packs: tuple[str, ...]) -> Content:
    if packs not in _CONTENT:
        _CONTENT[packs] = load_content([PACKS / p for p in packs])
    return _CONTENT[packs]


@pytest.fixture
def store(tmp_path: Path) -> SaveStore:
    folder = tmp_path / "saves"
    folder.mkdir()
    for name in SAVES:
        shutil.copy(FIXTURES / f"{name}.json", folder)
    return SaveStore(folder)


def test_the_fixtures_are_format_1() -> None:
    for name in SAVES:
        raw = json.loads((FIXTURES / f"{name}.json").read_bytes())
        assert raw["version"] == 1, name


def format_1_state(raw: dict) -> dict:
    """The state of a format-1 file as the engine's JSON form: records were lists, and are objects now."""
    fields = ("day", "system", "rule", "points", "score", "cause", "shadow")
    return {**raw["state"], "records": [dict(zip(fields, r, strict=True)) for r in raw["state"]["records"]]}


@pytest.mark.parametrize("name", sorted(SAVES))
def test_a_format_1_save_loads_as_the_same_life_and_plays_on(name: str, store: SaveStore) -> None:
    content = content_for(SAVES[name])
    path = store.folder / f"{name}.json"
    before = path.read_bytes()
    raw = json.loads(before)
    loaded = store.load(name, content)
    assert loaded.life is not None and not loaded.changed, loaded.describe_changes()
    life = loaded.life
    assert path.read_bytes() == before, "loading never writes"
    assert loaded.save.version == 1
    assert json.loads(json.dumps(as_json(life.state))) == json.loads(json.dumps(format_1_state(raw)))
    assert [list(x) for x in life.state.log] == raw["log"]
    assert loaded.save_as == name
    # saving it again before going on leaves the file as it was: a player who only looked loses nothing
    store.autosave(life, slot=loaded.save_as, player=loaded.save.player, workshop=loaded.save.workshop, meta=loaded.save.meta)
    assert path.read_bytes() == before and not list(store.folder.glob(f"{name}.json.*"))
    if life.ended:
        assert life.prompt() is None
        return
    # it plays on as the same life: one more choice gives what a fresh replay of the whole log gives
    view = life.prompt()
    assert view is not None
    choice = next(v.choice.id for v in view.choices if v.lock is None)
    life.choose(choice)
    steps = [(e, c) for _day, e, c in raw["log"]] + [(view.event.id, choice)]
    assert life.state == replay(content, loaded.setup, steps).life.state
    # going on rewrites the slot in the current format (the format-1 file becomes its backup)
    store.autosave(life, slot=loaded.save_as, player=loaded.save.player, workshop=loaded.save.workshop, meta=loaded.save.meta)
    assert json.loads(path.read_bytes())["version"] == FORMAT_VERSION
    assert (store.folder / f"{name}.json.1").read_bytes() == before
    again = store.load(name, content)
    assert again.life is not None and again.save.version == FORMAT_VERSION
    assert again.life.state == life.state
    assert (again.save.player, again.save.workshop, again.save.meta) == (raw["player"], raw["workshop"], raw["meta"])


def test_a_format_1_save_whose_two_logs_disagree_is_refused(store: SaveStore) -> None:
    path = store.folder / "mini-midway.json"
    raw = json.loads(path.read_bytes())
    raw["log"].pop()
    path.write_text(json.dumps(raw), encoding="utf-8")
    with pytest.raises(SaveError, match="the choice list and the state snapshot disagree"):
        store.load("mini-midway", content_for(SAVES["mini-midway"]))
