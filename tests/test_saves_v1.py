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
from game.saves import SaveStore, read_save

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


@pytest.mark.parametrize("name", sorted(SAVES))
def test_a_format_1_save_loads_as_the_same_life_and_plays_on(name: str, store: SaveStore) -> None:
    content = content_for(SAVES[name])
    before = (store.folder / f"{name}.json").read_bytes()
    raw = json.loads(before)
    loaded = store.load(name, content)
    assert loaded.life is not None and not loaded.changed, loaded.describe_changes()
    life = loaded.life
    assert (store.folder / f"{name}.json").read_bytes() == before, "loading never writes"
    assert life.state.to_dict() == raw["state"]
    assert [list(x) for x in read_save(store.path(name)).log] == raw["log"]
    assert loaded.save_as == name
    if life.ended:
        assert life.prompt() is None
        return
    # it plays on as the same life: one more choice gives what a fresh replay of the whole log gives
    view = life.prompt()
    assert view is not None
    choice = next(v.choice.id for v in view.choices if v.lock is None)
    life.choose(choice)
    steps = [(e, c) for _day, e, c in raw["log"]] + [(view.event.id, choice)]
    assert life.state.to_dict() == replay(content, loaded.setup, steps).state.to_dict()
    # going on rewrites the slot in the current format, and it loads again as this life
    store.autosave(life, slot=loaded.save_as, player=loaded.save.player)
    again = store.load(name, content)
    assert again.life is not None
    assert again.life.state.to_dict() == life.state.to_dict()
    assert again.save.player == raw["player"]
