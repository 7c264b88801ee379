"""A shorter soak than bench/soak.py: many lives in one process, no memory growth after warm-up."""

from __future__ import annotations

import pytest

from bench.soak import soak


@pytest.mark.slow
def test_memory_does_not_grow_over_many_lives() -> None:
    before, after, _seconds = soak(3_000, warm_up=500)
    assert after <= before * 1.05 + 2048, (before, after)  # a few percent, plus 2 MiB of allocator slack
