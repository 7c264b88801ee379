"""The pack expression language: what it computes and what it refuses."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from game.packs.expr import ExprError, Names, compile_expr, compile_number

NAMES = Names(
    systems={"municipal": ("AAA", "A", "B", "D"), "sesame": ("good", "poor")},
    stats=frozenset({"money", "stress"}),
    flags=frozenset({"met_li"}),
    settings={"appeals": "boolean"},
    privileges=frozenset({"high_speed_rail"}),
    lists=frozenset({"court_blacklist"}),
    cities=frozenset({"rongcheng"}),
    characters=frozenset({"li"}),
    events=frozenset({"red_light"}),
    goals=frozenset({"promotion"}),
)


class Ctx(SimpleNamespace):
    """A stand-in for the engine's evaluation context (a Life: ``state`` plus predicates)."""

    @property
    def state(self):
        return SimpleNamespace(day=self.day, stats=self.stats, flags=self.flags, scores=self.scores)

    def score(self, s):
        return self.scores[s]

    def tier(self, s):
        return self.tiers[s]

    def stat(self, s):
        return self.stats[s]

    def flag(self, f):
        return f in self.flags

    def setting(self, s):
        return self.settings[s]

    def has(self, p):
        return p in self.privileges

    def listed(self, x):
        return x in self.lists

    def enrolled(self, s):
        return s in self.scores

    def at_least(self, s, t):
        order = NAMES.systems[s]
        return order.index(self.tiers[s]) <= order.index(t)

    def friends_mean(self, s):
        return 500

    def friends_count(self):
        return 2

    def friends_below(self, s, limit):
        return 1 if limit > 500 else 0


def ctx(**over):
    base = dict(
        day=3,
        days_left=27,
        city="rongcheng",
        scores={"municipal": 1000},
        tiers={"municipal": "A"},
        stats={"money": 250, "stress": 2},
        flags={"met_li"},
        settings={"appeals": True},
        privileges={"high_speed_rail"},
        lists=set(),
    )
    base.update(over)
    return Ctx(**base)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("stat.money >= 200", True),
        ("stat.money + 50 * 2 == 350", True),
        ("score.municipal / 0 == 0", True),
        ('not listed("court_blacklist") and has("high_speed_rail")', True),
        ('tier.municipal in ["B", "D"]', False),
        ('tier.municipal == "A"', True),
        ('at_least("municipal", "B")', True),
        ('at_least("municipal", "AAA")', False),
        ("flag.met_li or false", True),
        ("setting.appeals", True),
        ("day > 2 and days_left < 30", True),
        ("min(stat.money, 100) == 100 and max(1, 2, 3) == 3 and abs(-2) == 2 and round(2.6) == 3", True),
        ('friends.mean("sesame") < 600 and friends.count() == 2 and friends.below("sesame", 600) == 1', True),
    ],
)
def test_expressions_compute(source: str, expected: bool) -> None:
    assert compile_expr(source, NAMES).eval(ctx()) is expected


def test_numbers_and_bounds() -> None:
    assert compile_number(5, NAMES).eval(None) == 5
    assert compile_number("-stat.money * 0.1", NAMES).eval(ctx()) == -25
    huge = compile_number("stat.money * 1000000000 * 1000000000", NAMES).eval(ctx())
    assert huge == 1e12  # clamped, never an overflow


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ('__import__("os")', "unknown function"),
        ("().__class__", "attribute access"),
        ("stat.__class__", "not allowed"),
        ("stat.money.real", "attribute access"),
        ("[1, 2][0]", "indexing"),
        ("(lambda: 1)()", "only the built-in functions"),
        ("lambda: 1", "lambda"),
        ("[x for x in [1]]", "comprehensions"),
        ("10**10**10", "'**' is not allowed"),
        ("(" * 200 + "1" + ")" * 200, "nested too deeply"),
        ("not " * 100 + "true", "nested too deeply"),
        ("1 + " * 300 + "1", "longer than 500"),
        ("stat.mony > 1", "did you mean 'money'"),
        ('has("high_speed_rial")', "did you mean 'high_speed_rail'"),
        ('in_city("rongchen")', "unknown city 'rongchen' (did you mean 'rongcheng'?)"),
        ('tier.municipal == "Z"', "has no tier 'Z'"),
        ("stat.money", "needs a true/false value"),
        ('stat.money == "rich"', "cannot compare"),
        ('tier.municipal > "B"', "at_least"),
        ('open("/etc/passwd")', "unknown function"),
        ("has(name)", "quoted ids"),
        ("max(x=1)", "keyword arguments"),
        ('f"{1}"', "f-strings"),
        ("1 < 2 < 3", "chained"),
        ("stat.money >", "the expression ends after `>`: add a value"),
        ("score.municipal >= ", "the expression ends after `>=`: add a value"),
        ("stat.money = 90", "`=` assigns; to compare use `==`"),
        ('has_privilege("flights")', "unknown function `has_privilege`; did you mean `has`?"),
        ("", "empty"),
        ("x := 1", "`=` assigns"),
    ],
)
def test_refused(source: str, message: str) -> None:
    with pytest.raises(ExprError) as info:
        compile_expr(source, NAMES)
    assert message in str(info.value)


INSTEAD = ("use", "write", "like", "add", "did you mean", "remove", "put", "join", "give", "multiply", "compare", "quote")


@pytest.mark.parametrize(
    "source",
    [
        "stat.money = 90",
        "score.municipal >= ",
        "stat.money &&  stat.money > 1",
        '!has("flights")',
        "(stat.money > 1",
        "stat.money > 1)",
        "stat.money 3",
        "== 3",
        '"flights',
        "money > 3",
        "stat.money",
        "has(1)",
        "has()",
        'stat.money > "3"',
        'tier.municipal is "A"',
        "max(1)",
        "max(x=1)",
        "mystery(1)",
        "stat.money[0] > 1",
        "{1: 2}",
        "{1, 2}",
        "stat.money & 1",
        "stat.money // 2 > 1",
        "~1",
        "None",
        '[1, "a"]',
        "",
        "stat._secret > 1",
        "(lambda: 1)()",
    ],
)
def test_every_refusal_says_what_to_write_instead(source: str) -> None:
    with pytest.raises(ExprError) as info:
        compile_expr(source, NAMES)
    message = str(info.value)
    assert any(word in message for word in INSTEAD), message
    assert "syntax error" not in message


def test_lock_clauses_describe_the_failing_part() -> None:
    compiled = compile_expr('has("high_speed_rail") and stat.money >= 500', NAMES)
    clause = compiled.failing_clause(ctx())
    assert clause is not None and clause.kind == "compare"
    assert (clause.ids, clause.op, clause.value) == (("stat", "money"), ">=", 500)
    negated = compile_expr('not listed("court_blacklist")', NAMES).clauses[0]
    assert (negated.kind, negated.ids, negated.negated) == ("listed", ("court_blacklist",), True)
    other = compile_expr('day > 3 or has("high_speed_rail")', NAMES).clauses[0]
    assert (other.kind, other.source, other.negated) == ("other", 'day > 3 or has("high_speed_rail")', False)


def test_depends_lists_what_an_expression_reads() -> None:
    compiled = compile_expr('stat.money > 1 and day > 3 and has("high_speed_rail")', NAMES)
    assert compiled.depends == {"stat.money", "day", "privileges"}
    assert not compile_number(3, NAMES).depends
