"""Make pack text safe to show: no terminal control codes, no markup beyond a small subset.

Pack text may use ``[b]…[/b]``, ``[i]…[/i]`` and the colours in
:data:`SAFE_COLOURS`. Everything else that looks like markup is shown as
written. Control characters (C0 and C1, ESC included) are removed, except
newline and tab.
"""

from __future__ import annotations

import re

SAFE_COLOURS = ("red", "green", "yellow", "blue", "magenta", "cyan", "grey")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SAFE_TAG = re.compile(r"\[(/?)(b|i|" + "|".join(SAFE_COLOURS) + r")\]")
_RICH = {"b": "bold", "i": "italic", "grey": "bright_black"}


def clean(text: str) -> str:
    """Remove terminal control characters (keeps newline and tab)."""
    return _CONTROL.sub("", text)


def to_plain(text: str) -> str:
    """Pack text for plain output: control codes and safe tags removed."""
    return _SAFE_TAG.sub("", clean(text))


def to_markup(text: str) -> str:
    """Pack text as Rich/Textual markup: the safe tags kept, every other bracket escaped."""
    text = clean(text)
    out: list[str] = []
    pos = 0
    for match in _SAFE_TAG.finditer(text):
        out.append(_escape(text[pos : match.start()]))
        closing, tag = match.groups()
        out.append(f"[{closing}{_RICH.get(tag, tag)}]")
        pos = match.end()
    out.append(_escape(text[pos:]))
    return _balance("".join(out))


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("[", "\\[")


def _balance(markup: str) -> str:
    """Drop closing tags that close nothing, so Rich never raises on pack text."""
    stack: list[str] = []
    out: list[str] = []
    for part in re.split(r"(?<!\\)(\[/?[a-z_ ]+\])", markup):
        m = re.fullmatch(r"\[(/?)([a-z_ ]+)\]", part)
        if not m:
            out.append(part)
            continue
        closing, tag = m.groups()
        if not closing:
            stack.append(tag)
            out.append(part)
        elif tag in stack:
            while stack:
                top = stack.pop()
                out.append(f"[/{top}]")
                if top == tag:
                    break
    out.extend(f"[/{t}]" for t in reversed(stack))
    return "".join(out)
