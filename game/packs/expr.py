"""The pack expression language: parsed once, checked, compiled to closures.

Expressions are Python-like source (``stat.money >= 500 and not listed("court_blacklist")``)
parsed with :mod:`ast` and accepted only if every node is on a short whitelist.
Nothing is ever handed to ``eval``: each node becomes a small closure over the
engine's evaluation context. Unknown names, wrong types and forbidden
constructs are :class:`ExprError` at load time.
"""

from __future__ import annotations

import ast
import datetime as dt
import difflib
import operator
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from game.engine.content import Clause, Expression

MAX_LENGTH = 500
MAX_DEPTH = 24
MAX_NODES = 200
NUMBER_LIMIT = 1e12

NUM, BOOL, STR, LIST = "number", "boolean", "string", "list"
DATE = "date"
"""The type of ``date``: compared only with ISO date literals (``date >= "2019-10-01"``), as day ordinals."""

Fn = Callable[[Any], Any]


_WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_SEASON_OF_MONTH = ("", "winter", "winter", "spring", "spring", "spring", "summer", "summer", "summer",
                    "autumn", "autumn", "autumn", "winter")  # fmt: skip

_CALENDAR: dict[str, tuple[str, Fn]] = {
    "month": (NUM, lambda ctx: ctx.month),
    "weekday": (STR, lambda ctx: _WEEKDAY_NAMES[ctx.weekday]),
    "season": (STR, lambda ctx: _SEASON_OF_MONTH[ctx.month]),
}
"""Names that read the life's calendar: the month (1–12), the weekday and the season, as words."""

_DATE_EXAMPLE = 'date >= "2019-10-01"'


def date_ordinal(text: str) -> int | None:
    """The proleptic Gregorian ordinal of an ISO date literal (``"2019-10-01"``), or None if it is not one."""
    if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
        return None
    try:
        return dt.date.fromisoformat(text).toordinal()
    except ValueError:
        return None


def _today(ctx: Any) -> int:
    """The ordinal of the life's current date (day 1 is the scenario's start date)."""
    return int(ctx.start_ordinal + ctx.state.day - 1)


class ExprError(ValueError):
    """An expression that cannot be compiled; the message says why and how to fix it."""


@dataclass(frozen=True)
class Names:
    """The ids an expression may refer to, by kind."""

    systems: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # system → tier ids
    stats: frozenset[str] = frozenset()
    flags: frozenset[str] = frozenset()
    settings: Mapping[str, str] = field(default_factory=dict)  # setting → "boolean" / "number" / "string"
    privileges: frozenset[str] = frozenset()
    lists: frozenset[str] = frozenset()
    cities: frozenset[str] = frozenset()
    characters: frozenset[str] = frozenset()
    events: frozenset[str] = frozenset()
    goals: frozenset[str] = frozenset()


class Compiled(Expression):
    """A compiled expression: call ``eval(ctx)`` with an evaluation context.

    ``eval`` is the compiled function itself, not a method around it: the
    engine's event draws call it thousands of times a life. An expression read
    back from the compiled-content cache (:meth:`later`) is compiled on its
    first use; its meaning never changes, so it is immutable all the same.
    """

    __slots__ = ("_clauses", "_names", "depends", "eval", "source", "type")

    source: str
    type: str
    depends: frozenset[str]
    eval: Fn

    def __init__(self, source: str, type: str, fn: Fn, clauses: tuple[Clause, ...], depends: frozenset[str]) -> None:
        self.source = source
        self.type = type
        self.eval = fn
        self._clauses: tuple[Clause, ...] | None = clauses
        self.depends = depends
        self._names: Names | None = None

    @classmethod
    def later(cls, source: str, type: str, depends: frozenset[str], names: Names) -> Compiled:
        """An expression that was compiled and checked against ``names`` before, compiled again on its first use."""
        self = cls.__new__(cls)
        self.source, self.type, self.depends = source, type, depends
        self._clauses = None
        self._names = names
        return self  # ``eval`` is left unset: the first look-up compiles (``__getattr__``)

    def __getattr__(self, name: str) -> Any:
        if name != "eval":
            raise AttributeError(name)
        self._compile()
        return self.eval

    def _compile(self) -> None:
        assert self._names is not None
        done = compile_number(self.source, self._names) if self.type == NUM else compile_expr(self.source, self._names, self.type)
        self.eval, self._clauses, self._names = done.eval, done.clauses, None

    @property
    def is_constant(self) -> bool:
        """Whether it always gives the same value (see :func:`constant`)."""
        return self._clauses == ()

    @property
    def fn(self) -> Fn:
        """The compiled function (the same as ``eval``)."""
        if self._clauses is None:
            self._compile()
        return self.eval

    @property
    def clauses(self) -> tuple[Clause, ...]:
        """The top-level ``and`` clauses, for lock reasons and static checks."""
        if self._clauses is None:
            self._compile()
            assert self._clauses is not None
        return self._clauses

    def failing_clause(self, ctx: Any) -> Clause | None:
        """The first top-level clause that is false, for explaining a lock."""
        for clause in self.clauses:
            if not clause.test(ctx):
                return clause
        return None

    def __repr__(self) -> str:
        return f"Compiled({self.source!r}, {self.type})"


