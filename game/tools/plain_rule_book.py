"""The rule book in plain text: the plain mode's ``rules`` command renders :mod:`game.play.rule_book` here."""

from __future__ import annotations

from game.play.rule_book import GradeRow, RuleBook, RuleRow, SystemBook, reliability_label
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
    return f"      {reliability_label(reliability)} {source}"


def _system_lines(system: SystemBook, as_reported: bool) -> list[str]:
    lines = ["", f"--- {system.name}: {system.standing} ---"]
    if system.description:
        lines.append(system.description)
    lines.append(_source(system.reliability, system.source))
    lines.append(S["rulebook_grades"])
    for grade in system.grades:
        lines += _grade_lines(grade, as_reported)
    if system.opaque:
        lines += list(system.known)
    elif system.withheld:
        lines.append(S["rulebook_withheld"])
    else:
        lines.append(S["rulebook_rules"])
        for rule in system.rules:
            lines += _rule_lines(rule)
    return lines


def _rule_lines(row: RuleRow) -> list[str]:
    text = f"  {row.points:>7}  " + " · ".join([row.act, *row.details])
    if row.marks:
        text += "  " + " ".join(row.marks)
    lines = [text]
    if row.description:
        lines.append(f"           {row.description}")
    return [*lines, _source(row.reliability, row.source)]


def _grade_lines(row: GradeRow, as_reported: bool) -> list[str]:
    head = f"  {row.tier}" + (f" {row.starts}" if row.starts else "") + (f"  {S['rulebook_you']}" if row.current else "")
    return [head, *("      " + line for line in row.lines(as_reported)), _source(row.reliability, row.note)]
