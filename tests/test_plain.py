"""The plain-text game, driven like a script would drive it."""

from __future__ import annotations

import io
import subprocess
import sys

from game.engine.life import Life
from game.engine.state import Setup
from game.play import Session, views
from game.tools.plain import PlainGame

ANSWERS = "1\n2\n1\n2\n1\n2\n1\n2\n1\n2\n"


def citizen(*args: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "game", *args], input=stdin, capture_output=True, text=True, timeout=60)


def test_five_days_are_played_and_replay_identically() -> None:
    first = citizen("play", "--plain", "--seed", "7", "--days", "5", stdin=ANSWERS * 3)
    second = citizen("play", "--plain", "--seed", "7", "--days", "5", stdin=ANSWERS * 3)
    assert first.returncode == 0, first.stderr
    assert first.stdout == second.stdout
    assert "=== Day 5 of 5" in first.stdout
    assert "The end of this life" in first.stdout
    other = citizen("play", "--plain", "--seed", "8", "--days", "5", stdin=ANSWERS * 3)
    assert other.stdout != first.stdout


def test_end_of_input_ends_cleanly() -> None:
    result = citizen("play", "--plain", "--seed", "7", "--days", "5", stdin="1\n")
    assert result.returncode == 0
    assert "Input ended" in result.stdout
    assert "Traceback" not in result.stderr


def test_bad_and_locked_answers_are_explained(mini) -> None:
    life = Life(mini, Setup("life", 1, days=2))
    out = io.StringIO()
    game = PlainGame(Session.of(life), out)
    game.play(io.StringIO("x\n99\n1\n3\n2\n"))
    text = out.getvalue()
    assert "Please type a number from 1 to 8." in text
    assert "3. [locked] Take the train — Grade D — barred from High-speed rail (City score)" in text
    assert "That choice is locked: Grade D — barred from High-speed rail (City score)" in text
    assert "-60 fine (City score) → 40" in text.replace("Fine", "fine")
    assert "The end of this life" in text


def test_unknown_scenario_is_one_clear_message() -> None:
    result = citizen("play", "--plain", "--scenario", "nowhere")
    assert result.returncode == 2
    assert "unknown scenario 'nowhere'" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_end_says_in_words_what_the_other_rules_did() -> None:
    result = citizen("play", "--plain", "--scenario", "elsewhere_mirror", "--seed", "3", "--days", "4", stdin=ANSWERS * 4)
    assert result.returncode == 0, result.stderr
    end = result.stdout.split("The same life under other rules:")[1]
    assert "Under Credit bureau (FICO/SCHUFA style):" in end
    assert "It never saw" in end or "it recorded nothing about you" in end or "It counted these" in end


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_typed_number_is_echoed_once(mini) -> None:
    """At a terminal the number the player typed is already on screen; piped input is echoed for the transcript."""
    for lines, echoed in ((_Terminal("1\n"), 0), (io.StringIO("1\n"), 1)):
        out = io.StringIO()
        game = PlainGame(Session.of(Life(mini, Setup("life", 1, days=1))), out)
        game._read_choice(views.prompt_view(game.life, game.display), lines)
        after_prompt = out.getvalue().split(": ", 1)[1]
        assert after_prompt.count("1\n") == echoed, (echoed, out.getvalue())
