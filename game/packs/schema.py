"""The pack file format, as typed definitions.

These structs are the single source of truth for what a pack file may contain:
the loader converts parsed TOML into them (unknown keys and wrong types are
errors), and ``citizen schema`` turns them into JSON Schema for editors.

Every ``.toml`` file in a pack may hold any of the top-level sections of
:class:`PackFile`; ``pack.toml`` must also hold ``[pack]``. Expressions are
strings in the small language of :mod:`game.packs.expr`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any, Literal

import msgspec
from msgspec import Meta, Struct, field

from game.engine.effects import KINDS, Shape
from game.engine.limits import MAX_EVENTS_PER_DAY
from game.engine.reliability import LEVELS

ID_PATTERN = r"^[a-z][a-z0-9_]*\Z"
r"""``\Z``, not ``$``: ``$`` would also accept an id ending in a newline, a twin of the real one."""
Id = Annotated[str, Meta(pattern=ID_PATTERN, max_length=64)]
"""An identifier: lower case letters, digits and underscores, starting with a letter."""

Expr = Annotated[str, Meta(max_length=500)]
"""An expression in the pack expression language."""

TRANSLATABLE = {"translatable": True}
"""The mark (``Meta.extra``) of a string a translation replaces: :mod:`game.packs.translatable` finds
every such field from this schema, so a new ``Text`` field is translatable without further work."""

Text = Annotated[str, Meta(max_length=4000, extra=TRANSLATABLE)]
"""Player-facing text. Shown literally, apart from the safe markup subset; translatable."""

IdList = Annotated[list[Id], Meta(max_length=200)]
"""A list of ids (bounded, like every list in a pack)."""

Reliability = Annotated[str, Meta(max_length=32, extra_json_schema={"enum": ["", *LEVELS]})]
"""How far the real world backs the item (one of :data:`game.engine.reliability.LEVELS`).

Checked by the builder, not here: an unknown value is an error in a built-in
pack and a warning in others."""

WorldEntry = Annotated[str, Meta(pattern=r"^[a-z][a-z0-9_]*(:[a-z][a-z0-9_]*)?$", max_length=130)]
"""A part of a scenario's world: a pack id (all its events) or ``pack:tag`` (its events with that tag)."""

NUMBER_LIMIT = 10**12
"""The largest magnitude of any number in a pack (the expression language's limit too)."""
Number = Annotated[int, Meta(ge=-NUMBER_LIMIT, le=NUMBER_LIMIT)] | Annotated[float, Meta(ge=-NUMBER_LIMIT, le=NUMBER_LIMIT)]
"""A finite number of at most :data:`NUMBER_LIMIT` in size (``inf`` and ``nan`` are refused)."""
NumberOrExpr = Number | Expr
"""A number, or an expression string that computes one."""

WholeNumber = Annotated[int, Meta(ge=-NUMBER_LIMIT, le=NUMBER_LIMIT)]

Short = Annotated[str, Meta(max_length=200)]
"""A short free-form string (a version, a licence)."""
ShortText = Annotated[str, Meta(max_length=200, extra=TRANSLATABLE)]
"""A short player-facing word or phrase (a category, a relation): translatable."""
Count = Annotated[int, Meta(ge=0, le=100_000)]
"""A count of days or times."""
Day = Annotated[int, Meta(ge=0, le=100_000)]
Language = Annotated[str, Meta(pattern=r"^[A-Za-z]{2,3}([_-][A-Za-z0-9]{1,8})*\Z", max_length=35)]
"""A language tag like ``en`` or ``zh-Hans``."""
Date = Annotated[str, Meta(pattern=r"^(19|20)[0-9]{2}-[0-9]{2}-[0-9]{2}\Z")]
"""An ISO date from 1900 to 2099, so that every day of a life stays on the calendar."""


class Base(Struct, forbid_unknown_fields=True, kw_only=True, omit_defaults=True):
    """Common options: unknown keys are errors, every field is a keyword.

    Every item that has an id also takes ``override = true``: required to
    replace an item of a dependency with the same id (and only then).
    """


