"""What a command-line user expects of ``citizen``: -V, did-you-mean, the subcommand's usage on errors,
shell completion, a fast --help, and an app for ``textual run --dev``."""

from __future__ import annotations

import argparse
import importlib
import shutil
import subprocess
import sys

import pytest

from game import __version__, cli


def fails(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    """Run ``citizen argv`` expecting a usage error (exit 2); its stderr."""
    with pytest.raises(SystemExit) as exit_info:
        cli.main(argv)
    assert exit_info.value.code == 2
    return capsys.readouterr().err


@pytest.mark.parametrize("flag", ["-V", "--version"])
def test_version(flag: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        cli.main([flag])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out == f"citizen {__version__}\n"


def test_a_mistyped_command_gets_the_closest(capsys: pytest.CaptureFixture[str]) -> None:
    err = fails(["simulte", "--runs", "3"], capsys)
    assert "citizen: error: unknown command 'simulte' (did you mean 'simulate'?); choose from play, saves" in err


def test_a_mistyped_action_of_a_command_gets_the_closest(capsys: pytest.CaptureFixture[str]) -> None:
    err = fails(["saves", "lsit"], capsys)
    assert err.startswith("usage: citizen saves ")
    assert "citizen saves: error: unknown command 'lsit' (did you mean 'list'?)" in err


def test_an_unknown_flag_shows_the_usage_of_its_command_and_the_closest_flag(capsys: pytest.CaptureFixture[str]) -> None:
    err = fails(["--sead", "3"], capsys)  # no command: the flags are play's
    assert err.startswith("usage: citizen play ")
    assert "citizen play: error: unknown option --sead (did you mean --seed?)" in err
    err = fails(["workshop", "new", "w.toml", "--forse"], capsys)
    assert err.startswith("usage: citizen workshop new ")
    assert "unknown option --forse (did you mean --force?)" in err


def test_a_mistyped_choice_gets_the_closest(capsys: pytest.CaptureFixture[str]) -> None:
    err = fails(["play", "--changed", "replya"], capsys)
    assert "unknown value for --changed 'replya' (did you mean 'replay'?); choose from snapshot, replay" in err


def test_a_stray_argument_is_named(capsys: pytest.CaptureFixture[str]) -> None:
    err = fails(["config", "show", "extra"], capsys)
    assert "citizen config show: error: unexpected argument 'extra'" in err


def test_the_summaries_of_help_are_the_commands_own() -> None:
    parser = cli.build_parser(full=True)
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    helps = {choice.dest: choice.help for choice in sub._choices_actions}
    assert helps == {name: summary for name, (_module, summary) in cli.COMMANDS.items()}


def test_help_imports_no_command() -> None:
    script = (
        "import sys\nfrom game.cli import main\ntry:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "shared = ('game.tools.common', 'game.tools.commands')\n"
        "loaded = sorted(m for m in sys.modules if m.startswith('game.tools.') and m not in shared"
        " or m.split('.')[0] in ('textual', 'rich', 'shtab') or m.startswith(('game.engine', 'game.packs.loader')))\n"
        "print('LOADED', loaded)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert "serve the game to web browsers" in result.stdout
    assert "LOADED []" in result.stdout, result.stdout


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_completion_is_generated_from_the_parser(shell: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["completion", shell]) == 0
    script = capsys.readouterr().out
    for word in ("simulate", "debrief", "completion", "--theme", "--seed", "--workshop"):
        assert word in script, word
    if shell == "bash" and shutil.which("bash"):
        check = subprocess.run(["bash", "-n"], input=script, capture_output=True, text=True, timeout=30)
        assert check.returncode == 0, check.stderr


def test_completion_completes_choices_and_paths(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["completion", "bash"]) == 0
    script = capsys.readouterr().out
    assert "snapshot replay" in script  # play --changed
    assert "_shtab_compgen_files" in script and "_shtab_compgen_dirs" in script


def test_an_unknown_shell_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    err = fails(["completion", "tcsh"], capsys)
    assert "unknown value for shell 'tcsh'; choose from bash, zsh, fish" in err


async def test_the_dev_module_is_the_game() -> None:
    from game.tui.app import CitizenApp
    from game.tui.screens.title import TitleScreen

    dev = importlib.import_module("game.tui.dev")
    assert isinstance(dev.app, CitizenApp)
    async with dev.app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(dev.app.screen, TitleScreen)
