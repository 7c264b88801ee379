"""The compiled-content cache: the content a fresh load builds, the same lives, invalidated by any change,
never trusted unchecked."""

from __future__ import annotations

import dataclasses
import random
from pathlib import Path
from typing import Any

import pytest

import game
from game.engine.effects import Effects
from game.engine.life import Life
from game.engine.state import Setup
from game.packs import content_cache, loader
from game.packs.expr import Compiled
from game.packs.loader import load_content
from game.packs.problems import PackError

CONTENT = Path(__file__).resolve().parent.parent / "content"

WORLD = """
[stats.money]
name = "Money"
start = 5
[scenarios.town]
name = "Town"
days = 3
[scenarios.town.character]
name = "You"
"""

EVENTS = """
[[event]]
id = "walk"
title = "A walk"
text = "You walk."
when = "stat.money >= 1 and day >= 1"
[[event.choice]]
id = "on"
label = "Walk on"
stats = { money = 1 }
"""


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CITIZEN_CACHE", str(tmp_path / "cache"))
    return tmp_path / "cache" / "built"


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """One entry per load that read, checked and compiled the packs (that is, missed the cache)."""
    seen: list[int] = []
    real = loader.inspect

    def counting(*args: Any, **kwargs: Any) -> Any:
        seen.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(loader, "inspect", counting)
    return seen


def plain(value: Any) -> Any:
    """A comparable picture of content: every field of every dataclass, each expression by its source and type."""
    if isinstance(value, Compiled):
        return ("expression", value.source, value.type, value.depends, value.is_constant)
    if isinstance(value, Effects):  # a block of effects: its compiled value of each kind
        return ("Effects", plain(value.values()))
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = [f.name for f in dataclasses.fields(value)]
        return (type(value).__name__, tuple((name, plain(getattr(value, name))) for name in fields))
    if isinstance(value, dict):
        return ("dict", tuple((k, plain(v)) for k, v in value.items()))
    if isinstance(value, list | tuple):
        return (type(value).__name__, tuple(plain(v) for v in value))
    if isinstance(value, frozenset | set):
        return (type(value).__name__, frozenset(plain(v) for v in value))
    return (type(value).__name__, value)


def played(content: Any, scenario: str, seed: int) -> Any:
    chooser = random.Random(seed)
    life = Life(content, Setup(scenario, seed))
    while (view := life.prompt()) is not None:
        open_ids = [v.choice.id for v in view.choices if v.lock is None]
        if not open_ids:
            break
        life.choose(chooser.choice(open_ids))
        if view.choices and view.choices[0].lock is not None:
            assert view.choices[0].lock.kind  # a lock reason needs the expression's clauses
    return life.state


def test_the_cached_content_is_the_built_content_and_plays_the_same_lives(folder: Path, builds: list[int]) -> None:
    built = load_content([CONTENT])
    cached = load_content([CONTENT])
    assert builds == [1], "the second load came from the cache"
    assert list(folder.glob("*.msgpack"))
    assert plain(cached) == plain(built)
    for scenario in built.scenarios:
        for seed in range(3):
            assert played(cached, scenario, seed) == played(built, scenario, seed), (scenario, seed)


def test_any_change_to_any_file_is_built_again(folder: Path, builds: list[int], write_pack) -> None:
    pack = write_pack("t", {"world.toml": WORLD, "events.toml": EVENTS})
    assert load_content([pack]).events["walk"].title == "A walk"
    assert load_content([pack]) and builds == [1]
    (pack / "events.toml").write_text(EVENTS.replace("A walk", "A stroll"), encoding="utf-8")
    assert load_content([pack]).events["walk"].title == "A stroll"
    (pack / "more.toml").write_text(EVENTS.replace('"walk"', '"run"'), encoding="utf-8")
    assert "run" in load_content([pack]).events
    (pack / "lang").mkdir()
    (pack / "lang" / "sv.toml").write_text('[translations]\n"event.walk.title" = "En promenad"\n', encoding="utf-8")
    load_content([pack], language="sv")
    (pack / "lang" / "sv.toml").write_text('[translations]\n"event.walk.title" = "En tur"\n', encoding="utf-8")
    load_content([pack], language="sv")
    load_content([pack], language="nl")
    assert len(builds) == 6
    (pack / "more.toml").unlink()
    (pack / "lang" / "sv.toml").unlink()
    assert "run" not in load_content([pack]).events  # the files of the third load, cached
    assert len(builds) == 6


def test_a_new_game_version_builds_again(
    folder: Path, builds: list[int], write_pack, monkeypatch: pytest.MonkeyPatch
) -> None:
    pack = write_pack("t", {"world.toml": WORLD, "events.toml": EVENTS})
    load_content([pack])
    load_content([pack])
    monkeypatch.setattr(game, "__version__", game.__version__ + ".1")
    load_content([pack])
    assert builds == [1, 1]


