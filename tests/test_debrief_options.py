"""``citizen debrief``'s options for a teacher, each checked in the HTML and the Markdown: --anonymous,
grades unless --scores, unfinished lives, one scale per system, legends, summary first and --summary,
``-`` for standard output, and a teacher's own templates."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from debrief_helpers import PLAYERS, make_class

from game import cli
from game.saves import read_save
from game.workshop import Workshop

EXTRA_PROMPT = '\n[[prompt]]\ntext = "Ask Player 7 and player 12 what they would do again."\n'


@pytest.fixture(scope="module")
def room(tmp_path_factory: pytest.TempPathFactory) -> Workshop:
    """30 saved lives (every tenth unfinished) of a workshop where the class saw grades only."""
    workshop = make_class(tmp_path_factory.mktemp("class"))
    with workshop.path.open("a", encoding="utf-8") as fh:
        fh.write(EXTRA_PROMPT)
    return workshop


def report(room: Workshop, tmp_path: Path, *options: str) -> tuple[str, str]:
    """The HTML and the Markdown of the class with ``options``."""
    html, md = tmp_path / "r.html", tmp_path / "r.md"
    assert cli.main(["debrief", str(room.saves_dir), "--html", str(html), "--md", str(md), *options]) == 0
    return html.read_text(encoding="utf-8"), md.read_text(encoding="utf-8")


def saves(room: Workshop) -> dict[str, object]:
    return {read_save(p).player: read_save(p) for p in sorted(room.saves_dir.glob("*.json"))}


def test_anonymous_puts_seats_for_names_everywhere(room: Workshop, tmp_path: Path) -> None:
    for text in report(room, tmp_path, "--anonymous"):
        assert not re.search(r"player[ -]\d", text, re.IGNORECASE), re.search(r".{40}player[ -]\d.{40}", text, re.I | re.S)
        assert all(f"Seat {n}" in text for n in range(1, PLAYERS + 1))
        assert re.search(r"Ask Seat \d+ and Seat \d+ what they would do again\.", text)  # names in prompts too


def summary_rows(md: str) -> list[list[str]]:
    """The class summary's rows (label first), in order."""
    rows = re.findall(r"^\| ((?:Seat|Player) \d+ \| [A-D] \| \d/1 \|.*)\|$", md, re.M)
    return [[cell.strip() for cell in row.split("|")] for row in rows]


def test_anonymous_seats_do_not_follow_the_names(room: Workshop, tmp_path: Path) -> None:
    named = summary_rows(report(room, tmp_path)[1])
    seated = summary_rows(report(room, tmp_path, "--anonymous")[1])
    assert [row[0] for row in seated] == [f"Seat {n}" for n in range(1, PLAYERS + 1)]
    assert sorted(row[1:] for row in seated) == sorted(row[1:] for row in named)  # the same lives
    assert [row[1:] for row in seated] != [row[1:] for row in named]  # not in the order of the names


def test_grades_only_unless_scores(room: Workshop, tmp_path: Path) -> None:
    html, md = report(room, tmp_path)
    assert "this report shows grades" in html and "this report shows grades" in md
    assert re.search(r"^- City score: [A-D]  `", md, re.M)  # no number before the grade
    assert not re.search(r"^- City score: \d", md, re.M)
    assert '<th class="num">Score</th>' not in html and "| Score |" not in md
    assert not re.search(r'class="axis" text-anchor="end">\d', html)  # charts without score numbers
    html, md = report(room, tmp_path, "--scores")
    assert "this report shows grades" not in html + md
    assert re.search(r"^- City score: \d+ \([A-D]\)  `", md, re.M)
    assert '<th class="num">Score</th>' in html and "| Score |" in md


def test_unfinished_lives_say_the_day_they_stopped(room: Workshop, tmp_path: Path) -> None:
    html, md = report(room, tmp_path)
    stopped = {player: save for player, save in saves(room).items() if not save.state.ended}
    assert len(stopped) == PLAYERS // 10
    for player, save in stopped.items():
        flag = f"Unfinished: stopped on day {save.state.day} of 8"
        assert re.search(rf"^\| {player} \|.*\| {flag} \|$", md, re.M)  # in the class summary
        assert f"**{flag}**" in md  # and on the player's page
        assert html.count(flag) == 2
    assert md.count("Unfinished: stopped") == 2 * len(stopped)


