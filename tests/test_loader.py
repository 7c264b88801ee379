"""Loading packs: every class of error, with its message and location; layering."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from game.packs.loader import load_content, validate
from game.packs.problems import PackError

BASE = """
[stats.money]
name = "Money"

[privileges.train]
name = "Train"
reliability = "invented"

[systems.city]
name = "City"
reliability = "invented"
start = 100
max = 200
tiers = [{ id = "A", min = 100 }, { id = "D", min = 0, revoke = ["train"] }]

[rules.city.fine]
points = -10
reliability = "invented"

[scenarios.s]
name = "S"
reliability = "invented"
systems = ["city"]
[scenarios.s.character]
name = "Someone"

[[event]]
id = "e"
title = "E"
reliability = "invented"
text = "Text"
[[event.choice]]
id = "a"
label = "A"
record = ["fine"]
[[event.choice]]
id = "b"
label = "B"
"""


HEAD = '[[event]]\nid = "x"\ntitle = "X"\ntext = "T"\n'
CHOICE = '[[event.choice]]\nid = "a"\nlabel = "A"\n'


def problems_of(folder: Path) -> list[str]:
    _content, problems = validate([folder])
    return [str(p) for p in problems]


def test_a_clean_pack_loads(write_pack) -> None:
    content = load_content([write_pack("p", {"world.toml": BASE})])
    assert set(content.events) == {"e"}
    assert content.systems["city"].tiers[0].id == "A"


@pytest.mark.parametrize(
    ("extra", "line", "message"),
    [
        (
            HEAD + 'wieght = 2\n[[event.choice]]\nid = "a"\nlabel = "A"\n',
            5,
            "unknown key 'wieght' (did you mean 'weight'?)",
        ),
        ('[stats.stress]\nname = "Stress"\nmax = "ten"\n', 3, "`max` must be a number"),
        ('[stats.calm]\ndescription = "no name"\n', 1, "missing required key 'name'"),
        (
            HEAD + CHOICE + 'record = ["fien"]\n',
            8,
            "unknown act or rule 'fien' (did you mean 'fine'?)",
        ),
        (
            HEAD + 'when = "__import__(\'os\')"\n[[event.choice]]\nid = "a"\nlabel = "A"\n',
            5,
            "unknown function `__import__`",
        ),
        (
            HEAD + CHOICE + 'schedule = [{ event = "nope" }]\n',
            8,
            "unknown event 'nope'",
        ),
        (
            HEAD + CHOICE + 'requires = ["trian"]\n',
            8,
            "unknown privilege 'trian' (did you mean 'train'?)",
        ),
        ('[events.x]\nname = "x"\n', 1, "unknown section 'events' (did you mean 'event'?)"),
        (
            HEAD + "weight = 0\n" + CHOICE,
            5,
            "can never happen",
        ),
        (
            HEAD + 'when = "in_city(\\"far\\")"\n[[event.choice]]\nid = "a"\nlabel = "A"\n[cities.far]\nname = "Far"\n',
            5,
            "needs city 'far', which no scenario uses",
        ),
        (
            HEAD + CHOICE + "[[event.choice.outcome]]\nchance = 0.7\n[[event.choice.outcome]]\nchance = 0.6\n",
            5,
            "add up to 1.3",
        ),
    ],
)
def test_content_errors_name_file_line_and_fix(write_pack, extra: str, line: int, message: str) -> None:
    folder = write_pack("p", {"world.toml": BASE, "more.toml": extra})
    found = problems_of(folder)
    assert any(f"more.toml:{line}: error: " in p and message in p for p in found), found


def test_toml_syntax_error_has_its_line(write_pack) -> None:
    folder = write_pack("p", {"world.toml": BASE, "bad.toml": "a = 1\nb = [\n"})
    assert any("bad.toml:3: error: TOML syntax error" in p for p in problems_of(folder))


def test_duplicate_key_is_a_syntax_error(write_pack) -> None:
    folder = write_pack("p", {"world.toml": BASE, "dup.toml": '[stats.x]\nname = "a"\nname = "b"\n'})
    assert any("dup.toml:3: error: TOML syntax error" in p for p in problems_of(folder))


def test_non_utf8_file(write_pack) -> None:
    folder = write_pack("p", {"world.toml": BASE, "latin.toml": b'# ok\n[stats.x]\nname = "caf\xe9"\n'})
    assert any("latin.toml:3: error: file is not valid UTF-8" in p for p in problems_of(folder))


def test_byte_order_mark_is_accepted(write_pack) -> None:
    folder = write_pack("p", {"world.toml": b"\xef\xbb\xbf" + BASE.encode()})
    assert problems_of(folder) == []


def test_tier_overlap_and_gap(write_pack) -> None:
    extra = (
        '[systems.two]\nname = "Two"\nmin = 0\nmax = 100\nstart = 50\n'
        'tiers = [{ id = "A", min = 50 }, { id = "B", min = 50 }, { id = "C", min = 10 }]\n'
    )
    found = problems_of(write_pack("p", {"world.toml": BASE, "tiers.toml": extra}))
    assert any("tiers.toml:6: error: tiers 'A' and 'B' overlap" in p for p in found), found
    assert any("gap below 'C'" in p for p in found), found


def test_missing_pack_manifest(tmp_path: Path) -> None:
    folder = tmp_path / "nopack"
    folder.mkdir()
    (folder / "x.toml").write_text("")
    found = problems_of(folder)
    assert any("no packs here" in p for p in found), found


def test_layering_overrides_by_id_when_depending(write_pack) -> None:
    base = write_pack("base", {"world.toml": BASE})
    child = write_pack("child", {"over.toml": '[stats.money]\nname = "Cash"\noverride = true\n'}, depends=["base"])
    content = load_content([base, child])
    assert content.stats["money"].name == "Cash"


def test_collision_between_unrelated_packs(write_pack) -> None:
    base = write_pack("base", {"world.toml": BASE})
    other = write_pack("other", {"over.toml": '[stats.money]\nname = "Cash"\n'})
    with pytest.raises(PackError) as info:
        load_content([base, other])
    assert "also declared by pack 'base'" in str(info.value.problems)


def test_missing_and_circular_depends(write_pack) -> None:
    a = write_pack("a", {"x.toml": ""}, depends=["b"])
    b = write_pack("b", {"x.toml": ""}, depends=["a"])
    lonely = write_pack("c", {"x.toml": ""}, depends=["ghost"])
    found = [str(p) for p in validate([a, b, lonely])[1]]
    assert any("circular depends" in p for p in found), found
    assert any("depends on 'ghost', which is not installed" in p for p in found), found


def test_symlink_out_of_the_pack_is_refused(write_pack, tmp_path: Path) -> None:
    outside = tmp_path / "secret.toml"
    outside.write_text('[stats.leak]\nname = "Leak"\n')
    folder = write_pack("p", {"world.toml": BASE})
    (folder / "link.toml").symlink_to(outside)
    assert any("symbolic link leads outside the pack folder" in p for p in problems_of(folder))


def run_validate(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "game", "validate", *args], capture_output=True, text=True, timeout=60)


def test_validate_builtin_content_exits_0() -> None:
    result = run_validate(str(Path(__file__).resolve().parent.parent / "content"))
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("name", "files", "where"),
    [
        ("syntax", {"bad.toml": "a = [\n"}, "bad.toml:2: error: TOML syntax error"),
        ("encoding", {"bad.toml": b'x = "\xff"\n'}, "bad.toml:1: error: file is not valid UTF-8"),
        ("unknown_key", {"bad.toml": '[stats.x]\nname = "X"\ncolour = 1\n'}, "bad.toml:3: error: unknown key 'colour'"),
        ("wrong_type", {"bad.toml": "[stats.x]\nname = 5\n"}, "bad.toml:2: error: `name` must be text in quotes"),
        (
            "unknown_ref",
            {"bad.toml": '[lists.l]\nname = "L"\nrevoke = ["ghost"]\n'},
            "bad.toml:3: error: unknown privilege 'ghost'",
        ),
        ("forbidden_expr", {"bad.toml": '[rules.city.r]\npoints = "2 ** 8"\n'}, "bad.toml:2: error: '**' is not allowed"),
    ],
)
def test_validate_cli_reports_each_error_without_traceback(write_pack, name: str, files: dict, where: str) -> None:
    folder = write_pack(name, {"world.toml": BASE, **files})
    result = run_validate(str(folder))
    assert result.returncode == 1
    assert where in result.stdout, result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_validate_usage_error_exits_2() -> None:
    assert run_validate("--no-such-flag").returncode == 2


def test_scenarios_are_listed_by_order(write_pack) -> None:
    scenario = (
        '[scenarios.{id}]\nname = "{id}"\norder = {order}\nevents_per_day = [0, 0]\n[scenarios.{id}.character]\nname = "N"\n'
    )
    files = {"a.toml": scenario.format(id="late", order=100), "b.toml": scenario.format(id="first", order=1)}
    content = load_content([write_pack("ordered", files)])
    assert list(content.scenarios) == ["first", "late"]


@pytest.mark.parametrize("cache", ["off", "warm"])
def test_a_load_leaves_no_cyclic_garbage(cache: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Everything a load makes and drops is freed at once: a cycle would keep every pack read (and the
    load's time) until the collector's next full pass. The same for content from the compiled-content cache."""
    import gc

    monkeypatch.setenv("CITIZEN_CACHE", "off" if cache == "off" else str(tmp_path))
    root = Path(__file__).resolve().parent.parent / "content"
    load_content([root])
    load_content([root])  # the first load from the cache makes its decoder, once per process
    was = gc.isenabled()
    gc.disable()
    try:
        gc.collect()
        content = load_content([root])
        next(iter(content.events.values())).weight.eval(None)
        del content
        assert gc.collect() == 0
    finally:
        if was:
            gc.enable()
