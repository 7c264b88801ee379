"""The myth-and-fact deck: content with sources, validated, and a debrief section tied to the lives' moments."""

from __future__ import annotations

from game.engine.content import Content
from game.engine.life import Life
from game.engine.reliability import LEVELS
from game.engine.scoring import update_tier
from game.engine.state import Setup
from game.packs.loader import validate
from game.reports.debrief import Played, build_debrief
from game.reports.html_report import render_html
from game.reports.markdown_report import render_markdown

REQUIRED = {
    "one_national_score",
    "jaywalking_points",
    "sesame_is_the_state",
    "low_score_bans_trains",
    "friends_drag_you_down",
}


def test_the_deck_holds_the_five_myths_each_with_a_cited_source(builtin: Content) -> None:
    assert set(builtin.myths) >= REQUIRED
    for myth in builtin.myths.values():
        assert myth.sources and all(s.strip() for s in myth.sources), myth.id
        assert myth.reliability in LEVELS and myth.claim and myth.fact
    assert next(iter(builtin.myths)) == "one_national_score"  # by order


def test_a_myth_without_a_source_or_with_a_wrong_id_is_an_error(write_pack) -> None:
    pack = """
[myths.m]
claim = "C"
fact = "F"
reliability = "disputed"
events = ["nope"]
choices = ["nope/x"]
rules = ["city.nope"]
"""
    content, problems = validate([write_pack("p", {"myths.toml": pack})])
    assert content is None
    messages = [p.message for p in problems if p.severity == "error"]
    assert "myth 'm' cites no source: add sources = [\"…\"]" in messages
    assert any(m.startswith("unknown event 'nope'") for m in messages)
    assert any(m.startswith("unknown score system 'city'") for m in messages)


def _train_life(builtin: Content, premise: str) -> Life:
    """A Rongcheng life that falls to grade D on day 1 and plays a few choices."""
    life = Life(builtin, Setup("rongcheng_worker", 21, settings={"premise": premise}))
    life.state.scores["municipal"] = 560
    update_tier(life, "municipal", "night")
    for _ in range(4):
        view = life.prompt()
        if view is None:
            break
        life.choose(next(v.choice.id for v in view.choices if v.lock is None))
    return life


def test_the_debrief_ties_each_myth_to_the_moments_it_came_up(builtin: Content) -> None:
    reported = _train_life(builtin, "reported")
    documented = _train_life(builtin, "documented")
    debrief = build_debrief(builtin, [Played(reported, "Ana"), Played(documented, "Bo")])
    trains = next(m for m in debrief.myths if m.id == "low_score_bans_trains")
    texts = [(m.player, m.day, m.text) for m in trains.moments]
    assert ("Ana", 1, "lost High-speed rail") in texts
    assert not any(player == "Bo" and "High-speed rail" in text for player, _day, text in texts)
    national = next(m for m in debrief.myths if m.id == "one_national_score")
    assert {(m.player, m.text) for m in national.moments} >= {("Ana", "scored by Rongcheng social credit")}

    html = render_html(debrief)
    assert "Myth and fact" in html and 'id="myth-low_score_bans_trains"' in html
    assert "Ana, day 1: lost High-speed rail" in html
    assert "China Justice Observer" in html
    markdown = render_markdown(debrief)
    assert "## Myth and fact" in markdown
    assert "- Ana, day 1: lost High\\-speed rail" in markdown or "- Ana, day 1: lost High-speed rail" in markdown
    assert "How reliable the claim is: disputed" in markdown
    # each life lists the sources of what happened in it, with their reliability
    assert "rules come from</h3>" in html and "### Where this life's rules come from" in markdown
    assert "Reliability: an official document" in html  # the lost train's note: the court's provisions
    # the same class's lives under both premises, each said in its header
    assert "played as reported (a low city grade bars trains)" in html
    assert "played as documented (only the court list bars trains)" in markdown


def test_no_deck_no_section(mini: Content) -> None:
    life = Life(mini, Setup(next(iter(mini.scenarios)), 1))
    debrief = build_debrief(mini, [Played(life, "A")])
    assert debrief.myths == [] and "Myth and fact" not in render_html(debrief)