def test_one_scale_per_system_for_every_player(room: Workshop, tmp_path: Path) -> None:
    html, _ = report(room, tmp_path, "--scores")
    scales: dict[str, set[tuple[str, ...]]] = {}
    for title, chart in re.findall(r'<svg class="chart"[^>]*>\n<title>([^<]*)</title>(.*?)</svg>', html, re.S):
        system = "shadow" if "comparison" in title else "city"
        scales.setdefault(system, set()).add(tuple(re.findall(r'class="axis" text-anchor="end">(-?\d+)<', chart)))
    assert set(scales) == {"city", "shadow"}
    assert all(len(found) == 1 for found in scales.values()), scales


def test_class_chart_has_a_legend_and_player_labels(room: Workshop, tmp_path: Path) -> None:
    html, _ = report(room, tmp_path)
    chart = re.search(r'<svg class="chart".*?</svg>', html, re.S).group(0)  # the class's, first
    labels = re.findall(r"<polyline [^>]*><title>([^<]+)</title>", chart)
    assert sorted(labels) == sorted(f"Player {n}" for n in range(1, PLAYERS + 1))
    legend = re.search(r'<p class="legend players">(.*?)</p>', html, re.S).group(1)
    assert [re.sub(r"<.*?>", "", item) for item in re.findall(r"<span>.*?</span>", legend)] == labels
    styles = set(re.findall(r'stroke="(#[0-9a-f]+)" stroke-width="3" stroke-dasharray="([^"]*)"', legend))
    assert len(styles) == PLAYERS  # every line can be told apart


def test_summary_first_and_summary_alone(room: Workshop, tmp_path: Path) -> None:
    html, md = report(room, tmp_path)
    for text, cls, life in ((html, ">The class</h2>", ">The life of "), (md, "## The class", "## The life of ")):
        assert text.index(cls) < text.index(life)
        assert text.count(life) == PLAYERS
    html, md = report(room, tmp_path, "--summary")
    for text in (html, md):
        assert "The life of" not in text and "The class" in text and "Discussion" in text
    assert html.count('<section class="page') <= 4


def test_dash_writes_to_standard_output(room: Workshop, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["debrief", str(room.saves_dir), "--md", "-", "--summary"]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("# Debrief: Mini class\n") and "wrote" not in err
    assert cli.main(["debrief", str(room.saves_dir), "--html", "-", "--summary"]) == 0
    assert capsys.readouterr().out.startswith("<!DOCTYPE html>")
    assert cli.main(["debrief", str(room.saves_dir), "--html", "-", "--md", "-"]) == 2
    assert "cannot both go to standard output" in capsys.readouterr().err


def test_a_teachers_templates_replace_the_built_in_ones(room: Workshop, tmp_path: Path, capsys) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "debrief.css").write_text("body { font-family: serif; } .our-school { color: green; }\n", encoding="utf-8")
    (mine / "debrief.md.j2").write_text(
        "# {{ d.title }} for room 12\n{% for row in summary_rows %}- {{ row.label }}\n{% endfor %}"
    )
    html, md = report(room, tmp_path, "--templates", str(mine))
    assert ".our-school" in html and "The life of Player 1" in html  # the rest of the HTML is the built-in one
    assert md.startswith("# Mini class for room 12\n- Player 1\n")
    (mine / "debrief.md.j2").write_text("{{ d.title.__class__.__mro__ }}\n", encoding="utf-8")
    assert cli.main(["debrief", str(room.saves_dir), "--md", str(tmp_path / "x.md"), "--templates", str(mine)]) == 1
    assert "the report's template: debrief.md.j2" in capsys.readouterr().err  # sandboxed: no way out of the data
    (mine / "debrief.md.j2").write_text("{% for x in %}\n", encoding="utf-8")
    assert cli.main(["debrief", str(room.saves_dir), "--md", str(tmp_path / "x.md"), "--templates", str(mine)]) == 1
    assert "debrief.md.j2, line 1" in capsys.readouterr().err
    assert not (tmp_path / "x.md").exists()
