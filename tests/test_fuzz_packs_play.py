"""Generated packs, played: whatever the numbers, strings and schedules, no traceback, no escape byte, no lost life.

Hypothesis writes small packs (finite and non-finite numbers, odd strings, follow-ups
with any delay, self-scheduling included). Each is validated; a pack that loads is
played in the plain mode, and after every choice the save is read back as the same life.
"""

from __future__ import annotations

import io
import math
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from game.packs.loader import validate
from game.safe_text import UNSAFE
from game.saves import SaveStore, read_save

ODD = ["\x1b]0;x\x07", "\u202e", "\\[/b]", ":smile:", "[b]", "\x9b", "\r", "a\\b", "é", "\u2066"]
SANE = st.one_of(st.integers(1, 50), st.floats(0.5, 50))
WILD = st.one_of(
    st.integers(-(10**13), 10**13),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([0, 0.5, 1e308, -1e308]),
)
NUMBERS = st.one_of(SANE, SANE, SANE, WILD)  # mostly playable, sometimes not
TEXT = st.lists(
    st.one_of(st.sampled_from(ODD), st.text(st.characters(exclude_categories=("Cs",)), max_size=6)), max_size=4
).map("".join)


def toml_value(value: object) -> str:
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, str):
        return '"' + "".join(_toml_char(c) for c in value) + '"'
    return str(value)


def _toml_char(c: str) -> str:
    """A character inside a TOML basic string: quotes, backslashes and controls escaped, the rest as it is."""
    if c in '"\\':
        return "\\" + c
    if ord(c) < 0x20 or ord(c) == 0x7F:
        return f"\\u{ord(c):04x}"
    return c


@st.composite
def packs(draw: st.DrawFn) -> dict[str, str]:
    events = draw(st.integers(1, 4))
    world = [
        "[stats.money]",
        f"name = {toml_value(draw(TEXT) or 'Money')}",
        f"max = {toml_value(draw(NUMBERS))}",
        f"unit = {toml_value(draw(TEXT)[:16])}",
        "[systems.city]",
        f"name = {toml_value(draw(TEXT) or 'City')}",
        "max = 200",
        "tiers = [{ id = 'A', min = 100 }, { id = 'D', min = 0 }]",
        "[rules.city.fine]",
        f"points = {toml_value(draw(NUMBERS))}",
        "[scenarios.life]",
        f"name = {toml_value(draw(TEXT) or 'Life')}",
        "systems = ['city']",
        "days = 4",
        "events_per_day = [1, 2]",
        "[scenarios.life.character]",
        f"name = {toml_value(draw(TEXT) or 'Me')}",
    ]
    lines: list[str] = []
    for i in range(events):
        lines += [
            "[[event]]",
            f'id = "e{i}"',
            f"title = {toml_value(draw(TEXT) or 'T')}",
            f"text = {toml_value(draw(TEXT) or 'x')}",
            f"weight = {toml_value(draw(NUMBERS))}",
        ]
        for j in range(draw(st.integers(1, 2))):
            target = draw(st.integers(0, events - 1))
            after = draw(st.integers(0, 2))
            lines += [
                "[[event.choice]]",
                f'id = "c{j}"',
                f"label = {toml_value(draw(TEXT) or 'go')}",
                f"stats = {{ money = {toml_value(draw(NUMBERS))} }}",
                'record = ["fine"]' if draw(st.booleans()) else "",
                f'schedule = [{{ event = "e{target}", after = {after} }}]' if draw(st.booleans()) else "",
            ]
    return {"world.toml": "\n".join(world) + "\n", "events.toml": "\n".join(lines) + "\n"}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(pack=packs(), picks=st.lists(st.integers(1, 2), min_size=1, max_size=12))
def test_generated_packs_are_refused_cleanly_or_played_safely(pack: dict[str, str], picks: list[int]) -> None:
    from game.engine.life import Life
    from game.engine.state import Setup
    from game.play import Session
    from game.tools.plain import PlainGame

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "gen"
        folder.mkdir()
        (folder / "pack.toml").write_text('[pack]\nid = "gen"\nname = "Generated"\n', encoding="utf-8")
        for name, text in pack.items():
            (folder / name).write_text(text, encoding="utf-8")
        content, problems = validate([folder])  # never raises
        if content is None:
            assert any(p.severity == "error" for p in problems)
            event("refused")
            return
        store = SaveStore(Path(tmp) / "saves")
        out = io.StringIO()

        def after_choice() -> None:
            life = game.life
            store.autosave(life, slot="gen")
            back = read_save(store.path("gen"))
            assert back.state == life.state and back.setup == life.setup
            loaded = store.load("gen", content)  # replayed from its choices and checked against its snapshot
            assert loaded.life is not None and loaded.life.state == life.state

        game = PlainGame(Session.of(Life(content, Setup("life", 7))), out, after_choice=after_choice)
        game.intro()
        game.play(io.StringIO("".join(f"{n}\n" for n in picks)))
        event("played")
        assert UNSAFE.search(out.getvalue()) is None  # plain mode shows pack text cleaned even before the stream guard
        assert "Traceback" not in out.getvalue()
