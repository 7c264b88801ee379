"""The Textual game, driven by keys through Textual's Pilot (tests/packs/mini has known numbers).

In the mini world the hub event's first choice is a fine: the city score goes
100 → 40, grade B → D, and D revokes the train, so choice 3 locks.
"""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import DataTable, OptionList, Static

from game.engine.content import Content
from game.engine.state import Setup
from game.saves import SaveStore
from game.tui.run import CitizenApp, make_app
from game.tui.screens.day import DayScreen
from game.tui.screens.end import EndScreen
from game.tui.screens.help import HelpScreen
from game.tui.screens.history import HistoryScreen
from game.tui.screens.new_life import NewLifeScreen
from game.tui.screens.quit import QuitScreen
from game.tui.screens.record import RecordDetail, RecordScreen
from game.tui.screens.tier_modal import TierModal
from game.tui.screens.title import TitleScreen
from game.tui.widgets.event_card import ChoiceList

SIZE = (100, 32)


def text_of(app: CitizenApp, selector: str) -> str:
    """The plain text a Static shows."""
    return str(app.screen.query_one(selector, Static).render())


def screen_text(app: CitizenApp) -> str:
    """Every Static's text on the current screen, joined."""
    return "\n".join(str(w.render()) for w in app.screen.query(Static))


def options(app: CitizenApp) -> list[tuple[str, bool]]:
    """The choices on the day screen: (prompt text, disabled)."""
    menu = app.screen.query_one(ChoiceList)
    return [(str(menu.get_option_at_index(i).prompt), menu.get_option_at_index(i).disabled) for i in range(menu.option_count)]


async def close_modals(pilot: Pilot) -> list[str]:
    """Dismiss tier-change modals with Enter; return what each said."""
    said = []
    for _ in range(5):
        if not isinstance(pilot.app.screen, TierModal):
            break
        said.append(screen_text(pilot.app))  # type: ignore[arg-type]
        await pilot.press("enter")
        await pilot.pause()
    return said


async def test_a_whole_life_by_keys(mini: Content, tmp_path: Path) -> None:
    store = SaveStore(tmp_path)
    app = make_app(mini, Setup("life", 1), saves=store, start=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, DayScreen)
        assert "A hub" in text_of(app, "#event-title")
        assert "Day 1 of 10" in text_of(app, "#day-bar")
        prompts = [p for p, _ in options(app)]
        assert not any("Only with poster" in p for p in prompts), "hidden choices are absent"
        assert any("Needs money" in p and "Needs Money at least ¥500 (you have ¥100, ¥400 short)" in p for p in prompts)

        # the fine: B → D, a modal says the train is lost
        await pilot.press("1")
        await pilot.pause()
        said = await close_modals(pilot)
        assert len(said) == 1
        assert "City score" in said[0] and "B" in said[0] and "D" in said[0]
        assert "Lost:" in said[0] and "High-speed rail" in said[0]
        assert any("-60 Fine (City score) → 40" in n.message for n in app._notifications)

        # day 2: the train is locked, visible and dimmed, with its reason; pressing 3 says why
        assert "Day 2 of 10" in text_of(app, "#day-bar")
        train = options(app)[2]
        assert train[1] is True
        assert "Grade D — barred from High-speed rail (City score)" in train[0]
        await pilot.press("3")
        await pilot.pause()
        assert any("That choice is locked: Grade D — barred from High-speed rail" in n.message for n in app._notifications)
        assert app.session.life is not None and app.session.life.state.day == 2, "a locked choice changes nothing"
        assert "Grade D — barred from High-speed rail (City score)" in screen_text(app)  # the status panel says it too

        # praise: D → B, the train comes back
        await pilot.press("down", "enter")  # arrows and Enter work as well as numbers
        await pilot.pause()
        said = await close_modals(pilot)
        assert said and "Gained:" in said[0] and "High-speed rail" in said[0]

        # the rest of the life: always the first open choice, by Enter
        for _ in range(40):  # ten days, one event a day, and their modals
            if not isinstance(app.screen, DayScreen | TierModal):
                break
            if isinstance(app.screen, TierModal):
                await close_modals(pilot)
                continue
            await pilot.press("enter")
            await pilot.pause()
        assert isinstance(app.screen, EndScreen)
        end = screen_text(app)
        assert "The end of this life" in end
        assert "Have 200 money" in end  # the goal, met or missed
        assert "High-speed rail: from day 1 for 1 day" in end  # what was locked and for how long
        assert "Under other rules" in end and "Negatives only" in end  # the comparison system

        # the record after the run, and one entry's detail with the rule's source
        life = app.session.life
        records = [r for r in life.state.records if not r.shadow]
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, RecordScreen)
        table = app.screen.query_one(DataTable)
        assert table.row_count == len(records) > 0
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, RecordDetail)
        assert "Invented for tests." in screen_text(app)
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert isinstance(app.screen, EndScreen)

    saved = store.latest()
    assert saved is not None and saved.ended and saved.choices == len(life.state.log)