def constant(value: Any, source: str = "") -> Compiled:
    """A compiled expression that always returns ``value``."""
    kind = BOOL if isinstance(value, bool) else NUM if isinstance(value, int | float) else STR
    return Compiled(source or repr(value), kind, lambda ctx: value, (), frozenset())


def _kind(value: Any) -> str:
    return BOOL if isinstance(value, bool) else NUM if isinstance(value, int | float) else STR


def _clamp(x: float) -> float:
    if x != x:  # NaN
        return 0
    return max(-NUMBER_LIMIT, min(NUMBER_LIMIT, x))


def _div(a: float, b: float) -> float:
    return _clamp(a / b) if b else 0


_ARITH: dict[type, Callable[[Any, Any], Any]] = {
    ast.Add: lambda a, b: _clamp(a + b),
    ast.Sub: lambda a, b: _clamp(a - b),
    ast.Mult: lambda a, b: _clamp(a * b),
    ast.Div: _div,
    ast.Mod: lambda a, b: a % b if b else 0,
}
_COMPARE: dict[type, Callable[[Any, Any], bool]] = {
    ast.Eq: operator.eq,
    ast.NotEq: operator.ne,
    ast.Lt: operator.lt,
    ast.LtE: operator.le,
    ast.Gt: operator.gt,
    ast.GtE: operator.ge,
}
COMPARE_SYMBOLS = {ast.Eq: "==", ast.NotEq: "!=", ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">="}

_EXAMPLE = 'a comparison like stat.money >= 100, or a function like has("flights")'

_FORBIDDEN_HINTS: dict[type, str] = {
    ast.Pow: "'**' is not allowed; multiply instead (stat.x * stat.x)",
    ast.FloorDiv: "'//' is not allowed; use '/' and round(), like round(stat.money / 2)",
    ast.BitAnd: "'&' is not allowed; to join conditions use 'and'",
    ast.BitOr: "'|' is not allowed; to join conditions use 'or'",
    ast.BitXor: "'^' is not allowed; for a power multiply instead, to join conditions use 'and' or 'or'",
    ast.Invert: "'~' is not allowed; to negate a condition use 'not'",
    ast.Subscript: "indexing with [...] is not allowed; name the id directly, like stat.money",
    ast.Lambda: f"lambda is not allowed; write the condition itself: {_EXAMPLE}",
    ast.ListComp: 'comprehensions are not allowed; write the values, like ["A", "B"]',
    ast.SetComp: 'comprehensions are not allowed; write the values, like ["A", "B"]',
    ast.DictComp: 'comprehensions are not allowed; write the values, like ["A", "B"]',
    ast.GeneratorExp: 'comprehensions are not allowed; write the values, like ["A", "B"]',
    ast.NamedExpr: "':=' assigns; to compare use '=='",
    ast.IfExp: "'x if c else y' is not allowed; use min/max or separate outcomes",
    ast.Starred: "'*' unpacking is not allowed; write each argument",
    ast.Dict: 'tables { } are not allowed in expressions; for a choice of values use a list, like ["A", "B"]',
    ast.Set: 'braces { } are not allowed in expressions; for a choice of values use a list, like ["A", "B"]',
    ast.JoinedStr: 'f-strings are not allowed; write the id in plain quotes, like "flights"',
    ast.Await: f"'await' is not allowed; write {_EXAMPLE}",
}
"""What to write instead of each construct the language refuses."""

_USAGE = {
    "min": "min(stat.money, 100)",
    "max": "max(stat.money, 100)",
    "abs": "abs(stat.money)",
    "round": "round(stat.money / 10)",
    "has": 'has("flights")',
    "listed": 'listed("dishonest_debtors")',
    "enrolled": 'enrolled("sesame")',
    "at_least": 'at_least("municipal", "B")',
    "in_city": 'in_city("rongcheng")',
    "friend": 'friend("li_wei")',
    "fired": 'fired("phone_scam")',
    "goal_met": 'goal_met("keep_job")',
    "char_score": 'char_score("li_wei", "sesame")',
    "chose": 'chose("phone_scam", "transfer")',
    "days_until": 'days_until("2019-10-01")',
}
"""One call of each function, for messages."""

_ALIASES = {
    "has_privilege": "has",
    "privilege": "has",
    "holds": "has",
    "is_listed": "listed",
    "on_list": "listed",
    "blacklisted": "listed",
    "is_enrolled": "enrolled",
    "member": "enrolled",
    "tier_at_least": "at_least",
    "grade_at_least": "at_least",
    "city": "in_city",
    "is_friend": "friend",
    "friends_with": "friend",
    "happened": "fired",
    "event_fired": "fired",
    "seen": "fired",
    "chosen": "chose",
}
"""Names writers reach for, and the function that does it."""


def _function_hint(name: str) -> str:
    """'; did you mean `has`? (has("flights"))' for a function name the language does not have."""
    guess = _ALIASES.get(name)
    if guess is None:
        close = difflib.get_close_matches(name, list(_FUNCTIONS), n=1)
        guess = close[0] if close else next((f for f in _FUNCTIONS if f in name.split("_")), None)
    if guess is None:
        return f"; use one of {', '.join(_FUNCTIONS)} and friends.mean/count/below"
    return f"; did you mean `{guess}`? (like {_USAGE[guess]})"


