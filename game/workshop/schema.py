"""The workshop file format (``workshop.toml``), as typed definitions.

A facilitator writes one file; :mod:`game.workshop.load` converts it into
these structs (unknown keys and wrong types are errors, with their line) and
then checks every id against the loaded packs.
"""

from __future__ import annotations

from typing import Annotated, Literal

from msgspec import Meta, Struct, field

Id = Annotated[str, Meta(pattern=r"^[a-z][a-z0-9_]*$", max_length=64)]
Text = Annotated[str, Meta(max_length=4000)]
Visibility = Literal["shown", "tier", "hidden"]
"""How much of a score players see: number and grade, grade only, or nothing."""

PER_PLAYER = "per_player"


class Base(Struct, forbid_unknown_fields=True, kw_only=True, omit_defaults=True):
    """Unknown keys are errors; every field is a keyword."""


class PromptDef(Base, kw_only=True):
    """``[[prompt]]``: a discussion question, optionally tied to a moment of the life.

    The debrief places it next to that event (or that choice of it), next to the
    records of that rule, or next to the loss of that privilege; a prompt tied
    to nothing goes into the general discussion section.
    """

    text: Text
    event: Id = ""
    choice: Id = ""
    rule: Annotated[str, Meta(pattern=r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)?$", max_length=130)] = ""
    privilege: Id = ""


class WorkshopDef(Base, kw_only=True):
    """The whole workshop file."""

    title: Text
    seed: Annotated[int, Meta(ge=0, le=2**53)] | Literal["per_player"]
    scenario: Id = ""
    packs: list[Annotated[str, Meta(min_length=1, max_length=500)]] = []
    days: Annotated[int, Meta(ge=1, le=365)] | None = None
    language: Annotated[str, Meta(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$")] = "en"
    scores: Visibility | dict[Id, Visibility] | None = None
    disclosed: bool | None = None
    appeals: bool | None = None
    premise: Literal["reported", "documented"] | None = None
    settings: dict[Id, bool | int | float | str] = {}
    saves: Annotated[str, Meta(min_length=1, max_length=500)] = "saves"
    overrides: dict[Id, dict[Id, int | float]] = {}
    prompts: list[PromptDef] = field(default_factory=list, name="prompt")


SCHEMA_FILE = "schema/workshop.schema.json"
"""Where ``citizen workshop new`` writes the schema, from the workshop file's folder (a folder of its own,
as in a pack, so that nothing takes it for a save)."""


def json_schema() -> dict:
    """JSON Schema of a workshop file, for editors (Taplo, Even Better TOML): the structs above, so the
    editor and the loader agree on keys and types (the ids are checked against the packs only by the loader)."""
    import msgspec.json

    doc = msgspec.json.schema(WorkshopDef)
    root = doc["$defs"]["WorkshopDef"]
    root["title"] = "An AAA Citizen workshop file"
    root["description"] = "Every key is explained in docs/workshop-guide.md; check the file with citizen validate FILE."
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **doc}