async def test_record_filters_by_system(mini: Content) -> None:
    app = make_app(mini, Setup("life", 1), start=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1")
        await pilot.pause()
        await close_modals(pilot)
        await pilot.press("r")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, RecordScreen)
        assert screen.query_one(DataTable).row_count == 1
        screen.fill("shadow")  # a system with no visible record: the table empties and says so
        await pilot.pause()
        assert screen.query_one(DataTable).row_count == 0
        assert screen.query_one("#record-empty").display


async def test_quit_saves_and_continue_goes_on(mini: Content, tmp_path: Path) -> None:
    store = SaveStore(tmp_path)
    app = make_app(mini, Setup("life", 5), saves=store, start=True)
    async with app.run_test(size=SIZE) as pilot:
        for key in ("2", "4", "2"):
            await pilot.press(key)
            await pilot.pause()
            await close_modals(pilot)
        before = app.session.life.state
        await pilot.press("q")  # asks nothing: the life is saved
        await pilot.pause()
    assert app.return_code == 0
    assert store.latest(playable=True) is not None

    again = make_app(mini, saves=store)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(again.screen, TitleScreen)
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(again.screen, DayScreen)
        assert again.session.life.state == before


async def test_quit_without_saves_asks_first(mini: Content) -> None:
    app = make_app(mini, Setup("life", 1), start=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2")
        await pilot.pause()
        await close_modals(pilot)
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, QuitScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DayScreen), "staying keeps the life"
        await pilot.press("q", "y")
        await pilot.pause()
    assert app.return_code == 0


async def test_new_life_from_the_title(mini: Content, tmp_path: Path) -> None:
    app = make_app(mini, saves=SaveStore(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        menu = app.screen.query_one("#menu", OptionList)
        assert menu.get_option("continue").disabled, "nothing to continue yet"
        await pilot.press("enter")  # New life
        await pilot.pause()
        assert isinstance(app.screen, NewLifeScreen)
        assert "A test life" in screen_text(app) and "Have 200 money" in screen_text(app)
        app.screen.query_one("#seed").value = ""
        await pilot.click("#seed")
        await pilot.press("4", "2")
        app.screen.query_one("#days").value = "3"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DayScreen)
        assert app.session.life.setup.seed == 42
        assert app.session.life.state.length == 3


async def test_the_new_life_card_follows_the_days_field(mini: Content) -> None:
    """The preview says the length the player typed, not the scenario's default."""
    app = make_app(mini)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        assert "Length: 10 days" in screen_text(app)
        app.screen.query_one("#days").value = "7"
        await pilot.pause()
        assert "Length: 7 days" in screen_text(app) and "Length: 10 days" not in screen_text(app)


async def test_asking_for_a_scenario_opens_its_new_life_screen(mini: Content) -> None:
    """`citizen play --scenario ID` opens that life's new-life screen, over the title (Escape goes back)."""
    app = make_app(mini, Setup("life", 77), new_life=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, NewLifeScreen)
        assert app.screen.query_one("#seed").value == "77" and "A test life" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, TitleScreen)


async def test_the_palette_leads_out_of_a_life_to_the_title_or_a_new_life(mini: Content) -> None:
    app = make_app(mini, Setup("life", 3), start=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, DayScreen)
        commands = {c.title: c for c in app.get_system_commands(app.screen)}
        assert "New life" in commands and "Title screen" in commands
        # actions say what they do, not only their key
        assert commands["Record"].help.startswith("Every score change so far") and "key: r" in commands["Record"].help
        commands["Title screen"].callback()
        await pilot.pause()
        assert isinstance(app.screen, TitleScreen)


async def test_new_life_refuses_a_bad_length(mini: Content) -> None:
    app = make_app(mini)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        app.screen.query_one("#days").value = "0"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, NewLifeScreen)
        assert any("from 1 to 365" in n.message for n in app._notifications)


async def test_help_history_and_friends(mini: Content) -> None:
    app = make_app(mini, Setup("life", 1), start=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape", "question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape", "h")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        assert "City score" in screen_text(app)
        await pilot.press("escape", "f")
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        assert table.row_count == 1  # Pal
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DayScreen)


