"""The engine and the writers' tools must not drag in the UI (fast start, pure core)."""

from __future__ import annotations

import subprocess
import sys

import pytest

CHECK = (
    "import sys; {code}; "
    "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich') or m.startswith('game.tui')); "
    "print(bad); sys.exit(1 if bad else 0)"
)


def run(code: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", CHECK.format(code=code)], capture_output=True, text=True, timeout=60)


@pytest.mark.parametrize(
    "code",
    [
        "import game.engine.life, game.engine.scoring, game.engine.effects, game.engine.selection",
        "import game.packs.loader",
        "from game.cli import main; main(['validate', '-q', 'content'])",
    ],
)
def test_no_ui_imported(code: str) -> None:
    result = run(code)
    assert result.returncode == 0, result.stdout + result.stderr