_OPERATORS = ("==", "!=", ">=", "<=", ">", "<", "+", "-", "*", "/", "%", "and", "or", "not", "in")


def _syntax_hint(text: str, detail: str) -> str:
    """What to write instead, for an expression Python's parser refuses."""
    bare = re.sub(r"\"[^\"]*\"|'[^']*'", '""', text)
    if re.search(r"(?<![=!<>])=(?!=)", bare):
        return "`=` assigns; to compare use `==`"
    if "&&" in bare or "||" in bare:
        return "to join conditions write `and` / `or`, not `&&` / `||`"
    if re.search(r"!(?!=)", bare):
        return "to negate write `not`, not `!`"
    ending = re.search(r"(==|!=|>=|<=|>|<|\+|-|\*|/|%|\band|\bor|\bnot|\bin)\s*$", bare)
    if ending:
        return f"the expression ends after `{ending.group(1)}`: add a value"
    starting = re.match(r"\s*(==|!=|>=|<=|>|<|\*|/|%|and\b|or\b)", bare)
    if starting:
        return f"the expression starts with `{starting.group(1)}`: put a value before it"
    if text.count('"') % 2 or text.count("'") % 2:
        return "a quote is not closed: end the id with the same quote it starts with"
    if bare.count("(") > bare.count(")"):
        return "a `(` is not closed: add `)`"
    if bare.count("(") < bare.count(")"):
        return "there is a `)` without its `(`: remove it or add the `(`"
    if re.search(r"[\w\")\]]\s+[\w\"(]", bare) and not re.search(r"\b(and|or|not|in)\b", bare):
        return "two values stand side by side: join them with an operator (`==`, `>=`, `and`, `+`...)"
    return f"this is not an expression the game can read ({detail}); write {_EXAMPLE}"


def _all(fns: list[Fn]) -> Fn:
    """``and`` of closures, unrolled for the common short cases (it is the hot path of event draws)."""
    if len(fns) == 2:
        a, b = fns
        return lambda ctx: a(ctx) and b(ctx)
    if len(fns) == 3:
        a, b, c = fns
        return lambda ctx: a(ctx) and b(ctx) and c(ctx)
    if len(fns) == 4:
        a, b, c, d = fns
        return lambda ctx: a(ctx) and b(ctx) and c(ctx) and d(ctx)
    return lambda ctx: all(f(ctx) for f in fns)


def _any(fns: list[Fn]) -> Fn:
    if len(fns) == 2:
        a, b = fns
        return lambda ctx: a(ctx) or b(ctx)
    return lambda ctx: any(f(ctx) for f in fns)


def _membership(op_type: type, value_of: Fn, values: Any) -> _Node:
    """``value in values`` (``ast.In``) or ``value not in values``: lists of numbers and strings, and of dates."""
    if op_type is ast.In:
        return _Node(BOOL, lambda ctx: value_of(ctx) in values)
    return _Node(BOOL, lambda ctx: value_of(ctx) not in values)


def _compare_const(op_type: type, lf: Fn, c: Any) -> Fn:
    """A comparison with a literal on the right, without a second closure call."""
    if op_type is ast.GtE:
        return lambda ctx: lf(ctx) >= c
    if op_type is ast.LtE:
        return lambda ctx: lf(ctx) <= c
    if op_type is ast.Gt:
        return lambda ctx: lf(ctx) > c
    if op_type is ast.Lt:
        return lambda ctx: lf(ctx) < c
    if op_type is ast.Eq:
        return lambda ctx: lf(ctx) == c
    return lambda ctx: lf(ctx) != c


def _read_and_compare(name: tuple[str, str] | None, op_type: type, c: Any) -> Fn | None:
    """``stat.x >= 3``, ``day <= 40`` and the like as one closure that reads and compares (the hot clauses of
    event conditions), or None for the other comparisons."""
    if name is None or op_type not in (ast.GtE, ast.LtE):
        return None
    space, ident = name
    if space == "stat":
        if op_type is ast.GtE:
            return lambda ctx: ctx.state.stats.get(ident, 0) >= c
        return lambda ctx: ctx.state.stats.get(ident, 0) <= c
    if space == "day":
        if op_type is ast.GtE:
            return lambda ctx: ctx.state.day >= c
        return lambda ctx: ctx.state.day <= c
    if space == "score":
        if op_type is ast.GtE:
            return lambda ctx: ctx.state.scores.get(ident, 0) >= c
        return lambda ctx: ctx.state.scores.get(ident, 0) <= c
    return None


def _suggest(word: str, options: Any) -> str:
    match = difflib.get_close_matches(word, sorted(options), n=1)
    return f" (did you mean '{match[0]}'?)" if match else ""


@dataclass(slots=True)
class _Node:
    type: str
    fn: Fn
    const: Any = None
    is_const: bool = False
    name: tuple[str, str] | None = None  # ("stat", "money") for a plain name reference
    measure: Fn | None = None  # a comparison's right side, when it is worked out rather than written
    parts: list[_Node] | None = None  # the operands of an ``and``


