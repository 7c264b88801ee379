"""The rule book: for each system the citizen is enrolled in, its published rule table and grade table.

A view model both front ends render (the TUI's rule book screen, the plain
mode's ``rules`` command): plain data, worded through :mod:`game.present` and
:mod:`game.strings`, pack text made plain. Each row carries its source note and
reliability, and whether only the premise as reported applies it (the ‡ mark).
An opaque system shows only what is publicly known (its factors) and says that
the rest is secret; a system the display hides is left out.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from game import present
from game.notes import opaque_system_lines, reliability_words
from game.present import Display, Visibility
from game.safe_text import to_plain
from game.strings import S, plural

if TYPE_CHECKING:
    from game.engine.content import Content, Rule, System, Tier
    from game.engine.life import Life


@dataclass(frozen=True)
class RuleRow:
    """One rule: the act it prices, its points ('varies' with the explanation in ``description``), its caps."""

    act: str
    points: str
    caps: str
    category: str
    description: str
    source: str
    reliability: str
    reported: bool = False
    """Reported, not documented: it applies only while the life plays the premise as reported."""
    applies: bool = True
    """False when the life plays the premise as documented and the rule is reported-only."""

    @property
    def details(self) -> tuple[str, ...]:
        """What follows the act's name: its category and caps, those it has."""
        return tuple(part for part in (self.category, self.caps) if part)

    @property
    def marks(self) -> tuple[str, ...]:
        """The ‡ mark of a reported-only rule, then 'not applied' when the life plays the documented premise."""
        if not self.reported:
            return ()
        return (S["mark_as_reported"],) if self.applies else (S["mark_as_reported"], S["rulebook_not_applied"])


@dataclass(frozen=True)
class GradeRow:
    """One grade: where it starts (None where the display hides points), what it grants and revokes."""

    tier: str
    starts: str
    grants: tuple[str, ...]
    revokes: tuple[str, ...]
    reported_revokes: tuple[str, ...]
    """Revoked only as reported (marked ‡); under the documented premise they are listed as not applied."""
    description: str
    source: str
    """The grade's own note; '' when the system's note (above it) covers it."""
    reliability: str
    current: bool = False

    def lines(self, as_reported: bool) -> list[str]:
        """The lines beneath the grade's name: what it grants, bars, bars only as reported (or, as documented, that
        those bars are not applied), 'nothing' when it does neither, then its description."""
        lines = []
        if self.grants:
            lines.append(S["rulebook_grants"].format(list=", ".join(self.grants)))
        if self.revokes:
            lines.append(S["rulebook_revokes"].format(list=", ".join(self.revokes)))
        if self.reported_revokes:
            key = "rulebook_reported_revokes" if as_reported else "rulebook_reported_not_applied"
            lines.append(S[key].format(list=", ".join(self.reported_revokes)))
        if not (self.grants or self.revokes or self.reported_revokes):
            lines.append(S["rulebook_nothing"])
        if self.description:
            lines.append(self.description)
        return lines

    @property
    def note(self) -> str:
        """Its note's text: its own, or the words that the system's note above covers it."""
        return self.source or S["rulebook_source_above"]


@dataclass(frozen=True)
class SystemBook:
    """One system's page of the rule book."""

    id: str
    name: str
    standing: str
    description: str
    source: str
    reliability: str
    opaque: bool
    known: tuple[str, ...]
    """What is publicly known of an opaque system, ending with the line that the rest is secret."""
    rules: tuple[RuleRow, ...]
    grades: tuple[GradeRow, ...]
    withheld: bool = False
    """The rule table is public but this display (a workshop) does not show it."""


@dataclass(frozen=True)
class RuleBook:
    """The citizen's systems; ``as_reported`` says which premise the life plays."""

    systems: tuple[SystemBook, ...]
    as_reported: bool


def reliability_label(reliability: str) -> str:
    """What a row's note begins with: how reliable it is ('Reliability: an official document.')."""
    return S["rulebook_source"].format(level=reliability)


