"""New life: pick a scenario, see who you will be, set the seed and the length."""

from __future__ import annotations

import random
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Checkbox, Footer, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from game import present
from game.play.fill import preview_fill
from game.play.views import new_setup, premise_of
from game.safe_text import styled, to_plain
from game.strings import S
from game.tui.labels import label
from game.tui.messages import StartLife
from game.tui.screens.alive import SafeSelect, alive

if TYPE_CHECKING:
    from game.engine.content import Content, Scenario
    from game.engine.state import Setup


def scenario_text(content: Content, sc: Scenario, days: int | None = None) -> Text:
    """The scenario's card: name, description, city, systems, goals, length and the character.

    ``days``: the length the player has typed, if any; the card says that one, not the scenario's."""
    days = days or sc.days
    names = lambda kind, ids: ", ".join(present.name_of(content, kind, i) for i in ids)
    out = styled(sc.name)
    out.stylize("bold")
    if sc.description:
        out.append("\n")
        out.append_text(styled(sc.description))
    lines = [S["new_city"].format(city=present.name_of(content, "city", sc.city))] if sc.city else []
    if sc.systems:
        lines.append(S["new_systems"].format(systems=names("system", sc.systems)))
    if sc.optional_systems:
        lines.append(S["new_optional"].format(systems=names("system", sc.optional_systems)))
    if sc.compare:
        lines.append(S["new_compare"].format(systems=names("system", sc.compare)))
    lines.append(S["new_length"].format(days=days, date=present.date_of(sc.start_date, 1)))
    ch = sc.character
    lines.append(
        S["new_character"]
        .format(name=to_plain(ch["name"]), age=ch["age"], job=to_plain(ch["job"]), home=to_plain(ch["home"]))
        .strip()
    )
    out.append("\n\n" + "\n".join(lines))
    if sc.goals:
        out.append("\n\n" + S["goals_header"])
        for goal in sc.goals:
            terms = present.goal_terms(content, goal)
            text = to_plain(preview_fill(content, sc)(goal.text)) if "{" in goal.text else to_plain(goal.text)
            out.append("\n" + S["goal_line"].format(text=text, by=min(goal.by, days)) + terms)
    return out


class NewLifeScreen(Screen):
    """Choose the life to live. Enter on a scenario or in a field starts it."""

    CSS_PATH = "new_life.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", label("key_back")),
        Binding("ctrl+s", "start", label("key_start")),
    ]

    def __init__(self, content: Content, defaults: Setup | None = None) -> None:
        super().__init__()
        self.content = content
        self.defaults = defaults

    def compose(self) -> ComposeResult:
        yield Static(S["new_life_title"], id="new-title")
        with Horizontal():
            with VerticalScroll(id="new-left"):
                yield Label(S["new_scenarios"])
                yield OptionList(
                    *(Option(styled(sc.name), id=sc.id) for sc in self.content.scenarios.values()),
                    id="scenarios",
                )
                yield Label(S["new_seed"])
                yield Input(type="integer", id="seed", max_length=20)
                yield Label(S["new_days"])
                yield Input(type="integer", id="days", max_length=3)
                yield Label(S["new_premise"])
                yield SafeSelect(
                    [(Text(S["new_premise_reported"]), "reported"), (Text(S["new_premise_documented"]), "documented")],
                    value="reported",
                    allow_blank=False,
                    id="premise",
                )
                yield Checkbox(S["new_myths_first"], value=bool(self.content.myths), id="myths-first")
                yield Button(S["new_start"], id="start", variant="primary")
            with VerticalScroll(id="new-right"):
                yield Static(S["new_none"] if not self.content.scenarios else "", id="scenario-card")
        yield Footer()

    def on_mount(self) -> None:
        if not alive(self):
            return  # closed by a quick key before it was shown
        ids = list(self.content.scenarios)
        wanted = self.defaults.scenario if self.defaults and self.defaults.scenario in ids else None
        seed = self.defaults.seed if self.defaults else random.SystemRandom().randrange(1, 1_000_000)
        self.query_one("#seed", Input).value = str(seed)
        menu = self.query_one("#scenarios", OptionList)
        if ids:
            menu.highlighted = ids.index(wanted) if wanted else 0
            self._show(ids[menu.highlighted])
            if self.defaults and self.defaults.days:
                self.query_one("#days", Input).value = str(self.defaults.days)
        menu.focus()

    def _show(self, scenario_id: str) -> None:
        sc = self.content.scenarios[scenario_id]
        self.query_one("#scenario-card", Static).update(scenario_text(self.content, sc))
        self.query_one("#premise", SafeSelect).value = premise_of(sc, self.defaults)
        days = self.query_one("#days", Input)
        if not days.value or days.value == str(getattr(self, "_shown_days", "")):
            days.value = str(sc.days)
        self._shown_days = sc.days

    @on(Input.Changed, "#days")
    def _days_changed(self, event: Input.Changed) -> None:
        """Keep the card's length and goal days in step with the Days field."""
        menu = self.query_one("#scenarios", OptionList)
        if menu.highlighted is None or not self.content.scenarios:
            return
        try:
            days = int(event.value)
        except ValueError:
            return
        if 1 <= days <= 365:
            sc = list(self.content.scenarios.values())[menu.highlighted]
            self.query_one("#scenario-card", Static).update(scenario_text(self.content, sc, days))

    @on(OptionList.OptionHighlighted, "#scenarios")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_id:
            self._show(event.option_id)

    @on(OptionList.OptionSelected, "#scenarios")
    @on(Input.Submitted)
    @on(Button.Pressed, "#start")
    def _go(self) -> None:
        self.action_start()

    def setup(self) -> Setup | None:
        """The setup the fields describe, or None (after telling the player what to fix)."""
        menu = self.query_one("#scenarios", OptionList)
        if menu.highlighted is None:
            return None
        scenario = list(self.content.scenarios)[menu.highlighted]
        seed_text = self.query_one("#seed", Input).value.strip()
        days_text = self.query_one("#days", Input).value.strip()
        try:
            seed = int(seed_text)
        except ValueError:
            self.notify(S["new_bad_seed"], severity="error", markup=False)
            return None
        try:
            days = int(days_text) if days_text else self.content.scenarios[scenario].days
        except ValueError:
            days = 0
        if not 1 <= days <= 365:
            self.notify(S["new_bad_days"], severity="error", markup=False)
            return None
        return new_setup(scenario, seed, days, str(self.query_one("#premise", SafeSelect).value), self.defaults)

    @property
    def myths_first(self) -> bool:
        """Whether the player asked to see the myth-and-fact deck before the life."""
        return self.query_one("#myths-first", Checkbox).value

    def action_start(self) -> None:
        setup = self.setup()
        if setup is not None:
            self.post_message(StartLife(setup, self.myths_first))
