"""Placeholders in pack text: filled in for the player's language, checked when the pack loads, kept by translations,
and shown literally whatever the value holds."""

# ruff: noqa: E501 (pack text in TOML strings runs long)
from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest

from game.cli import main
from game.engine.life import Life
from game.engine.state import Setup
from game.packs.interpolation import InterpolationError, Placeholder, parse
from game.packs.loader import load_content, validate
from game.play import Session, views
from game.present import Display
from game.safe_text import styled, to_plain
from game.strings import use_language
from game.tools.plain import PlainGame

PACK = {
    "world.toml": """
        [stats.money]
        name = "Money"
        start = 340
        unit = "¥"

        [systems.city]
        name = "City score"
        start = 1000
        [[systems.city.tiers]]
        id = "a"
        name = "Trusted"
        min = 1000
        [[systems.city.tiers]]
        id = "b"
        name = "Watched"
        min = 0
        [rules.city.fine]
        points = -5
        source = "Invented for this test."

        [characters.chen_yu]
        name = "Chen Yu"
        relation = "fiancée"

        [scenarios.town]
        name = "Town"
        days = 3
        start_date = "2019-10-05"
        systems = ["city"]
        [scenarios.town.character]
        name = "N"
        [[scenarios.town.goals]]
        id = "keep"
        text = "Keep {stat:money} by {weekday}"
        when = "stat.money >= 0"
        [[scenarios.town.endings]]
        id = "end"
        text = "{name:chen_yu} remembers {date}."

        [[event]]
        id = "market"
        title = "The {weekday} market"
        text = "It is {weekday}, {date}. {name:chen_yu} waves. You have {stat:money}; score {score:city}, grade {grade:city}. {{literal}}"
        repeatable = true
        [[event.choice]]
        id = "pay"
        label = "Pay out of your {stat:money}"
        text = "On {weekday} you paid."
        record = ["fine"]
        [[event.choice]]
        id = "wait"
        label = "Wait"
        enable_if = "stat.money >= 1000"
        locked_text = "{name:chen_yu} says {stat:money} is not enough."
    """
}

SV = """
[translation]
pack = "town"
language = "sv"

[strings]
"event.market.text" = { text = "Det är {weekday}, {date}. {name:chen_yu} vinkar. Du har {stat:money}; poäng {score:city}, betyg {grade:city}. {{literal}}" }
"""


@pytest.fixture
def language() -> Iterator[object]:
    yield use_language
    use_language("en")


@pytest.fixture
def town(write_pack) -> Path:
    return write_pack("town", PACK)


def _prompt_text(content: object) -> str:
    life = Life(content, Setup("town", 1))  # type: ignore[arg-type]
    view = views.prompt_view(life, Display())
    assert view is not None
    return to_plain(view.text)


def test_each_placeholder_is_filled_in_english(town: Path) -> None:
    text = _prompt_text(load_content([town]))
    assert text == "It is Saturday, 5 October 2019. Chen Yu waves. You have ¥340; score 1000, grade Trusted. {literal}"


def test_each_placeholder_is_filled_in_swedish(town: Path, language) -> None:
    (town / "lang").mkdir()
    (town / "lang" / "sv.toml").write_text(SV, encoding="utf-8")
    language("sv")
    text = _prompt_text(load_content([town], language="sv"))
    assert text.startswith("Det är lördag, 5 oktober 2019. Chen Yu vinkar. Du har ¥340; poäng 1\xa0000, betyg Trusted.")
    assert text.endswith("{literal}")


def test_labels_outcomes_locks_goals_and_endings_are_filled_in(town: Path) -> None:
    content = load_content([town])
    life = Life(content, Setup("town", 1))
    display = Display()
    view = views.prompt_view(life, display)
    assert view is not None
    assert view.row("pay").label == "Pay out of your \ue000¥340\ue000"  # the value is marked to show as written
    assert to_plain(view.row("pay").label) == "Pay out of your ¥340"
    assert view.row("wait").lock_text.endswith("Chen Yu says ¥340 is not enough.")
    assert [to_plain(g.text) for g in views.goal_rows(life)] == ["Keep ¥340 by Saturday"]
    notices = life.choose("pay")
    lines = views.notice_lines(life, notices, display)
    assert "On Saturday you paid." in lines  # said on day 1, a Saturday, though the life has moved on since
    assert to_plain(views.record_rows(life, display)[0].cause) == "The {weekday} market: Pay out of your ¥340"
    while life.prompt() is not None:
        life.choose("pay")
    assert [to_plain(t) for t in views.epilogue(life)] == ["Chen Yu remembers 7 October 2019."]


