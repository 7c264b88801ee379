"""'Under other rules' in words: what the comparison system counted, ignored, locked and opened."""

from __future__ import annotations

from game.engine.life import Life
from game.engine.state import Setup
from game.reports.other_rules import other_rules_lines
from game.reports.short import end_debrief


def new_life(mini) -> Life:
    life = Life(mini, Setup("life", 1))
    life.drain_notices()
    return life


def test_it_says_what_the_other_system_counted_ignored_and_would_not_have_locked(mini) -> None:
    life = new_life(mini)
    life.choose("fine")  # city −60 (grade D: the train is barred), shadow −1
    life.choose("praise")  # city +60: the shadow system has no such rule
    lines = other_rules_lines(mini, life.state)
    assert lines[0] == "Under Negatives only:"
    assert "It counted these of your acts: Fine (-1)." in lines[1]
    assert lines[2].strip() == "It never saw Praise."
    assert lines[3].strip() == "Your grades barred you from High-speed rail; the grades of Negatives only would not have."
    assert end_debrief(life)[-len(lines) :] == lines  # the end screen's debrief carries them


def test_it_says_when_the_other_system_saw_nothing(mini) -> None:
    life = new_life(mini)
    life.choose("praise")  # city +60 → grade A grants the poster; the shadow system has no rule for it
    lines = other_rules_lines(mini, life.state)
    assert "it recorded nothing about you" in lines[1]
    assert lines[2].strip() == "It never saw Praise."
    assert lines[3].strip() == "Your grades opened Honour poster for you; the grades of Negatives only would not have."


def test_a_life_without_comparison_says_nothing(mini) -> None:
    life = new_life(mini)
    life.state.shadow = []
    assert other_rules_lines(mini, life.state) == []


def test_the_html_and_markdown_debrief_say_it_too(mini) -> None:
    from game.reports.debrief import Played, build_debrief
    from game.reports.html_report import render_html
    from game.reports.markdown_report import render_markdown

    life = new_life(mini)
    life.choose("fine")
    life.choose("praise")
    debrief = build_debrief(mini, [Played(life, "Ana", "ana")])
    html, markdown = render_html(debrief), render_markdown(debrief)
    assert "<h3>The same life under other rules</h3>" in html
    assert "<h4>Under Negatives only:</h4>" in html
    assert "<li>It never saw Praise.</li>" in html
    assert "<li>Your grades barred you from High-speed rail; the grades of Negatives only would not have.</li>" in html
    assert "### The same life under other rules" in markdown
    assert "**Under Negatives only:**" in markdown
    assert "\n- It never saw Praise.\n" in markdown
