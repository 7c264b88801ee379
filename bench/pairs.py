"""Measuring A against B on a shared machine: interleaved pairs and the median of their ratios.

Running all of A and then all of B lets a neighbour's burst land on one side
only (bench/tui.py once read 1.27, 1.84, 1.51 and 1.41 on the same code). Here
A and B alternate (A B A B …), each pair gives one ratio, and the figure is the
median of those ratios, beside the medians of A and of B.

Whole processes are measured by their own CPU time (``os.wait4``: the child's
user + system time, not the neighbours') and by their own peak resident memory
(the kernel's VmHWM, read by the child at exit: ``ru_maxrss`` would carry the
parent's high-water mark over fork and exec).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Paired:
    """Medians of A and of B, and the median of the per-pair ratios A / B."""

    a: float
    b: float
    ratio: float
    pairs: int


def paired(a: Callable[[], float], b: Callable[[], float], pairs: int, warmup: int = 1) -> Paired:
    """Run ``a`` and ``b`` alternately ``pairs`` times (after ``warmup`` untimed pairs); each returns its measure."""
    for _ in range(warmup):
        a()
        b()
    a_values, b_values, ratios = [], [], []
    for _ in range(pairs):
        x, y = a(), b()
        a_values.append(x)
        b_values.append(y)
        ratios.append(x / y)
    return Paired(statistics.median(a_values), statistics.median(b_values), statistics.median(ratios), pairs)


PEAK_PRELUDE = """
import atexit as _atexit, os as _os
def _bench_peak():
    with open("/proc/self/status") as _f:
        _kib = next(int(l.split()[1]) for l in _f if l.startswith("VmHWM:"))
    with open(_os.environ["BENCH_PEAK_FILE"], "w") as _f:
        _f.write(str(_kib))
_atexit.register(_bench_peak)
"""


@dataclass(frozen=True)
class Child:
    """What one child process cost: its CPU seconds (user + system) and its peak resident KiB (0 if not asked)."""

    cpu: float
    peak_kib: int


def run_child(argv: list[str], env: dict[str, str] | None = None) -> float:
    """Run ``argv`` from the checkout; its own CPU seconds (user + system), no one else's."""
    with tempfile.TemporaryFile() as err:
        process = subprocess.Popen(argv, cwd=ROOT, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            err.seek(0)
            said = err.read().decode(errors="replace")[-2000:]
            raise RuntimeError(f"bench child {argv[1:3]} failed ({process.returncode}): {said}")
    return usage.ru_utime + usage.ru_stime


def child(script: str, args: list[str] | None = None) -> Child:
    """Run ``python -c script args…`` from the checkout: its CPU time and its peak resident memory."""
    with tempfile.NamedTemporaryFile("r", suffix=".peak") as peak:
        env = {**os.environ, "BENCH_PEAK_FILE": peak.name}
        cpu = run_child([sys.executable, "-c", PEAK_PRELUDE + script, *(args or [])], env)
        text = Path(peak.name).read_text()
    return Child(cpu, int(text or 0))