def test_the_key_covers_the_loader_and_engine_source() -> None:
    stamp = content_cache._source_stamp()
    content_cache._source_stamp.cache_clear()
    assert content_cache._source_stamp() == stamp
    names = {p.name for p in (Path(content_cache.__file__).parent).glob("*.py")}
    assert {"build.py", "expr.py", "schema.py", "reader.py"} <= names


@pytest.mark.parametrize(
    "damage",
    [
        lambda blob: blob[:-7],  # cut short
        lambda blob: blob[:40] + bytes([blob[40] ^ 1]) + blob[41:],  # one bit flipped
        lambda blob: b"",  # empty
        lambda blob: b"\x93not msgpack at all" * 10,  # garbage
    ],
)
def test_a_corrupt_file_is_ignored_and_written_again(folder: Path, builds: list[int], write_pack, damage) -> None:
    pack = write_pack("t", {"world.toml": WORLD, "events.toml": EVENTS})
    load_content([pack])
    (entry,) = folder.glob("*.msgpack")
    good = entry.read_bytes()
    entry.write_bytes(damage(good))
    assert load_content([pack]).events["walk"].title == "A walk"
    assert builds == [1, 1], "the damaged file was not used"
    assert entry.read_bytes() == good, "and it was written again"
    load_content([pack])
    assert builds == [1, 1]


def test_a_well_formed_file_for_other_packs_is_not_trusted(folder: Path, builds: list[int], write_pack) -> None:
    """A file whose checksum is right but which was written for other files (planted or renamed) is ignored."""
    pack = write_pack("a", {"world.toml": WORLD, "events.toml": EVENTS})
    load_content([pack])
    (entry,) = folder.glob("*.msgpack")
    (pack / "events.toml").write_text(EVENTS.replace("A walk", "A stroll"), encoding="utf-8")
    key = content_cache.key_of([pack], "en")
    assert key is not None
    (folder / f"{key}.msgpack").write_bytes(entry.read_bytes())  # the old content under the new name
    assert load_content([pack], language="en").events["walk"].title == "A stroll"
    assert builds == [1, 1]


def test_packs_with_errors_are_not_kept_and_say_so_every_time(folder: Path, write_pack) -> None:
    pack = write_pack("t", {"world.toml": WORLD, "events.toml": EVENTS.replace("day >= 1", "dya >= 1")})
    for _ in range(2):
        with pytest.raises(PackError, match="unknown name 'dya'"):
            load_content([pack])
    assert not list(folder.glob("*.msgpack"))


def test_turned_off_deleted_or_unwritable_it_still_loads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, write_pack, builds: list[int]
) -> None:
    pack = write_pack("t", {"world.toml": WORLD, "events.toml": EVENTS})
    monkeypatch.setenv("CITIZEN_CACHE", "off")
    load_content([pack])
    load_content([pack])
    assert len(builds) == 2
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("CITIZEN_CACHE", str(blocked))
    assert load_content([pack]).events["walk"].title == "A walk"
    monkeypatch.setenv("CITIZEN_CACHE", str(tmp_path / "c"))
    load_content([pack])
    for entry in (tmp_path / "c" / "built").iterdir():
        entry.unlink()
    assert load_content([pack]).events["walk"].title == "A walk"


def test_expressions_from_the_cache_are_compiled_on_first_use(folder: Path, write_pack) -> None:
    pack = write_pack("t", {"world.toml": WORLD, "events.toml": EVENTS})
    load_content([pack])
    walk = load_content([pack]).events["walk"]
    assert walk.when is not None and walk.when.source == "stat.money >= 1 and day >= 1"
    assert walk.when.depends == frozenset({"stat.money", "day"})
    life = Life(load_content([pack]), Setup("town", 1))
    assert walk.when.eval(life) is True
    assert [c.kind for c in walk.when.clauses] == ["compare", "compare"]
    assert walk.choices[0].effects.stats[0][1].is_constant


def test_the_folder_keeps_only_the_newest_files(folder: Path, write_pack) -> None:
    import os

    pack = write_pack("t", {"world.toml": WORLD, "events.toml": EVENTS})
    for i in range(content_cache.KEPT + 3):
        (pack / "events.toml").write_text(EVENTS.replace("A walk", f"Walk {i}"), encoding="utf-8")
        load_content([pack])
        for j, entry in enumerate(sorted(folder.glob("*.msgpack"), key=lambda p: p.stat().st_mtime_ns)):
            os.utime(entry, ns=(j * 10**9, j * 10**9))  # strictly ordered, whatever the clock's resolution
    assert len(list(folder.glob("*.msgpack"))) == content_cache.KEPT
    assert load_content([pack]).events["walk"].title == f"Walk {content_cache.KEPT + 2}"
