"""Settings kept between runs: the config file, its precedence under variables and flags, --theme, Ctrl+T."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from game import cli, config, paths
from game.engine.content import Content
from game.engine.state import Setup
from game.strings import use_language
from game.tools.play import tui_options
from game.tools.serve import play_command
from game.tui.run import make_app


@pytest.fixture
def settings_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A config file of this test's own (not yet written)."""
    path = tmp_path / "conf" / "config.toml"
    monkeypatch.setenv("CITIZEN_CONFIG", str(path))
    monkeypatch.delenv("CITIZEN_SAVES", raising=False)
    return path


def test_flag_over_variable_over_file_over_default(settings_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert config.setting("theme") == config.Setting("theme", "dark", "default")
    settings_file.parent.mkdir()
    settings_file.write_text('# mine\ntheme = "light"\n', encoding="utf-8")
    assert config.setting("theme") == config.Setting("theme", "light", "file", f"{settings_file}:2")
    monkeypatch.setenv("CITIZEN_THEME", "high-contrast")
    assert config.setting("theme").value == "high-contrast"
    assert config.setting("theme", "dark") == config.Setting("theme", "dark", "flag", "--theme")


def test_saves_folder_from_the_file_is_relative_to_it(settings_file: Path, tmp_path: Path, monkeypatch) -> None:
    settings_file.parent.mkdir()
    settings_file.write_text('saves = "class-saves"\n', encoding="utf-8")
    assert paths.default_saves_dir() == settings_file.parent / "class-saves"
    monkeypatch.setenv("CITIZEN_SAVES", str(tmp_path / "env"))
    assert paths.default_saves_dir() == tmp_path / "env"
    assert paths.default_saves_dir(tmp_path / "flag") == tmp_path / "flag"


def test_a_textual_theme_name_is_taken_and_shown_short(settings_file: Path) -> None:
    settings_file.parent.mkdir()
    settings_file.write_text('theme = "textual-light"\n', encoding="utf-8")
    assert config.setting("theme").value == "light"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('thme = "light"\n', ":1: unknown setting 'thme' (did you mean 'theme'?)"),
        ('\n\ntheme = "ligth"\n', ":3: no theme 'ligth' (did you mean 'light'?); themes: dark, light, high-contrast"),
        ("theme = 3\n", ':1: theme must be a string in quotes, e.g. theme = "light"'),
        ('language = "xx"\n', ":1: language 'xx' is not available; available: en, sv, nl"),
        ('scenario = "Not An Id"\n', ":1: scenario 'Not An Id' is not a scenario id"),
        ('theme = "light\n', ":1: not valid TOML: a quoted text is not closed on this line"),
    ],
)
def test_a_bad_file_is_one_clear_error(settings_file: Path, capsys, text: str, message: str) -> None:
    settings_file.parent.mkdir()
    settings_file.write_text(text, encoding="utf-8")
    assert cli.main(["play", "--plain", "--no-save"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"citizen: error: {settings_file}") and message in err
    assert "Traceback" not in err
    assert settings_file.read_text(encoding="utf-8") == text


def test_remember_keeps_comments_and_other_keys(settings_file: Path) -> None:
    settings_file.parent.mkdir()
    settings_file.write_text('# my settings\nsaves = "s"  # the class\ntheme = "dark"\n', encoding="utf-8")
    config.remember("theme", "high-contrast")
    assert settings_file.read_text(encoding="utf-8") == '# my settings\nsaves = "s"  # the class\ntheme = "high-contrast"\n'
    config.remember("scenario", "life")
    assert config.setting("scenario").value == "life" and config.setting("saves").value == "s"


def test_remember_refuses_to_overwrite_a_broken_file(settings_file: Path) -> None:
    settings_file.parent.mkdir()
    settings_file.write_text("theme = [\n", encoding="utf-8")
    with pytest.raises(config.ConfigError, match="not valid TOML"):
        config.remember("theme", "light")
    assert settings_file.read_text(encoding="utf-8") == "theme = [\n"


def test_citizen_config_shows_the_file_and_where_each_value_comes_from(settings_file: Path, capsys, monkeypatch) -> None:
    assert cli.main(["config", "set", "theme", "light"]) == 0
    assert cli.main(["config", "set", "saves", "~/x"]) == 0
    monkeypatch.setenv("CITIZEN_SCENARIO", "life")
    capsys.readouterr()
    assert cli.main(["config"]) == 0
    out = capsys.readouterr().out
    assert f"Settings file: {settings_file} (in use)" in out
    assert "theme     light  (from the file, line 2)" in out
    assert f"saves     {Path('~/x').expanduser()}  (from the file, line 3)" in out
    assert "scenario  life  (from $CITIZEN_SCENARIO)" in out
    assert "language  en  (default)" in out
    assert cli.main(["config", "--path"]) == 0
    assert capsys.readouterr().out == f"{settings_file}\n"


def test_config_set_refuses_a_wrong_value(settings_file: Path, capsys) -> None:
    assert cli.main(["config", "set", "theme", "purple"]) == 2
    assert "no theme 'purple'" in capsys.readouterr().err
    assert not settings_file.exists()


def test_play_and_serve_take_the_theme(settings_file: Path, monkeypatch) -> None:
    args = argparse.Namespace(theme=None)
    assert tui_options(args) == {"theme": "dark", "remember_theme": True}
    monkeypatch.setenv("CITIZEN_THEME", "light")
    assert tui_options(args)["theme"] == "light"
    assert tui_options(argparse.Namespace(theme="high-contrast"))["theme"] == "high-contrast"
    assert play_command(None, "light").endswith("play --theme light")


def test_a_wrong_theme_flag_is_refused(settings_file: Path, capsys) -> None:
    assert cli.main(["play", "--theme", "lihgt"]) == 2
    assert "--theme: no theme 'lihgt' (did you mean 'light'?)" in capsys.readouterr().err


def test_a_configured_scenario_is_the_default_life(settings_file: Path, capsys) -> None:
    settings_file.parent.mkdir()
    settings_file.write_text('scenario = "no_such_life"\n', encoding="utf-8")
    assert cli.main(["play", "--plain", "--no-save"]) == 2
    assert f"{settings_file}:1: unknown scenario 'no_such_life'" in capsys.readouterr().err


async def test_the_app_starts_in_the_theme_and_remembers_ctrl_t(settings_file: Path, mini: Content) -> None:
    app = make_app(mini, Setup("life", 1), theme="light", remember_theme=True)
    async with app.run_test(size=(100, 32)) as pilot:
        assert app.theme == "citizen-light"
        assert not settings_file.exists()  # starting in a theme is not choosing one
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert app.theme == "citizen-high-contrast"
    assert config.setting("theme").value == "high-contrast"
    again = make_app(mini, **tui_options(argparse.Namespace(theme=None)))
    async with again.run_test(size=(100, 32)):
        assert again.theme == "citizen-high-contrast"


async def test_the_theme_is_not_remembered_unless_asked(settings_file: Path, mini: Content) -> None:
    app = make_app(mini)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("ctrl+t")
        await pilot.pause()
    assert not settings_file.exists()


def test_citizen_config_says_the_files_line_in_the_players_language(settings_file: Path, capsys, monkeypatch) -> None:
    """The word 'line' came from code, so Swedish read 'från filen, line 2' (found by the hostile sweep)."""
    assert cli.main(["config", "set", "theme", "light"]) == 0
    try:
        for language, words in (("sv", "från filen, rad 2"), ("nl", "uit het bestand, regel 2")):
            monkeypatch.setenv("CITIZEN_LANGUAGE", language)
            capsys.readouterr()
            assert cli.main(["config"]) == 0
            out = capsys.readouterr().out
            assert f"theme     light  ({words})" in out, out
    finally:
        use_language("en")
