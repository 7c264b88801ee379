"""Wording shared by the HTML, Markdown and terminal debriefs (all fixed text from game.strings)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game import present
from game.engine.content import Content
from game.reports.cohort import label_of
from game.reports.life import PrivilegeMoment
from game.safe_text import to_plain
from game.strings import S, plural

if TYPE_CHECKING:
    from game.reports.debrief import Debrief

__all__ = ["cause_of_moment", "label_of", "span_text", "unreached_prompts"]


def cause_of_moment(moment: PrivilegeMoment) -> str:
    """Why a privilege changed: the choice that did it, or the overnight grade update."""
    if moment.cause_text == "night":
        return S["report_cause_night"]
    return moment.cause_text


def span_text(content: Content, span: present.LossSpan) -> str:
    return (
        plural("lost_line", span.days)
        .format(
            privilege=present.name_of(content, "privilege", span.privilege),
            start=span.start,
            days=span.days,
            until=S["lost_until_end"] if span.open else "",
        )
        .strip()
    )


def unreached_prompts(debrief: Debrief) -> list[tuple[str, str]]:
    """(what it is about, prompt text) for tied prompts whose moment no life reached."""
    events = {e for life in debrief.lives for _, e, _ in life.log}
    steps = {f"{e}/{c}" for life in debrief.lives for _, e, c in life.log}
    rules = {(r.system, r.rule) for life in debrief.lives for r in life.records}
    lost = {m.privilege for life in debrief.lives for m in life.moments if not m.held}
    content = debrief.content
    out: list[tuple[str, str]] = []
    for p in debrief.prompts.tied():
        reached = (
            (p.event and (f"{p.event}/{p.choice}" in steps if p.choice else p.event in events))
            or (p.rule and any(p.rule in (f"{s}.{r}", r) for s, r in rules))
            or (p.privilege and p.privilege in lost)
        )
        if reached:
            continue
        if p.event:
            event = content.events.get(p.event)
            about = S["report_about_event"].format(event=to_plain(event.title) if event else p.event)
        elif p.rule:
            about = S["report_about_rule"].format(rule=p.rule)
        else:
            about = S["report_about_privilege"].format(privilege=present.name_of(content, "privilege", p.privilege))
        out.append((about, p.text))
    return out
