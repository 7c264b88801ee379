"""Timing helpers and the result record every benchmark returns."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass


@dataclass
class Figure:
    """One measured figure, with the reference it is compared to and its budget.

    ``ratio`` is value / reference. ``budget`` is the limit on the ratio
    (``at_most``) or on the value itself (``at_least``, for throughputs).
    """

    name: str
    value: float
    unit: str
    reference: float | None = None
    reference_name: str = ""
    budget: float | None = None
    budget_kind: str = "ratio_at_most"  # ratio_at_most | value_at_least | value_at_most | none
    note: str = ""
    paired_ratio: float | None = None
    """The median of per-pair ratios when A and B were interleaved (see bench/pairs.py); it is the ratio shown."""

    @property
    def ratio(self) -> float | None:
        if self.paired_ratio is not None:
            return self.paired_ratio
        return self.value / self.reference if self.reference else None

    @property
    def ok(self) -> bool | None:
        if self.budget is None:
            return None
        if self.budget_kind == "ratio_at_most":
            return self.ratio is not None and self.ratio <= self.budget
        if self.budget_kind == "value_at_least":
            return self.value >= self.budget
        if self.budget_kind == "value_at_most":
            return self.value <= self.budget
        return None

    def to_dict(self) -> dict:
        return {**asdict(self), "ratio": self.ratio, "ok": self.ok}


def median_time(fn: Callable[[], object], repeat: int = 5, warmup: int = 1) -> float:
    """Median wall time of ``fn`` in seconds over ``repeat`` runs, after ``warmup`` runs."""
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)
