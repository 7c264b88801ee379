"""The TUI under stress: keys faster than anyone types, resizes down to 40×12 in between.

Checked: no crash; while the terminal is too small the game is covered by the
"enlarge the terminal" message, which goes once it is large enough again; no
choice is lost and none is made twice. A *landing* is a number key or Enter
handled by the day screen's choice list, recorded with the choices the screen
showed at that moment. Each shown event takes exactly the first landing on an
open choice, so the life's log must be exactly those first landings, one per
event; the choices shown must be the ones the engine offered then (replayed
from the log); and the state must equal a replay of its own log.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

import pytest
from rich.text import Text
from textual import events
from textual.drivers.headless_driver import HeadlessDriver
from textual.geometry import Size
from textual.pilot import Pilot

from game.engine.content import Content
from game.engine.life import Life, replay
from game.engine.state import Setup
from game.saves import SaveStore
from game.strings import S
from game.tui.messages import ChoiceMade
from game.tui.run import MIN_SIZE, CitizenApp, make_app
from game.tui.screens.day import DayScreen
from game.tui.screens.too_small import TooSmallScreen
from game.tui.widgets.event_card import ChoiceList

SIZE = (100, 32)
SIZES = [(40, 12), (10, 5), (79, 24), (80, 23), (60, 20), (80, 24), (100, 32), (132, 43)]
KEYS = [str(n) for n in range(1, 10)] * 3 + ["up", "down"] + ["enter", "escape"] * 4 + ["r", "h", "f", "question_mark", "f1"]
"""Mostly choices; the other screens, and Escape often enough to come back from them."""


@dataclass
class Landing:
    """A number key or Enter handled by the choice list: what it picked, on which shown choices."""

    life: Life
    turn: int
    n: int
    rows: tuple[tuple[str, bool], ...]  # (choice id, open) as shown

    def picks(self) -> str | None:
        """The choice this landing takes if it is the first on its event, else None (locked, or no such number)."""
        if 1 <= self.n <= len(self.rows) and self.rows[self.n - 1][1]:
            return self.rows[self.n - 1][0]
        return None


@pytest.fixture
def landings(monkeypatch: pytest.MonkeyPatch) -> list[Landing]:
    """Record every landing as it is handled (number keys: DayScreen.action_pick; Enter: the list's select)."""
    seen: list[Landing] = []

    def record(choices: ChoiceList, n: int) -> None:
        life = choices.app.session.life  # type: ignore[attr-defined]
        rows = tuple((row.choice_id, not row.reason) for row in getattr(choices, "rows", []))
        seen.append(Landing(life, choices.turn, n, rows))

    pick, select = DayScreen.action_pick, ChoiceList.action_select

    def action_pick(self: DayScreen, n: int) -> None:
        record(self.query_one(ChoiceList), n)
        pick(self, n)

    def action_select(self: ChoiceList) -> None:
        if self.highlighted is not None:
            record(self, self.highlighted + 1)
        select(self)

    monkeypatch.setattr(DayScreen, "action_pick", action_pick)
    monkeypatch.setattr(ChoiceList, "action_select", action_select)
    return seen


def send_keys(app: CitizenApp, keys: list[str]) -> None:
    """Queue ``keys`` at once, as a terminal would deliver them, without waiting for any to be handled."""
    for key in keys:
        char = {"question_mark": "?"}.get(key, key if len(key) == 1 else None)
        event = events.Key(key, char)
        event.set_sender(app)
        app.post_message(event)  # in order with the resizes (the driver's send_message would queue it later)


def send_resize(app: CitizenApp, width: int, height: int) -> None:
    """Resize the terminal in the middle of the keys (Pilot.resize_terminal without its pause)."""
    size = Size(width, height)
    if isinstance(app._driver, HeadlessDriver):
        app._driver._size = size
    app.post_message(events.Resize(size, size))


def too_small(size: tuple[int, int]) -> bool:
    return size[0] < MIN_SIZE[0] or size[1] < MIN_SIZE[1]


def check_cover(app: CitizenApp, size: tuple[int, int]) -> None:
    """The message covers the game exactly while the terminal is too small."""
    covers = [s for s in app.screen_stack if isinstance(s, TooSmallScreen)]
    if too_small(size):
        assert isinstance(app.screen, TooSmallScreen), [type(s).__name__ for s in app.screen_stack]
        assert len(covers) == 1, [type(s).__name__ for s in app.screen_stack]
        said = str(app.screen.query_one("#too-small").render())
        assert "enlarge the terminal" in said and f"{size[0]}×{size[1]}" in said
    else:
        assert not covers, [type(s).__name__ for s in app.screen_stack]


def check_lives(content: Content, lives: list[Life], seen: list[Landing]) -> int:
    """Each life's log is exactly the first open landing on each event, on the choices the engine offered; returns choices."""
    made = 0
    for life in lives:
        log = life.state.log
        assert replay(content, life.setup, [(e, c) for _, e, c in log]).life.state == life.state
        offered = []
        again = Life(content, life.setup)
        for _day, _event, choice in log:
            offered.append(tuple((cv.choice.id, cv.lock is None) for cv in again.prompt().choices))  # type: ignore[union-attr]
            again.choose(choice)
        view = again.prompt()
        offered.append(tuple((cv.choice.id, cv.lock is None) for cv in view.choices) if view else ())
        first: dict[int, str] = {}
        for landing in (x for x in seen if x.life is life):
            assert 0 <= landing.turn <= len(log), "a landing on choices from no event of this life"
            assert landing.rows == offered[landing.turn], f"turn {landing.turn}: the screen showed stale choices"
            if (choice := landing.picks()) is not None:
                first.setdefault(landing.turn, choice)
        taken = [choice for _, _, choice in log]
        assert [first.get(turn) for turn in range(len(log))] == taken, "a choice made twice, or made by no key"
        assert len(log) not in first, f"a choice was lost: {first.get(len(log))!r} landed on the waiting event"
        made += len(log)
    return made


async def new_life_if_over(app: CitizenApp, pilot: Pilot, lives: list[Life], scenario: str, seed: int) -> None:
    life = app.session.life
    if life is not None and life.ended:
        app.navigation.start_life(Setup(scenario, seed + len(lives)))
        await pilot.pause()
        assert app.session.life is not None
        lives.append(app.session.life)


@pytest.mark.parametrize("which", ["mini", "builtin"])
async def test_keys_faster_than_typing_with_resizes(which: str, request: pytest.FixtureRequest, landings, tmp_path: Path):
    content: Content = request.getfixturevalue(which)
    scenario = "life" if which == "mini" else next(iter(content.scenarios))
    rng = random.Random(f"stress-{which}")
    store = SaveStore(tmp_path)
    app = make_app(content, Setup(scenario, 11), saves=store, start=True)
    lives: list[Life] = []
    sent = 0
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.session.life is not None
        lives.append(app.session.life)
        size = SIZE
        for _burst in range(32):
            keys = [rng.choice(KEYS) for _ in range(rng.randint(4, 16))]
            if rng.random() < 0.3:  # a resize in the middle of the keys
                cut = rng.randrange(len(keys))
                send_keys(app, keys[:cut])
                size = rng.choice(SIZES)
                send_resize(app, *size)
                send_keys(app, keys[cut:])
            else:
                send_keys(app, keys)
            sent += len(keys)
            await pilot.pause()
            await pilot.pause()
            check_cover(app, size)
            if too_small(size) and rng.random() < 0.75:
                size = SIZE
                await pilot.resize_terminal(*size)
                check_cover(app, size)
            if not too_small(size):
                await new_life_if_over(app, pilot, lives, scenario, 11)
        await pilot.resize_terminal(*SIZE)
        check_cover(app, SIZE)
        assert app.session.autosave()
        current = app.session.life
    assert sent >= 250
    made = check_lives(content, lives, landings)
    assert made >= 10, f"only {made} choices from {sent} keys: the stress did not reach the day screen"
    saved = store.load(app.session.slot, content).life
    assert saved is not None and current is not None and saved.state == current.state


async def test_each_key_typed_does_what_the_screen_shows(mini: Content, landings) -> None:
    """Keys one by one, each looked at first: a number on an open choice makes exactly one choice, anything else none."""
    rng = random.Random("one-by-one")
    app = make_app(mini, Setup("life", 5), start=True)
    lives: list[Life] = []
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        lives.append(app.session.life)  # type: ignore[arg-type]
        expected = 0
        for step in range(64):
            if step % 32 == 31:  # too small: the keys do nothing, the message stays on top, the game comes back
                under = app.screen
                await pilot.resize_terminal(40, 12)
                check_cover(app, (40, 12))
                before = len(app.session.life.state.log), list(app.screen_stack)  # type: ignore[union-attr]
                await pilot.press("1", "2", "question_mark", "f1", "r", "h", "f", "enter", "escape")
                await pilot.pause()
                check_cover(app, (40, 12))
                assert (len(app.session.life.state.log), app.screen_stack) == before, "keys went through the message"  # type: ignore[union-attr]
                await pilot.resize_terminal(*SIZE)
                check_cover(app, SIZE)
                assert app.screen is under
                continue
            key = rng.choice(KEYS)
            life = app.session.life
            assert life is not None
            view = life.prompt()
            before = len(life.state.log)
            takes = False
            if isinstance(app.screen, DayScreen) and view is not None:
                if key.isdigit():
                    n = int(key)
                    takes = n <= len(view.choices) and view.choices[n - 1].lock is None
                elif key == "enter" and app.focused is app.screen.query_one(ChoiceList):
                    takes = app.screen.query_one(ChoiceList).highlighted is not None
            await pilot.press(key)
            await pilot.pause()
            assert len(life.state.log) == before + takes, f"step {step}: {key!r} on {type(app.screen).__name__}"
            expected += takes
            await new_life_if_over(app, pilot, lives, "life", 5)
    assert expected >= 10
    assert check_lives(mini, lives, landings) == expected


async def test_the_too_small_message_keeps_the_game_beneath_and_in_order(mini: Content) -> None:
    """A tier change or the end that comes while the terminal is too small waits beneath the message."""
    app = make_app(mini, Setup("life", 1, days=1), start=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        choices = app.screen.query_one(ChoiceList)
        await pilot.resize_terminal(40, 12)
        check_cover(app, (40, 12))
        choices.post_message(ChoiceMade("hub", "fine", 0))  # a key typed just before: a tier modal, then the end
        await pilot.pause()
        await pilot.pause()
        assert app.session.life is not None and app.session.life.state.log == [(1, "hub", "fine")]
        check_cover(app, (40, 12))
        assert S["too_small"].split("{")[0] in str(app.screen.query_one("#too-small").render())
        await pilot.resize_terminal(*SIZE)
        check_cover(app, SIZE)
        assert type(app.screen).__name__ == "TierModal"
        await pilot.resize_terminal(40, 12)
        await pilot.press("enter")  # goes nowhere: the modal is beneath the message
        check_cover(app, (40, 12))
        await pilot.resize_terminal(*SIZE)
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "EndScreen"
        check_cover(app, SIZE)


async def test_a_screen_closed_by_a_quick_key_before_it_is_shown(mini: Content, tmp_path: Path) -> None:
    """Enter held down can close a screen before it is mounted: its on_mount must then do nothing, not fail."""
    from game.play.views import TierChange, record_rows
    from game.tui.screens.ask import AskScreen
    from game.tui.screens.end import EndScreen
    from game.tui.screens.friends import FriendsScreen
    from game.tui.screens.help import HelpScreen
    from game.tui.screens.history import HistoryScreen
    from game.tui.screens.load import LoadScreen
    from game.tui.screens.new_life import NewLifeScreen
    from game.tui.screens.quit import QuitScreen
    from game.tui.screens.record import RecordDetail, RecordScreen
    from game.tui.screens.save_as import SaveAsScreen
    from game.tui.screens.tier_modal import TierModal

    app = make_app(mini, Setup("life", 1), saves=SaveStore(tmp_path), start=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        life = app.session.life
        assert life is not None
        screens = [
            TierModal(TierChange("City score", None, None, True, (), ())),
            QuitScreen("?"),
            AskScreen("?", "?", [("yes", "Yes")]),
            RecordScreen(mini, record_rows(life, app.session.display), app.session.display),
            FriendsScreen(life, app.session.display),
            LoadScreen(mini, app.session),
            NewLifeScreen(mini, None),
            TooSmallScreen(*MIN_SIZE),
            DayScreen(app.session, []),
            HelpScreen(),
            HistoryScreen(life, app.session.display),
            EndScreen(life, app.session.display),
            RecordDetail(Text("?")),
            SaveAsScreen("?"),
        ]
        for screen in screens:
            app.push_screen(screen)
            app.pop_screen()  # before it was mounted
            await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, DayScreen)