async def test_palette_offers_every_bound_action(mini: Content) -> None:
    app = make_app(mini, Setup("life", 1), start=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        titles = {c.title for c in app.get_system_commands(app.screen)}
        assert {"Record", "History", "People", "Save as", "Help"} <= titles
        assert {"Dark theme", "Light theme", "High-contrast theme"} <= titles


async def test_too_small_says_so_and_recovers(mini: Content) -> None:
    app = make_app(mini, Setup("life", 1), start=True)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        assert "enlarge the terminal" in screen_text(app)
        await pilot.resize_terminal(90, 30)
        await pilot.pause()
        assert isinstance(app.screen, DayScreen)


async def test_themes_and_no_color(mini: Content, monkeypatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(mini)
    async with app.run_test(size=SIZE) as pilot:
        assert app.no_color
        seen = {app.theme}
        for _ in range(3):
            await pilot.press("ctrl+t")
            seen.add(app.theme)
        assert {"textual-dark", "citizen-light", "citizen-high-contrast"} <= seen


async def test_opaque_display_shows_the_tier_only(mini: Content) -> None:
    from game.present import Display

    app = make_app(mini, Setup("life", 1), display=Display(scores={"city": "tier"}), start=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1")
        await pilot.pause()
        await close_modals(pilot)
        status = "\n".join(str(w.render()) for w in app.screen.query("#status Static"))
        assert "City score" in status and "40" not in status
        assert "Your City score score changed" in " ".join(n.message for n in app._notifications)
        await pilot.press("r")
        await pilot.pause()
        assert "(not disclosed)" in str(app.screen.query_one(DataTable).get_row_at(0))


async def test_pack_text_is_never_markup(write_pack, tmp_path: Path) -> None:
    from game.packs.loader import load_content

    folder = write_pack(
        "hostile",
        {
            "world.toml": """
            [systems.s]
            name = "S [link=https://example.com]x[/link]"
            start = 10
            tiers = [{ id = "A", min = 0, color = "red; blink" }]
            [scenarios.x]
            name = "[/] X [bold"
            systems = ["s"]
            days = 1
            [scenarios.x.character]
            name = "N"
            [[event]]
            id = "e"
            title = "T [red]red[/red] [/bold] \\u001b[31m"
            text = "[@click=app.quit]quit[/]"
            [[event.choice]]
            id = "c"
            label = "[b]bold[/b] [not a tag]"
            """
        },
    )
    app = make_app(load_content([folder]), Setup("x", 1), start=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "T red [/bold]" in text_of(app, "#event-title")
        assert "\x1b" not in text_of(app, "#event-title")
        assert "[@click=app.quit]quit[/]" in text_of(app, "#event-text")
        assert "bold [not a tag]" in options(app)[0][0]
        await pilot.press("1")
        await pilot.pause()
        assert isinstance(app.screen, EndScreen)


async def test_the_tui_and_plain_mode_live_the_same_life(builtin: Content) -> None:
    """The same seed and the same choice numbers give the same life in the TUI and in `citizen play --plain`."""
    import io

    from game.engine.life import Life
    from game.play import Session
    from game.tools.plain import PlainGame

    scenario = next(iter(builtin.scenarios))
    setup = Setup(scenario, 11, days=6)
    app = make_app(builtin, setup, start=True)
    numbers: list[int] = []
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for _ in range(40):
            await close_modals(pilot)
            if not isinstance(app.screen, DayScreen):
                break
            menu = app.screen.query_one(ChoiceList)
            open_ones = [i for i in range(menu.option_count) if not menu.get_option_at_index(i).disabled]
            n = open_ones[len(numbers) % len(open_ones)] + 1  # vary the choices, by number keys
            numbers.append(n)
            await pilot.press(str(n))
            await pilot.pause()
        tui_state = app.session.life.state

    out = io.StringIO()
    plain = PlainGame(Session.of(Life(builtin, setup)), out)
    plain.play(io.StringIO("".join(f"{n}\n" for n in numbers)))
    assert plain.life.state == tui_state
    assert plain.life.ended and "The end of this life" in out.getvalue()


async def test_the_mouse_chooses_too(mini: Content) -> None:
    app = make_app(mini, Setup("life", 1), start=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        menu = app.screen.query_one(ChoiceList)
        await pilot.click(ChoiceList, offset=(4, 2))  # inside the border: the second line is choice 2
        await pilot.pause()
        await close_modals(pilot)
        assert app.session.life.state.log[0][2] == menu.rows[1].choice_id == "praise"
