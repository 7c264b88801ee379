"""The engine and the writers' tools must not drag in the UI (fast start, pure core)."""

from __future__ import annotations

import subprocess
import sys

import pytest

CHECK = (
    "import sys, io, contextlib; {code}; "
    "bad = sorted(m for m in sys.modules if m.split('.')[0] in {forbidden!r} or m.startswith('game.tui')); "
    "print(bad); sys.exit(1 if bad else 0)"
)
UI = ("textual", "rich")


def run(code: str, forbidden: tuple[str, ...]) -> subprocess.CompletedProcess:
    script = CHECK.format(code=code, forbidden=forbidden)
    return subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize(
    ("code", "forbidden"),
    [
        ("import game.engine.life, game.engine.scoring, game.engine.effects, game.engine.selection", UI),
        ("import game.packs.loader", UI),
        ("from game.cli import main; main(['validate', '-q', 'content'])", UI),
        # simulate draws Rich tables, but never loads the TUI
        ("from game.cli import main; main(['simulate', '--runs', '3', '--scenario', 'all', '--json'])", ("textual",)),
    ],
)
def test_no_ui_imported(code: str, forbidden: tuple[str, ...]) -> None:
    quiet = code.replace("; main(", "; contextlib.redirect_stdout(io.StringIO()).__enter__(); main(")  # the report is not read
    result = run(quiet, forbidden)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_save_layer_read_before_the_title_leaves_the_content_model_and_the_loader_alone() -> None:
    """Continue lists saves before the title; that must not import what only a life needs."""
    script = (
        "import sys; import game.saves, game.saves.format; "
        "bad = sorted(m for m in sys.modules if m in ('game.engine.content', 'game.engine.life', 'game.engine.selection') "
        "or m.startswith('game.packs')); print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
