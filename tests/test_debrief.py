"""``citizen debrief`` on 30 saved random lives of one workshop: HTML and Markdown, figures checked against the saves."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from debrief_helpers import PLAYERS, make_class

from game import cli
from game.engine.life import Life
from game.packs.loader import load_content
from game.reports.debrief import Played, build_debrief
from game.reports.html_report import render_html
from game.reports.markdown_report import render_markdown
from game.saves import SaveStore, read_save
from game.workshop import Workshop


@pytest.fixture(scope="module")
def room(tmp_path_factory: pytest.TempPathFactory) -> tuple[Workshop, Path, str, str]:
    """The class: a workshop with 30 saves, and its debrief as HTML and Markdown (made by the CLI)."""
    folder = tmp_path_factory.mktemp("room")
    workshop = make_class(folder)
    html, md = folder / "out" / "report.html", folder / "out" / "report.md"
    assert cli.main(["debrief", str(workshop.saves_dir), "--html", str(html), "--md", str(md)]) == 0
    return workshop, folder, html.read_text(encoding="utf-8"), md.read_text(encoding="utf-8")


def saves_of(workshop: Workshop) -> list:
    files = sorted(workshop.saves_dir.glob("*.json"))
    assert len(files) == PLAYERS
    return [read_save(f) for f in files]


def test_choice_shares_match_the_saves(room) -> None:
    workshop, _, html, md = room
    firsts = Counter()
    met = 0
    for save in saves_of(workshop):
        first = next((c for _, e, c in save.log if e == "hub"), None)
        if first is not None:
            firsts[first] += 1
            met += 1
    assert met >= 25 and sum(firsts.values()) == met
    labels = {"fine": "Get fined", "praise": "Get praised", "gamble": "Gamble", "later": "Schedule a follow-up"}
    for choice, label in labels.items():
        count = firsts.get(choice, 0)
        pct = round(100 * count / met)
        assert f"{label}: {count} ({pct}%)" in html
        assert re.search(rf"\| {label} \| {count} \| {pct}% \|", md), (label, count, pct)
    assert f"by {met} of {PLAYERS} players" in html and f"by {met} of {PLAYERS} players" in md


def test_final_tiers_match_the_saves(room) -> None:
    workshop, _, html, md = room
    tiers = Counter(save.state.tiers["city"] for save in saves_of(workshop))
    for tier in ("A", "B", "D"):
        n = tiers.get(tier, 0)
        assert re.search(rf"^\| {tier} \| {n} \| {round(100 * n / PLAYERS)}% \| [█·]+ \|$", md, re.M), tier
        assert f"{n} · {round(100 * n / PLAYERS)}%" in html
    assert sum(tiers.values()) == PLAYERS


def test_privilege_losses_match_the_saves(room) -> None:
    workshop, _, html, md = room
    losses = [
        (save.player, day)
        for save in saves_of(workshop)
        for day, privilege, held, cause in save.state.privilege_log
        if privilege == "train" and not held and cause != "start"
    ]
    assert losses, "some random lives lose the train"
    for player, day in losses:
        assert f"| {player} | High-speed rail | {day} |" in md
        assert f'<td>{player}</td><td>High-speed rail</td><td class="num">{day}</td>' in html
    assert md.count("| High-speed rail |") == len(losses)


def test_safe_and_defiant_counts_match_the_records(room) -> None:
    workshop, _, _, md = room
    saves = saves_of(workshop)
    defiant = {
        "/".join(r.cause.split("/")[:2])
        for save in saves
        for r in save.state.records
        if r.points < 0 and not r.shadow and not r.cause.startswith("daily:")
    }
    assert defiant == {"hub/fine"}  # the only choice in the mini world that costs points (pull is overnight)
    total_defiant = sum(1 for s in saves for _, e, c in s.log if f"{e}/{c}" in defiant)
    total = sum(len(s.log) for s in saves)
    assert f"Choices made: {total - total_defiant} safe, {total_defiant} defiant" in md
    for save in saves:
        bad = sum(1 for _, e, c in save.log if f"{e}/{c}" in defiant)
        row = rf"^\| {save.player} \| [A-D] \| \d/1 \| \d+ \| {len(save.log) - bad} \| {bad} \| "
        assert re.search(row, md, re.M), save.player  # the class summary's row


def test_movers_and_overrides(room) -> None:
    workshop, _, _html, md = room
    fines = [r for s in saves_of(workshop) for r in s.state.records if r.rule == "fine" and r.system == "city"]
    assert fines and all(r.points <= 0 for r in fines) and min(r.points for r in fines) == -70  # the workshop's override
    assert "| Rule changed by the facilitator: Fine (City score): -70" not in md  # it is a list item, not a table row
    assert "- Rule changed by the facilitator: Fine (City score): -70" in md  # by its names, not 'city.fine'
    mover = re.search(r"^\| A hub: Get fined \| (\d+) \| (-[\d.]+) \| City score: Fine \|", md, re.M)
    assert mover, md[:2000]
    taken = sum(1 for s in saves_of(workshop) for _, e, c in s.log if (e, c) == ("hub", "fine"))
    assert int(mover.group(1)) == taken


def test_prompts_sit_next_to_their_moments(room) -> None:
    _, _, html, md = room
    hub = md.index("### A hub")
    assert md.index("What does a hub mean to you?") > hub
    assert md.index("Why did you gamble?") > hub
    losses = md.index("## Who lost what")
    assert losses < md.index("What did the train mean to you?") < md.index("## The choices that moved")
    assert md.index("## The choices that moved") < md.index("Is a fine of 70 fair?")
    discussion = md.index("## Discussion")
    assert md.index("What would you change?") > discussion
    assert md.index("Nobody takes this path.") > discussion  # tied to a moment nobody reached: kept, not lost
    for text in ("Why did you gamble?", "What would you change?", "What did the train mean to you?"):
        assert text in html


def test_html_is_self_contained_and_printable(room) -> None:
    _, _, html, _ = room
    assert html.startswith("<!DOCTYPE html>")
    assert "<script" not in html.lower()
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:|//)""", html)
    assert "@import" not in html and "url(" not in html and "<link" not in html
    assert "@media print" in html and "page-break-before" in html
    assert html.count("<svg") >= PLAYERS + 3  # a chart per life, plus the class's
    assert 'class="band"' in html and "<polyline" in html


