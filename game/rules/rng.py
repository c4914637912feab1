"""Seeded randomness: a small, fast generator derived from (seed, round, purpose).

Nothing in the rules uses the global `random` module. Every draw comes from a generator
made here for one purpose in one round, so adding a draw for one purpose never shifts
the draws of another, and replays are exact on every platform.
"""

from __future__ import annotations

from hashlib import blake2b

_MASK = (1 << 64) - 1


class Rng:
    """SplitMix64: tiny, fast and good enough for game chance; never for secrets."""

    __slots__ = ("_state",)

    def __init__(self, seed: int) -> None:
        self._state = seed & _MASK

    def next64(self) -> int:
        """The next 64-bit output."""
        self._state = (self._state + 0x9E3779B97F4A7C15) & _MASK
        z = self._state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & _MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & _MASK
        return z ^ (z >> 31)

    def below(self, n: int) -> int:
        """A whole number in [0, n)."""
        if n <= 0:
            raise ValueError("below() needs a positive bound")
        return self.next64() % n

    def percent(self, chance: int) -> bool:
        """True with the given whole-percent chance."""
        return self.below(100) < chance

    def choice(self, items):
        """One item of a non-empty sequence."""
        return items[self.below(len(items))]

    def weighted(self, items, weights):
        """One item, drawn with the given whole-number weights."""
        total = sum(weights)
        pick = self.below(total)
        for item, weight in zip(items, weights, strict=True):
            pick -= weight
            if pick < 0:
                return item
        raise AssertionError("unreachable: weights sum checked")


def derive_seed(seed: int, round_no: int, purpose: str) -> int:
    """A 64-bit seed for one purpose in one round of one game."""
    digest = blake2b(f"{seed}:{round_no}:{purpose}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "little")


def derive(seed: int, round_no: int, purpose: str) -> Rng:
    """The generator for one purpose in one round of one game."""
    return Rng(derive_seed(seed, round_no, purpose))