class PackMeta(Base, kw_only=True):
    """``[pack]`` in ``pack.toml``: who made the pack and what it needs."""

    id: Id
    name: Text
    version: Annotated[str, Meta(max_length=64)] = "0.1.0"
    description: Text = ""
    authors: Annotated[list[Short], Meta(max_length=50)] = []
    license: Short = ""
    languages: Annotated[list[Language], Meta(max_length=50)] = field(default_factory=lambda: ["en"])
    depends: IdList = []


class StatDef(Base, kw_only=True):
    """``[stats.ID]``: a number the citizen carries (money, stress, ...)."""

    name: Text
    description: Text = ""
    min: Number = 0
    max: Number = 1_000_000
    start: Number = 0
    unit: Annotated[str, Meta(max_length=16, extra=TRANSLATABLE)] = ""
    hidden: bool = False
    override: bool = False


class PrivilegeDef(Base, kw_only=True):
    """``[privileges.ID]``: something the citizen may do, granted or revoked by tiers and lists."""

    name: Text
    description: Text = ""
    default: bool = True
    source: Text = ""
    reliability: Reliability = ""
    override: bool = False


class TierDef(Base, kw_only=True):
    """One row of a system's tier table: the lowest score of the tier and what it changes."""

    id: Annotated[str, Meta(pattern=r"^[A-Za-z0-9_+\-]+\Z", max_length=16)]
    min: Number
    name: Text = ""
    color: Annotated[str, Meta(max_length=32)] = ""
    description: Text = ""
    grant: IdList = []
    revoke: IdList = []
    reported_revoke: IdList = []
    """Revoked only while the life plays the premise as reported (``setting.premise``)."""
    source: Text = ""
    reliability: Reliability = ""
    grant_up: IdList = []
    """Privileges held from this tier up: at this tier and every higher one (``grant`` is this tier only)."""


class SystemDef(Base, kw_only=True):
    """``[systems.ID]``: a score system with its range and tier table."""

    name: Text
    description: Text = ""
    min: Number = 0
    max: Number = 1000
    start: Number = 0
    visibility: Literal["public", "private", "opaque"] = "public"
    tiers: Annotated[list[TierDef], Meta(max_length=50)] = []
    source: Text = ""
    reliability: Reliability = ""
    scale: Annotated[float, Meta(gt=0, le=1000)] = 1
    """Scores are shown multiplied by this, in the system's own unit (0.01: 480 is shown as 4.80 stars)."""
    decimals: Annotated[int, Meta(ge=0, le=4)] = 0
    override: bool = False


class ActDef(Base, kw_only=True):
    """``[acts.ID]``: an act events can record, priced by each system's rule table.

    Declaring acts lets a pack's events record them without depending on the
    packs whose systems give them points.
    """

    name: Text
    description: Text = ""
    category: ShortText = ""
    source: Text = ""
    reliability: Reliability = ""
    override: bool = False


class RuleDef(Base, kw_only=True):
    """``[rules.SYSTEM.ID]``: what an act costs or earns in one system."""

    points: NumberOrExpr
    name: Text = ""
    category: ShortText = ""
    description: Text = ""
    source: Text = ""
    reliability: Reliability = ""
    cooldown: Count = 0
    limit: Count = 0
    limit_days: Count = 0
    reported_only: bool = False
    """Reported, not documented: the rule applies only while the life plays the premise as reported
    (``setting.premise``); where it bites it is marked ‡ and opens its source note."""
    override: bool = False


class ListDef(Base, kw_only=True):
    """``[lists.ID]``: a black or red list that overrides scores."""

    name: Text
    description: Text = ""
    kind: Literal["black", "red"] = "black"
    public: bool = False
    grant: IdList = []
    revoke: IdList = []
    source: Text = ""
    reliability: Reliability = ""
    override: bool = False


class CharacterDef(Base, kw_only=True):
    """``[characters.ID]``: a person with scores of their own that drift."""

    name: Text
    description: Text = ""
    relation: ShortText = "friend"
    scores: dict[Id, Number] = {}
    drift: dict[Id, Annotated[list[WholeNumber], Meta(min_length=2, max_length=2)]] = {}
    override: bool = False


class SettingDef(Base, kw_only=True):
    """``[settings.ID]``: a switch a scenario or workshop sets (``setting.ID`` in expressions)."""

    name: Text
    description: Text = ""
    default: bool | Number | Text = False
    override: bool = False