class _Compiler:
    def __init__(self, names: Names, source: str) -> None:
        self.names = names
        self.source = source
        self.depends: set[str] = set()
        self.count = 0
        self.deepest = 0

    def fail(self, message: str) -> ExprError:
        return ExprError(f"{message} in expression {self.source!r}")

    # -- entry points -------------------------------------------------------
    def node(self, n: ast.AST, depth: int = 0) -> _Node:
        self.count += 1
        if self.count > MAX_NODES:
            raise self.fail(f"expression is too long (more than {MAX_NODES} parts)")
        if depth > MAX_DEPTH:
            raise self.fail(f"expression is nested too deeply (more than {MAX_DEPTH} levels)")
        if depth > self.deepest:
            self.deepest = depth
        method = getattr(self, "n_" + type(n).__name__, None)
        if method is None:
            hint = _FORBIDDEN_HINTS.get(type(n), f"'{type(n).__name__}' is not allowed")
            if isinstance(n, ast.BinOp):
                hint = _FORBIDDEN_HINTS.get(type(n.op), f"operator '{type(n.op).__name__}' is not allowed")
            raise self.fail(hint)
        node: _Node = method(n, depth + 1)
        return node

    # -- literals -----------------------------------------------------------
    def n_Constant(self, n: ast.Constant, depth: int) -> _Node:
        v = n.value
        if isinstance(v, bool):
            return _Node(BOOL, lambda ctx: v, v, True)
        if isinstance(v, int | float):
            if abs(v) > NUMBER_LIMIT:
                raise self.fail(f"number {v} is out of range (at most {NUMBER_LIMIT:g})")
            return _Node(NUM, lambda ctx: v, v, True)
        if isinstance(v, str):
            return _Node(STR, lambda ctx: v, v, True)
        raise self.fail(f"{v!r} is not allowed; write true, false, a number or a quoted id")

    def n_List(self, n: ast.List | ast.Tuple, depth: int) -> _Node:
        items = [self.node(e, depth) for e in n.elts]
        if not all(i.is_const for i in items):
            raise self.fail("lists may hold only literal numbers or strings")
        kinds = {i.type for i in items}
        if len(kinds) > 1:
            raise self.fail("a list must hold values of one type: quote every value, or none")
        values = tuple(i.const for i in items)
        return _Node(LIST, lambda ctx: values, values, True)

    n_Tuple = n_List

    # -- names ----------------------------------------------------------------
    def n_Name(self, n: ast.Name, depth: int) -> _Node:
        ident = n.id
        if ident in ("true", "True"):
            return _Node(BOOL, lambda ctx: True, True, True)
        if ident in ("false", "False"):
            return _Node(BOOL, lambda ctx: False, False, True)
        if ident == "day":
            self.depends.add("day")
            return _Node(NUM, lambda ctx: ctx.state.day, name=("day", "day"))
        if ident == "days_left":
            self.depends.add("day")
            return _Node(NUM, lambda ctx: ctx.days_left, name=("days_left", "days_left"))
        if ident == "date":
            self.depends.add("day")
            return _Node(DATE, _today)
        if ident in _CALENDAR:
            self.depends.add("day")
            kind, read = _CALENDAR[ident]
            return _Node(kind, read, name=(ident, ident))
        if ident == "city":
            self.depends.add("city")
            return _Node(STR, lambda ctx: ctx.city, name=("city", "city"))
        known = ["day", "days_left", "date", *_CALENDAR, "city", "true", "false", "score", "tier", "stat", "flag", "setting"]
        hint = _suggest(ident, known) or f"; write namespace.id, like stat.{ident} or flag.{ident}, or day, days_left, city"
        raise self.fail(f"unknown name '{ident}'{hint}")

    def n_Attribute(self, n: ast.Attribute, depth: int) -> _Node:
        if not isinstance(n.value, ast.Name):
            raise self.fail("attribute access is only allowed as namespace.id (like stat.money)")
        space, ident = n.value.id, n.attr
        if ident.startswith("_"):
            raise self.fail(f"'{ident}' is not allowed: ids never start with '_'; write namespace.id, like stat.money")
        if space == "score":
            self._check(ident, self.names.systems, "score system")
            self.depends.add(f"score.{ident}")
            return _Node(NUM, lambda ctx: ctx.state.scores.get(ident, 0), name=("score", ident))
        if space == "tier":
            self._check(ident, self.names.systems, "score system")
            self.depends.add(f"score.{ident}")
            return _Node(STR, lambda ctx: ctx.tier(ident), name=("tier", ident))
        if space == "stat":
            self._check(ident, self.names.stats, "stat")
            self.depends.add(f"stat.{ident}")
            return _Node(NUM, lambda ctx: ctx.state.stats.get(ident, 0), name=("stat", ident))
        if space == "flag":
            self._check(ident, self.names.flags, "flag (set by no effect or scenario)")
            self.depends.add(f"flag.{ident}")
            return _Node(BOOL, lambda ctx: ident in ctx.state.flags, name=("flag", ident))
        if space == "setting":
            self._check(ident, self.names.settings, "setting")
            self.depends.add(f"setting.{ident}")
            return _Node(self.names.settings[ident], lambda ctx: ctx.setting(ident), name=("setting", ident))
        if space == "friends":
            raise self.fail(f"'friends.{ident}' must be called, like friends.mean(\"sesame\")")
        raise self.fail(f"unknown namespace '{space}'{_suggest(space, ['score', 'tier', 'stat', 'flag', 'setting', 'friends'])}")

    def _check(self, ident: str, known: Any, what: str) -> None:
        if ident not in known:
            raise self.fail(f"unknown {what} '{ident}'{_suggest(ident, known)}")

    # -- operators ------------------------------------------------------------
    def n_BoolOp(self, n: ast.BoolOp, depth: int) -> _Node:
        parts = [self._bool(self.node(v, depth)) for v in n.values]
        fns = [p.fn for p in parts]
        if isinstance(n.op, ast.And):
            return _Node(BOOL, _all(fns), parts=parts)
        return _Node(BOOL, _any(fns))

    def _bool(self, node: _Node) -> _Node:
        if node.type != BOOL:
            raise self.fail(f"this needs a true/false value but gives a {node.type}: compare it, like stat.money >= 100")
        return node

    def _num(self, node: _Node) -> _Node:
        if node.type != NUM:
            what = "true/false value" if node.type == BOOL else node.type
            raise self.fail(f"this needs a number but gives a {what}: write a number or a sum, like stat.money / 10")
        return node

    def n_UnaryOp(self, n: ast.UnaryOp, depth: int) -> _Node:
        inner = self.node(n.operand, depth)
        f = inner.fn
        if isinstance(n.op, ast.Not):
            self._bool(inner)
            predicate = inner.name if inner.name and isinstance(inner.name[1], tuple) else None
            if inner.name and inner.name[0] == "flag":  # not flag.x: one closure, not two
                flag = inner.name[1]
                return _Node(BOOL, lambda ctx: flag not in ctx.state.flags, name=predicate)
            return _Node(BOOL, lambda ctx: not f(ctx), name=predicate)
        if isinstance(n.op, ast.USub):
            self._num(inner)
            if inner.is_const:
                return _Node(NUM, lambda ctx: -inner.const, -inner.const, True)
            return _Node(NUM, lambda ctx: -f(ctx))
        if isinstance(n.op, ast.UAdd):
            return self._num(inner)
        raise self.fail(_FORBIDDEN_HINTS.get(type(n.op), f"operator '{type(n.op).__name__}' is not allowed; use 'not' or '-'"))

    def n_BinOp(self, n: ast.BinOp, depth: int) -> _Node:
        op = _ARITH.get(type(n.op))
        if op is None:
            hint = _FORBIDDEN_HINTS.get(type(n.op), f"operator '{type(n.op).__name__}' is not allowed")
            raise self.fail(hint)
        left, right = self._num(self.node(n.left, depth)), self._num(self.node(n.right, depth))
        lf, rf = left.fn, right.fn
        return _Node(NUM, lambda ctx: op(lf(ctx), rf(ctx)))

    def n_Compare(self, n: ast.Compare, depth: int) -> _Node:
        if len(n.ops) != 1:
            raise self.fail("chained comparisons (a < b < c) are not allowed; use 'and'")
        left = self.node(n.left, depth)
        right = self.node(n.comparators[0], depth)
        op_type = type(n.ops[0])
        if DATE in (left.type, right.type):
            return self._compare_dates(left, right, op_type)
        lf, rf = left.fn, right.fn
        if op_type in (ast.In, ast.NotIn):
            if right.type != LIST:
                raise self.fail('\'in\' needs a list literal on the right, like tier.municipal in ["C", "D"]')
            if left.type in (LIST, BOOL):
                raise self.fail(f"'in' needs a number or a string on the left, not a {left.type}")
            if right.const and _kind(right.const[0]) != left.type:
                raise self.fail(f"cannot look for a {left.type} in a list of {_kind(right.const[0])}s")
            self._check_tier_literals(left, right.const)
            return _membership(op_type, lf, right.const)
        cmp = _COMPARE.get(op_type)
        if cmp is None:
            raise self.fail("'is' is not allowed; to compare use '==' (and '!=' for 'is not')")
        types = {left.type, right.type}
        if LIST in types:
            raise self.fail('a list can only follow \'in\', like tier.municipal in ["C", "D"]')
        if len(types) > 1:
            raise self.fail(
                f"cannot compare a {left.type} with a {right.type}: numbers go without quotes, ids in quotes, "
                'and a tier is compared with a tier id, like tier.sesame == "A"'
            )
        if STR in types and op_type not in (ast.Eq, ast.NotEq):
            raise self.fail('strings can only be compared with == or !=; for tiers use at_least("system", "B")')
        if right.is_const:
            self._check_tier_literals(left, (right.const,))
        fused = _read_and_compare(left.name, op_type, right.const) if right.is_const else None
        if fused is not None:
            node = _Node(BOOL, fused)
        else:
            node = _Node(BOOL, _compare_const(op_type, lf, right.const) if right.is_const else lambda ctx: cmp(lf(ctx), rf(ctx)))
        if left.name and right.is_const:
            node.name = left.name
            node.const = (COMPARE_SYMBOLS[op_type], right.const)  # for lock reasons
        elif left.name and left.type == NUM:  # stat.money >= stat.court_debt: the lock works the right side out
            node.name = left.name
            node.const = (COMPARE_SYMBOLS[op_type], None)
            node.measure = rf
        return node

    def _date_literal(self, node: _Node) -> int:
        """The ordinal of an ISO date literal compared with ``date``; anything else is refused."""
        if not (node.is_const and isinstance(node.const, str)):
            what = node.type if not node.is_const else f"the {node.type} {node.const!r}"
            raise self.fail(f"`date` is compared with a date in quotes, like {_DATE_EXAMPLE}, not with {what}")
        ordinal = date_ordinal(node.const)
        if ordinal is None:
            raise self.fail(f"'{node.const}' is not a date: write a real date as YYYY-MM-DD, like {_DATE_EXAMPLE}")
        return ordinal

    def _compare_dates(self, left: _Node, right: _Node, op_type: type) -> _Node:
        """``date >= "2019-10-01"`` (either side), or ``date in ["2019-10-01", …]``: compared as day ordinals."""
        if op_type in (ast.In, ast.NotIn):
            if left.type != DATE or right.type != LIST:
                raise self.fail('\'in\' with `date` needs a list of dates after it, like date in ["2019-10-01", "2019-10-02"]')
            days = frozenset(self._date_literal(_Node(STR, left.fn, v, True)) for v in right.const)
            return _membership(op_type, _today, days)
        cmp = _COMPARE.get(op_type)
        if cmp is None:
            raise self.fail("'is' is not allowed; to compare use '==' (and '!=' for 'is not')")
        if left.type == DATE and right.type == DATE:
            raise self.fail(f"compare `date` with a date in quotes, like {_DATE_EXAMPLE}")
        if left.type == DATE:
            return _Node(BOOL, _compare_const(op_type, _today, self._date_literal(right)))
        ordinal = self._date_literal(left)
        return _Node(BOOL, lambda ctx: cmp(ordinal, _today(ctx)))

    def _check_tier_literals(self, left: _Node, values: tuple[object, ...]) -> None:
        if left.name and left.name[0] == "tier":
            tiers = self.names.systems.get(left.name[1], ())
            for v in values:
                if v not in tiers:
                    raise self.fail(f"system '{left.name[1]}' has no tier '{v}'{_suggest(str(v), tiers)}")

    # -- calls ----------------------------------------------------------------
    def n_Call(self, n: ast.Call, depth: int) -> _Node:
        if n.keywords:
            raise self.fail('keyword arguments are not allowed; give the ids in order, like at_least("municipal", "B")')
        if isinstance(n.func, ast.Attribute) and isinstance(n.func.value, ast.Name) and n.func.value.id == "friends":
            return self._friends(n.func.attr, n.args, depth)
        if not isinstance(n.func, ast.Name):
            raise self.fail(f"only the built-in functions can be called; use one of {', '.join(_FUNCTIONS)}")
        fname = n.func.id
        spec = _FUNCTIONS.get(fname)
        if spec is None:
            raise self.fail(f"unknown function `{fname}`{_function_hint(fname)}")
        return spec(self, n.args, depth)

    def _literal_ids(self, args: list[ast.expr], count: int, what: str) -> list[str]:
        if len(args) != count:
            raise self.fail(f"{what} takes {count} argument{'s' if count > 1 else ''}{self._like(what)}")
        out = []
        for a in args:
            if not (isinstance(a, ast.Constant) and isinstance(a.value, str)):
                raise self.fail(f"{what} needs quoted ids as arguments{self._like(what)}")
            out.append(a.value)
        return out

    @staticmethod
    def _like(what: str) -> str:
        usage = _USAGE.get(what.rstrip("()"))
        return f", like {usage}" if usage else ""

    def _friends(self, attr: str, args: list[ast.expr], depth: int) -> _Node:
        self.depends.add("friends")
        if attr == "count":
            if args:
                raise self.fail("friends.count() takes no arguments")
            return _Node(NUM, lambda ctx: ctx.friends_count())
        if attr == "mean":
            (system,) = self._literal_ids(args, 1, "friends.mean")
            self._check(system, self.names.systems, "score system")
            return _Node(NUM, lambda ctx: ctx.friends_mean(system))
        if attr == "below":
            if len(args) != 2:
                raise self.fail('friends.below takes 2 arguments, like friends.below("sesame", 600)')
            (system,) = self._literal_ids(args[:1], 1, "friends.below")
            self._check(system, self.names.systems, "score system")
            limit = self._num(self.node(args[1], depth)).fn
            return _Node(NUM, lambda ctx: ctx.friends_below(system, limit(ctx)))
        raise self.fail(f"unknown 'friends.{attr}'{_suggest(attr, ['mean', 'count', 'below'])}")


