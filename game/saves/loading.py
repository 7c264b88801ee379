"""Turning a decoded save back into a Life: replay its choices and check them against the snapshot.

When the packs (or the game) changed since the save, the replay may give a
different life. Then nothing is decided here: :class:`LoadedSave` names the
changes and the caller asks the player to continue from the snapshot
(:meth:`LoadedSave.from_snapshot`) or to replay under the new content
(:meth:`LoadedSave.replay_now`).
"""

from __future__ import annotations

import copy
import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from game import __version__
from game.engine.content import Content
from game.engine.life import Life, Replay, replay
from game.engine.state import Setup
from game.saves.errors import SaveError
from game.saves.format import SaveFile, as_json
from game.saves.info import SaveInfo


@dataclass(frozen=True)
class PackChange:
    """A pack that differs from the one the save was made with. ``saved_version`` is "" for a pack added since."""

    id: str
    saved_version: str
    saved_hash: str
    version: str
    content_hash: str

    def describe(self) -> str:
        if not self.saved_hash:
            return f"{self.id} (added since the save)"
        if self.saved_version != self.version:
            return f"{self.id} ({self.saved_version} → {self.version})"
        return f"{self.id} ({self.version}, files changed)"


@dataclass
class LoadedSave:
    """A save read back. ``life`` is the checked life, or None when ``changed`` says the caller must choose.

    ``save`` is the decoded file (its ``log`` is the full choice history);
    ``save_as`` is the slot to keep saving into (a new one when continuing
    from a backup or under changed packs, so the old file is never overwritten).
    """

    info: SaveInfo
    save: SaveFile
    content: Content
    life: Life | None
    changed_packs: tuple[PackChange, ...] = ()
    changed_game: str = ""
    save_as: str = ""

    @property
    def changed(self) -> bool:
        return self.life is None

    @property
    def setup(self) -> Setup:
        return self.save.setup

    def describe_changes(self) -> str:
        parts = [c.describe() for c in self.changed_packs]
        if self.changed_game:
            parts.append(f"the game ({self.changed_game})")
        return ", ".join(parts)

    def from_snapshot(self) -> Life:
        """Continue exactly where the save stopped, under the current content.

        Raises:
            SaveError: the snapshot names things the current packs no longer have.
        """
        problems = snapshot_problems(self.content, self.save)
        if problems:
            raise SaveError(
                f"{self.info.path}: cannot continue from the snapshot: {'; '.join(problems)}; replay the choices instead",
                self.info.path,
            )
        return Life(self.content, self.setup, state=copy.deepcopy(self.save.state))

    def replay_now(self) -> Replay:
        """Replay the saved choices under the current content, as far as they still fit.

        Raises:
            SaveError: the scenario is no longer in the packs.
        """
        return replay_partly(self.content, self.save, self.info.path)


def pack_changes(content: Content, save: SaveFile, path: Path) -> tuple[PackChange, ...]:
    """How the installed packs differ from the save's.

    Raises:
        SaveError: a pack the save was made with is not installed.
    """
    now = {p.id: p for p in content.packs}
    missing = [f"{p.id} ({p.version})" for p in save.packs if p.id not in now]
    if missing:
        raise SaveError(
            f"{path}: the save was made with pack(s) {', '.join(missing)}, which are not installed; "
            "install them, or name their folders with --pack PATH",
            path,
        )
    saved = {p.id: p for p in save.packs}
    changes = [
        PackChange(p.id, saved[p.id].version if p.id in saved else "", saved[p.id].content_hash if p.id in saved else "",
                   p.version, p.content_hash)
        for p in content.packs
        if p.id not in saved or saved[p.id].content_hash != p.content_hash
    ]  # fmt: skip
    return tuple(changes)


def verified_life(content: Content, save: SaveFile, path: Path) -> Life:
    """Replay every choice and check the result equals the snapshot.

    Raises:
        SaveError: the choices do not replay, or the snapshot disagrees (tampering or a bug).
    """
    result = replay_partly(content, save, path)
    if not result.complete:
        raise SaveError(
            f"{path}: choice {result.replayed + 1} of {result.total} does not replay: {result.reason} "
            "(the file was edited or damaged)",
            path,
        )
    replayed = result.life.state
    if replayed.ending != save.state.ending and replayed.ended and save.state.ended:
        # the ending's words are the pack's text in the language the life was played in; which
        # ending it is follows from the choices, so a life ended in Swedish replays in Dutch
        replayed = dataclasses.replace(replayed, ending=save.state.ending)
    if replayed != save.state:
        diff = first_difference(as_json(save.state), as_json(replayed)) or "it differs"
        raise SaveError(f"{path}: the state snapshot disagrees with the replay of its choices: {diff}", path)
    return result.life


def replay_partly(content: Content, save: SaveFile, path: Path) -> Replay:
    """Play the saved choices from the start until one no longer fits (:func:`game.engine.life.replay`).

    Raises:
        SaveError: the scenario is not in the packs, or the life cannot be started.
    """
    setup = save.setup
    if setup.scenario not in content.scenarios:
        raise SaveError(f"{path}: the scenario '{setup.scenario}' is not in the installed packs", path)
    try:
        return replay(content, setup, [(event, choice) for _day, event, choice in save.log], partial=True)
    except Exception as exc:  # untrusted settings can upset the engine at the start; say so, never crash
        raise SaveError(f"{path}: the life cannot be started again: {exc}", path) from None


def snapshot_problems(content: Content, save: SaveFile) -> list[str]:
    """What in the snapshot the current content no longer has (empty when it can be continued)."""
    st = save.state
    problems = []
    if st.scenario not in content.scenarios:
        problems.append(f"scenario '{st.scenario}' is gone")
    for system in (*st.enrolled, *st.shadow):
        if system not in content.systems:
            problems.append(f"score system '{system}' is gone")
        elif st.tiers.get(system) and st.tiers[system] not in {t.id for t in content.systems[system].tiers}:
            problems.append(f"grade '{st.tiers[system]}' of '{system}' is gone")
    events = [st.current] if st.current else []
    events += [e for _day, e in st.scheduled]
    problems += [f"event '{e}' is gone" for e in dict.fromkeys(events) if e not in content.events]
    return problems


def first_difference(saved: Any, replayed: Any, where: str = "state") -> str:
    """Where two JSON values first differ, with both values; "" when equal."""
    if isinstance(saved, dict) and isinstance(replayed, dict):
        for key in [*saved, *(k for k in replayed if k not in saved)]:
            if key not in saved or key not in replayed:
                return f"{where}.{key} is only in the {'replay' if key not in saved else 'snapshot'}"
            diff = first_difference(saved[key], replayed[key], f"{where}.{key}")
            if diff:
                return diff
        return ""
    if isinstance(saved, list) and isinstance(replayed, list) and len(saved) == len(replayed):
        for i, (a, b) in enumerate(zip(saved, replayed, strict=True)):
            diff = first_difference(a, b, f"{where}[{i}]")
            if diff:
                return diff
        return ""
    if saved == replayed and isinstance(saved, bool) == isinstance(replayed, bool):
        return ""
    return f"{where} is {_short(saved)} in the snapshot but {_short(replayed)} in the replay"


def _short(value: Any) -> str:
    text = repr(int(value) if isinstance(value, float) and value.is_integer() else value)
    return text if len(text) <= 60 else text[:57] + "..."


def game_changed(save: SaveFile) -> str:
    """ "old → new" when the save was made by another version of the game, else ""."""
    return f"{save.game_version} → {__version__}" if save.game_version != __version__ else ""
