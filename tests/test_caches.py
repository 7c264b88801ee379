"""The two caches in front of a load, each giving what a fresh load gives, invalidated by any change and never
trusted unchecked: the cache of read packs (``game.packs.cache``: ``validate`` reads every pack through it) and the
compiled-content cache (``game.packs.content_cache``: ``load_content`` keeps a whole built load in it).

The checks both must pass run once for each cache (``layer``); what only one of them does is tested below those.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import game
from game.engine.content import Content
from game.engine.effects import Effects
from game.engine.life import Life
from game.engine.state import Setup
from game.packs import cache, content_cache, loader, reader
from game.packs.expr import Compiled
from game.packs.loader import discover_packs, validate
from game.packs.problems import PackError, Problems

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


def _validated(paths: list[Path], language: str | None = None) -> Content:
    """A load that reads every pack through the cache of read packs (``validate`` never uses the compiled-content
    cache in front of it)."""
    content, problems = validate(paths)
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise PackError(errors)
    assert content is not None
    return content


def _built(paths: list[Path], language: str | None = None) -> Content:
    return loader.load_content(paths, language=language) if language else loader.load_content(paths)


@dataclasses.dataclass(frozen=True)
class Layer:
    """One cache: where its files go, the load that goes through it, the function a miss calls, the name of a
    pack's file in it, and an error that must not be kept."""

    folder: Callable[[Path], Path]
    load: Callable[..., Content]
    miss: tuple[Any, str]
    """(module, function): called once per load that misses this cache."""
    key: Callable[[Path], str | None]
    broken: tuple[Callable[[str], str], str]
    """EVENTS made wrong for this cache, and the error it gives."""


READ = Layer(
    folder=lambda root: root,
    load=_validated,
    miss=(cache.reader, "read_pack"),
    key=lambda pack: (files := cache._read_files(pack)) and files.key,
    broken=(lambda events: events + "oops = \n", "TOML syntax error"),
)
BUILT = Layer(
    folder=lambda root: root / "built",
    load=_built,
    miss=(loader, "inspect"),
    key=lambda pack: content_cache.key_of([pack], "en"),
    broken=(lambda events: events.replace("day >= 1", "dya >= 1"), "unknown name 'dya'"),
)


@pytest.fixture(params=[READ, BUILT], ids=["read", "built"])
def layer(request: pytest.FixtureRequest) -> Layer:
    return request.param


