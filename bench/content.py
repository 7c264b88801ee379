"""Content load: loading and validating packs against parsing the same files with tomli alone, in-process.

Load and parse alternate (A B A B …); the ratio is the median of the pairs'
ratios. Sizes: the built-in packs, and generated packs of 2 000 and 20 000
events, so that a cost growing faster than the input shows as a growing ratio.
Those loads run with the caches turned off (``CITIZEN_CACHE=off``);
a last row loads the built-in packs from a warm compiled-content cache (game/packs/content_cache.py).
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import tomli

from bench.generate import comparison_pack
from bench.measure import Figure
from bench.pairs import paired
from game.packs.loader import discover_packs, load_content
from game.packs.reader import TRANSLATIONS

CONTENT = Path(__file__).resolve().parent.parent / "content"


def raw_parse(paths: list[Path]) -> None:
    """The reference: read and parse every .toml file the load reads, nothing else (not the packs' ``lang/``
    translations, which a load in the packs' own language never opens)."""
    for folder in discover_packs(paths):
        for path in sorted(folder.rglob("*.toml")):
            if path.relative_to(folder).parts[0] != TRANSLATIONS:
                tomli.loads(path.read_bytes().decode("utf-8"))


def seconds(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def load_vs_parse(name: str, paths: list[Path], pairs: int, cache: str = "off", budget: float = 2.0) -> Figure:
    """Load (with ``CITIZEN_CACHE=cache``) against parsing, interleaved."""
    before = os.environ.get("CITIZEN_CACHE")
    os.environ["CITIZEN_CACHE"] = cache
    try:
        result = paired(lambda: seconds(lambda: load_content(paths)), lambda: seconds(lambda: raw_parse(paths)), pairs)
    finally:
        if before is None:
            os.environ.pop("CITIZEN_CACHE")
        else:
            os.environ["CITIZEN_CACHE"] = before
    return Figure(
        f"content load: {name}",
        result.a * 1000,
        "ms",
        result.b * 1000,
        "tomli parse of the same files",
        budget,
        note=f"load + validate; median of {pairs} interleaved pairs",
        paired_ratio=result.ratio,
    )


def run(quick: bool = False) -> list[Figure]:
    figures = [load_vs_parse("built-in packs", [CONTENT], 3 if quick else 9)]
    with tempfile.TemporaryDirectory() as tmp:
        for count, pairs in ((2000, 3 if quick else 5), (20_000, 1 if quick else 3)):
            pack = comparison_pack(Path(tmp) / f"gen{count}", count)
            figures.append(load_vs_parse(f"generated {count:,} events", [pack], pairs))
        warm = str(Path(tmp) / "cache")  # the first (untimed) pair of paired() fills it
        figures.append(load_vs_parse("built-in packs, warm compiled-content cache", [CONTENT], 3 if quick else 9, warm, 1.0))
    return figures
