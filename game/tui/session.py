"""The life being played in the app, its save slot, and saving around the choices.

Screens call this; it calls the engine and the save layer (:mod:`game.saves`).
It holds no rule of the game: it only keeps the :class:`~game.engine.life.Life`,
the :class:`~game.present.Display` and the save folder together.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from game.present import Display
from game.saves import SaveError

if TYPE_CHECKING:
    from game.engine.content import Content
    from game.engine.life import Life
    from game.engine.model import Notice
    from game.engine.state import Setup
    from game.saves import LoadedSave, SaveInfo, SaveStore


class Session:
    """Content, display options, the save folder (None: no saving) and the current life."""

    def __init__(
        self,
        content: Content | Callable[[], Content],
        display: Display | None = None,
        saves: SaveStore | None = None,
        player: str = "",
    ) -> None:
        self._content = None if callable(content) else content
        self._load = content if callable(content) else None
        self.display = display or Display()
        self.saves = saves
        self.player = player
        self.workshop = ""
        self.life: Life | None = None
        self.slot = ""
        self.save_error = ""
        """The message of the last failed save ('' after a good one)."""

    @property
    def content(self) -> Content:
        """The packs: given, or loaded on first use (the title is shown before they are loaded)."""
        if self._content is None:
            assert self._load is not None
            self._content = self._load()
        return self._content

    @content.setter
    def content(self, content: Content) -> None:
        self._content = content

    @property
    def content_loaded(self) -> bool:
        return self._content is not None

    def start(self, setup: Setup) -> list[Notice]:
        """Begin a new life in a fresh save slot; returns the notices of its first morning."""
        from game.engine.life import Life  # the engine is imported when the first life begins

        self.life = Life(self.content, setup)
        self.workshop = ""
        self.slot = ""
        if self.saves is not None:
            try:
                self.slot = self.saves.free_name(self.player or setup.scenario)
            except SaveError as exc:
                self.save_error = exc.message
        return self.life.drain_notices()

    def resume(self, life: Life, slot: str, loaded: LoadedSave | None = None) -> None:
        """Go on with a loaded life, saving into ``slot`` from now on."""
        self.life = life
        self.slot = slot
        if loaded is not None:
            self.player = self.player or loaded.save.player
            self.workshop = loaded.save.workshop

    def choose(self, choice_id: str) -> list[Notice]:
        """Take a choice in the waiting event; autosave when a day ended (or the life). Returns what happened."""
        assert self.life is not None
        day = self.life.state.day
        notices = self.life.choose(choice_id)
        if self.life.state.day != day or self.life.ended:
            self.autosave()
        return notices

    def autosave(self) -> bool:
        """Save the life into its slot; False (and ``save_error`` set) if that failed. True with no save folder."""
        if self.saves is None or self.life is None or not self.slot:
            return self.saves is None or self.life is None
        try:
            self.saves.autosave(self.life, slot=self.slot, player=self.player, workshop=self.workshop)
        except SaveError as exc:
            self.save_error = exc.message
            return False
        self.save_error = ""
        return True

    def save_as(self, name: str) -> SaveInfo:
        """Save into a new slot ``name`` and keep saving there. Raises SaveError (bad name, taken, unwritable)."""
        assert self.saves is not None and self.life is not None
        slot = self.saves.path(name).name.removesuffix(".json")
        if slot != self.slot and self.saves.exists(slot):
            raise SaveError(f"a save named '{slot}' exists already; pick another name, such as '{self.saves.free_name(slot)}'")
        info = self.saves.save(slot, self.life, player=self.player, workshop=self.workshop)
        self.slot = slot
        return info

    def continuable(self) -> SaveInfo | None:
        """The most recent save of a life not yet over, or None."""
        return self.saves.latest(playable=True) if self.saves is not None else None

    def saved(self) -> list[SaveInfo]:
        return self.saves.list() if self.saves is not None else []
