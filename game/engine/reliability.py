"""How far the real world backs a claim in a pack: the fixed scale every item is marked on.

Packs say it with ``reliability = "…"`` on rules, events, privileges, systems,
lists and scenarios (and may on acts, choices, cities and tiers);
``citizen validate`` checks the value, and the notes shown to players and in
the debrief carry it. The ids never change; their wording is in the string
table (``strings.S``: ``reliability_<id>``).
"""

from __future__ import annotations

LEVELS: tuple[str, ...] = (
    "official_document",
    "reported",
    "second_hand",
    "unconfirmed",
    "disputed",
    "opinion",
    "invented",
)
"""From the most to the least backed:

- ``official_document``: a law, regulation, court provision, official statistic
  or a company's own published terms (or a translation of one).
- ``reported``: reported by a named outlet or expert (the note names it).
- ``second_hand``: seen only through a secondary summary (an essay, a blog, an
  explainer quoting the original).
- ``unconfirmed``: commonly repeated, but not found in a primary text.
- ``disputed``: disputed, misreported or contradicted by the documents; kept to
  teach about it.
- ``opinion``: a commentator's view or forecast, not a report of something that
  happened.
- ``invented``: made up for the game (plausible, but from no source).
"""

WEAK: frozenset[str] = frozenset({"unconfirmed", "disputed", "opinion", "invented"})
"""Levels a teacher should not present as fact."""
