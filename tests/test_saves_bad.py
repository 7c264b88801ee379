"""Bad saves: each gives one clear message naming the file, and no file is touched."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from game.cli import main
from game.engine.content import Content
from game.engine.life import Life
from game.engine.state import Setup
from game.packs.loader import load_content
from game.saves import SaveError, SaveStore
from tests.conftest import FIXTURE_PACKS
from tests.test_saves import folder_bytes, play


def edit_json(change: Callable[[dict], None]) -> Callable[[bytes], bytes]:
    def edit(data: bytes) -> bytes:
        doc = json.loads(data)
        change(doc)
        return json.dumps(doc).encode()

    return edit


def _set(path: str, value: object) -> Callable[[dict], None]:
    def change(doc: dict) -> None:
        *parents, last = path.split(".")
        for key in parents:
            doc = doc[key]
        doc[last] = value

    return change


def _swap_last_choice(doc: dict) -> None:
    doc["state"]["log"][-1][2] = "no_such_choice"


BAD = {
    "empty": (lambda data: b"", "the save file is empty"),
    "blank": (lambda data: b"  \n", "the save file is empty"),
    "truncated": (lambda data: data[: len(data) // 2], "the save file is damaged: it is cut short"),
    "not json": (lambda data: b"this is not json at all", "the save file is damaged: it is not valid JSON"),
    "binary": (lambda data: b"\x00\xff\xfe" * 20, "the save file is damaged"),
    "nested": (lambda data: b"[" * 200_000, "it is nested too deeply"),
    "bom": (lambda data: b"\xef\xbb\xbf" + data.replace(b'"day": 5', b'"day": 6'), "state.day is 6 in the snapshot but 5"),
    "a list": (lambda data: b"[1, 2, 3]", "this is not an AAA Citizen save"),
    "other json": (lambda data: b'{"hello": "world"}', "this is not an AAA Citizen save"),
    "no version": (edit_json(_set("version", "one")), "no valid format version"),
    "newer format": (edit_json(_set("version", 99)), "the save is in format 99 (made by game version 0.1.0)"),
    "wrong type": (edit_json(_set("state.day", "three")), "wrong shape: Expected `int`, got `str` - at `$.state.day`"),
    "missing field": (edit_json(lambda d: d.pop("setup")), "wrong shape: Object missing required field `setup`"),
    "bad record": (edit_json(_set("state.records", [[1, 2]])), "Expected `object`, got `array` - at `$.state.records[0]`"),
    "bad days": (edit_json(_set("setup.days", 9000)), "setup.days must be 1 to 365"),
    "score edited": (edit_json(_set("state.scores.city", 999)), "the state snapshot disagrees with the replay of its choices: "
                     "state.scores.city is 999 in the snapshot but"),
    "log edited": (edit_json(lambda d: d["state"]["log"].pop()), "the state snapshot disagrees with the replay of its choices"),
    "choice edited": (edit_json(_swap_last_choice), "does not replay: event"),
    "seed edited": (edit_json(_set("setup.seed", 12345)), "state.seed is 4 in the snapshot but 12345 in the replay"),
}  # fmt: skip


@pytest.fixture
def saved(mini: Content, tmp_path: Path) -> tuple[SaveStore, Path]:
    store = SaveStore(tmp_path / "saves")
    life = Life(mini, Setup("life", 4))
    for _ in range(4):
        play(life, 1)
        store.save("ana", life)
    return store, store.path("ana")


@pytest.mark.parametrize("case", list(BAD))
def test_bad_save_gives_one_clear_message_and_is_left_untouched(case: str, saved, mini: Content) -> None:
    store, path = saved
    damage, message = BAD[case]
    path.write_bytes(damage(path.read_bytes()))
    before = folder_bytes(store.folder)
    with pytest.raises(SaveError) as err:
        store.load("ana", mini)
    assert str(err.value).startswith(str(path) + ": "), err.value
    assert message in str(err.value)
    assert "\n" not in str(err.value) and "Traceback" not in str(err.value)
    assert err.value.path == path
    assert folder_bytes(store.folder) == before
    # the list still shows it, with the reason, and a backup is there to pick
    info = next(i for i in store.list() if i.name == "ana")
    assert info.ok == (case in ("score edited", "log edited", "choice edited", "seed edited", "bom"))
    assert [b.choices for b in store.backups("ana")] == [3, 2, 1]
    assert store.load("ana", mini, backup=1).life is not None


def test_a_pack_that_is_not_installed(mini: Content, write_pack, tmp_path: Path) -> None:
    extra = write_pack("extra", {"pack.toml": '[pack]\nid = "extra"\nname = "Extra"\nversion = "2.1"\n'})
    store = SaveStore(tmp_path / "saves")
    store.save("ana", Life(load_content([FIXTURE_PACKS / "mini", extra]), Setup("life", 4)))
    before = folder_bytes(store.folder)
    with pytest.raises(SaveError, match=r"made with pack\(s\) extra \(2.1\), which are not installed; install them"):
        store.load("ana", mini)
    assert folder_bytes(store.folder) == before


def test_a_bad_slot_name_is_a_clear_error(mini: Content, tmp_path: Path) -> None:
    store = SaveStore(tmp_path)
    with pytest.raises(SaveError, match=r"'\.\./\.\.' cannot be a save name"):
        store.save("../..", Life(mini, Setup("life", 1)))
    assert list(tmp_path.iterdir()) == []


def test_the_cli_names_the_problem_and_offers_the_backups(saved, monkeypatch, capsys) -> None:
    store, path = saved
    monkeypatch.setenv("CITIZEN_CONTENT", str(FIXTURE_PACKS / "mini"))
    monkeypatch.setenv("CITIZEN_PACKS", str(store.folder / "no-packs"))
    path.write_bytes(path.read_bytes()[:100])
    before = folder_bytes(store.folder)
    code = main(["play", "--plain", "--saves", str(store.folder), "--load", "ana"])
    err = capsys.readouterr().err
    assert code == 1
    assert f"citizen: error: {path}: the save file is damaged: it is cut short" in err
    assert "Backups of 'ana' that can be loaded:" in err
    assert "citizen play --plain --load ana --backup 1" in err and "--backup 3" in err
    assert "Traceback" not in err
    assert folder_bytes(store.folder) == before
    # the offered command works, and goes on in a new slot: the damaged file stays as it was
    monkeypatch.setattr("sys.stdin", __import__("io").StringIO("1\n"))
    assert main(["play", "--plain", "--saves", str(store.folder), "--load", "ana", "--backup", "1"]) == 0
    out = capsys.readouterr()
    assert "Going on with the save 'ana' from day" in out.out and "now saves as 'ana-2'" in out.out
    assert path.read_bytes() == before["ana.json"]
    assert (
        store.load("ana-2", load_content([FIXTURE_PACKS / "mini"])).save.log[:3]
        == store.load("ana", load_content([FIXTURE_PACKS / "mini"]), backup=1).save.log
    )
