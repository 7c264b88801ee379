"""A whole life in Swedish and in Dutch, for every built-in scenario, played as a script plays it:
``citizen play --plain --lang CODE`` with the choices on stdin and ``CITIZEN_LANG_STRICT=1``.

Strict mode marks every pack string and every string of the game's table that falls back to English
(``⟦en⟧``); the same life played in English then shows what no table holds (text written in code):
no line of the translated life may be a line of the English one.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from conftest import ROOT

from game.strings import use_language

SCENARIOS = (
    "rongcheng_worker",
    "rongcheng_villager",
    "court_defaulter",
    "sesame_renter",
    "shanghai_kitchen",
    "shenzhen_shopper",
    "elsewhere_mirror",
)
LANGUAGES = ("sv", "nl")
SEED = 7


def _answers(rules_word: str) -> str:
    """The rule book once, then 1, 2, … 6 over and over: a locked choice or a number past the last is
    refused and asked again, so every prompt ends on an open choice and the life runs to its end."""
    return "\n".join([rules_word, *(str(n) for _ in range(600) for n in range(1, 7))]) + "\n"


def _rules_word(code: str) -> str:
    use_language(code)
    try:
        from game.strings import S

        return S["plain_cmd_rules"]
    finally:
        use_language("en")


def _play(code: str, scenario: str) -> str:
    env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES", "LANG", "CITIZEN_LANGUAGE")}
    env["CITIZEN_LANG_STRICT"] = "1"
    play = [sys.executable, "-m", "game", "play", "--plain", "--no-save"]
    result = subprocess.run(
        [*play, "--lang", code, "--scenario", scenario, "--seed", str(SEED)],
        input=_answers("rules" if code == "en" else _rules_word(code)),
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.fixture(scope="module")
def lives() -> dict[tuple[str, str], str]:
    """Every built-in scenario's life, with the same seed and answers, in English, Swedish and Dutch."""
    runs = [(code, scenario) for code in ("en", *LANGUAGES) for scenario in SCENARIOS]
    with ThreadPoolExecutor(max_workers=4) as pool:
        return dict(zip(runs, pool.map(lambda run: _play(*run), runs), strict=True))


def _english_lines(translated: str, english: str) -> list[str]:
    """Lines of a translated life that are the same line of the English life and read as a sentence:
    two words or more, one of them not capitalised (a line of names alone, say "Lotus Life", may stay)."""
    found = []
    for mine, theirs in zip(translated.splitlines(), english.splitlines(), strict=False):
        words = re.findall(r"[^\W\d_]{2,}", mine)
        if mine == theirs and len(words) >= 2 and any(word[0].islower() for word in words):
            found.append(mine)
    return found


@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize("scenario", SCENARIOS)
def test_a_whole_life_is_played_in_the_language(lives: dict[tuple[str, str], str], code: str, scenario: str) -> None:
    text = lives[(code, scenario)]
    english = lives[("en", scenario)]
    use_language(code)
    try:
        from game.strings import S

        end = S["end_header"].split("{", 1)[0]
        rule_book = f"=== {S['rulebook_title']} ==="
    finally:
        use_language("en")
    assert end in text, f"the {scenario} life did not reach its end in {code}:\n{text[-2000:]}"
    assert "=== The end of this life" in english
    marked = [line for line in text.splitlines() if "⟦" in line]
    assert not marked, f"{len(marked)} untranslated lines in {code} {scenario}, the first:\n" + "\n".join(marked[:20])
    assert len(text.splitlines()) == len(english.splitlines()), "the same seed and answers live the same life"
    assert not _english_lines(text, english), "\n".join(_english_lines(text, english)[:20])
    assert rule_book in text, "the rule book was read in the language"


@pytest.mark.parametrize(
    ("locale", "day_one", "end"),
    [
        ("nl_NL.UTF-8", "=== Dag 1 van 3 ", "=== Het einde van dit leven"),
        ("sv_SE.UTF-8", "=== Dag 1 av 3 ", "=== Slutet på det här livet"),
        ("de_DE.UTF-8", "=== Day 1 of 3 ", "=== The end of this life"),  # a language the game lacks: English
    ],
)
def test_the_locale_alone_chooses_the_language(tmp_path: Path, locale: str, day_one: str, end: str) -> None:
    """``LANG=nl_NL.UTF-8 citizen play --plain``, as a new player's shell runs it: no --lang, no CITIZEN_*
    setting, no settings file (the platform's config folder is a new, empty one)."""
    citizen = Path(sys.executable).with_name("citizen")
    home = tmp_path / "home"
    env = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "XDG_STATE_HOME": str(home / ".local" / "state"),
        "LANG": locale,
    }
    result = subprocess.run(
        [str(citizen), "play", "--plain", "--scenario", "rongcheng_worker", "--seed", "7", "--days", "3", "--no-save"],
        input=_answers("rules"),
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert day_one in result.stdout and end in result.stdout, result.stdout[:1500]
    assert not list(home.rglob("config.toml")), "choosing by the locale writes no setting"
