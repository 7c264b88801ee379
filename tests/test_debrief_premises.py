"""The debrief shows the same class's lives under both premises (issue 16): each life's choices replayed under the
other premise with the engine's replay, and what changed (grades, locks, rules counted, and each choice one premise
locked and the other left open, with what locked it and how reliable that is) in the terminal, HTML and Markdown
debrief (``citizen debrief --both-premises``)."""

from __future__ import annotations

import io
from pathlib import Path

from rich.console import Console

from game.cli import main
from game.engine.content import Content
from game.engine.life import Life
from game.engine.state import Setup
from game.packs.loader import load_content
from game.reports.debrief import Debrief, Played, build_debrief
from game.reports.html_report import render_html
from game.reports.markdown_report import render_markdown
from game.reports.premises import ChoiceLock
from game.reports.terminal import render_terminal
from game.saves import SaveStore
from game.strings import S
from tests.conftest import FIXTURE_PACKS
from tests.test_reported_rules import WORLD


def _harsh(builtin: Content) -> dict[str, float]:
    """A workshop's harsh world: every documented deduction of the city costs 450 points (one drops a life to D)."""
    rules = builtin.systems["municipal"].rules.values()
    return {f"municipal.{r.id}": -450 for r in rules if not r.reported_only and not r.points.depends and r.points.eval(None) < 0}


def _played(builtin: Content, premise: str, steps: int = 14, seed: int = 2) -> Life:
    """The worker (seed 2) in the harsh world under ``premise``, taking the first open choice that needs no
    privilege, so that the same choices fit under both premises; a deduction takes them to grade D on day 3."""
    life = Life(builtin, Setup("rongcheng_worker", seed, settings={"premise": premise}, rule_overrides=_harsh(builtin)))
    for _ in range(steps):
        view = life.prompt()
        if view is None:
            break
        life.choose(next(v.choice.id for v in view.choices if v.lock is None and not v.choice.requires))
    return life


def test_each_life_is_replayed_under_the_other_premise(builtin: Content) -> None:
    reported = _played(builtin, "reported")
    assert reported.state.tiers["municipal"] == "D"
    debrief = build_debrief(builtin, [Played(reported, "Ana"), Played(_played(builtin, "documented"), "Ben")], both_premises=True)
    ana, ben = debrief.premises
    assert (ana.player, ana.played, ben.played) == ("Ana", S["premises_reported"], S["premises_documented"])
    for p in (ana, ben):
        assert p.replayed == p.total and not p.stopped, "the same choices fit under both premises"
    [rail] = [line for line in ana.changes if "High-speed rail" in line]
    assert rail.endswith(": locked from day 2 as reported; never locked as documented")
    assert "Flights, Full welfare, High-speed rail, Jobs in the state sector" in rail, "grade D's bans on one line"
    assert ana.changes == ben.changes, "the same life, whichever premise it was played under"
    [trains] = [line for line in debrief.premises_class if "High-speed rail" in line]
    assert trains.endswith(
        "High-speed rail, Jobs in the state sector, Private school for your child and Star-rated hotels: "
        "locked in 2 of 2 lives as reported; 0 of 2 as documented"
    )


def test_a_reported_only_rule_shows_as_counted_under_one_premise_only(write_pack) -> None:
    town = load_content([write_pack("town", {"world.toml": WORLD})])
    life = Life(town, Setup("life", 1, settings={"premise": "documented"}))
    life.choose("speed")  # a ticket (reported only) and a fine (documented)
    [p] = build_debrief(town, [Played(life, "Ana")], both_premises=True).premises
    assert p.played == S["premises_documented"]
    assert p.changes == [
        "City score: A (975) as reported; A (980) as documented",
        "Ticket (City score): -5 as reported; not counted as documented",
    ]


def test_without_the_flag_there_is_no_section(builtin: Content) -> None:
    debrief = build_debrief(builtin, [Played(_played(builtin, "reported", 2), "Ana")])
    assert debrief.premises == []
    assert S["report_premises"] not in render_markdown(debrief)


def test_html_markdown_and_terminal_show_what_changed(builtin: Content, tmp_path: Path) -> None:
    played = [Played(_played(builtin, "reported"), "Ana"), Played(_played(builtin, "documented"), "Ben")]
    debrief = build_debrief(builtin, played, both_premises=True)
    html = render_html(debrief)
    assert f"<h2>{S['report_premises']}</h2>" in html
    assert "Ana, played as reported" in html and "Ben, played as documented" in html
    assert "never locked as documented" in html
    md = render_markdown(debrief)
    assert f"## {S['report_premises']}" in md and "### Ben, played as documented" in md
    assert "High-speed rail, Jobs in the state sector, Private school for your child and Star-rated hotels: locked from day" in md
    assert "Star-rated hotels: locked in 2 of 2 lives as reported; 0 of 2 as documented" in md
    section = md.split(f"## {S['report_premises']}")[1].split("\n## ")[0]
    assert "\n- High-speed rail:" not in section and "\n- Flights:" not in section, "one line for the grade's bans, not one each"
    out = io.StringIO()
    render_terminal(debrief, Console(file=out, width=200))
    assert S["report_premises"] in out.getvalue() and "never locked as documented" in out.getvalue()
    (tmp_path / "premises.html").write_text(html, encoding="utf-8")  # looked at in headless chromium by hand


