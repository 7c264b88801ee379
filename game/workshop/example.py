"""The commented example written by ``citizen workshop new``: every option, filled from the installed packs."""

from __future__ import annotations

from game.engine.content import Content
from game.strings import S, language
from game.workshop.schema import SCHEMA_FILE


def template() -> str:
    """The file's text with its comments in the language now spoken (``S["workshop_template"]``)."""
    return S["workshop_template"]


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
        twice = S["workshop_override_twice"].format(points=f"{points:g}")
        overrides = f"[overrides.{sys_id}]\n{rule_id} = {points * 2:g}   # {twice}\n"
    else:
        overrides = "# [overrides.SYSTEM]\n# RULE = -50\n"
    event = next((e for e in content.events.values() if e.choices), None)
    event_prompt = (
        f'\n[[prompt]]\ntext = "{S["workshop_prompt_event"]}"\nevent = "{event.id}"\n'
        if event
        else ""
    )
    rule_prompt = (
        f'\n[[prompt]]\ntext = "{S["workshop_prompt_rule"]}"\nrule = "{rule_ref}"\n' if rule_ref else ""
    )
    revoked = [p for s in systems for t in content.systems[s].tiers for p in t.revoke] if systems[0] in content.systems else []
    privilege = revoked[0] if revoked else next(iter(content.privileges), "")
    privilege_prompt = (
        f'\n[[prompt]]\ntext = "{S["workshop_prompt_privilege"]}"\n'
        f'privilege = "{privilege}"\n'
        if privilege
        else ""
    )
    from game.config import LANGUAGES

    languages = list(dict.fromkeys([*LANGUAGES, *sorted({lang for pack in content.packs for lang in pack.languages})]))
    return template().format(
        schema=schema,
        name=name,
        title=S["workshop_example_title"],
        scenarios=", ".join(content.scenarios),
        scenario=scenario_id,
        seed=seed,
        days=min(sc.days, 20),
        scenario_days=sc.days,
        languages=", ".join(languages),
        language=language() if language() in languages else languages[0],
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
