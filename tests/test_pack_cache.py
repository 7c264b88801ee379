"""The cache of read packs: the same packs as a fresh read, invalidated by any change, never trusted unchecked.

These load through ``validate``, which never uses the compiled-content cache in front of it
(tests/test_content_cache.py tests that one).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

import game
from game.packs import cache, reader
from game.packs.loader import discover_packs, validate
from game.packs.problems import PackError, Problems

CONTENT = Path(__file__).resolve().parent.parent / "content"

EVENTS = """
[[event]]
id = "walk"
title = "A walk"
text = "You walk."
[[event.choice]]
id = "on"
label = "Walk on"
"""

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


def load_content(paths: list[Path]):
    """A load that reads every pack through the cache of read packs (not the compiled-content cache)."""
    content, problems = validate(paths)
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise PackError(errors)
    return content


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CITIZEN_CACHE", str(tmp_path / "cache"))
    return tmp_path / "cache"


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The packs read from their files (not from the cache), in order."""
    seen: list[Path] = []
    real = reader.read_pack

    def counting(path: Path, problems: Problems):
        seen.append(path)
        return real(path, problems)

    monkeypatch.setattr(cache.reader, "read_pack", counting)
    return seen


def flat(source) -> tuple:
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


def test_a_cached_pack_is_exactly_the_pack_read_from_its_files(folder: Path, reads: list[Path]) -> None:
    for pack in discover_packs([CONTENT]):
        fresh = reader.read_pack(pack, Problems())
        first = cache.read_pack(pack, Problems())
        reads.clear()
        again = cache.read_pack(pack, Problems())
        assert reads == [], "the second read comes from the cache"
        assert flat(again) == flat(first) == flat(fresh)


def test_any_change_to_any_file_of_a_pack_is_read_again(folder: Path, reads: list[Path], write_pack) -> None:
    pack = write_pack("t", {"world.toml": WORLD, "events.toml": EVENTS})
    assert load_content([pack]).events["walk"].title == "A walk"
    assert load_content([pack]) and reads == [pack]  # the second load is a hit
    (pack / "events.toml").write_text(EVENTS.replace("A walk", "A stroll"), encoding="utf-8")
    assert load_content([pack]).events["walk"].title == "A stroll"
    (pack / "world.toml").write_text(WORLD.replace("start = 5", "start = 7"), encoding="utf-8")
    assert load_content([pack]).stats["money"].start == 7
    (pack / "pack.toml").write_text((pack / "pack.toml").read_text() + 'description = "Changed."\n', encoding="utf-8")
    load_content([pack])
    (pack / "more.toml").write_text(EVENTS.replace('"walk"', '"run"'), encoding="utf-8")  # a new file
    assert "run" in load_content([pack]).events
    (pack / "more.toml").rename(pack / "other.toml")  # the same bytes under another name
    load_content([pack])
    assert reads == [pack] * 6
    (pack / "other.toml").unlink()  # back to the files of the fourth load, which were cached
    assert "run" not in load_content([pack]).events
    assert reads == [pack] * 6


def test_a_new_game_version_reads_every_pack_again(
    folder: Path, reads: list[Path], write_pack, monkeypatch: pytest.MonkeyPatch
) -> None:
    pack = write_pack("t", {"world.toml": WORLD, "events.toml": EVENTS})
    load_content([pack])
    load_content([pack])
    assert reads == [pack]
    monkeypatch.setattr(game, "__version__", game.__version__ + ".1")
    cache._code_stamp.cache_clear()
    try:
        load_content([pack])
        assert reads == [pack, pack]
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
)
def test_a_corrupt_cache_file_is_ignored_and_written_again(folder: Path, reads: list[Path], write_pack, damage) -> None:
    pack = write_pack("t", {"world.toml": WORLD, "events.toml": EVENTS})
    load_content([pack])
    (entry,) = folder.glob("*.msgpack")
    good = entry.read_bytes()
    entry.write_bytes(damage(good))
    assert load_content([pack]).events["walk"].title == "A walk"
    assert reads == [pack, pack], "the damaged file was not used"
    assert entry.read_bytes() == good, "and it was written again"
    load_content([pack])
    assert reads == [pack, pack]


def test_a_well_formed_file_for_other_packs_is_not_trusted(folder: Path, reads: list[Path], write_pack) -> None:
    """A cache file whose checksum is right but which was written for other files (planted or renamed) is ignored."""
    first = write_pack("a", {"world.toml": WORLD, "events.toml": EVENTS})
    load_content([first])
    (entry,) = folder.glob("*.msgpack")
    (first / "events.toml").write_text(EVENTS.replace("A walk", "A stroll"), encoding="utf-8")
    key = cache._read_files(first)
    assert key is not None
    (folder / f"{key.key}.msgpack").write_bytes(entry.read_bytes())  # the old pack's entry under the new key
    assert load_content([first]).events["walk"].title == "A stroll"
    assert reads == [first, first]


def test_a_pack_with_errors_is_not_cached_and_says_so_every_time(folder: Path, write_pack) -> None:
    pack = write_pack("t", {"world.toml": WORLD, "events.toml": EVENTS + "oops = \n"})
    for _ in range(2):
        with pytest.raises(PackError, match="TOML syntax error"):
            load_content([pack])
    assert not list(folder.glob("*.msgpack"))


def test_the_cache_can_be_turned_off_or_deleted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, write_pack) -> None:
    pack = write_pack("t", {"world.toml": WORLD, "events.toml": EVENTS})
    monkeypatch.setenv("CITIZEN_CACHE", "off")
    load_content([pack])
    assert cache.cache_folder() is None
    monkeypatch.setenv("CITIZEN_CACHE", str(tmp_path / "c"))
    load_content([pack])
    for entry in (tmp_path / "c").iterdir():
        entry.unlink()
    assert load_content([pack]).events["walk"].title == "A walk"


def test_the_key_covers_every_byte_of_every_file(write_pack) -> None:
    pack = write_pack("t", {"world.toml": WORLD, "events.toml": EVENTS})
    before = cache._read_files(pack)
    raw = (pack / "events.toml").read_bytes()
    (pack / "events.toml").write_bytes(raw + b" ")
    after = cache._read_files(pack)
    assert before and after and before.key != after.key
    assert after.content_hash == reader.read_pack(pack, Problems()).content_hash
    assert len(before.key) == len(hashlib.sha256().hexdigest())
