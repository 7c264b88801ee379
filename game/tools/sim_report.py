"""The report of ``citizen simulate``: simulated lives reduced to a stable JSON-ready document.

Pure: no printing, no Rich. The keys are documented in docs/writing-packs.md
("Testing a pack"); ``FORMAT`` changes when a key changes meaning or goes away.
Lists of ids are sorted and numbers rounded, so the same lives always give the
same document.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from statistics import median

from game.engine.content import Content
from game.engine.selection import EventIndex
from game.tools.sim_run import LifeResult

FORMAT = 1


def _share(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


def _median(values: list[float]) -> float | None:
    return round(float(median(values)), 2) if values else None


class Tally:
    """Adds up lives one at a time, then writes the report (see :meth:`report`)."""

    def __init__(self, content: Content, scenarios: list[str], settings: dict) -> None:
        self.content = content
        self.scenarios = scenarios
        self.settings = settings
        self.lives: dict[str, list[LifeResult]] = {s: [] for s in scenarios}

    def add(self, results: Iterable[LifeResult]) -> None:
        for result in results:
            self.lives[result.scenario].append(result)

    # -- the whole document ------------------------------------------------------------
    def report(self) -> dict:
        """The report as plain data; see the module docstring."""
        all_lives = [life for s in self.scenarios for life in self.lives[s]]
        per_scenario = {s: self._scenario(s, self.lives[s]) for s in self.scenarios}
        dead_days = [
            {"scenario": s, "day": row["day"], "lives": row["lives"]}
            for s in self.scenarios
            for row in per_scenario[s]["dead_end_days"]
        ]
        stuck_at = [{"scenario": s, **row} for s in self.scenarios for row in per_scenario[s]["stuck_at"]]
        return {
            "format": FORMAT,
            "runs": len(all_lives),
            **self.settings,
            "scenario_ids": list(self.scenarios),
            "events": self._events(all_lives),
            "choices": self._choices(all_lives),
            "dead_ends": sum(len(life.quiet_days) for life in all_lives),
            "dead_end_days": dead_days,
            "stuck": sum(1 for life in all_lives if life.stuck),
            "stuck_at": stuck_at,
            "ended_early": sum(1 for life in all_lives if life.ending),
            "scenarios": per_scenario,
        }

    def _in_play(self) -> set[str]:
        events: set[str] = set()
        for scenario_id in self.scenarios:
            index = EventIndex.for_scenario(self.content, self.content.scenarios[scenario_id])
            events.update(e.id for e in index.candidates)
        return events

    def _events(self, lives: list[LifeResult]) -> dict:
        fired: Counter[str] = Counter()
        lives_with: Counter[str] = Counter()
        for life in lives:
            fired.update(life.events)
            lives_with.update(life.events.keys())
        in_play = self._in_play()
        return {
            "total": len(self.content.events),
            "in_play": len(in_play),
            "fired": len(fired),
            "never_fired": sorted(in_play - set(fired)),
            "out_of_play": sorted(set(self.content.events) - in_play),
            "table": {
                e: {"fired": fired[e], "lives": lives_with[e], "share": _share(lives_with[e], len(lives))}
                for e in sorted(self.content.events)
            },
        }

    def _choices(self, lives: list[LifeResult]) -> dict:
        offered: set[tuple[str, str]] = set()
        enabled: set[tuple[str, str]] = set()
        taken: set[tuple[str, str]] = set()
        fired: set[str] = set()
        for life in lives:
            offered |= life.offered
            enabled |= life.enabled
            taken.update(life.taken)
            fired.update(life.events)
        every = [(e.id, c.id) for e in self.content.events.values() for c in e.choices]
        name = "/".join
        return {
            "total": len(every),
            "never_offered": sorted(name(k) for k in every if k[0] in fired and k not in offered),
            "always_locked": sorted(name(k) for k in offered - enabled),
            "never_taken": sorted(name(k) for k in enabled - taken),
        }

    # -- one scenario ---------------------------------------------------------------------
    def _scenario(self, scenario_id: str, lives: list[LifeResult]) -> dict:
        runs = len(lives)
        quiet = Counter(day for life in lives for day in life.quiet_days)
        stuck = Counter(life.stuck for life in lives if life.stuck)
        early = [life for life in lives if life.ending]
        endings = Counter(life.ending for life in early)
        return {
            "runs": runs,
            "length": max((life.length for life in lives), default=0),
            "dead_ends": sum(quiet.values()),
            "dead_end_lives": sum(1 for life in lives if life.quiet_days),
            "dead_end_days": [{"day": d, "lives": n} for d, n in sorted(quiet.items())],
            "stuck": sum(stuck.values()),
            "stuck_at": [{"event": e, "day": d, "lives": n} for (e, d), n in sorted(stuck.items())],
            "ended_early": {
                "lives": len(early),
                "share": _share(len(early), runs),
                "median_day": _median([life.day for life in early]),
                "endings": [{"text": t, "lives": n} for t, n in sorted(endings.items(), key=lambda x: (-x[1], x[0]))],
            },
            "tiers": self._tiers(lives),
            "median_score": self._trajectories(lives),
            "privileges_lost": self._lost(lives),
            "goals": self._goals(scenario_id, lives),
            "events": {e: n for e, n in sorted(Counter(e for life in lives for e in life.events).items())},
        }

    def _tiers(self, lives: list[LifeResult]) -> dict:
        counts: dict[str, Counter[str]] = defaultdict(Counter)
        for life in lives:
            for system, tier in life.tiers.items():
                counts[system][tier] += 1
        out = {}
        for system, tally in counts.items():
            tally[""] += len(lives) - sum(tally.values())  # lives that never joined a system others joined
            order = [t.id for t in self.content.systems[system].tiers] + [""]
            out[system] = [{"tier": t, "lives": tally[t], "share": _share(tally[t], len(lives))} for t in order if tally[t]]
        return out

    @staticmethod
    def _trajectories(lives: list[LifeResult]) -> dict:
        by_day: dict[str, dict[int, list[float]]] = defaultdict(lambda: defaultdict(list))
        for life in lives:
            for system, points in life.history.items():
                for day, score in points:
                    by_day[system][day].append(score)
        return {s: [[d, _median(v)] for d, v in sorted(days.items())] for s, days in by_day.items()}

    @staticmethod
    def _lost(lives: list[LifeResult]) -> dict:
        days: dict[str, list[int]] = defaultdict(list)
        for life in lives:
            for privilege, day in life.lost.items():
                days[privilege].append(day)
        return {
            p: {"lives": len(d), "share": _share(len(d), len(lives)), "median_day": _median(d)} for p, d in sorted(days.items())
        }

    def _goals(self, scenario_id: str, lives: list[LifeResult]) -> dict:
        out = {}
        for goal in self.content.scenarios[scenario_id].goals:
            met = [life.goals[goal.id] for life in lives if life.goals.get(goal.id, 0) > 0]
            out[goal.id] = {"met": len(met), "share": _share(len(met), len(lives)), "median_day": _median(met)}
        return out


def strict_failures(report: dict) -> list[str]:
    """What ``--strict`` fails on: never-fired events, dead-end days, lives stuck on a locked event."""
    out = []
    if report["events"]["never_fired"]:
        out.append(f"{len(report['events']['never_fired'])} event(s) never fired")
    if report["dead_ends"]:
        out.append(f"{report['dead_ends']} dead-end day(s)")
    if report["stuck"]:
        out.append(f"{report['stuck']} life/lives stuck on an event whose every choice was locked")
    return out