def test_the_command_takes_the_flag(builtin: Content, tmp_path: Path, capsys) -> None:
    store = SaveStore(tmp_path / "saves")
    store.save("ana", _played(builtin, "reported", 6), player="Ana")
    out = tmp_path / "report.md"
    assert main(["debrief", str(tmp_path / "saves"), "--both-premises", "--md", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert "### Ana, played as reported" in text and "never locked as documented" in text


def test_a_choice_one_premise_locks_and_the_other_leaves_open_is_named_both_ways() -> None:
    """As documented the bonus is not counted, so the perk is locked (grade A, an official table) while the life
    played as reported could take it; as reported the ticket takes the life to grade D, whose reported-only ban
    locks the train (the press: disputed) that the documented life could take."""
    town = load_content([FIXTURE_PACKS / "two_premises"])
    life = Life(town, Setup("life", 1, settings={"premise": "reported"}))
    for choice in ("help", "enter", "speed", "stay"):
        life.choose(choice)
    [p] = build_debrief(town, [Played(life, "Ana")], both_premises=True).premises
    assert p.replayed == 1 and p.stopped, "as documented the perk was locked, so the replay parts there"
    assert p.choice_locks == (
        ChoiceLock(
            (2,),
            "The perk desk: Ask for the perk",
            "as documented",
            "as reported",
            "Needs grade A or better in City score — you are D, 20 points short",
            "an official document",
        ),
    ), "compared up to and including the choice where the two premises part"
    played_documented = Life(town, Setup("life", 1, settings={"premise": "documented"}))
    for choice in ("help", "leave", "speed", "train"):
        played_documented.choose(choice)
    [q] = build_debrief(town, [Played(played_documented, "Ben")], both_premises=True).premises
    assert q.replayed == 3, "as reported the train was locked: the replay parts at the last choice"
    assert [(c.choice, c.locked, c.open, c.reliability) for c in q.choice_locks] == [
        ("The perk desk: Ask for the perk", "as documented", "as reported", "an official document"),
        ("A trip: Take the train", "as reported", "as documented", "disputed, misreported or contradicted by the documents"),
    ]
    train = q.choice_locks[1]
    assert train.days == (4,) and train.why == "Grade D — barred from Rail (City score) ‡ as reported"


def test_the_same_choice_on_several_days_is_one_line(builtin: Content) -> None:
    """The worker at grade D meets the train home on a free weekend twice; the grade's ban is the same both days,
    whatever the points between, so it is one line with both days. The life is found, not pinned: the free weekend
    comes only on Saturdays, so not every seed meets it twice."""

    def weekend_locks(life: Life) -> list[ChoiceLock]:
        [p] = build_debrief(builtin, [Played(life, "Ben")], both_premises=True).premises
        return [c for c in p.choice_locks if c.choice.startswith("A free weekend:")]

    lives = (_played(builtin, "documented", 80, seed) for seed in range(2, 400))
    twice = next(life for life in lives if sum(len(c.days) for c in weekend_locks(life)) >= 2)  # locked on two days
    [p] = build_debrief(builtin, [Played(twice, "Ben")], both_premises=True).premises
    weekend = [c for c in p.choice_locks if c.choice.startswith("A free weekend:")]
    assert len(weekend) == 1 and len(weekend[0].days) == 2
    assert weekend[0].when == f"Days {weekend[0].days[0]} and {weekend[0].days[1]}"
    assert all(c.locked == "as reported" and c.open == "as documented" for c in p.choice_locks)


def test_the_choice_locks_reach_html_markdown_and_terminal(builtin: Content, tmp_path: Path) -> None:
    def rail_locks(seed: int) -> tuple[Debrief, list[ChoiceLock]]:  # the life is found, not pinned: the draw depends on the packs
        debrief = build_debrief(builtin, [Played(_played(builtin, "reported", 20, seed), "Ana")], both_premises=True)
        return debrief, [c for c in debrief.premises[0].choice_locks if "High-speed rail" in c.why]

    debrief, [train, *_] = next(found for seed in range(2, 400) if (found := rail_locks(seed))[1])
    assert "‡ as reported" in train.why and train.reliability == S["reliability_disputed"]
    html = render_html(debrief)
    assert f"<h4>{S['report_premises_choices']}</h4>" in html
    assert f"<td>{train.choice}</td><td>as reported</td><td>as documented</td><td>{train.why}</td>" in html.replace("&#39;", "'")
    md = render_markdown(debrief)
    assert f"#### {S['report_premises_choices']}" in md and f"- {train.line}" in md.replace("\\", "")
    out = io.StringIO()
    render_terminal(debrief, Console(file=out, width=400))
    assert S["report_premises_choices"] in out.getvalue() and train.line in out.getvalue()
    (tmp_path / "choice_locks.html").write_text(html, encoding="utf-8")
