"""``citizen validate --deep``: simulation findings as warnings at the line of what they are about."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from game.cli import main
from game.packs.reader import display_path

SIM = Path(__file__).resolve().parent / "packs" / "sim"


def line_of(path: Path, text: str, before: str = "") -> int:
    """The line of ``text``; with ``before``, the last line starting with ``before`` above it."""
    lines = path.read_text(encoding="utf-8").splitlines()
    index = next(i for i, line in enumerate(lines) if line.strip() == text)
    if before:
        index = max(i for i in range(index) if lines[i].startswith(before))
    return index + 1


def test_deep_warns_with_file_and_line(capsys) -> None:
    assert main(["validate", "--deep", str(SIM)]) == 0  # warnings do not fail validation
    out = capsys.readouterr().out.splitlines()
    ev, world = SIM / "events.toml", SIM / "world.toml"
    shown_ev, shown_world = display_path(ev), display_path(world)
    event_line = {e: line_of(ev, f'id = "{e}"', "[[event]]") for e in ("ghost", "trap")}
    choice_line = {c: line_of(ev, f'id = "{c}"', "[[event.choice]]") for c in ("locked", "hidden")}
    scenario_line = {s: line_of(world, f"[scenarios.{s}]") for s in ("town_life", "cell_life")}
    expected = {
        f"{shown_ev}:{event_line['ghost']}: warning: event 'ghost' never fired",
        f"{shown_ev}:{event_line['trap']}: warning: event 'trap' never fired",
        f"{shown_ev}:{choice_line['locked']}: warning: choice 'walk/locked' was locked",
        f"{shown_ev}:{choice_line['hidden']}: warning: choice 'walk/hidden' was never shown",
        f"{shown_world}:{scenario_line['town_life']}: warning: scenario 'town_life' has dead ends",
        f"{shown_world}:{scenario_line['cell_life']}: warning: scenario 'cell_life' has dead ends",
    }
    for prefix in expected:
        assert any(line.startswith(prefix) for line in out), f"missing: {prefix}\n" + "\n".join(out)
    assert "in 100 of 100 simulated lives, 100 days in all; most often day 4 (100 lives)" in "\n".join(out)
    assert out[-1] == "ok: 1 packs, 5 events, 2 rules, 2 scenarios; 6 warning(s)"


def test_without_deep_there_is_no_simulation(capsys) -> None:
    assert main(["validate", str(SIM)]) == 0
    assert capsys.readouterr().out.strip() == "ok: 1 packs, 5 events, 2 rules, 2 scenarios"


def test_a_clean_pack_gets_no_warning(tmp_path: Path, capsys) -> None:
    assert main(["new-pack", "clean", "--dir", str(tmp_path)]) == 0
    capsys.readouterr()
    assert main(["validate", "--deep", str(tmp_path / "clean")]) == 0
    assert "warning" not in capsys.readouterr().out


def test_errors_stop_before_the_simulation(write_pack, capsys) -> None:
    folder = write_pack("broken", {"a.toml": "[stats.x]\nnmae = 'X'\n"})
    assert main(["validate", "--deep", str(folder)]) == 1
    out = capsys.readouterr()
    assert "error: unknown key 'nmae'" in out.out and "warning" not in out.out


def test_deep_validation_does_not_import_the_ui() -> None:
    code = (
        f"from game.cli import main; main(['validate', '--deep', '-q', {str(SIM)!r}]); import sys; "
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')); print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
