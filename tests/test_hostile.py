"""Hostile packs: each attack in tests/packs/hostile is refused or neutralised with a clear message."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from game.engine.life import Life
from game.engine.state import Setup
from game.packs.loader import load_content, validate
from game.packs.reader import MAX_FILE_BYTES
from game.play import Session
from game.safe_text import styled, to_plain
from game.tools.plain import PlainGame

HOSTILE = Path(__file__).resolve().parent / "packs" / "hostile"
CONTROL = [chr(c) for c in [*range(0, 9), *range(11, 32), *range(127, 160)]]


def messages(*folders: Path) -> list[str]:
    return [str(p) for p in validate(list(folders))[1]]


def test_escape_sequences_never_reach_the_terminal() -> None:
    content = load_content([HOSTILE / "escape_injection"])
    event = content.events["clear_screen"]
    assert "\x1b" in event.title  # the pack really carries them ...
    for text in (event.title, event.text, event.choices[0].label, event.choices[0].text):
        for shown in (to_plain(text), styled(text).plain):
            assert not any(c in shown for c in CONTROL), repr(shown)  # ... and nothing shows them
    out = io.StringIO()
    PlainGame(Session.of(Life(content, Setup("s", 1))), out).play(io.StringIO("1\n1\n1\n1\n1\n1\n"))
    assert not any(c in out.getvalue() for c in CONTROL if c != "\n")


def test_markup_cannot_click_link_or_style_beyond_the_safe_subset() -> None:
    content = load_content([HOSTILE / "markup_actions"])
    event = content.events["click_me"]
    for text in (event.title, event.text, *(c.label for c in event.choices)):
        rendered = styled(text)
        for span in rendered.spans:
            style = str(span.style)
            assert "link" not in style and "@click" not in style and "reverse" not in style, style
        for meta in (span.style.meta for span in rendered.spans if hasattr(span.style, "meta")):
            assert not meta
    shown = styled(event.text)
    assert "[link=file:///etc/passwd]" in shown.plain  # shown as written, not obeyed
    assert {str(s.style) for s in shown.spans} <= {"bold", "red"}


def test_expression_escapes_are_load_errors_and_nothing_runs(tmp_path: Path) -> None:
    marker = Path("/tmp/pwned")
    marker.unlink(missing_ok=True)
    found = messages(HOSTILE / "expression_escape")
    assert len([m for m in found if "error" in m]) >= 6, found
    for expected in (
        "attribute access",
        "__import__('os').system",
        "'**' is not allowed",
        "comprehensions",
        "only the built-in functions",
        "unknown function `open`",
    ):
        assert any(expected in m for m in found), (expected, found)
    assert all("world.toml:" in m for m in found)
    assert not marker.exists()


def test_deep_nesting_is_refused() -> None:
    found = messages(HOSTILE / "deep_nesting")
    assert any("nested too deeply" in m or "TOML syntax error" in m for m in found), found


def test_duplicate_keys_bom_and_encoding() -> None:
    assert any("world.toml:3: error: TOML syntax error" in m for m in messages(HOSTILE / "duplicate_keys"))
    assert messages(HOSTILE / "bom") == []
    assert any("world.toml:2: error: file is not valid UTF-8" in m for m in messages(HOSTILE / "non_utf8"))


def test_collisions_and_recursive_depends() -> None:
    found = messages(HOSTILE / "collision" / "one", HOSTILE / "collision" / "two")
    assert any("stat 'money' is also declared by pack 'collision_one'" in m for m in found), found
    assert any("circular depends" in m for m in messages(HOSTILE / "recursive"))
    assert any("circular depends: self_depends → self_depends" in m for m in messages(HOSTILE / "self_depends"))


def test_a_50_megabyte_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    folder = tmp_path / "big"
    folder.mkdir()
    (folder / "pack.toml").write_text('[pack]\nid = "big"\nname = "Big"\n')
    with open(folder / "huge.toml", "wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: costs no disk
    found = messages(folder)
    assert any(f"huge.toml: error: file is 51200 KiB; the limit is {MAX_FILE_BYTES // 1024} KiB" in m for m in found), found


def test_huge_tables_are_bounded(tmp_path: Path) -> None:
    folder = tmp_path / "wide"
    folder.mkdir()
    (folder / "pack.toml").write_text('[pack]\nid = "wide"\nname = "Wide"\n')
    (folder / "many.toml").write_text("".join(f'[privileges.p{i}]\nname = "P"\n' for i in range(25_000)))
    (folder / "long.toml").write_text('[privileges.long]\nname = "' + "x" * 5000 + '"\n')
    (folder / "list.toml").write_text('[lists.big]\nname = "Big"\nrevoke = [' + ", ".join(['"p1"'] * 500) + "]\n")
    found = messages(folder)
    assert any("'privileges' has 25000 items; the limit is 20000" in m for m in found), found
    assert any("long.toml:2: error: `name` is too long: at most 4000 characters" in m for m in found), found
    assert any("list.toml:3: error: `revoke` is too long: at most 200 items" in m for m in found), found


def test_a_symlink_out_of_the_pack_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "linky"
    folder.mkdir()
    (folder / "pack.toml").write_text('[pack]\nid = "linky"\nname = "Linky"\n')
    os.symlink("/etc/hostname", folder / "steal.toml")
    found = messages(folder)
    assert any("steal.toml: error: symbolic link leads outside the pack folder" in m for m in found), found


@pytest.mark.parametrize("attack", sorted(p.name for p in HOSTILE.iterdir()))
def test_validate_never_shows_a_traceback(attack: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "game", "validate", str(HOSTILE / attack)], capture_output=True, text=True, timeout=60
    )
    assert "Traceback" not in result.stdout + result.stderr
    assert result.returncode in (0, 1)
