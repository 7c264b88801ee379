"""Property-based tests: random packs, mutated packs, random expressions, corrupted saves.

The number of examples is bounded so the suite stays fast; the properties are
what matters: only content errors come out of the loader, only ExprError out of
the compiler, and only SaveError (or a correct load) out of the save loader.
"""

from __future__ import annotations

import random
import shutil
import tempfile
from pathlib import Path

import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.engine.life import Life
from game.engine.state import Setup
from game.packs.expr import ExprError, compile_expr
from game.packs.loader import validate
from game.packs.schema import SECTION_TYPES

ROOT = Path(__file__).resolve().parent.parent
MINI = Path(__file__).resolve().parent / "packs" / "mini"
FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

keys = st.one_of(
    st.sampled_from([*SECTION_TYPES, "id", "name", "choice", "when", "points", "tiers", "min", "record"]),
    st.from_regex(r"[a-z][a-z0-9_]{0,8}", fullmatch=True),
)
scalars = st.one_of(st.integers(-(2**63), 2**63 - 1), st.floats(allow_nan=False), st.booleans(), st.text(max_size=30))
documents = st.dictionaries(
    keys,
    st.recursive(scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(keys, inner, max_size=4), max_leaves=20),
    max_size=6,
)


def write(folder: Path, files: dict[str, str | bytes]) -> Path:
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    (folder / "pack.toml").write_text('[pack]\nid = "fuzz"\nname = "Fuzz"\n')
    for name, text in files.items():
        (folder / name).write_bytes(text if isinstance(text, bytes) else text.encode())
    return folder


@FAST
@given(doc=documents)
def test_random_documents_give_only_content_errors(tmp_path: Path, doc: dict) -> None:
    folder = write(tmp_path / "fuzz", {"random.toml": tomli_w.dumps(doc)})
    _content, problems = validate([folder])  # must not raise
    assert all(p.file.endswith((".toml", "fuzz")) for p in problems)


MINI_FILES = {p.name: p.read_bytes() for p in MINI.glob("*.toml") if p.name != "pack.toml"}


def mutate(data: bytes, rng: random.Random) -> bytes:
    lines = data.split(b"\n")
    for _ in range(rng.randint(1, 4)):
        i = rng.randrange(len(lines))
        action = rng.choice(["drop", "dup", "byte", "swap", "junk"])
        if action == "drop":
            lines.pop(i)
        elif action == "dup":
            lines.insert(i, lines[i])
        elif action == "swap" and len(lines) > 1:
            j = rng.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
        elif action == "byte" and lines[i]:
            k = rng.randrange(len(lines[i]))
            lines[i] = lines[i][:k] + bytes([rng.randrange(256)]) + lines[i][k + 1 :]
        else:
            lines.insert(i, rng.choice([b"[[event]]", b'id = "x"', b"weight = -1", b'when = "day >"', b"[stats]", b"= 1"]))
        if not lines:
            lines = [b""]
    return b"\n".join(lines)


@FAST
@given(seed=st.integers(0, 2**32))
def test_mutated_packs_give_only_content_errors(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    files = dict(MINI_FILES)
    name = rng.choice(sorted(files))
    files[name] = mutate(files[name], rng)
    folder = write(tmp_path / "fuzz", files)
    content, _problems = validate([folder])
    if content is not None and "life" in content.scenarios:  # what still loads must still play
        life = Life(content, Setup("life", seed))
        for _ in range(20):
            view = life.prompt()
            if view is None:
                break
            open_choices = [v.choice.id for v in view.choices if v.enabled]
            life.choose(rng.choice(open_choices))


TOKENS = [
    "stat.money",
    "stat.stress",
    "score.city",
    "tier.city",
    "flag.pulled_on",
    "setting.appeals",
    "day",
    "days_left",
    "1",
    "0",
    "-3",
    "2.5",
    '"A"',
    '"D"',
    "true",
    "false",
    "and",
    "or",
    "not",
    "+",
    "-",
    "*",
    "/",
    "%",
    "==",
    "!=",
    "<",
    ">=",
    "(",
    ")",
    ",",
    'has("train")',
    'listed("blacklist")',
    'at_least("city", "B")',
    "min(",
    "max(",
    "abs(",
    'friends.mean("city")',
    "friends.count()",
    "[",
    "]",
    "in",
    "**",
    "__class__",
    ".",
    "lambda",
    ":",
    "x",
]


@settings(max_examples=300, deadline=None)
@given(parts=st.lists(st.sampled_from(TOKENS), min_size=1, max_size=12))
def test_random_expressions_compile_or_fail_cleanly(mini, parts: list[str]) -> None:
    from game.packs.build import Builder  # noqa: F401 - the names come from the loaded mini world
    from game.packs.expr import Names

    names = Names(
        systems={s: tuple(t.id for t in mini.systems[s].tiers) for s in mini.systems},
        stats=frozenset(mini.stats),
        flags=frozenset({"pulled_on"}),
        settings={"appeals": "boolean"},
        privileges=frozenset(mini.privileges),
        lists=frozenset(mini.lists),
        characters=frozenset(mini.characters),
    )
    source = " ".join(parts)
    for expect in ("boolean", "number"):
        try:
            compiled = compile_expr(source, names, expect)
        except ExprError:
            continue
        life = Life(mini, Setup("life", 1))
        value = compiled.eval(life)  # a compiled expression always evaluates
        assert isinstance(value, bool) if expect == "boolean" else isinstance(value, int | float)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 2**32))
def test_corrupted_saves_load_correctly_or_fail_cleanly(mini, tmp_path: Path, seed: int) -> None:
    from game.saves import SaveError, SaveStore

    rng = random.Random(seed)
    store = SaveStore(Path(tempfile.mkdtemp(dir=tmp_path)))
    life = Life(mini, Setup("life", 3))
    for _ in range(6):
        life.choose(rng.choice([v.choice.id for v in life.prompt().choices if v.enabled]))
    store.save("slot", life, player="Fuzz")
    path = store.path("slot")
    data = bytearray(path.read_bytes())
    for _ in range(rng.randint(1, 6)):
        action = rng.choice(["flip", "cut", "insert", "zero"])
        at = rng.randrange(len(data)) if data else 0
        if action == "flip" and data:
            data[at] ^= 1 << rng.randrange(8)
        elif action == "cut":
            del data[at:]
        elif action == "insert":
            data[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 5)))
        elif data:
            data[at] = 0
    path.write_bytes(bytes(data))
    try:
        loaded = store.load("slot", mini)
    except SaveError as exc:
        assert str(exc)  # a message, never a crash
    else:
        if loaded.life is not None:  # a harmless corruption (in white space, say): the same life
            assert loaded.life.state == life.state
    assert path.read_bytes() == bytes(data)  # loading never changes the file
