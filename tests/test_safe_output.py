"""Nasty strings in every field that can reach a terminal, through every command: nothing escapes.

The corpus goes into a copy of the mini pack (every text field, unit, version, license,
languages), a save (its fields and its file name), a workshop file (title and prompts) and
keys echoed by ``validate``. Each command's whole output, stdout and stderr, is checked for
ESC, BEL, other C0 and C1 controls and bidi controls.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from rich.text import Text

from game import cli
from game.safe_text import UNSAFE, clean, console, styled, to_plain
from tests.conftest import FIXTURE_PACKS

NASTY = [
    "\x1b]0;pwned title\x07",
    "\x1b]52;c;cHduZWQ=\x07",
    "\x1b[2J\x1b[H",
    "\x9b31m\x9d0;c1\x9c",
    "\u202eevil\u202c",
    "\u2066iso\u2069\u200f",
    "\r\x08\x7f",
    "\\[/b]",
    ":smile:",
    "[link=file:///etc/passwd]x[/link]",
    "a\\b\\\\c",
    "[@click=app.quit]q[/]",
]
PAYLOAD = "".join(NASTY)
TEXT_KEYS = ("name", "title", "label", "text", "description", "source", "category", "relation", "job", "home")
SHORT = "\x1b]0;t\x07\u202e\x9b"
"""What fits in the shortest strings (a unit may have 16 characters, a version 64)."""


def toml_string(text: str) -> str:
    return json.dumps(text)  # a JSON string with \u escapes is a TOML basic string


def assert_clean(output: str) -> None:
    bad = sorted({f"U+{ord(c):04X}" for c in UNSAFE.findall(output)})
    assert not bad, f"unsafe characters reached the output: {bad}"


@pytest.fixture
def nasty_pack(tmp_path: Path) -> Path:
    folder = tmp_path / "nasty"
    shutil.copytree(FIXTURE_PACKS / "mini", folder)
    shutil.rmtree(folder / "lang", ignore_errors=True)  # its translations' source hashes would go stale below
    key = re.compile(r"^(\s*(?:" + "|".join(TEXT_KEYS) + r')\s*=\s*)"([^"\n]*)"', re.M)
    for path in folder.glob("*.toml"):
        text = key.sub(lambda m: m.group(1) + toml_string(m.group(2) + PAYLOAD), path.read_text(encoding="utf-8"))
        short = re.compile(r'^((?:unit|version) = )"([^"]*)"', re.M)
        text = short.sub(lambda m: m.group(1) + toml_string(m.group(2) + SHORT), text)
        path.write_text(text, encoding="utf-8")
    meta = folder / "pack.toml"
    meta.write_text(
        meta.read_text(encoding="utf-8")
        + f"license = {toml_string('MIT' + PAYLOAD[:60])}\nauthors = [{toml_string('Ann' + PAYLOAD[:60])}]\n",
        encoding="utf-8",
    )
    return folder


@pytest.fixture
def run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    monkeypatch.setenv("CITIZEN_CONTENT", str(tmp_path / "nasty"))
    monkeypatch.setenv("CITIZEN_PACKS", str(tmp_path / "no-packs"))
    monkeypatch.setenv("CITIZEN_SAVES", str(tmp_path / "saves"))

    def run(*argv: str, stdin: str = "") -> str:
        import io
        import sys

        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        code = cli.main(list(argv))
        out, err = capsys.readouterr()
        assert "Traceback" not in err, err
        assert_clean(out + err)
        return f"{code}\n{out}{err}"

    return run


def test_the_sanitiser_removes_every_unsafe_character() -> None:
    for text in NASTY:
        assert UNSAFE.search(clean(text)) is None
        assert UNSAFE.search(to_plain(text)) is None
        assert UNSAFE.search(styled(text).plain) is None


def test_pack_text_renders_literally() -> None:
    assert styled("\\[/b]").plain == "\\"  # no crash: a closing tag that closes nothing is dropped
    assert styled("\\[/x]").plain == "\\[/x]"  # no doubled backslash
    assert styled(":smile:").plain == ":smile:"  # no emoji
    assert styled("a\\b").plain == "a\\b"
    assert styled("[link=x]y[/link]").plain == "[link=x]y[/link]"
    shown = styled("[b]bold [red]red[/b] still red")
    assert shown.plain == "bold red still red"
    assert [(s.start, s.end, str(s.style)) for s in shown.spans] == [(0, 5, "bold"), (5, 8, "bold red"), (8, 18, "red")]
    assert styled("[/b]x[i]").plain == "x"


def test_rich_console_cleans_every_segment_and_parses_no_markup(tmp_path: Path) -> None:
    import io

    buffer = io.StringIO()
    out = console(file=buffer, force_terminal=True, width=200)
    out.print(PAYLOAD)
    out.print(Text(PAYLOAD))
    from rich.table import Table

    table = Table(title=PAYLOAD)
    table.add_column(PAYLOAD)
    table.add_row(PAYLOAD)
    out.print(table)
    written = buffer.getvalue()
    assert ":smile:" in written and "\\[/b]" in written and "[link=file:///etc/passwd]" in written
    rich_own = re.sub(r"\x1b\[[0-9;]*m", "", written)  # Rich's own colour codes are allowed
    assert_clean(rich_own)


def test_validate_packs_and_simulate_say_nothing_unsafe(nasty_pack: Path, run) -> None:
    assert run("validate", str(nasty_pack)).startswith("0")
    assert run("packs", "--pack", str(nasty_pack)).startswith("0")
    assert run("packs", "--json", "--pack", str(nasty_pack)).startswith("0")
    assert run("simulate", "--runs", "3").startswith("0")
    assert run("simulate", "--runs", "3", "--json").startswith("0")


def test_keys_echoed_by_validate_are_cleaned(write_pack, run) -> None:
    world = f'[stats.{toml_string("x" + PAYLOAD)}]\nname = "x"\n[{toml_string(NASTY[0])}]\na = 1\n'
    pack = write_pack("keys", {"world.toml": world})
    result = run("validate", str(pack))
    assert result.startswith("1") and "error" in result


def test_plain_play_saves_and_debrief_say_nothing_unsafe(nasty_pack: Path, run, tmp_path: Path) -> None:
    played = run("play", "--plain", "--seed", "3", "--player", "Ana" + NASTY[0], stdin="1\n1\n2\n1\n")
    assert played.startswith("0")
    saves = tmp_path / "saves"
    slot = next(saves.glob("*.json"))
    run("saves")
    run("saves", "check", slot.stem)
    run("play", "--plain", "--continue", stdin="1\n")
    run("debrief", str(slot))
    run("debrief", str(slot), "--md", "-")


def test_save_fields_and_file_names_are_cleaned(nasty_pack: Path, run, tmp_path: Path) -> None:
    run("play", "--plain", "--seed", "3", "--save-as", "good", stdin="1\n")
    saves = tmp_path / "saves"
    data = json.loads((saves / "good.json").read_text(encoding="utf-8"))
    data["setup"]["scenario"] = "gone" + PAYLOAD
    data["player"] = PAYLOAD
    (saves / ("odd" + NASTY[0].replace("/", "") + ".json")).write_text(json.dumps(data), encoding="utf-8")
    run("saves")
    for name in [p.stem for p in saves.glob("odd*.json")]:
        run("saves", "check", name)
        run("play", "--plain", "--load", name, stdin="1\n")


def test_workshop_title_and_prompts_are_cleaned(nasty_pack: Path, run, tmp_path: Path) -> None:
    made = tmp_path / "ws.toml"
    run("workshop", "new", str(made))
    text = made.read_text(encoding="utf-8")
    text = re.sub(r'^title = ".*"$', lambda m: f"title = {toml_string('Class' + PAYLOAD)}", text, count=1, flags=re.M)
    made.write_text(text, encoding="utf-8")
    run("validate", str(made))
    run("play", "--plain", "--workshop", str(made), stdin="Wang" + NASTY[0] + "\n1\n1\n")


async def test_the_tui_draws_no_unsafe_character(nasty_pack: Path, tmp_path: Path) -> None:
    from textual.geometry import Region

    from game.engine.state import Setup
    from game.packs.loader import load_content
    from game.saves import SaveStore
    from game.tui.run import make_app

    content = load_content([nasty_pack])
    app = make_app(content, Setup("life", 1), saves=SaveStore(tmp_path / "tui-saves"), start=True)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        for keys in ((), ("1",), ("enter",), ("r",)):
            for key in keys:
                await pilot.press(key)
            await pilot.pause()
            drawn = []
            for widget in app.screen.query("*"):
                region = Region(0, 0, widget.size.width, widget.size.height)
                if region.area:
                    drawn.extend(seg.text for strip in widget.render_lines(region) for seg in strip if not seg.control)
            text = "".join(drawn)
            assert "pwned title" in text or "evil" in text or keys  # pack text is really on screen
            assert_clean(text)
