"""Compile layered declarations into engine :class:`Content`, checking every reference."""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterable, Iterator, Mapping
from itertools import compress
from operator import attrgetter
from typing import Any

import msgspec

from game.engine import content as c
from game.engine.effects import KINDS, NO_EFFECTS, Effects, Kind, Shape
from game.packs import schema
from game.packs.expr import BOOL, NUM, Compiled, ExprError, Expressions, Names, compile_number, constant
from game.packs.interpolation import FILLED_FIELDS, problems_in
from game.packs.layers import Layered, ancestors
from game.packs.problems import Problems
from game.packs.reader import Item, Origin
from game.packs.translatable import fields_of
from game.packs.worlds import check_worlds, leave_out_assumed

_ONE = constant(1)

_WRITTEN = attrgetter(*(kind.key for kind in KINDS))
"""A block's raw value of every kind of effect, in the order of ``KINDS`` (one call, not one per kind)."""


def _hint(word: str, known: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, sorted(known), n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""


def names_of(layered: Layered) -> Names:
    """The names expressions of ``layered`` may use (what :class:`Builder` compiles them against)."""
    return Builder(layered, Problems())._names()


MYTH_TAG = "myth"
"""The tag of an event where a common claim comes up: a myth of the deck must name it in its ``events``."""


class Builder:
    """Turns one :class:`Layered` into :class:`Content`, reporting into ``problems``."""

    def __init__(self, layered: Layered, problems: Problems) -> None:
        self.layered = layered
        self.problems = problems
        self.sections = layered.sections
        self.compiled: dict[tuple[object, str, type], Compiled] = {}
        self.ancestors = ancestors(layered.packs)
        self.pack_order = [p.id for p in layered.packs if p.meta]

    def items(self, section: str) -> dict[str, Item]:
        return self.sections.get(section, {})

    # -- helpers --------------------------------------------------------------
    def ref(self, origin: Origin, sub: str, ident: str, known: Iterable[str], what: str) -> bool:
        if not isinstance(known, set | frozenset | dict):
            known = set(known)
        if ident in known:
            return True
        self.problems.error(origin.file, origin.at(sub), f"unknown {what} '{ident}'{_hint(ident, known)}")
        return False

    def refs(self, origin: Origin, sub: str, idents: Iterable[str], known: Iterable[str], what: str) -> tuple[str, ...]:
        if not idents:
            return ()
        if not isinstance(known, set | frozenset | dict):
            known = set(known)
        return tuple(i for i in idents if self.ref(origin, sub, i, known, what))

    def expr(self, origin: Origin, sub: str, source: Any, kind: str = BOOL) -> Compiled | None:
        """Compile once per distinct source: compiled expressions hold no state, so they are shared."""
        if source == "" or source is None:
            return None
        key = (source, kind, type(source))
        result = self.compiled.get(key)
        if result is not None:
            return result
        try:
            result = compile_number(source, self.names) if kind == NUM else self.expressions.compile(source, kind)
        except ExprError as exc:
            self.problems.error(origin.file, origin.at(sub), str(exc))
            return None  # not kept: the error is reported again where it recurs
        self.compiled[key] = result
        return result

    # -- the build ------------------------------------------------------------
    def build(self) -> c.Content:
        self.names = self._names()
        self.expressions = Expressions(self.names)
        self.recordable = {k.split(".", 1)[1] for k in self.items("rules")} | set(self.items("acts"))
        stats = {k: self._stat(k, i.value) for k, i in self.items("stats").items()}
        privileges = {
            k: c.Privilege(k, i.value.name, i.value.default, i.value.description, i.value.source, i.value.reliability)
            for k, i in self.items("privileges").items()
        }
        rules = self._rules()
        systems = {k: self._system(k, i, rules.get(k, {})) for k, i in self.items("systems").items()}
        lists = {k: self._list(k, i) for k, i in self.items("lists").items()}
        characters = {k: self._character(k, i) for k, i in self.items("characters").items()}
        cities = {
            k: c.City(k, i.value.name, i.value.description, i.value.source, i.value.reliability)
            for k, i in self.items("cities").items()
        }
        settings = {
            k: c.Setting(k, i.value.name, i.value.default, i.value.description) for k, i in self.items("settings").items()
        }
        events = {k: self._event(i) for k, i in self.layered.events.items()}
        daily = tuple(self._daily(i) for i in self.layered.daily.values())
        ordered = sorted(self.items("scenarios").items(), key=lambda kv: kv[1].value.order)  # stable: load order breaks ties
        scenarios = {k: leave_out_assumed(self, i, self._scenario(k, i)) for k, i in ordered}
        packs = tuple(
            c.PackInfo(
                s.id,
                s.meta.name,
                s.meta.version,
                s.meta.description,
                tuple(s.meta.authors),
                s.meta.license,
                tuple(s.meta.languages),
                tuple(s.meta.depends),
                str(s.path),
                s.content_hash,
            )
            for s in self.layered.packs
            if s.meta
        )
        content = c.Content(
            packs,
            stats,
            privileges,
            systems,
            lists,
            characters,
            cities,
            settings,
            events,
            daily,
            scenarios,
            frozenset(r for s in systems.values() for r in s.rules),
            self._myths(systems),
        )
        self._check_reachability(content)
        self._check_same_day_loops(content)
        check_worlds(self, content)
        self._check_placeholders()
        self._check_unrecorded_rules()
        self._check_display_names("stats", "stat")
        self._check_display_names("privileges", "privilege")
        return content

    def _check_placeholders(self) -> None:
        """Every placeholder of a text the play layer fills in (``{stat:money}``) is one it knows, naming a declared id."""
        known = {section: self.items(section) for section in ("characters", "stats", "systems")}
        items = [*self.layered.events.values(), *self.layered.daily.values(), *self.items("scenarios").values()]
        for item in items:
            scenario = isinstance(item.value, schema.ScenarioDef)
            for path, text in _braced_texts(item.value):
                if scenario and not path.startswith(("goals[", "endings[")):
                    continue
                for problem in problems_in(text, known):
                    self.problems.error(item.origin.file, item.origin.at(path), f"{path}: {problem}")

    def _check_same_day_loops(self, content: c.Content) -> None:
        """Refuse follow-ups with ``after = 0`` that lead back to their own event: that day would never end."""
        today: dict[str, set[str]] = {
            ev.id: {
                e
                for ch in ev.choices
                for eff in (ch.effects, *(o.effects for o in ch.outcomes))
                for e, after, _on in eff.schedule
                if after == 0
            }
            for ev in content.events.values()
        }
        done: set[str] = set()
        for start in sorted(today):
            path: list[str] = []
            on_path: set[str] = set()
            stack: list[tuple[str, list[str]]] = [(start, sorted(today[start]))]
            path.append(start)
            on_path.add(start)
            while stack:
                node, pending = stack[-1]
                if not pending:
                    stack.pop()
                    path.pop()
                    on_path.discard(node)
                    done.add(node)
                    continue
                nxt = pending.pop()
                if nxt in on_path:
                    loop = [*path[path.index(nxt) :], nxt]
                    o = self.layered.events[nxt].origin
                    self.problems.error(
                        o.file,
                        o.line,
                        f"follow-ups with after = 0 make a loop ({' → '.join(loop)}): that day would never end; "
                        "give one of them after = 1 or more",
                    )
                    return
                if nxt in done or nxt not in today:
                    continue
                path.append(nxt)
                on_path.add(nxt)
                stack.append((nxt, sorted(today[nxt])))

    def _check_unrecorded_rules(self) -> None:
        """A rule for an act that no event records and no pack declares never scores: usually a typo in its id.

        A rule with a name of its own is an entry of a rule book, kept whether or not an event records it.

        (Rules for declared acts that nothing loaded records are listed by ``citizen simulate``.)"""
        recorded = {
            r
            for item in [*self.layered.events.values(), *self.layered.daily.values()]
            for effects in _all_effects(item.value)
            for r in effects.record
        }
        acts = self.items("acts")
        for key, item in self.items("rules").items():
            system_id, rule_id = key.split(".", 1)
            if rule_id in recorded or rule_id in acts or item.value.name:
                continue  # a declared act may be recorded by packs not loaded here; a named rule is a rule book's entry
            candidates = recorded | set(acts)
            self.problems.warning(
                item.origin.file,
                item.origin.line,
                f"rule '{rule_id}' of '{system_id}': no event records '{rule_id}', so it never scores"
                f"{_hint(rule_id, candidates - {rule_id})}",
            )

    def _check_display_names(self, section: str, what: str) -> None:
        """Two items that show the same name to the player cannot be told apart on screen."""
        seen: dict[str, tuple[str, Item]] = {}
        warned: set[str] = set()
        for key, item in self.items(section).items():
            name = item.value.name.strip().casefold()
            if name in seen and name not in warned:
                warned.add(name)
                other, first = seen[name]
                self.problems.warning(
                    item.origin.file,
                    item.origin.at("name"),
                    f"{what} '{key}' shows the same name as '{other}' ({first.origin.file}:{first.origin.line}), "
                    f'"{item.value.name}": give one of them another name',
                )
            seen.setdefault(name, (key, item))

    def _names(self) -> Names:
        flags: set[str] = set()
        unset: dict[str, Item] = {}
        for item in [*self.layered.events.values(), *self.layered.daily.values()]:
            for effects in _all_effects(item.value):
                flags.update(effects.flags)
                for flag in effects.unflag:
                    unset.setdefault(flag, item)
        for item in self.items("scenarios").values():
            flags.update(item.value.flags)
        for flag, item in unset.items():
            if flag not in flags:
                self.problems.warning(
                    item.origin.file,
                    item.origin.at("unflag") if "[" not in item.origin.path else item.origin.line,
                    f"flag '{flag}' is unset here but nothing sets it{_hint(flag, flags)}",
                )
        flags |= set(unset)  # still readable: the warning above says what is wrong
        systems = {k: tuple(t.id for t in i.value.tiers) for k, i in self.items("systems").items()}
        goals = {g.id for i in self.items("scenarios").values() for g in i.value.goals}
        return Names(
            systems=systems,
            stats=frozenset(self.items("stats")),
            flags=frozenset(flags),
            settings={k: _value_type(i.value.default) for k, i in self.items("settings").items()},
            privileges=frozenset(self.items("privileges")),
            lists=frozenset(self.items("lists")),
            cities=frozenset(self.items("cities")),
            characters=frozenset(self.items("characters")),
            events=frozenset(self.layered.events),
            goals=frozenset(goals),
        )

    def _stat(self, key: str, v: schema.StatDef) -> c.Stat:
        return c.Stat(key, v.name, v.min, v.max, min(max(v.start, v.min), v.max), v.unit, v.hidden, v.description)

    def _system(self, key: str, item: Item, rules: Mapping[str, c.Rule]) -> c.System:
        v: schema.SystemDef = item.value
        o = item.origin
        if not v.min <= v.start <= v.max:
            self.problems.error(o.file, o.at("start"), f"start {v.start} is outside the range {v.min}–{v.max}")
        tiers = sorted(v.tiers, key=lambda t: -t.min)
        seen: dict[float, str] = {}
        ids: set[str] = set()
        for t in tiers:
            if t.min in seen:
                self.problems.error(o.file, o.at("tiers"), f"tiers '{seen[t.min]}' and '{t.id}' overlap: both start at {t.min}")
            if t.id in ids:
                self.problems.error(o.file, o.at("tiers"), f"tier id '{t.id}' is used twice")
            seen[t.min] = t.id
            ids.add(t.id)
            if not v.min <= t.min <= v.max:
                self.problems.error(o.file, o.at("tiers"), f"tier '{t.id}' starts at {t.min}, outside the range {v.min}–{v.max}")
        if tiers and tiers[-1].min > v.min:
            self.problems.error(
                o.file,
                o.at("tiers"),
                f"scores from {v.min} to {tiers[-1].min} have no tier (gap below '{tiers[-1].id}'); lower its min to {v.min}",
            )
        known = self.items("privileges")
        built = tuple(
            c.Tier(
                t.id,
                t.min,
                t.name or t.id,
                t.color,
                t.description,
                self.refs(o, "tiers", t.grant, known, "privilege"),
                self.refs(o, "tiers", t.revoke, known, "privilege"),
                self.refs(o, "tiers", t.reported_revoke, known, "privilege"),
                t.source,
                t.reliability,
                self.refs(o, "tiers", t.grant_up, known, "privilege"),
            )
            for t in tiers
        )
        self._check_grants_only_at_one_grade(key, o, built)
        return c.System(
            key,
            v.name,
            v.min,
            v.max,
            v.start,
            v.visibility,
            built,
            rules,
            v.description,
            v.source,
            v.reliability,
            float(v.scale),
            v.decimals,
        )

    def _check_grants_only_at_one_grade(self, key: str, o: Origin, tiers: tuple[c.Tier, ...]) -> None:
        """A perk ``grant``ed by one grade is lost at the grades above it: say so, unless a higher grade grants it too."""
        for i, tier in enumerate(tiers):  # highest first
            higher = tiers[:i]
            for privilege in tier.grant:
                missing = [t for t in higher if privilege not in t.grant and privilege not in t.grant_up]
                up_from_below = any(privilege in t.grant_up for t in tiers[i:])
                if missing and not up_from_below:
                    names = ", ".join(f"'{t.id}'" for t in missing)
                    self.problems.warning(
                        o.file,
                        o.at("tiers"),
                        f"tier '{tier.id}' of '{key}' grants '{privilege}' at that grade only: grades {names} above it "
                        f"do not hold it; write grant_up = [\"{privilege}\"] to grant it from '{tier.id}' up",
                    )

    def _rules(self) -> dict[str, dict[str, c.Rule]]:
        """Every system's rules, built before the systems so that a built system is never changed."""
        acts = self.items("acts")
        systems = self.items("systems")
        rules: dict[str, dict[str, c.Rule]] = {}
        for key, item in self.items("rules").items():
            system_id, rule_id = key.split(".", 1)
            if not self.ref(item.origin, "", system_id, systems, "score system"):
                continue
            v: schema.RuleDef = item.value
            act: schema.ActDef | None = acts[rule_id].value if rule_id in acts else None
            points = self.expr(item.origin, "points", v.points, NUM) or constant(0)
            rules.setdefault(system_id, {})[rule_id] = c.Rule(
                rule_id,
                system_id,
                points,
                v.name or (act.name if act else "") or rule_id.replace("_", " ").capitalize(),
                v.category or (act.category if act else ""),
                v.description or (act.description if act else ""),
                v.source or (act.source if act else ""),
                v.cooldown,
                v.limit,
                v.limit_days,
                v.reliability or (act.reliability if act else ""),
                v.reported_only,
            )
            if v.reported_only:
                self._check_reported_only(key, item.origin, rules[system_id][rule_id])
        return rules

    def _check_reported_only(self, key: str, o: Origin, rule: c.Rule) -> None:
        """A reported-only rule needs a note to open where it bites, and cannot be an official document."""
        if not rule.source:
            self.problems.error(
                o.file,
                o.at("reported_only"),
                f"rule '{key}' is reported_only but has no source: add source = \"…\" saying who reported it",
            )
        if rule.reliability == "official_document":
            self.problems.error(
                o.file,
                o.at("reported_only"),
                f"rule '{key}' is reported_only but its reliability is official_document: a documented rule applies under "
                "both premises; drop reported_only, or give the reliability of the report",
            )
        if c.PREMISE_SETTING not in self.items("settings"):
            self.problems.warning(
                o.file,
                o.at("reported_only"),
                f"rule '{key}' is reported_only, but no pack declares the setting '{c.PREMISE_SETTING}', so it always applies; "
                "depend on core (or declare [settings.premise])",
            )

    def _list(self, key: str, item: Item) -> c.BlackList:
        v: schema.ListDef = item.value
        known = self.items("privileges")
        return c.BlackList(
            key,
            v.name,
            v.kind,
            v.public,
            self.refs(item.origin, "grant", v.grant, known, "privilege"),
            self.refs(item.origin, "revoke", v.revoke, known, "privilege"),
            v.description,
            v.source,
            v.reliability,
        )

    def _character(self, key: str, item: Item) -> c.Character:
        v: schema.CharacterDef = item.value
        systems = self.items("systems")
        self.refs(item.origin, "scores", v.scores, systems, "score system")
        self.refs(item.origin, "drift", v.drift, systems, "score system")
        drift = {s: (min(r), max(r)) for s, r in v.drift.items()}
        return c.Character(key, v.name, v.relation, dict(v.scores), drift, v.description)

    def _effects(self, item: Item, sub: str, v: schema.Effects) -> Effects:
        """Compile and check each kind of effect (see :data:`game.engine.effects.KINDS`) by its shape."""
        p = f"{sub}." if sub else ""
        steps = []
        raws = _WRITTEN(v)
        for kind, raw in compress(zip(KINDS, raws, strict=True), raws):  # most blocks write a kind or two: only those compile
            value = self._effect(item, p + kind.key, kind, raw)
            if value:
                steps.append((kind, value))
        return Effects.of_steps(tuple(steps)) if steps else NO_EFFECTS

    def _named_by(self, names: str) -> Iterable[str]:
        """The ids an effect's ``names`` can be: acts and rules, events, or a section's items."""
        if names == "recordable":
            return self.recordable
        return self.layered.events if names == "events" else self.items(names)

    def _effect(self, item: Item, path: str, kind: Kind, raw: Any) -> Any:
        """One kind's value, compiled; its ids checked against what they name (unknown ones are errors, and left out)."""
        o = item.origin
        if not raw:
            return kind.shape.empty
        known = self._named_by(kind.names) if kind.names else None

        def named(ident: str) -> bool:
            return known is None or ident in known or self.ref(o, path, ident, known, kind.what)

        match kind.shape:
            case Shape.IDS:
                return self.refs(o, path, raw, known, kind.what) if known is not None else tuple(raw)
            case Shape.AMOUNTS:
                return tuple((k, e) for k, value in raw.items() if named(k) and (e := self.expr(o, f"{path}.{k}", value, NUM)))
            case Shape.ID:
                return raw if named(raw) else ""
            case Shape.TEXT:
                return raw
            case Shape.FOLLOW_UPS:
                on = schema.WEEKDAYS.index
                for number, f in enumerate(raw):
                    if f.after is not None and f.weeks is not None:
                        self.problems.error(
                            o.file,
                            o.at(f"{path}[{number}]"),
                            f"follow-up of '{f.event}' gives both after = {f.after} and weeks = {f.weeks}; "
                            f"keep one (after = {7 * f.weeks} is the same as weeks = {f.weeks})",
                        )
                return tuple(
                    (f.event, schema.follow_up_days(f.after, f.weeks), on(f.on) if f.on else -1)
                    for f in raw
                    if named(f.event) and (f.after is None or f.weeks is None)
                )
            case Shape.CHARACTER_AMOUNTS:
                systems = self.items("systems")
                return tuple(
                    (who, system, e)
                    for who, scores in raw.items()
                    if named(who)
                    for system, value in scores.items()
                    if self.ref(o, path, system, systems, "score system") and (e := self.expr(o, path, value, NUM))
                )
        raise AssertionError(kind.shape)  # pragma: no cover - every shape is handled above

    def _event(self, item: Item) -> c.Event:
        v: schema.EventDef = item.value
        o = item.origin
        if not v.choices:
            self.problems.error(o.file, o.line, f"event '{v.id}' has no choices; add at least one [[event.choice]]")
        choices = []
        seen: set[str] = set()
        for i, ch in enumerate(v.choices):
            sub = f"choice[{i}]"
            if ch.id in seen:
                self.problems.error(o.file, o.at(sub + ".id"), f"choice id '{ch.id}' is used twice in event '{v.id}'")
            seen.add(ch.id)
            outcomes = []
            literal_total = 0.0
            for j, out in enumerate(ch.outcomes):
                osub = f"{sub}.outcome[{j}]"
                chance = self.expr(o, osub + ".chance", out.chance, NUM) or constant(0)
                if isinstance(out.chance, int | float):
                    literal_total += out.chance
                    if not 0 <= out.chance <= 1:
                        self.problems.error(o.file, o.at(osub + ".chance"), f"chance {out.chance} must be between 0 and 1")
                outcomes.append(c.Outcome(out.id or f"o{j + 1}", chance, out.text, self._effects(item, osub, out)))
            if literal_total > 1.000001:
                self.problems.error(
                    o.file, o.at(sub), f"the chances of choice '{ch.id}' add up to {literal_total:g}, more than 1"
                )
            choices.append(
                c.Choice(
                    ch.id,
                    ch.label,
                    ch.text,
                    self._effects(item, sub, ch),
                    tuple(outcomes),
                    self.expr(o, sub + ".show_if", ch.show_if),
                    self.expr(o, sub + ".enable_if", ch.enable_if),
                    self.refs(o, sub + ".requires", ch.requires, self.items("privileges"), "privilege"),
                    ch.locked_text,
                    tuple(ch.tags),
                    ch.source,
                    ch.reliability,
                    ch.stance,
                )
            )
        first, last = (v.days[0], v.days[1]) if v.days else (1, 10_000)
        if first > last:
            self.problems.error(o.file, o.at("days"), f"days window [{first}, {last}] is empty")
        if v.character:
            self.ref(o, "character", v.character, self.items("characters"), "character")
        weight = self.expr(o, "weight", v.weight, NUM) or _ONE
        return c.Event(
            v.id,
            v.title,
            v.text,
            tuple(choices),
            weight,
            self.expr(o, "when", v.when),
            first,
            last,
            v.cooldown,
            v.once,
            tuple(v.tags),
            v.character,
            v.source,
            item.pack,
            v.reliability,
            weekdays=frozenset(schema.WEEKDAYS.index(d) for d in v.weekdays),
            months=frozenset(v.months),
            repeatable=v.repeatable,
        )

    def _daily(self, item: Item) -> c.Daily:
        v: schema.DailyDef = item.value
        return c.Daily(v.id, self.expr(item.origin, "when", v.when), v.text, self._effects(item, "", v), v.source, v.reliability)

    def _scenario(self, key: str, item: Item) -> c.Scenario:
        v: schema.ScenarioDef = item.value
        o = item.origin
        systems = self.items("systems")
        if v.city:
            self.ref(o, "city", v.city, self.items("cities"), "city")
        for name in ("systems", "optional_systems", "compare"):
            self.refs(o, name, getattr(v, name), systems, "score system")
        self.refs(o, "stats", v.stats, self.items("stats"), "stat")
        self.refs(o, "scores", v.scores, systems, "score system")
        self.refs(o, "lists", v.lists, self.items("lists"), "list")
        self.refs(o, "friends", v.friends, self.items("characters"), "character")
        self.refs(o, "grant", v.grant, self.items("privileges"), "privilege")
        self.refs(o, "revoke", v.revoke, self.items("privileges"), "privilege")
        for name, value in v.settings.items():
            if name == c.PREMISE_SETTING and value not in c.PREMISES:
                self.problems.error(
                    o.file, o.at(f"settings.{name}"), f"setting '{name}' must be one of {', '.join(c.PREMISES)}, not {value!r}"
                )
            if self.ref(o, "settings", name, self.items("settings"), "setting"):
                expected = _value_type(self.items("settings")[name].value.default)
                if _value_type(value) != expected:
                    self.problems.error(
                        o.file, o.at(f"settings.{name}"), f"setting '{name}' must be a {expected}, like its default"
                    )
        try:
            dt.date.fromisoformat(v.start_date)
        except ValueError:
            message = f"start_date '{v.start_date}' is not a day of the calendar; write YYYY-MM-DD"
            self.problems.error(o.file, o.at("start_date"), message)
        low, high = v.events_per_day
        if not 0 <= low <= high <= 9:
            self.problems.error(o.file, o.at("events_per_day"), "events_per_day must be [low, high] with 0 ≤ low ≤ high ≤ 9")
        goals = self._goals(key, item)
        settings = {k: s.value.default for k, s in self.items("settings").items()}
        settings.update(v.settings)
        world = self._world(key, item)
        return c.Scenario(
            key,
            v.name,
            v.description,
            v.city,
            tuple(v.systems),
            tuple(v.optional_systems),
            tuple(v.compare),
            v.days,
            (low, high),
            v.start_date,
            {f: getattr(v.character, f) for f in v.character.__struct_fields__},
            dict(v.stats),
            dict(v.scores),
            tuple(v.flags),
            tuple(v.grant),
            tuple(v.revoke),
            tuple(v.lists),
            tuple(v.friends),
            settings,
            tuple(goals),
            v.source,
            v.reliability,
            item.pack,
            world,
            balance=self._balance(key, item, tuple(goals)),
            acts=self._acts(key, item, world),
            set_pieces=self._set_pieces(key, item, world),
            endings=self._endings(key, item),
        )

    def _endings(self, key: str, item: Item) -> tuple[c.Ending, ...]:
        """The scenario's epilogue texts, each with a distinct id and a condition that compiles."""
        v: schema.ScenarioDef = item.value
        o = item.origin
        out: list[c.Ending] = []
        for n, e in enumerate(v.endings):
            if any(x.id == e.id for x in out):
                self.problems.error(o.file, o.at(f"endings[{n}].id"), f"scenario '{key}' has two endings with id '{e.id}'")
                continue
            when = self.expr(o, f"endings[{n}].when", e.when)
            if e.when and when is None:
                continue
            out.append(c.Ending(e.id, e.text, when))
        return tuple(out)

    def _set_pieces(self, key: str, item: Item, world: c.Pool) -> tuple[c.SetPiece, ...]:
        """The scenario's set pieces: an event of its world, on a day of the life or when a condition first holds."""
        v: schema.ScenarioDef = item.value
        o = item.origin
        events = self.layered.events
        out = []
        for n, p in enumerate(v.set_pieces):
            where = f"set_pieces[{n}]"
            if not self.ref(o, f"{where}.event", p.event, events, "event"):
                continue
            found = events[p.event]
            if not c.in_pool(found.pack, found.value.tags, world):
                self.problems.error(
                    o.file,
                    o.at(f"{where}.event"),
                    f"set piece '{p.event}' is outside the world of scenario '{key}'; add '{found.pack}' "
                    f"or one of its pools to the world, or pick an event of the world",
                )
                continue
            if bool(p.day) == bool(p.when):
                self.problems.error(
                    o.file, o.at(where), f"set piece '{p.event}' needs either day = N or when = \"…\" (one of them)"
                )
                continue
            first, last = p.days or (1, v.days)
            if (p.day and not 1 <= p.day <= v.days) or not 1 <= first <= last <= v.days:
                sub, said = ("day", f"day {p.day}") if p.day else ("days", f"days {first}–{last}")
                self.problems.error(
                    o.file, o.at(f"{where}.{sub}"), f"set piece '{p.event}' is on {said}, outside the life's {v.days} days"
                )
                continue
            when = self.expr(o, f"{where}.when", p.when)
            if p.when and when is None:
                continue
            out.append(c.SetPiece(p.event, p.day, when, first, last))
        return tuple(out)

    def _acts(self, key: str, item: Item, world: c.Pool) -> tuple[c.Act, ...]:
        """The scenario's acts: inside the life, not overlapping, pooling and weighting events of its world."""
        v: schema.ScenarioDef = item.value
        o = item.origin
        in_world = [i for i in self.layered.events.values() if c.in_pool(i.pack, i.value.tags, world)]
        known = {i.value.id for i in in_world} | {t for i in in_world for t in i.value.tags}
        out: list[c.Act] = []
        for n, a in enumerate(v.acts):
            where = f"acts[{n}]"
            first, last = a.days
            if not 1 <= first <= last <= v.days:
                self.problems.error(
                    o.file,
                    o.at(f"{where}.days"),
                    f"act '{a.id}' of scenario '{key}' runs days {first}–{last}; an act's days are [first, last] "
                    f"within the life's {v.days} days",
                )
                continue
            clash = next((b for b in out if first <= b.last_day and b.first_day <= last), None)
            if clash is not None:
                self.problems.error(
                    o.file,
                    o.at(f"{where}.days"),
                    f"act '{a.id}' (days {first}–{last}) overlaps act '{clash.id}' (days {clash.first_day}–{clash.last_day}); "
                    "a day belongs to one act",
                )
                continue
            pool = []
            for entry in a.pool:
                pack, _, tag = entry.partition(":")
                if not any(c.in_pool(i.pack, i.value.tags, ((pack, tag),)) for i in in_world):
                    self.problems.error(
                        o.file,
                        o.at(f"{where}.pool"),
                        f"pool '{entry}' of act '{a.id}' has no event in the world of scenario '{key}'; "
                        "an act draws only from its scenario's world",
                    )
                    continue
                pool.append((pack, tag))
            for ident in a.weights:
                if ident not in known:
                    self.problems.error(
                        o.file,
                        o.at(f"{where}.weights.{ident}"),
                        f"act '{a.id}' weights '{ident}', which is neither an event nor a tag in the world of scenario "
                        f"'{key}'{_hint(ident, known)}",
                    )
            weights = tuple((k, float(m)) for k, m in a.weights.items() if k in known)
            out.append(c.Act(a.id, first, last, tuple(pool), weights))
        return tuple(sorted(out, key=lambda act: act.first_day))

    def _goals(self, key: str, item: Item) -> list[c.Goal]:
        """The scenario's goals: a condition, a grade or both; ``after`` only goals declared before."""
        v: schema.ScenarioDef = item.value
        o = item.origin
        goals: list[c.Goal] = []
        for i, g in enumerate(v.goals):
            where = f"goals[{i}]"
            when = self.expr(o, f"{where}.when", g.when)
            if g.when and when is None:
                continue
            if not g.when and not g.grade:
                self.problems.error(
                    o.file, o.at(where), f"goal '{g.id}' needs when = \"…\" or grade = \"system:TIER\" (or both)"
                )
                continue
            system, _, tier = g.grade.partition(":")
            if g.grade:
                joinable = {*v.systems, *v.optional_systems}
                if not self.ref(o, f"{where}.grade", system, joinable, f"score system of scenario '{key}'"):
                    continue
                defined = self.items("systems").get(system)
                tiers = [t.id for t in defined.value.tiers] if defined else [tier]
                if tier not in tiers:
                    self.problems.error(
                        o.file,
                        o.at(f"{where}.grade"),
                        f"goal '{g.id}' asks for grade '{tier}', which system '{system}' does not have{_hint(tier, tiers)}",
                    )
                    continue
            earlier = {x.id for x in goals}
            later = {x.id for x in v.goals[i:]}
            bad = [a for a in g.after if a not in earlier]
            if bad:
                hint = "; a goal can only come after goals written before it" if bad[0] in later else _hint(bad[0], earlier)
                self.problems.error(o.file, o.at(f"{where}.after"), f"goal '{g.id}' comes after unknown goal '{bad[0]}'{hint}")
                continue
            goals.append(c.Goal(g.id, g.text, when, g.by or v.days, g.source, tuple(g.after), system, tier))
        return goals

    def _balance(self, key: str, item: Item, goals: tuple[c.Goal, ...]) -> tuple[c.BalanceTarget, ...]:
        """The scenario's balance targets, each naming one thing to measure with at least one bound."""
        v: schema.ScenarioDef = item.value
        o = item.origin
        systems = {*v.systems, *v.optional_systems, *v.compare}
        out = []
        for i, b in enumerate(v.balance):
            where = f"balance[{i}]"
            named = [(m, getattr(b, m)) for m in ("goal", "grades", "tier_jump") if getattr(b, m)]
            if len(named) != 1:
                self.problems.error(
                    o.file,
                    o.at(where),
                    f"balance target {i + 1} of scenario '{key}' must name exactly one of goal, grades or tier_jump"
                    + (f", not {' and '.join(m for m, _ in named)}" if named else ""),
                )
                continue
            measure, subject = named[0]
            if measure == "goal":
                if not self.ref(o, f"{where}.goal", subject, {g.id for g in goals}, f"goal of scenario '{key}'"):
                    continue
            elif not self.ref(o, f"{where}.{measure}", subject, systems, f"score system of scenario '{key}'"):
                continue
            if b.min is None and b.max is None:
                self.problems.error(
                    o.file, o.at(where), f"balance target {i + 1} of scenario '{key}' has no bound: add min = … or max = …"
                )
                continue
            if b.min is not None and b.max is not None and b.min > b.max:
                self.problems.error(o.file, o.at(f"{where}.min"), f"balance target {i + 1}: min {b.min:g} is above max {b.max:g}")
                continue
            if measure == "goal" and any(x is not None and not 0 <= x <= 1 for x in (b.min, b.max)):
                self.problems.error(
                    o.file, o.at(where), f"balance target {i + 1}: a goal's share is from 0 to 1 (0.25 is one life in four)"
                )
                continue
            low = None if b.min is None else float(b.min)
            high = None if b.max is None else float(b.max)
            out.append(c.BalanceTarget(measure, subject, b.policy, low, high, o.at(where), b.direction))
        return tuple(out)

    def _myths(self, systems: dict[str, c.System]) -> dict[str, c.Myth]:
        """The myth deck, by ``order``; every myth cites a source and every id it names exists."""
        out: dict[str, c.Myth] = {}
        events = self.layered.events
        for key, item in sorted(self.items("myths").items(), key=lambda kv: kv[1].value.order):
            v: schema.MythDef = item.value
            o = item.origin
            if not any(text.strip() for text in v.sources):
                self.problems.error(o.file, o.line, f"myth '{key}' cites no source: add sources = [\"…\"]")
            for pair in v.choices:
                event_id, choice_id = pair.split("/")
                if self.ref(o, "choices", event_id, events, "event") and choice_id not in {
                    ch.id for ch in events[event_id].value.choices
                }:
                    self.problems.error(o.file, o.at("choices"), f"event '{event_id}' has no choice '{choice_id}'")
            for rule in v.rules:
                system_id, _, rule_id = rule.rpartition(".")
                if system_id:
                    if self.ref(o, "rules", system_id, systems, "score system") and rule_id not in systems[system_id].rules:
                        self.problems.error(o.file, o.at("rules"), f"score system '{system_id}' has no rule '{rule_id}'")
                else:
                    self.ref(o, "rules", rule_id, self.recordable, "act or rule")
            out[key] = c.Myth(
                key,
                v.claim,
                v.fact,
                v.reliability,
                tuple(v.sources),
                self.refs(o, "events", v.events, events, "event"),
                tuple(v.choices),
                self.refs(o, "privileges", v.privileges, self.items("privileges"), "privilege"),
                tuple(v.rules),
                self.refs(o, "systems", v.systems, systems, "score system"),
                self.refs(o, "lists", v.lists, self.items("lists"), "list"),
            )
        if out:
            self._check_myth_tags(out)
        return out

    def _check_myth_tags(self, myths: dict[str, c.Myth]) -> None:
        """An event tagged ``myth`` must be tied to a myth of the deck (the game offers that myth's card there)."""
        named = {event_id for myth in myths.values() for event_id in myth.events}
        for key, item in self.layered.events.items():
            if MYTH_TAG in item.value.tags and key not in named:
                self.problems.error(
                    item.origin.file,
                    item.origin.at("tags"),
                    f"event '{key}' is tagged '{MYTH_TAG}' but no myth of the deck names it: add '{key}' to the events "
                    f"of a [myths.ID] (one of {', '.join(sorted(myths))}), or drop the tag",
                )

    def _world(self, key: str, item: Item) -> c.Pool:
        """The scenario's world as (pack, tag) pairs; by default its own pack and every pack it depends on."""
        v: schema.ScenarioDef = item.value
        own = item.pack
        reachable = {own, *self.ancestors.get(own, set())}
        if not v.world:
            return tuple((p, "") for p in self.pack_order if p in reachable)
        o = item.origin
        out: list[tuple[str, str]] = []
        for entry in v.world:
            pack, _, tag = entry.partition(":")
            if pack not in self.pack_order:
                self.problems.error(
                    o.file, o.at("world"), f"unknown pack '{pack}' in the world of scenario '{key}'{_hint(pack, self.pack_order)}"
                )
                continue
            if pack not in reachable:
                self.problems.error(
                    o.file,
                    o.at("world"),
                    f"scenario '{key}' draws from pack '{pack}', which pack '{own}' does not depend on; "
                    f'add "{pack}" to depends in {own}\'s pack.toml, so that every command that loads this scenario '
                    "builds the same world",
                )
                continue
            if tag and not any(i.pack == pack and tag in i.value.tags for i in self.layered.events.values()):
                tags = sorted({t for i in self.layered.events.values() if i.pack == pack for t in i.value.tags})
                self.problems.error(
                    o.file,
                    o.at("world"),
                    f"pool '{entry}' of scenario '{key}' is empty: no event of pack '{pack}' has tag '{tag}'{_hint(tag, tags)}",
                )
                continue
            out.append((pack, tag))
        return tuple(dict.fromkeys(out))

    def _check_reachability(self, content: c.Content) -> None:
        """Events no scenario can ever draw: never weighted nor scheduled, out of every window, wrong city or system.

        A dependency's events are left alone: the scenarios loaded are the
        dependent pack's, and they may leave some of its events out on purpose.
        """
        if not content.scenarios:
            return
        dependencies = {d for s in self.layered.packs if s.meta for d in s.meta.depends}
        scheduled = {
            e
            for ev in content.events.values()
            for ch in ev.choices
            for eff in (ch.effects, *(o.effects for o in ch.outcomes))
            for e, _after, _on in eff.schedule
        }
        scheduled |= {e for d in content.daily for e, _after, _on in d.effects.schedule}
        scheduled |= {p.event for s in content.scenarios.values() for p in s.set_pieces}
        longest = max(s.days for s in content.scenarios.values())
        cities = {s.city for s in content.scenarios.values()} | {
            eff.move
            for ev in content.events.values()
            for ch in ev.choices
            for eff in (ch.effects, *(o.effects for o in ch.outcomes))
            if eff.move
        }
        systems = {x for s in content.scenarios.values() for x in (*s.systems, *s.optional_systems)}
        for event in content.events.values():
            item = self.layered.events[event.id]
            o = item.origin
            if event.id in scheduled or item.pack in dependencies:
                continue
            weight_src = item.value.weight
            if isinstance(weight_src, int | float) and weight_src <= 0:
                self.problems.error(
                    o.file, o.at("weight"), f"event '{event.id}' has weight 0 and no choice schedules it: it can never happen"
                )
            elif event.first_day > longest:
                self.problems.error(
                    o.file,
                    o.at("days"),
                    f"event '{event.id}' starts on day {event.first_day}, after the longest scenario ({longest} days) ends",
                )
            elif event.when is not None:
                for clause in event.when.clauses:
                    if clause.kind == "in_city" and not clause.negated and clause.ids[0] not in cities:
                        self.problems.error(
                            o.file, o.at("when"), f"event '{event.id}' needs city '{clause.ids[0]}', which no scenario uses"
                        )
                    if clause.kind == "enrolled" and not clause.negated and clause.ids[0] not in systems:
                        self.problems.error(
                            o.file, o.at("when"), f"event '{event.id}' needs system '{clause.ids[0]}', which no scenario enrols"
                        )




def _value_type(value: Any) -> str:
    """The expression type of a setting, from its default."""
    if isinstance(value, bool):
        return BOOL
    return NUM if isinstance(value, int | float) else "string"


def _all_effects(value: Any) -> list[schema.Effects]:
    """The effect blocks of an event (its choices and outcomes) or of a daily rule."""
    if isinstance(value, schema.EventDef):
        out: list[schema.Effects] = []
        for ch in value.choices:
            out.append(ch)
            out.extend(ch.outcomes)
        return out
    return [value]


def _braced_texts(value: msgspec.Struct, path: str = "") -> Iterator[tuple[str, str]]:
    """(TOML path, text) of each text of ``value`` whose placeholders are filled in (a field of
    :data:`FILLED_FIELDS`) and that holds a brace: a text without one has no placeholder to check, and most
    have none (so the load skips the key and path of every other string, unlike :func:`strings_of`)."""
    for f in fields_of(type(value)):
        got = getattr(value, f.name)
        if f.kind == "text":
            if f.key in FILLED_FIELDS and got and ("{" in got or "}" in got):
                yield (f"{path}.{f.key}" if path else f.key), got
        elif f.kind == "struct":
            if got is not None:
                yield from _braced_texts(got, f"{path}.{f.key}" if path else f.key)
        elif f.kind == "structs":
            here = f"{path}.{f.key}" if path else f.key
            for i, child in enumerate(got):
                yield from _braced_texts(child, f"{here}[{i}]")
