"""Messages widgets post up to their screen (widgets never call the engine)."""

from __future__ import annotations

from textual.message import Message


class ChoiceMade(Message):
    """The player took a choice that is open."""

    def __init__(self, choice_id: str) -> None:
        super().__init__()
        self.choice_id = choice_id


class LockedChoiceTried(Message):
    """The player tried a locked choice; ``reason`` says why it is locked."""

    def __init__(self, reason: str) -> None:
        super().__init__()
        self.reason = reason