def test_one_life_report_has_timeline_record_and_sources(room, tmp_path: Path) -> None:
    workshop, _, _, _ = room
    save = workshop.saves_dir / "player-1.json"
    out = tmp_path / "one.md"
    assert cli.main(["debrief", str(save), "--md", str(out)]) == 0
    md = out.read_text(encoding="utf-8")
    data = read_save(save)
    assert "## The life of Player 1" in md and "## The class" not in md
    for r in data.state.records:
        if not r.shadow and r.points:
            assert f"| {r.day} | City score | " in md
    assert "Invented for tests." in md  # the rule's source note
    assert md.count("**Day ") == data.state.day
    assert "Have 200 money" in md  # goals


def test_terminal_summary_when_no_file(room, capsys: pytest.CaptureFixture[str]) -> None:
    workshop, _, _, _ = room
    assert cli.main(["debrief", str(workshop.saves_dir)]) == 0
    out = capsys.readouterr().out
    assert "Debrief: Mini class" in out and "City score: final grades" in out and "Choices made:" in out


def test_the_workshop_is_found_beside_its_saves(room, capsys: pytest.CaptureFixture[str]) -> None:
    _, folder, _, _ = room
    assert cli.main(["debrief", str(folder)]) == 0  # the workshop folder: its saves folder is used
    assert "Debrief: Mini class" in capsys.readouterr().out


