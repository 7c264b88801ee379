"""The loader's memoising compiler (``Expressions``) gives exactly what ``compile_expr`` gives.

It compiles a condition ``a and b and c`` from its clauses, each distinct clause
once; these tests compare it with compiling each expression whole, over
generated expressions that include everything that must not be split (``or``,
brackets, quoted text with `` and `` in it, comments, odd blanks, limits).
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.packs.expr import MAX_NODES, ExprError, Expressions, compile_expr
from tests.test_expr import NAMES, ctx

CLAUSES = [
    "stat.money >= 100",
    "stat.money <= 300",
    "stat.stress > 1",
    "not flag.met_li",
    "flag.met_li",
    "day >= 2",
    "days_left < 30",
    'has("high_speed_rail")',
    'not listed("court_blacklist")',
    'at_least("municipal", "B")',
    'tier.municipal in ["A", "B"]',
    "setting.appeals",
    "score.municipal >= 900",
    "stat.money + 50 * 2 == 350",
    "(day > 2 or flag.met_li)",
    "min(stat.money, 100) == 100",
    'friends.mean("sesame") < 600',
    # not clauses: errors, and what a split must not cut
    "stat.nope >= 1",
    "stat.money",
    "day > 2 or flag.met_li",
    'city == "a and b"',
    "(day > 1 and flag.met_li)",
    "stat.money >= 1 # and day > 9",
    "not not not flag.met_li",
    "1 and",
    "",
    "lambda: flag.met_li",
    "flag.met_li if day else day",
    "stat.money\u00a0>= 1",
]

JOINERS = [" and ", "  and\t", " and\u00a0", " or ", " and\n"]


def same(source: str, expect: str = "boolean") -> None:
    try:
        whole = compile_expr(source, NAMES, expect)
    except ExprError as exc:
        with pytest.raises(ExprError) as raised:
            Expressions(NAMES).compile(source, expect)
        assert str(raised.value) == str(exc)
        return
    memo = Expressions(NAMES)
    quick = memo.compile(source, expect)
    again = memo.compile(source, expect)  # from the clause memo this time
    for got in (quick, again):
        assert (got.source, got.type, got.depends) == (whole.source, whole.type, whole.depends)
        assert [(c.kind, c.ids, c.negated, c.op, c.value, c.source) for c in got.clauses] == [
            (c.kind, c.ids, c.negated, c.op, c.value, c.source) for c in whole.clauses
        ]
        for context in (ctx(), ctx(day=1, flags=set(), stats={"money": 50, "stress": 0}), ctx(lists={"court_blacklist"})):
            assert got.eval(context) == whole.eval(context)
            assert [c.test(context) for c in got.clauses] == [c.test(context) for c in whole.clauses]


@settings(max_examples=400, deadline=None)
@given(
    parts=st.lists(st.sampled_from(CLAUSES), min_size=1, max_size=6),
    joiners=st.lists(st.sampled_from(JOINERS), min_size=5, max_size=5),
    pad=st.sampled_from(["", " ", "\u00a0", "\t"]),
)
def test_a_condition_compiles_as_it_does_whole(parts: list[str], joiners: list[str], pad: str) -> None:
    source = parts[0]
    for part, joiner in zip(parts[1:], joiners, strict=False):
        source += joiner + part
    same(pad + source + pad)


@pytest.mark.parametrize(
    "source",
    [
        "stat.money >= 100 and not flag.met_li and day >= 2",
        "  stat.money >= 100 and day >= 2  ",
        'has("high_speed_rail") and city == "x and y"',
        "day > 2 or flag.met_li and stat.money >= 1",
        " and ".join(["stat.money >= 1"] * (MAX_NODES // 3 + 2)),  # too many parts only as a whole
        " and ".join(["not " * 23 + "flag.met_li"] * 2),
        " and ".join(["not " * 24 + "flag.met_li"] * 2),  # too deep only inside the ``and``
        "stat.money >= 100 and stat.money",
    ],
)
def test_edge_cases_compile_as_they_do_whole(source: str) -> None:
    same(source)


def test_numbers_are_compiled_whole() -> None:
    same("stat.money / 10 + 1", "number")
    same("stat.money >= 1 and day >= 1", "number")


def test_clauses_are_compiled_once() -> None:
    memo = Expressions(NAMES)
    first = memo.compile("stat.money >= 100 and day >= 2")
    second = memo.compile("day >= 2 and stat.money >= 100")
    assert first.clauses[0].test is second.clauses[1].test
