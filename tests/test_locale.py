"""The game's own text in Swedish and Dutch: catalogs, language choice, plurals, dates, numbers, fallback."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from types import SimpleNamespace

import pytest
from conftest import FIXTURE_PACKS, ROOT

from game import locale as catalogs
from game import present
from game.packs.translations import markup, placeholders
from game.strings import SOURCE, S, plural, use_language


@pytest.fixture
def speak() -> Iterator[object]:
    """Switch the game's language for one test; English again afterwards."""
    yield use_language
    use_language("en")


@pytest.mark.parametrize(
    ("code", "one", "two"),
    [
        ("en", "Day 3 of 30 · today · 1 day left", "Day 3 of 30 · today · 2 days left"),
        ("sv", "Dag 3 av 30 · today · 1 dag kvar", "Dag 3 av 30 · today · 2 dagar kvar"),
        ("nl", "Dag 3 van 30 · today · nog 1 dag", "Dag 3 van 30 · today · nog 2 dagen"),
    ],
)
def test_plurals_follow_the_language(speak, code: str, one: str, two: str) -> None:  # type: ignore[no-untyped-def]
    speak(code)
    assert plural("day_bar", 1).format(day=3, length=30, date="today", left=1) == one
    assert plural("day_bar", 2).format(day=3, length=30, date="today", left=2) == two
    assert plural("day_bar", 0).format(day=3, length=30, date="today", left=0).endswith(two[-6:].replace("2", "0")[-6:])


@pytest.mark.parametrize(
    ("code", "date", "money", "big"),
    [
        ("en", "Mon 14 Oct 2019", "¥5000", "12345"),
        ("sv", "mån 14 okt. 2019", "¥5\xa0000", "12\xa0345"),
        ("nl", "ma 14 okt 2019", "¥5.000", "12.345"),
    ],
)
def test_dates_numbers_and_money_follow_the_language(speak, code: str, date: str, money: str, big: str) -> None:  # type: ignore[no-untyped-def]
    from game.engine.content import Stat

    speak(code)
    assert present.date_of("2019-10-14", 1) == date
    assert present.number(12345) == big

    content = SimpleNamespace(stats={"money": Stat("money", "Money", 0, 10**9, 0, unit="¥")})  # what stat_value reads
    assert present.stat_value(content, "money", 5000) == money  # type: ignore[arg-type]


def test_the_string_table_speaks_the_chosen_language(speak) -> None:  # type: ignore[no-untyped-def]
    assert S["menu_new"] == "New life"
    speak("sv")
    assert S["menu_new"] == "Nytt liv"
    speak("nl")
    assert S["menu_new"] == "Nieuw leven"
    speak("en")
    assert S["menu_new"] == "New life"