_Builder = Callable[["_Compiler", list[ast.expr], int], "_Node"]
"""How a function call compiles: (compiler, arguments, depth) → node."""


def _math(name: str, arity: tuple[int, int], impl: Callable[..., Any]) -> _Builder:
    def build(c: _Compiler, args: list[ast.expr], depth: int) -> _Node:
        if not arity[0] <= len(args) <= arity[1]:
            raise c.fail(f"{name}() takes {arity[0]}–{arity[1]} arguments, like {_USAGE[name]}")
        fns = [c._num(c.node(a, depth)).fn for a in args]
        return _Node(NUM, lambda ctx: impl(*(f(ctx) for f in fns)))

    return build


_SINGULAR = {"cities": "city"}
"""Kinds whose singular is not the plural less its s ('unknown city', not 'unknown citie')."""


def _predicate(name: str, kinds: tuple[str, ...], method: str) -> _Builder:
    """A function of quoted ids, like has("flights") or at_least("municipal", "B")."""

    def build(c: _Compiler, args: list[ast.expr], depth: int) -> _Node:
        ids = c._literal_ids(args, len(kinds), f"{name}()")
        for ident, kind in zip(ids, kinds, strict=True):
            known = _known(c.names, kind)
            c._check(ident, known, _SINGULAR.get(kind, kind.rstrip("s")))
        if name == "at_least":
            c._check(ids[1], c.names.systems.get(ids[0], ()), f"tier of {ids[0]}")
            c.depends.add(f"score.{ids[0]}")
        elif kinds[0] in ("privileges", "lists"):
            c.depends.add("privileges" if kinds[0] == "privileges" else "lists")
        elif kinds[0] == "systems":
            c.depends.add("enrolled")
        else:
            c.depends.add(kinds[0])
        node = _Node(BOOL, operator.methodcaller(method, *ids))
        node.name = (name, tuple(ids))  # type: ignore[assignment]
        return node

    return build


