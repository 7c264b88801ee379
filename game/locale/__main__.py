"""``python -m game.locale update|compile``: keep the game's catalogs in step with game/strings.py (docs/translating.md)."""

from __future__ import annotations

import sys

from game.locale import compile_all, update


def main(argv: list[str]) -> int:
    if argv[:1] == ["update"]:
        lines = update()
    elif argv[:1] == ["compile"]:
        lines = compile_all()
    else:
        print("usage: python -m game.locale update|compile", file=sys.stderr)
        return 2
    for line in lines:
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
