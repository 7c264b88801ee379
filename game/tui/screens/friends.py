"""People: the characters of this life, their scores as far as you may see them, and whether they count as your friend."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from game import present
from game.play.cast import cast
from game.present import Display, Visibility
from game.safe_text import to_plain
from game.strings import S
from game.tui.labels import label
from game.tui.screens.alive import alive

if TYPE_CHECKING:
    from game.engine.life import Life


def score_cell(life: Life, display: Display, who: str, system: str) -> str:
    """A character's score in one system, or only the grade, or nothing, as the display says."""
    scores = life.state.char_scores.get(who, {})
    if system not in scores:
        return "—"
    mode = display.mode(life.content, system)
    tier = life.content.systems[system].tier_for(scores[system])
    grade = present.tier_name(life.content, system, tier.id) if tier else "?"
    if mode is Visibility.SHOWN:
        return f"{present.score_text(life.content, system, scores[system])} ({grade})"
    return grade if mode is Visibility.TIER else "—"


class FriendsScreen(Screen):
    """The people of this life (:func:`game.play.cast.cast`) and their numbers."""

    CSS_PATH = "friends.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "app.pop_screen", label("key_back"))]

    def __init__(self, life: Life, display: Display) -> None:
        super().__init__()
        self.life = life
        self.shown = display

    def systems(self) -> list[str]:
        return [s for s in self.life.state.enrolled if self.shown.mode(self.life.content, s) is not Visibility.HIDDEN]

    def compose(self) -> ComposeResult:
        yield Static(S["friends_title"], id="friends-title")
        yield DataTable(id="people", cursor_type="row", zebra_stripes=True)
        yield Static(id="friends-summary")
        yield Footer()

    def on_mount(self) -> None:
        if not alive(self):
            return  # closed by a quick key before it was shown
        life, content = self.life, self.life.content
        table = self.query_one(DataTable)
        table.add_column(S["friends_col_name"])
        table.add_column(S["friends_col_relation"])
        table.add_column(S["friends_col_friend"])
        for system in self.systems():
            table.add_column(Text(present.name_of(content, "system", system)))
        people = cast(content, life.scenario, life.state.friends)
        for who in sorted(people, key=lambda c: (c not in life.state.friends, c)):
            character = content.characters[who]
            friend = S["friends_yes"] if who in life.state.friends else S["friends_no"]
            cells = [to_plain(character.name), to_plain(character.relation), friend]
            cells += [score_cell(life, self.shown, who, s) for s in self.systems()]
            table.add_row(*(Text(c) for c in cells), key=who)
        summary = [
            S["friends_mean"].format(
                system=present.name_of(content, "system", s), score=present.score_text(content, s, round(life.friends_mean(s)))
            )
            for s in self.systems()
            if self.shown.mode(content, s) is Visibility.SHOWN and life.state.friends
        ]
        if not people:
            summary.insert(0, S["friends_none"])
        self.query_one("#friends-summary", Static).update(Text("\n".join(summary)))
        table.focus()
