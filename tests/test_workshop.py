"""Workshop files: every option round-trips and changes the game as it says; bad files get clear errors."""

from __future__ import annotations

import io
import shutil
import textwrap
from pathlib import Path

import pytest

from game import cli, present
from game.engine.life import Life
from game.engine.model import Notice
from game.play import Session
from game.tools.plain import PlainGame
from game.workshop import WorkshopError, open_workshop, validate_workshop

WORLD = Path(__file__).resolve().parent / "packs" / "workshop_world"


@pytest.fixture(autouse=True)
def world(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The installed packs are the workshop test world only."""
    monkeypatch.setenv("CITIZEN_CONTENT", str(WORLD))
    monkeypatch.setenv("CITIZEN_PACKS", str(tmp_path / "no-user-packs"))


def write(tmp_path: Path, text: str, name: str = "workshop.toml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


FULL = """\
    title = "Class 3A"
    scenario = "life"
    seed = 77
    days = 4
    language = "en"
    scores = { city = "tier", secret = "hidden" }
    disclosed = false
    appeals = false
    saves = "class-saves"

    [overrides.city]
    fine = -50

    [[prompt]]
    text = "Why drop it?"
    event = "street"
    choice = "litter"

    [[prompt]]
    text = "Is a fine fair?"
    rule = "city.fine"

    [[prompt]]
    text = "Trains?"
    privilege = "train"

    [[prompt]]
    text = "Anything else?"
"""


def play(life: Life, choice: str, steps: int = 50) -> list[Notice]:
    """Take ``choice`` whenever it is offered, else the first open choice; all notices."""
    notices = life.drain_notices()
    for _ in range(steps):
        view = life.prompt()
        if view is None:
            break
        ids = [cv.choice.id for cv in view.choices if cv.lock is None]
        notices += life.choose(choice if choice in ids else ids[0])
    return notices


def test_every_option_round_trips(tmp_path: Path) -> None:
    workshop, content = open_workshop(write(tmp_path, FULL))
    spec = workshop.spec
    assert (spec.title, spec.scenario, spec.seed, spec.days, spec.language) == ("Class 3A", "life", 77, 4, "en")
    setup = workshop.setup(content, "Ann")
    assert (setup.scenario, setup.seed, setup.days) == ("life", 77, 4)
    assert setup.settings == {"appeals": False}
    assert setup.rule_overrides == {"city.fine": -50}
    display = workshop.display()
    assert display.scores == {"city": "tier", "secret": "hidden"}
    assert display.disclosed is False
    assert workshop.saves_dir == (tmp_path / "class-saves").resolve()
    assert [(p.event, p.choice, p.rule, p.privilege) for p in workshop.prompts] == [
        ("street", "litter", "", ""),
        ("", "", "city.fine", ""),
        ("", "", "", "train"),
        ("", "", "", ""),
    ]
    assert workshop.meta()["workshop"] == workshop.id


def test_override_changes_the_points(tmp_path: Path) -> None:
    base, content = open_workshop(write(tmp_path, 'title = "t"\nseed = 1\n', "plain.toml"))
    harsh, _ = open_workshop(write(tmp_path, 'title = "t"\nseed = 1\n[overrides.city]\nfine = -50\n', "harsh.toml"))
    for workshop, points in ((base, -15), (harsh, -50)):
        life = Life(content, workshop.setup(content, "x"))
        play(life, "litter", steps=1)
        fines = [r for r in life.state.records if r.rule == "fine" and r.system == "city"]
        assert fines and fines[0].points == points
        secret = [r for r in life.state.records if r.system == "secret"]
        assert secret[0].points == -20  # the override names one system only


def test_appeals_off_removes_the_appeals_path(tmp_path: Path) -> None:
    on, content = open_workshop(write(tmp_path, 'title = "t"\nseed = 5\nappeals = true\n', "on.toml"))
    off, _ = open_workshop(write(tmp_path, 'title = "t"\nseed = 5\nappeals = false\n', "off.toml"))
    life_on = Life(content, on.setup(content, "x"))
    play(life_on, "appeal")
    assert any(e == "appeals_office" for _, e, _ in life_on.state.log)
    life_off = Life(content, off.setup(content, "x"))
    play(life_off, "appeal")
    assert life_off.state.log and not any(e == "appeals_office" for _, e, _ in life_off.state.log)


def _transcript(workshop_path: Path, choice: str = "1") -> str:
    workshop, content = open_workshop(workshop_path)
    out = io.StringIO()
    game = PlainGame(Session.of(Life(content, workshop.setup(content, "x")), workshop.display()), out)
    game.intro()
    game.play(io.StringIO(f"{choice}\n" * 20))
    return out.getvalue()


def test_hidden_scores_are_not_shown(tmp_path: Path) -> None:
    shown = _transcript(write(tmp_path, 'title = "t"\nseed = 2\nscores = "shown"\n', "shown.toml"))
    hidden = _transcript(write(tmp_path, 'title = "t"\nseed = 2\nscores = "hidden"\n', "hidden.toml"))
    tier = _transcript(write(tmp_path, 'title = "t"\nseed = 2\nscores = "tier"\n', "tier.toml"))
    assert "City score: 100 (A)" in shown and "→ 85" in shown
    assert "City score:" not in hidden and "→ 85" not in hidden and "Fined for littering" not in hidden
    assert "City score: grade A" in tier and "City score: 100" not in tier


def test_disclosed_shows_the_rules_of_an_opaque_system(tmp_path: Path) -> None:
    opaque = _transcript(write(tmp_path, 'title = "t"\nseed = 2\n', "default.toml"))
    disclosed = _transcript(write(tmp_path, 'title = "t"\nseed = 2\ndisclosed = true\n', "open.toml"))
    closed = _transcript(write(tmp_path, 'title = "t"\nseed = 2\ndisclosed = false\n', "closed.toml"))
    assert "Secret demerit" not in opaque and "Your Secret score score changed" in opaque
    assert "-20 Secret demerit (Secret score)" in disclosed
    assert "Fined for littering" not in closed and "Your City score score changed. The reasons are not disclosed." in closed


def test_disclosed_and_scores_reach_the_display(tmp_path: Path) -> None:
    workshop, content = open_workshop(write(tmp_path, 'title = "t"\nseed = 2\nscores = "tier"\ndisclosed = true\n'))
    display = workshop.display()
    assert display.mode(content, "city") == "tier" and display.mode(content, "secret") == "tier"
    assert display.rules_shown(content, "secret") is True
    assert isinstance(display, present.Display)


def test_per_player_seeds(tmp_path: Path) -> None:
    workshop, content = open_workshop(write(tmp_path, 'title = "t"\nseed = "per_player"\n'))
    assert workshop.seed_for("Ann") == workshop.seed_for(" ann ") != workshop.seed_for("Bo")
    shared, _ = open_workshop(write(tmp_path, 'title = "t"\nseed = 9\n', "shared.toml"))
    assert shared.setup(content, "Ann").seed == shared.setup(content, "Bo").seed == 9


def test_packs_by_path_relative_to_the_file(tmp_path: Path) -> None:
    shutil.copytree(WORLD, tmp_path / "packs" / "mine")
    folder = tmp_path / "room"
    folder.mkdir()
    _, content = open_workshop(write(folder, 'title = "t"\nseed = 1\npacks = ["../packs/mine"]\n'))
    assert [p.id for p in content.packs] == ["wsworld"]
    _, _, problems = validate_workshop(write(folder, 'title = "t"\nseed = 1\npacks = ["./nothing"]\n', "missing.toml"))
    assert [(p.line, p.message) for p in problems] == [
        (3, "pack folder './nothing' not found (paths are relative to the workshop file)")
    ]


def test_installed_pack_by_id(tmp_path: Path) -> None:
    _, content = open_workshop(write(tmp_path, 'title = "t"\nseed = 1\npacks = ["wsworld"]\n'))
    assert [p.id for p in content.packs] == ["wsworld"]
    _, _, problems = validate_workshop(write(tmp_path, 'title = "t"\nseed = 1\npacks = ["wsworl"]\n', "typo.toml"))
    assert [p.message for p in problems] == ["no installed pack 'wsworl' (did you mean 'wsworld'?)"]


BAD = [
    ('title = "t"\n', 1, "missing required key 'seed'"),
    ('title = "t"\nseed = "sometimes"\n', 2, 'seed must be a whole number from 0 to 2^53, or "per_player"'),
    ('title = "t"\nseed = 1\ndays = 0\n', 3, "days: expected `int` >= 1"),
    ('title = "t"\nseed = 1\nscenario = "lif"\n', 3, "unknown scenario 'lif' (did you mean 'life'?)"),
    ('title = "t"\nseed = 1\nscores = "secret"\n', 3, 'scores must be "shown", "tier" or "hidden"'),
    ('title = "t"\nseed = 1\nscores = { citty = "tier" }\n', 3, "unknown system 'citty' (did you mean 'city'?)"),
    ('title = "t"\nseed = 1\ndisclosed = "yes"\n', 3, "disclosed: expected `bool | null`, got `str`"),
    ('title = "t"\nseed = 1\nappeal = false\n', 3, "unknown key 'appeal' (did you mean 'appeals'?)"),
    ('title = "t"\nseed = 1\n[settings]\nappeals = 3\n', 4, "setting 'appeals' takes true or false"),
    ('title = "t"\nseed = 1\n[settings]\nweather = true\n', 4, "no pack declares the setting 'weather'"),
    ('title = "t"\nseed = 1\n[overrides.city]\nfin = -5\n', 4, "system 'city' has no rule 'fin' (did you mean 'fine'?)"),
    ('title = "t"\nseed = 1\n[overrides.town]\nfine = -5\n', 3, "unknown system 'town'"),
    ('title = "t"\nseed = 1\n[overrides.city]\nfine = "lots"\n', 4, "overrides.city.fine must be a number of points"),
    ('title = "t"\nseed = 1\n\n[[prompt]]\ntext = "x"\nevent = "stret"\n', 6, "unknown event 'stret' (did you mean 'street'?)"),
    (
        'title = "t"\nseed = 1\n[[prompt]]\ntext = "x"\nevent = "street"\nchoice = "run"\n',
        6,
        "event 'street' has no choice 'run'",
    ),
    ('title = "t"\nseed = 1\n[[prompt]]\ntext = "x"\nchoice = "bin"\n', 5, "a prompt's 'choice' needs the 'event'"),
    ('title = "t"\nseed = 1\n[[prompt]]\ntext = "x"\nrule = "city.fien"\n', 5, "system 'city' has no rule 'fien'"),
    ('title = "t"\nseed = 1\n[[prompt]]\ntext = "x"\nrule = "nothing"\n', 5, "no system has a rule 'nothing'"),
    (
        'title = "t"\nseed = 1\n[[prompt]]\ntext = "x"\nprivilege = "trian"\n',
        5,
        "unknown privilege 'trian' (did you mean 'train'?)",
    ),
    ('title = "t"\nseed = 1\n[[prompt]]\ntxt = "x"\n', 4, "unknown key 'txt' (did you mean 'text'?)"),
    ('title = "t"\nseed = 1\ntitle = "again"\n', 3, "TOML syntax error"),
    ('[pack]\nid = "x"\nname = "x"\n', 1, "this is a pack file, not a workshop file"),
]


@pytest.mark.parametrize(("text", "line", "message"), BAD, ids=[b[2][:40] for b in BAD])
def test_bad_workshop_files_get_clear_errors(tmp_path: Path, text: str, line: int, message: str) -> None:
    path = write(tmp_path, text)
    _workshop, content, problems = validate_workshop(path)
    errors = [p for p in problems if p.severity == "error"]
    assert content is None and errors, problems
    assert errors[0].line == line, errors
    assert message in errors[0].message, errors
    with pytest.raises(WorkshopError) as info:
        open_workshop(path)
    assert str(info.value).startswith(f"{errors[0].file}:{line}: error: ")


def test_unreadable_files(tmp_path: Path) -> None:
    _, _, problems = validate_workshop(tmp_path / "missing.toml")
    assert "no such workshop file" in problems[0].message
    bad = tmp_path / "latin1.toml"
    bad.write_bytes(b'title = "caf\xe9"\nseed = 1\n')
    _, _, problems = validate_workshop(bad)
    assert problems[0].line == 1 and "not valid UTF-8" in problems[0].message


def test_a_language_the_game_does_not_speak_is_a_warning(tmp_path: Path) -> None:
    _workshop, content, problems = validate_workshop(write(tmp_path, 'title = "t"\nseed = 1\nlanguage = "de"\n'))
    assert content is not None
    assert [(p.severity, p.line) for p in problems] == [("warning", 3)]
    assert "the game does not speak 'de'" in problems[0].message
    _workshop, content, problems = validate_workshop(write(tmp_path, 'title = "t"\nseed = 1\nlanguage = "sv"\n'))
    assert content is not None and not problems  # Swedish: the game's own text, and the packs' translations


def test_citizen_workshop_new_writes_a_file_that_validates(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "room" / "workshop.toml"
    assert cli.main(["workshop", "new", str(path)]) == 0
    text = path.read_text(encoding="utf-8")
    for key in (
        "title",
        "scenario",
        "seed",
        "days",
        "language",
        "scores",
        "disclosed",
        "appeals",
        "saves",
        "[overrides.",
        "[[prompt]]",
    ):
        assert key in text
    assert "# " in text  # commented
    workshop, content, problems = validate_workshop(path)
    assert workshop is not None and content is not None and not problems, problems
    assert workshop.spec.overrides == {"city": {"fine": -30}}
    assert {p.event for p in workshop.prompts} >= {"street"}
    capsys.readouterr()
    assert cli.main(["validate", str(path)]) == 0
    assert "ok: workshop 'A month under the score' (life, 1 packs); saves go to " in capsys.readouterr().out
    before = path.read_bytes()
    assert cli.main(["workshop", "new", str(path)]) == 1  # never overwrites without --force
    assert "already exists" in capsys.readouterr().err
    assert path.read_bytes() == before


def test_citizen_validate_reports_workshop_errors_with_lines(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, 'title = "t"\nseed = 1\nscenario = "lif"\n')
    assert cli.main(["validate", str(path)]) == 1
    out = capsys.readouterr().out
    assert f"{path}:3: error: unknown scenario 'lif' (did you mean 'life'?)" in out
