"""Snapshots of the main screens at 80×24 and 120×40 (tests/packs/mini, seed 1).

Update after an intended change of layout: ``pytest tests/test_tui_snapshots.py --snapshot-update``,
then look at the SVGs in tests/__snapshots__ before committing them.
"""

from __future__ import annotations

import pytest
from textual.pilot import Pilot

from game.engine.content import Content
from game.engine.state import Setup
from game.packs.loader import load_content
from game.tui.run import make_app
from game.tui.screens.day import DayScreen
from game.tui.screens.tier_modal import TierModal
from tests.conftest import FIXTURE_PACKS

SIZES = [(80, 24), (120, 40)]


async def play(pilot: Pilot, keys: list[str]) -> None:
    """Press each key on the day screen, closing tier-change modals as they come."""
    for key in keys:
        await pilot.press(key)
        await pilot.pause()
        while isinstance(pilot.app.screen, TierModal):
            await pilot.press("enter")
            await pilot.pause()


async def play_to_the_end(pilot: Pilot) -> None:
    await play(pilot, ["1", "2", "1"])
    for _ in range(20):
        if not isinstance(pilot.app.screen, DayScreen):
            break
        await play(pilot, ["enter"])


async def settle(pilot: Pilot) -> None:
    pilot.app.clear_notifications()
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_title(mini: Content, snap_compare, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(mini), terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_day(mini: Content, snap_compare, size: tuple[int, int]) -> None:
    async def before(pilot: Pilot) -> None:
        await play(pilot, ["1"])  # fined: grade D, the train locked
        await settle(pilot)

    assert snap_compare(make_app(mini, Setup("life", 1), start=True), terminal_size=size, run_before=before)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_record(mini: Content, snap_compare, size: tuple[int, int]) -> None:
    async def before(pilot: Pilot) -> None:
        await play(pilot, ["1", "2", "1", "r"])
        await settle(pilot)

    assert snap_compare(make_app(mini, Setup("life", 1), start=True), terminal_size=size, run_before=before)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_history(mini: Content, snap_compare, size: tuple[int, int]) -> None:
    async def before(pilot: Pilot) -> None:
        await play(pilot, ["1", "2", "1", "2", "1", "h"])
        await settle(pilot)

    assert snap_compare(make_app(mini, Setup("life", 1), start=True), terminal_size=size, run_before=before)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_end(mini: Content, snap_compare, size: tuple[int, int]) -> None:
    async def before(pilot: Pilot) -> None:
        await play_to_the_end(pilot)
        await settle(pilot)

    assert snap_compare(make_app(mini, Setup("life", 1), start=True), terminal_size=size, run_before=before)


@pytest.fixture(scope="module")
def court_like() -> Content:
    return load_content([FIXTURE_PACKS / "court_like"])


@pytest.mark.parametrize("size", [(80, 24), (100, 30)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_long_choices_wrap(court_like: Content, snap_compare, size: tuple[int, int]) -> None:
    """Fix 3: the court life's '23 million' event: long labels and a long lock reason wrap beneath their first word."""

    async def before(pilot: Pilot) -> None:
        await settle(pilot)

    assert snap_compare(make_app(court_like, Setup("court", 1), start=True), terminal_size=size, run_before=before)


def test_day_in_the_light_theme(mini: Content, snap_compare) -> None:
    """Fix 16: the light theme's headings, barred privileges and goals in colours dark enough to read."""

    async def before(pilot: Pilot) -> None:
        await play(pilot, ["1"])
        await settle(pilot)

    app = make_app(mini, Setup("life", 1), start=True, theme="light")
    assert snap_compare(app, terminal_size=(80, 24), run_before=before)


def test_the_sidebar_groups_what_a_list_bars(court_like: Content, snap_compare) -> None:
    """Fix 7: eight privileges one list bars take one line, so money, goals and lists stay on screen at 80×24."""

    async def before(pilot: Pilot) -> None:
        await settle(pilot)

    app = make_app(court_like, Setup("court", 1), start=True)
    assert snap_compare(app, terminal_size=(80, 24), run_before=before)