def _known(names: Names, kind: str) -> Any:
    return {
        "systems": names.systems,
        "privileges": names.privileges,
        "lists": names.lists,
        "cities": names.cities,
        "characters": names.characters,
        "events": names.events,
        "goals": names.goals,
        "tiers": {t for tiers in names.systems.values() for t in tiers},
    }[kind]


def _char_score(c: _Compiler, args: list[ast.expr], depth: int) -> _Node:
    who, system = c._literal_ids(args, 2, "char_score()")
    c._check(who, c.names.characters, "character")
    c._check(system, c.names.systems, "score system")
    c.depends.add("friends")
    return _Node(NUM, lambda ctx: ctx.char_score(who, system))


def _chose(c: _Compiler, args: list[ast.expr], depth: int) -> _Node:
    event, choice = c._literal_ids(args, 2, "chose()")
    c._check(event, c.names.events, "event")
    c.depends.add("history")
    return _Node(BOOL, lambda ctx: ctx.chose(event, choice))


def _days_until(c: _Compiler, args: list[ast.expr], depth: int) -> _Node:
    (text,) = c._literal_ids(args, 1, "days_until()")
    ordinal = date_ordinal(text)
    if ordinal is None:
        raise c.fail(f"'{text}' is not a date: write a real date as YYYY-MM-DD, like {_USAGE['days_until']}")
    c.depends.add("day")
    return _Node(NUM, lambda ctx: ordinal - _today(ctx))


