"""Page keys in the command palette before its list is laid out (Textual's OptionList raised KeyError), and elsewhere."""

from __future__ import annotations

from textual.widgets import OptionList

from game.engine.content import Content
from game.engine.state import Setup
from game.tui.palette import MAX_QUERY, palette_open
from game.tui.run import make_app


async def test_page_keys_at_once_in_the_palette_do_not_crash(mini: Content) -> None:
    app = make_app(mini, Setup("life", 1), start=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.action_command_palette()
        await pilot.press("pagedown")  # before the palette's list has any line
        await pilot.press("pagedown", "pageup", "end")
        await pilot.pause()
        assert palette_open(app)
    assert app.return_code in (None, 0)


async def test_the_palette_search_takes_a_hundred_characters(mini: Content) -> None:
    """A paste of a page, key by key, once ran a search per key in an uncapped field (minutes, gigabytes)."""
    from textual.command import CommandInput

    app = make_app(mini, Setup("life", 1), start=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.action_command_palette()
        await pilot.pause()
        field = app.screen.query_one(CommandInput)
        await pilot.press(*["a"] * (MAX_QUERY + 50))
        await pilot.pause()
        assert field.value == "a" * MAX_QUERY
        field.insert_text_at_cursor("b" * 100_000)  # a bracketed paste goes through the same cap
        assert len(field.value) == MAX_QUERY


async def test_page_keys_still_reach_the_menus(mini: Content) -> None:
    app = make_app(mini)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        menu = app.screen.query(OptionList).first()
        menu.focus()
        await pilot.pause()
        assert menu.highlighted == 0
        await pilot.press("pagedown")
        await pilot.pause()
        assert menu.highlighted == menu.option_count - 1
