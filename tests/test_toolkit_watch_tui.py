"""Live reload in the game screen: a saved edit shows up, a broken pack is reported and kept out."""

from __future__ import annotations

from pathlib import Path

from game.engine.state import Setup
from game.packs.loader import load_content
from game.tools.watch import LiveReload
from game.tui import live_reload
from game.tui.run import make_app
from game.tui.screens.day import DayScreen
from game.tui.widgets.event_card import ChoiceList
from tests.test_toolkit_watch import WORLD, save

SIZE = (100, 32)


async def test_the_day_screen_follows_the_pack(write_pack) -> None:
    pack: Path = write_pack("w", {"world.toml": WORLD.format(label="Ex")})
    save(pack / "world.toml", WORLD.format(label="Ex"), 0)
    live = LiveReload([pack], [pack])
    app = make_app(load_content([pack]), Setup("s", 1), start=True, watch=live)
    said: list[tuple[str, str]] = []
    async with app.run_test(size=SIZE) as pilot:
        app.notify = lambda message, **kw: said.append((message, kw.get("severity", "information")))  # type: ignore[method-assign]
        await pilot.press("1")
        await pilot.pause()
        before = app.session.life
        assert [c for _, _, c in before.state.log] == ["x"]

        save(pack / "world.toml", WORLD.format(label="Ex, rewritten"), 1)
        await pilot.pause(live_reload.INTERVAL * 1.6)  # the app's own timer notices
        assert app.session.life is not before
        assert [c for _, _, c in app.session.life.state.log] == ["x"]
        assert app.session.life.prompt().choices[0].choice.label == "Ex, rewritten"
        assert isinstance(app.screen, DayScreen)
        assert app.screen.query_one(ChoiceList).rows[0].label == "Ex, rewritten"  # redrawn
        assert said[-1] == ("Packs reloaded: all 1 choices replayed under the new content.", "information")

        good = app.session.life
        save(pack / "world.toml", "[[event]\n", 2)
        live_reload.check(app, app.session, live)
        assert app.session.life is good  # the game goes on with the last good content
        message, severity = said[-1]
        assert severity == "error" and message.startswith("The packs have errors") and "TOML syntax error" in message
