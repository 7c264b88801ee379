"""Shared fixtures: the built-in content, and tiny packs written for one test."""

from __future__ import annotations

import os
import shutil
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from game.engine.content import Content
from game.engine.life import Life, replay
from game.packs.loader import load_content
from game.packs.problems import PackError

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
FIXTURE_PACKS = Path(__file__).resolve().parent / "packs"


@pytest.fixture(scope="session")
def builtin() -> Content:
    """All built-in packs, loaded once."""
    return load_content([CONTENT])


@pytest.fixture(scope="session")
def mini() -> Content:
    """The small test world in tests/packs/mini: every feature, known numbers."""
    return load_content([FIXTURE_PACKS / "mini"])


PackWriter = Callable[..., Path]


@pytest.fixture
def write_pack(tmp_path: Path) -> PackWriter:
    """Write a pack folder: ``write_pack("id", {"file.toml": "..."})``; pack.toml is added if missing."""

    def write(pack_id: str = "t", files: dict[str, str | bytes] | None = None, depends: list[str] | None = None) -> Path:
        folder = tmp_path / pack_id
        folder.mkdir(parents=True, exist_ok=True)
        files = dict(files or {})
        if "pack.toml" not in files:
            deps = ", ".join(f'"{d}"' for d in depends or [])
            files["pack.toml"] = f'[pack]\nid = "{pack_id}"\nname = "Test pack {pack_id}"\ndepends = [{deps}]\n'
        for name, text in files.items():
            path = folder / name
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(text, bytes):
                path.write_bytes(text)
            else:
                path.write_text(textwrap.dedent(text), encoding="utf-8")
        return folder

    return write


@pytest.fixture
def coast(tmp_path: Path) -> Callable[[str], Path]:
    """The coast pack (tests/packs/coast: a calm day, a storm, a gull, and an arrival and a boat to stage), copied
    with a ``scenarios.toml`` of the test's own: ``coast(scenarios_text)``."""

    def write(scenarios: str) -> Path:
        folder = tmp_path / "coast"
        shutil.copytree(FIXTURE_PACKS / "coast", folder, dirs_exist_ok=True)
        (folder / "scenarios.toml").write_text(textwrap.dedent(scenarios), encoding="utf-8")
        return folder

    return write


def refused_at(folder: Path, file: str, message: str) -> str:
    """Load the pack ``folder``, which must be refused with a problem saying ``message`` in ``file``: the line of
    ``file`` that problem points at."""
    with pytest.raises(PackError) as caught:
        load_content([folder])
    found = [p for p in caught.value.problems if message in p.message]
    assert found, caught.value.problems
    assert found[0].file.endswith(file), found[0]
    return (folder / file).read_text(encoding="utf-8").splitlines()[found[0].line - 1]


def plain_played(life: Life, typed: str, *, intro: bool = False) -> str:
    """What ``citizen play --plain`` prints playing ``life`` on the lines ``typed`` (after its opening, with
    ``intro``)."""
    import io

    from game.play import Session
    from game.tools.plain import PlainGame

    out = io.StringIO()
    game = PlainGame(Session.of(life), out)
    if intro:
        game.intro()
    game.play(io.StringIO(typed))
    return out.getvalue()


def assert_replays(life: Life) -> None:
    """The life's choices, replayed from its setup, give the same life."""
    again = replay(life.content, life.setup, [(e, c) for _d, e, c in life.state.log]).life
    assert again.state.log == life.state.log and again.state.rng == life.state.rng


@pytest.fixture(scope="session", autouse=True)
def _saves_elsewhere(tmp_path_factory: pytest.TempPathFactory) -> None:
    """No test (nor the ``citizen`` processes tests start) writes into the player's saves folder."""
    os.environ["CITIZEN_SAVES"] = str(tmp_path_factory.mktemp("saves"))


@pytest.fixture(scope="session", autouse=True)
def _state_elsewhere(tmp_path_factory: pytest.TempPathFactory) -> None:
    """No test (nor the ``citizen`` processes tests start) writes crash logs into the player's state folder."""
    os.environ["CITIZEN_STATE"] = str(tmp_path_factory.mktemp("state"))


@pytest.fixture(scope="session", autouse=True)
def _cache_elsewhere(tmp_path_factory: pytest.TempPathFactory) -> None:
    """No test (nor the ``citizen`` processes tests start) writes into the player's cache folder."""
    os.environ["CITIZEN_CACHE"] = str(tmp_path_factory.mktemp("cache"))


@pytest.fixture(scope="session", autouse=True)
def _settings_elsewhere(tmp_path_factory: pytest.TempPathFactory) -> None:
    """No test reads or writes the player's settings file, and no CITIZEN_* setting of the shell leaks in."""
    os.environ["CITIZEN_CONFIG"] = str(tmp_path_factory.mktemp("config") / "config.toml")
    for variable in ("CITIZEN_THEME", "CITIZEN_LANGUAGE", "CITIZEN_SCENARIO"):
        os.environ.pop(variable, None)


@pytest.fixture(scope="session", autouse=True)
def _english_locale() -> None:
    """The game speaks English in tests unless a test asks for another language: the shell's locale
    (say LANG=sv_SE.UTF-8 on a Swedish machine) does not leak in."""
    for variable in ("LC_ALL", "LC_MESSAGES", "CITIZEN_LANG_STRICT"):
        os.environ.pop(variable, None)
    os.environ["LANG"] = "C.UTF-8"