def test_plain_mode_shows_the_filled_in_text(town: Path) -> None:
    life = Life(load_content([town]), Setup("town", 1))
    out = io.StringIO()
    game = PlainGame(Session.of(life), out)
    game.intro()
    game.play(io.StringIO("1\n1\n1\n1\n1\n1\n"))
    text = out.getvalue()
    assert "It is Saturday, 5 October 2019. Chen Yu waves." in text
    assert "Keep ¥340 by Saturday" in text
    assert "Chen Yu remembers 7 October 2019." in text
    assert "{" not in text.replace("{literal}", "").replace("The {weekday} market", "")


def test_a_value_that_looks_like_markup_is_shown_literally(write_pack) -> None:
    files = {"world.toml": PACK["world.toml"].replace('name = "Chen Yu"', 'name = "[b]x[/b] [red]"')}
    content = load_content([write_pack("town", files)])
    life = Life(content, Setup("town", 1))
    view = views.prompt_view(life, Display())
    assert view is not None
    assert "[b]x[/b] [red] waves" in to_plain(view.text)  # plain mode: as written
    rendered = styled(view.text)  # the TUI: as written, and not bold nor red
    assert "[b]x[/b] [red] waves" in rendered.plain
    assert not rendered.spans
    around = write_pack("edge", {"world.toml": files["world.toml"].replace("{name:chen_yu} waves", "[{name:chen_yu}")})
    files_edge = load_content([around])
    edge_view = views.prompt_view(Life(files_edge, Setup("town", 1)), Display())
    assert edge_view is not None and not styled(edge_view.text).spans  # no tag forms across the value's edges


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("Hello {nmae:chen_yu}", "unknown placeholder '{nmae:chen_yu}': did you mean {name:chen_yu}?"),
        ("Hello {name:chen_yo}", "placeholder '{name:chen_yo}' names unknown character 'chen_yo' (did you mean {name:chen_yu}?)"),
        ("You have {stat:cash}", "names unknown stat 'cash'"),
        ("Grade {grade}", "placeholder '{grade}' needs an id, like {grade:rongcheng}"),
        ("On {weekday:monday}", "takes no id: write {weekday}"),
        ("A set {a, b}", "unknown placeholder '{a, b}'"),
        ("A brace { alone", "a '{' that starts no placeholder: write '{{'"),
        ("A brace } alone", "a '}' that closes no placeholder: write '}}'"),
        ("{name:Chen}", "is not written like {name:chen_yu}"),
    ],
)
def test_a_bad_placeholder_is_refused_with_file_and_line(write_pack, text: str, says: str) -> None:
    files = {"world.toml": PACK["world.toml"].replace('text = "On {weekday} you paid."', f'text = "{text}"')}
    folder = write_pack("town", files)
    content, problems = validate([folder])
    assert content is None
    found = [p for p in problems if says in p.message]
    assert found, [p.message for p in problems]
    lines = (folder / "world.toml").read_text(encoding="utf-8").splitlines()
    assert found[0].line == next(i for i, line in enumerate(lines, 1) if text in line)
    assert found[0].message.startswith("choice[0].text: ")


def test_braces_are_plain_in_titles_and_escaped_braces_are_one_brace() -> None:
    assert parse("{{x}} and }}") == ("{x} and }",)
    assert parse("a {weekday} b") == ("a ", Placeholder("weekday"), " b")
    with pytest.raises(InterpolationError):
        parse("{weekday")


def test_translate_check_flags_a_translation_that_drops_or_changes_a_placeholder(town: Path, capsys) -> None:
    assert main(["translate", "extract", str(town), "--lang", "nl"]) == 0
    nl = town / "lang" / "nl.toml"
    body = nl.read_text(encoding="utf-8")
    key = '"event.market.choice.pay.text" = { text = ""'
    assert key in body
    body = body.replace(key, '"event.market.choice.pay.text" = { text = "Op {weekdag} betaalde je."')
    key = '"event.market.choice.pay.label" = { text = ""'
    body = body.replace(key, '"event.market.choice.pay.label" = { text = "Betaal"')
    nl.write_text(body, encoding="utf-8")
    capsys.readouterr()
    assert main(["translate", "check", str(town), "--lang", "nl"]) == 1
    out = capsys.readouterr().out
    assert "the translation lacks {weekday} and adds {weekdag}" in out
    assert "the translation lacks {stat:money}" in out
