"""The rule book in plain text: the plain mode's ``rules`` command renders :mod:`game.play.rule_book` here."""

from __future__ import annotations

from game.play.rule_book import GradeRow, RuleBook, RuleRow, SystemBook
from game.strings import S


def rule_book_lines(book: RuleBook) -> list[str]:
    """Every enrolled system's rule and grade tables, each row followed by its source and reliability."""
    premise = S["rulebook_premise_reported" if book.as_reported else "rulebook_premise_documented"]
    lines = [f"=== {S['rulebook_title']} ===", premise]
    for system in book.systems:
        lines += _system_lines(system, book.as_reported)
    if not book.systems:
        lines.append(S["rulebook_none"])
    return lines


def _source(reliability: str, source: str) -> str:
    return f"      {S['rulebook_source'].format(level=reliability)} {source}"


def _system_lines(system: SystemBook, as_reported: bool) -> list[str]:
    lines = ["", f"--- {system.name}: {system.standing} ---"]
    if system.description:
        lines.append(system.description)
    lines.append(_source(system.reliability, system.source))
    lines.append(S["rulebook_grades"] + ":")
    for grade in system.grades:
        lines += _grade_lines(grade, as_reported)
    if system.opaque:
        lines += list(system.known)
    elif system.withheld:
        lines.append(S["rulebook_withheld"])
    else:
        lines.append(S["rulebook_rules"] + ":")
        for rule in system.rules:
            lines += _rule_lines(rule)
    return lines


def _rule_lines(row: RuleRow) -> list[str]:
    parts = [row.act, *(p for p in (row.category, row.caps) if p)]
    text = f"  {row.points:>7}  " + " · ".join(parts)
    if row.reported:
        text += f"  {S['mark_as_reported']}" + ("" if row.applies else f" {S['rulebook_not_applied']}")
    lines = [text]
    if row.description:
        lines.append(f"           {row.description}")
    return [*lines, _source(row.reliability, row.source)]


def _grade_lines(row: GradeRow, as_reported: bool) -> list[str]:
    head = f"  {row.tier}" + (f" {row.starts}" if row.starts else "") + (f"  {S['rulebook_you']}" if row.current else "")
    lines = [head]
    if row.grants:
        lines.append("      " + S["rulebook_grants"].format(list=", ".join(row.grants)))
    if row.revokes:
        lines.append("      " + S["rulebook_revokes"].format(list=", ".join(row.revokes)))
    if row.reported_revokes:
        key = "rulebook_reported_revokes" if as_reported else "rulebook_reported_not_applied"
        lines.append("      " + S[key].format(list=", ".join(row.reported_revokes)))
    if not (row.grants or row.revokes or row.reported_revokes):
        lines.append("      " + S["rulebook_nothing"])
    if row.description:
        lines.append("      " + row.description)
    return [*lines, _source(row.reliability, row.source or S["rulebook_source_above"])]
