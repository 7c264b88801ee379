"""The commented example written by ``citizen workshop new``: every option, filled from the installed packs."""

from __future__ import annotations

from game.engine.content import Content
from game.workshop.schema import SCHEMA_FILE

TEMPLATE = """\
#:schema ./{schema}
# A workshop file for AAA Citizen.
# Check it with:   citizen validate {name}
# Play it with:    citizen play --workshop {name}
# Serve a room:    citizen serve --workshop {name} --host 0.0.0.0
# Debrief:         citizen debrief {saves_hint} --html report.html
# The reference for every key is docs/workshop-guide.md; the first line points
# editors (Taplo, Even Better TOML) at the schema written with this file, for completion.

title = "{title}"

# Which scenario everyone lives (ids: citizen validate lists the packs; scenarios here: {scenarios}).
scenario = "{scenario}"

# The seed fixes every random draw. One number: the whole class lives the same
# draws, so the debrief can compare choices. "per_player": each name gets its own life.
seed = {seed}

# Length of the life in days (1-365). Remove the line to use the scenario's ({scenario_days}).
days = {days}

# Language of the session: {languages}. Each player's game and the debrief speak it.
language = "{language}"

# How much of the scores players see: "shown" (number and grade), "tier" (grade only)
# or "hidden". One word for every system, or a table per system, for example
# scores = {{ {system} = "tier" }}
scores = "shown"

# Is the algorithm disclosed? true: players see each rule and its points.
# false: opaque, they see that their score moved but not why. Remove the line
# to keep each system's own setting (opaque systems stay opaque).
disclosed = true

# Does the appeals office exist? false removes the appeals path from the game.
appeals = true

# The premise: "reported" plays it as the press described it (a low city grade
# bars trains and flights); "documented" plays the system as the documents show
# it (a city score gates small perks; only the court's list bars trains).
# Remove the line to keep the scenario's own.
premise = "reported"

# Where the players' saves go, relative to this file (one file per player).
saves = "{saves}"

# Other switches the packs declare, read by events as setting.ID.
# [settings]
# some_switch = true

# Rule overrides: a harsher (or milder) world. [overrides.SYSTEM] then RULE = points.
{overrides}
# Discussion prompts for the debrief. Tie one to an event (and optionally one of
# its choices), to a rule ("SYSTEM.RULE", or a rule id for every system), or to
# a privilege; the report puts it next to that moment. Untied prompts go into
# the general discussion.
[[prompt]]
text = "Which choice did you hesitate over the longest, and what tipped it?"
{event_prompt}{rule_prompt}{privilege_prompt}"""


def example_text(
    content: Content,
    name: str,
    scenario: str | None = None,
    seed: int = 2019,
    saves_hint: str = "saves/",
    schema: str = SCHEMA_FILE,
) -> str:
    """A workshop file for ``content`` that validates, with every option explained.

    ``name`` is how commands in the comments refer to the file; ``saves_hint`` to its saves folder;
    ``schema`` is the JSON Schema file beside it that the first line names.
    """
    scenario_id = scenario or next(iter(content.scenarios))
    sc = content.scenarios[scenario_id]
    systems = [s for s in (*sc.systems, *sc.optional_systems) if s in content.systems] or list(content.systems)
    system = systems[0] if systems else "SYSTEM"
    override, rule_ref = _negative_rule(content, systems)
    if override:
        sys_id, rule_id, points = override
        overrides = f"[overrides.{sys_id}]\n{rule_id} = {points * 2:g}   # twice the pack's {points:g}\n"
    else:
        overrides = "# [overrides.SYSTEM]\n# RULE = -50\n"
    event = next((e for e in content.events.values() if e.choices), None)
    event_prompt = (
        f'\n[[prompt]]\ntext = "What did you do here, and what did you expect to happen?"\nevent = "{event.id}"\n'
        if event
        else ""
    )
    rule_prompt = (
        f'\n[[prompt]]\ntext = "Is this rule fair? Who decides what it costs?"\nrule = "{rule_ref}"\n' if rule_ref else ""
    )
    revoked = [p for s in systems for t in content.systems[s].tiers for p in t.revoke] if systems[0] in content.systems else []
    privilege = revoked[0] if revoked else next(iter(content.privileges), "")
    privilege_prompt = (
        f'\n[[prompt]]\ntext = "What did losing this change in your life? Who else would it hit hardest?"\n'
        f'privilege = "{privilege}"\n'
        if privilege
        else ""
    )
    from game.config import LANGUAGES

    languages = list(dict.fromkeys([*LANGUAGES, *sorted({lang for pack in content.packs for lang in pack.languages})]))
    return TEMPLATE.format(
        schema=schema,
        name=name,
        title="A month under the score",
        scenarios=", ".join(content.scenarios),
        scenario=scenario_id,
        seed=seed,
        days=min(sc.days, 20),
        scenario_days=sc.days,
        languages=", ".join(languages),
        language="en" if "en" in languages else languages[0],
        system=system,
        saves="saves",
        saves_hint=saves_hint,
        overrides=overrides,
        event_prompt=event_prompt,
        rule_prompt=rule_prompt,
        privilege_prompt=privilege_prompt,
    )


def _negative_rule(content: Content, systems: list[str]) -> tuple[tuple[str, str, float] | None, str]:
    """A rule with a constant negative price (to show an override) and its reference."""
    for system_id in systems:
        for rule in content.systems[system_id].rules.values():
            try:
                points = float(rule.points.source)
            except (TypeError, ValueError):
                continue
            if points < 0:
                return (system_id, rule.id, points), f"{system_id}.{rule.id}"
    return None, ""
