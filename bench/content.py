"""Content load: loading and validating packs against parsing the same files with tomli alone."""

from __future__ import annotations

import tempfile
from pathlib import Path

import tomli

from bench.generate import comparison_pack
from bench.measure import Figure, median_time
from game.packs.loader import discover_packs, load_content

CONTENT = Path(__file__).resolve().parent.parent / "content"


def raw_parse(paths: list[Path]) -> None:
    """The reference: read and parse every .toml file of the packs, nothing else."""
    for folder in discover_packs(paths):
        for path in sorted(folder.rglob("*.toml")):
            tomli.loads(path.read_bytes().decode("utf-8"))


def run(quick: bool = False) -> list[Figure]:
    repeat = 3 if quick else 7
    figures = []
    load = median_time(lambda: load_content([CONTENT]), repeat)
    parse = median_time(lambda: raw_parse([CONTENT]), repeat)
    figures.append(Figure("content load: built-in packs", load * 1000, "ms", parse * 1000, "tomli parse of the same files", 2.0))
    with tempfile.TemporaryDirectory() as tmp:
        big = comparison_pack(Path(tmp) / "gen20k", 20_000)
        load = median_time(lambda: load_content([big]), 1 if quick else 3, warmup=0)
        parse = median_time(lambda: raw_parse([big]), 1 if quick else 3, warmup=0)
    figures.append(
        Figure("content load: generated 20 000 events", load * 1000, "ms", parse * 1000, "tomli parse of the same files", 2.0)
    )
    return figures
