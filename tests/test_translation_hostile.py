"""Hostile translation files beyond their contents (those are in test_translations.py): what sits in lang/
under a language's name but is no plain file, what is named like no language, and escapes in the texts,
on every command that loads packs."""

from __future__ import annotations

import io
import os
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import FIXTURE_PACKS

from game.cli import main
from game.safe_text import is_clean


@pytest.fixture
def mini_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "mini"
    shutil.copytree(FIXTURE_PACKS / "mini", folder, ignore=shutil.ignore_patterns("lang"))
    assert main(["translate", "extract", str(folder), "--lang", "sv"]) == 0
    return folder


def _fill(sv: Path, key: str, toml_string: str) -> None:
    body = sv.read_text(encoding="utf-8")
    pattern = re.compile(rf'^("{re.escape(key)}" = \{{ text = )""', re.M)
    assert pattern.search(body), key
    sv.write_text(pattern.sub(lambda m: m.group(1) + toml_string, body), encoding="utf-8")


def _outside(sv: Path) -> None:
    elsewhere = sv.parent.parent.parent / "elsewhere.toml"
    shutil.move(sv, elsewhere)
    sv.symlink_to(elsewhere)


def _replace(sv: Path, make: Callable[[Path], None]) -> None:
    sv.unlink()
    make(sv)


UNREAD: dict[str, tuple[Callable[[Path], None], str]] = {
    "a link out of the pack": (_outside, "lang/sv.toml: error: a translation file may not be a symbolic link"),
    "a link loop": (lambda sv: _replace(sv, lambda p: p.symlink_to(p.name)), "may not be a symbolic link"),
    "a link to /dev/zero": (lambda sv: _replace(sv, lambda p: p.symlink_to("/dev/zero")), "may not be a symbolic link"),
    "a folder": (lambda sv: _replace(sv, lambda p: p.mkdir()), "lang/sv.toml: error: not a file (a folder, pipe or device)"),
    "a named pipe": (lambda sv: _replace(sv, os.mkfifo), "lang/sv.toml: error: not a file (a folder, pipe or device)"),
}


@pytest.mark.parametrize("case", UNREAD)
def test_what_is_no_plain_file_under_a_languages_name_is_named_not_passed_over(
    case: str, mini_copy: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    make, said = UNREAD[case]
    sv = mini_copy / "lang" / "sv.toml"
    make(sv)
    for command in (["validate", str(mini_copy)], ["translate", "check", str(mini_copy), "--lang", "sv"]):
        assert main(command) == 1, command
        out = capsys.readouterr()
        assert said in out.out + out.err, (command, out)
        assert "Traceback" not in out.err
    # the game plays on, in the source text, and nothing waits on the pipe
    monkeypatch.setattr("sys.stdin", io.StringIO("1\n" * 30))
    assert main(["play", "--plain", "--lang", "sv", "--pack", str(mini_copy), "--scenario", "life", "--no-save"]) == 0
    assert "A hub" in capsys.readouterr().out
    assert main(["translate", "extract", str(mini_copy), "--lang", "sv"]) == 1  # and extract writes nothing over it
    assert "Traceback" not in capsys.readouterr().err


def test_a_toml_named_like_no_language_and_a_language_nobody_plays_are_warned_of(
    mini_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lang = mini_copy / "lang"
    (lang / "xx.toml").write_text((lang / "sv.toml").read_text().replace('language = "sv"', 'language = "xx"'))
    (lang / "Swedish \x1b]0;owned\x07.toml").write_text("x")
    (lang / "README.md").write_text("notes")  # not a .toml: none of our business
    assert main(["validate", str(mini_copy)]) == 0
    out = capsys.readouterr().out
    assert "lang/Swedish \\x1b]0;owned\\x07.toml: warning: not a translation file's name (lang/CODE.toml" in out
    assert "lang/xx.toml: warning: the game is played in en, sv, nl only: this translation is never shown" in out
    assert "README" not in out and is_clean(out)


def test_escapes_and_bidi_in_a_translation_reach_no_command_raw(
    mini_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    sv = mini_copy / "lang" / "sv.toml"
    _fill(sv, "event.hub.title", r'"\u001b]0;owned\u0007Ett \u202enav\u202c \u009b31m \\[x] :smile: [link=x]y[/link]"')
    _fill(sv, "event.hub.text", r'"\u001b[2J\u001b]52;c;eA==\u0007V\u00e4lj \u2067iso\u2069\u200f"')
    saves = tmp_path / "saves"
    runs = [
        ["validate", str(mini_copy)],
        ["translate", "check", str(mini_copy), "--lang", "sv"],
        ["play", "--plain", "--lang", "sv", "--pack", str(mini_copy), "--scenario", "life", "--saves", str(saves)],
        ["simulate", "--pack", str(mini_copy), "--scenario", "life", "--runs", "3"],
        ["debrief", str(saves), "--pack", str(mini_copy), "--lang", "sv", "--md", "-"],
    ]
    shown = ""
    for command in runs:
        monkeypatch.setattr("sys.stdin", io.StringIO("1\n" * 30))
        main(command)
        out = capsys.readouterr()
        assert "Traceback" not in out.err and "internal error" not in out.err, command
        assert is_clean(out.out + out.err), command
        shown += out.out
    assert "]0;ownedEtt nav 31m \\[x] :smile: [link=x]y[/link]" in shown, "the translation shows, cleaned and literal"
    assert "[2J]52;c;eA==Välj iso" in shown
