"""What every synthetic generator shares: the draw from a fixed distribution, and the check of a request.

The generators (the misconduct register, stop and search, the disclosure log) are deterministic from a
seed: each draw takes exactly one number from the generator's ``random.Random``, so the same seed gives
the same data whichever of them draws.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterable
from itertools import accumulate
from typing import Generic, TypeVar

T = TypeVar("T")


class WeightedDraw(Generic[T]):
    """Draws one of ``items`` with probability in proportion to its weight (one uniform number a draw)."""

    __slots__ = ("_cumulative", "_items")

    def __init__(self, weighted: Iterable[tuple[T, float]]) -> None:
        pairs = tuple(weighted)
        if not pairs or any(weight < 0 for _, weight in pairs) or sum(w for _, w in pairs) <= 0:
            raise ValueError("a distribution needs at least one item and weights that are not negative")
        self._items: tuple[T, ...] = tuple(item for item, _ in pairs)
        self._cumulative: tuple[float, ...] = tuple(accumulate(weight for _, weight in pairs))

    def draw(self, rng: random.Random) -> T:
        return rng.choices(self._items, cum_weights=self._cumulative, k=1)[0]


def check_generation(n: int, limit: int, start: dt.date, end: dt.date) -> None:
    """Refuse a negative count, more than ``limit`` records, or a period that ends before it starts."""
    if not 0 <= n <= limit:
        raise ValueError(f"n must be between 0 and {limit:,}, not {n}")
    if end < start:
        raise ValueError(f"the period ends ({end}) before it starts ({start})")