def test_bad_saves_are_skipped_with_a_message(room, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    workshop, _, _, _ = room
    folder = tmp_path / "mixed"
    folder.mkdir()
    good = workshop.saves_dir / "player-2.json"
    (folder / "good.json").write_bytes(good.read_bytes())
    (folder / "broken.json").write_bytes(good.read_bytes()[:200])
    out = tmp_path / "r.md"
    assert cli.main(["debrief", str(folder), "--workshop", str(workshop.path), "--md", str(out)]) == 0
    err = capsys.readouterr().err
    assert "skipped" in err and "broken.json" in err and "cut short" in err
    assert "The life of Player 2" in out.read_text(encoding="utf-8")
    (folder / "good.json").unlink()
    assert cli.main(["debrief", str(folder), "--workshop", str(workshop.path)]) == 1
    assert "no save could be read" in capsys.readouterr().err


def test_a_workshop_file_given_as_a_save_points_to_workshop(room, capsys: pytest.CaptureFixture[str]) -> None:
    workshop, _, _, _ = room
    assert cli.main(["debrief", str(workshop.path)]) == 1
    err = capsys.readouterr().err
    assert f"a .toml file is not a save; a workshop file goes after --workshop: citizen debrief --workshop {workshop.path}" in err
    assert "not valid JSON" not in err


def test_bad_arguments(room, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    workshop, _, _, _ = room
    save = workshop.saves_dir / "player-3.json"
    before = save.read_bytes()
    assert cli.main(["debrief", str(workshop.saves_dir), "--html", str(save)]) == 2
    assert "must end in .html" in capsys.readouterr().err
    assert save.read_bytes() == before
    assert cli.main(["debrief", str(tmp_path / "nowhere")]) == 1
    assert "no such save file or folder" in capsys.readouterr().err
    (tmp_path / "empty").mkdir()
    assert cli.main(["debrief", str(tmp_path / "empty")]) == 1
    assert "no saves found" in capsys.readouterr().err


def test_pack_text_is_escaped(write_pack, tmp_path: Path) -> None:
    folder = write_pack(
        "evil",
        {
            "world.toml": """
            [systems.s]
            name = "<b>Score</b> | pipe"
            start = 10
            tiers = [{ id = "A", min = 0, color = "red;background:url(x)" }]
            [rules.s.r]
            points = -1
            source = "<img src=x onerror=alert(1)> [link](http://x)"
            [[event]]
            id = "e"
            title = "<script>alert(1)</script>"
            text = "t"
            [[event.choice]]
            id = "c"
            label = "**bold** `code`"
            record = ["r"]
            [cities.c]
            name = "C"
            [scenarios.sc]
            name = "Sc & <i>"
            city = "c"
            systems = ["s"]
            days = 2
            events_per_day = [1, 1]
            [scenarios.sc.character]
            name = "X"
            """
        },
    )
    content = load_content([folder])
    from game.engine.state import Setup

    life = Life(content, Setup("sc", 1))
    while (view := life.prompt()) is not None:
        life.choose(view.choices[0].choice.id)
    debrief = build_debrief(content, [Played(life, "<Eve>", "eve")])
    html = render_html(debrief)
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<img" not in html and "<Eve>" not in html and "&lt;Eve&gt;" in html
    assert "url(x)" not in html  # an unsafe colour is replaced by the palette
    md = render_markdown(debrief)
    assert "<script>" not in md and "\\<script\\>" in md
    assert "\\| pipe" in md and "\\*\\*bold\\*\\*" in md


def test_save_store_round_trip_feeds_the_same_figures(room, tmp_path: Path) -> None:
    workshop, _, _, _ = room
    from game.tools.debrief_input import load_lives

    played, skipped = load_lives(sorted(workshop.saves_dir.glob("*.json")), load_content([Path(workshop.spec.packs[0])]))
    assert not skipped and len(played) == PLAYERS
    debrief = build_debrief(played[0].life.content, played)
    cohort = debrief.cohort
    assert cohort is not None and cohort.players == PLAYERS
    assert {life.player for life in debrief.lives} == {f"Player {i}" for i in range(1, PLAYERS + 1)}
    store = SaveStore(workshop.saves_dir)
    assert len(store.list()) == PLAYERS
