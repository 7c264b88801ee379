"""Discussion prompts placed next to the moments they are about."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol


class PromptLike(Protocol):
    """What a prompt says and what it is tied to (a workshop's ``[[prompt]]``)."""

    text: str
    event: str
    choice: str
    rule: str
    privilege: str


@dataclass(frozen=True)
class Prompt:
    text: str
    event: str = ""
    choice: str = ""
    rule: str = ""
    privilege: str = ""


@dataclass(frozen=True)
class Prompts:
    """Look up the prompts tied to an event, a rule or a privilege; the rest are general."""

    items: tuple[Prompt, ...] = ()

    @classmethod
    def of(cls, prompts: Iterable[PromptLike]) -> Prompts:
        return cls(tuple(Prompt(p.text, p.event, p.choice, p.rule, p.privilege) for p in prompts))

    def for_event(self, event: str, choice: str | None = None) -> list[str]:
        """Prompts for ``event`` (and, when ``choice`` is given, only those for that choice or for no choice)."""
        return [p.text for p in self.items if p.event == event and (not p.choice or choice is None or p.choice == choice)]

    def for_choice(self, event: str, choice: str) -> list[str]:
        """Prompts tied to exactly this choice."""
        return [p.text for p in self.items if p.event == event and p.choice == choice]

    def for_event_only(self, event: str) -> list[str]:
        """Prompts tied to the event as a whole (no choice named)."""
        return [p.text for p in self.items if p.event == event and not p.choice]

    def for_rule(self, system: str, rule: str) -> list[str]:
        return [p.text for p in self.items if p.rule in (f"{system}.{rule}", rule)]

    def for_privilege(self, privilege: str) -> list[str]:
        return [p.text for p in self.items if p.privilege == privilege]

    def general(self) -> list[str]:
        return [p.text for p in self.items if not (p.event or p.rule or p.privilege)]

    def tied(self) -> list[Prompt]:
        return [p for p in self.items if p.event or p.rule or p.privilege]