def test_a_missing_string_falls_back_to_english_marked_in_strict_runs(speak, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setitem(SOURCE, "menu_new", "A brand-new life")  # the English changed: the catalog's entry no longer fits
    speak("sv")
    assert S["menu_new"] == "A brand-new life"
    monkeypatch.setenv("CITIZEN_LANG_STRICT", "1")
    speak("sv")
    assert S["menu_new"] == "⟦en⟧ A brand-new life"
    assert S["menu_load"] == "Ladda"


def test_every_translation_keeps_the_placeholders_and_markup_of_its_english() -> None:
    for code in catalogs.LANGUAGES:
        for message in catalogs.read(code):
            if not message.id or not message.string:
                continue
            sources = message.id if isinstance(message.id, tuple) else (message.id,)
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            wanted = set().union(*(placeholders(s) for s in sources))
            for text in strings:
                if not text:
                    continue
                assert set(placeholders(text)) <= wanted, (code, message.context, text)
                assert markup(text) == markup(sources[-1]), (code, message.context, text)
            if not isinstance(message.id, tuple):
                assert placeholders(strings[0]) == placeholders(message.id), (code, message.context, strings[0])


def _play(env: dict[str, str], *args: str) -> str:
    clean = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES", "LANG", "CITIZEN_LANGUAGE")}
    result = subprocess.run(
        [sys.executable, "-m", "game", "play", "--plain", "--seed", "7", "--days", "1", "--no-save", *args],
        input="1\n1\n1\n",
        capture_output=True,
        text=True,
        env={**clean, **env},
        cwd=ROOT,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_the_locale_chooses_the_language_and_the_flag_wins() -> None:
    assert "=== Dag 1 van 1" in _play({"LANG": "nl_NL.UTF-8"})
    assert "=== Dag 1 av 1" in _play({"LANG": "nl_NL.UTF-8", "LC_ALL": "sv_SE.UTF-8"})  # LC_ALL before LANG
    assert "=== Day 1 of 1" in _play({"LANG": "nl_NL.UTF-8"}, "--lang", "en")
    assert "=== Day 1 of 1" in _play({"LANG": "de_DE.UTF-8"})  # a language the game lacks: English
    assert "=== Dag 1 av 1" in _play({"CITIZEN_LANGUAGE": "sv", "LANG": "nl_NL.UTF-8"})  # the setting before the locale


def test_help_does_not_import_babel() -> None:
    script = (
        "import sys\nfrom game.cli import main\ntry:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "print([m for m in sys.modules if m.startswith('babel')])"
    )
    env = {**os.environ, "LANG": "sv_SE.UTF-8"}
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=60)
    assert result.stdout.strip().endswith("[]"), result.stdout


async def test_the_title_screen_switches_the_language(speak, tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """F2 on the title: the menu, the keys and the packs speak the next language; the choice is remembered."""
    from textual.widgets import OptionList

    from game.packs.loader import load_content
    from game.tui.labels import relabel
    from game.tui.run import make_app

    monkeypatch.setenv("CITIZEN_CONFIG", str(tmp_path / "config.toml"))
    app = make_app(lambda: load_content([FIXTURE_PACKS / "mini"]), remember_theme=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("f2")
        await pilot.pause()
        await pilot.pause()
        menu = app.screen.query_one("#menu", OptionList)
        assert str(menu.get_option_at_index(0).prompt) == "Nytt liv"
        assert any(b.description == "Avsluta" for b in app.screen._bindings.key_to_bindings.get("q", []))
        assert app.session.content.events["hub"].title == "Ett nav"  # the packs, reloaded with their translations
        await pilot.press("f2")
        await pilot.pause()
        await pilot.pause()
        assert str(app.screen.query_one("#menu", OptionList).get_option_at_index(0).prompt) == "Nieuw leven"
    assert 'language = "nl"' in (tmp_path / "config.toml").read_text(encoding="utf-8")
    use_language("en")
    relabel(app)


def test_workshop_new_writes_the_file_in_the_language_and_it_validates(speak, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    from game.cli import main

    path = tmp_path / "klas" / "workshop.toml"
    assert main(["workshop", "new", str(path), "--lang", "nl"]) == 0
    text = path.read_text(encoding="utf-8")
    assert "# Een workshopbestand voor AAA Citizen." in text and 'language = "nl"' in text
    assert 'title = "Een maand onder de score"' in text
    capsys.readouterr()
    assert main(["validate", str(path)]) == 0


def test_the_debrief_speaks_the_workshops_language(speak, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    import io

    from game.cli import main
    from game.saves import SaveStore
    from game.tools.workshop_play import open_for_cli, play_plain

    path = tmp_path / "workshop.toml"
    main(["workshop", "new", str(path), "--lang", "sv"])
    use_language("en")
    workshop, content = open_for_cli(path)
    play_plain(workshop, content, SaveStore(workshop.saves_dir), io.StringIO("Anna\n" + "1\n" * 40), io.StringIO(), save=True)
    use_language("en")
    capsys.readouterr()
    assert main(["debrief", str(workshop.saves_dir), "--html", str(tmp_path / "r.html"), "--md", str(tmp_path / "r.md")]) == 0
    assert '<html lang="sv"' in (tmp_path / "r.html").read_text(encoding="utf-8")
    md = (tmp_path / "r.md").read_text(encoding="utf-8")
    assert md.startswith("# Genomgång:")
    use_language("sv")
    premise = f"- {S['new_premise']}: {S['premises_reported']}"  # the settings by their names, not premise: reported
    use_language("en")
    assert premise in md and "premise" not in md.split("##")[1], md[:1500]