class CityDef(Base, kw_only=True):
    """``[cities.ID]``: a place whose rules a scenario lives under."""

    name: Text
    description: Text = ""
    source: Text = ""
    reliability: Reliability = ""
    override: bool = False


Weekday = Literal["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
WEEKDAYS: tuple[str, ...] = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def follow_up_days(after: int | None, weeks: int | None) -> int:
    """The days from now a follow-up lands (before ``on`` moves it to a weekday): ``weeks`` weeks, else ``after``
    days, else 1 (tomorrow)."""
    if weeks is not None:
        return 7 * weeks
    return 1 if after is None else after


class ScheduleDef(Base, kw_only=True):
    """A follow-up: event ``event`` happens ``after`` days from now (1 if neither ``after`` nor ``weeks`` is
    given), or ``weeks`` weeks from now (``weeks = 6``: 42 days), never both; with ``on``, on the first such
    weekday from then (``on = "saturday"``: the next Saturday)."""

    event: Id
    after: Annotated[int, Meta(ge=0, le=365)] | None = None
    weeks: Annotated[int, Meta(ge=1, le=52)] | None = None
    on: Literal["", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"] = ""


EFFECT_FIELDS: dict[Shape, tuple[Any, Any]] = {
    Shape.IDS: (IdList, []),
    Shape.AMOUNTS: (dict[Id, NumberOrExpr], {}),
    Shape.ID: (Id, ""),
    Shape.TEXT: (Text, ""),
    Shape.FOLLOW_UPS: (Annotated[list[ScheduleDef], Meta(max_length=20)], []),
    Shape.CHARACTER_AMOUNTS: (dict[Id, dict[Id, NumberOrExpr]], {}),
}
"""The field (type, default) of an effect of each shape: :data:`Effects` has one per kind of :data:`game.engine.effects.KINDS`."""

if TYPE_CHECKING:

    class Effects(Base, kw_only=True):
        def __getattr__(self, key: str) -> Any: ...  # one field per kind of effect, made below

else:
    Effects = msgspec.defstruct(
        "Effects",
        [(kind.key, *EFFECT_FIELDS[kind.shape]) for kind in KINDS],
        bases=(Base,),
        kw_only=True,
        module=__name__,
    )
Effects.__doc__ = """What a choice, an outcome or an overnight rule changes: one optional field per kind of effect."""


class OutcomeDef(Effects, kw_only=True):
    """One possible result of a choice, drawn by ``chance``."""

    chance: NumberOrExpr
    id: Id = ""
    text: Text = ""


class ChoiceDef(Effects, kw_only=True):
    """An option of an event. Hidden unless ``show_if``; locked (with its reason) unless
    ``requires`` and ``enable_if`` hold."""

    id: Id
    label: Text
    text: Text = ""
    show_if: Expr = ""
    enable_if: Expr = ""
    requires: IdList = []  # noqa: RUF012 - a msgspec Struct (its base Effects is made by defstruct) copies defaults
    locked_text: Text = ""
    tags: IdList = []  # noqa: RUF012
    stance: Literal["", "compliant", "defiant"] = ""
    """How the authorities would read taking it, where its effects do not say (paying a court's judgment,
    hiding assets from it): ``citizen simulate``'s compliant citizen leans to it, or away from it."""
    source: Text = ""
    reliability: Reliability = ""
    outcomes: Annotated[list[OutcomeDef], Meta(max_length=20)] = field(default_factory=list, name="outcome")


class EventDef(Base, kw_only=True):
    """``[[event]]``: something that happens, with the choices it offers."""

    id: Id
    title: Text
    text: Text
    weight: NumberOrExpr = 1
    when: Expr = ""
    days: Annotated[list[Day], Meta(min_length=2, max_length=2)] = []
    cooldown: Count = 0
    """Days before it may be drawn again; 0: the default gap (see ``repeatable``)."""
    once: bool = False
    repeatable: bool = False
    """A routine (the commute, the canteen): no default gap and no fading weight."""
    tags: IdList = []
    character: Id = ""
    weekdays: Annotated[list[Weekday], Meta(max_length=7)] = []
    months: Annotated[list[Annotated[int, Meta(ge=1, le=12)]], Meta(max_length=12)] = []
    assumes: Assumes | None = None
    source: Text = ""
    reliability: Reliability = ""
    choices: Annotated[list[ChoiceDef], Meta(min_length=1, max_length=9)] = field(default_factory=list, name="choice")
    override: bool = False


class DailyDef(Effects, kw_only=True):
    """``[[daily]]``: an overnight rule applied each night its ``when`` holds."""

    id: Id
    when: Expr = ""
    text: Text = ""
    source: Text = ""
    reliability: Reliability = ""
    override: bool = False


class GoalDef(Base, kw_only=True):
    """A scenario goal: met the first day ``when`` holds, missed after day ``by``.

    ``after`` names goals (declared before it) that must be met first: while
    one is open this goal waits, and if one is missed so is this. ``grade``
    (``"system:TIER"``) asks for at least that grade by day ``by``. A goal has
    ``when``, ``grade`` or both.
    """

    id: Id
    text: Text
    when: Expr = ""
    by: Day = 0
    after: IdList = []
    grade: Annotated[str, Meta(pattern=r"^[a-z][a-z0-9_]*:[A-Za-z0-9_+\-]+\Z", max_length=90)] = ""
    source: Text = ""


class CharacterSheet(Base, kw_only=True):
    """The citizen a scenario puts the player in. ``work``, ``partner`` and ``children`` are checked
    against what events assume (``[event.assumes]``)."""

    name: Text
    age: Annotated[int, Meta(ge=0, le=150)] = 30
    job: Text = ""
    home: Text = ""
    description: Text = ""
    work: Literal["office", "other", "none"] = "other"
    partner: bool = False
    children: bool = False


Season = Literal["spring", "summer", "autumn", "winter"]

Policy = Literal["random", "compliant", "defiant", "mixed"]
"""How ``citizen simulate`` plays a life (see :mod:`game.tools.sim_run`)."""


class StageDef(Base, kw_only=True):
    """``[[scenarios.ID.acts]]``: an act of the life, a range of days with its own pool or weights.

    Events of the act's ``pool`` (``pack`` or ``pack:tag``, as in ``world``)
    are drawn only in the days of the acts that pool them; ``weights``
    multiplies, in these days, the weight of the events with that tag or id.
    """

    id: Id
    days: Annotated[list[Day], Meta(min_length=2, max_length=2)]
    pool: Annotated[list[WorldEntry], Meta(max_length=100)] = []
    weights: dict[Id, Annotated[float, Meta(ge=0, le=1000)]] = {}


class SetPieceDef(Base, kw_only=True):
    """``[[scenarios.ID.set_pieces]]``: an event that always happens in this life.

    On day ``day``, or on the first morning ``when`` holds (within ``days``, if
    given); once. The event must be in the scenario's world; it comes before
    the day's draws, whatever its weight.
    """

    event: Id
    day: Day = 0
    when: Expr = ""
    days: Annotated[list[Day], Meta(min_length=2, max_length=2)] = []


class EndingDef(Base, kw_only=True):
    """``[[scenarios.ID.endings]]``: an epilogue text, told at the end of the life if ``when`` holds then.

    Every ending whose condition holds is told, in the order written (one for
    the wedding, one for the friend ...); an empty ``when`` always holds.
    """

    id: Id
    text: Text
    when: Expr = ""
    source: Text = ""


class BalanceDef(Base, kw_only=True):
    """A balance target of a scenario, held by ``citizen simulate --strict``.

    Exactly one of ``goal`` (the share of lives meeting that goal, 0 to 1),
    ``grades`` (how many final grades of that system at least one life in
    twenty ends on) or ``tier_jump`` (the most tiers of that system one choice
    moved the score, over the lives of every policy the scenario's targets
    name) says what is measured; ``min`` and ``max`` bound it; ``policy`` is
    how the lives are played.
    """

    goal: Id = ""
    grades: Id = ""
    tier_jump: Id = ""
    direction: Literal["both", "up", "down"] = "both"
    """For ``tier_jump``: count moves up, down or both (a sourced penalty may drop a grade further than any reward lifts)."""
    policy: Policy = "random"
    min: Number | None = None
    max: Number | None = None


class Assumes(Base, kw_only=True):
    """What an event takes for granted about the life it appears in; the validator checks each
    scenario that can draw it. Every field is optional."""

    city: Id = ""
    job: Literal["", "office", "any", "none"] = ""
    partner: bool | None = None
    children: bool | None = None
    season: Annotated[list[Season], Meta(max_length=4)] = []


class ScenarioDef(Base, kw_only=True):
    """``[scenarios.ID]``: a life to live: where, under which systems, for how long."""

    name: Text
    description: Text = ""
    city: Id = ""
    systems: IdList = []
    optional_systems: IdList = []
    compare: IdList = []
    days: Annotated[int, Meta(ge=1, le=365)] = 30
    events_per_day: Annotated[list[Annotated[int, Meta(ge=0, le=MAX_EVENTS_PER_DAY)]], Meta(min_length=2, max_length=2)] = field(
        default_factory=lambda: [1, 2]
    )
    start_date: Date = "2019-03-04"
    character: CharacterSheet
    stats: dict[Id, Number] = {}
    scores: dict[Id, Number] = {}
    flags: IdList = []
    grant: IdList = []
    revoke: IdList = []
    lists: IdList = []
    friends: IdList = []
    settings: dict[Id, bool | Number | Text] = {}
    goals: Annotated[list[GoalDef], Meta(max_length=50)] = []
    world: Annotated[list[WorldEntry], Meta(max_length=100)] = []
    """Where the life's events come from: packs, or ``pack:tag`` pools (default: its own pack and its dependencies)."""
    acts: Annotated[list[StageDef], Meta(max_length=20)] = []
    set_pieces: Annotated[list[SetPieceDef], Meta(max_length=50)] = []
    endings: Annotated[list[EndingDef], Meta(max_length=50)] = []
    balance: Annotated[list[BalanceDef], Meta(max_length=50)] = []
    order: WholeNumber = 100
    source: Text = ""
    reliability: Reliability = ""
    override: bool = False


class MythDef(Base, kw_only=True):
    """``[myths.ID]``: a common claim beside what the sources say, for the myth-and-fact deck.

    ``reliability`` rates the claim as people repeat it. The id lists tie the
    myth to the moments of a life where it comes up (an event fired, a choice
    taken, a privilege lost, a rule recorded, a system joined, a list entered),
    so the debrief can show where each class met it.
    """

    claim: Text
    fact: Text
    reliability: Reliability = ""
    sources: Annotated[list[Text], Meta(max_length=20)] = []
    order: int = 100
    events: IdList = []
    choices: Annotated[list[Annotated[str, Meta(pattern=r"^[a-z][a-z0-9_]*/[a-z][a-z0-9_]*$")]], Meta(max_length=200)] = []
    privileges: IdList = []
    rules: Annotated[list[Annotated[str, Meta(pattern=r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)?$")]], Meta(max_length=200)] = []
    systems: IdList = []
    lists: IdList = []


class PackFile(Base, kw_only=True):
    """Everything one ``.toml`` file of a pack may declare."""

    pack: PackMeta | None = None
    stats: dict[Id, StatDef] = {}
    privileges: dict[Id, PrivilegeDef] = {}
    systems: dict[Id, SystemDef] = {}
    acts: dict[Id, ActDef] = {}
    rules: dict[Id, dict[Id, RuleDef]] = {}
    lists: dict[Id, ListDef] = {}
    characters: dict[Id, CharacterDef] = {}
    settings: dict[Id, SettingDef] = {}
    cities: dict[Id, CityDef] = {}
    scenarios: dict[Id, ScenarioDef] = {}
    myths: dict[Id, MythDef] = {}
    events: list[EventDef] = field(default_factory=list, name="event")
    daily: list[DailyDef] = []


SECTION_TYPES: dict[str, type] = {
    "pack": PackMeta,
    "stats": StatDef,
    "privileges": PrivilegeDef,
    "systems": SystemDef,
    "acts": ActDef,
    "rules": RuleDef,
    "lists": ListDef,
    "characters": CharacterDef,
    "settings": SettingDef,
    "cities": CityDef,
    "scenarios": ScenarioDef,
    "myths": MythDef,
    "event": EventDef,
    "daily": DailyDef,
}
"""Top-level key → the struct of one item in it (the loader converts item by item)."""


def json_schema() -> dict[str, Any]:
    """JSON Schema for a pack file, for editors (Taplo, Even Better TOML)."""
    return msgspec.json.schema(PackFile)
