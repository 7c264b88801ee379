"""The day screen in Swedish and Dutch (tests/packs/mini with its partial lang/ translations, seed 1, 80×24).

The mini pack's translations leave a few strings out on purpose: those show in English, the fallback.
Update after an intended change: ``pytest tests/test_tui_languages.py --snapshot-update``, then look at the SVGs.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from conftest import FIXTURE_PACKS
from test_tui_snapshots import play, settle
from textual.pilot import Pilot

from game.engine.state import Setup
from game.packs.loader import load_content
from game.strings import use_language
from game.tui.labels import relabel
from game.tui.run import make_app


@pytest.fixture
def speak() -> Iterator[object]:
    yield use_language
    use_language("en")
    relabel(make_app(load_content([FIXTURE_PACKS / "mini"])))  # the screens' keys in English again


@pytest.mark.parametrize("code", ["sv", "nl"])
def test_day_screen_in_another_language(snap_compare, speak, code: str) -> None:  # type: ignore[no-untyped-def]
    speak(code)
    content = load_content([FIXTURE_PACKS / "mini"])  # in the game's language now
    assert content.events["hub"].title != "A hub"

    async def before(pilot: Pilot) -> None:
        relabel(pilot.app)  # the keys were labelled when this test process imported the screens, in English
        await play(pilot, ["1"])  # fined: grade D, the train locked
        await settle(pilot)

    assert snap_compare(make_app(content, Setup("life", 1), start=True), terminal_size=(80, 24), run_before=before)
