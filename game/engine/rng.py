"""A tiny seeded random generator whose whole state is one integer.

SplitMix64: fast in pure Python, identical on every platform and Python
version (integer arithmetic only; tests/test_rng.py pins the sequence), and
trivially saved (the state is a number in the save file). A C-backed
generator (``random.Random``) was not taken: its state is 625 words, and its
sequence would have to be proven the same on every platform and version.
"""

from __future__ import annotations

_MASK = (1 << 64) - 1
_UNIT = 1.0 / (1 << 53)


def _mix(z: int) -> int:
    """SplitMix64's output function: a bijection that scatters nearby inputs."""
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & _MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & _MASK
    return z ^ (z >> 31)


class Rng:
    """Deterministic generator. ``state`` can be stored and restored."""

    __slots__ = ("state",)

    def __init__(self, state: int) -> None:
        self.state = state & _MASK

    @classmethod
    def from_seed(cls, seed: int | str) -> Rng:
        """A generator for a seed given as a number or text.

        The seed goes through SplitMix64's mixing function first: without it,
        seed n+1 would draw seed n's numbers shifted by one, and lives with
        neighbouring seeds would be near-copies of each other.
        """
        if isinstance(seed, str):
            value = 0
            for byte in seed.encode():
                value = (value * 131 + byte) & _MASK
            seed = value
        return cls(_mix(seed & _MASK))

    def next64(self) -> int:
        self.state = (self.state + 0x9E3779B97F4A7C15) & _MASK
        return _mix(self.state)

    def random(self) -> float:
        """A float in [0, 1): the top 53 bits of :meth:`next64` (inlined: it is on every event draw)."""
        z = self.state = (self.state + 0x9E3779B97F4A7C15) & _MASK
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & _MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & _MASK
        return ((z ^ (z >> 31)) >> 11) * _UNIT

    def integer(self, low: int, high: int) -> int:
        """An integer in [low, high], both included."""
        if high <= low:
            return low
        return low + self.next64() % (high - low + 1)
