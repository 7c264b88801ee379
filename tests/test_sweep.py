"""Fresh hostile cases found in the session-5 sweep of issue 13 (one class × command each), kept as tests."""

from __future__ import annotations

from pathlib import Path

from game import cli
from game.safe_text import is_clean

WORLD = """
[stats.money]
name = "Money"
"""


def test_a_pack_file_named_with_a_newline_and_escapes_is_one_line_that_shows_them(write_pack, capsys) -> None:
    """Before, the name was cleaned but its newline split the message: '…ev]0;pwn' and then 'x.toml:2: error'."""
    folder = write_pack("t", {"world.toml": WORLD})
    (folder / "ev\x1b]0;pwn\x07\u202e\nx.toml").write_text("[[event]]\nid = 3\n", encoding="utf-8")
    assert cli.main(["validate", str(folder)]) == 1
    out = capsys.readouterr().out
    [line] = [line for line in out.splitlines() if "must be text in quotes" in line]
    assert "ev\\x1b]0;pwn\\x07\\u202e\\x0ax.toml:2: error: `id` must be text in quotes" in line
    assert is_clean(out)


def test_problem_files_are_shown_visibly_everywhere_a_problem_is_printed(tmp_path: Path) -> None:
    from game.packs.problems import Problem

    shown = str(Problem(str(tmp_path / "a\nb.toml"), 3, "x"))
    assert "\n" not in shown and shown.endswith("a\\x0ab.toml:3: error: x")


def test_a_saves_folder_that_is_a_file_is_named_as_such(tmp_path: Path, capsys, monkeypatch) -> None:
    """Before: `saves` said 'No saved life in …' and play said 'cannot lock the save: File exists'."""
    import io

    not_a_folder = tmp_path / "saves"
    not_a_folder.write_text("a file")
    monkeypatch.setenv("CITIZEN_SAVES", str(not_a_folder))
    assert cli.main(["saves"]) == 1
    said = f"the saves folder {not_a_folder} is not a folder (a file, pipe or device is there); choose another with --saves"
    assert said in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin", io.StringIO("1\n" * 10))
    assert cli.main(["play", "--plain", "--seed", "1", "--days", "1"]) == 1
    assert said in capsys.readouterr().err
    assert not_a_folder.read_text() == "a file"


def test_a_workshop_saves_folder_with_escapes_is_refused_and_validate_says_where_saves_go(tmp_path: Path, capsys) -> None:
    """Before: the game made a folder named with ESC and BEL beside the workshop file; the teacher could not see where."""
    workshop = tmp_path / "class.toml"
    assert cli.main(["workshop", "new", str(workshop)]) == 0
    capsys.readouterr()
    assert cli.main(["validate", str(workshop)]) == 0
    assert f"; saves go to {tmp_path / 'saves'}" in capsys.readouterr().out
    text = workshop.read_text(encoding="utf-8")
    workshop.write_text(text.replace('saves = "saves"', 'saves = "s\\u001b]0;x\\u0007"'), encoding="utf-8")
    assert cli.main(["validate", str(workshop)]) == 1
    assert "saves: the folder 's\\x1b]0;x\\x07' has control characters in its name" in capsys.readouterr().out
    assert sorted(p.name for p in tmp_path.iterdir()) == ["class.toml", "schema"]


def test_a_rich_table_piped_into_head_ends_quietly_with_0(tmp_path: Path) -> None:
    """`citizen simulate | head -1` exited 1 (Rich's on_broken_pipe); plain output already ended with 0."""
    import os
    import subprocess
    import sys

    from conftest import FIXTURE_PACKS

    env = {**os.environ, "CITIZEN_CONTENT": str(FIXTURE_PACKS / "mini"), "CITIZEN_SAVES": str(tmp_path)}
    pipeline = f"set -o pipefail; {sys.executable} -m game simulate --runs 40 | head -1"
    done = subprocess.run(["/bin/bash", "-c", pipeline], env=env, capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.count("\n") == 1


def test_a_save_file_named_with_a_newline_cannot_forge_a_line_of_the_list(tmp_path: Path, mini, capsys) -> None:
    """A save copied in under the name 'evil\\n  injected · fake line' listed as two saves, one of them forged."""
    from game.engine.life import Life
    from game.engine.state import Setup
    from game.saves import SaveStore
    from game.tools.saves import row

    store = SaveStore(tmp_path)
    store.save("ana", Life(mini, Setup("life", 1)))
    forged = tmp_path / "evil\n  injected · fake line\x1b]0;x\x07.json"
    forged.write_bytes(store.path("ana").read_bytes())
    rows = [row(info) for info in store.list()]
    assert len(rows) == 2 and all("\n" not in r for r in rows)
    assert any(r.startswith("  evil\\x0a  injected · fake line\\x1b]0;x\\x07 · ") for r in rows), rows
