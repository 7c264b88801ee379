"""Live reload for writers (``citizen play --watch --pack PATH``), with no UI in it.

:class:`LiveReload` polls the modification times of the watched packs' files.
When one changes it validates all the packs again; if they load, the current
life is replayed under the new content as far as its choices still fit
(:func:`carry_over`); if not, the last good content stays and the problems are
handed back to be shown. The TUI calls :meth:`LiveReload.poll` from a timer;
plain mode calls it between choices (:func:`plain_hook`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from game.engine.content import Content
from game.engine.life import Life, replay
from game.packs.loader import discover_packs, validate
from game.packs.problems import Problem
from game.strings import S

if TYPE_CHECKING:
    from game.tools.plain import PlainGame

Stamp = dict[str, tuple[int, int]]


@dataclass
class Reload:
    """What a change led to: a new life under new content, or the problems that kept the old one."""

    life: Life | None
    content: Content | None
    problems: list[Problem] = field(default_factory=list)
    replayed: int = 0
    total: int = 0

    @property
    def ok(self) -> bool:
        return self.content is not None


def carry_over(life: Life, content: Content) -> tuple[Life, int]:
    """The same setup under ``content``, with ``life``'s choices replayed while they still fit.

    Stops at the first choice whose event is not the one now waiting, or that is
    hidden or locked there (:func:`game.engine.life.replay` in its partial mode);
    returns the new life and how many choices it took.

    Raises:
        KeyError: the scenario is not in ``content`` any more.
    """
    result = replay(content, life.setup, [(event, choice) for _day, event, choice in life.state.log], partial=True)
    return result.life, result.replayed


class LiveReload:
    """Watches ``watched`` pack folders; reloads ``load`` (every pack the game uses) when they change."""

    def __init__(self, load: list[Path], watched: list[Path]) -> None:
        self.load = list(load)
        self.watched = list(watched)
        self.stamp = self.snapshot()

    def snapshot(self) -> Stamp:
        """Modification time and size of every .toml file in the watched packs."""
        stamp: Stamp = {}
        for folder in discover_packs(self.watched):
            for path in sorted(folder.rglob("*.toml")):
                try:
                    info = path.stat()
                except OSError:
                    continue  # deleted between listing and reading: the next poll sees it gone
                stamp[str(path)] = (info.st_mtime_ns, info.st_size)
        return stamp

    def changed(self) -> bool:
        """True once per change (a file saved, added or removed) since the last call."""
        now = self.snapshot()
        if now == self.stamp:
            return False
        self.stamp = now
        return True

    def poll(self, life: Life | None) -> Reload | None:
        """None if nothing changed; else the new content and life, or the problems that kept the old content."""
        if not self.changed():
            return None
        return self.reload(life)

    def reload(self, life: Life | None) -> Reload:
        """Validate the packs and carry ``life`` (if any) over to them, or say why not."""
        content, problems = validate(self.load)
        total = len(life.state.log) if life is not None else 0
        if content is None:
            return Reload(None, None, [p for p in problems if p.severity == "error"], 0, total)
        if life is None:
            return Reload(None, content)
        if life.setup.scenario not in content.scenarios:
            gone = Problem("", 0, S["reload_scenario_gone"].format(scenario=life.setup.scenario))
            return Reload(None, None, [gone], 0, total)
        fresh, replayed = carry_over(life, content)
        return Reload(fresh, content, [], replayed, total)


def describe(result: Reload) -> list[str]:
    """The lines a UI shows after a reload (pack problems first line by line, at most 20)."""
    if result.ok and result.life is None:
        return [S["reload_no_life"]]
    if result.ok:
        key = "reload_ok" if result.replayed == result.total else "reload_partial"
        return [S[key].format(replayed=result.replayed, total=result.total)]
    lines = [S["reload_failed"]]
    lines.extend(str(p) if p.file else p.message for p in result.problems[:20])
    if len(result.problems) > 20:
        lines.append(S["reload_more"].format(n=len(result.problems) - 20))
    return lines


def live_reload_for(packs: list[Path]) -> LiveReload:
    """The watcher for ``citizen play --watch --pack PATH…``: watch those packs, reload them with their dependencies."""
    from game.tools.common import CliError, pack_folders

    if not packs:
        raise CliError(S["watch_needs_pack"])
    return LiveReload(pack_folders(packs), packs)


def plain_hook(game: PlainGame, live: LiveReload, then: Callable[[], None] | None = None) -> Callable[[], None]:
    """An ``after_choice`` for plain mode: run ``then`` (e.g. report a failed save), then reload if a pack changed.

    On a good reload the game's session goes on with the new life and content.
    """

    def after_choice() -> None:
        if then is not None:
            then()
        result = live.poll(game.life)
        if result is None:
            return
        if result.life is not None and result.content is not None:
            game.session.content, game.session.life = result.content, result.life
        for line in describe(result):
            game.say(f"  ~ {line}")

    return after_choice