_FUNCTIONS: dict[str, _Builder] = {
    "min": _math("min", (2, 8), min),
    "max": _math("max", (2, 8), max),
    "abs": _math("abs", (1, 1), abs),
    "round": _math("round", (1, 1), lambda x: round(x)),
    "has": _predicate("has", ("privileges",), "has"),
    "listed": _predicate("listed", ("lists",), "listed"),
    "enrolled": _predicate("enrolled", ("systems",), "enrolled"),
    "at_least": _predicate("at_least", ("systems", "tiers"), "at_least"),
    "in_city": _predicate("in_city", ("cities",), "in_city"),
    "friend": _predicate("friend", ("characters",), "is_friend"),
    "fired": _predicate("fired", ("events",), "fired"),
    "goal_met": _predicate("goal_met", ("goals",), "goal_met"),
    "char_score": _char_score,
    "chose": _chose,
    "days_until": _days_until,
}


FUNCTION_USAGE = {name: _USAGE.get(name, f"{name}(…)") for name in _FUNCTIONS}
"""Every function of the language with one call of it (for editors)."""


def _clause_of(node: _Node, raw: ast.AST, source: str) -> Clause:
    """Describe one top-level clause of a condition for lock reasons."""
    negated = False
    if isinstance(raw, ast.UnaryOp) and isinstance(raw.op, ast.Not):
        negated = True
    name = node.name
    if name and isinstance(name[1], tuple):  # a predicate such as has("flights")
        return Clause(name[0], node.fn, tuple(name[1]), negated)
    if name and isinstance(node.const, tuple):
        op, value = node.const
        return Clause("compare", node.fn, (name[0], name[1]), op=op, value=value, measure=node.measure)
    return Clause("other", node.fn, source=ast.get_source_segment(source, raw) or source)


def compile_expr(source: str, names: Names, expect: str = BOOL) -> Compiled:
    """Compile ``source``; ``expect`` is ``"boolean"`` or ``"number"``.

    Raises:
        ExprError: with a message that says what is wrong and how to fix it.
    """
    return _compile(source, names, expect)[0]


