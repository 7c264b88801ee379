"""Notes where players look: the source and reliability behind a lock, an event, a record or a system.

Shared by the TUI, the plain mode and the end screen, so that all say the same.
Each note is plain data: a heading, the note's text (pack text made plain) and
the reliability in words. Hidden grades stay hidden: a lock by a system whose
scores the display hides shows the privilege's note, not the tier's.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from game import present
from game.engine.content import Content, Myth
from game.engine.model import LockReason
from game.present import Display, Visibility
from game.safe_text import to_plain
from game.strings import S


@dataclass(frozen=True)
class Note:
    """One note: what it is about, where it comes from, and how reliable that is."""

    heading: str
    text: str
    reliability: str


def reliability_words(level: str) -> str:
    """A reliability id in words; '' unknown ids are shown as written."""
    return S.get(f"reliability_{level}", level) if level else S["reliability_none"]


def _note(heading: str, source: str, reliability: str) -> Note:
    return Note(heading, to_plain(source) if source else S["no_source"], reliability_words(reliability))


def lock_notes(content: Content, reason: LockReason, display: Display | None = None) -> list[Note]:
    """The notes behind a lock: the reported-only rule first (if any), then the list, then the privilege."""
    display = display or Display()
    a = reason.args
    out: list[Note] = []
    if reason.kind == "tier_revokes" and a.get("reported") and display.mode(content, a["system"]) != "hidden":
        system = content.systems[a["system"]]
        tier = next((t for t in system.tiers if t.id == a["tier"]), None)
        if tier is not None:
            heading = S["note_reported_rule"].format(
                tier=present.tier_name(content, system.id, tier.id), system=to_plain(system.name)
            )
            out.append(_note(heading, tier.source or system.source, tier.reliability or system.reliability))
    if reason.kind in ("list_revokes", "listed", "not_listed") and a["list"] in content.lists:
        blacklist = content.lists[a["list"]]
        out.append(_note(S["note_list"].format(list=to_plain(blacklist.name)), blacklist.source, blacklist.reliability))
    privilege = content.privileges.get(a.get("privilege", ""))
    if privilege is not None:
        out.append(_note(S["note_privilege"].format(privilege=to_plain(privilege.name)), privilege.source, privilege.reliability))
    return out


def reported_rule_notes(content: Content, records: list, display: Display | None = None) -> list[Note]:
    """The notes of the reported-only rules behind ``records`` (those the player may see), once each:
    what the ‡ mark on a score change opens."""
    display = display or Display()
    out: list[Note] = []
    seen: set[str] = set()
    for record in records:
        key = f"{record.system}.{record.rule}"
        if key in seen or not present.reported_only(content, record) or not display.rules_shown(content, record.system):
            continue
        seen.add(key)
        rule = content.systems[record.system].rules[record.rule]
        heading = S["note_reported_single_rule"].format(
            rule=to_plain(rule.name), system=present.name_of(content, "system", record.system)
        )
        out.append(_note(heading, rule.source, rule.reliability))
    return out


def event_note(content: Content, event_id: str) -> Note | None:
    """The note of an event: where the situation comes from."""
    event = content.events.get(event_id)
    if event is None:
        return None
    return _note(S["note_event"].format(event=to_plain(event.title)), event.source, event.reliability)


def myths_for_lock(content: Content, reason: LockReason) -> list[Myth]:
    """Myths of the deck about what locked the choice (the privilege or the list)."""
    privilege, list_id = reason.args.get("privilege"), reason.args.get("list")
    return [m for m in content.myths.values() if privilege in m.privileges or (list_id and list_id in m.lists)]


def myths_for_event(content: Content, event_id: str) -> list[Myth]:
    """Myths of the deck tied to an event (an event tagged ``myth`` is always tied to one; the validator sees to it)."""
    return [m for m in content.myths.values() if event_id in m.events]


def life_sources(content: Content, records: list, privilege_log: list, event_ids: list[str], display: Display) -> list[Note]:
    """The sources of what happened in a life: each rule recorded, each privilege lost, each event met, once."""
    out: list[Note] = []
    seen: set[tuple[str, str]] = set()
    for record in records:
        if record.shadow or not display.rules_shown(content, record.system) or ("rule", f"{record.system}.{record.rule}") in seen:
            continue
        seen.add(("rule", f"{record.system}.{record.rule}"))
        rule = content.systems[record.system].rules.get(record.rule)
        if rule is not None:
            heading = S["note_rule"].format(rule=to_plain(rule.name), system=present.name_of(content, "system", record.system))
            out.append(_note(heading, rule.source, rule.reliability))
    for _day, privilege_id, held, _cause in privilege_log:
        privilege = content.privileges.get(privilege_id)
        if held or privilege is None or ("privilege", privilege_id) in seen:
            continue
        seen.add(("privilege", privilege_id))
        out.append(_note(S["note_privilege"].format(privilege=to_plain(privilege.name)), privilege.source, privilege.reliability))
    for event_id in event_ids:
        if ("event", event_id) not in seen and (note := event_note(content, event_id)) is not None:
            seen.add(("event", event_id))
            out.append(note)
    return out


def opaque_system_lines(content: Content, system_id: str) -> list[str]:
    """What is publicly known about an opaque system: its published factors (its rule categories), and that
    the rest is secret."""
    system = content.systems[system_id]
    factors = sorted({rule.category for rule in system.rules.values() if rule.category})
    lines = [S["opaque_known"].format(system=to_plain(system.name))]
    lines += [S["opaque_factor"].format(factor=to_plain(f)) for f in factors]
    lines.append(S["opaque_secret"])
    return lines


def secret_systems_lines(content: Content, systems: Iterable[str], display: Display) -> list[str]:
    """What is publicly known about each of ``systems`` whose grade the player sees but whose rules are
    secret (an opaque system), once each, in order: what the record and the end screen say of them."""
    secret = [
        s
        for s in dict.fromkeys(systems)
        if display.mode(content, s) is not Visibility.HIDDEN and not display.rules_shown(content, s)
    ]
    return [line for s in secret for line in opaque_system_lines(content, s)]
