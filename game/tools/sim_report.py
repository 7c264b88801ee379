"""The report of ``citizen simulate``: simulated lives reduced to a stable JSON-ready document.

Pure: no printing, no Rich. The keys are documented in docs/writing-packs.md
("Testing a pack"); ``FORMAT`` changes when a key changes meaning or goes away.
Lists of ids are sorted and numbers rounded, so the same lives always give the
same document.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from game.engine.content import Content
from game.engine.selection import EventIndex
from game.tools.sim_run import LifeResult
from game.tools.sim_tally import RunTally, ScenarioTally, median_of

FORMAT = 1


def _share(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


def _median_of(histogram: Counter) -> float | None:
    value = median_of(histogram)
    return None if value is None else round(float(value), 2)


class Tally:
    """Adds up lives as they come (:mod:`game.tools.sim_tally`), then writes the report (see :meth:`report`)."""

    def __init__(self, content: Content, scenarios: list[str], settings: dict, own: set[str] | None = None) -> None:
        """``own``: the packs being written (``--pack``); findings about other packs' events are reported apart."""
        self.content = content
        self.own = own
        self.scenarios = scenarios
        self.settings = settings
        self.totals = RunTally()

    def add(self, results: Iterable[LifeResult]) -> None:
        """Fold in these lives."""
        self.totals.add(results)

    def merge(self, partial: RunTally) -> None:
        """Fold in what another tally added up (a worker's batch)."""
        self.totals.merge(partial)

    def _of(self, scenario_id: str) -> ScenarioTally:
        return self.totals.scenarios.get(scenario_id) or ScenarioTally()

    # -- the whole document ------------------------------------------------------------
    def report(self) -> dict:
        """The report as plain data; see the module docstring."""
        tallies = {s: self._of(s) for s in self.scenarios}
        per_scenario = {s: self._scenario(s, tallies[s]) for s in self.scenarios}
        dead_days = [
            {"scenario": s, "day": row["day"], "lives": row["lives"]}
            for s in self.scenarios
            for row in per_scenario[s]["dead_end_days"]
        ]
        stuck_at = [{"scenario": s, **row} for s in self.scenarios for row in per_scenario[s]["stuck_at"]]
        runs = sum(t.runs for t in tallies.values())
        return {
            "format": FORMAT,
            "runs": runs,
            **self.settings,
            "scenario_ids": list(self.scenarios),
            "events": self._events(tallies, runs),
            "choices": self._choices(),
            "rules": self._rules(),
            "dead_ends": sum(sum(t.quiet.values()) for t in tallies.values()),
            "dead_end_days": dead_days,
            "stuck": sum(sum(t.stuck.values()) for t in tallies.values()),
            "stuck_at": stuck_at,
            "ended_early": sum(sum(t.endings.values()) for t in tallies.values()),
            "scenarios": per_scenario,
        }

    def _in_play(self) -> set[str]:
        events: set[str] = set()
        for scenario_id in self.scenarios:
            index = EventIndex.for_scenario(self.content, self.content.scenarios[scenario_id])
            events.update(e.id for e in index.candidates)
        return events

    def _events(self, tallies: dict[str, ScenarioTally], runs: int) -> dict:
        fired = self.totals.fired
        lives_with: Counter[str] = Counter()
        for tally in tallies.values():
            lives_with.update(tally.events)
        in_play = self._in_play()
        never = in_play - set(fired)
        return {
            "total": len(self.content.events),
            "in_play": len(in_play),
            "fired": len(fired),
            "never_fired": sorted(e for e in never if self._mine(e)),
            "never_fired_dependencies": sorted(e for e in never if not self._mine(e)),
            "out_of_play": sorted(set(self.content.events) - in_play),
            "table": {
                e: {"fired": fired[e], "lives": lives_with[e], "share": _share(lives_with[e], runs)}
                for e in sorted(self.content.events)
            },
        }

    def _choices(self) -> dict:
        totals = self.totals
        fired = set(totals.fired)
        every = [(e.id, c.id) for e in self.content.events.values() for c in e.choices]
        name = "/".join
        locked = totals.offered - totals.enabled
        hidden = [k for k in every if k[0] in fired and k not in totals.offered]
        return {
            "total": len(every),
            "never_offered": sorted(name(k) for k in hidden if self._mine(k[0])),
            "never_offered_dependencies": sorted(name(k) for k in hidden if not self._mine(k[0])),
            "always_locked": sorted(name(k) for k in locked if self._mine(k[0])),
            "always_locked_dependencies": sorted(name(k) for k in locked if not self._mine(k[0])),
            "never_taken": sorted(name(k) for k in totals.enabled - totals.taken),
        }

    def _mine(self, event_id: str) -> bool:
        return self.own is None or self.content.events[event_id].pack in self.own

    def _rules(self) -> dict:
        """Rules of the simulated scenarios' systems that no life ever scored."""
        systems = {
            s
            for scenario_id in self.scenarios
            for s in (
                *self.content.scenarios[scenario_id].systems,
                *self.content.scenarios[scenario_id].optional_systems,
                *self.content.scenarios[scenario_id].compare,
            )
        }
        every = {(s, r) for s in systems for r in self.content.systems[s].rules}
        return {"in_play": len(every), "never_recorded": sorted(f"{s}/{r}" for s, r in every - self.totals.recorded)}

    # -- one scenario ---------------------------------------------------------------------
    def _scenario(self, scenario_id: str, tally: ScenarioTally) -> dict:
        runs = tally.runs
        early = sum(tally.endings.values())
        scenario = self.content.scenarios[scenario_id]
        by_pack: Counter[str] = Counter()
        for event_id, n in tally.fired.items():
            by_pack[self.content.events[event_id].pack] += n
        return {
            "runs": runs,
            "world": list(dict.fromkeys(pack for pack, _tag in scenario.world)),
            "world_pools": list(scenario.world_ids()),
            "events_by_pack": dict(sorted(by_pack.items())),
            "max_repeats": {"median": _median_of(tally.max_repeats), "max": max(tally.max_repeats, default=0)},
            "routine_repeats": {"median": _median_of(tally.routine_repeats), "max": max(tally.routine_repeats, default=0)},
            "repeated_often": [
                {"event": e, "lives": n, "share": _share(n, runs)}
                for e, n in sorted(tally.repeated.items(), key=lambda x: (-x[1], x[0]))
            ],
            "length": tally.length,
            "dead_ends": sum(tally.quiet.values()),
            "dead_end_lives": tally.dead_end_lives,
            "dead_end_days": [{"day": d, "lives": n} for d, n in sorted(tally.quiet.items())],
            "stuck": sum(tally.stuck.values()),
            "stuck_at": [{"event": e, "day": d, "lives": n} for (e, d), n in sorted(tally.stuck.items())],
            "ended_early": {
                "lives": early,
                "share": _share(early, runs),
                "median_day": _median_of(tally.early_days),
                "endings": [{"text": t, "lives": n} for t, n in sorted(tally.endings.items(), key=lambda x: (-x[1], x[0]))],
            },
            "tiers": self._tiers(tally),
            "median_score": {
                s: [[d, _median_of(scores)] for d, scores in sorted(days.items())] for s, days in tally.scores.items()
            },
            "privileges_lost": {
                p: {"lives": n, "share": _share(n, runs), "median_day": _median_of(days)}
                for p, days in sorted(tally.lost.items())
                for n in [sum(days.values())]
            },
            "goals": self._goals(scenario_id, tally),
            "events": dict(sorted(tally.events.items())),
        }

    def _tiers(self, tally: ScenarioTally) -> dict:
        out = {}
        for system, counted in tally.tiers.items():
            counts = Counter(counted)
            counts[""] += tally.runs - sum(counts.values())  # lives that never joined a system others joined
            order = [t.id for t in self.content.systems[system].tiers] + [""]
            out[system] = [{"tier": t, "lives": counts[t], "share": _share(counts[t], tally.runs)} for t in order if counts[t]]
        return out

    def _goals(self, scenario_id: str, tally: ScenarioTally) -> dict:
        out = {}
        for goal in self.content.scenarios[scenario_id].goals:
            met = tally.goals_met.get(goal.id, Counter())
            count = sum(met.values())
            out[goal.id] = {"met": count, "share": _share(count, tally.runs), "median_day": _median_of(met)}
        return out


def strict_failures(report: dict) -> list[str]:
    """What ``--strict`` fails on: never-fired events, dead-end days, lives stuck on a locked event, missed balance targets."""
    out = []
    if report["events"]["never_fired"]:
        out.append(f"{len(report['events']['never_fired'])} event(s) never fired")
    if report["dead_ends"]:
        out.append(f"{report['dead_ends']} dead-end day(s)")
    if report["stuck"]:
        out.append(f"{report['stuck']} life/lives stuck on an event whose every choice was locked")
    missed = sum(1 for data in report["scenarios"].values() for row in data.get("balance", []) if not row["ok"])
    if missed:
        out.append(f"{missed} balance target(s) missed")
    return out
