"""Every file the game writes is written whole or not at all, and never through a link someone planted.

Each writer (a save, `config set`, `workshop new`, `debrief --html/--md`, `translate extract`, the schema
files, `new-pack`) goes through :mod:`game.text_files`: a temporary file created exclusively under a
random name beside the target, synced, renamed over it. Before, the temporary names were predictable
(`.config.toml.tmp`, `.ana.json.PID.tmp`, `workshop.toml.tmp`, `.report.html.tmp`) and opened with a
plain ``open``, so a link planted under that name made the game overwrite whatever it pointed to.
"""

from __future__ import annotations

import io
import os
import stat
from pathlib import Path

import pytest

from game import cli, text_files
from game.engine.content import Content
from game.engine.life import Life
from game.engine.state import Setup
from game.saves import SaveStore

OLD_TEMPORARY_NAMES = ("{name}.tmp", ".{name}.tmp", ".{name}.{pid}.tmp", ".{name}.{pid}.bak.tmp")


def plant(target: Path, victim: Path) -> list[Path]:
    """Links to ``victim`` under every temporary name a writer of ``target`` used to open."""
    links = []
    for pattern in OLD_TEMPORARY_NAMES:
        link = target.with_name(pattern.format(name=target.name, pid=os.getpid()))
        link.symlink_to(victim)
        links.append(link)
    return links


@pytest.fixture
def victim(tmp_path: Path) -> Path:
    path = tmp_path / "elsewhere" / "precious.txt"
    path.parent.mkdir()
    path.write_text("not yours\n")
    return path


def assert_untouched(victim: Path, links: list[Path]) -> None:
    assert victim.read_text() == "not yours\n"
    assert all(link.is_symlink() for link in links), "the planted links are not the game's to remove"
    assert not [p for p in links[0].parent.iterdir() if p.name.endswith(".tmp") and not p.is_symlink()], "a temporary file left"


def test_a_save_never_writes_through_a_planted_link(mini: Content, tmp_path: Path, victim: Path) -> None:
    store = SaveStore(tmp_path / "saves")
    life = Life(mini, Setup("life", 1))
    store.save("ana", life)
    links = plant(store.path("ana"), victim)
    store.save("ana", life, meta={"again": True})  # rotates a backup and replaces the save
    assert_untouched(victim, links)
    assert store.load("ana", mini).life is not None and store.path("ana", 1).is_file()


def test_config_set_never_writes_through_a_planted_link(tmp_path: Path, victim: Path, monkeypatch) -> None:
    settings = tmp_path / "conf" / "config.toml"
    settings.parent.mkdir()
    monkeypatch.setenv("CITIZEN_CONFIG", str(settings))
    links = plant(settings, victim)
    assert cli.main(["config", "set", "theme", "light"]) == 0
    assert cli.main(["config", "set", "language", "sv"]) == 0
    assert_untouched(victim, links)
    assert settings.read_text().splitlines()[1:] == ['theme = "light"', 'language = "sv"']


def test_workshop_new_never_writes_through_a_planted_link(tmp_path: Path, victim: Path) -> None:
    target = tmp_path / "class" / "workshop.toml"
    target.parent.mkdir()
    links = plant(target, victim)
    assert cli.main(["workshop", "new", str(target)]) == 0
    assert_untouched(victim, links)
    assert target.read_text().startswith("#:schema")
    target.unlink()
    target.symlink_to(victim)  # a link at the file itself, overwritten with --force: the link goes, not the victim
    assert cli.main(["workshop", "new", str(target), "--force"]) == 0
    assert victim.read_text() == "not yours\n" and not target.is_symlink()


def test_debrief_never_writes_through_a_planted_link(tmp_path: Path, victim: Path, capsys, monkeypatch) -> None:
    saves = tmp_path / "saves"
    monkeypatch.setattr("sys.stdin", io.StringIO("1\n" * 40))
    assert cli.main(["play", "--plain", "--seed", "3", "--days", "2", "--saves", str(saves), "--save-as", "ana"]) == 0
    out = tmp_path / "report"
    out.mkdir()
    html, md = out / "class.html", out / "class.md"
    links = plant(html, victim) + plant(md, victim)
    assert cli.main(["debrief", str(saves), "--html", str(html), "--md", str(md)]) == 0
    assert_untouched(victim, links)
    assert html.read_text().lstrip().lower().startswith("<!doctype html>") and md.stat().st_size > 0


def test_translate_extract_never_writes_through_a_planted_link(tmp_path: Path, victim: Path, capsys) -> None:
    assert cli.main(["new-pack", "harbour", "--dir", str(tmp_path)]) == 0
    lang = tmp_path / "harbour" / "lang"
    lang.mkdir(exist_ok=True)
    links = plant(lang / "sv.toml", victim)
    assert cli.main(["translate", "extract", str(tmp_path / "harbour"), "--lang", "sv"]) == 0
    assert_untouched(victim, links)
    assert (lang / "sv.toml").read_text().startswith("# ")


def test_new_pack_refuses_a_link_where_the_folder_would_go(tmp_path: Path, capsys) -> None:
    (tmp_path / "harbour").symlink_to(tmp_path / "nowhere")
    assert cli.main(["new-pack", "harbour", "--dir", str(tmp_path)]) == 2
    assert "already exists" in capsys.readouterr().err
    assert not (tmp_path / "nowhere").exists() and [p.name for p in tmp_path.iterdir()] == ["harbour"]


def test_a_write_that_fails_leaves_the_old_file_and_no_temporary(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "notes.txt"
    target.write_text("old\n")
    target.chmod(0o640)

    def full_disk(fd: int) -> None:
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as m:
        m.setattr(text_files.os, "fsync", full_disk)
        with pytest.raises(OSError, match="No space left"):
            text_files.replace_text(target, "new\n" * 1000)
    assert target.read_text() == "old\n" and [p.name for p in tmp_path.iterdir()] == ["notes.txt"]
    text_files.replace_text(target, "new\n")
    assert target.read_text() == "new\n" and stat.S_IMODE(target.stat().st_mode) == 0o640, "the file keeps its mode"
    text_files.replace_text(tmp_path / "private.txt", "x", private=True)
    assert stat.S_IMODE((tmp_path / "private.txt").stat().st_mode) == 0o600


def test_a_small_read_takes_only_a_regular_file_and_only_up_to_its_limit(tmp_path: Path) -> None:
    big = tmp_path / "big"
    big.write_bytes(b"x" * 5000)
    assert text_files.read_small(big, 100) == b"x" * 101
    os.mkfifo(tmp_path / "pipe")
    for path in (tmp_path / "pipe", tmp_path, Path("/dev/zero")):
        with pytest.raises(text_files.NotARegularFile):
            text_files.read_small(path, 100)
