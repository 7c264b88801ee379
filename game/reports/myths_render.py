"""The "Myth and fact" section of the debrief, as HTML and as Markdown (shared by both renderers)."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from game.reports.myths import MythMoment, MythReport
from game.strings import S

MAX_MOMENTS = 12
"""Moments listed per myth; the rest are counted."""


def _moment_text(m: MythMoment) -> str:
    key = "report_myth_moment" if m.day else "report_myth_moment_life"
    return S[key].format(player=m.player, day=m.day, text=m.text)


def _shown(myth: MythReport) -> tuple[list[str], int]:
    texts = [_moment_text(m) for m in myth.moments]
    return texts[:MAX_MOMENTS], max(0, len(texts) - MAX_MOMENTS)


def myths_html(myths: list[MythReport]) -> list[str]:
    """The section as HTML lines ([] when the packs have no myths)."""
    if not myths:
        return []

    def e(text: object) -> str:
        return escape(str(text), quote=True)

    out = [f'<section class="page myths"><h2>{e(S["report_myths"])}</h2>', f"<p>{e(S['report_myths_note'])}</p>"]
    for myth in myths:
        shown, more = _shown(myth)
        out.append(f'<div class="myth" id="myth-{e(myth.id)}">')
        out.append(f"<h3>{e(S['report_myth_claim'])}: “{e(myth.claim)}”</h3>")
        out.append(f'<p class="meta">{e(S["report_myth_reliability"].format(level=myth.reliability_text))}</p>')
        out.append(f"<p><b>{e(S['report_myth_fact'])}:</b> {e(myth.fact)}</p>")
        out.append(f"<p><b>{e(S['report_myth_sources'])}:</b></p><ul>")
        out += [f"<li>{e(source)}</li>" for source in myth.sources]
        out.append(f"</ul><p><b>{e(S['report_myth_met'])}:</b></p>")
        if shown:
            out.append("<ul>" + "".join(f"<li>{e(t)}</li>" for t in shown) + "</ul>")
            if more:
                out.append(f'<p class="meta">+{more}</p>')
        else:
            out.append(f'<p class="meta">{e(S["report_myth_not_met"])}</p>')
        out.append("</div>")
    out.append("</section>")
    return out


def myths_markdown(myths: list[MythReport], md: Callable[[object], str]) -> list[str]:
    """The section as Markdown lines; ``md`` escapes text for Markdown."""
    if not myths:
        return []
    out = [f"## {md(S['report_myths'])}", "", md(S["report_myths_note"]), ""]
    for myth in myths:
        shown, more = _shown(myth)
        out += [f"### {md(S['report_myth_claim'])}: “{md(myth.claim)}”", ""]
        out += [f"*{md(S['report_myth_reliability'].format(level=myth.reliability_text))}*", ""]
        out += [f"**{md(S['report_myth_fact'])}:** {md(myth.fact)}", ""]
        out += [f"**{md(S['report_myth_sources'])}:**", ""] + [f"- {md(source)}" for source in myth.sources] + [""]
        out += [f"**{md(S['report_myth_met'])}:**", ""]
        if shown:
            out += [f"- {md(t)}" for t in shown] + ([f"- +{more}"] if more else []) + [""]
        else:
            out += [md(S["report_myth_not_met"]), ""]
    return out
