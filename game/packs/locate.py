"""Find the line of a key path in TOML source, since the parser does not keep positions.

Paths look like ``event[3].choice[1].label`` or ``systems.municipal.tiers``.
The scan understands table headers, arrays of tables and ``key =`` lines (with
dotted keys); keys inside inline tables resolve to the line of their table.
"""

from __future__ import annotations

import re

# Possessive quantifiers (*+, ++): no backtracking, so a line of 400,000 spaces takes linear time.
_HEADER = re.compile(r"^\s*+(\[\[?+)([^\]]++)\]\]?+\s*+(#.*)?$")
_KEY = re.compile(r"""^\s*+((?:[A-Za-z0-9_\-]++|"[^"]*+"|'[^']*+')(?:\s*+\.\s*+(?:[A-Za-z0-9_\-]++|"[^"]*+"|'[^']*+'))*+)\s*+=""")


def _parts(dotted: str) -> list[str]:
    return [p.strip().strip("\"'") for p in re.findall(r"""(?:"[^"]*"|'[^']*'|[^.]+)""", dotted)]


class LineIndex:
    """Maps key paths of one TOML document to 1-based line numbers.

    The scan runs on the first look-up: clean files, the common case, never pay for it.
    """

    def __init__(self, text: str) -> None:
        self._text: str | None = text
        self._lines: dict[str, int] = {}
        self._first_below: dict[str, int] = {}

    @property
    def lines(self) -> dict[str, int]:
        if self._text is not None:
            self._scan(self._text)
            self._text = None
        return self._lines

    def _scan(self, text: str) -> None:
        self._lines = {}
        self._first_below = {}
        counts: dict[str, int] = {}
        current: list[str] = []
        in_multiline: str | None = None
        for number, line in enumerate(text.splitlines(), start=1):
            if in_multiline:
                if line.count(in_multiline) % 2 == 1:
                    in_multiline = None
                continue
            header = _HEADER.match(line)
            if header:
                is_array = header.group(1) == "[["
                resolved = self._resolve(_parts(header.group(2)), counts)
                if is_array:
                    base = ".".join(resolved)
                    index = counts.get(base, -1) + 1
                    counts[base] = index
                    resolved[-1] = f"{resolved[-1]}[{index}]"
                current = resolved
                self._add(".".join(current), number)
                continue
            key = _KEY.match(line)
            if key:
                path = ".".join([*current, *_parts(key.group(1))])
                self._add(path, number)
                rest = line[key.end() :]
                for quote in ('"""', "'''"):
                    if rest.count(quote) % 2 == 1:
                        in_multiline = quote

    def _add(self, path: str, number: int) -> None:
        """Record ``path`` at ``number``, and as the first line below each of its ancestors."""
        if path in self._lines:
            return
        self._lines[path] = number
        cut = len(path)
        while True:
            cut = max(path.rfind(".", 0, cut), path.rfind("[", 0, cut))
            if cut <= 0:
                break
            ancestor = path[:cut]
            if self._first_below.get(ancestor, number + 1) <= number:
                break  # this ancestor, and so every one above it, already has an earlier line
            self._first_below[ancestor] = number

    def _resolve(self, parts: list[str], counts: dict[str, int]) -> list[str]:
        """Give each prefix that is an array of tables its latest index."""
        out: list[str] = []
        for part in parts:
            candidate = ".".join([*out, part])
            if candidate in counts and len(out) + 1 < len(parts):
                out.append(f"{part}[{counts[candidate]}]")
            else:
                out.append(part)
        return out

    def line_of(self, path: str) -> int:
        """The line of ``path``, of its first descendant, or of its nearest ancestor; 0 if none."""
        if path not in self.lines and path in self._first_below:
            return self._first_below[path]
        while path:
            if path in self.lines:
                return self.lines[path]
            cut = max(path.rfind("."), path.rfind("["))
            if cut <= 0:
                break
            path = path[:cut]
        return self.lines.get(path, 0)
