"""Slot names from player input never leave the saves folder nor hit a reserved name."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from game.engine.content import Content
from game.engine.life import Life
from game.engine.state import Setup
from game.saves import SaveError, SaveStore, safe_slot_name
from tests.test_saves import play


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Ana", "ana"),
        ("Åsa Öberg", "åsa-öberg"),
        ("../../etc/passwd", "etc-passwd"),
        ("..\\..\\Windows\\win.ini", "windows-win-ini"),
        ("/absolute/path", "absolute-path"),
        ("C:\\saves", "c-saves"),
        ("ana.json.1", "ana-json-1"),
        ("CON", "con-save"),
        ("nul", "nul-save"),
        ("Com1", "com1-save"),
        ("lpt9", "lpt9-save"),
        ("con.txt", "con-txt"),
        ("   ", ""),
        ("...", ""),
        ("..", ""),
        ("\x1b[31m\x00", "31m"),
        ("a" * 100, "a" * 40),
        ("under_score  and\ttabs", "under-score-and-tabs"),
        ("ｆｕｌｌｗｉｄｔｈ", "fullwidth"),
    ],
)
def test_safe_slot_name(text: str, name: str) -> None:
    assert safe_slot_name(text) == name


def test_traversal_in_a_slot_name_stays_in_the_folder(mini: Content, tmp_path: Path) -> None:
    store = SaveStore(tmp_path / "saves")
    info = store.save("../../outside", Life(mini, Setup("life", 1)))
    assert info.path == tmp_path / "saves" / "outside.json"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["saves"]
    assert store.load("../../outside", mini).life is not None
    with pytest.raises(SaveError, match="cannot be a save name"):
        store.save("/", Life(mini, Setup("life", 1)))


RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}


def test_a_save_copied_in_by_hand_keeps_its_name(mini: Content, tmp_path: Path) -> None:
    store = SaveStore(tmp_path)
    life = Life(mini, Setup("life", 1))
    store.save("x", life)
    (tmp_path / "x.json").rename(tmp_path / "Ana B.json")
    assert [(i.name, i.ok) for i in store.list()] == [("Ana B", True)]
    loaded = store.load("Ana B", mini)
    assert loaded.life is not None and loaded.save_as == "Ana B"
    store.save("Ana B", play(life, 1))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["Ana B.json", "Ana B.json.1"]
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "y.json").write_text("{}")
    with pytest.raises(SaveError, match="no save named 'sub/y'"):
        store.load("sub/y", mini)  # only plain names in the folder itself count
    assert store.path("../Ana B").name == "ana-b.json"


@given(st.text(max_size=80) | st.sampled_from(sorted(RESERVED)).map(str.upper))
def test_every_name_is_safe_or_refused(text: str) -> None:
    folder = Path("/saves")
    name = safe_slot_name(text)
    assert safe_slot_name(name) == name
    assert len(name) <= 40
    if not name:
        with pytest.raises(SaveError):
            SaveStore(folder).path(text)
        return
    path = SaveStore(folder).path(text)
    assert path.parent == folder and path.name == name + ".json"
    assert not name.startswith(("-", ".")) and "." not in name and "/" not in name and "\\" not in name
    assert name not in RESERVED