def _compile(source: str, names: Names, expect: str) -> tuple[Compiled, int, int]:
    """The compiled expression, with the number of its parts and the depth it reaches (for :class:`Expressions`)."""
    if not isinstance(source, str):
        raise ExprError(f"expected an expression string, got {type(source).__name__}")
    if len(source) > MAX_LENGTH:
        raise ExprError(f"expression is longer than {MAX_LENGTH} characters")
    if not source.strip():
        raise ExprError(f"expression is empty; write {_EXAMPLE}, or remove the key")
    depth = 0
    for ch in source:  # refuse deep nesting before the parser recurses into it
        depth += ch in "([{"
        if depth > MAX_DEPTH:
            raise ExprError(f"expression is nested too deeply (more than {MAX_DEPTH} levels) in expression {source!r}")
        depth -= ch in ")]}"
    try:
        text = source.strip()
        tree = ast.parse(text, mode="eval")
    except (SyntaxError, ValueError, RecursionError, MemoryError) as exc:
        detail = getattr(exc, "msg", None) or str(exc) or type(exc).__name__
        raise ExprError(f"{_syntax_hint(source.strip(), detail)} in expression {source!r}") from None
    compiler = _Compiler(names, source)
    try:
        body = tree.body
        top = compiler.node(body)
    except RecursionError:
        raise ExprError(f"expression is nested too deeply in expression {source!r}") from None
    if expect == BOOL:
        compiler._bool(top)
    elif expect == NUM:
        compiler._num(top)
    if isinstance(body, ast.BoolOp) and isinstance(body.op, ast.And) and top.parts is not None:
        clauses = tuple(_clause_of(part, raw, text) for part, raw in zip(top.parts, body.values, strict=True))
    else:
        clauses = (_clause_of(top, body, text),)
    return Compiled(source, top.type, top.fn, clauses, frozenset(compiler.depends)), compiler.count, compiler.deepest


_AND = re.compile(r"[ \t\f]+and[ \t\f]+")  # Python's own blanks only: anything else does not parse
_NOT_SPLIT = re.compile(r"[#\\\n\r;:]|\b(?:or|if|else|lambda|yield|await|and)\b")
"""What a clause of a condition split on `` and `` must not hold, so that the split falls exactly on Python's
top-level ``and``s: nothing that binds looser than ``and`` (``or``, ``if``, ``lambda``), no ``and`` left, no
comment. (A split inside a string or brackets leaves a clause that does not parse: it is compiled whole then.)"""


class Expressions:
    """Compiles the expressions of one load against one set of names: each distinct source once, and a
    condition of the common shape ``a and b and c`` from its clauses, each distinct clause once.

    Packs repeat clauses far more than whole conditions (``stat.money >= 100``,
    ``not flag.x``), so this compiles a big pack several times faster, and gives
    exactly what :func:`compile_expr` gives: the same type, dependencies, clauses
    and function, and for any expression with a problem, its own error message
    (such an expression is compiled whole; tests/test_expr_memo.py compares the two).
    """

    def __init__(self, names: Names) -> None:
        self.names = names
        self._clauses: dict[str, tuple[Compiled, int, int] | None] = {}

    def compile(self, source: str, expect: str = BOOL) -> Compiled:
        """:func:`compile_expr` of ``source``.

        Raises:
            ExprError: as :func:`compile_expr` does.
        """
        if expect == BOOL and isinstance(source, str) and len(source) <= MAX_LENGTH:
            quick = self._from_clauses(source)
            if quick is not None:
                return quick
        return compile_expr(source, self.names, expect)

    def _from_clauses(self, source: str) -> Compiled | None:
        parts = _AND.split(source.strip())
        if not parts[0]:
            return None
        compiled = []
        count = 1 if len(parts) > 1 else 0  # the ``and`` itself
        deepest = 0
        for part in parts:
            done = self._clause(part)
            if done is None:
                return None
            compiled.append(done[0])
            count += done[1]
            deepest = max(deepest, done[2])
        if len(parts) == 1:
            one = compiled[0]
            return Compiled(source, one.type, one.eval, one.clauses, one.depends)
        if count > MAX_NODES or deepest + 1 > MAX_DEPTH:
            return None  # the whole says why
        depends = frozenset().union(*(c.depends for c in compiled))
        clauses = tuple(c.clauses[0] for c in compiled)
        return Compiled(source, BOOL, _all([c.eval for c in compiled]), clauses, depends)

    def _clause(self, text: str) -> tuple[Compiled, int, int] | None:
        """One clause compiled alone (None: it cannot be, or is not a plain clause; the whole is compiled then)."""
        if text in self._clauses:
            return self._clauses[text]
        done: tuple[Compiled, int, int] | None = None
        if not _NOT_SPLIT.search(text) and _balanced(text):
            try:
                done = _compile(text, self.names, BOOL)
            except ExprError:
                done = None
            if done is not None and len(done[0].clauses) != 1:
                done = None
        self._clauses[text] = done
        return done


def _balanced(text: str) -> bool:
    """Every ``(`` closed after it opens: a split on `` and `` fell outside every bracket."""
    depth = 0
    for ch in text:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


def compile_number(value: Any, names: Names) -> Compiled:
    """A number field that may also be an expression string."""
    if isinstance(value, bool):
        raise ExprError("expected a number, got true/false")
    if isinstance(value, int | float):
        return constant(value)
    return compile_expr(value, names, NUM)
