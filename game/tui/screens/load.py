"""Saved lives: pick one to go on with (a damaged one offers its backups), or delete one."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from game import present
from game.play import SaveInfo, Session
from game.safe_text import to_plain, visible
from game.strings import S
from game.tui.labels import label
from game.tui.messages import DeleteSave
from game.tui.screens.alive import alive
from game.tui.screens.ask import AskScreen

if TYPE_CHECKING:
    from game.engine.content import Content


def info_text(content: Content, info: SaveInfo) -> str:
    """One line about a save: name, player, scenario, day, grades, when."""
    if not info.ok:
        return S["load_bad"].format(name=visible(info.name), problem=info.problem)
    scenario = content.scenarios.get(info.scenario)
    grades = ", ".join(
        f"{present.name_of(content, 'system', s)} {present.tier_name(content, s, t)}"
        for s, t in info.grades.items()
        if s in content.systems
    )
    return S["load_row"].format(
        name=visible(info.name) if not info.backup else S["load_backup"].format(name=visible(info.name), n=info.backup),
        player=to_plain(info.player) or S["saves_no_player"],
        scenario=to_plain(scenario.name) if scenario else info.scenario,
        day=info.day,
        length=info.length,
        grades=grades or S["saves_no_grade"],
        when=info.saved_at.astimezone().strftime("%Y-%m-%d %H:%M"),
        ended=S["saves_ended"] if info.ended else "",
    )


class LoadScreen(Screen[tuple[str, int] | None]):
    """Dismisses with (slot, backup) of the save to load."""

    CSS_PATH = "load.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", label("key_back")),
        Binding("d", "delete", label("key_delete")),
    ]

    def __init__(self, content: Content, session: Session) -> None:
        super().__init__()
        self.content = content
        self.session = session
        self.rows: list[SaveInfo] = []

    def compose(self) -> ComposeResult:
        yield Static(S["load_title"], id="load-title")
        yield OptionList(id="saves")
        yield Static(Text(str(self.session.saves.folder if self.session.saves else "")), id="load-folder")
        yield Footer()

    def on_mount(self) -> None:
        if not alive(self):
            return  # closed by a quick key before it was shown
        self.fill()

    def fill(self) -> None:
        self.rows = []
        for info in self.session.saved():
            self.rows.append(info)
            if not info.ok:
                self.rows.extend(b for b in self.session.backups(info.name) if b.ok)
        menu = self.query_one("#saves", OptionList)
        menu.clear_options()
        if not self.rows:
            menu.add_option(Option(S["load_none"], disabled=True))
            return
        menu.add_options(Option(Text(info_text(self.content, i)), disabled=not i.ok) for i in self.rows)
        menu.highlighted = next((n for n, i in enumerate(self.rows) if i.ok), None)
        menu.focus()

    @on(OptionList.OptionSelected, "#saves")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        info = self.rows[event.option_index]
        self.dismiss((info.name, info.backup))

    def action_back(self) -> None:
        self.dismiss(None)

    def action_delete(self) -> None:
        menu = self.query_one("#saves", OptionList)
        if menu.highlighted is None or not self.rows:
            return
        info = self.rows[menu.highlighted]
        ask = AskScreen(
            S["delete_title"], S["delete_text"].format(name=visible(info.name)), [("no", S["quit_no"]), ("yes", S["key_delete"])]
        )

        def answered(answer: str | None) -> None:
            if answer == "yes":
                self.post_message(DeleteSave(info.name, self.fill))

        self.app.push_screen(ask, answered)
