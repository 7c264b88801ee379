"""A settings file someone else wrote: each kind of bad file is one message with FILE:LINE and a fix, exit 2,
on every command that reads it, never a traceback or a hang, never a control byte echoed, and `config set`
leaves what it cannot read exactly as it was."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from game import cli
from game.safe_text import is_clean

COMMANDS = (["config"], ["config", "set", "theme", "light"], ["play", "--plain", "--no-save"], ["saves"])


def loop(path: Path) -> None:
    path.symlink_to(path.name)


CASES: dict[str, tuple[Callable[[Path], None], str]] = {
    "not TOML": (lambda p: p.write_text('# mine\ntheme = "light\n'), ":2: not valid TOML: a quoted text is not closed"),
    "a number": (lambda p: p.write_text("\n\ntheme = 3\n"), ':3: theme must be a string in quotes, e.g. theme = "light"'),
    "a table": (lambda p: p.write_text("[language]\nen = true\n"), ":1: language must be a string in quotes"),
    "nested past the stack": (lambda p: p.write_text("theme = " + "[" * 5000 + "]" * 5000), "not valid TOML"),
    "too big": (lambda p: p.write_text("# padding\n" * 20_000), "195 KiB is too big for a config file (at most 64 KiB)"),
    "escapes and bidi in a value": (
        lambda p: p.write_text('theme = "\\u001b]0;owned\\u0007\\u202eb"\n'),
        ":1: no theme '\\x1b]0;owned\\x07\\u202eb'",
    ),
    "escapes in the saves folder": (
        lambda p: p.write_text('saves = "/tmp/\\u001b[2Jx"\n'),
        ":1: the saves folder '/tmp/\\x1b[2Jx' has control characters in its name",
    ),
    "an unknown key": (lambda p: p.write_text('colour = "red"\n'), ":1: unknown setting 'colour'; settings: theme"),
    "an unknown key with escapes": (
        lambda p: p.write_text('"\\u001b]52;c;eA==\\u0007" = "x"\n'),
        ":1: unknown setting '\\x1b]52;c;eA==\\x07'",
    ),
    "a link loop": (loop, "cannot read the config file: Too many levels of symbolic links"),
    "a folder": (lambda p: p.mkdir(), "cannot read the config file: it is a folder, not a file; remove it"),
    "not UTF-8": (lambda p: p.write_bytes(b'# mine\ntheme = "l\xffght"\n'), ":2: the config file is not UTF-8 text (byte 0xff)"),
}


def snapshot(path: Path) -> object:
    if path.is_symlink():
        return ("link", os.readlink(path))
    if path.is_dir():
        return ("folder", sorted(os.listdir(path)))
    return path.read_bytes()


@pytest.fixture
def settings_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "conf" / "config.toml"
    path.parent.mkdir()
    monkeypatch.setenv("CITIZEN_CONFIG", str(path))
    monkeypatch.setenv("CITIZEN_SAVES", str(tmp_path / "saves"))
    return path


@pytest.mark.parametrize("case", CASES)
def test_a_hostile_settings_file_is_one_clear_message_on_every_command(case: str, settings_file: Path, capsys) -> None:
    make, expected = CASES[case]
    make(settings_file)
    before = snapshot(settings_file)
    for command in COMMANDS:
        assert cli.main(command) == 2, (case, command)
        captured = capsys.readouterr()
        errors = [line for line in captured.err.splitlines() if line]
        assert len(errors) == 1, (command, captured.err)
        [line] = errors
        assert line.startswith(f"citizen: error: {settings_file}"), (command, line)
        assert expected in line, (command, line)
        assert "Traceback" not in captured.err and is_clean(captured.out + captured.err)
        assert snapshot(settings_file) == before, f"{command} changed the file"
    assert sorted(p.name for p in settings_file.parent.iterdir()) == ["config.toml"], "no temporary file left"


def test_an_unreadable_settings_file_says_so(settings_file: Path, capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests run as root here, where chmod 000 stops nobody: the refusal of the open is simulated."""
    from game import text_files

    settings_file.write_text('theme = "light"\n')
    real_open = os.open

    def refusing(path, flags, *args, **kwargs):
        if Path(path) == settings_file:
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(text_files.os, "open", refusing)
    for command in COMMANDS[:2]:
        assert cli.main(command) == 2
        err = capsys.readouterr().err
        assert f"{settings_file}: cannot read the config file: permission denied; make it readable" in err
    assert settings_file.read_text() == 'theme = "light"\n'


@pytest.mark.parametrize("kind", ["a named pipe", "a link to /dev/zero"])
def test_a_pipe_or_a_device_is_refused_without_waiting(kind: str, settings_file: Path, tmp_path: Path) -> None:
    """Before: reading a FIFO waited for a writer forever, and /dev/zero filled the memory."""
    if kind == "a named pipe":
        os.mkfifo(settings_file)
    else:
        settings_file.symlink_to("/dev/zero")
    env = dict(os.environ, CITIZEN_CONFIG=str(settings_file), CITIZEN_SAVES=str(tmp_path / "saves"))
    for command in (["config", "set", "theme", "light"], ["saves"]):
        done = subprocess.run(
            [sys.executable, "-m", "game", *command],
            capture_output=True,
            text=True,
            timeout=60,
            env=env,
            stdin=subprocess.DEVNULL,
        )
        assert done.returncode == 2, done.stderr
        assert "cannot read the config file: it is a pipe, device or socket, not a file; remove it" in done.stderr
        assert "Traceback" not in done.stderr
    assert settings_file.is_fifo() if kind == "a named pipe" else os.readlink(settings_file) == "/dev/zero"


def test_config_set_replaces_a_link_and_never_writes_through_it(settings_file: Path, tmp_path: Path) -> None:
    """A settings file that is a link to another file: the link is replaced by the new file, the other file kept."""
    elsewhere = tmp_path / "elsewhere.toml"
    elsewhere.write_text('theme = "dark"\n')
    settings_file.symlink_to(elsewhere)
    assert cli.main(["config", "set", "theme", "light"]) == 0
    assert elsewhere.read_text() == 'theme = "dark"\n'
    assert not settings_file.is_symlink() and 'theme = "light"' in settings_file.read_text()