@pytest.fixture
def folder(layer: Layer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The cache's files, in a folder of this test's own."""
    monkeypatch.setenv("CITIZEN_CACHE", str(tmp_path / "cache"))
    return layer.folder(tmp_path / "cache")


@pytest.fixture
def misses(layer: Layer, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """One entry per load that missed the cache (read the pack's files, or read, checked and compiled the packs)."""
    return _count(monkeypatch, *layer.miss)


def _count(monkeypatch: pytest.MonkeyPatch, module: Any, name: str) -> list[int]:
    seen: list[int] = []
    real = getattr(module, name)

    def counting(*args: Any, **kwargs: Any) -> Any:
        seen.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, counting)
    return seen


@pytest.fixture
def town(write_pack) -> Path:
    return write_pack("t", {"world.toml": WORLD, "events.toml": EVENTS})


# -- what both caches must do -----------------------------------------------------------------------------------


def test_a_changed_added_or_removed_file_loads_again(layer: Layer, folder: Path, misses: list[int], town: Path) -> None:
    assert layer.load([town]).events["walk"].title == "A walk"
    assert layer.load([town]) and misses == [1], "the second load is a hit"
    (town / "events.toml").write_text(EVENTS.replace("A walk", "A stroll"), encoding="utf-8")
    assert layer.load([town]).events["walk"].title == "A stroll"
    (town / "world.toml").write_text(WORLD.replace("start = 5", "start = 7"), encoding="utf-8")
    assert layer.load([town]).stats["money"].start == 7
    (town / "more.toml").write_text(EVENTS.replace('"walk"', '"run"'), encoding="utf-8")  # a new file
    assert "run" in layer.load([town]).events
    assert len(misses) == 4
    (town / "more.toml").unlink()  # back to the files of the third load, which were cached
    assert "run" not in layer.load([town]).events
    assert len(misses) == 4


def test_a_new_game_version_loads_again(layer: Layer, folder: Path, misses: list[int], town: Path, monkeypatch) -> None:
    layer.load([town])
    layer.load([town])
    assert misses == [1]
    monkeypatch.setattr(game, "__version__", game.__version__ + ".1")
    cache._code_stamp.cache_clear()
    try:
        layer.load([town])
        assert misses == [1, 1]
    finally:
        monkeypatch.undo()
        cache._code_stamp.cache_clear()


@pytest.mark.parametrize(
    "damage",
    [
        lambda blob: blob[:-7],  # cut short
        lambda blob: blob[:40] + bytes([blob[40] ^ 1]) + blob[41:],  # one bit flipped
        lambda blob: b"",  # empty
        lambda blob: b"\x93not msgpack at all" * 10,  # garbage
    ],
    ids=["cut", "bit", "empty", "garbage"],
)
def test_a_corrupt_file_is_ignored_and_written_again(layer: Layer, folder: Path, misses: list[int], town: Path, damage) -> None:
    layer.load([town])
    (entry,) = folder.glob("*.msgpack")
    good = entry.read_bytes()
    entry.write_bytes(damage(good))
    assert layer.load([town]).events["walk"].title == "A walk"
    assert misses == [1, 1], "the damaged file was not used"
    assert entry.read_bytes() == good, "and it was written again"
    layer.load([town])
    assert misses == [1, 1]


def test_a_well_formed_file_for_other_packs_is_not_trusted(layer: Layer, folder: Path, misses: list[int], town: Path) -> None:
    """A file whose checksum is right but which was written for other files (planted or renamed) is ignored."""
    layer.load([town])
    (entry,) = folder.glob("*.msgpack")
    (town / "events.toml").write_text(EVENTS.replace("A walk", "A stroll"), encoding="utf-8")
    key = layer.key(town)
    assert key is not None
    (folder / f"{key}.msgpack").write_bytes(entry.read_bytes())  # the old pack's file under the new key
    assert layer.load([town]).events["walk"].title == "A stroll"
    assert misses == [1, 1]


def test_packs_with_errors_are_not_kept_and_say_so_every_time(layer: Layer, folder: Path, write_pack) -> None:
    broken, error = layer.broken
    pack = write_pack("t", {"world.toml": WORLD, "events.toml": broken(EVENTS)})
    for _ in range(2):
        with pytest.raises(PackError, match=error):
            layer.load([pack])
    assert not list(folder.glob("*.msgpack"))


def test_turned_off_deleted_or_unwritable_it_still_loads(
    layer: Layer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, misses: list[int], town: Path
) -> None:
    monkeypatch.setenv("CITIZEN_CACHE", "off")
    layer.load([town])
    layer.load([town])
    assert len(misses) == 2 and cache.cache_folder() is None
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("CITIZEN_CACHE", str(blocked))
    assert layer.load([town]).events["walk"].title == "A walk"
    monkeypatch.setenv("CITIZEN_CACHE", str(tmp_path / "c"))
    layer.load([town])
    entries = list(layer.folder(tmp_path / "c").glob("*.msgpack"))
    assert entries
    for entry in entries:
        entry.unlink()
    assert layer.load([town]).events["walk"].title == "A walk"


# -- the cache of read packs ------------------------------------------------------------------------------------


def _flat(source) -> tuple:
    """Everything a read pack holds, as comparable data."""
    items = lambda xs: [(i.value, i.origin.file, i.origin.path, i.origin.line, i.pack) for i in xs]
    return (
        source.path,
        source.meta,
        source.meta_origin.file,
        source.meta_origin.line,
        source.content_hash,
        {k: (list(v), items(v.values())) for k, v in source.sections.items()},
        items(source.events),
        items(source.daily),
    )


@pytest.mark.parametrize("layer", [READ], ids=["read"])
def test_a_cached_pack_is_exactly_the_pack_read_from_its_files(folder: Path, misses: list[int]) -> None:
    for pack in discover_packs([CONTENT]):
        fresh = reader.read_pack(pack, Problems())
        first = cache.read_pack(pack, Problems())
        misses.clear()
        again = cache.read_pack(pack, Problems())
        assert misses == [], "the second read comes from the cache"
        assert _flat(again) == _flat(first) == _flat(fresh)


@pytest.mark.parametrize("layer", [READ], ids=["read"])
def test_the_pack_file_and_a_renamed_file_are_read_again(folder: Path, misses: list[int], town: Path) -> None:
    _validated([town])
    (town / "pack.toml").write_text((town / "pack.toml").read_text() + 'description = "Changed."\n', encoding="utf-8")
    _validated([town])
    (town / "more.toml").write_text(EVENTS.replace('"walk"', '"run"'), encoding="utf-8")
    _validated([town])
    (town / "more.toml").rename(town / "other.toml")  # the same bytes under another name
    _validated([town])
    assert len(misses) == 4


def test_the_key_covers_every_byte_of_every_file(town: Path) -> None:
    before = cache._read_files(town)
    raw = (town / "events.toml").read_bytes()
    (town / "events.toml").write_bytes(raw + b" ")
    after = cache._read_files(town)
    assert before and after and before.key != after.key
    assert after.content_hash == reader.read_pack(town, Problems()).content_hash
    assert len(before.key) == len(hashlib.sha256().hexdigest())


# -- the compiled-content cache ---------------------------------------------------------------------------------


def _plain(value: Any) -> Any:
    """A comparable picture of content: every field of every dataclass, each expression by its source and type."""
    if isinstance(value, Compiled):
        return ("expression", value.source, value.type, value.depends, value.is_constant)
    if isinstance(value, Effects):  # a block of effects: its compiled value of each kind
        return ("Effects", _plain(value.values()))
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = [f.name for f in dataclasses.fields(value)]
        return (type(value).__name__, tuple((name, _plain(getattr(value, name))) for name in fields))
    if isinstance(value, dict):
        return ("dict", tuple((k, _plain(v)) for k, v in value.items()))
    if isinstance(value, list | tuple):
        return (type(value).__name__, tuple(_plain(v) for v in value))
    if isinstance(value, frozenset | set):
        return (type(value).__name__, frozenset(_plain(v) for v in value))
    return (type(value).__name__, value)


def _played(content: Any, scenario: str, seed: int) -> Any:
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


@pytest.mark.parametrize("layer", [BUILT], ids=["built"])
def test_the_cached_content_is_the_built_content_and_plays_the_same_lives(folder: Path, misses: list[int]) -> None:
    built = _built([CONTENT])
    cached = _built([CONTENT])
    assert misses == [1], "the second load came from the cache"
    assert list(folder.glob("*.msgpack"))
    assert _plain(cached) == _plain(built)
    for scenario in built.scenarios:
        for seed in range(3):
            assert _played(cached, scenario, seed) == _played(built, scenario, seed), (scenario, seed)


@pytest.mark.parametrize("layer", [BUILT], ids=["built"])
def test_a_changed_translation_or_another_language_is_built_again(folder: Path, misses: list[int], town: Path) -> None:
    _built([town])
    (town / "lang").mkdir()
    (town / "lang" / "sv.toml").write_text('[translations]\n"event.walk.title" = "En promenad"\n', encoding="utf-8")
    _built([town], language="sv")
    (town / "lang" / "sv.toml").write_text('[translations]\n"event.walk.title" = "En tur"\n', encoding="utf-8")
    _built([town], language="sv")
    _built([town], language="nl")
    assert len(misses) == 4
    (town / "lang" / "sv.toml").unlink()
    _built([town])  # the files of the first load, cached
    assert len(misses) == 4


def test_the_key_covers_the_loader_and_engine_source() -> None:
    stamp = content_cache._source_stamp()
    content_cache._source_stamp.cache_clear()
    assert content_cache._source_stamp() == stamp
    names = {p.name for p in (Path(content_cache.__file__).parent).glob("*.py")}
    assert {"build.py", "expr.py", "schema.py", "reader.py"} <= names


@pytest.mark.parametrize("layer", [BUILT], ids=["built"])
def test_expressions_from_the_cache_are_compiled_on_first_use(folder: Path, town: Path) -> None:
    _built([town])
    walk = _built([town]).events["walk"]
    assert walk.when is not None and walk.when.source == "stat.money >= 1 and day >= 1"
    assert walk.when.depends == frozenset({"stat.money", "day"})
    life = Life(_built([town]), Setup("town", 1))
    assert walk.when.eval(life) is True
    assert [c.kind for c in walk.when.clauses] == ["compare", "compare"]
    assert walk.choices[0].effects.stats[0][1].is_constant


@pytest.mark.parametrize("layer", [BUILT], ids=["built"])
def test_the_folder_keeps_only_the_newest_files(folder: Path, town: Path) -> None:
    for i in range(content_cache.KEPT + 3):
        (town / "events.toml").write_text(EVENTS.replace("A walk", f"Walk {i}"), encoding="utf-8")
        _built([town])
        for j, entry in enumerate(sorted(folder.glob("*.msgpack"), key=lambda p: p.stat().st_mtime_ns)):
            os.utime(entry, ns=(j * 10**9, j * 10**9))  # strictly ordered, whatever the clock's resolution
    assert len(list(folder.glob("*.msgpack"))) == content_cache.KEPT
    assert _built([town]).events["walk"].title == f"Walk {content_cache.KEPT + 2}"
