"""A life being played, its save slot, and saving around the choices: the same for every front end.

It holds no rule of the game: it keeps the :class:`~game.engine.life.Life`, the
:class:`~game.present.Display` and the save folder together, and decides what
both front ends used to decide each on its own (which slot a life saves into,
when it autosaves, and what a save whose packs changed offers).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from game.play.day_summary import DayTally
from game.present import Display
from game.saves import SaveError

if TYPE_CHECKING:
    from pathlib import Path

    from game.engine.content import Content
    from game.engine.life import Life, Replay
    from game.engine.model import Notice
    from game.engine.state import Setup
    from game.saves import LoadedSave, SaveInfo, SaveStore
    from game.saves.locks import SlotLock


@dataclass
class Opening:
    """A save opened. ``life`` is the checked life when it ``goes_on`` as saved; otherwise the
    packs (or the game) changed since, ``changes`` says how, and the player chooses between
    :meth:`snapshot` and :meth:`replay`. ``slot`` is where the life saves from now on (a new one
    after a backup or changed packs, so the old file is never overwritten).
    """

    loaded: LoadedSave

    @property
    def life(self) -> Life | None:
        return self.loaded.life

    @property
    def goes_on(self) -> bool:
        return self.loaded.life is not None

    @property
    def name(self) -> str:
        return self.loaded.info.name

    @property
    def backup(self) -> int:
        return self.loaded.info.backup

    @property
    def path(self) -> Path:
        return self.loaded.info.path

    @property
    def slot(self) -> str:
        return self.loaded.save_as

    @property
    def player(self) -> str:
        return self.loaded.save.player

    @property
    def changes(self) -> str:
        """What changed since the save, in words ("rongcheng (1.0 → 1.1)"); "" when it goes on."""
        return self.loaded.describe_changes()

    def snapshot(self) -> Life:
        """Go on exactly where the save stopped, under the current packs. Raises SaveError (something it names is gone)."""
        return self.loaded.from_snapshot()

    def replay(self) -> Replay:
        """The saved choices replayed under the current packs, as far as they fit. Raises SaveError (scenario gone)."""
        return self.loaded.replay_now()


class Session:
    """Content, display options, the save folder (None: no saving) and the current life.

    ``every_choice`` (the default, for every front end): autosave after every choice,
    so a killed or hung-up game loses none; otherwise at the end of each day and of the life.
    Without ``autosaving`` a choice saves nothing (a workshop game with ``--no-save``, which still holds its seat).

    While a life saves into a slot the session holds that slot's exclusive lock, so no
    other game (another process, or another session here) can write it; a slot in use
    is refused with a :class:`SaveError` saying so. :meth:`close` lets it go (so does
    the end of the process).
    """

    def __init__(
        self,
        content: Content | Callable[[], Content],
        display: Display | None = None,
        saves: SaveStore | None = None,
        player: str = "",
        *,
        every_choice: bool = True,
        autosaving: bool = True,
    ) -> None:
        self._content = None if callable(content) else content
        self._load = content if callable(content) else None
        self.display = display or Display()
        self.saves = saves
        self.player = player
        self.every_choice = every_choice
        self.autosaving = autosaving
        self.workshop = ""
        self.life: Life | None = None
        self.slot = ""
        self.save_error = ""
        """The message of the last failed save ('' after a good one)."""
        self.days_ended: list[str] = []
        """The one-line summaries of the days the last choice ended (:mod:`game.play.day_summary`)."""
        self._tally: DayTally | None = None
        self._lock: SlotLock | None = None

    @classmethod
    def of(cls, life: Life, display: Display | None = None) -> Session:
        """A session playing ``life`` with nothing saved (for a script or a test)."""
        session = cls(life.content, display)
        session.life = life
        return session

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

    # -- a life ---------------------------------------------------------------------
    def start(self, setup: Setup, *, slot: str = "") -> list[Notice]:
        """Begin a new life in a fresh save slot (from ``slot``, else the player's name or the scenario).

        Returns the notices of its first morning. Raises SaveError only for a ``slot`` with no letters or digits.
        """
        from game.engine.life import Life  # the engine is imported when the first life begins

        self.life = Life(self.content, setup)
        self.workshop = ""
        self._hold("")
        if self.saves is not None:
            try:
                self._hold_free(slot or self.player or setup.scenario)
            except SaveError as exc:
                if slot:
                    raise
                self.save_error = exc.message
        notices = self.life.drain_notices()
        self._tally = DayTally(self.content, self.display, self.life.state.day)
        self._tally.add(notices)
        self.days_ended = []
        return notices

    def open(self, name: str, backup: int = 0) -> Opening:
        """Load save ``name`` (or its ``backup``): see :class:`Opening`. Nothing is written.

        Raises:
            SaveError: no save folder, no such save, or a bad file (the message names it).
        """
        if self.saves is None:
            raise SaveError("this game was started without a saves folder")
        return Opening(self.saves.load(name, self.content, backup=backup))

    def go_on(self, opening: Opening, life: Life) -> None:
        """Go on with the life of an opened save (as saved, from its snapshot or replayed), in its slot."""
        self.resume(life, opening.slot)
        self.player = self.player or opening.player
        self.workshop = opening.loaded.save.workshop

    def resume(self, life: Life, slot: str, *, workshop: str = "") -> None:
        """Go on with ``life``, saving into ``slot`` from now on.

        Raises:
            SaveError: another game has ``slot`` open (nothing here changes then).
        """
        self._hold(slot)
        self.life = life
        self.workshop = workshop
        self._tally = DayTally(life.content, self.display, life.state.day)  # a day half seen is summed from here
        self.days_ended = []

    def close(self) -> None:
        """Let other games open this life's slot (``slot`` still names it; a later save takes the lock again)."""
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def _hold(self, slot: str) -> None:
        """Make ``slot`` (and only it) the slot this session holds and saves into; "" holds none."""
        if slot == self.slot and (self._lock is not None or self.saves is None):
            return
        lock = self.saves.lock(slot).take() if self.saves is not None and slot else None
        if self._lock is not None:
            self._lock.release()
        self._lock, self.slot = lock, slot

    def _hold_free(self, hint: str) -> None:
        """Hold a slot named from ``hint`` that has no save and no game in it ("ana", else "ana-2" …)."""
        assert self.saves is not None
        in_use: set[str] = set()
        while True:
            slot = self.saves.free_name(hint, also_taken=in_use)
            try:
                self._hold(slot)
                return
            except SaveError:
                if len(in_use) >= 99:
                    raise
                in_use.add(slot)

    def drain_notices(self) -> list[Notice]:
        """What happened since the life began or was last asked (nothing after :meth:`start`, which returns it)."""
        return self.life.drain_notices() if self.life is not None else []

    def choose(self, choice_id: str) -> list[Notice]:
        """Take a choice in the waiting event and autosave when due. Returns what happened;
        :attr:`days_ended` then holds the one-line summary of each day it ended.

        Raises:
            ChoiceError: no event is waiting, or the choice is not open.
        """
        assert self.life is not None
        day = self.life.state.day
        notices = self.life.choose(choice_id)
        if self._tally is None:
            self._tally = DayTally(self.life.content, self.display, day)
        self.days_ended = self._tally.add(notices, life_over=self.life.ended)
        if self.autosaving and (self.every_choice or self.life.state.day != day or self.life.ended):
            self.autosave()
        return notices

    # -- the save folder ------------------------------------------------------------
    def autosave(self, *, meta: dict[str, Any] | None = None) -> bool:
        """Save the life into its slot; False (and ``save_error`` set) if that failed. True with no save folder.

        ``meta`` replaces the save's ``meta`` (a workshop seat's code); by default the file's is kept.
        """
        if self.saves is None or self.life is None or not self.slot:
            return self.saves is None or self.life is None
        try:
            self._hold(self.slot)  # held already, unless the session was closed
            self.saves.autosave(self.life, slot=self.slot, player=self.player, workshop=self.workshop, meta=meta)
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
        old = self.slot
        self._hold(slot)
        try:
            return self.saves.save(slot, self.life, player=self.player, workshop=self.workshop)
        except SaveError:
            self._hold(old)
            raise

    def delete(self, name: str) -> int:
        """Remove save ``name`` and its backups (the player has confirmed); how many files went."""
        return self.saves.delete(name) if self.saves is not None else 0

    def continuable(self) -> SaveInfo | None:
        """The most recent save of a life not yet over, or None."""
        return self.saves.latest(playable=True) if self.saves is not None else None

    def saved(self) -> list[SaveInfo]:
        """Every save in the folder, newest first (unreadable ones last, with their problem)."""
        return self.saves.list() if self.saves is not None else []

    def backups(self, name: str) -> list[SaveInfo]:
        """The readable and unreadable backups of ``name``, newest first."""
        return self.saves.backups(name) if self.saves is not None else []
