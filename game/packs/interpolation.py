"""Placeholders in pack text: ``{weekday}``, ``{date}``, ``{name:chen_yu}``, ``{stat:money}``, ``{score:rongcheng}``,
``{grade:rongcheng}``; ``{{`` and ``}}`` are literal braces.

A hand-written tokenizer, nothing more: a placeholder names one kind of value
and at most one id, and nothing in it is looked up as an attribute or run. The
validator checks each placeholder of a pack text when the pack loads
(:func:`problems_in`); the play layer fills them in for the player's language
(:mod:`game.play.fill`). A text whose braces do not parse (a translation can be
wrong) is never an error at play time: it is shown as written.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final, NoReturn

KINDS: Final[dict[str, str]] = {
    "weekday": "",
    "date": "",
    "name": "characters",
    "stat": "stats",
    "score": "systems",
    "grade": "systems",
}
"""Each kind of placeholder, and the kind of id it takes ("": none)."""

EXAMPLES: Final[dict[str, str]] = {
    "weekday": "{weekday}",
    "date": "{date}",
    "name": "{name:chen_yu}",
    "stat": "{stat:money}",
    "score": "{score:rongcheng}",
    "grade": "{grade:rongcheng}",
}

FILLED_FIELDS: Final[frozenset[str]] = frozenset({"text", "label", "locked_text", "end"})
"""The fields of pack text whose placeholders are filled in: an event's, a choice's, an outcome's and a daily rule's
``text``, a choice's ``label`` and ``locked_text``, an ``end`` effect, a goal's and an ending's ``text``. Elsewhere
(titles, names, descriptions, sources) braces are plain text."""

_INSIDE = re.compile(r"([a-z_]+)(?::([a-z][a-z0-9_]*))?")
MAX_INSIDE = 80


@dataclass(frozen=True, slots=True)
class Placeholder:
    """One placeholder: its kind and id ("" for a kind that takes none)."""

    kind: str
    ident: str = ""

    @property
    def token(self) -> str:
        """As written: ``{stat:money}``."""
        return f"{{{self.kind}:{self.ident}}}" if self.ident else f"{{{self.kind}}}"


Part = str | Placeholder
"""A piece of a parsed text: literal text, or a placeholder."""


class InterpolationError(ValueError):
    """Braces that do not parse; the message says what is wrong and how to fix it."""


def parse(text: str) -> tuple[Part, ...]:
    """``text`` as literal pieces and placeholders (``{{`` and ``}}`` become one brace).

    Raises:
        InterpolationError: for a brace without its pair, or a placeholder of an unknown kind or with a wrong id shape.
    """
    if "{" not in text and "}" not in text:
        return (text,) if text else ()
    parts: list[Part] = []
    literal: list[str] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "{" and text.startswith("{{", i):
            literal.append("{")
            i += 2
        elif ch == "}" and text.startswith("}}", i):
            literal.append("}")
            i += 2
        elif ch == "}":
            raise InterpolationError("a '}' that closes no placeholder: write '}}' for a brace shown as it is")
        elif ch == "{":
            end = text.find("}", i + 1)
            inner = text[i + 1 : end] if end > 0 else ""
            if end < 0 or "{" in inner or "\n" in inner or len(inner) > MAX_INSIDE:
                raise InterpolationError(
                    "a '{' that starts no placeholder: write '{{' for a brace shown as it is, or close it, like {weekday}"
                )
            if literal:
                parts.append("".join(literal))
                literal = []
            parts.append(_placeholder(inner))
            i = end + 1
        else:
            literal.append(ch)
            i += 1
    if literal:
        parts.append("".join(literal))
    return tuple(parts)


def _placeholder(inner: str) -> Placeholder:
    match = _INSIDE.fullmatch(inner)
    kind = match.group(1) if match else inner.split(":", 1)[0].strip()
    if kind not in KINDS:
        close = difflib.get_close_matches(kind, list(KINDS), n=1)
        hint = f"did you mean {EXAMPLES[close[0]]}? " if close else ""
        every = ", ".join(EXAMPLES.values())
        return _fail(f"unknown placeholder '{{{inner}}}': {hint}use one of {every} (or '{{{{' for a brace)")
    if match is None:
        return _fail(f"placeholder '{{{inner}}}' is not written like {EXAMPLES[kind]}: an id is lower case, without spaces")
    ident = match.group(2) or ""
    wants = KINDS[kind]
    if wants and not ident:
        return _fail(f"placeholder '{{{kind}}}' needs an id, like {EXAMPLES[kind]}")
    if not wants and ident:
        return _fail(f"placeholder '{{{inner}}}' takes no id: write {EXAMPLES[kind]}")
    return Placeholder(kind, ident)


def _fail(message: str) -> NoReturn:
    raise InterpolationError(message)


def problems_in(text: str, known: Mapping[str, object]) -> list[str]:
    """What is wrong with the placeholders of ``text``, each with how to fix it (``known``: section → ids)."""
    try:
        parts = parse(text)
    except InterpolationError as exc:
        return [str(exc)]
    out = []
    for part in parts:
        if isinstance(part, Placeholder) and part.ident:
            section = KINDS[part.kind]
            ids = known.get(section, {})
            if part.ident not in ids:  # type: ignore[operator]
                what = {"characters": "character", "stats": "stat", "systems": "score system"}[section]
                close = difflib.get_close_matches(part.ident, sorted(ids), n=1)  # type: ignore[call-overload]
                hint = f" (did you mean {{{part.kind}:{close[0]}}}?)" if close else f"; name a {what} the packs declare"
                out.append(f"placeholder '{part.token}' names unknown {what} '{part.ident}'{hint}")
    return out


def tokens(text: str) -> Counter[str]:
    """The placeholders of ``text`` as written, counted (for comparing a translation with its source); a text whose
    braces do not parse counts each ``{…}`` it holds."""
    try:
        return Counter(p.token for p in parse(text) if isinstance(p, Placeholder))
    except InterpolationError:
        return Counter(re.findall(r"\{[^{}\n]{0,100}\}", text))