def rule_book(life: Life, display: Display | None = None) -> RuleBook:
    """The rule book of ``life`` as ``display`` lets the player see it."""
    display = display or Display()
    content = life.content
    books = []
    for system_id in life.state.enrolled:
        mode = display.mode(content, system_id)
        if mode is Visibility.HIDDEN:
            continue
        books.append(_system_book(life, content, content.systems[system_id], mode, display))
    return RuleBook(tuple(books), life.as_reported)


def _system_book(life: Life, content: Content, system: System, mode: Visibility, display: Display) -> SystemBook:
    opaque = system.visibility == "opaque" and not display.disclosed
    shown = display.rules_shown(content, system.id)
    tier_id = life.state.tiers.get(system.id, "")
    tier = present.tier_name(content, system.id, tier_id)
    if mode is Visibility.SHOWN:
        score = present.score_text(content, system.id, life.state.scores.get(system.id, system.start))
        standing = S["rulebook_standing"].format(tier=tier, score=score)
    else:
        standing = S["rulebook_standing_grade"].format(tier=tier)
    rules = () if not shown else tuple(_rule_row(life, content, rule) for rule in _ordered(system))
    grades = tuple(_grade_row(content, system, t, tier_id, mode) for t in system.tiers)
    return SystemBook(
        id=system.id,
        name=to_plain(system.name),
        standing=standing,
        description=to_plain(system.description),
        source=to_plain(system.source) if system.source else S["no_source"],
        reliability=reliability_words(system.reliability),
        opaque=opaque,
        known=tuple(opaque_system_lines(content, system.id)) if opaque else (),
        rules=rules,
        grades=grades,
        withheld=not shown and not opaque,
    )


def _ordered(system: System) -> list[Rule]:
    """The rules by category, then by name, as a published table reads."""
    return sorted(system.rules.values(), key=lambda r: (r.category, r.name or r.id))


def _rule_row(life: Life, content: Content, rule: Rule) -> RuleRow:
    reported = rule.reported_only
    return RuleRow(
        act=present.rule_name(content, rule.system, rule.id),
        points=_points(content, rule, life),
        caps=_caps(rule),
        category=to_plain(rule.category),
        description=to_plain(rule.description),
        source=to_plain(rule.source) if rule.source else S["no_source"],
        reliability=reliability_words(rule.reliability),
        reported=reported,
        applies=not reported or life.as_reported,
    )


def _points(content: Content, rule: Rule, life: Life) -> str:
    """A fixed number of points with its sign, or 'varies' for a rule whose points depend on the life."""
    if rule.points.depends:
        return S["rulebook_points_vary"]
    value = rule.points.eval(life)
    return present.signed_score(content, rule.system, value) if isinstance(value, int | float) else str(value)


def _caps(rule: Rule) -> str:
    """The rule's caps in words: a cooldown, a limit in a window, or a limit for the life ('' for none)."""
    parts = []
    if rule.cooldown:
        parts.append(plural("rulebook_cooldown", rule.cooldown).format(days=rule.cooldown))
    if rule.limit and rule.limit_days:
        parts.append(S["rulebook_limit_days"].format(n=rule.limit, days=rule.limit_days))
    elif rule.limit:
        parts.append(plural("rulebook_limit", rule.limit).format(n=rule.limit))
    return "; ".join(parts)


def _grade_row(content: Content, system: System, tier: Tier, current: str, mode: Visibility) -> GradeRow:
    grants = [*tier.grant]
    for other in system.tiers:  # grant_up: held at that grade and every grade above
        if other.min <= tier.min:
            grants += [p for p in other.grant_up if p not in grants]
    name = present.tier_name(content, system.id, tier.id)
    starts = S["rulebook_from"].format(score=present.score_text(content, system.id, tier.min)) if mode is Visibility.SHOWN else ""
    return GradeRow(
        tier=name,
        starts=starts,
        grants=tuple(present.name_of(content, "privilege", p) for p in grants),
        revokes=tuple(present.name_of(content, "privilege", p) for p in tier.revoke),
        reported_revokes=tuple(present.name_of(content, "privilege", p) for p in tier.reported_revoke),
        description=to_plain(tier.description),
        source=to_plain(tier.source),
        reliability=reliability_words(tier.reliability or system.reliability),
        current=tier.id == current,
    )
